"""Helpers shared by the benchmarks: metrics, tables and timing; serving the site on loopback."""

import asyncio
import json
import os
import resource
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote


def precision_recall_f1(true_positive, predicted, actual):
    precision = true_positive / predicted if predicted else 0.0
    recall = true_positive / actual if actual else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def rate(count, total):
    return count / total if total else 0.0


def print_table(title, header, rows):
    """Print rows under a header as an aligned plain-text (and Markdown) table."""
    rows = [[_cell(value) for value in row] for row in rows]
    widths = [max(len(str(h)), *(len(r[i]) for r in rows)) if rows else len(str(h)) for i, h in enumerate(header)]
    print(f"\n### {title}\n")
    print("| " + " | ".join(str(h).ljust(w) for h, w in zip(header, widths)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print("| " + " | ".join(value.ljust(w) for value, w in zip(row, widths)) + " |")


def _cell(value):
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Stopwatch:
    def __enter__(self):
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self.start


# --- Serving the site on loopback and driving it over HTTP (http_load.py, soak.py) ---------

ROOT = Path(__file__).resolve().parent.parent
HOST_ORIGIN = "https://news.example.org"
ARTICLE_URL = f"{HOST_ORIGIN}/2023/11/strikes-near-the-airbase"
REDIS_URL = "redis://127.0.0.1:6379/0"


def embed_setup(policy_mode):
    """Code for `manage.py shell -c`: the site allows the host page, the article has 30
    comments a moderator approved, and the moderation policy has the given mode."""
    return f"""
from commentdesk.articles.models import Site
from commentdesk.comments.actions import do_submit_comment
from commentdesk.moderation.actions import do_approve_comment
from commentdesk.moderation.models import Policy
from commentdesk.test import make_article
from django.contrib.auth import get_user_model
site = Site.objects.get_current()
site.allowed_origins = "{HOST_ORIGIN}"
site.save()
Policy.objects.update_or_create(site=site, defaults={{"mode": "{policy_mode}"}})
article = make_article(canonical_url="{ARTICLE_URL}")
editor = get_user_model().objects.create_user("load-editor")
for n in range(30):
    comment = do_submit_comment(article, author_name="Reader %d" % n,
        author_email="r%d@example.org" % n, text="Approved comment number %d." % n)
    do_approve_comment(comment, moderator=editor)
"""


def scratch_url(postgres_url, name):
    return postgres_url.rsplit("/", 1)[0] + "/" + name


def recreate_database(postgres_url, name, create=True):
    import psycopg

    with psycopg.connect(postgres_url, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        if create:
            connection.execute(f"CREATE DATABASE {name}")


def site_env(database_url, broker_url, queue, **extra):
    """The environment of a production-like desk on loopback, for gunicorn and Celery alike."""
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        DATABASE_CONN_MAX_AGE="60",
        DEBUG="False",
        ALLOWED_HOSTS="127.0.0.1",
        SECRET_KEY="loopback-benchmark-key-not-secret-" + "x" * 20,
        STATICFILES_BACKEND="django.contrib.staticfiles.storage.StaticFilesStorage",
        LOG_LEVEL="ERROR",
        GUNICORN_ACCESS_LOG="",
        GUNICORN_LOG_LEVEL="error",
        PYTHONWARNINGS="ignore",
        CELERY_BROKER_URL=broker_url,
        CELERY_QUEUE=queue,
        # One load generator posts for many readers from one address: no flood control.
        POST_RATE_PER_IP="",
        POST_RATE_PER_EMAIL="",
        DUPLICATE_COMMENT_WINDOW="0",
    )
    env.update(extra)
    return env


def manage(env, *command):
    subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL)


def start_gunicorn(env, port, workers, threads):
    """gunicorn with the production config (commentdesk/ops/gunicorn_conf.py) on loopback."""
    gunicorn = Path(sys.executable).with_name("gunicorn")
    command = [str(gunicorn), "-c", "python:commentdesk.ops.gunicorn_conf", "commentdesk.wsgi",
               "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--threads", str(threads)]
    return subprocess.Popen(command, cwd=ROOT, env=env)


def start_celery_worker(env, concurrency=1):
    command = [sys.executable, "-m", "celery", "-A", "commentdesk", "worker", "--concurrency",
               str(concurrency), "--loglevel", "WARNING", "--without-gossip", "--without-mingle",
               "--without-heartbeat"]
    return subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def stop_process_group(process):
    """Stop a process started with start_new_session=True, and its children."""
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=30)


def redis_answers(url=REDIS_URL):
    try:
        import redis

        return redis.Redis.from_url(url, socket_timeout=1).ping()
    except Exception:
        return False


def forget_redis_queue(url, queue):
    import redis

    redis.Redis.from_url(url).delete(queue, f"_kombu.binding.{queue}")


class Connection:
    """One keep-alive HTTP/1.1 connection, opened again whenever the server closes it."""

    def __init__(self, port):
        self.port, self.reader, self.writer, self.body = port, None, None, b""

    async def request(self, raw):
        """Send one request; return (status, seconds), status 0 when the connection failed.
        The response's body is then in .body."""
        started = time.perf_counter()
        try:
            if self.writer is None:
                self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
            self.writer.write(raw)
            head = await self.reader.readuntil(b"\r\n\r\n")
            headers = head.decode("latin-1").lower()
            length = int(headers.split("content-length:", 1)[1].split("\r\n", 1)[0])
            self.body = await self.reader.readexactly(length)
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


def raw_request(method, path, body=b"", headers=()):
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", f"Origin: {HOST_ORIGIN}",
             f"Content-Length: {len(body)}", *headers]
    if body:
        lines.append("Content-Type: application/json")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


async def drive(port, make_request, connections, seconds, rate=None):
    """Keep `connections` requests in flight for `seconds`; return the (status, latency) list.

    With `rate` (requests/s over all connections), each connection sends on a fixed schedule
    instead of as fast as answers come back.
    """
    results, started = [], time.perf_counter()
    deadline = started + seconds
    interval = connections / rate if rate else 0

    async def client(number):
        sequence, connection = 0, Connection(port)
        next_send = started + interval * number / connections
        while time.perf_counter() < deadline:
            if interval:
                await asyncio.sleep(max(0, next_send - time.perf_counter()))
                next_send += interval
            sequence += 1
            results.append(await connection.request(make_request(number, sequence)))
        connection.close()

    await asyncio.gather(*(client(n) for n in range(connections)))
    return results, time.perf_counter() - started


def wait_until_up(port, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        status, _ = asyncio.run(request(port, raw_request("GET", "/healthz")))
        if status == 200:
            return
        time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer /healthz with 200")


def percentiles_ms(latencies, *points):
    """The given percentiles of a list of seconds, in milliseconds."""
    ordered = sorted(latencies)
    cuts = statistics.quantiles(ordered, n=100) if len(ordered) > 1 else [0] * 99
    return [cuts[point - 1] * 1000 for point in points]


def list_request(number, sequence):
    return raw_request("GET", f"/api/v1/comments/?url={quote(ARTICLE_URL, safe='')}&page=1")


def post_request(number, sequence, text=None):
    body = {"url": ARTICLE_URL, "title": "Strikes near the airbase", "author_name": f"Load {number}",
            "author_email": f"load{number}@example.org",
            "text": text or f"Load test comment {sequence} from connection {number}."}
    return raw_request("POST", "/api/v1/comments/", json.dumps(body).encode())
