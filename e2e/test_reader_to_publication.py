"""A reader's comment travels through the browser to the moderator and back to every reader."""

import pytest
from playwright.sync_api import expect

from commentdesk.comments.models import Comment
from e2e.desk import MODERATION_QUEUE, article_path, decide_in_queue, post_comment

pytestmark = pytest.mark.browser

READER = {"name": "Shilan", "email": "shilan@example.org"}
XSS = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">'
# A bound for the A+/A- loops, so a button that never disables fails the test instead of hanging.
MAX_TEXT_SIZE_STEPS = 20


def read_article(page, article):
    page.goto(article_path(article.slug))
    expect(page.locator("h1")).to_have_text(article.headline)


def published(page, text):
    return page.locator(".published-comments .comment", has_text=text)


def test_an_approved_comment_is_published_to_every_reader(open_page, moderator_page, article):
    text = "Is there any word on when the clinic will get more supplies?"
    reader, other_reader = open_page(), open_page()

    read_article(reader, article)
    post_comment(reader, **READER, text=text)
    expect(reader.locator(".messages .message-success")).to_contain_text("awaits moderation")
    own = reader.locator(".own-comments .comment-pending", has_text=text)
    expect(own).to_contain_text("Awaiting moderation")
    expect(published(reader, text)).to_have_count(0)

    read_article(other_reader, article)
    expect(other_reader.get_by_text(text)).to_have_count(0)

    decide_in_queue(moderator_page, text, "approve")
    expect(moderator_page.locator(".messagelist .success")).to_have_text("1 comment approved.")

    reader.reload()
    expect(published(reader, text)).to_have_count(1)
    expect(reader.locator(".own-comments")).to_have_count(0)
    other_reader.reload()
    expect(published(other_reader, text)).to_have_count(1)


def test_a_rejected_comment_stays_private_and_cites_the_guideline(
    open_page, moderator_page, article
):
    text = "A comment the moderator will reject for its language."
    author, other_reader = open_page(), open_page()
    read_article(author, article)
    post_comment(author, **READER, text=text)
    expect(author.locator(".own-comments .comment-pending", has_text=text)).to_have_count(1)

    decide_in_queue(moderator_page, text, "reject_profanity")
    expect(moderator_page.locator(".messagelist .success")).to_contain_text("1 comment rejected")

    author.reload()
    rejected = author.locator(".own-comments .comment-rejected", has_text=text)
    expect(rejected).to_contain_text("Not published")
    expect(rejected).to_contain_text("Profanity")
    expect(published(author, text)).to_have_count(0)
    read_article(other_reader, article)
    expect(other_reader.get_by_text(text)).to_have_count(0)


def story_font_size(page) -> float:
    return page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('#story-body p')).fontSize)"
    )


def click_until_disabled(page, button) -> list[float]:
    """Clicks until the button disables itself; returns the story's font size after each click."""
    sizes = []
    for _ in range(MAX_TEXT_SIZE_STEPS):
        if button.is_disabled():
            return sizes
        button.click()
        sizes.append(story_font_size(page))
    pytest.fail(f"{button} was still enabled after {MAX_TEXT_SIZE_STEPS} clicks")


def test_text_size_buttons_scale_the_story_within_bounds_and_persist(
    open_page, article, other_article
):
    page = open_page()
    read_article(page, article)
    larger, smaller = page.locator("[data-text-size=up]"), page.locator("[data-text-size=down]")
    default = story_font_size(page)

    larger.click()
    assert story_font_size(page) > default
    smaller.click()
    smaller.click()
    assert story_font_size(page) < default

    larger.click()
    larger.click()
    chosen = story_font_size(page)
    assert chosen > default
    read_article(page, other_article)
    assert story_font_size(page) == chosen

    growing = click_until_disabled(page, larger)
    assert growing == sorted(set(growing)) and growing[0] > chosen
    expect(larger).to_be_disabled()
    expect(smaller).to_be_enabled()
    shrinking = click_until_disabled(page, smaller)
    assert shrinking == sorted(set(shrinking), reverse=True) and shrinking[-1] < default
    expect(smaller).to_be_disabled()
    expect(larger).to_be_enabled()


def test_an_invalid_comment_shows_field_errors_and_keeps_the_text(open_page, article):
    text = "A long, carefully written comment that must not be lost."
    page = open_page()
    read_article(page, article)

    post_comment(page, name="", email="not-an-email", text=text)

    name_field = page.locator(".field-invalid", has=page.locator("#id_author_name"))
    email_field = page.locator(".field-invalid", has=page.locator("#id_author_email"))
    expect(name_field.locator(".field-error")).to_have_text("Please enter your name.")
    expect(email_field.locator(".field-error")).to_contain_text("valid email address")
    expect(page.locator("#id_text")).to_have_value(text)
    expect(page.locator("#id_author_email")).to_have_value("not-an-email")
    assert not Comment.objects.exists()


def test_markup_in_a_comment_is_shown_as_text_and_never_runs(open_page, moderator_page, article):
    reader = open_page()
    read_article(reader, article)
    post_comment(reader, **READER, text=XSS)
    expect(reader.locator(".own-comments .comment-text")).to_have_text(XSS)
    assert reader.evaluate("window.__xss") is None

    # The queue shows readers' text to staff, the most valuable target for a script.
    moderator_page.goto(MODERATION_QUEUE)
    excerpt = moderator_page.locator("#result_list .field-excerpt")
    expect(excerpt).to_have_text(XSS)
    expect(excerpt.locator("script, img")).to_have_count(0)
    assert moderator_page.evaluate("window.__xss") is None
    decide_in_queue(moderator_page, XSS, "approve")
    expect(moderator_page.locator(".messagelist .success")).to_have_text("1 comment approved.")

    reader.reload()
    comment = published(reader, XSS)
    expect(comment.locator(".comment-text")).to_have_text(XSS)
    expect(comment.locator("script, img")).to_have_count(0)
    assert reader.evaluate("window.__xss") is None
