from commentdesk.comments.models import Comment
from commentdesk.test import PASSWORD, BaseTestCase

QUEUE = "/admin/comments/comment/"


class AdminQueueTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.first = self.submit("First pending comment.")
        self.second = self.submit("Second pending comment.")
        self.client.login(username="bob", password=PASSWORD)

    def act(self, action, *comments):
        data = {"action": action, "_selected_action": [c.pk for c in comments], "index": 0}
        return self.client.post(QUEUE, data, follow=True)

    def test_a_reader_cannot_reach_the_queue(self):
        self.client.logout()
        r = self.client.get(QUEUE)
        self.assertRedirects(r, f"/admin/login/?next={QUEUE}")

    def test_the_queue_lists_pending_comments_oldest_first(self):
        self.act("approve", self.first)
        third = self.submit("Third pending comment.")
        body = self.client.get(QUEUE).content.decode()
        self.assertNotIn("First pending comment.", body)
        self.assertLess(body.index("Second pending comment."), body.index(third.text))

    def test_approve_from_the_queue(self):
        r = self.act("approve", self.first, self.second)
        self.assertContains(r, "2 comments approved.")
        self.assertEqual(Comment.objects.filter(status="approved", decided_by=self.bob).count(), 2)

    def test_reject_from_the_queue_cites_the_guideline(self):
        r = self.act("reject_identity_abuse", self.first)
        self.assertContains(r, "1 comment rejected")
        self.first.refresh_from_db()
        self.assertEqual(self.first.status, "rejected")
        self.assertEqual(self.first.guideline, "identity_abuse")

    def test_a_moderator_cannot_edit_the_text(self):
        r = self.client.post(
            f"{QUEUE}{self.first.pk}/change/", {"text": "Edited by moderator", "_save": "Save"}
        )
        self.assertIn(r.status_code, (200, 302))
        self.first.refresh_from_db()
        self.assertEqual(self.first.text, "First pending comment.")

    def test_a_moderator_cannot_delete_comments(self):
        r = self.client.post(f"{QUEUE}{self.first.pk}/delete/", {"post": "yes"})
        self.assertEqual(r.status_code, 403)
        self.assertTrue(Comment.objects.filter(pk=self.first.pk).exists())

    def test_a_moderator_cannot_edit_the_guidelines_but_an_editor_can(self):
        site_url = f"/admin/articles/site/{self.site.pk}/change/"
        self.assertEqual(self.client.get(site_url).status_code, 403)
        self.client.login(username="alice", password=PASSWORD)
        self.assertEqual(self.client.get(site_url).status_code, 200)
