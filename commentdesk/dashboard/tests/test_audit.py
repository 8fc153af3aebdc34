from commentdesk.dashboard.tests.base import DeskTestCase
from commentdesk.moderation.actions import do_approve_comment, do_reject_comment, do_undo_decision


class AuditTestCase(DeskTestCase):
    def setUp(self):
        super().setUp()
        self.client.force_login(self.bob)
        self.auto = self.submit("Approved by the machine.")
        self.machine_decision = self.machine_approve(self.auto)
        self.held = self.submit("Held.")
        self.bob_decision = do_reject_comment(self.held, "threat", moderator=self.bob)
        do_undo_decision(self.bob_decision, moderator=self.bob)
        self.alice_decision = do_approve_comment(self.held, moderator=self.alice)

    def listed(self, query=""):
        response = self.client.get(f"/desk/audit/{query}")
        self.assertEqual(response.status_code, 200)
        return [decision.pk for decision in response.context["page"]]

    def test_it_lists_every_decision_newest_first(self):
        expected = [self.alice_decision.pk, self.bob_decision.pk, self.machine_decision.pk]
        self.assertEqual(self.listed(), expected)

    def test_it_shows_who_or_what_decided_and_what_was_undone(self):
        response = self.client.get("/desk/audit/")
        self.assertContains(response, "machine (classifier test-1)")
        self.assertContains(response, '<td class="decider">alice</td>', html=False)
        self.assertContains(response, 'class="decision is-undone"')
        self.assertContains(response, "Threats")
        self.assertContains(response, "profanity 0.01")

    def test_filters(self):
        self.assertEqual(
            self.listed(f"?comment={self.held.pk}"), [self.alice_decision.pk, self.bob_decision.pk]
        )
        self.assertEqual(self.listed("?moderator=bob"), [self.bob_decision.pk])
        self.assertEqual(self.listed("?decider=machine"), [self.machine_decision.pk])
        self.assertEqual(
            self.listed("?decider=human"), [self.alice_decision.pk, self.bob_decision.pk]
        )

    def test_the_comment_text_is_escaped(self):
        comment = self.submit("<script>alert(1)</script>")
        do_approve_comment(comment, moderator=self.bob)
        response = self.client.get("/desk/audit/")
        self.assertNotContains(response, "<script>alert(1)")
        self.assertContains(response, "&lt;script&gt;alert(1)")
