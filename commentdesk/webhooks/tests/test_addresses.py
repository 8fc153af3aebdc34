from unittest import mock

from django.core.exceptions import ValidationError
from django.test import SimpleTestCase

from commentdesk.test import BaseTestCase
from commentdesk.webhooks.addresses import refusal
from commentdesk.webhooks.delivery import do_attempt_delivery
from commentdesk.webhooks.events import fire
from commentdesk.webhooks.models import Delivery, Endpoint
from commentdesk.webhooks.tests import Receiver


class RefusalTestCase(SimpleTestCase):
    def test_local_and_private_addresses_are_refused(self):
        for url in (
            "http://127.0.0.1:8000/hook",
            "http://localhost/hook",
            "http://10.1.2.3/hook",
            "http://192.168.0.10/hook",
            "http://169.254.169.254/latest/meta-data/",
            "http://[::1]/hook",
            "http://[::ffff:127.0.0.1]/hook",
            "http://0.0.0.0/hook",
        ):
            with self.subTest(url):
                self.assertIn("private or local", refusal(url))

    def test_a_public_address_is_allowed(self):
        self.assertEqual(refusal("https://93.184.216.34/hooks/commentdesk"), "")

    def test_a_host_that_does_not_resolve_is_refused(self):
        self.assertIn("could not be found", refusal("https://no-such-host.invalid/hook"))

    def test_operators_can_allow_their_own_network(self):
        with self.settings(WEBHOOK_ALLOW_PRIVATE_ADDRESSES=True):
            self.assertEqual(refusal("http://127.0.0.1:8000/hook"), "")


class EndpointAddressTestCase(BaseTestCase):
    def test_an_endpoint_on_a_local_address_does_not_validate(self):
        endpoint = Endpoint(site=self.site, url="http://127.0.0.1:6379/", events=["comment.created"])
        with self.assertRaises(ValidationError) as raised:
            endpoint.full_clean()
        self.assertIn("url", raised.exception.message_dict)

    @mock.patch("commentdesk.webhooks.events.dispatch")  # attempted here, not by the thread
    def test_a_delivery_to_a_local_address_fails_without_a_request(self, _dispatch):
        receiver = Receiver(200)
        self.addCleanup(receiver.close)
        Endpoint.objects.create(site=self.site, url=receiver.url, events=["comment.created"])
        (delivery,) = fire("comment.created", self.site.pk, {"comment": {"id": 1}})
        do_attempt_delivery(delivery.pk)
        delivery.refresh_from_db()
        self.assertEqual(delivery.status, Delivery.Status.FAILED)
        self.assertIn("private or local", delivery.error)
        self.assertEqual(receiver.requests, [])

    @mock.patch("commentdesk.webhooks.events.dispatch")
    def test_a_name_that_resolves_elsewhere_when_sending_gets_no_request(self, _dispatch):
        # DNS rebinding: the name passed the check (a public address then), and resolves to
        # the desk's own network when the request goes out.
        receiver = Receiver(200)
        self.addCleanup(receiver.close)
        Endpoint.objects.create(site=self.site, url=receiver.url, events=["comment.created"])
        (delivery,) = fire("comment.created", self.site.pk, {"comment": {"id": 1}})
        with mock.patch("commentdesk.webhooks.addresses.refusal", return_value=""):
            do_attempt_delivery(delivery.pk)
        delivery.refresh_from_db()
        self.assertIn("private or local", delivery.error)
        self.assertIsNone(delivery.response_status)
        self.assertEqual(receiver.requests, [])
