"""Decisions become emails: the comments' status signal, sent after the commit, puts them in
the outbox (outbox.py), sent in the background (the webhooks thread without a broker, a Celery
task with one)."""

import logging

from django.db.models import Q, Subquery

from commentdesk.comments.models import Comment
from commentdesk.notifications import outbox
from commentdesk.notifications.models import PendingEmail, Subscription

logger = logging.getLogger(__name__)


def on_comment_status_changed(sender, comment_id, status, **kwargs):
    """A decision on a subscribed comment, or a published reply to one, queues its email.
    Never raises: an email must not break deciding."""
    if status not in (Comment.Status.APPROVED, Comment.Status.REJECTED):
        return  # Undone back to pending, or erased.
    try:
        # One indexed query covers both: the comment's own subscription and its parent's.
        # (A scalar subquery: PostgreSQL then ORs two index scans instead of scanning the table.)
        parent = Subquery(Comment.objects.filter(pk=comment_id).order_by().values("parent_id"))
        subscribed = set(
            Subscription.objects.filter(
                Q(comment_id=comment_id) | Q(comment_id=parent), unsubscribed_at__isnull=True
            ).values_list("comment_id", flat=True)
        )
        if comment_id in subscribed:
            outbox.queue(PendingEmail.Kind.DECISION, comment_id)
        if subscribed - {comment_id} and status == Comment.Status.APPROVED:
            outbox.queue(PendingEmail.Kind.REPLY, comment_id)
    except Exception:
        logger.exception("Emails about comment %s not queued.", comment_id)
