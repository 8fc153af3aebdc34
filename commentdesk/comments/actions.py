from django.db import transaction

from commentdesk.articles.models import Article
from commentdesk.comments.models import Comment
from commentdesk.moderation.actions import do_schedule_moderation


class CommentsClosedError(Exception):
    pass


def do_submit_comment(article: Article, *, author_name: str, author_email: str, text: str):
    """Store a reader's comment as pending and schedule its moderation, atomically."""
    with transaction.atomic():
        if not Article.objects.filter(pk=article.pk, comments_open=True).exists():
            raise CommentsClosedError(article.slug)
        comment = Comment.objects.create(
            article=article, author_name=author_name, author_email=author_email, text=text
        )
        do_schedule_moderation(comment)
    return comment
