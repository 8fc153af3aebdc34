"""The classifier's view of a comment, computed at most once per pipeline run."""

import classifier

from commentdesk.moderation.pipeline.context import PhaseContext


def machine_result(context: PhaseContext) -> dict:
    if context.machine is None:
        article = context.article
        result = classifier.classify(
            context.comment.text,
            article=classifier.Article(article.headline, article.body),
            thresholds=context.policy.thresholds or None,
        )
        context.machine = result.to_dict()
    return context.machine
