"""Readers posting while PostgreSQL crashes: they get a clear 503 with their text still in the
form, and every comment accepted before the crash is there after the restart, with its decision.

A real PostgreSQL server of the test's own (initdb, pg_ctl) under a real gunicorn, with the
in-process moderation engine. It needs no shared database, so it runs in the SQLite pass.
"""

import json

import pytest

from commentdesk.comments.tests import web
from commentdesk.comments.tests.private_postgres import PrivateCluster, postgres_bin

pytestmark = pytest.mark.faults

SLUG = "strikes-near-the-airbase"
TEXTS = [
    "The strikes killed several fighters, according to the statement.",
    "You are a pathetic idiot and everyone here knows it.",
    "Buy cheap followers now, message me on WhatsApp +964 750 000 0000",
    "What does this mean for the farmers near Makhmour?",
]
DURING = {"author_name": "Dana", "author_email": "dana@example.org", "text": "Written while\nthe database was down."}
# Once every comment's job has completed: each comment's status, machine verdict and decisions.
SNAPSHOT = """
import json, time
from commentdesk.comments.models import Comment
from commentdesk.moderation.models import ModerationJob
deadline = time.monotonic() + 30
while ModerationJob.objects.filter(completed_at=None).exists() and time.monotonic() < deadline:
    time.sleep(0.2)
print(json.dumps({
    c.text: [c.status, c.moderation_job.verdict, [d.outcome for d in c.decisions.all()]]
    for c in Comment.objects.select_related("moderation_job")
}))
"""


@pytest.fixture
def cluster():
    bin_dir = postgres_bin()
    # The machines this suite runs on have PostgreSQL's server binaries: a missing one is a fault.
    assert bin_dir is not None, "PostgreSQL's initdb and pg_ctl are needed (Debian's postgresql package)"
    cluster = PrivateCluster(bin_dir)
    yield cluster
    cluster.remove()


@pytest.fixture
def site(cluster, tmp_path):
    cluster.start()
    # Connections kept between requests, as in production: a restart must not break them for good.
    environment = web.server_environment(cluster.url, DATABASE_CONN_MAX_AGE="60")
    web.manage(environment, "migrate", "--noinput")
    web.manage(environment, "shell", "-c", "from commentdesk.test import make_article; make_article()")
    server = web.WebServer(environment, tmp_path / "server.log")
    yield server, environment
    server.stop()


def snapshot(environment):
    return json.loads(web.manage(environment, "shell", "-c", SNAPSHOT).splitlines()[-1])


def test_a_database_crash_keeps_what_was_accepted_and_the_readers_words(cluster, site):
    server, environment = site
    reader = web.Reader(server.port)
    for i, text in enumerate(TEXTS):
        posted = reader.post_comment(SLUG, author_name=f"Reader {i}", author_email=f"r{i}@example.org", text=text)
        assert posted.status == 302, posted.text
    before = snapshot(environment)
    assert sorted(before) == sorted(TEXTS)
    assert {verdict for _status, verdict, _decisions in before.values()} == {"approve", "reject", "review"}
    page = reader.get(f"/articles/{SLUG}/")

    cluster.crash()
    refused = reader.post_comment(SLUG, page=page, **DURING)
    assert refused.status == 503
    assert refused.headers["Retry-After"] == "30"
    assert "We could not save your comment right now" in refused.text
    assert 'value="Dana"' in refused.text and 'value="dana@example.org"' in refused.text
    assert ">\nWritten while\nthe database was down.</textarea>" in refused.text
    assert "could not connect" not in refused.text.lower() and "operationalerror" not in refused.text.lower()
    api = reader.request(
        "POST", "/api/v1/comments/", json.dumps({"url": "https://news.example.org/x", **DURING}),
        {"Content-Type": "application/json", "Origin": "https://news.example.org"},
    )
    assert api.status == 503
    assert json.loads(api.text)["error"].startswith("We could not save your comment right now")
    assert reader.get(f"/articles/{SLUG}/").status == 503

    cluster.start()
    # The reader presses "Post comment" again on the page they were given.
    retried = reader.post_comment(SLUG, page=refused, **DURING)
    assert retried.status == 302, retried.text
    after = snapshot(environment)
    assert {text: after[text] for text in TEXTS} == before
    assert after[DURING["text"]][1], "the comment posted after the restart was not moderated"
