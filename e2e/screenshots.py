"""Captures the screenshots in docs/screenshots/ from a running commentdesk.

To regenerate them, use a scratch database (the capture posts two reader comments that
stay pending) and, in one shell:

    DATABASE_URL=sqlite:////tmp/screenshots.sqlite3 .venv/bin/python manage.py migrate
    DATABASE_URL=sqlite:////tmp/screenshots.sqlite3 .venv/bin/python manage.py load_demo
    DATABASE_URL=sqlite:////tmp/screenshots.sqlite3 DEBUG=True \\
        .venv/bin/python manage.py runserver 127.0.0.1:8000

load_demo prints the demo editor's password once (`manage.py changepassword editor` sets a new
one). Then, in a second shell:

    MODERATOR_PASSWORD='<that password>' .venv/bin/python -m e2e.screenshots

Besides the English pages it captures the article page and the workspace in Arabic and in
Sorani (the demo's stories in those languages; the workspace in the moderator's browser
language), right to left.

Options: --base-url (default http://127.0.0.1:8000), --slug (default: the first demo story),
--username (default editor), --out (default docs/screenshots).
"""

import argparse
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Browser, Page, expect, sync_playwright

from commentdesk.articles.demo import ARTICLES
from e2e.browser import VIEWPORT, launch_chromium, new_context
from e2e.desk import (
    MODERATION_QUEUE,
    WORKSPACE_QUEUE,
    article_path,
    log_in_to_admin,
    log_in_to_desk,
    post_comment,
)

SCREENSHOTS = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
ARTICLE_PAGE = "article-page.png"
MODERATION_QUEUE_PAGE = "moderation-queue.png"
WORKSPACE_PAGE = "workspace-queue.png"
QUEUE_VIEWPORT = {"width": 1600, "height": 900}
# The right-to-left languages shown in docs/screenshots/, with the demo story in each.
RTL_LANGUAGES = ("ar", "ckb")
DEMO_SLUGS = {spec["language"]: spec["slug"] for spec in ARTICLES if spec.get("language")}
# Readers' comments in the story's language; the web address keeps them pending for the queue.
RTL_COMMENTS = {
    "ar": {
        "name": "ريم",
        "email": "reem@example.org",
        "text": "هل ستنشر المكتبة مواعيد القاعة الجديدة على library.example.org؟",
    },
    "ckb": {
        "name": "هێمن",
        "email": "hemin@example.org",
        "text": "ئایا کاتەکانی فڕنەکە لە bakers.example.org بڵاو دەکرێنەوە؟",
    },
}

# Both mention a web address: the default moderation policy holds links for a moderator, so
# the machine leaves them pending, as the screenshots need, whatever the classifier thinks.
READER_COMMENT = {
    "name": "Shilan",
    "email": "shilan@example.org",
    "text": "Will the council publish what the investigation finds, as it did on erbil.example.org?",
}
# Posted from a second browser, so it waits in the queue without showing on the reader's page.
OTHER_READER_COMMENT = {
    "name": "Aram",
    "email": "aram@example.org",
    "text": "My cousin lives near the depots; his photos are on aram.example.org/makhmour.",
}


