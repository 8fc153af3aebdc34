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
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import psycopg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.common import print_table  # noqa: E402

SCRATCH_DB = "commentdesk_http_load"
HOST_ORIGIN = "https://news.example.org"
ARTICLE_URL = f"{HOST_ORIGIN}/2023/11/strikes-near-the-airbase"
QUEUE = "commentdesk-http-load"
BROKER = "redis://127.0.0.1:6379/0"
SETUP = f"""
from commentdesk.articles.models import Site
from commentdesk.comments.actions import do_submit_comment
from commentdesk.moderation.actions import do_approve_comment
from commentdesk.moderation.models import Policy
from commentdesk.test import make_article
from django.contrib.auth import get_user_model
site = Site.objects.get_current()
site.allowed_origins = "{HOST_ORIGIN}"
site.save()
Policy.objects.update_or_create(site=site, defaults={{"mode": Policy.Mode.HUMAN_ONLY}})
article = make_article(canonical_url="{ARTICLE_URL}")
editor = get_user_model().objects.create_user("load-editor")
for n in range(30):
    comment = do_submit_comment(article, author_name="Reader %d" % n,
        author_email="r%d@example.org" % n, text="Approved comment number %d." % n)
    do_approve_comment(comment, moderator=editor)
"""


def scratch_url(postgres_url):
    return postgres_url.rsplit("/", 1)[0] + "/" + SCRATCH_DB


def recreate_database(postgres_url, create=True):
    with psycopg.connect(postgres_url, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {SCRATCH_DB} WITH (FORCE)")
        if create:
            connection.execute(f"CREATE DATABASE {SCRATCH_DB}")


def server_env(args):
    env = dict(os.environ)
    env.update(
        DATABASE_URL=scratch_url(args.postgres),
        DATABASE_CONN_MAX_AGE="60",
        DEBUG="False",
        ALLOWED_HOSTS="127.0.0.1",
        SECRET_KEY="http-load-benchmark-key-not-secret-" + "x" * 20,
        STATICFILES_BACKEND="django.contrib.staticfiles.storage.StaticFilesStorage",
        LOG_LEVEL="ERROR",
        PYTHONWARNINGS="ignore",
        CELERY_BROKER_URL=BROKER if args.moderation == "broker" else "",
        CELERY_QUEUE=QUEUE,
    )
    return env


def manage(env, *command):
    subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL)


def start_gunicorn(env, args):
    gunicorn = Path(sys.executable).with_name("gunicorn")
    command = [str(gunicorn), "commentdesk.wsgi", "--bind", f"127.0.0.1:{args.port}",
               "--workers", str(args.workers), "--threads", str(args.threads),
               "--worker-class", "gthread", "--keep-alive", "30",
               "--backlog", "2048", "--log-level", "error"]
    return subprocess.Popen(command, cwd=ROOT, env=env)


class Connection:
    """One keep-alive HTTP/1.1 connection, opened again whenever the server closes it."""

    def __init__(self, port):
        self.port, self.reader, self.writer = port, None, None

    async def request(self, raw):
        """Send one request; return (status, seconds), status 0 when the connection failed."""
        started = time.perf_counter()
        try:
            if self.writer is None:
                self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
            self.writer.write(raw)
            head = await self.reader.readuntil(b"\r\n\r\n")
            headers = head.decode("latin-1").lower()
            length = int(headers.split("content-length:", 1)[1].split("\r\n", 1)[0])
            await self.reader.readexactly(length)
            if "connection: close" in headers:
                self.close()
            return int(head.split(b" ", 2)[1]), time.perf_counter() - started
        except (OSError, asyncio.IncompleteReadError, IndexError, ValueError):
            self.close()
            return 0, time.perf_counter() - started

    def close(self):
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


async def request(port, raw):
    connection = Connection(port)
    try:
        return await connection.request(raw)
    finally:
        connection.close()


def raw_request(method, path, body=b""):
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", f"Origin: {HOST_ORIGIN}",
             f"Content-Length: {len(body)}"]
    if body:
        lines.append("Content-Type: application/json")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


async def drive(port, make_request, connections, seconds):
    """Keep `connections` requests in flight for `seconds`; return the (status, latency) list."""
    results, deadline = [], time.perf_counter() + seconds

    async def client(number):
        sequence, connection = 0, Connection(port)
        while time.perf_counter() < deadline:
            sequence += 1
            results.append(await connection.request(make_request(number, sequence)))
        connection.close()

    started = time.perf_counter()
    await asyncio.gather(*(client(n) for n in range(connections)))
    return results, time.perf_counter() - started


def wait_until_up(port, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        status, _ = asyncio.run(request(port, raw_request("GET", "/embed.js")))
        if status == 200:
            return
        time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer")


def summary(name, results, elapsed, ok_status):
    ok = [latency for status, latency in results if status == ok_status]
    latencies = sorted(latency for _, latency in results)
    p = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0] * 99
    return [name, len(results), len(ok), len(results) - len(ok), len(ok) / elapsed,
            p[49] * 1000, p[98] * 1000]


def list_request(number, sequence):
    return raw_request("GET", f"/api/v1/comments/?url={quote(ARTICLE_URL, safe='')}&page=1")


def post_request(number, sequence):
    body = {"url": ARTICLE_URL, "title": "Strikes near the airbase", "author_name": f"Load {number}",
            "author_email": f"load{number}@example.org",
            "text": f"Load test comment {sequence} from connection {number}."}
    return raw_request("POST", "/api/v1/comments/", json.dumps(body).encode())


def count_comments(args):
    with psycopg.connect(scratch_url(args.postgres)) as connection:
        query = "SELECT count(*) FROM comments_comment WHERE author_name LIKE 'Load %%'"
        return connection.execute(query).fetchone()[0]


def redis_answers():
    try:
        import redis

        return redis.Redis.from_url(BROKER, socket_timeout=1).ping()
    except Exception:
        return False


def forget_queue(args):
    if args.moderation == "broker":
        import redis

        redis.Redis.from_url(BROKER).delete(QUEUE, f"_kombu.binding.{QUEUE}")


def run(args):
    env = server_env(args)
    recreate_database(args.postgres)
    server = None
    try:
        manage(env, "migrate", "--noinput")
        manage(env, "shell", "-c", SETUP)
        server = start_gunicorn(env, args)
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
        recreate_database(args.postgres, create=False)
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
