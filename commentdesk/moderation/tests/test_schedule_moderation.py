"""Posting while the broker is down: the comment and its job commit, the reader is answered,
and the sweep sends the task later. test_brokers.py stops the real brokers."""

from unittest import mock

from django.test import override_settings
from kombu.exceptions import OperationalError as BrokerError

from commentdesk.comments.models import Comment
from commentdesk.test import BaseTestCase

DELAY = "commentdesk.moderation.tasks.moderate_comment.delay"


@override_settings(CELERY_TASK_ALWAYS_EAGER=False, CELERY_BROKER_URL="redis://127.0.0.1:1/0")
class BrokerDownTestCase(BaseTestCase):
    def post_while_sending_raises(self, error):
        with mock.patch(DELAY, side_effect=error) as delay, self.captureOnCommitCallbacks(execute=True):
            response = self.post_comment(text="Posted while the broker was down.")
        delay.assert_called_once()
        return response

    def assert_comment_waits_for_the_sweep(self, response):
        comment = Comment.objects.get()
        self.assertRedirects(response, f"/articles/{self.article.slug}/#comment-{comment.pk}", fetch_redirect_response=False)
        self.assertEqual(comment.status, Comment.Status.PENDING)
        self.assertIsNone(comment.moderation_job.completed_at)

    def test_a_broker_error_is_logged_and_the_reader_answered(self):
        with self.assertLogs("commentdesk.moderation.actions", "WARNING") as logs:
            response = self.post_while_sending_raises(BrokerError("Error 111 connecting"))
        self.assertIn("waits for the sweep", logs.output[0])
        self.assert_comment_waits_for_the_sweep(response)

    def test_any_other_error_while_sending_is_logged_and_the_reader_answered(self):
        with self.assertLogs(level="ERROR"):  # Django logs a failed robust on_commit callback
            response = self.post_while_sending_raises(AttributeError("'NoneType' object has no attribute 'hostname'"))
        self.assert_comment_waits_for_the_sweep(response)
