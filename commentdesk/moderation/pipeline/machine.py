"""The classifier's view of a comment, computed at most once per pipeline run."""

from itertools import groupby

import classifier

from commentdesk.moderation.models import Policy
from commentdesk.moderation.pipeline.context import PhaseContext


def machine_result(context: PhaseContext) -> dict:
    if context.machine is None:
        context.machine = machine_results([context.comment], context.policy)[context.comment.pk]
    return context.machine


def machine_results(comments, policy=None) -> dict:
    """{comment id: result} for many comments, one classifier call per article."""
    results = {}
    by_article = sorted(comments, key=lambda comment: comment.article_id)
    for _article_id, group in groupby(by_article, key=lambda comment: comment.article_id):
        group = list(group)
        article = group[0].article
        thresholds = (policy or Policy.for_site(article.site)).thresholds or None
        scored = classifier.classify_many(
            [comment.text for comment in group],
            article=classifier.Article(article.headline, article.body),
            thresholds=thresholds,
        )
        results.update((comment.pk, result.to_dict()) for comment, result in zip(group, scored))
    return results
