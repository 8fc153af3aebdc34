"""Single sign-on in a browser: the embed on a publisher's page with a token, and the desk's
own article page signing in through the publisher's login page and back."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from commentdesk.comments.models import Comment
from commentdesk.identity.models import SingleSignOn
from commentdesk.identity.tests.base import make_token
from e2e.publisher import HTML, PublisherSite

pytestmark = pytest.mark.browser

ARTICLE_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Drone strikes near Makhmour</title></head>
<body><h1>Drone strikes near Makhmour</h1><div id="commentdesk"></div>
<script src="{desk}/embed.js" data-article-url="{url}" data-article-title="Drone strikes"{token} async></script>
</body></html>"""


class Publisher(PublisherSite):
    """The publisher's site on its own origin: an article page that embeds the section (with a
    token for its signed-in reader, if any), and a login page that signs everyone in at once
    and sends them back to return_to with a token, as docs/guides/sso.md describes."""

    def __init__(self, desk_url):
        self.desk_url, self.secret, self.signed_in = desk_url, "", False
        super().__init__()

    def respond(self, url):
        if url.path == "/login":
            return_to = parse_qs(url.query)["return_to"][0]
            return 302, {"Location": f"{return_to}&token={self.token()}"}, b""
        token = f' data-sso-token="{self.token()}"' if self.signed_in else ""
        body = ARTICLE_PAGE.format(desk=self.desk_url, url=self.article_url, token=token)
        return 200, {"Content-Type": HTML}, body.encode()

    def token(self):
        return make_token(self.secret)


@pytest.fixture
def publisher(live_server, site):
    cache.clear()  # The cache outlives the database flush between tests.
    publisher = Publisher(live_server.url)
    site.allowed_origins = publisher.origin
    site.save()
    sso = SingleSignOn.objects.create(
        site=site, enabled=True, required=True, login_url=f"{publisher.origin}/login"
    )
    publisher.secret = sso.secret
    yield publisher
    publisher.close()


def section(page):
    return page.locator("#commentdesk .commentdesk")


def test_the_embed_posts_as_the_reader_the_publisher_signed_in(open_page, publisher):
    publisher.signed_in = True
    reader = open_page()
    reader.goto(publisher.article_url)
    box = section(reader)
    expect(box.locator(".signed-in")).to_have_text("Signed in as Shilan Karim")
    expect(box.locator("#cd-author_name")).to_have_count(0)
    expect(box.locator("#cd-author_email")).to_have_count(0)
    box.locator("#cd-text").fill("Signed in through the publisher, posting from its page.")
    box.get_by_role("button", name="Post comment").click()
    expect(box.locator(".form-status")).to_contain_text("awaits moderation")
    expect(box.locator(".own-comments .comment-pending")).to_contain_text("Shilan Karim")
    comment = Comment.objects.get()
    assert (comment.author_email, comment.signed_in.account_id) == ("shilan@example.org", "reader-42")


def test_without_a_token_the_embed_sends_the_reader_to_sign_in(open_page, publisher):
    reader = open_page()
    reader.goto(publisher.article_url)
    box = section(reader)
    link = box.get_by_role("link", name="Sign in to comment")
    expect(link).to_be_visible()
    expect(box.locator("form.comment-form")).to_have_count(0)
    href = urlsplit(link.get_attribute("href"))
    assert f"{href.scheme}://{href.netloc}{href.path}" == f"{publisher.origin}/login"
    assert parse_qs(href.query)["return_to"] == [publisher.article_url]


def test_the_desk_page_signs_in_through_the_publisher_and_out_again(open_page, publisher, article):
    reader = open_page()
    reader.goto(article.get_absolute_url())
    post = reader.locator("#post-comment")
    expect(post.locator("form.comment-form")).to_have_count(0)
    post.get_by_role("link", name="Sign in to comment").click()
    expect(post.locator(".signed-in-name")).to_have_text("Signed in as Shilan Karim")
    assert urlsplit(reader.url).path == article.get_absolute_url()
    post.locator("#id_text").fill("Signed in on the desk's own page.")
    post.get_by_role("button", name="Post comment").click()
    expect(reader.locator(".message-success")).to_contain_text("awaits moderation")
    assert Comment.objects.get().signed_in.account_id == "reader-42"
    reader.locator("#post-comment").get_by_role("button", name="Sign out").click()
    expect(reader.locator("#post-comment").get_by_role("link", name="Sign in to comment")).to_be_visible()
