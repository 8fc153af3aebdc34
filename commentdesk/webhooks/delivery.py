"""Sending a delivery: one POST per attempt, retried with exponential backoff.

The Delivery row is the outbox: dispatch() hands it to a Celery worker, or without a broker to
the in-process sender thread (sender.py); whichever runs the attempt first claims the row, so
a delivery is never attempted twice at once. Rows left pending by a process that stopped are
sent by the next look for due deliveries (beat, the sender thread, or `manage.py
deliver_webhooks`).
"""

import http.client
import logging
import urllib.error
import urllib.request
from datetime import timedelta

from django.conf import settings
from django.db.models import Min
from django.utils import timezone

from commentdesk.lib.background import attempt_all_due
from commentdesk.webhooks import addresses, signing
from commentdesk.webhooks.models import Delivery

logger = logging.getLogger(__name__)

USER_AGENT = "commentdesk-webhooks/1"
MAX_BACKOFF_SECONDS = 3600


def dispatch(delivery_id: int) -> None:
    """Have the delivery attempted in the background; never raises."""
    from commentdesk.webhooks.sender import attempt_in_background
    from commentdesk.webhooks.tasks import deliver_webhook

    attempt_in_background(deliver_webhook, delivery_id, "webhook delivery")


def backoff(attempts: int) -> float:
    """Seconds before the next attempt after this many failed ones: base, 2 x base, 4 x base..."""
    return min(settings.WEBHOOK_RETRY_SECONDS * 2 ** (attempts - 1), MAX_BACKOFF_SECONDS)


def do_attempt_delivery(delivery_id: int) -> float | None:
    """Attempt the delivery if it is due and nobody else holds it. Returns the seconds until its
    next attempt when it failed and will be retried, else None."""
    now = timezone.now()
    lease = now + timedelta(seconds=settings.WEBHOOK_TIMEOUT + 30)
    claimed = Delivery.objects.filter(
        pk=delivery_id, status=Delivery.Status.PENDING, next_attempt_at__lte=now
    ).update(next_attempt_at=lease)
    if not claimed:
        return None
    delivery = Delivery.objects.select_related("endpoint").get(pk=delivery_id)
    if not delivery.endpoint.active:
        return _record(delivery, None, "The webhook was turned off.", final=True)
    # Checked at each attempt too: the name may resolve elsewhere than when it was saved.
    if refused := addresses.refusal(delivery.endpoint.url):
        return _record(delivery, None, refused, final=True)
    status, error = post(delivery)
    return _record(delivery, status, error)


def post(delivery: Delivery) -> tuple[int | None, str]:
    """POST the body, signed now; the response status (None when there was none) and an error."""
    body = delivery.body.encode()
    request = urllib.request.Request(
        delivery.endpoint.url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
            "Commentdesk-Event": delivery.event,
            "Commentdesk-Delivery": str(delivery.pk),
            signing.HEADER: signing.sign(delivery.endpoint.secret, body),
        },
    )
    try:
        with _opener.open(request, timeout=settings.WEBHOOK_TIMEOUT) as response:
            return response.status, ""
    except urllib.error.HTTPError as error:
        return error.code, f"HTTP {error.code} {error.reason}"
    except (urllib.error.URLError, OSError, ValueError) as error:
        return None, str(getattr(error, "reason", error))


def _record(delivery, status, error, final=False) -> float | None:
    now = timezone.now()
    delivery.attempts += 1
    delivery.last_attempt_at = now
    delivery.response_status = status
    delivery.error = error[:500]
    delay = None
    if status is not None and 200 <= status < 300:
        delivery.status, delivery.delivered_at = Delivery.Status.DELIVERED, now
        delivery.next_attempt_at = None
    elif final or delivery.attempts >= settings.WEBHOOK_MAX_ATTEMPTS:
        delivery.status, delivery.next_attempt_at = Delivery.Status.FAILED, None
        logger.warning("Webhook delivery %s failed for good: %s", delivery.pk, error)
    else:
        delay = backoff(delivery.attempts)
        delivery.next_attempt_at = now + timedelta(seconds=delay)
    delivery.save()
    return delay


def due_ids(*, grace=0.0, limit=100) -> list[int]:
    """Pending deliveries whose attempt is due (grace seconds ago or earlier)."""
    cutoff = timezone.now() - timedelta(seconds=grace)
    due = Delivery.objects.filter(status=Delivery.Status.PENDING, next_attempt_at__lte=cutoff)
    return list(due.order_by("next_attempt_at").values_list("pk", flat=True)[:limit])


def seconds_to_next() -> float | None:
    """Seconds until the earliest pending attempt (None when nothing is pending)."""
    pending = Delivery.objects.filter(status=Delivery.Status.PENDING)
    earliest = pending.aggregate(at=Min("next_attempt_at"))["at"]
    return None if earliest is None else max((earliest - timezone.now()).total_seconds(), 0.0)


def do_deliver_due() -> int:
    """Attempt every due delivery now, in this process; return how many were attempted."""
    return attempt_all_due(due_ids, do_attempt_delivery)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is a failed delivery: the receiver should answer at the URL it gave."""

    def redirect_request(self, *args, **kwargs):
        return None


class _PublicOnly:
    """An http.client connection that connects only to public servers (addresses.py)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._create_connection = addresses.public_connection


class _PublicHTTPConnection(_PublicOnly, http.client.HTTPConnection):
    pass


class _PublicHTTPSConnection(_PublicOnly, http.client.HTTPSConnection):
    pass


class _PublicHTTPHandler(urllib.request.HTTPHandler):
    """Connects only to public servers, checked on the address actually reached."""

    def http_open(self, req):
        return self.do_open(_PublicHTTPConnection, req)


class _PublicHTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req):
        return self.do_open(_PublicHTTPSConnection, req, context=self._context)


_opener = urllib.request.build_opener(_NoRedirects, _PublicHTTPHandler, _PublicHTTPSHandler)
