"""The API with single sign-on: sso_token on POST /api/v1/comments/, and the list's site."""

from django.core.cache import cache

from commentdesk.comments.models import Comment
from commentdesk.embed.tests.base import EmbedTestCase
from commentdesk.identity.models import SignedInComment, new_secret
from commentdesk.identity.tests.base import LOGIN_URL, enable_sso, make_token


class PostWithTokenTestCase(EmbedTestCase):
    def test_a_valid_token_posts_as_the_signed_in_reader(self):
        sso = enable_sso(self.site)
        response = self.api_post_comment(
            sso_token=make_token(sso.secret), author_name="", author_email=""
        )
        self.assertEqual(response.status_code, 201, response.content)
        comment = Comment.objects.get()
        author = (comment.author_name, comment.author_email)
        self.assertEqual(author, ("Shilan Karim", "shilan@example.org"))
        self.assertEqual(response.json()["comment"]["author_name"], "Shilan Karim")
        self.assertEqual(comment.signed_in.account_id, "reader-42")

    def test_the_tokens_identity_wins_over_the_fields(self):
        sso = enable_sso(self.site)
        self.api_post_comment(sso_token=make_token(sso.secret), author_name="Mallory")
        self.assertEqual(Comment.objects.get().author_name, "Shilan Karim")

    def test_an_expired_token_is_a_401_saying_so_with_where_to_sign_in(self):
        sso = enable_sso(self.site)
        response = self.api_post_comment(sso_token=make_token(sso.secret, lifetime=-600))
        self.assertEqual(response.status_code, 401)
        body = response.json()
        self.assertEqual(body["error"], "Your sign-in has expired. Please sign in again.")
        self.assertEqual(body["login_url"], LOGIN_URL)
        self.assertIn("expired", body["detail"])
        self.assertFalse(Comment.objects.exists())

    def test_a_token_with_a_wrong_secret_or_no_signature_is_a_401(self):
        sso = enable_sso(self.site)
        unsigned = make_token(sso.secret).rsplit(".", 1)[0] + "."
        tokens = (make_token(new_secret()), unsigned, make_token(sso.secret, exp=None), "\ud800")
        for token in tokens:
            with self.subTest(token=ascii(token)):  # xdist sends labels as UTF-8
                response = self.api_post_comment(sso_token=token)
                self.assertEqual(response.status_code, 401)
                self.assertIn("could not be verified", response.json()["error"])
        self.assertFalse(Comment.objects.exists())

    def test_a_token_for_a_site_without_single_sign_on_is_a_400(self):
        response = self.api_post_comment(sso_token=make_token(new_secret()))
        self.assertEqual(response.status_code, 400)
        self.assertIn("does not use single sign-on", response.json()["error"])

    def test_a_token_that_is_not_a_string_is_a_400(self):
        enable_sso(self.site)
        self.assertEqual(self.api_post_comment(sso_token=42).status_code, 400)

    def test_required_sign_on_refuses_anonymous_posts_with_the_login_url(self):
        enable_sso(self.site, required=True)
        response = self.api_post_comment()
        self.assertEqual(response.status_code, 401)
        self.assertEqual(response.json(), {"error": "Sign in to comment", "login_url": LOGIN_URL})
        self.assertFalse(Comment.objects.exists())

    def test_optional_sign_on_still_takes_anonymous_posts(self):
        enable_sso(self.site)
        self.assertEqual(self.api_post_comment().status_code, 201)
        self.assertFalse(SignedInComment.objects.exists())

    def test_without_a_token_name_and_email_are_still_required(self):
        enable_sso(self.site)
        response = self.api_post_comment(author_name="", author_email="")
        self.assertEqual(response.status_code, 400)
        self.assertEqual(set(response.json()["fields"]), {"author_name", "author_email"})


class ListTestCase(EmbedTestCase):
    def site_payload(self):
        return self.list_comments().json()["site"]

    def test_the_site_says_whether_sign_on_is_on_or_required_and_where(self):
        off = {"enabled": False, "required": False, "login_url": ""}
        self.assertEqual(self.site_payload()["sso"], off)
        enable_sso(self.site, required=True)
        cache.clear()  # a site's settings reach the cached lists within EMBED_CACHE_SECONDS
        on = {"enabled": True, "required": True, "login_url": LOGIN_URL}
        self.assertEqual(self.site_payload()["sso"], on)

    def test_the_list_every_reader_gets_holds_no_secret(self):
        sso = enable_sso(self.site)
        self.assertNotIn(sso.secret, self.list_comments().content.decode())
