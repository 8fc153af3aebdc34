"""Decisions become emails: the comments' status signal, sent inside the deciding transaction,
puts them in the outbox (outbox.py), so the email is committed with the decision; they are
sent in the background after the commit (the webhooks thread without a broker, a Celery task
with one)."""

import logging

from django.db import transaction
from django.db.models import Q, Subquery

from commentdesk.comments.models import Comment
from commentdesk.notifications import outbox
from commentdesk.notifications.models import PendingEmail, Subscription

logger = logging.getLogger(__name__)


def on_comment_status_deciding(sender, comment_id, status, **kwargs):
    """A decision on a subscribed comment, or a published reply to one, queues its email.
    Never raises, and a failure here rolls back only its savepoint: an email must not break
    deciding."""
    if status not in (Comment.Status.APPROVED, Comment.Status.REJECTED):
        return  # Undone back to pending.
    try:
        with transaction.atomic():
            _queue_emails(comment_id, status)
    except Exception:
        logger.exception("Emails about comment %s not queued.", comment_id)


def _queue_emails(comment_id, status):
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
