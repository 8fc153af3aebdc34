from django.db import transaction

from commentdesk.articles.models import Article
from commentdesk.comments.models import Comment


class CommentsClosedError(Exception):
    pass


def do_submit_comment(article: Article, *, author_name: str, author_email: str, text: str):
    """Store a reader's comment as pending; moderators (or the machine) decide it later."""
    with transaction.atomic():
        if not Article.objects.filter(pk=article.pk, comments_open=True).exists():
            raise CommentsClosedError(article.slug)
        return Comment.objects.create(
            article=article, author_name=author_name, author_email=author_email, text=text
        )
