import json
from datetime import timedelta
from unittest import mock

from django.core import mail
from django.test import override_settings
from django.utils import timezone

from commentdesk.moderation.actions import do_approve_comment
from commentdesk.test import BaseTestCase
from commentdesk.webhooks.models import Delivery, Endpoint, QueueAlert


@override_settings(COMMENTDESK_URL="https://comments.example.org")
class QueueAlertTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        # The background thread's jobs run at once here.
        submit = mock.patch(
            "commentdesk.webhooks.sender.in_process_sender.submit",
            side_effect=lambda function, *args: function(*args),
        )
        submit.start()
        self.addCleanup(submit.stop)
        dispatch = mock.patch("commentdesk.webhooks.events.dispatch")
        dispatch.start()
        self.addCleanup(dispatch.stop)
        publish = mock.patch("commentdesk.moderation.actions._publish")
        publish.start()
        self.addCleanup(publish.stop)
        self.alert = QueueAlert.objects.create(
            site=self.site, limit=2, emails="desk@example.org\nnight@example.org", repeat_minutes=0
        )

    def post(self, count=1):
        comments = []
        for n in range(count):
            with self.captureOnCommitCallbacks(execute=True):
                comments.append(self.submit(f"Comment {n}", email=f"reader{n}@example.org"))
        return comments

    def decide(self, comment):
        with self.captureOnCommitCallbacks(execute=True):
            do_approve_comment(comment, moderator=self.bob)

    def test_crossing_the_limit_sends_one_email(self):
        self.post(2)
        self.assertEqual(mail.outbox, [])
        self.post(1)
        (message,) = mail.outbox
        self.assertEqual(message.to, ["desk@example.org", "night@example.org"])
        self.assertIn("3 comments wait", message.subject)
        self.assertIn("more than the limit of 2", message.body)
        self.assertIn("https://comments.example.org/desk/", message.body)
        self.post(3)
        self.assertEqual(len(mail.outbox), 1)

    def test_falling_back_arms_it_again(self):
        comments = self.post(3)
        self.decide(comments[0])
        self.alert.refresh_from_db()
        self.assertFalse(self.alert.over_limit)
        self.post(1)
        self.assertEqual(len(mail.outbox), 2)

    def test_it_reminds_every_n_minutes_while_above(self):
        QueueAlert.objects.update(repeat_minutes=30)
        self.post(3)
        self.post(1)
        self.assertEqual(len(mail.outbox), 1)
        QueueAlert.objects.update(notified_at=timezone.now() - timedelta(minutes=31))
        self.post(1)
        self.assertEqual(len(mail.outbox), 2)

    def test_without_addresses_the_desk_is_told(self):
        QueueAlert.objects.update(emails="")
        self.bob.email = "bob@example.org"
        self.bob.save()
        self.post(3)
        self.assertEqual(mail.outbox[0].to, ["bob@example.org"])

    def test_a_limit_of_zero_is_off(self):
        QueueAlert.objects.update(limit=0)
        self.post(3)
        self.assertEqual(mail.outbox, [])

    def test_slack_hears_it_too(self):
        Endpoint.objects.create(
            site=self.site, url="https://hooks.slack.example/T0/B0", format="slack",
            events=["queue.over_limit"],
        )
        self.post(3)
        (delivery,) = Delivery.objects.filter(event="queue.over_limit")
        self.assertEqual(
            json.loads(delivery.body),
            {"text": "3 comments wait for a moderator on commentdesk, more than the limit of 2."},
        )
