"""Replies: the rules of do_submit_comment and the article page's Reply link and threads."""

from commentdesk.comments.actions import do_submit_comment
from commentdesk.comments.models import Comment
from commentdesk.comments.replies import ReplyRefused
from commentdesk.moderation.actions import do_approve_comment, do_reject_comment
from commentdesk.moderation.models import ModerationJob
from commentdesk.test import BaseTestCase, make_article


class ReplyTestCase(BaseTestCase):
    def published(self, text="A published comment.", name="Dara"):
        comment = self.submit(text, name=name, email=f"{name.lower()}@example.org")
        do_approve_comment(comment, moderator=self.bob)
        return comment

    def reply(self, parent_id, text="A reply.", article=None):
        return do_submit_comment(
            article or self.article,
            author_name="Carol",
            author_email="carol@example.org",
            text=text,
            parent_id=parent_id,
        )

    def test_a_reply_is_pending_and_moderated_like_any_comment(self):
        parent = self.published()
        reply = self.reply(parent.pk)
        self.assertEqual((reply.parent, reply.status), (parent, Comment.Status.PENDING))
        self.assertTrue(ModerationJob.objects.filter(comment=reply).exists())

    def test_a_reply_to_a_reply_joins_the_top_level_thread(self):
        parent = self.published()
        first = self.reply(parent.pk)
        do_approve_comment(first, moderator=self.bob)
        second = self.reply(first.pk, text="A reply to the reply.")
        self.assertEqual(second.parent, parent)

    def test_it_refuses_a_reply_to_a_comment_that_is_not_published(self):
        pending = self.submit("Still pending.")
        rejected = self.submit("Rejected.", email="dara@example.org")
        do_reject_comment(rejected, "profanity", moderator=self.bob)
        for comment in (pending, rejected):
            with self.assertRaises(ReplyRefused) as refused:
                self.reply(comment.pk)
            self.assertEqual(refused.exception.status, 409)
        self.assertEqual(Comment.objects.filter(parent__isnull=False).count(), 0)

    def test_it_refuses_a_reply_to_no_comment_or_another_articles(self):
        other = make_article("another-story")
        parent = self.published()
        for parent_id, article in ((10**9, self.article), (parent.pk, other)):
            with self.assertRaises(ReplyRefused) as refused:
                self.reply(parent_id, article=article)
            self.assertEqual(refused.exception.status, 400)

    def test_the_page_shows_approved_replies_under_their_parent_oldest_first(self):
        parent = self.published("The parent comment.")
        later = self.published("Another top-level comment.", name="Hana")
        replies = [self.reply(parent.pk, text=f"Reply {n}.") for n in (1, 2, 3)]
        for reply in replies[:2]:
            do_approve_comment(reply, moderator=self.bob)
        response = self.client.get(self.article.get_absolute_url())
        top = response.context["comments"]
        self.assertEqual(top, [parent, later])
        self.assertEqual(top[0].thread_replies, replies[:2])
        html = response.content.decode()
        self.assertInHTML(f'<a class="reply-link" href="?reply_to={parent.pk}#post-comment">Reply</a>', html)
        self.assertLess(html.index("Reply 1."), html.index("Reply 2."))
        self.assertLess(html.index("Reply 2."), html.index("Another top-level comment."))
        self.assertNotIn("Reply 3.", html)

    def test_the_reply_link_sets_the_forms_parent_without_javascript(self):
        parent = self.published("The parent comment.")
        response = self.client.get(f"{self.article.get_absolute_url()}?reply_to={parent.pk}")
        self.assertEqual(response.context["replying_to"], parent)
        self.assertContains(response, f'<input type="hidden" name="parent_id" value="{parent.pk}">')
        self.assertContains(response, "Replying to Dara:")

    def test_an_unknown_reply_to_is_ignored(self):
        response = self.client.get(f"{self.article.get_absolute_url()}?reply_to=12345")
        self.assertIsNone(response.context["replying_to"])
        self.assertNotContains(response, 'name="parent_id"')

    def test_posting_a_reply_from_the_page(self):
        parent = self.published()
        response = self.post_comment(text="I agree.", parent_id=parent.pk)
        self.assertEqual(response.status_code, 302)
        self.assertEqual(Comment.objects.get(text="I agree.").parent, parent)

    def test_the_page_refuses_a_reply_to_an_unpublished_comment(self):
        pending = self.submit("Still pending.", email="dara@example.org")
        response = self.post_comment(text="I agree.", parent_id=pending.pk)
        self.assertContains(response, "You can reply only to a published comment.", status_code=409)
        self.assertFalse(Comment.objects.filter(text="I agree.").exists())

    def test_a_reply_passes_the_same_honeypot(self):
        parent = self.published()
        response = self.post_comment(text="I agree.", parent_id=parent.pk, website="spam")
        self.assertEqual(response.status_code, 400)
        self.assertFalse(Comment.objects.filter(text="I agree.").exists())
