"""What a reader and a moderator do in the browser; shared by the tests and the screenshot script."""

from playwright.sync_api import Page, expect

MODERATION_QUEUE = "/admin/comments/comment/"
WORKSPACE_QUEUE = "/desk/"


def article_path(slug: str) -> str:
    return f"/articles/{slug}/"


def post_comment(page: Page, *, name: str, email: str, text: str) -> None:
    page.locator("#id_author_name").fill(name)
    page.locator("#id_author_email").fill(email)
    page.locator("#id_text").fill(text)
    page.get_by_role("button", name="Post comment").click()


def log_in_to_admin(page: Page, username: str, password: str) -> None:
    page.goto(f"/admin/login/?next={MODERATION_QUEUE}")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.get_by_role("button", name="Log in").click()
    # Only a logged-in staff member gets the user tools (welcome, log out) in the header.
    expect(page.locator("#user-tools")).to_be_visible()


def decide_in_queue(page: Page, comment_text: str, action: str) -> None:
    """Select the queued comment by its text and run a changelist action, e.g. approve."""
    page.goto(MODERATION_QUEUE)
    row = page.locator("#result_list tbody tr", has_text=comment_text)
    row.locator("input[name=_selected_action]").check()
    page.locator("select[name=action]").select_option(action)
    page.locator("button[name=index]").click()


def log_in_to_desk(page: Page, username: str, password: str) -> None:
    page.goto(f"/desk/login/?next={WORKSPACE_QUEUE}")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("h1")).to_have_text("Review queue")
    # The heading can show before queue.js has run; a key pressed then would go unheard.
    page.wait_for_load_state("load")
