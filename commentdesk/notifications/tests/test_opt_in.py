"""The opt-in box: on the article page, in the API (notify) and in the embed; unticked."""

from commentdesk.comments.models import Comment
from commentdesk.embed.tests.base import EmbedTestCase
from commentdesk.embed.views.assets import bundle
from commentdesk.notifications.models import Subscription
from commentdesk.test import BaseTestCase

LABEL = "Email me when my comment is published or rejected, and when someone replies"


class ArticlePageTestCase(BaseTestCase):
    def test_the_box_is_offered_unticked(self):
        response = self.client.get(self.article.get_absolute_url())
        self.assertContains(response, LABEL)
        self.assertContains(response, '<input type="checkbox" name="notify" id="id_notify">')

    def test_ticking_it_subscribes(self):
        self.post_comment(notify="on")
        self.assertEqual(Subscription.objects.get().comment, Comment.objects.get())

    def test_leaving_it_unticked_does_not(self):
        self.post_comment()
        self.assertTrue(Comment.objects.exists())
        self.assertFalse(Subscription.objects.exists())

    def test_a_refused_post_keeps_the_tick(self):
        response = self.post_comment(notify="on", text="")
        self.assertContains(response, 'name="notify" id="id_notify" checked', status_code=400)
        self.assertFalse(Subscription.objects.exists())


class ApiTestCase(EmbedTestCase):
    def test_notify_true_subscribes(self):
        response = self.api_post_comment(notify=True)
        self.assertEqual(response.status_code, 201)
        self.assertEqual(Subscription.objects.get().comment_id, response.json()["comment"]["id"])

    def test_notify_false_or_absent_does_not(self):
        self.api_post_comment(notify=False)
        self.api_post_comment(text="Another one.")
        self.assertEqual(Comment.objects.count(), 2)
        self.assertFalse(Subscription.objects.exists())

    def test_notify_must_be_a_boolean(self):
        for value in ("true", 1, None, ["yes"]):
            response = self.api_post_comment(notify=value)
            self.assertEqual(response.status_code, 400)
            self.assertEqual(response.json()["error"], "notify must be true or false.")
        self.assertFalse(Comment.objects.exists())

    def test_the_embed_has_the_box_and_its_words(self):
        script = bundle("embed.js")[0].decode()
        self.assertIn('type: "checkbox", name: "notify"', script)
        self.assertIn("values.notify = form.elements.notify.checked", script)
        strings = self.list_comments().json()["site"]["strings"]
        self.assertEqual(strings[LABEL], LABEL)

    def test_the_openapi_document_describes_it(self):
        schema = self.client.get("/api/v1/openapi.json").json()
        self.assertEqual(
            schema["components"]["schemas"]["NewComment"]["properties"]["notify"]["type"], "boolean"
        )
