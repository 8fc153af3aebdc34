"""GET /sso/: the publisher's login page sends the reader back here with a token."""

from commentdesk.identity.readers import SESSION_KEY
from commentdesk.identity.tests.base import enable_sso, make_token
from commentdesk.identity.models import new_secret
from commentdesk.test import BaseTestCase

NEXT = "/articles/strikes-near-the-airbase/#post-comment"


class CallbackTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.sso = enable_sso(self.site)

    def callback(self, token=None, next_url=NEXT, **params):
        token = make_token(self.sso.secret) if token is None else token
        query = {"token": token, "next": next_url, "site": self.site.pk, **params}
        return self.client.get("/sso/", query)

    def test_a_valid_token_signs_the_reader_in_on_a_new_session_key_and_goes_to_next(self):
        self.client.get(f"/articles/{self.article.slug}/?report=1")  # a session before sign-in
        self.client.session.save()
        before = self.client.session.session_key
        response = self.callback()
        self.assertRedirects(response, NEXT, fetch_redirect_response=False)
        session = self.client.session
        self.assertNotEqual(session.session_key, before)
        self.assertEqual(session[SESSION_KEY]["account_id"], "reader-42")
        self.assertEqual(session[SESSION_KEY]["email"], "shilan@example.org")

    def test_the_site_defaults_to_the_desks_own(self):
        response = self.client.get("/sso/", {"token": make_token(self.sso.secret), "next": NEXT})
        self.assertRedirects(response, NEXT, fetch_redirect_response=False)

    def test_next_must_stay_on_this_desk(self):
        for unsafe in ("https://evil.example.net/", "//evil.example.net/x", "javascript:alert(1)",
                       "http://testserver.evil.example.net/", ""):
            with self.subTest(unsafe):
                response = self.callback(next_url=unsafe)
                self.assertRedirects(response, "/", fetch_redirect_response=False)

    def test_a_same_host_absolute_url_is_allowed(self):
        response = self.callback(next_url="http://testserver/articles/x/")
        self.assertEqual(response["Location"], "http://testserver/articles/x/")

    def test_an_invalid_token_is_a_401_page_saying_why_and_signs_nobody_in(self):
        for token, words in (
            (make_token(new_secret()), "could not be verified"),
            (make_token(self.sso.secret, lifetime=-600), "has expired"),
        ):
            with self.subTest(words):
                response = self.callback(token=token)
                self.assertContains(response, words, status_code=401)
                self.assertNotIn(SESSION_KEY, self.client.session)

    def test_a_site_without_single_sign_on_refuses_tokens(self):
        self.sso.enabled = False
        self.sso.save()
        response = self.callback()
        self.assertContains(response, "does not use single sign-on", status_code=404)
        self.assertNotIn(SESSION_KEY, self.client.session)
        self.assertEqual(self.callback(site="x1").status_code, 404)

    def test_sign_out_forgets_the_identity_and_only_takes_post(self):
        self.callback()
        self.assertEqual(self.client.get("/sso/sign-out/").status_code, 405)
        response = self.client.post("/sso/sign-out/", {"next": NEXT})
        self.assertRedirects(response, NEXT, fetch_redirect_response=False)
        self.assertNotIn(SESSION_KEY, self.client.session)

    def test_sign_out_needs_the_csrf_token(self):
        response = self.csrf_client.post("/sso/sign-out/", {"next": NEXT})
        self.assertEqual(response.status_code, 403)
