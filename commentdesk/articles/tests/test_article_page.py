from commentdesk.moderation.actions import do_approve_comment
from commentdesk.test import BaseTestCase


class ArticlePageTestCase(BaseTestCase):
    def get_page(self):
        return self.client.get(self.article.get_absolute_url())

    def test_it_shows_the_reference_page_elements(self):
        r = self.get_page()
        self.assertContains(r, "<h1 id=\"headline\">Strikes near the airbase</h1>", html=False)
        self.assertContains(r, ">22-11-2023</time>")
        self.assertContains(
            r, '<a class="byline-handle" href="https://example.org/@DilanAzizNews"', html=False
        )
        self.assertContains(r, "A+</button>")
        self.assertContains(r, "A-</button>")
        self.assertContains(r, '<span class="dateline">ERBIL, Kurdistan Region -</span> First paragraph')
        self.assertContains(r, "Second paragraph of the story.")

    def test_it_shows_the_comments_notice_guidelines_and_required_fields(self):
        r = self.get_page()
        self.assertContains(r, "<h2 id=\"comments-heading\">Comments</h2>", html=False)
        self.assertContains(r, "moderates all comments")
        self.assertContains(r, "personal attacks, vulgarity")
        self.assertContains(r, "Post a comment")
        self.assertContains(r, '<span class="required">Required</span>', count=3)

    def test_it_uses_the_site_date_format(self):
        self.site.date_format = "Y/m/d"
        self.site.save()
        self.assertContains(self.get_page(), ">2023/11/22</time>")

    def test_it_shows_editor_guidelines_as_paragraphs(self):
        self.site.guidelines = "Be kind.\n\nStay on topic."
        self.site.save()
        r = self.get_page()
        self.assertContains(r, "<p>Be kind.</p><p>Stay on topic.</p>")

    def test_it_lists_only_approved_comments_oldest_first(self):
        first, second = self.submit("First!"), self.submit("Second.")
        self.submit("Wait")
        do_approve_comment(second, moderator=self.bob)
        do_approve_comment(first, moderator=self.bob)
        body = self.get_page().content.decode()
        self.assertLess(body.index("First!"), body.index("Second."))
        self.assertNotIn("Wait", body)

    def test_it_never_shows_the_commenter_email(self):
        do_approve_comment(self.submit(email="secret@example.org"), moderator=self.bob)
        self.assertNotContains(self.get_page(), "secret@example.org")

    def test_closed_article_has_no_form(self):
        self.article.comments_open = False
        self.article.save()
        r = self.get_page()
        self.assertContains(r, "Comments on this article are closed.")
        self.assertNotContains(r, 'class="comment-form"')

    def test_unknown_article_is_404(self):
        self.assertEqual(self.client.get("/articles/no-such-story/").status_code, 404)
