"""Celery entry points: they take an id and hand over to emails; a mail server that refuses
or is down is tried again a few times (the email's claim is given back first)."""

from smtplib import SMTPException

from celery import shared_task

from commentdesk.notifications import emails

RETRIES = 3
RETRY_SECONDS = 60
MAIL_SERVER_ERRORS = (SMTPException, OSError)


@shared_task(
    autoretry_for=MAIL_SERVER_ERRORS, max_retries=RETRIES, default_retry_delay=RETRY_SECONDS
)
def send_decision_email(comment_id: int) -> None:
    emails.send_decision_email(comment_id)


@shared_task(
    autoretry_for=MAIL_SERVER_ERRORS, max_retries=RETRIES, default_retry_delay=RETRY_SECONDS
)
def send_reply_email(reply_id: int) -> None:
    emails.send_reply_email(reply_id)
