"""Celery entry points: they take ids and hand over to actions, nothing more."""

from celery import shared_task
from django.db import InterfaceError, OperationalError

from commentdesk.moderation import actions


@shared_task(
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=2,
    retry_backoff_max=300,
    max_retries=8,
)
def moderate_comment(comment_id: int) -> None:
    actions.do_moderate_comment(comment_id)


@shared_task
def sweep_moderation() -> int:
    return actions.do_sweep_stale_moderation()
