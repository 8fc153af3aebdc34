from commentdesk.embed.tests.base import EmbedTestCase
from commentdesk.moderation.actions import do_approve_comment, do_undo_decision


class CachedListTestCase(EmbedTestCase):
    def texts(self):
        return [c["text"] for c in self.list_comments().json()["comments"]]

    def test_a_cached_list_is_read_without_queries(self):
        self.list_comments()
        with self.assertNumQueries(0):
            self.assertEqual(self.list_comments().status_code, 200)

    def test_a_decision_clears_the_cached_list(self):
        comment = self.submit(text="Soon published.")
        self.assertEqual(self.texts(), [])
        with self.captureOnCommitCallbacks(execute=True):
            decision = do_approve_comment(comment, moderator=self.bob)
        self.assertEqual(self.texts(), ["Soon published."])
        with self.captureOnCommitCallbacks(execute=True):
            do_undo_decision(decision, moderator=self.bob)
        self.assertEqual(self.texts(), [])

    def test_closing_the_article_clears_the_cached_list(self):
        self.assertTrue(self.list_comments().json()["thread"]["open"])
        self.article.comments_open = False
        self.article.save()
        self.assertFalse(self.list_comments().json()["thread"]["open"])
