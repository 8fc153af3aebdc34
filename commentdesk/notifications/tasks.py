"""Celery entry points: they take an id and hand over to emails; a mail server that refuses
or is down is tried again a few times (the email's claim is given back first)."""

from smtplib import SMTPException

from celery import shared_task

from commentdesk.notifications import emails

RETRIES = 3
RETRY_SECONDS = 60


@shared_task(bind=True, max_retries=RETRIES)
def send_decision_email(self, comment_id: int) -> None:
    try:
        emails.send_decision_email(comment_id)
    except (SMTPException, OSError) as error:
        raise self.retry(exc=error, countdown=RETRY_SECONDS) from None


@shared_task(bind=True, max_retries=RETRIES)
def send_reply_email(self, reply_id: int) -> None:
    try:
        emails.send_reply_email(reply_id)
    except (SMTPException, OSError) as error:
        raise self.retry(exc=error, countdown=RETRY_SECONDS) from None
