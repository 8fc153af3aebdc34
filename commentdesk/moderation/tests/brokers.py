"""Real Celery workers and real brokers for the crash tests: processes, not mocks."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import redis
from django.db import connection

ROOT = Path(__file__).resolve().parents[3]
REDIS_URL = "redis://127.0.0.1:6379/15"
RABBITMQ_URL = "amqp://guest:guest@127.0.0.1:5672//"
REDIS_START = [
    "redis-server", "--daemonize", "yes", "--bind", "127.0.0.1",
    "--port", "6379", "--save", "", "--appendonly", "no",
]


def worker_environment(broker_url, queue):
    """The environment of a worker that shares the test database and listens on one queue."""
    database = connection.settings_dict
    return {
        **os.environ,
        "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
        "CELERY_BROKER_URL": broker_url,
        "CELERY_QUEUE": queue,
        # Redis hands unacknowledged tasks back after this long; keep the test short.
        "CELERY_VISIBILITY_TIMEOUT": "5",
        # Small batches, so that a worker is always in the middle of something when killed.
        "MODERATION_BATCH": "10",
    }


def start_worker(environment, log_path):
    return _start_celery(
        environment, log_path, "worker", "--concurrency", "2", "--pool", "prefork",
        "--without-gossip", "--without-mingle", "--without-heartbeat",
    )


def start_beat(environment, log_path):
    """Celery beat, which sends the outbox sweep every MODERATION_SWEEP_INTERVAL seconds."""
    schedule = Path(log_path).with_suffix(".schedule")
    return _start_celery(environment, log_path, "beat", "--schedule", str(schedule))


def _start_celery(environment, log_path, *arguments):
    command = [sys.executable, "-m", "celery", "-A", "commentdesk", *arguments, "--loglevel", "INFO"]
    log = open(log_path, "ab")
    # A session of its own, so SIGKILL reaches the main process and its pool children at once.
    return subprocess.Popen(
        command, cwd=ROOT, env=environment, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )


def kill_worker(process):
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait(timeout=10)


def sweep(environment, older_than=0):
    """Publish outstanding jobs through the management command, as cron or beat would."""
    subprocess.run(
        [sys.executable, "manage.py", "sweep_moderation", "--older-than", str(older_than)],
        cwd=ROOT, env=environment, check=True, capture_output=True, timeout=120,
    )


def wait_until(predicate, timeout, interval=0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return predicate()


def stop_redis():
    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.shutdown(nosave=True)
    except redis.ConnectionError:
        pass  # the server closes the connection as it stops
    if not wait_until(lambda: not _redis_up(client), timeout=10):
        raise RuntimeError("Redis did not stop")


def start_redis():
    client = redis.Redis.from_url(REDIS_URL)
    subprocess.run(REDIS_START, check=True, capture_output=True)
    if not wait_until(lambda: _redis_up(client), timeout=20):
        raise RuntimeError("Redis did not come back")


def restart_redis():
    stop_redis()
    start_redis()


def stop_rabbitmq():
    """Stop the broker, not the Erlang node: clients find the port closed, as on a crash."""
    subprocess.run(["rabbitmqctl", "stop_app"], check=True, capture_output=True, timeout=60)


def start_rabbitmq():
    subprocess.run(["rabbitmqctl", "start_app"], check=True, capture_output=True, timeout=120)


def restart_rabbitmq():
    stop_rabbitmq()
    start_rabbitmq()


def _redis_up(client):
    try:
        return client.ping()
    except redis.ConnectionError:
        return False
