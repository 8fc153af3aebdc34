import json
from unittest import mock

from django.test import TransactionTestCase, override_settings
from django.utils import timezone

from commentdesk.articles.models import Site
from commentdesk.comments.actions import do_submit_comment
from commentdesk.test import BaseTestCase, make_article
from commentdesk.webhooks import delivery as delivery_module
from commentdesk.webhooks.delivery import do_attempt_delivery
from commentdesk.webhooks.events import fire
from commentdesk.webhooks.models import Delivery, Endpoint
from commentdesk.webhooks.sender import in_process_sender
from commentdesk.webhooks.signing import verify
from commentdesk.webhooks.tasks import deliver_webhook
from commentdesk.webhooks.tests import Receiver


# The test receivers listen on loopback, which the desk refuses by default (test_addresses.py).
@override_settings(WEBHOOK_ALLOW_PRIVATE_ADDRESSES=True)
class DeliveryTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        dispatch = mock.patch("commentdesk.webhooks.events.dispatch")
        self.dispatched = dispatch.start()
        self.addCleanup(dispatch.stop)

    def receive(self, *statuses, **kwargs):
        receiver = Receiver(*statuses, **kwargs)
        self.addCleanup(receiver.close)
        self.endpoint = Endpoint.objects.create(
            site=self.site, url=receiver.url, events=["comment.created"], secret="s3cret"
        )
        return receiver

    def fire(self):
        with self.captureOnCommitCallbacks(execute=True):  # Dispatched once the event is committed.
            (delivery,) = fire("comment.created", self.site.pk, {"comment": {"id": 1}})
        return delivery

    def test_it_posts_the_signed_body(self):
        receiver = self.receive(200)
        delivery = self.fire()
        self.dispatched.assert_called_once_with(delivery.pk)
        self.assertIsNone(do_attempt_delivery(delivery.pk))
        ((headers, body),) = receiver.requests
        self.assertTrue(verify("s3cret", headers["Commentdesk-Signature"], body))
        self.assertEqual(headers["Commentdesk-Event"], "comment.created")
        self.assertEqual(headers["Commentdesk-Delivery"], str(delivery.pk))
        self.assertEqual(headers["Content-Type"], "application/json")
        event = json.loads(body)
        self.assertEqual(event["event"], "comment.created")
        self.assertEqual(event["data"], {"comment": {"id": 1}})
        delivery.refresh_from_db()
        self.assertEqual((delivery.status, delivery.attempts, delivery.response_status), ("delivered", 1, 200))

    @override_settings(WEBHOOK_RETRY_SECONDS=30)
    def test_a_failure_is_retried_with_backoff(self):
        receiver = self.receive(500, 503, 200)
        delivery = self.fire()
        started = timezone.now()
        self.assertEqual(do_attempt_delivery(delivery.pk), 30)
        delivery.refresh_from_db()
        self.assertEqual((delivery.status, delivery.attempts, delivery.response_status), ("pending", 1, 500))
        self.assertGreaterEqual((delivery.next_attempt_at - started).total_seconds(), 30)
        # Not due yet: nothing is sent.
        self.assertIsNone(do_attempt_delivery(delivery.pk))
        self.assertEqual(len(receiver.requests), 1)
        Delivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())
        self.assertEqual(do_attempt_delivery(delivery.pk), 60)
        Delivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())
        self.assertIsNone(do_attempt_delivery(delivery.pk))
        delivery.refresh_from_db()
        self.assertEqual((delivery.status, delivery.attempts), ("delivered", 3))
        # Each attempt is signed afresh, and the same body every time.
        self.assertEqual(len({body for _headers, body in receiver.requests}), 1)
        for headers, body in receiver.requests:
            self.assertTrue(verify("s3cret", headers["Commentdesk-Signature"], body))

    @override_settings(WEBHOOK_RETRY_SECONDS=0, WEBHOOK_MAX_ATTEMPTS=3)
    def test_it_gives_up_after_the_last_attempt(self):
        receiver = self.receive(500)
        delivery = self.fire()
        delivery_module.do_deliver_due()
        delivery.refresh_from_db()
        self.assertEqual((delivery.status, delivery.attempts), ("failed", 3))
        self.assertEqual(delivery.error, "HTTP 500 Internal Server Error")
        self.assertEqual(len(receiver.requests), 3)

    def test_an_unreachable_server_is_an_error(self):
        receiver = self.receive(200)
        receiver.close()
        delivery = self.fire()
        self.assertIsNotNone(do_attempt_delivery(delivery.pk))
        delivery.refresh_from_db()
        self.assertIsNone(delivery.response_status)
        self.assertTrue(delivery.error)

    def test_a_redirect_is_not_followed(self):
        elsewhere = Receiver(200)
        self.addCleanup(elsewhere.close)
        self.receive(302, redirect_to=elsewhere.url)
        delivery = self.fire()
        self.assertIsNotNone(do_attempt_delivery(delivery.pk))
        delivery.refresh_from_db()
        self.assertEqual((delivery.status, delivery.response_status), ("pending", 302))
        self.assertEqual(elsewhere.requests, [])

    def test_a_turned_off_endpoint_gets_nothing(self):
        receiver = self.receive(200)
        delivery = self.fire()
        Endpoint.objects.update(active=False)
        self.assertIsNone(do_attempt_delivery(delivery.pk))
        delivery.refresh_from_db()
        self.assertEqual(delivery.status, "failed")
        self.assertEqual(receiver.requests, [])

    def test_a_delivered_event_is_not_sent_again(self):
        receiver = self.receive(200)
        delivery = self.fire()
        do_attempt_delivery(delivery.pk)
        self.assertIsNone(do_attempt_delivery(delivery.pk))
        self.assertEqual(len(receiver.requests), 1)

    @override_settings(WEBHOOK_RETRY_SECONDS=0)
    def test_the_celery_task_retries(self):
        receiver = self.receive(500, 200)
        delivery = self.fire()
        deliver_webhook.delay(delivery.pk)  # eager here: the retry runs at once
        delivery.refresh_from_db()
        self.assertEqual((delivery.status, delivery.attempts), ("delivered", 2))
        self.assertEqual(len(receiver.requests), 2)

    def test_endpoints_of_other_sites_or_events_get_nothing(self):
        self.receive(200)
        other = Site.objects.create(name="Other")
        Endpoint.objects.create(site=other, url="http://127.0.0.1:9/", events=["comment.created"])
        Endpoint.objects.create(site=self.site, url="http://127.0.0.1:9/", events=["comment.decided"])
        Endpoint.objects.create(
            site=self.site, url="http://127.0.0.1:9/", events=["comment.created"], active=False
        )
        self.fire()
        self.assertEqual(list(Delivery.objects.values_list("endpoint", flat=True)), [self.endpoint.pk])


