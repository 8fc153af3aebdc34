"""The comment section embedded in a publisher's page served from another origin (another port)."""

import os
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from e2e.desk import decide_in_queue
from e2e.publisher import HTML, PublisherSite

pytestmark = pytest.mark.browser

SCREENSHOT = Path(__file__).resolve().parent.parent / "docs" / "screenshots" / "embed.png"
READER = {"name": "Shilan", "email": "shilan@example.org"}
# The host page's own styles try hard to restyle and hide the section; none may reach it.
HOSTILE_CSS = "* { color: magenta !important; } button, form, ol { display: none !important; }"
HOST_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>{style}</head>
<body><h1>{title}</h1><p>The publisher's own story text.</p>
<p>Comments: <span data-commentdesk-count="{url}">?</span></p>
<div id="commentdesk"></div>
<script src="{desk}/embed.js" data-article-url="{url}" data-article-title="{title}" data-sort="{sort}" async></script>
<script src="{desk}/count.js" async></script>
</body></html>"""


class HostPage(PublisherSite):
    """A publisher's article page on its own origin, serving the embed snippet."""

    def __init__(self, desk_url, title="Drone strikes near Makhmour", csp=None, css=HOSTILE_CSS):
        self.desk_url, self.title, self.csp, self.css = desk_url, title, csp, css
        super().__init__()

    def respond(self, url):
        # ?sort= on the host page's address becomes the snippet's data-sort.
        sort = parse_qs(url.query).get("sort", [""])[0]
        style = f"<style>{self.css}</style>" if self.css else ""
        body = HOST_PAGE.format(
            title=self.title, style=style, url=self.article_url, desk=self.desk_url, sort=sort
        )
        headers = {"Content-Type": HTML}
        if self.csp:
            headers["Content-Security-Policy"] = self.csp
        return 200, headers, body.encode()


@pytest.fixture
def host_page(live_server, site):
    cache.clear()  # The cache outlives the database flush between tests.
    page = HostPage(live_server.url)
    yield page
    page.close()


@pytest.fixture
def allowed_host_page(host_page, site):
    site.allowed_origins = host_page.origin
    site.save()
    return host_page


def section(page):
    return page.locator("#commentdesk .commentdesk")


def post_in_section(page, text):
    box = section(page)
    box.locator("#cd-author_name").fill(READER["name"])
    box.locator("#cd-author_email").fill(READER["email"])
    box.locator("#cd-text").fill(text)
    box.get_by_role("button", name="Post comment").click()


def test_a_comment_posted_on_the_publishers_page_is_published_there_once_approved(
    open_page, moderator_page, allowed_host_page, site
):
    text = "Will the clinic near the depots get more supplies this week?"
    reader = open_page()
    reader.goto(allowed_host_page.article_url)
    box = section(reader)
    expect(box.get_by_role("heading", name="Comments")).to_be_visible()
    expect(box.locator(".moderation-notice")).to_contain_text(site.name)
    expect(box.locator(".no-comments")).to_be_visible()
    expect(box.get_by_role("button", name="Post comment")).to_be_visible()

    post_in_section(reader, text)
    expect(box.locator(".form-status")).to_contain_text("awaits moderation")
    expect(box.locator(".own-comments .comment-pending", has_text=text)).to_contain_text(
        "Awaiting moderation"
    )
    reader.reload()
    expect(box.locator(".own-comments .comment-pending", has_text=text)).to_have_count(1)
    expect(box.locator(".published-comments .comment", has_text=text)).to_have_count(0)

    decide_in_queue(moderator_page, text, "approve")
    expect(moderator_page.locator(".messagelist .success")).to_have_text("1 comment approved.")

    reader.reload()
    expect(box.locator(".published-comments .comment", has_text=text)).to_have_count(1)
    expect(box.locator(".own-comments .comment")).to_have_count(0)
    expect(reader.locator("[data-commentdesk-count]")).to_have_text("1")
    assert reader.context.cookies() == []
    for styled in (box.locator(".comment-text p"), box.get_by_role("heading", name="Comments")):
        assert styled.evaluate("e => getComputedStyle(e).color") == "rgb(26, 26, 26)"
    if os.getenv("COMMENTDESK_SCREENSHOTS"):
        reader.locator("#commentdesk").screenshot(path=SCREENSHOT)


