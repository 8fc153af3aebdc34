"""The outbox: an email a decision asked for survives a mail server that is down, a broker that
is down and a process that stops, and goes out once."""

from datetime import timedelta
from unittest import mock

from django.core import mail
from django.db import connection, transaction
from django.test import override_settings
from django.utils import timezone
from kombu.exceptions import OperationalError

from commentdesk.moderation.actions import do_approve_comment, do_undo_decision
from commentdesk.notifications import outbox, tasks
from commentdesk.notifications.models import PendingEmail, SentEmail
from commentdesk.notifications.tests.base import NotificationsTestCase
from commentdesk.webhooks.sender import in_process_sender

MAIL_SERVER_DOWN = override_settings(
    EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
    EMAIL_HOST="127.0.0.1", EMAIL_PORT=9, EMAIL_USE_TLS=False, EMAIL_TIMEOUT=2,
)


def make_due(pending):
    PendingEmail.objects.filter(pk=pending.pk).update(next_attempt_at=timezone.now())


class OutboxTestCase(NotificationsTestCase):
    def test_a_sent_email_leaves_the_outbox(self):
        self.approve(self.subscribe())
        self.assertEqual(len(mail.outbox), 1)
        self.assertFalse(PendingEmail.objects.exists())

    def test_a_mail_server_that_is_down_delays_the_email_with_backoff(self):
        comment = self.subscribe()
        with MAIL_SERVER_DOWN:
            before = timezone.now()
            self.approve(comment)  # Refused by the mail server: kept, not raised.
            pending = PendingEmail.objects.get()
            self.assertEqual(pending.attempts, 1)
            self.assertIn("ConnectionRefusedError", pending.error)
            first_wait = pending.next_attempt_at - before
            self.assertEqual(outbox.do_send_due(), 0)  # Not due yet.
            make_due(pending)
            outbox.do_send_due()
        pending.refresh_from_db()
        self.assertEqual(pending.attempts, 2)
        self.assertGreater(pending.next_attempt_at - timezone.now(), first_wait)
        self.assertFalse(SentEmail.objects.exists())
        make_due(pending)
        self.assertEqual(outbox.do_send_due(), 1)  # The mail server is back.
        self.assertEqual(len(mail.outbox), 1)
        self.assertFalse(PendingEmail.objects.exists())
        self.assertTrue(SentEmail.objects.filter(key="approved").exists())

    @override_settings(EMAIL_MAX_ATTEMPTS=2)
    def test_after_the_last_attempt_it_stays_for_the_operator_and_is_not_tried_again(self):
        comment = self.subscribe()
        with MAIL_SERVER_DOWN:
            self.approve(comment)
            make_due(PendingEmail.objects.get())
            outbox.do_send_due()
            pending = PendingEmail.objects.get()
            self.assertEqual((pending.attempts, pending.next_attempt_at), (2, None))
            self.assertEqual(outbox.due_ids(), [])
        self.assertEqual(mail.outbox, [])

    def test_a_new_decision_makes_a_given_up_email_due_again(self):
        comment = self.subscribe()
        with MAIL_SERVER_DOWN, self.settings(EMAIL_MAX_ATTEMPTS=1):
            decision = self.approve(comment)
        self.assertIsNone(PendingEmail.objects.get().next_attempt_at)
        with self.captureOnCommitCallbacks(execute=True):
            do_undo_decision(decision, moderator=self.bob)
        self.reject(comment)
        self.assertEqual(len(mail.outbox), 1)
        self.assertIn("was not published", mail.outbox[0].subject)
        self.assertFalse(PendingEmail.objects.exists())

    def test_an_email_claimed_by_another_process_is_not_sent_twice(self):
        comment = self.subscribe()
        with mock.patch("commentdesk.notifications.outbox.dispatch"):
            self.approve(comment)
        pending = PendingEmail.objects.get()
        later = timezone.now() + timedelta(seconds=outbox.CLAIM_SECONDS)
        PendingEmail.objects.filter(pk=pending.pk).update(next_attempt_at=later)  # Claimed.
        self.assertFalse(outbox.do_attempt(pending.pk))
        self.assertEqual(mail.outbox, [])

    def test_the_email_is_stored_in_the_deciding_transaction(self):
        comment = self.subscribe()
        with self.captureOnCommitCallbacks(execute=False) as callbacks:
            do_approve_comment(comment, moderator=self.bob)
        # Stored before anything runs after the commit: a process that stops there loses nothing.
        self.assertTrue(PendingEmail.objects.filter(comment=comment).exists())
        self.assertEqual(mail.outbox, [])
        for callback in callbacks:
            callback()
        self.assertEqual(len(mail.outbox), 1)

    def test_a_decision_rolled_back_leaves_no_email(self):
        comment = self.subscribe()
        with self.assertRaises(RuntimeError), self.captureOnCommitCallbacks(execute=True):
            with transaction.atomic():
                do_approve_comment(comment, moderator=self.bob)
                raise RuntimeError("the decision fails after the status changed")
        self.assertFalse(PendingEmail.objects.exists())
        self.assertEqual(mail.outbox, [])

    def test_an_outbox_that_fails_does_not_break_the_decision(self):
        def failing_query(**kwargs):
            # A real database error: on PostgreSQL it aborts the transaction unless a
            # savepoint contains it.
            with connection.cursor() as cursor:
                cursor.execute("SELECT no_such_column FROM notifications_pendingemail")

        comment = self.subscribe()
        with mock.patch.object(PendingEmail.objects, "get_or_create", side_effect=failing_query):
            self.approve(comment)
        comment.refresh_from_db()
        self.assertEqual(comment.status, "approved")
        self.assertEqual(comment.decisions.count(), 1)
        self.assertFalse(PendingEmail.objects.exists())

    def test_the_sender_thread_sends_what_a_stopped_process_left(self):
        comment = self.subscribe()
        with mock.patch("commentdesk.notifications.outbox.dispatch"):
            self.approve(comment)  # The process stopped before attempting it.
        self.assertEqual(mail.outbox, [])
        in_process_sender.work(woken=False)
        self.assertEqual(len(mail.outbox), 1)
        self.assertFalse(PendingEmail.objects.exists())


@override_settings(CELERY_TASK_ALWAYS_EAGER=False)
class CeleryOutboxTestCase(NotificationsTestCase):
    dispatch_at_once = False  # outbox.dispatch for real: it queues a Celery task.

    def test_the_decision_queues_a_task_that_sends_it(self):
        comment = self.subscribe()
        with mock.patch.object(tasks.send_email, "delay") as delay:
            self.approve(comment)
        pending = PendingEmail.objects.get()
        delay.assert_called_once_with(pending.pk)
        self.assertEqual(mail.outbox, [])
        tasks.send_email.apply(args=[pending.pk])  # What the worker runs.
        self.assertEqual(len(mail.outbox), 1)

    def test_a_broker_that_is_down_leaves_the_email_to_beat(self):
        comment = self.subscribe()
        with mock.patch.object(tasks.send_email, "delay", side_effect=OperationalError("down")):
            self.approve(comment)
        pending = PendingEmail.objects.get()
        PendingEmail.objects.filter(pk=pending.pk).update(
            next_attempt_at=timezone.now() - timedelta(seconds=61)
        )
        with mock.patch.object(tasks.send_email, "delay") as delay:
            self.assertEqual(tasks.send_due_emails.apply().get(), 1)
        delay.assert_called_once_with(pending.pk)
