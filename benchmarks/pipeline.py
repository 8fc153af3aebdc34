"""Post-to-decision latency and sustained throughput of the whole moderation pipeline.

Runs on the local PostgreSQL (a scratch database, dropped afterwards) with each engine:
in-process (inline in the request, then the moderation thread), then Celery with 1 and 2 worker processes on Redis and on RabbitMQ.
Loopback only, bounded in time. Usage:

    .venv/bin/python benchmarks/pipeline.py [--burst 600] [--paced 200] [--rate 50]

For each engine it prints: the burst's sustained comments/second (all comments posted at
once, from the first post to the last decision) and the p50/p95 post-to-decision latency of
comments posted at a steady rate below capacity.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.common import start_celery_worker, stop_process_group  # noqa: E402

ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"
BENCH_URL = "postgres://postgres@127.0.0.1:5432/commentdesk_bench"
ENGINES = [
    ("in-process, inline", "", 0),
    ("in-process, thread", "", 0),
    ("redis, 1 worker", "redis://127.0.0.1:6379/14", 1),
    ("redis, 2 workers", "redis://127.0.0.1:6379/14", 2),
    ("rabbitmq, 1 worker", "amqp://guest:guest@127.0.0.1:5672//", 1),
    ("rabbitmq, 2 workers", "amqp://guest:guest@127.0.0.1:5672//", 2),
]
TEXTS = [
    "The strikes killed several fighters, according to the statement.",
    "An attack on the base injured eight people; I hope they recover quickly.",
    "You are a pathetic idiot and everyone here knows it.",
    "I hate this war. Killing is never the answer.",
    "This reads like a press release, please ask harder questions.",
    "What does this mean for the farmers near Makhmour?",
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--burst", type=int, default=600)
    parser.add_argument("--paced", type=int, default=200)
    parser.add_argument("--rate", type=float, default=50.0)
    parser.add_argument("--engine", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.engine is not None:
        return run_engine(args)
    print(f"{'engine':<22} {'burst c/s':>10} {'p50 ms':>8} {'p95 ms':>8} {'decided':>9}")
    for index, (name, broker, workers) in enumerate(ENGINES):
        figures = measure(index, broker, workers, args)
        print(
            f"{name:<22} {figures['throughput']:>10.1f} {figures['p50_ms']:>8.0f} "
            f"{figures['p95_ms']:>8.0f} {figures['decided']:>5}/{figures['posted']}",
            flush=True,
        )


def measure(index, broker, workers, args):
    reset_database()
    environment = {**os.environ, "DATABASE_URL": BENCH_URL, "CELERY_BROKER_URL": broker,
                   "CELERY_QUEUE": f"bench-{os.getpid()}-{index}",
                   "MODERATION_IN_PROCESS": "inline" if index == 0 else "thread"}
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=environment, check=True)
    started = [start_celery_worker(environment) for _ in range(workers)]
    try:
        command = [sys.executable, __file__, "--engine", str(index), "--burst", str(args.burst),
                   "--paced", str(args.paced), "--rate", str(args.rate)]
        output = subprocess.run(command, cwd=ROOT, env=environment, check=True, capture_output=True, text=True)
        return json.loads(output.stdout.strip().splitlines()[-1])
    finally:
        for process in started:
            stop_process_group(process)


def reset_database():
    import psycopg

    with psycopg.connect(ADMIN_URL.replace("postgres://", "postgresql://"), autocommit=True) as connection:
        connection.execute("DROP DATABASE IF EXISTS commentdesk_bench WITH (FORCE)")
        connection.execute("CREATE DATABASE commentdesk_bench")


def run_engine(args):
    """Inside the benchmark's child process: Django set up against the scratch database."""
    import django

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "commentdesk.settings")
    django.setup()
    from commentdesk.moderation.engine import start_in_process_engine
    from commentdesk.test import make_article

    start_in_process_engine()  # as a web process does; it does nothing when a broker is set

    article = make_article()
    warm_up(article)
    burst_ids, burst_seconds = post_burst(article, args.burst)
    paced_ids = post_paced(article, args.paced, args.rate)
    latencies = wait_for_decisions(paced_ids, timeout=120)
    wait_for_decisions(burst_ids, timeout=120)
    print(json.dumps({
        "throughput": args.burst / burst_seconds,
        "p50_ms": 1000 * statistics.median(latencies) if latencies else float("nan"),
        "p95_ms": 1000 * percentile(latencies, 95) if latencies else float("nan"),
        "posted": args.paced,
        "decided": len(latencies),
    }))


def warm_up(article):
    """Load the model in the workers (and here) before measuring."""
    ids = [submit(article, i).pk for i in range(4)]
    wait_for_decisions(ids, timeout=60)


def submit(article, index):
    from commentdesk.comments.actions import do_submit_comment

    return do_submit_comment(article, author_name=f"Reader {index}", author_email=f"r{index}@example.org",
                             text=TEXTS[index % len(TEXTS)])


def post_burst(article, count):
    from commentdesk.moderation.models import ModerationJob

    start = time.perf_counter()
    ids = [submit(article, i).pk for i in range(count)]
    while ModerationJob.objects.filter(comment_id__in=ids, completed_at__isnull=True).exists():
        time.sleep(0.02)
    return ids, time.perf_counter() - start


def post_paced(article, count, rate):
    ids, start = [], time.perf_counter()
    for i in range(count):
        delay = start + i / rate - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        ids.append(submit(article, i).pk)
    return ids


def wait_for_decisions(ids, timeout):
    from commentdesk.moderation.models import ModerationJob

    deadline = time.monotonic() + timeout
    jobs = ModerationJob.objects.filter(comment_id__in=ids)
    while jobs.filter(completed_at__isnull=True).exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    finished = jobs.filter(completed_at__isnull=False).select_related("comment")
    return [(job.completed_at - job.comment.created_at).total_seconds() for job in finished]


def percentile(values, percent):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(percent / 100 * (len(ordered) - 1)))]


if __name__ == "__main__":
    main()
