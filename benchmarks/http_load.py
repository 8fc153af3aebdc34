"""HTTP load on the embed API: cached comment-list reads and posts, through gunicorn on PostgreSQL.

    .venv/bin/python benchmarks/http_load.py [--seconds 10] [--connections 50] [--workers N]
        [--postgres postgres://postgres@127.0.0.1:5432/postgres] [--moderation broker|in-process]

It creates a scratch database (commentdesk_http_load, dropped afterwards), starts gunicorn on
loopback, and drives it from this process with an asyncio HTTP client: --connections requests
in flight at all times, each on its own keep-alive connection to gunicorn's threaded workers. It prints requests/s and p50/p99 latency for each phase, and for posting the
comments accepted (201) against the comments counted in the database afterwards.

Moderation: with --moderation broker (the default when Redis answers on 127.0.0.1:6379) a post
stores the comment and sends its moderation task to a Redis queue no worker reads, as in
production where Celery workers moderate beside the web server (benchmarks/pipeline.py
measures them). With in-process, each post also runs the classifier inside the request.
"""

import argparse
import asyncio
import os
import sys
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.common import (  # noqa: E402
    REDIS_URL,
    drive,
    embed_setup,
    forget_redis_queue,
    list_request,
    manage,
    percentiles_ms,
    post_request,
    print_table,
    recreate_database,
    redis_answers,
    scratch_url,
    site_env,
    start_gunicorn,
    wait_until_up,
)

SCRATCH_DB = "commentdesk_http_load"
QUEUE = "commentdesk-http-load"


def server_env(args):
    broker = REDIS_URL if args.moderation == "broker" else ""
    return site_env(scratch_url(args.postgres, SCRATCH_DB), broker, QUEUE,
                    MODERATION_IN_PROCESS="inline")


def summary(name, results, elapsed, ok_status):
    ok = [latency for status, latency in results if status == ok_status]
    p50, p99 = percentiles_ms([latency for _, latency in results], 50, 99)
    return [name, len(results), len(ok), len(results) - len(ok), len(ok) / elapsed, p50, p99]


def count_comments(args):
    with psycopg.connect(scratch_url(args.postgres, SCRATCH_DB)) as connection:
        query = "SELECT count(*) FROM comments_comment WHERE author_name LIKE 'Load %%'"
        return connection.execute(query).fetchone()[0]


def forget_queue(args):
    if args.moderation == "broker":
        forget_redis_queue(REDIS_URL, QUEUE)


def run(args):
    env = server_env(args)
    recreate_database(args.postgres, SCRATCH_DB)
    server = None
    try:
        manage(env, "migrate", "--noinput")
        manage(env, "shell", "-c", embed_setup("human_only"))
        server = start_gunicorn(env, args.port, args.workers, args.threads)
        wait_until_up(args.port)
        asyncio.run(drive(args.port, list_request, args.connections, 1))  # warm every worker
        reads, read_time = asyncio.run(drive(args.port, list_request, args.connections, args.seconds))
        posts, post_time = asyncio.run(drive(args.port, post_request, args.connections, args.seconds))
        accepted, stored = sum(1 for s, _ in posts if s == 201), count_comments(args)
    finally:
        if server:
            server.terminate()
            server.wait(timeout=30)
        forget_queue(args)
        recreate_database(args.postgres, SCRATCH_DB, create=False)
    header = ["phase", "requests", "ok", "failed", "ok/s", "p50 ms", "p99 ms"]
    print_table(
        f"Embed API over HTTP: gunicorn {args.workers} workers x {args.threads} threads on PostgreSQL, {args.connections} "
        f"connections, {args.seconds} s a phase, moderation {args.moderation}",
        header,
        [summary("cached list reads", reads, read_time, 200),
         summary("posts", posts, post_time, 201)],
    )
    print(f"\nposts accepted (201): {accepted}; comments in the database: {stored}; "
          f"lost: {accepted - stored}")
    return 0 if accepted == stored else 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1))
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--postgres", default=os.getenv(
        "POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres"))
    parser.add_argument("--moderation", choices=["broker", "in-process"],
                        default="broker" if redis_answers() else "in-process")
    sys.exit(run(parser.parse_args()))


if __name__ == "__main__":
    main()
