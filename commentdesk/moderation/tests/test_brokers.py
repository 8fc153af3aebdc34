"""Every accepted comment reaches exactly one decision through worker crashes and broker
restarts, on real Redis and RabbitMQ brokers with real Celery worker processes.

The workers share the test database, so these tests run on PostgreSQL (`make test-postgres`);
an SQLite test database lives in the test process's memory, out of a worker's reach.
"""

import uuid

import pytest
from django.db import connection

from commentdesk.comments.models import Comment
from commentdesk.moderation.models import Decision, ModerationJob
from commentdesk.moderation.tests import brokers
from commentdesk.test import make_article

pytestmark = [pytest.mark.brokers, pytest.mark.django_db(transaction=True)]

COMMENTS = 200
TEXTS = [
    "The strikes killed several fighters, according to the statement.",
    "An attack on the base injured eight people; I hope they recover.",
    "You are a pathetic idiot and everyone here knows it.",
    "I hate this war. Killing is never the answer.",
    "Buy cheap followers now, message me on WhatsApp +964 750 000 0000",
    "This reads like a press release, please ask harder questions.",
    "Someone should put a bullet in her head.",
    "What does this mean for the farmers near Makhmour?",
]


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.fail("The broker tests need PostgreSQL: run them with DATABASE_URL set (make test-postgres).")


@pytest.fixture
def accepted_comments():
    """Comments accepted for moderation: each row written with its outbox job, none sent yet."""
    article = make_article()
    comments = Comment.objects.bulk_create(
        Comment(
            article=article,
            author_name=f"Reader {i}",
            author_email=f"r{i}@example.org",
            text=TEXTS[i % len(TEXTS)],
        )
        for i in range(COMMENTS)
    )
    ModerationJob.objects.bulk_create(ModerationJob(comment=c) for c in comments)
    return comments


@pytest.fixture
def workers(tmp_path):
    started = []

    def start(environment):
        process = brokers.start_worker(environment, tmp_path / "worker.log")
        started.append(process)
        return process

    yield start
    for process in started:
        brokers.kill_worker(process)


def completed():
    return ModerationJob.objects.filter(completed_at__isnull=False).count()


def assert_each_comment_decided_once():
    assert completed() == COMMENTS
    decided = ModerationJob.objects.filter(verdict__in=["approve", "reject"]).count()
    assert Decision.objects.count() == decided
    assert Decision.objects.values("comment").distinct().count() == decided
    for job in ModerationJob.objects.select_related("comment"):
        expected = {"approve": "approved", "reject": "rejected", "review": "pending"}[job.verdict]
        assert job.comment.status == expected


@pytest.mark.parametrize("broker_url", [brokers.REDIS_URL, brokers.RABBITMQ_URL], ids=["redis", "rabbitmq"])
def test_sigkill_of_a_worker_holding_tasks_loses_nothing(broker_url, accepted_comments, workers):
    environment = brokers.worker_environment(broker_url, f"crash-{uuid.uuid4().hex}")
    brokers.sweep(environment)
    first = workers(environment)
    assert brokers.wait_until(lambda: completed() >= 10, timeout=60), "the first worker decided nothing"
    brokers.kill_worker(first)
    assert completed() < COMMENTS, "the worker finished before it could be killed"

    workers(environment)
    brokers.wait_until(lambda: completed() == COMMENTS, timeout=120)
    assert_each_comment_decided_once()


@pytest.mark.parametrize(
    "broker_url, restart",
    [(brokers.REDIS_URL, brokers.restart_redis), (brokers.RABBITMQ_URL, brokers.restart_rabbitmq)],
    ids=["redis", "rabbitmq"],
)
def test_a_broker_restart_mid_run_loses_nothing(broker_url, restart, accepted_comments, workers):
    environment = brokers.worker_environment(broker_url, f"restart-{uuid.uuid4().hex}")
    brokers.sweep(environment)
    workers(environment)
    assert brokers.wait_until(lambda: completed() >= 10, timeout=60), "the worker decided nothing"
    restart()
    # Redis keeps nothing on disk, so its queue is gone: the outbox sweep sends the rest again.
    # RabbitMQ keeps the durable queue; the sweep's duplicates must not decide anything twice.
    for _ in range(8):
        brokers.sweep(environment, older_than=10)
        if brokers.wait_until(lambda: completed() == COMMENTS, timeout=15):
            break
    assert_each_comment_decided_once()
