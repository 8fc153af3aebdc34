from commentdesk.comments.models import Comment
from commentdesk.moderation.actions import DecisionError, do_approve_comment, do_reject_comment
from commentdesk.moderation.models import Decision
from commentdesk.test import BaseTestCase


class ModerationActionsTestCase(BaseTestCase):
    def test_approve_publishes_and_records_who_and_when(self):
        comment = self.submit()
        decision = do_approve_comment(comment, moderator=self.bob)
        self.assertEqual(comment.status, Comment.Status.APPROVED)
        self.assertEqual(comment.decided_by, self.bob)
        self.assertIsNotNone(comment.decided_at)
        self.assertEqual(decision.moderator, self.bob)
        self.assertEqual(decision.outcome, Decision.Outcome.APPROVED)

    def test_reject_cites_a_guideline(self):
        comment = self.submit()
        do_reject_comment(comment, "threat", moderator=self.bob)
        self.assertEqual(comment.status, Comment.Status.REJECTED)
        self.assertEqual(comment.guideline, "threat")
        self.assertEqual(comment.decisions.get().guideline, "threat")

    def test_reject_without_a_known_guideline_fails(self):
        comment = self.submit()
        with self.assertRaises(DecisionError):
            do_reject_comment(comment, "too-long", moderator=self.bob)
        comment.refresh_from_db()
        self.assertTrue(comment.is_pending)

    def test_a_decision_needs_exactly_one_decider(self):
        comment = self.submit()
        with self.assertRaises(DecisionError):
            do_approve_comment(comment)
        with self.assertRaises(DecisionError):
            do_approve_comment(comment, moderator=self.bob, machine="model-1")

    def test_a_machine_decision_records_version_and_scores(self):
        comment = self.submit()
        decision = do_reject_comment(
            comment, "profanity", machine="linear-2026.11", scores={"profanity": 0.97}
        )
        self.assertEqual(decision.decider, "machine (linear-2026.11)")
        self.assertEqual(decision.scores, {"profanity": 0.97})

    def test_a_late_machine_decision_never_overwrites_a_human_one(self):
        comment = self.submit()
        do_approve_comment(comment, moderator=self.bob)
        self.assertIsNone(do_reject_comment(comment, "profanity", machine="linear-2026.11"))
        comment.refresh_from_db()
        self.assertEqual(comment.status, Comment.Status.APPROVED)
        self.assertEqual(comment.decisions.count(), 1)

    def test_a_moderator_can_overturn_and_both_decisions_are_kept(self):
        comment = self.submit()
        do_approve_comment(comment, machine="linear-2026.11")
        do_reject_comment(comment, "personal_attack", moderator=self.bob)
        self.assertEqual(comment.status, Comment.Status.REJECTED)
        self.assertEqual(
            list(comment.decisions.values_list("outcome", flat=True)), ["approved", "rejected"]
        )

    def test_decisions_never_change_the_submitted_text(self):
        comment = self.submit("Exact words, kept.")
        do_reject_comment(comment, "vulgarity", moderator=self.bob)
        self.assertEqual(Comment.objects.get(pk=comment.pk).text, "Exact words, kept.")
