import time
from unittest import mock

from django.test import TransactionTestCase, override_settings

from commentdesk.comments.actions import do_submit_comment
from commentdesk.comments.models import Comment
from commentdesk.moderation import pipeline
from commentdesk.moderation.engine import in_process_engine
from commentdesk.moderation.models import Decision, ModerationJob
from commentdesk.test import make_article

WAIT_SECONDS = 30


class ModerationThreadTests(TransactionTestCase):
    def setUp(self):
        # In setUp, after the suite-wide fixture that makes moderation inline.
        thread_engine = override_settings(MODERATION_IN_PROCESS="thread", MODERATION_BATCH=5)
        thread_engine.enable()
        self.addCleanup(thread_engine.disable)
        self.article = make_article()
        self.addCleanup(in_process_engine.stop)

    def submit(self, text):
        return do_submit_comment(self.article, author_name="Carol", author_email="carol@example.org", text=text)

    def wait_until_no_job_waits(self):
        deadline = time.monotonic() + WAIT_SECONDS
        while ModerationJob.objects.filter(completed_at__isnull=True).exists():
            self.assertLess(time.monotonic(), deadline, "the moderation thread did not finish")
            time.sleep(0.05)

    def test_posting_answers_before_moderation_and_the_thread_decides_each_comment_once(self):
        in_process_engine.start()
        comments = [self.submit(f"What does strike {i} mean for the farmers near Makhmour?") for i in range(12)]
        self.wait_until_no_job_waits()
        held = 0
        for comment in comments:
            # The verdict is the model's (one of these may read as off topic under a two-line
            # story): a comment held for a moderator has no decision yet, any other has one.
            verdict = ModerationJob.objects.get(comment=comment).verdict
            held_for_review = verdict == ModerationJob.Verdict.REVIEW
            held += held_for_review
            self.assertEqual(Decision.objects.filter(comment=comment).count(), 0 if held_for_review else 1)
            comment.refresh_from_db()
            self.assertEqual(comment.is_pending, held_for_review)
        self.assertLess(held, len(comments) / 2)

    def test_comments_waiting_from_before_the_start_are_moderated_when_it_starts(self):
        # As after a crash: the outbox holds jobs and no thread is running to take them.
        comments = [self.submit(f"Comment {i} on the strikes near the airbase.") for i in range(3)]
        self.assertFalse(in_process_engine.running)
        self.assertEqual(ModerationJob.objects.filter(completed_at__isnull=True).count(), 3)
        in_process_engine.start()
        self.wait_until_no_job_waits()
        self.assertEqual(Decision.objects.filter(comment__in=comments).count(), 3)

    def test_a_comment_whose_moderation_fails_does_not_hold_up_the_others(self):
        run_pipeline = pipeline.run_pipeline

        def fail_on_one(comment, machine):
            if "poison" in comment.text:
                raise RuntimeError("a phase broke on this comment")
            return run_pipeline(comment, machine)

        with mock.patch.object(pipeline, "run_pipeline", fail_on_one):
            poisoned = self.submit("The poison pill comment.")
            others = [self.submit(f"Comment {i} about the airbase.") for i in range(6)]
            in_process_engine.start()
            deadline = time.monotonic() + WAIT_SECONDS
            while ModerationJob.objects.filter(comment__in=others, completed_at__isnull=True).exists():
                self.assertLess(time.monotonic(), deadline, "the others were held up")
                time.sleep(0.05)
        self.assertEqual(Decision.objects.filter(comment__in=others).count(), 6)
        self.assertTrue(Comment.objects.get(pk=poisoned.pk).is_pending)
        self.assertIsNone(ModerationJob.objects.get(comment=poisoned).completed_at)
