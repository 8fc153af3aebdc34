"""Arabic and Sorani pages are laid out right to left, mirroring the English ones."""

import pytest
from playwright.sync_api import Page, expect

from commentdesk.comments.actions import do_submit_comment
from commentdesk.moderation.actions import do_approve_comment
from commentdesk.test import make_article
from e2e.desk import article_path
from e2e.screenshots import capture_languages, log_in_to_desk_in_any_language
from e2e.test_screenshots import png_size

pytestmark = pytest.mark.browser

STORIES = {
    "en": ("Students build a flood warning network", "Sensors warn villages of floods."),
    "ar": ("طلاب يبنون شبكة للإنذار من الفيضانات", "أجهزة استشعار تنبّه القرى إلى الفيضانات."),
    "ckb": ("خوێندکاران تۆڕێکی ئاگادارکردنەوە لە لافاو دروست دەکەن", "هەستەوەرەکان گوندەکان لە لافاو ئاگادار دەکەنەوە."),
}
DIRECTIONS = [("en", "ltr"), ("ar", "rtl"), ("ckb", "rtl")]
# Pixels two edges may differ by and still line up.
SLACK = 2


@pytest.fixture
def stories(site, moderator):
    articles = {}
    for language, (headline, body) in STORIES.items():
        article = make_article(f"story-{language}", site=site, language=language, headline=headline, body=body)
        comment = do_submit_comment(
            article, author_name="Daniel", author_email="daniel@example.org",
            text="An English comment under the story.",
        )
        do_approve_comment(comment, moderator=moderator)
        articles[language] = article
    return articles


def text_box(page: Page, selector: str) -> dict:
    """Where the element's first line of text is drawn (its box may be wider than the text)."""
    return page.locator(selector).evaluate(
        """node => {
            const range = document.createRange();
            range.selectNodeContents(node.firstChild);
            const r = range.getBoundingClientRect();
            return {x: r.x, width: r.width};
        }"""
    )


def box(page: Page, selector: str) -> dict:
    return page.locator(selector).first.bounding_box()


@pytest.mark.parametrize("language,direction", DIRECTIONS)
def test_the_article_page_mirrors(open_page, stories, language, direction):
    page = open_page()
    page.goto(article_path(stories[language].slug))
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("html")).to_have_attribute("dir", direction)

    # The label's words start where the field starts: at the left in English, at the right
    # in Arabic and Sorani.
    label, field = text_box(page, "label[for=id_author_name]"), box(page, "#id_author_name")
    if direction == "rtl":
        assert abs((label["x"] + label["width"]) - (field["x"] + field["width"])) <= SLACK + 8
        assert label["x"] > field["x"] + field["width"] / 2
    else:
        assert abs(label["x"] - field["x"]) <= SLACK + 8
        assert label["x"] + label["width"] < field["x"] + field["width"] / 2

    # The text-size buttons sit at the end of the line, A+ first: right and A+ to the left in
    # English; left and A+ to the right in Arabic and Sorani.
    expect(page.locator(".text-size")).to_be_visible()
    bigger, smaller, story = box(page, ".text-size-up"), box(page, ".text-size-down"), box(page, "#story-body")
    middle = story["x"] + story["width"] / 2
    if direction == "rtl":
        assert bigger["x"] > smaller["x"] and bigger["x"] + bigger["width"] < middle
    else:
        assert bigger["x"] < smaller["x"] and smaller["x"] > middle

    # "A+" and a Latin handle read left to right even on a right-to-left page.
    assert page.locator(".text-size-up").evaluate("node => getComputedStyle(node).direction") == "ltr"
    assert page.locator(".byline-handle").evaluate("node => getComputedStyle(node).direction") == "ltr"

    # An English comment keeps its own direction whatever the page's.
    comment = page.locator(".published-comments .comment-text").first
    expect(comment).to_have_attribute("dir", "auto")
    assert comment.evaluate("node => getComputedStyle(node).direction") == "ltr"


@pytest.mark.parametrize("language", ["ar", "ckb"])
def test_the_workspace_follows_the_moderators_browser(
    browser, live_server, stories, moderator, moderator_password, language
):
    do_submit_comment(
        stories[language], author_name="Shilan", author_email="shilan@example.org",
        text=STORIES[language][1],
    )
    context = browser.new_context(base_url=live_server.url, locale=language)
    try:
        page = context.new_page()
        log_in_to_desk_in_any_language(page, moderator.get_username(), moderator_password)
        expect(page.locator("html")).to_have_attribute("dir", "rtl")
        expect(page.locator("html")).to_have_attribute("lang", language)
        # The navigation starts at the right, the log-out button ends it at the left.
        queue_link, logout = box(page, ".desk-nav a"), box(page, ".desk-nav .logout")
        assert queue_link["x"] > logout["x"]
        # In a queue item the checkbox comes first, so at the right of the headline.
        item = page.locator(".queue-item", has_text=STORIES[language][1])
        checkbox, headline = item.locator(".select").bounding_box(), item.locator(".item-article").bounding_box()
        assert checkbox["x"] > headline["x"]
    finally:
        context.close()


def test_capture_languages_writes_the_right_to_left_screenshots(
    browser, live_server, tmp_path, stories, moderator, moderator_password
):
    slugs = {language: article.slug for language, article in stories.items()}
    paths = capture_languages(
        browser, live_server.url, slugs, moderator.get_username(), moderator_password, tmp_path
    )
    assert [p.name for p in paths] == [
        "article-page-ar.png", "workspace-queue-ar.png", "article-page-ckb.png", "workspace-queue-ckb.png",
    ]
    for path in paths:
        width, height = png_size(path.read_bytes())
        assert width >= 800 and height >= 600, (path.name, width, height)
