"""HTTP load on the embed API: cached comment-list reads and posts, through gunicorn on PostgreSQL.

    .venv/bin/python benchmarks/http_load.py [--seconds 10] [--connections 50] [--workers N]
        [--threads N] [--postgres postgres://postgres@127.0.0.1:5432/postgres]
        [--moderation broker|in-process]

It creates a scratch database (commentdesk_http_load, dropped afterwards), starts gunicorn on
loopback, and loads it with wrk (Debian's package: installed with apt-get when missing and
this runs as root, else `make wrk` as root first): --connections keep-alive
connections, each sending its next request as soon as the answer comes, from another process
written in C, so the load generator takes little of the CPU the server is measured on.
benchmarks/wrk/embed_api.lua gives every post its own author email and text and counts the
answers with the expected status. It prints requests/s, p50/p99 latency and the CPU time
gunicorn and the database's backends spent a request for each phase, and for posting the comments accepted (201) against the comments counted in the database
afterwards: none may be lost. wrk stops with requests still in flight, which the server may
store without wrk counting their answer, so the database may hold up to --connections more.

Moderation: with --moderation broker (the default when Redis answers on 127.0.0.1:6379) a post
stores the comment and sends its moderation task to a Redis queue no worker reads, as in
production where Celery workers moderate beside the web server (benchmarks/pipeline.py
measures them). With in-process, each post also runs the classifier inside the request.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.common import (  # noqa: E402
    ARTICLE_URL,
    HOST_ORIGIN,
    REDIS_URL,
    embed_setup,
    forget_redis_queue,
    manage,
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


WRK_SCRIPT = Path(__file__).resolve().parent / "wrk" / "embed_api.lua"
SOCKET_ERRORS = ("connect", "read", "write", "timeout")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
# One wrk thread per core the machine has, as wrk's own documentation suggests.
WRK_THREADS = os.cpu_count() or 1


def ensure_wrk():
    if shutil.which("wrk"):
        return
    if os.geteuid() != 0:
        sys.exit("wrk is missing: install it with `make wrk` as root, or `apt-get install wrk`.")
    for command in (["apt-get", "update", "-q"], ["apt-get", "install", "-y", "-q", "wrk"]):
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)


def wrk(args, mode, seconds):
    """Run one phase; return wrk's counts: requests, ok (200 for reads, 201 for posts),
    duration_us, p50_us, p99_us, socket errors and status_<code> for other answers."""
    command = ["wrk", "--threads", str(min(WRK_THREADS, args.connections)), "--connections",
               str(args.connections), "--duration", f"{seconds}s", "--timeout", "10s",
               "--script", str(WRK_SCRIPT), f"http://127.0.0.1:{args.port}/",
               "--", mode, HOST_ORIGIN, ARTICLE_URL]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    line = next(line for line in output.splitlines() if line.startswith("WRK_RESULT "))
    return {key: int(value) for key, value in re.findall(r"(\w+)=(\d+)", line)}


def measured(args, server, mode):
    """One phase, with the CPU time gunicorn and PostgreSQL spent on it."""
    before = cpu_seconds(server)
    result = wrk(args, mode, args.seconds)
    after = cpu_seconds(server)
    result["web_cpu"], result["db_cpu"] = (after[0] - before[0], after[1] - before[1])
    return result


def cpu_seconds(server):
    """CPU seconds used so far by gunicorn (master and workers) and by the PostgreSQL backends
    of the scratch database, from /proc (Linux). Unlike requests/s, CPU time per request
    hardly depends on what else the machine runs, so it compares runs on a busy machine."""
    web = database = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes()
        except OSError:
            continue  # gone
        fields = stat.rsplit(")", 1)[1].split()
        seconds = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
        if int(entry.name) == server.pid or int(fields[1]) == server.pid:
            web += seconds
        elif command.startswith(b"postgres: ") and SCRATCH_DB.encode() in command:
            database += seconds
    return web, database


def summary(name, result):
    seconds = result["duration_us"] / 1e6
    failed = result["requests"] - result["ok"]
    return [name, result["requests"], result["ok"], failed, result["ok"] / seconds,
            result["p50_us"] / 1000, result["p99_us"] / 1000,
            1000 * result["web_cpu"] / result["requests"], 1000 * result["db_cpu"] / result["requests"]]


def failures(result):
    """What the answers that were not ok were: statuses and socket errors, for the reader."""
    return ", ".join(f"{key}: {value}" for key, value in result.items()
                     if value and (key.startswith("status_") or key in SOCKET_ERRORS)) or "none"


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
        wrk(args, "read", 1)  # warms every worker's cache and connection
        reads = measured(args, server, "read")
        posts = measured(args, server, "post")
        accepted, stored = posts["ok"], count_comments(args)
    finally:
        if server:
            server.terminate()
            server.wait(timeout=30)
        forget_queue(args)
        recreate_database(args.postgres, SCRATCH_DB, create=False)
    header = ["phase", "requests", "ok", "failed", "ok/s", "p50 ms", "p99 ms",
              "web CPU ms/req", "db CPU ms/req"]
    print_table(
        f"Embed API over HTTP: gunicorn {args.workers} workers x {args.threads} threads on PostgreSQL, {args.connections} "
        f"connections (wrk), {args.seconds} s a phase, moderation {args.moderation}",
        header,
        [summary("cached list reads", reads), summary("posts", posts)],
    )
    print(f"\nnot ok: reads {failures(reads)}; posts {failures(posts)}")
    lost = max(0, accepted - stored)
    print(f"posts accepted (201): {accepted}; comments in the database: {stored} "
          f"(answers still in flight when wrk stopped: {stored - accepted}); lost: {lost}")
    return 0 if lost == 0 else 1


def main():
    ensure_wrk()
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=10)
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
