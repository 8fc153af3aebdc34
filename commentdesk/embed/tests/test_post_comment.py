from django.core.cache import cache
from django.test import override_settings

from commentdesk.articles.models import Article
from commentdesk.comments.models import Comment
from commentdesk.embed.tests.base import HOST, OTHER_HOST, STORY_URL, EmbedTestCase
from commentdesk.embed.tokens import comment_id_from
from commentdesk.moderation.models import ModerationJob


class PostCommentTestCase(EmbedTestCase):
    def test_it_stores_a_pending_comment_with_its_moderation_job(self):
        response = self.api_post_comment()
        self.assertEqual(response.status_code, 201)
        body = response.json()
        comment = Comment.objects.get(pk=body["comment"]["id"])
        self.assertEqual((comment.article, comment.text), (self.article, "Hello from the publisher's page."))
        self.assertTrue(ModerationJob.objects.filter(comment=comment).exists())
        self.assertEqual(comment_id_from(body["token"]), comment.pk)
        self.assertIn("awaits moderation", body["message"])
        self.assertEqual(response.cookies, {})

    def test_the_first_comment_creates_the_article_from_its_url(self):
        url = f"{HOST}/2023/11/bazaar-reopens?edition=ku"
        response = self.api_post_comment(url=url + "#comments", title="  Erbil reopens its bazaar ")
        self.assertEqual(response.status_code, 201)
        article = Article.objects.get(canonical_url=url)
        self.assertEqual((article.site, article.headline), (self.site, "Erbil reopens its bazaar"))
        self.api_post_comment(url=url, title="Another title")
        self.assertEqual(Article.objects.filter(canonical_url=url).count(), 1)

    def test_it_refuses_an_origin_the_site_does_not_allow(self):
        response = self.api_post_comment(origin=OTHER_HOST)
        self.assertEqual(response.status_code, 403)
        self.assertFalse(Comment.objects.exists())

    def test_it_refuses_a_post_without_origin(self):
        response = self.api_post_comment(origin=None)
        self.assertEqual(response.status_code, 403)
        self.assertIn("Origin", response.json()["error"])

    def test_it_refuses_an_article_on_a_site_that_does_not_allow_its_origin(self):
        response = self.api_post_comment(url="https://evil.example.net/story")
        self.assertEqual(response.status_code, 403)
        self.assertFalse(Article.objects.filter(canonical_url__contains="evil").exists())

    def test_it_gives_the_article_pages_field_errors(self):
        response = self.api_post_comment(author_name="", author_email="not-an-email")
        self.assertEqual(response.status_code, 400)
        fields = response.json()["fields"]
        self.assertEqual(fields["author_name"], ["Please enter your name."])
        self.assertIn("valid email address", fields["author_email"][0])
        self.assertFalse(Comment.objects.exists())

    def test_it_answers_409_when_comments_are_closed(self):
        self.article.comments_open = False
        self.article.save()
        response = self.api_post_comment()
        self.assertEqual(response.status_code, 409)
        self.assertEqual(response.json()["error"], "Comments on this article are closed.")

    def test_it_needs_a_json_object_of_strings(self):
        cases = [("text/plain", "{}", 415), ("application/json", "[1]", 400),
                 ("application/json", "{", 400), ("application/json", '{"text": 5}', 400)]
        for content_type, body, status in cases:
            with self.subTest(body=body):
                response = self.client.post("/api/v1/comments/", body, content_type=content_type,
                                            headers={"Origin": HOST})
                self.assertEqual(response.status_code, status)
                self.assertIn("error", response.json())

    def test_a_browser_form_post_from_another_site_is_refused_without_csrf_cookie(self):
        # What a cross-site form can send: urlencoded, with the attacker's Origin.
        response = self.csrf_client.post(
            "/api/v1/comments/", {"url": STORY_URL, "text": "x"}, headers={"Origin": OTHER_HOST}
        )
        self.assertEqual(response.status_code, 415)
        self.assertFalse(Comment.objects.exists())


class FloodControlTestCase(EmbedTestCase):
    def setUp(self):
        super().setUp()
        flood = {"POST_RATE_PER_IP": "1/m", "POST_RATE_PER_EMAIL": "", "DUPLICATE_COMMENT_WINDOW": 3600}
        self.enterContext(override_settings(**flood))  # after the conftest turned it off
    def test_posting_too_fast_is_429_with_retry_after(self):
        self.assertEqual(self.api_post_comment(text="First.").status_code, 201)
        r = self.api_post_comment(text="Second.")
        self.assertEqual(r.status_code, 429)
        self.assertEqual(int(r["Retry-After"]), r.json()["retry_after"])
        self.assertIn("You are posting too fast", r.json()["error"])
        self.assertEqual(r["Access-Control-Expose-Headers"], "Retry-After")

    def test_a_duplicate_is_409(self):
        self.api_post_comment(text="Same.")
        cache.clear()
        r = self.api_post_comment(text="same.")
        self.assertEqual(r.status_code, 409)
        self.assertIn("already posted", r.json()["error"])
        self.assertEqual(Comment.objects.count(), 1)

    def test_a_filled_honeypot_is_400(self):
        r = self.api_post_comment(website="x")
        self.assertEqual(r.status_code, 400)
        self.assertIn("hidden field", r.json()["error"])
        self.assertFalse(Comment.objects.exists())
