"""What /metrics exposes, in Prometheus' text format.

Request latency is measured by OpsMetricsMiddleware in each process. The moderation figures
(queue depth, pending age, decisions) are read from the database when Prometheus scrapes, so
every web process reports the same totals and nothing is kept in memory.

Under gunicorn, each worker process has its own latency histogram. Set PROMETHEUS_MULTIPROC_DIR
to an empty folder writable by the workers (gunicorn_conf.py empties it at start) and any worker
answering /metrics reports the sum over all of them.
"""

import os

from django.db import DatabaseError
from django.db.models import Count, Min
from django.utils import timezone
from prometheus_client import (
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily

REQUEST_LATENCY = Histogram(
    "commentdesk_http_request_duration_seconds",
    "Time to answer a request, by route name and method.",
    ["route", "method"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
RESPONSES = Counter(
    "commentdesk_http_responses",
    "Responses sent, by route name, method and status class (2xx, 3xx, 4xx, 5xx).",
    ["route", "method", "status"],
)


def observe_request(route, method, status, seconds):
    REQUEST_LATENCY.labels(route, method).observe(seconds)
    RESPONSES.labels(route, method, f"{status // 100}xx").inc()


class ModerationCollector:
    """Gauges and counters computed from the database at scrape time: four cheap queries."""

    def describe(self):
        return []  # Registering must not query the database.

    def collect(self):
        up = GaugeMetricFamily(
            "commentdesk_metrics_database_up", "1 when the database answered this scrape's queries."
        )
        try:
            families = list(self.moderation_families())
        except DatabaseError:
            up.add_metric([], 0)
            yield up
            return
        up.add_metric([], 1)
        yield up
        yield from families

    def moderation_families(self):
        from commentdesk.comments.models import Comment
        from commentdesk.moderation.models import Decision, ModerationJob

        now = timezone.now()
        pending = Comment.objects.filter(status=Comment.Status.PENDING).aggregate(
            count=Count("pk"), oldest=Min("created_at")
        )
        waiting = ModerationJob.objects.filter(completed_at__isnull=True).aggregate(
            count=Count("pk"), oldest=Min("created_at")
        )
        yield gauge(
            "commentdesk_comments_pending",
            "Comments awaiting a decision, by the machine or a moderator.",
            pending["count"],
        )
        yield gauge(
            "commentdesk_comments_oldest_pending_age_seconds",
            "Age of the oldest comment awaiting a decision (0 when none).",
            age(now, pending["oldest"]),
        )
        yield gauge(
            "commentdesk_moderation_jobs_waiting",
            "Moderation jobs the pipeline has not completed: the workers' queue depth.",
            waiting["count"],
        )
        yield gauge(
            "commentdesk_moderation_oldest_waiting_job_age_seconds",
            "Age of the oldest moderation job not completed (0 when none).",
            age(now, waiting["oldest"]),
        )
        yield decisions_family(Decision)


def gauge(name, documentation, value):
    family = GaugeMetricFamily(name, documentation)
    family.add_metric([], value)
    return family


def age(now, oldest):
    return (now - oldest).total_seconds() if oldest else 0.0


def decisions_family(Decision):
    family = CounterMetricFamily(
        "commentdesk_decisions",
        "Decisions recorded (undone ones included), by outcome, guideline cited and decider.",
        labels=["outcome", "guideline", "decider"],
    )
    rows = (
        Decision.objects.order_by()
        .values("outcome", "guideline", "machine")
        .annotate(count=Count("pk"))
    )
    totals = {}
    for row in rows:
        key = (row["outcome"], row["guideline"] or "none", "machine" if row["machine"] else "moderator")
        totals[key] = totals.get(key, 0) + row["count"]
    for labels, count in sorted(totals.items()):
        family.add_metric(list(labels), count)
    return family


class _ProcessMetrics:
    """This process's own metrics (latency, process and GC figures) when not multiprocess."""

    def collect(self):
        return REGISTRY.collect()


def exposition() -> bytes:
    registry = CollectorRegistry()
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.MultiProcessCollector(registry)
    else:
        registry.register(_ProcessMetrics())
    registry.register(ModerationCollector())
    return generate_latest(registry)