def test_field_errors_show_in_the_section_and_keep_the_text(open_page, allowed_host_page):
    reader = open_page()
    reader.goto(allowed_host_page.article_url)
    box = section(reader)
    box.locator("#cd-text").fill("A carefully written comment that must not be lost.")
    box.get_by_role("button", name="Post comment").click()
    expect(box.locator("[data-field=author_name] .field-error")).to_have_text(
        "Please enter your name."
    )
    expect(box.locator("#cd-text")).to_have_value("A carefully written comment that must not be lost.")


def test_a_page_on_an_origin_the_site_does_not_allow_gets_a_clear_refusal(open_page, host_page):
    reader = open_page()
    reader.goto(host_page.article_url)
    expect(section(reader).locator(".commentdesk-error")).to_contain_text(
        "Comments are not enabled for pages on"
    )


def test_the_section_takes_the_sites_language_and_direction(open_page, allowed_host_page, site):
    site.language = "ar"
    site.save()
    reader = open_page()
    reader.goto(allowed_host_page.article_url)
    expect(section(reader)).to_have_attribute("dir", "rtl")
    expect(section(reader)).to_have_attribute("lang", "ar")


def test_the_section_works_under_the_host_policy_that_docs_embedding_md_gives(
    open_page, live_server, site
):
    # The policy a publisher needs for the embed (docs/embedding.md), and nothing more: no
    # 'unsafe-inline' styles. open_page fails the test on any Content-Security-Policy violation.
    desk = live_server.url
    policy = (
        f"default-src 'self'; script-src 'self' {desk}; connect-src 'self' {desk}; "
        "style-src 'self'; img-src 'self' data:"
    )
    cache.clear()
    host = HostPage(desk, csp=policy, css="")  # the host's own inline CSS would break its policy
    try:
        site.allowed_origins = host.origin
        site.save()
        reader = open_page()
        reader.goto(host.article_url)
        box = section(reader)
        expect(box.get_by_role("button", name="Post comment")).to_be_visible()
        assert box.evaluate("element => getComputedStyle(element).maxWidth") == "672px"  # 42rem
        post_in_section(reader, "Does the embed work under a strict policy?")
        expect(box.locator(".form-status")).to_contain_text("awaits moderation")
        expect(reader.locator("[data-commentdesk-count]")).to_have_text("0")
    finally:
        host.close()


def test_a_reader_replies_and_reports_from_the_section(
    open_page, allowed_host_page, site, moderator, moderator_password
):
    from commentdesk.comments.actions import do_submit_comment
    from commentdesk.comments.models import Comment
    from commentdesk.embed.threads import get_or_create_thread
    from commentdesk.moderation.actions import do_approve_comment
    from commentdesk.moderation.models import Policy
    from e2e.desk import log_in_to_desk

    Policy.objects.filter(site=site).update(report_threshold=1)
    article = get_or_create_thread(site.pk, allowed_host_page.article_url, "Drone strikes")
    parent = do_submit_comment(
        article, author_name="Dara", author_email="dara@example.org", text="Buy cheap pills here."
    )
    do_approve_comment(parent, moderator=moderator)

    reader = open_page()
    reader.goto(allowed_host_page.article_url)
    box = section(reader)
    published = box.locator(f"#comment-{parent.pk}")
    published.get_by_role("button", name="Reply").click()
    expect(box.locator(".replying-to")).to_contain_text("Replying to Dara:")
    post_in_section(reader, "This looks like an advert to me.")
    expect(box.locator(".own-comments .comment-pending")).to_have_count(1)
    assert Comment.objects.get(text="This looks like an advert to me.").parent == parent

    published.get_by_role("button", name="Report").click()
    published.get_by_label("Spam or promotion").check()
    published.get_by_label("Note for the moderators (optional)").fill("Pill adverts.")
    published.get_by_role("button", name="Send report").click()
    expect(published.locator(".message-success")).to_contain_text("Thank you for your report")

    desk = open_page()
    log_in_to_desk(desk, moderator.get_username(), moderator_password)
    desk.goto("/desk/?show=reported")
    item = desk.locator(f"#comment-{parent.pk}")
    expect(item.locator(".reports")).to_contain_text("Reported by 1 reader")
    expect(item.locator(".reports")).to_contain_text("Pill adverts.")


