"""What /healthz checks: each part answers ok, or the kind of error that stopped it.

The reason is the exception's class name only: /healthz is public, and a driver's message can
name hosts and users. The full error goes to the log.
"""

import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection

log = logging.getLogger(__name__)

# Seconds the broker check waits for a connection: /healthz must answer before a load
# balancer's own timeout, usually 2 to 5 s.
BROKER_TIMEOUT = 2


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache():
    key, value = "ops:healthz", uuid.uuid4().hex
    cache.set(key, value, timeout=10)
    if cache.get(key) != value:
        raise LookupError("the cache did not return what was stored")


def check_broker():
    from kombu import Connection

    with Connection(settings.CELERY_BROKER_URL, connect_timeout=BROKER_TIMEOUT) as broker:
        broker.ensure_connection(max_retries=1, interval_start=0, timeout=BROKER_TIMEOUT)


def required_checks():
    """The parts this deployment needs: the broker only when moderation goes through one."""
    checks = {"database": check_database, "cache": check_cache}
    if settings.CELERY_BROKER_URL:
        checks["broker"] = check_broker
    return checks


def run_checks():
    """Return ({part: {"status": "ok"} or {"status": "error", "reason": kind}}, all_ok)."""
    results = {name: run_check(name, check) for name, check in required_checks().items()}
    if "broker" not in results:
        results["broker"] = {"status": "off", "reason": "no CELERY_BROKER_URL: moderation runs in-process"}
    return results, all(result["status"] in ("ok", "off") for result in results.values())


def run_check(name, check):
    try:
        check()
    except Exception as error:
        log.warning("healthz: the %s check failed", name, exc_info=True)
        return {"status": "error", "reason": type(error).__name__}
    return {"status": "ok"}
