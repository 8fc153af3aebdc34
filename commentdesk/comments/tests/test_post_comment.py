from django.test import Client, override_settings

from commentdesk.comments.models import Comment
from commentdesk.moderation.actions import do_approve_comment, do_reject_comment
from commentdesk.test import BaseTestCase


class PostCommentTestCase(BaseTestCase):
    def test_it_stores_a_pending_comment_and_says_so(self):
        r = self.post_comment(text="The strikes killed several fighters, the report says.")
        comment = Comment.objects.get()
        self.assertEqual(comment.status, Comment.Status.PENDING)
        self.assertEqual(comment.author_email, "carol@example.org")
        self.assertRedirects(
            r, f"/articles/{self.article.slug}/#comment-{comment.pk}", fetch_redirect_response=False
        )
        page = self.client.get(self.article.get_absolute_url())
        self.assertContains(page, "awaits moderation")
        self.assertContains(page, "Awaiting moderation: only you can see this comment.")
        self.assertContains(page, "The strikes killed several fighters")

    def test_the_email_is_stored_in_lower_case_so_history_follows_the_commenter(self):
        self.post_comment(author_email="Carol@Example.ORG")
        self.assertEqual(Comment.objects.get().author_email, "carol@example.org")

    def test_other_browsers_do_not_see_a_pending_comment(self):
        self.post_comment(text="Only mine for now.")
        self.assertNotContains(Client().get(self.article.get_absolute_url()), "Only mine for now.")

    def test_the_author_sees_a_rejection_and_its_guideline(self):
        self.post_comment(text="Something rude.")
        do_reject_comment(Comment.objects.get(), "profanity", moderator=self.bob)
        page = self.client.get(self.article.get_absolute_url())
        self.assertContains(page, "Not published: it did not meet our guidelines (Profanity).")
        self.assertNotContains(Client().get(self.article.get_absolute_url()), "Something rude.")

    def test_an_approved_comment_is_shown_once(self):
        self.post_comment(text="Publish me.")
        do_approve_comment(Comment.objects.get(), moderator=self.bob)
        self.assertContains(self.client.get(self.article.get_absolute_url()), "Publish me.", count=1)

    def test_it_requires_every_field_and_keeps_what_was_typed(self):
        r = self.post_comment(author_name="", author_email="", text="My long considered comment")
        self.assertEqual(r.status_code, 400)
        self.assertContains(r, "Please enter your name.", status_code=400)
        self.assertContains(r, "Please enter your email address.", status_code=400)
        self.assertContains(r, "My long considered comment</textarea>", status_code=400)
        self.assertFalse(Comment.objects.exists())

    def test_it_rejects_an_invalid_email_and_keeps_the_text(self):
        r = self.post_comment(author_email="not-an-email", text="Keep this text")
        self.assertContains(r, "Please enter a valid email address", status_code=400)
        self.assertContains(r, "Keep this text</textarea>", status_code=400)
        self.assertContains(r, 'value="not-an-email"', status_code=400)

    def test_it_rejects_an_empty_comment(self):
        r = self.post_comment(text="   \n ")
        self.assertContains(r, "Please write your comment.", status_code=400)

    def test_a_comment_of_invisible_characters_is_empty(self):
        r = self.post_comment(text="\u200b\ufeff\u0007")
        self.assertContains(r, "Please write your comment.", status_code=400)

    @override_settings(COMMENT_MAX_LENGTH=20)
    def test_it_rejects_an_overlong_comment_and_keeps_it(self):
        r = self.post_comment(text="x" * 21)
        self.assertContains(r, "Your comment is 21 characters long; the limit is 20.", status_code=400)
        self.assertContains(r, "x" * 21 + "</textarea>", status_code=400)

    def test_html_is_stored_as_text_and_shown_escaped(self):
        payload = '<script>alert(1)</script><img src=x onerror="alert(2)">'
        self.post_comment(text=payload)
        comment = Comment.objects.get()
        self.assertEqual(comment.text, payload)
        do_approve_comment(comment, moderator=self.bob)
        page = Client().get(self.article.get_absolute_url()).content.decode()
        self.assertNotIn("<script>alert(1)", page)
        self.assertNotIn("<img src=x", page)
        self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt;", page)

    def test_control_and_zero_width_characters_are_removed(self):
        self.post_comment(text="Hel\u200blo\u0000 wor\u202eld\r\nnext line", author_name="Ca\u200brol")
        comment = Comment.objects.get()
        self.assertEqual(comment.text, "Hello world\nnext line")
        self.assertEqual(comment.author_name, "Carol")

    def test_persian_zero_width_non_joiner_and_emoji_are_kept(self):
        text = "می\u200cخواهم بگویم 👍🏽 and 👨\u200d👩\u200d👧"
        self.post_comment(text=text)
        self.assertEqual(Comment.objects.get().text, text)

    def test_mixed_direction_text_renders_in_its_own_direction(self):
        text = "The report from أربيل was clear: کوردستان"
        self.post_comment(text=text)
        do_approve_comment(Comment.objects.get(), moderator=self.bob)
        page = Client().get(self.article.get_absolute_url())
        self.assertContains(page, '<div class="comment-text" dir="auto"><p>' + text + "</p></div>")

    def test_closed_article_refuses_and_keeps_the_text(self):
        self.article.comments_open = False
        self.article.save()
        r = self.post_comment(text="Too late?")
        self.assertEqual(r.status_code, 409)
        self.assertFalse(Comment.objects.exists())

    def test_it_only_allows_post(self):
        r = self.client.get(f"/articles/{self.article.slug}/comments/")
        self.assertEqual(r.status_code, 405)

    def test_it_requires_a_csrf_token(self):
        r = self.post_comment(client=self.csrf_client)
        self.assertEqual(r.status_code, 403)
        self.assertFalse(Comment.objects.exists())

    def test_unknown_article_is_404(self):
        r = self.client.post("/articles/nope/comments/", {"author_name": "x"})
        self.assertEqual(r.status_code, 404)
