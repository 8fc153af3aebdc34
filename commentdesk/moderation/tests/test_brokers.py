"""Every accepted comment reaches exactly one decision through worker crashes, broker restarts
and a broker that is down while readers post, on real Redis and RabbitMQ brokers with real
Celery worker processes (and, for posting, a real web server).

The workers share the test database, so these tests run on PostgreSQL (`make test-postgres`);
an SQLite test database lives in the test process's memory, out of a worker's reach.
"""

import time
import uuid

import pytest
from django.db import connection

from commentdesk.comments.models import Comment
from commentdesk.comments.tests import web
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


class CeleryProcesses:
    """Celery processes (brokers.start_worker, brokers.start_beat) the test starts and kills."""

    def __init__(self, log_dir):
        self.log_dir = log_dir
        self.started = []  # [launch, environment, process]

    def __call__(self, launch, environment):
        process = launch(environment, self.log_dir / f"{launch.__name__}.log")
        self.started.append([launch, environment, process])
        return process

    def revive(self):
        """Start again those that exited, as the service manager does (Restart=always): a
        worker on Redis may exit when it loses the broker while it holds tasks (kombu)."""
        for entry in self.started:
            launch, environment, process = entry
            if process.poll() is not None:
                entry[2] = launch(environment, self.log_dir / f"{launch.__name__}.log")

    def kill_all(self):
        for _launch, _environment, process in self.started:
            brokers.kill_worker(process)


@pytest.fixture
def celery(tmp_path):
    processes = CeleryProcesses(tmp_path)
    yield processes
    processes.kill_all()


def completed():
    return ModerationJob.objects.filter(completed_at__isnull=False).count()


def assert_each_comment_decided_once(comments=COMMENTS):
    assert completed() == comments
    decided = ModerationJob.objects.filter(verdict__in=["approve", "reject"]).count()
    assert Decision.objects.count() == decided
    assert Decision.objects.values("comment").distinct().count() == decided
    for job in ModerationJob.objects.select_related("comment"):
        expected = {"approve": "approved", "reject": "rejected", "review": "pending"}[job.verdict]
        assert job.comment.status == expected


@pytest.mark.parametrize("broker_url", [brokers.REDIS_URL, brokers.RABBITMQ_URL], ids=["redis", "rabbitmq"])
def test_sigkill_of_a_worker_holding_tasks_loses_nothing(broker_url, accepted_comments, celery):
    environment = brokers.worker_environment(broker_url, f"crash-{uuid.uuid4().hex}")
    brokers.sweep(environment)
    first = celery(brokers.start_worker, environment)
    assert brokers.wait_until(lambda: completed() >= 10, timeout=60), "the first worker decided nothing"
    brokers.kill_worker(first)
    assert completed() < COMMENTS, "the worker finished before it could be killed"

    celery(brokers.start_worker, environment)
    brokers.wait_until(lambda: completed() == COMMENTS, timeout=120)
    assert_each_comment_decided_once()


@pytest.mark.parametrize(
    "broker_url, restart",
    [(brokers.REDIS_URL, brokers.restart_redis), (brokers.RABBITMQ_URL, brokers.restart_rabbitmq)],
    ids=["redis", "rabbitmq"],
)
def test_a_broker_restart_mid_run_loses_nothing(broker_url, restart, accepted_comments, celery):
    environment = brokers.worker_environment(broker_url, f"restart-{uuid.uuid4().hex}")
    brokers.sweep(environment)
    celery(brokers.start_worker, environment)
    assert brokers.wait_until(lambda: completed() >= 10, timeout=60), "the worker decided nothing"
    restart()
    # Redis keeps nothing on disk, so its queue is gone: the outbox sweep sends the rest again.
    # RabbitMQ keeps the durable queue; the sweep's duplicates must not decide anything twice.
    for _ in range(8):
        brokers.sweep(environment, older_than=10)
        if brokers.wait_until(lambda: completed() == COMMENTS, timeout=15):
            break
    assert_each_comment_decided_once()


@pytest.mark.parametrize(
    "broker_url, stop, start",
    [
        (brokers.REDIS_URL, brokers.stop_redis, brokers.start_redis),
        (brokers.RABBITMQ_URL, brokers.stop_rabbitmq, brokers.start_rabbitmq),
    ],
    ids=["redis", "rabbitmq"],
)
def test_readers_post_while_the_broker_is_down_and_moderation_resumes(
    broker_url, stop, start, celery, tmp_path
):
    article = make_article()
    environment = {
        **brokers.worker_environment(broker_url, f"down-{uuid.uuid4().hex}"),
        # Beat sends the sweep every 2 s, and the sweep sends again what waited 3 s.
        "MODERATION_SWEEP_INTERVAL": "2",
        "MODERATION_SWEEP_AFTER": "3",
    }
    celery(brokers.start_worker, environment)
    celery(brokers.start_beat, environment)
    server = web.WebServer({**environment, **web.SERVER_SETTINGS}, tmp_path / "server.log")
    try:
        reader = web.Reader(server.port)
        post_comments(reader, article.slug, range(0, 10))
        assert brokers.wait_until(lambda: completed() == 10, timeout=60), "nothing was moderated"

        stop()
        try:
            # Each post commits the comment with its job; the task cannot be sent, and the reader
            # is told their comment awaits moderation all the same, without waiting on the broker
            # (sending gives up after one retry; 10 s is generous, for a loaded machine).
            post_comments(reader, article.slug, range(10, 30), within=10)
            time.sleep(3)  # the workers and beat run on with no broker to reach
        finally:
            start()
        celery.revive()
        post_comments(reader, article.slug, range(30, 35))

        brokers.wait_until(lambda: completed() == 35, timeout=90)
        assert_each_comment_decided_once(35)
    finally:
        server.stop()


def post_comments(reader, slug, numbers, within=None):
    """Readers post through the article page; each must get the usual redirect, in time."""
    for i in numbers:
        started = time.monotonic()
        response = reader.post_comment(
            slug, author_name=f"Reader {i}", author_email=f"r{i}@example.org", text=f"{i}: {TEXTS[i % len(TEXTS)]}"
        )
        assert response.status == 302, response.text
        if within is not None:
            assert time.monotonic() - started < within, "the reader was kept waiting on the broker"
    assert Comment.objects.count() == numbers[-1] + 1
