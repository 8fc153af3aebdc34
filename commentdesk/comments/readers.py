"""Remembers, in the reader's session, which comments this browser posted."""

from commentdesk.comments.models import Comment

SESSION_KEY = "commentdesk.posted_comments"
REMEMBERED = 100


def remember_posted(request, comment: Comment) -> None:
    posted = request.session.get(SESSION_KEY, [])
    request.session[SESSION_KEY] = (posted + [comment.pk])[-REMEMBERED:]


def own_unpublished_comments(request, article):
    """This browser's comments on the article that the public cannot see: pending or rejected."""
    posted = request.session.get(SESSION_KEY, [])
    if not posted:
        return Comment.objects.none()
    return article.comments.filter(pk__in=posted).exclude(status=Comment.Status.APPROVED)
