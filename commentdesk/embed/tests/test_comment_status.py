from commentdesk.embed.tests.base import EmbedTestCase
from commentdesk.moderation.actions import do_reject_comment


class CommentStatusTestCase(EmbedTestCase):
    def test_the_author_sees_a_pending_comment(self):
        comment = self.submit()
        response = self.status_of(comment.pk)
        self.assertEqual(response.status_code, 200)
        own = response.json()["comment"]
        self.assertEqual((own["id"], own["status"]), (comment.pk, "pending"))
        self.assertIn("Awaiting moderation", own["status_text"])

    def test_the_author_sees_why_a_comment_was_rejected(self):
        comment = self.submit()
        do_reject_comment(comment, "profanity", moderator=self.bob)
        own = self.status_of(comment.pk).json()["comment"]
        self.assertEqual((own["status"], own["guideline"]), ("rejected", "profanity"))
        self.assertIn("Profanity", own["status_text"])

    def test_another_comments_token_does_not_open_it(self):
        mine, other = self.submit(), self.submit()
        from commentdesk.embed.tokens import author_token

        response = self.status_of(other.pk, token=author_token(mine.pk))
        self.assertEqual(response.status_code, 403)

    def test_a_forged_or_missing_token_is_refused(self):
        comment = self.submit()
        self.assertEqual(self.status_of(comment.pk, token="forged").status_code, 403)
        response = self.client.get(f"/api/v1/comments/{comment.pk}/status/")
        self.assertEqual(response.status_code, 403)
        self.assertIn("author token", response.json()["error"])

    def test_a_huge_id_is_a_404(self):
        self.assertEqual(self.status_of(2**70, token="x").status_code, 404)
