"""The whole pipeline on the in-process engine: posting to a decision, with the classifier."""

from django.db import connection
from django.test import override_settings

from commentdesk.comments.models import Comment
from commentdesk.moderation.actions import (
    do_approve_comment,
    do_moderate_comment,
    do_sweep_stale_moderation,
)
from commentdesk.moderation.models import ModerationJob, Policy
from commentdesk.test import BaseTestCase


BANNED = "You utter scumbag."


class PipelineTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.policy = Policy.for_site(self.site)
        self.policy.banned_words = "scumbag"
        self.policy.save()

    def post_and_moderate(self, text):
        with self.captureOnCommitCallbacks(execute=True):
            self.post_comment(text=text)
        return Comment.objects.latest("pk")

    def test_reporting_language_is_approved_by_the_machine(self):
        comment = self.post_and_moderate("The strikes killed several fighters, officials said.")
        self.assertEqual(comment.status, Comment.Status.APPROVED)
        decision = comment.decisions.get()
        self.assertTrue(decision.machine.startswith("classifier "))
        self.assertIn("threat", decision.scores)

    def test_a_threat_is_rejected_citing_the_guideline(self):
        comment = self.post_and_moderate("Someone should put a bullet in her head.")
        self.assertEqual(comment.status, Comment.Status.REJECTED)
        self.assertEqual(comment.guideline, "threat")
        job = comment.moderation_job
        self.assertEqual(job.verdict, "reject")
        self.assertTrue(job.explanation)
        self.assertIsNotNone(job.completed_at)

    def test_a_site_rule_decides_before_the_machine_and_scores_are_kept(self):
        comment = self.post_and_moderate("The strikes killed several fighters, you scumbag.")
        self.assertEqual(comment.status, Comment.Status.REJECTED)
        job = comment.moderation_job
        self.assertEqual(job.reasons, ["It contains a word this site has banned."])
        self.assertEqual(set(job.scores), {"profanity", "threat", "personal_attack", "vulgarity",
                                           "identity_abuse", "promotion", "off_topic"})

    def test_human_only_mode_holds_everything_with_the_machine_suggestion(self):
        self.policy.mode = Policy.Mode.HUMAN_ONLY
        self.policy.save()
        comment = self.post_and_moderate(BANNED)
        self.assertEqual(comment.status, Comment.Status.PENDING)
        job = comment.moderation_job
        self.assertEqual((job.verdict, job.guideline), ("review", "profanity"))
        self.assertIn("Human-only mode: the machine suggested reject.", job.reasons)

    def test_the_reader_sees_the_machine_decision_on_their_browser(self):
        self.post_and_moderate(BANNED)
        page = self.client.get(self.article.get_absolute_url())
        self.assertContains(page, "Not published: it did not meet our guidelines (Profanity).")

    def test_a_redelivered_task_decides_nothing_twice(self):
        comment = self.post_and_moderate(BANNED)
        self.assertIsNone(do_moderate_comment(comment.pk))
        self.assertEqual(comment.decisions.count(), 1)

    def test_a_human_decision_is_not_overwritten_by_a_late_machine(self):
        comment = self.submit(BANNED)
        do_approve_comment(comment, moderator=self.bob)
        do_moderate_comment(comment.pk)
        comment.refresh_from_db()
        self.assertEqual(comment.status, Comment.Status.APPROVED)
        self.assertEqual(comment.decisions.count(), 1)
        self.assertIsNotNone(comment.moderation_job.completed_at)

    @override_settings(MODERATION_SWEEP_AFTER=0)
    def test_the_sweep_finishes_a_comment_whose_task_was_lost(self):
        comment = self.submit("What does this mean for the farmers near Makhmour?")  # task never sent
        self.assertTrue(comment.is_pending)
        self.assertEqual(do_sweep_stale_moderation(), 1)
        job = ModerationJob.objects.get(comment=comment)
        self.assertIsNotNone(job.completed_at)
        self.assertEqual(job.attempts, 2)  # once on posting (lost), once by the sweep

    @override_settings(CELERY_TASK_ALWAYS_EAGER=False, MODERATION_BATCH=3)
    def test_a_worker_moderates_waiting_comments_in_one_run(self):
        comments = [self.submit(f"Comment {i} on the strikes near the airbase.") for i in range(4)]
        job = do_moderate_comment(comments[2].pk)
        self.assertEqual(job.comment_id, comments[2].pk)
        done = set(
            ModerationJob.objects.filter(completed_at__isnull=False).values_list("comment_id", flat=True)
        )
        if connection.features.has_select_for_update_skip_locked:
            # Its own comment first, then the oldest waiting ones, up to the batch size.
            self.assertEqual(done, {comments[2].pk, comments[0].pk, comments[1].pk})
        else:
            self.assertEqual(done, {comments[2].pk})
        for comment in comments:
            comment.refresh_from_db()
            decisions = comment.decisions.count()
            self.assertEqual(decisions, 1 if comment.pk in done and not comment.is_pending else 0)

    def test_the_sweep_leaves_recent_and_finished_jobs_alone(self):
        self.submit("Fresh comment, its task is on its way.")
        self.assertEqual(do_sweep_stale_moderation(older_than=3600), 0)
