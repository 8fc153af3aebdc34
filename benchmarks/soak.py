"""Soak: readers and commenters on the embed API for minutes, with the moderation workers running.

    .venv/bin/python benchmarks/soak.py [--duration 180 | --quick] [--moderation celery|in-process]
        [--read-rate 200] [--post-rate 30] [--web-workers N] [--celery-workers 2] [--drain 120]

Loopback only and bounded in time. It creates a scratch PostgreSQL database (commentdesk_soak,
dropped afterwards) and starts what production runs: gunicorn with commentdesk/ops/gunicorn_conf.py
(Prometheus multiprocess folder set), and either Celery workers plus one beat on Redis, or, with
--moderation in-process, no broker (the web processes' moderation thread). From this process,
readers fetch the cached comment list and commenters post comments (some of them abusive), each
at a fixed rate, for --duration seconds; then it waits up to --drain seconds for the moderation
queue to empty, and prints: requests served, comments accepted (201), comments stored, comments
lost (accepted but not stored: must be 0), comments moderated and the verdicts, comments not
moderated after the drain, the error rate, and p50/p99 latency of reads and posts. It exits 1
when a comment was lost or left unmoderated.
"""

import argparse
import asyncio
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.common import (  # noqa: E402
    REDIS_URL,
    ROOT,
    Connection,
    drive,
    embed_setup,
    forget_redis_queue,
    list_request,
    manage,
    percentiles_ms,
    post_request,
    raw_request,
    recreate_database,
    scratch_url,
    site_env,
    start_celery_worker,
    start_gunicorn,
    stop_process_group,
    wait_until_up,
)
from benchmarks.pipeline import TEXTS  # noqa: E402

SCRATCH_DB = "commentdesk_soak"
QUEUE = "commentdesk-soak"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=180, help="seconds of load (default 180)")
    parser.add_argument("--quick", action="store_true", help="20 s of load, 60 s of drain at most")
    parser.add_argument("--moderation", choices=["celery", "in-process"], default="celery")
    parser.add_argument("--read-rate", type=float, default=200, help="list reads per second")
    parser.add_argument("--post-rate", type=float, default=30, help="comments posted per second")
    parser.add_argument("--readers", type=int, default=20, help="reading connections")
    parser.add_argument("--posters", type=int, default=8, help="posting connections")
    parser.add_argument("--web-workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--celery-workers", type=int, default=2)
    parser.add_argument("--drain", type=float, default=120, help="most seconds to wait for the queue")
    parser.add_argument("--port", type=int, default=8766)
    parser.add_argument("--postgres", default=os.getenv(
        "POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres"))
    args = parser.parse_args()
    if args.quick:
        args.duration, args.drain = 20, 60
    sys.exit(soak(args))


def soak(args):
    metrics_dir = tempfile.TemporaryDirectory(prefix="commentdesk-soak-metrics-")
    beat_dir = tempfile.TemporaryDirectory(prefix="commentdesk-soak-beat-")  # not *.db among metrics
    broker = REDIS_URL if args.moderation == "celery" else ""
    env = site_env(scratch_url(args.postgres, SCRATCH_DB), broker, QUEUE,
                   MODERATION_IN_PROCESS="thread", PROMETHEUS_MULTIPROC_DIR=metrics_dir.name)
    recreate_database(args.postgres, SCRATCH_DB)
    processes = []
    try:
        manage(env, "migrate", "--noinput")
        manage(env, "shell", "-c", embed_setup("machine_then_human"))
        processes.append(start_gunicorn(env, args.port, args.web_workers, args.threads))
        if broker:
            processes += [start_celery_worker(env) for _ in range(args.celery_workers)]
            processes.append(start_beat(env, Path(beat_dir.name) / "schedule"))
        wait_until_up(args.port)
        (reads, _), (posts, elapsed) = asyncio.run(load(args))
        load_end = time.perf_counter()
        drained = wait_for_drain(args, load_end)
        figures = count(args)
        metrics_text = scrape_metrics(args.port)
    finally:
        for process in processes:
            stop(process)
        if broker:
            forget_redis_queue(REDIS_URL, QUEUE)
        recreate_database(args.postgres, SCRATCH_DB, create=False)
        metrics_dir.cleanup()
        beat_dir.cleanup()
    return report(args, reads, posts, elapsed, drained, figures, metrics_text)


def start_beat(env, schedule):
    command = [sys.executable, "-m", "celery", "-A", "commentdesk", "beat", "--loglevel", "WARNING",
               "--schedule", str(schedule)]
    return subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def stop(process):
    if process.args[0].endswith("gunicorn"):
        process.terminate()
        process.wait(timeout=30)
    else:
        stop_process_group(process)


