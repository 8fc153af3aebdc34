"""The first page of a story with 10,000 approved comments, in each order.

Builds the story in a scratch database on PostgreSQL (DATABASE_URL's server, database
commentdesk_long_thread, dropped afterwards) and in a scratch SQLite file: 8,000 top-level
comments, 1,000 of them with 1 to 3 replies (2,000 replies), 3 of them featured. Then asks
for page 1 in each order through Django's test client (the whole middleware stack, no HTTP
server) and prints p50/p95 in milliseconds of: the article page (never cached: it carries
the reader's own comments and forms), the JSON API with its cache emptied before each
request, and the JSON API served from its cache. Usage:

    .venv/bin/python benchmarks/long_thread.py [--requests 30] [--sqlite-only]
"""

import argparse
import datetime
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.common import (  # noqa: E402
    Stopwatch,
    percentiles_ms,
    print_table,
    recreate_database,
    scratch_url,
)

POSTGRES_URL = os.getenv("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
SCRATCH = "commentdesk_long_thread"
STORY_URL = "https://news.example.org/2023/11/a-long-thread"
TOP_LEVEL, THREADS_WITH_REPLIES = 8_000, 1_000
SORTS = ("oldest", "newest", "replies")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--sqlite-only", action="store_true")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        return measure(args.requests)
    rows = []
    if not args.sqlite_only:
        recreate_database(POSTGRES_URL, SCRATCH)
        try:
            rows += run_child("PostgreSQL", scratch_url(POSTGRES_URL, SCRATCH), args.requests)
        finally:
            recreate_database(POSTGRES_URL, SCRATCH, create=False)
    with tempfile.TemporaryDirectory() as scratch_dir:
        rows += run_child("SQLite", f"sqlite:///{scratch_dir}/long_thread.sqlite3", args.requests)
    print_table(
        f"Page 1 of {TOP_LEVEL + 2 * THREADS_WITH_REPLIES:,} approved comments, "
        f"{args.requests} requests each (ms)",
        ["database", "sort", "what", "p50", "p95", "queries"],
        rows,
    )


def run_child(label, database_url, requests):
    environment = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DEBUG": "False",
        "ALLOWED_HOSTS": "testserver",
        "SECRET_KEY": "long-thread-benchmark-key-not-secret-" + "x" * 20,
        "LOG_LEVEL": "ERROR",
        "STATICFILES_BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
        "REDIS_CACHE_URL": "",  # the in-process cache, as make serve has
    }
    command = [sys.executable, __file__, "--measure", "--requests", str(requests)]
    output = subprocess.run(command, cwd=ROOT, env=environment, check=True,
                            stdout=subprocess.PIPE, text=True)
    return [[label, *row] for row in json.loads(output.stdout.strip().splitlines()[-1])]


def measure(requests):
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "commentdesk.settings")
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    article = build_story()
    rows = []
    for sort in SORTS:
        page = f"{article.get_absolute_url()}?sort={sort}"
        api = f"/api/v1/comments/?url={STORY_URL}&sort={sort}"
        rows.append([sort, "article page", *timed(page, requests)])
        rows.append([sort, "API, uncached", *timed(api, requests, empty_cache=True)])
        rows.append([sort, "API, cached", *timed(api, requests)])
    print(json.dumps(rows))


def build_story():
    from django.contrib.auth import get_user_model

    from commentdesk.articles.models import Site
    from commentdesk.comments.actions import do_feature_comment
    from commentdesk.comments.models import Comment
    from commentdesk.test import make_article

    site = Site.objects.get_current()
    site.allowed_origins = "https://news.example.org"
    site.save()
    article = make_article("a-long-thread", canonical_url=STORY_URL)
    start = datetime.datetime(2023, 11, 22, tzinfo=datetime.UTC)

    def comments(count, parent_of=lambda n: None, offset=0):
        return Comment.objects.bulk_create(
            (Comment(article=article, author_name=f"Reader {n}", author_email=f"r{n}@example.org",
                     text=f"Comment number {n}, long enough to look like one: " + "words " * 30,
                     parent=parent_of(n), status=Comment.Status.APPROVED,
                     created_at=start + datetime.timedelta(seconds=offset + n))
             for n in range(count)),
            batch_size=1000,
        )

    top = comments(TOP_LEVEL)
    with_replies = top[:: TOP_LEVEL // THREADS_WITH_REPLIES]
    # 1, 2 or 3 replies each: 2,000 in all, so "most replies" has an order to find.
    parents = [parent for n, parent in enumerate(with_replies) for _ in range(1 + n % 3)]
    comments(len(parents), parents.__getitem__, offset=TOP_LEVEL)
    editor = get_user_model().objects.create_user("long-thread-editor")
    for comment in top[100:103]:
        do_feature_comment(comment.pk, editor=editor)
    return article


def timed(path, requests, empty_cache=False):
    """p50 and p95 of `requests` GETs of path, in ms, and the queries of one of them."""
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client, seconds = Client(headers={"Origin": "https://news.example.org"}), []
    client.get(path)  # warms the connection, the templates and, unless emptied, the cache
    for _ in range(requests):
        if empty_cache:
            cache.clear()
        with Stopwatch() as watch:
            response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        seconds.append(watch.seconds)
    if empty_cache:
        cache.clear()
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    return [round(value, 1) for value in percentiles_ms(seconds, 50, 95)] + [len(queries)]


if __name__ == "__main__":
    main()
