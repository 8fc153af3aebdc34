"""A reader replies to a published comment; a moderator approves it; it shows under its parent."""

import pytest
from playwright.sync_api import expect

from commentdesk.comments.actions import do_submit_comment
from commentdesk.moderation.actions import do_approve_comment
from e2e.desk import article_path, log_in_to_desk, post_comment

pytestmark = pytest.mark.browser

PARENT = "Does anyone know whether the road to the depots is open again?"
REPLY = "It reopened this morning, according to the traffic police."


def test_a_reply_is_moderated_and_shown_under_its_parent(
    open_page, article, moderator, moderator_password
):
    parent = do_submit_comment(
        article, author_name="Dara", author_email="dara@example.org", text=PARENT
    )
    do_approve_comment(parent, moderator=moderator)

    reader = open_page()
    reader.goto(article_path(article.slug))
    reader.locator(f"#comment-{parent.pk} .reply-link").click()
    expect(reader.locator(".replying-to")).to_contain_text("Replying to Dara:")
    post_comment(reader, name="Shilan", email="shilan@example.org", text=REPLY)
    expect(reader.locator(".own-comments .comment-pending", has_text=REPLY)).to_have_count(1)
    expect(reader.locator(".published-comments", has_text=REPLY)).to_have_count(0)

    desk = open_page()
    log_in_to_desk(desk, moderator.get_username(), moderator_password)
    item = desk.locator(".queue-item", has_text=REPLY)
    expect(item.locator(".item-parent")).to_contain_text(PARENT)
    item.locator("button.approve").click()
    expect(desk.locator(".queue-item", has_text=REPLY)).to_have_count(0)

    reader.reload()
    reply = reader.locator(f"#comment-{parent.pk} .replies .comment", has_text=REPLY)
    expect(reply).to_have_count(1)
    # One level: a reply carries no Reply link of its own.
    expect(reply.locator(".reply-link")).to_have_count(0)


def test_a_report_from_the_page_puts_the_comment_in_the_reported_queue(
    open_page, article, site, moderator, moderator_password
):
    from commentdesk.moderation.models import Policy

    Policy.objects.filter(site=site).update(report_threshold=1)
    comment = do_submit_comment(
        article, author_name="Dara", author_email="dara@example.org", text=PARENT
    )
    do_approve_comment(comment, moderator=moderator)
    reader = open_page()
    reader.goto(article_path(article.slug))
    reader.locator(f"#comment-{comment.pk} .report-link").click()
    reader.get_by_label("Offensive").check()
    reader.get_by_role("button", name="Send report").click()
    expect(reader.locator(".messages .message-success")).to_contain_text("Thank you for your report")

    desk = open_page()
    log_in_to_desk(desk, moderator.get_username(), moderator_password)
    desk.goto("/desk/?show=reported")
    expect(desk.locator(f"#comment-{comment.pk} .reports")).to_contain_text("Offensive: 1")
