"""A commenter's export lists their subscriptions; their erasure removes them."""

from commentdesk.comments import privacy
from commentdesk.comments.actions import do_erase_commenter
from commentdesk.notifications.actions import do_unsubscribe
from commentdesk.notifications.models import SentEmail, Subscription
from commentdesk.notifications.tests.base import NotificationsTestCase


class PrivacyTestCase(NotificationsTestCase):
    def test_the_export_lists_each_comments_subscription(self):
        subscribed = self.subscribe()
        with self.captureOnCommitCallbacks(execute=True):
            self.submit("Not subscribed.")
        do_unsubscribe("carol@example.org")
        comments = privacy.export("carol@example.org")["comments"]
        exported = {comment["id"]: comment["email_subscription"] for comment in comments}
        subscription = Subscription.objects.get()
        self.assertEqual(len(exported), 2)
        self.assertEqual(
            exported[subscribed.pk],
            {
                "created_at": subscription.created_at.isoformat(),
                "unsubscribed_at": subscription.unsubscribed_at.isoformat(),
            },
        )
        self.assertIsNone(exported[max(exported)])

    def test_erasure_removes_the_subscriptions_and_what_they_were_sent(self):
        self.approve(self.subscribe())
        others = self.subscribe(email="dilan@example.org")
        self.assertEqual(SentEmail.objects.count(), 1)
        self.assertEqual(do_erase_commenter("carol@example.org"), 1)
        remaining = Subscription.objects.values_list("comment_id", flat=True)
        self.assertEqual(list(remaining), [others.pk])
        self.assertFalse(SentEmail.objects.exists())
