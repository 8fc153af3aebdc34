from django.utils.translation import override

from commentdesk.articles.models import Article
from commentdesk.embed.tests.base import HOST, OTHER_HOST, STORY_URL, EmbedTestCase
from commentdesk.embed.views.public import PAGE_SIZE
from commentdesk.moderation.actions import do_approve_comment, do_reject_comment


class ListCommentsTestCase(EmbedTestCase):
    def approve(self, text):
        comment = self.submit(text=text)
        do_approve_comment(comment, moderator=self.bob)
        return comment

    def test_it_lists_approved_comments_only(self):
        self.approve("Published.")
        do_reject_comment(self.submit(text="Rejected."), "profanity", moderator=self.bob)
        self.submit(text="Pending.")
        response = self.list_comments()
        self.assertEqual(response.status_code, 200)
        body = response.json()
        self.assertEqual([c["text"] for c in body["comments"]], ["Published."])
        self.assertEqual(body["thread"], {
            "url": STORY_URL, "title": self.article.headline, "open": True, "count": 1
        })
        self.assertNotIn("author_email", body["comments"][0])

    def test_it_gives_the_site_notice_guidelines_language_and_direction(self):
        self.site.language = "ar"
        self.site.save()
        site = self.list_comments().json()["site"]
        self.assertEqual(site["direction"], "rtl")
        self.assertEqual(site["language"], "ar")
        self.assertIn(self.site.name, site["notice"])
        with override("ar"):  # Untouched default guidelines come in the site's language.
            self.assertEqual(site["guidelines"], self.site.guideline_paragraphs())
        self.assertEqual(site["strings"]["Post comment"], "انشر التعليق")

    def test_an_unknown_article_has_an_empty_list_and_is_not_created(self):
        response = self.list_comments(url=f"{HOST}/not-yet-commented")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["comments"], [])
        self.assertFalse(Article.objects.filter(canonical_url=f"{HOST}/not-yet-commented").exists())

    def test_it_paginates(self):
        for n in range(PAGE_SIZE + 1):
            self.approve(f"Comment {n}")
        first, second = self.list_comments().json(), self.list_comments(page=2).json()
        self.assertEqual((len(first["comments"]), first["pages"]), (PAGE_SIZE, 2))
        self.assertEqual([c["text"] for c in second["comments"]], [f"Comment {PAGE_SIZE}"])

    def test_it_refuses_a_page_of_an_origin_no_site_allows(self):
        response = self.list_comments(url=f"{OTHER_HOST}/story", origin=OTHER_HOST)
        self.assertEqual(response.status_code, 403)
        self.assertIn("not enabled", response.json()["error"])

    def test_it_refuses_an_allowed_url_embedded_on_another_origin(self):
        response = self.list_comments(origin=OTHER_HOST)
        self.assertEqual(response.status_code, 403)
        self.assertIn(OTHER_HOST, response.json()["error"])

    def test_bad_parameters_are_json_errors(self):
        for params in ({"url": "javascript:alert(1)"}, {"url": "not a url"}, {"page": "0"}):
            with self.subTest(params=params):
                response = self.list_comments(**params)
                self.assertEqual(response.status_code, 400)
                self.assertIn("error", response.json())

    def test_it_sets_no_cookie(self):
        self.assertEqual(self.list_comments().cookies, {})
