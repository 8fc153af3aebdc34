"""/healthz for load balancers and service managers, /metrics for Prometheus."""

import hmac
import ipaddress

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from prometheus_client import CONTENT_TYPE_LATEST

from commentdesk.ops.health import run_checks
from commentdesk.ops.metrics import exposition

PROXY_HEADERS = ("HTTP_X_FORWARDED_FOR", "HTTP_X_REAL_IP", "HTTP_FORWARDED")


@never_cache
@require_GET
def healthz(request):
    """200 when the database, the cache and (when moderation uses one) the broker answer; 503
    otherwise. The body names each part: {"status": "ok", "database": {"status": "ok"}, ...}."""
    parts, healthy = run_checks()
    return JsonResponse({"status": "ok" if healthy else "error", **parts}, status=200 if healthy else 503)


@never_cache
@require_GET
def metrics(request):
    """Prometheus' text format. With METRICS_TOKEN set, only for `Authorization: Bearer <token>`;
    without it, only for requests from a loopback or private address that came through no proxy."""
    if not metrics_allowed(request):
        return HttpResponse(status=403)
    return HttpResponse(exposition(), content_type=CONTENT_TYPE_LATEST)


def metrics_allowed(request):
    if settings.METRICS_TOKEN:
        scheme, _, given = request.headers.get("Authorization", "").partition(" ")
        return scheme.lower() == "bearer" and hmac.compare_digest(
            given.strip().encode(), settings.METRICS_TOKEN.encode()
        )
    if any(header in request.META for header in PROXY_HEADERS):
        return False  # Relayed by a reverse proxy: REMOTE_ADDR is the proxy's, not the caller's.
    try:
        address = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    return address.is_loopback or address.is_private
