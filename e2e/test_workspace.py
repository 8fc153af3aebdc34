"""A moderator works through the review queue from the keyboard, and takes a decision back."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from commentdesk.comments.models import Comment
from commentdesk.moderation.models import ModerationJob
from e2e.desk import log_in_to_desk

pytestmark = pytest.mark.browser


def held_comment(article, text, guideline):
    """A comment the machine held for a moderator, suggesting `guideline`; written directly so
    the test does not depend on what the classifier makes of the text."""
    comment = Comment.objects.create(
        article=article, author_name="Shilan", author_email="shilan@example.org", text=text
    )
    ModerationJob.objects.create(
        comment=comment,
        verdict=ModerationJob.Verdict.REVIEW,
        guideline=guideline,
        scores={guideline: 0.7},
        explanation=f"Sent to a moderator: {guideline}.",
        lang="en",
        completed_at=timezone.now(),
    )
    return comment


def status_of(comment):
    comment.refresh_from_db()
    return comment.status, comment.guideline


def test_a_moderator_decides_and_undoes_from_the_keyboard(
    open_page, article, moderator, moderator_password
):
    first = held_comment(article, "When will the clinic get more supplies?", "off_topic")
    second = held_comment(article, "People like you should be run out of town.", "threat")
    page = open_page()
    log_in_to_desk(page, moderator.get_username(), moderator_password)
    item = page.locator(".queue-item")
    expect(item).to_have_count(2)

    page.keyboard.press("j")
    expect(item.first).to_have_class("queue-item is-focused")
    page.keyboard.press("a")
    expect(page.locator(f"#comment-{first.pk}")).to_have_count(0)
    expect(page.locator("#undo-toast")).to_contain_text("approved")
    assert status_of(first) == (Comment.Status.APPROVED, "")

    # The next comment takes the focus; r rejects it citing the machine's suggestion.
    expect(page.locator(f"#comment-{second.pk}")).to_have_class("queue-item is-focused")
    page.keyboard.press("r")
    expect(page.locator(f"#comment-{second.pk}")).to_have_count(0)
    expect(page.locator("#undo-toast")).to_contain_text("Threats")
    assert status_of(second) == (Comment.Status.REJECTED, "threat")

    page.locator("#undo-toast").get_by_role("button", name="Undo").click()
    expect(page.locator(f"#comment-{second.pk}")).to_be_visible()
    assert status_of(second) == (Comment.Status.PENDING, "")
    assert status_of(first) == (Comment.Status.APPROVED, "")


def test_number_keys_pick_the_guideline_and_typing_is_left_alone(
    open_page, article, moderator, moderator_password
):
    comment = held_comment(article, "Buy cheap watches at my shop.", "off_topic")
    page = open_page()
    log_in_to_desk(page, moderator.get_username(), moderator_password)

    page.locator("#id_lang").focus()
    page.keyboard.press("j")
    expect(page.locator(".queue-item.is-focused")).to_have_count(0)

    page.locator("h1").click()
    page.keyboard.press("j")
    page.keyboard.press("6")
    expect(page.locator(f"#comment-{comment.pk} select[name=guideline]")).to_have_value("promotion")
    page.keyboard.press("r")
    expect(page.locator(f"#comment-{comment.pk}")).to_have_count(0)
    assert status_of(comment) == (Comment.Status.REJECTED, "promotion")


def test_x_selects_comments_for_a_bulk_rejection(open_page, article, moderator, moderator_password):
    first = held_comment(article, "Visit my channel for more.", "promotion")
    second = held_comment(article, "Subscribe to my newsletter.", "promotion")
    kept = held_comment(article, "A fair question about the depots.", "off_topic")
    page = open_page()
    log_in_to_desk(page, moderator.get_username(), moderator_password)

    for _ in range(2):
        page.keyboard.press("j")
        page.keyboard.press("x")
    expect(page.locator(".queue-item.is-selected")).to_have_count(2)
    bulk = page.locator("#bulk")
    bulk.locator("select[name=guideline]").select_option("promotion")
    bulk.get_by_role("button", name="Reject selected").click()

    expect(page.locator(".messages")).to_contain_text("2 comments decided.")
    expect(page.locator(".queue-item")).to_have_count(1)
    assert status_of(first) == status_of(second) == (Comment.Status.REJECTED, "promotion")
    assert status_of(kept) == (Comment.Status.PENDING, "")
