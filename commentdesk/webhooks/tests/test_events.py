import json
from unittest import mock

from django.core.cache import cache
from django.db import connection, transaction

from commentdesk.comments.actions import do_erase_commenter
from commentdesk.comments.models import Comment
from commentdesk.comments.signals import comment_reporting
from commentdesk.moderation.actions import do_approve_comment
from commentdesk.test import BaseTestCase
from commentdesk.webhooks.events import on_comment_posting
from commentdesk.webhooks.models import Delivery, Endpoint


class EventsTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        dispatch = mock.patch("commentdesk.webhooks.events.dispatch")
        self.dispatched = dispatch.start()
        self.addCleanup(dispatch.stop)
        # The machine's verdict is left out: these tests decide themselves.
        publish = mock.patch("commentdesk.moderation.actions._publish")
        publish.start()
        self.addCleanup(publish.stop)
        self.endpoint = Endpoint.objects.create(
            site=self.site,
            url="https://publisher.example.org/hooks",
            events=["comment.created", "comment.decided", "comment.reported"],
        )

    def events(self, name):
        return [json.loads(d.body) for d in Delivery.objects.filter(event=name).order_by("pk")]

    def post(self):
        with self.captureOnCommitCallbacks(execute=True):
            return self.submit("Well reported.", name="Carol", email="carol@example.org")

    def test_a_new_comment_is_stored_with_its_event_and_sent_after_commit(self):
        with self.captureOnCommitCallbacks(execute=False) as callbacks:
            self.submit()
        # Stored in the comment's transaction, so no crash after the commit can lose it.
        self.assertEqual(len(self.events("comment.created")), 1)
        self.dispatched.assert_not_called()
        for callback in callbacks:
            callback()
        self.dispatched.assert_called_once()
        Delivery.objects.all().delete()
        self.dispatched.reset_mock()
        comment = self.post()
        (event,) = self.events("comment.created")
        self.assertTrue(event["id"].startswith("evt_"))
        self.assertEqual(event["site_id"], self.site.pk)
        data = event["data"]
        self.assertEqual(data["comment"]["id"], comment.pk)
        self.assertEqual(data["comment"]["text"], "Well reported.")
        self.assertEqual(data["comment"]["status"], "pending")
        self.assertEqual(data["article"]["url"], self.article.get_absolute_url())
        self.assertNotIn("carol@example.org", json.dumps(event))
        self.dispatched.assert_called_once()

    def test_a_decision_is_announced(self):
        comment = self.post()
        with self.captureOnCommitCallbacks(execute=True):
            do_approve_comment(comment, moderator=self.bob)
        (event,) = self.events("comment.decided")
        self.assertEqual(event["data"]["comment"]["status"], "approved")
        self.assertEqual(event["data"]["comment"]["decided_by"], "moderator")

    def test_an_erasure_is_announced_without_the_comment(self):
        comment = self.post()
        with self.captureOnCommitCallbacks(execute=True):
            do_approve_comment(comment, machine="classifier v1")
        with self.captureOnCommitCallbacks(execute=True):
            do_erase_commenter("carol@example.org")
        approved, erased = self.events("comment.decided")
        self.assertEqual(approved["data"]["comment"]["decided_by"], "machine")
        self.assertEqual(erased["data"]["comment"], {"id": comment.pk, "status": "erased"})

    def test_a_comment_rolled_back_leaves_no_event(self):
        with self.assertRaises(RuntimeError), self.captureOnCommitCallbacks(execute=True):
            with transaction.atomic():
                self.submit("Never committed.")
                raise RuntimeError("the post fails after the comment was stored")
        self.assertFalse(Delivery.objects.exists())
        self.dispatched.assert_not_called()

    def test_an_event_that_fails_in_the_database_does_not_break_the_decision(self):
        def failing_query(*args, **kwargs):
            # A real database error: on PostgreSQL it aborts the transaction unless a
            # savepoint contains it.
            with connection.cursor() as cursor:
                cursor.execute("SELECT no_such_column FROM webhooks_delivery")

        comment = self.post()
        with mock.patch("commentdesk.webhooks.events.fire", side_effect=failing_query):
            with self.assertLogs("commentdesk.webhooks.events", "ERROR"):
                with self.captureOnCommitCallbacks(execute=True):
                    do_approve_comment(comment, moderator=self.bob)
        comment.refresh_from_db()
        self.assertEqual(comment.status, "approved")
        self.assertEqual(comment.decisions.count(), 1)
        self.assertEqual(self.events("comment.decided"), [])

    def test_a_report_is_announced(self):
        comment = self.post()
        comment_reporting.send(
            sender=Comment, comment_id=comment.pk, article_id=comment.article_id,
            reason="Spam link", report_count=2,
        )
        (event,) = self.events("comment.reported")
        self.assertEqual(event["data"]["report"], {"reason": "Spam link", "count": 2})
        self.assertEqual(event["data"]["comment"]["id"], comment.pk)

    def test_slack_gets_a_text_message(self):
        self.endpoint.format = Endpoint.Format.SLACK
        self.endpoint.save()
        self.post()
        (event,) = self.events("comment.created")
        self.assertEqual(event, {"text": "New comment by Carol on “Strikes near the airbase”"})

    def test_a_failing_webhook_never_breaks_posting(self):
        with mock.patch("commentdesk.webhooks.events.fire", side_effect=RuntimeError("boom")):
            with self.assertLogs("commentdesk.webhooks.events", "ERROR"):
                comment = self.post()
        self.assertTrue(Comment.objects.filter(pk=comment.pk).exists())

    def created(self, comment):
        on_comment_posting(Comment, comment_id=comment.pk, article_id=comment.article_id, site_id=self.site.pk)

    def test_a_site_without_endpoints_or_alerts_costs_no_query_per_comment(self):
        Endpoint.objects.all().delete()
        first, second = self.submit("First."), self.submit("Second.")
        cache.clear()  # Posting them asked already.
        # The site's endpoints and its queue alert, in a savepoint, then remembered.
        with self.assertNumQueries(4):
            self.created(first)
        with self.assertNumQueries(0):
            self.created(second)
        self.assertFalse(Delivery.objects.exists())

    def test_an_endpoint_added_later_hears_the_next_comment(self):
        self.endpoint.delete()
        self.submit("First.")
        Endpoint.objects.create(site=self.site, url="https://publisher.example.org/new", events=["comment.created"])
        self.submit("Second.")
        (event,) = self.events("comment.created")
        self.assertEqual(event["data"]["comment"]["text"], "Second.")