def capture(browser: Browser, base_url: str, slug: str, username: str, password: str, out: Path):
    """Writes the screenshots into out and returns their paths."""
    out.mkdir(parents=True, exist_ok=True)
    article_png, queue_png = out / ARTICLE_PAGE, out / MODERATION_QUEUE_PAGE
    workspace_png = out / WORKSPACE_PAGE
    with visitor(browser, base_url) as other_reader:
        post_and_wait(other_reader, slug, OTHER_READER_COMMENT)
    with visitor(browser, base_url) as reader:
        post_and_wait(reader, slug, READER_COMMENT)
        # The screenshot promises a published comment next to the reader's pending one.
        expect(reader.locator(".published-comments .comment").first).to_be_visible()
        reader.screenshot(path=article_png, full_page=True)
    with visitor(browser, base_url) as moderator:
        log_in_to_admin(moderator, username, password)
        moderator.goto(MODERATION_QUEUE)
        # Without the navigation sidebar, and wider than a reader's page, every column fits.
        moderator.locator("#toggle-nav-sidebar").click()
        moderator.set_viewport_size(QUEUE_VIEWPORT)
        expect(moderator.locator("#result_list")).to_contain_text(OTHER_READER_COMMENT["text"])
        moderator.screenshot(path=queue_png, full_page=True)
    with visitor(browser, base_url) as moderator:
        log_in_to_desk(moderator, username, password)
        moderator.set_viewport_size(QUEUE_VIEWPORT)
        expect(moderator.locator("main")).to_contain_text(OTHER_READER_COMMENT["text"])
        moderator.screenshot(path=workspace_png, full_page=True)
    return [article_png, queue_png, workspace_png]


def capture_languages(
    browser: Browser, base_url: str, slugs: dict, username: str, password: str, out: Path
) -> list[Path]:
    """The article page (slugs: language -> story) and the workspace, each in Arabic and in
    Sorani, into out; returns their paths."""
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for language in RTL_LANGUAGES:
        article_png = out / f"article-page-{language}.png"
        workspace_png = out / f"workspace-queue-{language}.png"
        with visitor(browser, base_url, locale=language) as reader:
            reader.goto(article_path(slugs[language]))
            post_comment_in_any_language(reader, **RTL_COMMENTS[language])
            expect(reader.locator(".own-comments .comment-pending")).to_be_visible()
            expect(reader.locator("html")).to_have_attribute("dir", "rtl")
            reader.screenshot(path=article_png, full_page=True)
        with visitor(browser, base_url, locale=language) as moderator:
            log_in_to_desk_in_any_language(moderator, username, password)
            moderator.set_viewport_size(QUEUE_VIEWPORT)
            expect(moderator.locator("main")).to_contain_text(RTL_COMMENTS[language]["text"])
            moderator.screenshot(path=workspace_png, full_page=True)
        paths += [article_png, workspace_png]
    return paths


def post_comment_in_any_language(page: Page, *, name: str, email: str, text: str) -> None:
    page.locator("#id_author_name").fill(name)
    page.locator("#id_author_email").fill(email)
    page.locator("#id_text").fill(text)
    page.locator(".comment-form button[type=submit]").click()


def log_in_to_desk_in_any_language(page: Page, username: str, password: str) -> None:
    """Logs in at /desk/ without reading any words: the page may be in any language."""
    page.goto(f"/desk/login/?next={WORKSPACE_QUEUE}")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".desk-nav")).to_be_visible()


@contextmanager
def visitor(browser: Browser, base_url: str, locale: str = "") -> Iterator[Page]:
    """A page in a browser context of its own: its own session, so its own pending comments.
    A locale sets the browser's language (its Accept-Language)."""
    context = (
        browser.new_context(base_url=base_url, viewport=VIEWPORT, locale=locale)
        if locale
        else new_context(browser, base_url)
    )
    try:
        yield context.new_page()
    finally:
        context.close()


def post_and_wait(page: Page, slug: str, comment: dict) -> None:
    page.goto(article_path(slug))
    post_comment(page, **comment)
    expect(page.locator(".own-comments .comment-pending")).to_contain_text(comment["text"])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--slug", default=ARTICLES[0]["slug"], help="the demo article to show")
    parser.add_argument("--username", default="editor", help="a moderator's username")
    parser.add_argument("--out", type=Path, default=SCREENSHOTS)
    args = parser.parse_args()
    # From the environment rather than the command line, where other users could read it.
    password = os.environ["MODERATOR_PASSWORD"]
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        for path in capture(browser, args.base_url, args.slug, args.username, password, args.out):
            print(path)
        for path in capture_languages(
            browser, args.base_url, DEMO_SLUGS, args.username, password, args.out
        ):
            print(path)
        browser.close()


if __name__ == "__main__":
    main()
