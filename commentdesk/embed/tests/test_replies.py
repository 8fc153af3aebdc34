"""Replies through the API: posting one, and the list with replies under their comment."""

from commentdesk.comments.models import Comment
from commentdesk.embed.tests.base import HOST, EmbedTestCase
from commentdesk.moderation.actions import do_approve_comment
from commentdesk.test import make_article


class ApiReplyTestCase(EmbedTestCase):
    def published(self, text="A published comment."):
        comment = self.submit(text, email=f"{len(text)}@example.org")
        do_approve_comment(comment, moderator=self.bob)
        return comment

    def test_it_posts_a_reply(self):
        parent = self.published()
        response = self.api_post_comment(parent_id=parent.pk)
        self.assertEqual(response.status_code, 201)
        self.assertEqual(response.json()["comment"]["parent_id"], parent.pk)
        self.assertEqual(Comment.objects.get(pk=response.json()["comment"]["id"]).parent, parent)

    def test_it_refuses_a_reply_to_an_unpublished_comment_with_409(self):
        pending = self.submit("Pending.", email="dara@example.org")
        response = self.api_post_comment(parent_id=pending.pk)
        self.assertEqual(response.status_code, 409)
        self.assertEqual(response.json()["error"], "You can reply only to a published comment.")

    def test_it_refuses_a_reply_to_no_comment_or_another_articles_with_400(self):
        other = make_article("another-story", canonical_url=f"{HOST}/another-story")
        elsewhere = Comment.objects.create(
            article=other, author_name="D", author_email="d@example.org", text="Elsewhere."
        )
        do_approve_comment(elsewhere, moderator=self.bob)
        for parent_id in (10**9, elsewhere.pk):
            response = self.api_post_comment(parent_id=parent_id)
            self.assertEqual(response.status_code, 400)
            self.assertIn("no such comment", response.json()["error"])

    def test_it_refuses_a_parent_id_that_is_not_an_id(self):
        for value in ("1", True, 0, 1.5, 2**64):
            response = self.api_post_comment(parent_id=value)
            self.assertEqual(response.status_code, 400, value)
        self.assertFalse(Comment.objects.exists())

    def test_the_list_nests_approved_replies_under_their_comment(self):
        parent = self.published("The parent.")
        reply = Comment.objects.get(pk=self.api_post_comment(parent_id=parent.pk).json()["comment"]["id"])
        self.assertEqual(self.list_comments().json()["comments"][0]["replies"], [])
        # The decision on the reply drops the cached list: the reply shows at once.
        with self.captureOnCommitCallbacks(execute=True):
            do_approve_comment(reply, moderator=self.bob)
        body = self.list_comments().json()
        self.assertEqual([c["id"] for c in body["comments"]], [parent.pk])
        self.assertEqual(body["comments"][0]["parent_id"], None)
        replies = body["comments"][0]["replies"]
        self.assertEqual([(r["id"], r["parent_id"]) for r in replies], [(reply.pk, parent.pk)])
        self.assertEqual(body["thread"]["count"], 2)
        self.assertEqual(body["site"]["strings"]["Reply"], "Reply")