@override_settings(WEBHOOK_RETRY_SECONDS=0, WEBHOOK_ALLOW_PRIVATE_ADDRESSES=True)
class InProcessSenderTestCase(TransactionTestCase):
    """Without a broker the thread delivers after the commit, and retries, while posting returns."""

    def setUp(self):
        self.addCleanup(in_process_sender.stop)
        self.receiver = Receiver(500, 200)
        self.addCleanup(self.receiver.close)
        site = Site.objects.get_current()
        self.article = make_article(site=site)
        Endpoint.objects.create(site=site, url=self.receiver.url, events=["comment.created"], secret="k")

    def test_posting_a_comment_delivers_the_event(self):
        with mock.patch("commentdesk.moderation.actions._publish"):
            comment = do_submit_comment(
                self.article, author_name="Carol", author_email="carol@example.org", text="Hello."
            )
        delivery = Delivery.objects.get()
        for _ in range(100):
            delivery.refresh_from_db()
            if delivery.status != "pending":
                break
            in_process_sender._thread.join(0.05)
        self.assertEqual((delivery.status, delivery.attempts), ("delivered", 2))
        headers, body = self.receiver.requests[-1]
        self.assertTrue(verify("k", headers["Commentdesk-Signature"], body))
        self.assertEqual(json.loads(body)["data"]["comment"]["id"], comment.pk)
