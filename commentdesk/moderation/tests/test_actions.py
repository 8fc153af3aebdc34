from datetime import timedelta

from django.utils import timezone

from commentdesk.comments.models import Comment
from commentdesk.moderation.actions import (
    DecisionError,
    do_approve_comment,
    do_reject_comment,
    do_undo_decision,
)
from commentdesk.moderation.models import Decision, LabelledExample, ModerationJob
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


class UndoTestCase(BaseTestCase):
    def test_a_moderator_undoes_their_latest_decision(self):
        comment = self.submit()
        decision = do_reject_comment(comment, "profanity", moderator=self.bob)
        do_undo_decision(decision, moderator=self.bob)
        comment.refresh_from_db()
        self.assertEqual((comment.status, comment.guideline), (Comment.Status.PENDING, ""))
        decision.refresh_from_db()
        self.assertIsNotNone(decision.undone_at)

    def test_undo_restores_the_previous_decision(self):
        comment = self.submit()
        do_approve_comment(comment, machine="linear-1")
        decision = do_reject_comment(comment, "threat", moderator=self.bob)
        do_undo_decision(decision, moderator=self.bob)
        comment.refresh_from_db()
        self.assertEqual(comment.status, Comment.Status.APPROVED)

    def test_only_the_same_moderator_can_undo(self):
        decision = do_approve_comment(self.submit(), moderator=self.bob)
        with self.assertRaises(DecisionError):
            do_undo_decision(decision, moderator=self.alice)

    def test_undo_is_refused_after_the_window(self):
        decision = do_approve_comment(self.submit(), moderator=self.bob)
        Decision.objects.filter(pk=decision.pk).update(created_at=timezone.now() - timedelta(minutes=5))
        decision.refresh_from_db()
        with self.assertRaises(DecisionError):
            do_undo_decision(decision, moderator=self.bob)


class LabelledExampleTestCase(BaseTestCase):
    def machine_verdict(self, comment, verdict, guideline=""):
        ModerationJob.objects.filter(comment=comment).update(
            verdict=verdict, guideline=guideline, completed_at=timezone.now()
        )

    def test_overturning_a_machine_approval_records_an_example(self):
        comment = self.submit("Subtle insult.")
        self.machine_verdict(comment, "approve")
        do_reject_comment(comment, "personal_attack", moderator=self.bob)
        example = LabelledExample.objects.get()
        self.assertEqual((example.label, example.machine_verdict), ("personal_attack", "approve"))

    def test_overturning_a_machine_rejection_labels_it_ok(self):
        comment = self.submit("The strikes killed several fighters.")
        self.machine_verdict(comment, "reject", "threat")
        do_approve_comment(comment, moderator=self.bob)
        self.assertEqual(LabelledExample.objects.get().label, "ok")

    def test_agreeing_with_the_machine_records_nothing(self):
        comment = self.submit("Rude words.")
        self.machine_verdict(comment, "reject", "profanity")
        do_reject_comment(comment, "profanity", moderator=self.bob)
        self.assertFalse(LabelledExample.objects.exists())

    def test_undo_removes_the_example(self):
        comment = self.submit("Subtle insult.")
        self.machine_verdict(comment, "approve")
        decision = do_reject_comment(comment, "personal_attack", moderator=self.bob)
        do_undo_decision(decision, moderator=self.bob)
        self.assertFalse(LabelledExample.objects.exists())
