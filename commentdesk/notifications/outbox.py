"""The outbox of commenters' emails: a decision queues a PendingEmail row, and whoever attempts
it first (the in-process sender thread without a broker, a Celery worker with one) claims the
row for a while, so it is never sent twice at once. A mail server that refuses or is down
leaves the row for a later attempt, with the webhooks' backoff, until EMAIL_MAX_ATTEMPTS
failures; rows a stopped process left are attempted by the next look for due ones (the
sender thread, or beat's send_due_emails)."""

import logging
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models import Min
from django.utils import timezone

from commentdesk.lib.background import attempt_all_due
from commentdesk.notifications import emails
from commentdesk.notifications.models import PendingEmail
from commentdesk.webhooks.delivery import backoff

logger = logging.getLogger(__name__)

SENDERS = {
    PendingEmail.Kind.DECISION: emails.send_decision_email,
    PendingEmail.Kind.REPLY: emails.send_reply_email,
}
# Longer than a mail server's EMAIL_TIMEOUT, so a slow send is not attempted twice at once.
CLAIM_SECONDS = 300


def queue(kind: str, comment_id: int) -> None:
    """Put the email in the outbox (once: a second decision meanwhile makes it due now), in the
    caller's transaction, and have it attempted in the background once that commits."""
    pending, created = PendingEmail.objects.get_or_create(kind=kind, comment_id=comment_id)
    if not created:
        PendingEmail.objects.filter(pk=pending.pk).update(
            next_attempt_at=timezone.now(), attempts=0, error=""
        )
    transaction.on_commit(partial(dispatch, pending.pk))


def dispatch(pending_id: int) -> None:
    from commentdesk.notifications.tasks import send_email
    from commentdesk.webhooks.sender import attempt_in_background

    attempt_in_background(send_email, pending_id, "email")


def do_attempt(pending_id: int) -> bool:
    """Send the email if it is due and nobody else holds it; True when it left the outbox."""
    now = timezone.now()
    claimed = PendingEmail.objects.filter(pk=pending_id, next_attempt_at__lte=now).update(
        next_attempt_at=now + timedelta(seconds=CLAIM_SECONDS)
    )
    if not claimed:
        return False
    pending = PendingEmail.objects.get(pk=pending_id)
    try:
        SENDERS[pending.kind](pending.comment_id)
    except Exception as error:  # The mail server's refusal, or anything else: kept to retry.
        _failed(pending, error)
        return False
    pending.delete()  # Sent, or no longer due (undone, unsubscribed, sent already).
    return True


def _failed(pending, error) -> None:
    pending.attempts += 1
    pending.error = f"{type(error).__name__}: {error}"[:500]
    if pending.attempts >= settings.EMAIL_MAX_ATTEMPTS:
        pending.next_attempt_at = None
        logger.error("Email %s failed for good: %s", pending, pending.error)
    else:
        pending.next_attempt_at = timezone.now() + timedelta(seconds=backoff(pending.attempts))
        logger.warning("Email %s not sent, tried again later: %s", pending, pending.error)
    pending.save(update_fields=["attempts", "error", "next_attempt_at"])


def due_ids(*, grace=0.0, limit=100) -> list[int]:
    cutoff = timezone.now() - timedelta(seconds=grace)
    due = PendingEmail.objects.filter(next_attempt_at__lte=cutoff).order_by("next_attempt_at")
    return list(due.values_list("pk", flat=True)[:limit])


def seconds_to_next() -> float | None:
    earliest = PendingEmail.objects.aggregate(at=Min("next_attempt_at"))["at"]
    return None if earliest is None else max((earliest - timezone.now()).total_seconds(), 0.0)


def do_send_due() -> int:
    """Attempt every due email now, in this process; return how many were attempted."""
    return attempt_all_due(due_ids, do_attempt)
