from commentdesk.moderation.pipeline.context import Verdict


def hold_when_article_closed(context):
    """Comments were closed after this one was accepted: a moderator decides."""
    if context.article.comments_open:
        return None
    context.note("The article was closed to comments while this comment waited.")
    return Verdict("review")
