"""Celery entry points: they take an outbox row's id and hand over to outbox, which keeps a
failed email for a later attempt itself (so no Celery retries here)."""

from celery import shared_task

from commentdesk.notifications import outbox


@shared_task
def send_email(pending_id: int) -> None:
    outbox.do_attempt(pending_id)


@shared_task
def send_due_emails() -> int:
    """Beat: send the emails whose task was lost (a worker or broker restart) or whose retry
    is due."""
    ids = outbox.due_ids(grace=60)
    for pending_id in ids:
        send_email.delay(pending_id)
    return len(ids)