def test_the_section_shows_featured_comments_first_and_sorts_without_losing_the_draft(
    open_page, allowed_host_page, site, moderator
):
    from commentdesk.comments.actions import do_feature_comment
    from commentdesk.embed.threads import get_or_create_thread
    from commentdesk.test import publish_comments

    article = get_or_create_thread(site.pk, allowed_host_page.article_url, "Drone strikes")
    first, second, third = publish_comments(article, 3)
    publish_comments(article, 2, text="Reply", parent=second, start=third.created_at)
    do_feature_comment(third.pk, editor=moderator)

    reader = open_page()
    reader.goto(allowed_host_page.article_url)
    box = section(reader)
    expect(box.locator(f".featured #featured-{third.pk}")).to_contain_text("Comment 2")
    threads = box.locator(".published-comments > .comment > .comment-text")
    expect(threads).to_have_text(["Comment 0", "Comment 1", "Comment 2"])
    expect(box.get_by_role("button", name="Oldest first")).to_have_attribute("aria-pressed", "true")

    box.locator("#cd-text").fill("A draft the reader is still writing.")
    box.get_by_role("button", name="Most replies").click()
    expect(threads).to_have_text(["Comment 1", "Comment 0", "Comment 2"])
    box.get_by_role("button", name="Newest first").click()
    expect(threads).to_have_text(["Comment 2", "Comment 1", "Comment 0"])
    expect(box.get_by_role("button", name="Newest first")).to_have_attribute("aria-pressed", "true")
    expect(box.locator(f"#comment-{second.pk} .replies .comment")).to_have_count(2)
    expect(box.locator("#cd-text")).to_have_value("A draft the reader is still writing.")

    reader.goto(allowed_host_page.article_url + "?sort=replies")  # data-sort="replies"
    expect(threads).to_have_text(["Comment 1", "Comment 0", "Comment 2"])
    expect(box.get_by_role("button", name="Most replies")).to_have_attribute("aria-pressed", "true")


def test_a_reader_who_ticks_the_box_is_emailed_once_the_comment_is_published(
    open_page, allowed_host_page, moderator, mailoutbox
):
    from commentdesk.comments.models import Comment
    from commentdesk.moderation.actions import do_approve_comment
    from commentdesk.webhooks.sender import in_process_sender

    label = "Email me when my comment is published or rejected, and when someone replies"
    reader = open_page()
    reader.goto(allowed_host_page.article_url)
    box = section(reader)
    expect(box.get_by_label(label)).not_to_be_checked()
    box.get_by_label(label).check()
    post_in_section(reader, "Please keep me posted on the clinic.")
    expect(box.locator(".form-status")).to_contain_text("awaits moderation")
    expect(box.get_by_label(label)).not_to_be_checked()  # The form is cleared for the next one.

    comment = Comment.objects.get(text="Please keep me posted on the clinic.")
    do_approve_comment(comment, moderator=moderator)
    for _ in range(100):  # The web process's sender thread sends it after the commit.
        if mailoutbox:
            break
        in_process_sender._thread.join(0.05)
    in_process_sender.stop()
    (message,) = mailoutbox
    assert message.to == [READER["email"]]
    assert "was published" in message.subject
    assert allowed_host_page.article_url in message.body
