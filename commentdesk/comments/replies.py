"""Replies: one level of nesting, as Isso and Disqus-lite threads have.

A reply answers a published comment of the same article. A reply to a reply joins the thread
of the top-level comment it belongs to, so a thread is a comment and its replies, oldest first:
readable on a phone and in right-to-left text, and a moderator judges a reply beside the one
comment it answers (see docs/guides/moderating.md).
"""

from django.utils.translation import gettext_lazy as _

from commentdesk.comments.models import Comment


class ReplyRefused(Exception):
    """The comment a reader tried to reply to cannot take replies; status is the HTTP answer."""

    def __init__(self, status: int, message):
        super().__init__(str(message))
        self.status, self.message = status, message


NO_SUCH_COMMENT = _("There is no such comment on this article to reply to.")
NOT_PUBLISHED = _("You can reply only to a published comment.")


def thread_root(article, parent_id, *, lock=False) -> Comment:
    """The top-level comment a reply to parent_id joins; ReplyRefused when there is none."""
    comments = Comment.objects.select_for_update(of=("self",)) if lock else Comment.objects
    parent = comments.select_related("parent").filter(pk=parent_id).first()
    if parent is None or parent.article_id != article.pk:
        raise ReplyRefused(400, NO_SUCH_COMMENT)
    if parent.status != Comment.Status.APPROVED:
        raise ReplyRefused(409, NOT_PUBLISHED)
    root = parent.parent or parent
    if root.status != Comment.Status.APPROVED:
        raise ReplyRefused(409, NOT_PUBLISHED)
    return root


def threaded(comments) -> list[Comment]:
    """The top-level comments among these approved ones, each with .thread_replies: the
    replies whose top-level comment is shown, oldest first. A reply whose parent is not shown
    is not shown either: it would read as an answer to nothing."""
    by_id = {comment.pk: comment for comment in comments}
    top = []
    for comment in comments:
        comment.thread_replies = []
    for comment in comments:
        if comment.parent_id is None:
            top.append(comment)
            continue
        root = by_id.get(comment.parent_id)
        if root is not None and root.parent_id is not None:  # imported deeper threads
            root = by_id.get(root.parent_id)
        if root is not None and root.parent_id is None:
            root.thread_replies.append(comment)
    return top
