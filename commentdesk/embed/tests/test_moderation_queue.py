from commentdesk.embed.tests.base import EmbedTestCase
from commentdesk.test import PASSWORD


class ModerationQueueTestCase(EmbedTestCase):
    def test_a_moderator_gets_the_pending_comments(self):
        comment = self.submit(text="Waiting.")
        self.client.login(username="bob", password=PASSWORD)
        response = self.client.get("/api/v1/moderation/queue/")
        self.assertEqual(response.status_code, 200)
        [queued] = response.json()["comments"]
        self.assertEqual((queued["id"], queued["text"]), (comment.pk, "Waiting."))
        self.assertEqual(queued["article"]["id"], self.article.pk)

    def test_it_needs_a_login_and_a_desk_role(self):
        self.assertEqual(self.client.get("/api/v1/moderation/queue/").status_code, 401)
        from django.contrib.auth import get_user_model

        get_user_model().objects.create_user("dave", password=PASSWORD)
        self.client.login(username="dave", password=PASSWORD)
        response = self.client.get("/api/v1/moderation/queue/")
        self.assertEqual(response.status_code, 403)
        self.assertIn("moderators", response.json()["error"])
