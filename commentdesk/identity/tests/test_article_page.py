"""The desk's own article page with single sign-on: the form, and posting, server-side."""

from urllib.parse import parse_qs, urlsplit

from commentdesk.articles.models import Site
from commentdesk.comments.actions import do_erase_commenter
from commentdesk.comments.models import Comment
from commentdesk.identity.models import SignedInComment
from commentdesk.identity.tests.base import LOGIN_URL, enable_sso, make_token
from commentdesk.test import BaseTestCase


class ArticlePageTestCase(BaseTestCase):
    def page(self):
        return self.client.get(self.article.get_absolute_url())

    def sign_in(self, sso):
        login = self.client.get("/sso/start/", {"site": sso.site_id})
        return_to = parse_qs(urlsplit(login["Location"]).query)["return_to"][0]
        response = self.client.get(f"{return_to}&token={make_token(sso.secret)}")
        self.assertEqual(response.status_code, 302)

    def test_without_single_sign_on_the_page_asks_for_name_and_email(self):
        response = self.page()
        self.assertContains(response, 'name="author_email"')
        self.assertNotContains(response, "Sign in to comment")

    def test_signed_in_the_form_shows_the_name_and_asks_only_for_the_comment(self):
        self.sign_in(enable_sso(self.site))
        response = self.page()
        self.assertContains(response, "Signed in as Shilan Karim")
        self.assertContains(response, 'action="/sso/sign-out/"')
        self.assertNotContains(response, 'name="author_name"')
        self.assertNotContains(response, 'name="author_email"')
        self.assertContains(response, 'name="text"')

    def test_a_signed_in_comment_takes_the_identity_whatever_the_form_says(self):
        self.sign_in(enable_sso(self.site))
        response = self.post_comment(author_name="Mallory", author_email="m@example.net")
        self.assertEqual(response.status_code, 302)
        comment = Comment.objects.get()
        self.assertEqual((comment.author_name, comment.author_email), ("Shilan Karim", "shilan@example.org"))
        self.assertEqual(comment.signed_in.account_id, "reader-42")

    def test_an_anonymous_comment_records_no_account(self):
        enable_sso(self.site)
        self.assertEqual(self.post_comment().status_code, 302)
        self.assertFalse(SignedInComment.objects.exists())

    def test_optional_sign_on_offers_the_link_beside_the_anonymous_form(self):
        enable_sso(self.site)
        response = self.page()
        self.assertContains(response, "Sign in to comment")
        self.assertContains(response, 'name="author_email"')

    def test_required_sign_on_replaces_the_form_with_a_link_that_comes_back_here(self):
        enable_sso(self.site, required=True)
        response = self.page()
        self.assertNotContains(response, 'name="text"')
        link = response.content.decode().split('<p class="sign-in"><a href="')[1].split('"')[0]
        login = self.client.get(link.replace("&amp;", "&"))  # /sso/start/, then the publisher
        url = urlsplit(login["Location"])
        self.assertEqual(f"{url.scheme}://{url.netloc}{url.path}", LOGIN_URL)
        return_to = urlsplit(parse_qs(url.query)["return_to"][0])
        self.assertEqual((return_to.netloc, return_to.path), ("testserver", "/sso/"))
        back = parse_qs(return_to.query)
        self.assertEqual(back["next"], [f"{self.article.get_absolute_url()}#post-comment"])
        self.assertEqual(back["site"], [str(self.site.pk)])

    def test_required_sign_on_refuses_an_anonymous_post(self):
        enable_sso(self.site, required=True)
        response = self.post_comment()
        self.assertContains(response, "Sign in to comment", status_code=401)
        self.assertFalse(Comment.objects.exists())

    def test_required_sign_on_takes_a_signed_in_post(self):
        self.sign_in(enable_sso(self.site, required=True))
        self.assertEqual(self.post_comment(author_name="", author_email="").status_code, 302)
        self.assertEqual(Comment.objects.get().signed_in.account_id, "reader-42")

    def test_a_sign_in_on_another_site_does_not_count_here(self):
        other = enable_sso(Site.objects.create(name="Other paper"))
        self.sign_in(other)
        enable_sso(self.site, required=True)
        self.assertEqual(self.post_comment().status_code, 401)

    def test_turning_sign_on_off_ignores_earlier_sign_ins(self):
        sso = enable_sso(self.site)
        self.sign_in(sso)
        sso.enabled = False
        sso.save()
        self.assertContains(self.page(), 'name="author_email"')

    def test_erasing_the_commenter_leaves_no_account_link(self):
        self.sign_in(enable_sso(self.site))
        self.post_comment()
        self.assertEqual(do_erase_commenter("shilan@example.org"), 1)
        self.assertFalse(SignedInComment.objects.exists())