async def load(args):
    def post(number, sequence):
        text = f"{TEXTS[(number + sequence) % len(TEXTS)]} ({number}.{sequence})"
        return post_request(number, sequence, text)

    return await asyncio.gather(
        drive(args.port, list_request, args.readers, args.duration, args.read_rate),
        drive(args.port, post, args.posters, args.duration, args.post_rate),
    )


def database(args):
    return psycopg.connect(scratch_url(args.postgres, SCRATCH_DB))


LOAD_COMMENTS = "FROM comments_comment c WHERE c.author_name LIKE 'Load %%'"


def wait_for_drain(args, since):
    """Seconds until no moderation job of the load's comments was left; None past --drain."""
    query = f"SELECT count(*) {LOAD_COMMENTS} AND EXISTS (SELECT 1 FROM moderation_moderationjob j " \
            "WHERE j.comment_id = c.id AND j.completed_at IS NULL)"
    with database(args) as connection:
        while time.perf_counter() - since < args.drain:
            if connection.execute(query).fetchone()[0] == 0:
                return time.perf_counter() - since
            time.sleep(0.5)
    return None


def count(args):
    with database(args) as connection:
        stored = connection.execute(f"SELECT count(*) {LOAD_COMMENTS}").fetchone()[0]
        statuses = dict(connection.execute(f"SELECT c.status, count(*) {LOAD_COMMENTS} GROUP BY c.status"))
        moderated = connection.execute(
            f"SELECT count(*) {LOAD_COMMENTS} AND EXISTS (SELECT 1 FROM moderation_moderationjob j "
            "WHERE j.comment_id = c.id AND j.completed_at IS NOT NULL)").fetchone()[0]
        decisions = connection.execute(
            f"SELECT count(*) {LOAD_COMMENTS} AND EXISTS (SELECT 1 FROM moderation_decision d "
            "WHERE d.comment_id = c.id)").fetchone()[0]
    return {"stored": stored, "statuses": statuses, "moderated": moderated, "decisions": decisions}


def scrape_metrics(port):
    async def fetch():
        connection = Connection(port)
        status, _ = await connection.request(raw_request("GET", "/metrics"))
        connection.close()
        return connection.body.decode() if status == 200 else ""

    return asyncio.run(fetch())


def metric_sum(text, name):
    pattern = re.compile(rf"^{name}(\{{[^}}]*\}})? (\S+)$", re.MULTILINE)
    return sum(float(value) for _, value in pattern.findall(text))


def report(args, reads, posts, elapsed, drained, figures, metrics_text):
    results = reads + posts
    served = sum(1 for status, _ in results if status)
    errors = sum(1 for status, _ in reads if status != 200) + sum(1 for status, _ in posts if status != 201)
    accepted = sum(1 for status, _ in posts if status == 201)
    lost = accepted - figures["stored"]
    statuses = figures["statuses"]
    unmoderated = figures["stored"] - figures["moderated"]
    engine = (f"{args.celery_workers} Celery workers + beat on Redis" if args.moderation == "celery"
              else "in-process moderation thread")
    print(f"\n### Soak: {elapsed:.0f} s of load on loopback, gunicorn {args.web_workers} workers x "
          f"{args.threads} threads on PostgreSQL, {engine}, {os.cpu_count()} CPU cores\n")
    read_p50, read_p99 = percentiles_ms([latency for _, latency in reads], 50, 99)
    post_p50, post_p99 = percentiles_ms([latency for _, latency in posts], 50, 99)
    lines = [
        ("requests served", f"{served} ({served / elapsed:.0f}/s; reads {len(reads)}, posts {len(posts)})"),
        ("comments accepted (201)", accepted),
        ("comments stored", figures["stored"]),
        ("comments lost", lost),
        ("comments moderated", f"{figures['moderated']} (published {statuses.get('approved', 0)}, "
                               f"rejected {statuses.get('rejected', 0)}, held for a moderator "
                               f"{statuses.get('pending', 0) - unmoderated})"),
        ("comments with a decision", figures["decisions"]),
        ("not moderated after the drain", unmoderated),
        ("queue drained", f"{drained:.1f} s after the load" if drained is not None
                          else f"no, after {args.drain:.0f} s"),
        ("error rate", f"{errors / len(results):.4%} ({errors} of {len(results)})" if results else "n/a"),
        ("reads p50 / p99", f"{read_p50:.0f} ms / {read_p99:.0f} ms"),
        ("posts p50 / p99", f"{post_p50:.0f} ms / {post_p99:.0f} ms"),
        ("/metrics responses counted", f"{metric_sum(metrics_text, 'commentdesk_http_responses_total'):.0f}"),
    ]
    for label, value in lines:
        print(f"{label + ':':<32} {value}")
    return 0 if lost == 0 and unmoderated == 0 else 1


if __name__ == "__main__":
    main()
