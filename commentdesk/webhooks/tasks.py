"""Celery entry points: they take ids and hand over to delivery and notifications."""

from celery import shared_task

from commentdesk.webhooks import delivery, notifications


@shared_task
def deliver_webhook(delivery_id: int) -> None:
    delay = delivery.do_attempt_delivery(delivery_id)
    if delay is not None:
        deliver_webhook.apply_async((delivery_id,), countdown=delay)


@shared_task
def deliver_due_webhooks() -> int:
    """Beat: send again the deliveries whose retry task was lost (a worker or broker restart)."""
    ids = delivery.due_ids(grace=60)
    for delivery_id in ids:
        deliver_webhook.delay(delivery_id)
    return len(ids)


@shared_task
def send_queue_alert(alert_id: int, waiting: int) -> None:
    notifications.send_queue_alert_email(alert_id, waiting)
