"""Where the workspace shows the commenter, it says whether they were signed in (identity/)."""

from commentdesk.comments.actions import do_submit_comment
from commentdesk.dashboard.tests.base import DeskTestCase
from commentdesk.dashboard.views.machine import machine_decisions
from commentdesk.dashboard.views.queue import waiting_for_a_moderator
from commentdesk.moderation.models import Decision

BADGE = '<span class="item-signed-in" title="reader-42">signed in</span>'


class SignedInTestCase(DeskTestCase):
    def setUp(self):
        super().setUp()
        self.client.force_login(self.bob)
        self.signed_in = do_submit_comment(
            self.article, author_name="Shilan", author_email="shilan@example.org",
            text="Signed in.", account_id="reader-42",
        )
        self.anonymous = self.submit("Anonymous.")

    def test_the_queue_marks_signed_in_commenters_only(self):
        response = self.client.get("/desk/")
        self.assertContains(response, BADGE, count=1, html=True)
        items = response.context["items"]
        self.assertEqual([item.comment.pk for item in items], [self.signed_in.pk, self.anonymous.pk])

    def test_the_queue_reads_the_marks_with_the_comments(self):
        comments = list(waiting_for_a_moderator())
        with self.assertNumQueries(0):
            marks = [hasattr(comment, "signed_in") for comment in comments]
        self.assertEqual(marks, [True, False])

    def test_the_machine_lists_mark_signed_in_commenters(self):
        self.machine_approve(self.signed_in)
        self.machine_approve(self.anonymous)
        response = self.client.get("/desk/machine/approved/")
        self.assertContains(response, BADGE, count=1, html=True)

    def test_the_machine_lists_read_the_marks_with_the_comments(self):
        self.machine_approve(self.signed_in)
        self.machine_approve(self.anonymous)
        decisions = list(machine_decisions(Decision.Outcome.APPROVED))
        with self.assertNumQueries(0):
            marks = [hasattr(decision.comment, "signed_in") for decision in decisions]
        self.assertEqual(marks, [False, True])  # newest first
