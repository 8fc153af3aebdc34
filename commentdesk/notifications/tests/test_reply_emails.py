from django.core import mail

from commentdesk.comments.actions import do_submit_comment
from commentdesk.moderation.actions import do_undo_decision
from commentdesk.notifications.models import Subscription
from commentdesk.notifications.tests.base import DESK, NotificationsTestCase


class ReplyEmailTestCase(NotificationsTestCase):
    def setUp(self):
        super().setUp()
        self.comment = self.subscribe()
        self.approve(self.comment)
        mail.outbox.clear()

    def reply(self, name="Dilan", email="dilan@example.org", text="A reply worth reading."):
        with self.captureOnCommitCallbacks(execute=True):
            return do_submit_comment(
                self.article, author_name=name, author_email=email, text=text,
                parent_id=self.comment.pk,
            )

    def test_a_published_reply_is_announced_with_the_repliers_name_and_a_link(self):
        reply = self.reply()
        self.assertEqual(mail.outbox, [])  # Posted, not yet published.
        self.approve(reply)
        (message,) = mail.outbox
        self.assertEqual(message.to, ["carol@example.org"])
        self.assertEqual(
            message.subject, "Dilan replied to your comment on “Strikes near the airbase”"
        )
        self.assertIn(f"{DESK}/articles/{self.article.slug}/#comment-{reply.pk}", message.body)
        self.assertNotIn("worth reading", message.body)

    def test_a_rejected_reply_sends_nothing(self):
        self.reject(self.reply(name="Mallory"))
        self.assertEqual(mail.outbox, [])

    def test_replying_to_oneself_sends_nothing(self):
        self.approve(self.reply(name="Carol again", email="carol@example.org"))
        self.assertEqual(mail.outbox, [])

    def test_each_reply_is_announced_once(self):
        first, second = self.reply(), self.reply(name="Aram", email="aram@example.org")
        with self.captureOnCommitCallbacks(execute=True):
            do_undo_decision(self.approve(first), moderator=self.bob)
        self.approve(first)
        self.approve(second)
        self.assertEqual(
            [message.subject[:12] for message in mail.outbox], ["Dilan replie", "Aram replied"]
        )

    def test_a_subscribed_reply_gets_its_own_decision_email_only(self):
        with self.captureOnCommitCallbacks(execute=True):
            reply = do_submit_comment(
                self.article, author_name="Dilan", author_email="dilan@example.org",
                text="Hello.", parent_id=self.comment.pk, notify=True,
            )
        self.approve(reply)
        self.assertEqual(
            sorted(message.to[0] for message in mail.outbox),
            ["carol@example.org", "dilan@example.org"],
        )

    def test_no_reply_email_after_unsubscribing(self):
        Subscription.objects.update(unsubscribed_at="2026-01-01T00:00Z")
        self.approve(self.reply())
        self.assertEqual(mail.outbox, [])
