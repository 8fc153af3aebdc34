from django.core import mail

from commentdesk.notifications.emails import unsubscribe_token
from commentdesk.notifications.models import Subscription
from commentdesk.notifications.tests.base import DESK, NotificationsTestCase


class UnsubscribeTestCase(NotificationsTestCase):
    def setUp(self):
        super().setUp()
        self.first = self.subscribe("First.")
        self.second = self.subscribe("Second.")
        self.others = self.subscribe(email="dilan@example.org")
        self.approve(self.first)
        self.url = mail.outbox[0].extra_headers["List-Unsubscribe"].strip("<>").removeprefix(DESK)

    def active(self):
        return set(
            Subscription.objects.filter(unsubscribed_at__isnull=True).values_list(
                "comment_id", flat=True
            )
        )

    def test_opening_the_link_only_asks(self):
        response = self.client.get(self.url)
        self.assertContains(response, "Stop the emails")
        self.assertContains(response, "carol@example.org")
        self.assertEqual(len(self.active()), 3)

    def test_the_button_stops_every_email_to_the_address(self):
        response = self.csrf_client.post(self.url)  # No CSRF token: the signed link is enough.
        self.assertContains(response, "No more emails about your comments will be sent to")
        self.assertEqual(self.active(), {self.others.pk})
        self.approve(self.second)
        self.assertEqual(len(mail.outbox), 1)

    def test_one_click_from_the_mail_program_works(self):
        response = self.csrf_client.post(self.url, {"List-Unsubscribe": "One-Click"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.active(), {self.others.pk})

    def test_a_forged_link_does_nothing(self):
        subscription = Subscription.objects.get(comment=self.others)
        forged = unsubscribe_token(subscription)[:-1] + "x"
        for token in (forged, "12", str(subscription.pk)):
            response = self.client.post(f"/emails/unsubscribe/{token}/")
            self.assertContains(response, "This link does not work", status_code=400)
        self.assertEqual(len(self.active()), 3)

    def test_a_link_whose_comment_was_erased_does_nothing(self):
        self.first.delete()
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 400)
