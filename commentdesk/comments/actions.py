from django.db import transaction

from commentdesk.articles.models import Article
from commentdesk.comments.models import Comment
from commentdesk.moderation.actions import do_schedule_moderation


class CommentsClosedError(Exception):
    pass


def do_submit_comment(article: Article, *, author_name: str, author_email: str, text: str):
    """Store a reader's comment as pending and schedule its moderation, atomically."""
    # Comments closing while this one waits for moderation is the pipeline's article_closed phase.
    if not article.comments_open:
        raise CommentsClosedError(article.slug)
    with transaction.atomic():
        comment = Comment.objects.create(
            article=article, author_name=author_name, author_email=author_email, text=text
        )
        do_schedule_moderation(comment)
    return comment
