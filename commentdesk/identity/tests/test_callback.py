"""GET /sso/start/ sends the reader to the publisher's login page; GET /sso/ is where that page
sends the reader back with a token."""

from urllib.parse import parse_qs, urlsplit

from commentdesk.identity.readers import SESSION_KEY
from commentdesk.identity.models import new_secret
from commentdesk.identity.tests.base import LOGIN_URL, enable_sso, make_token
from commentdesk.identity.views import STATE_COOKIE
from commentdesk.test import BaseTestCase

NEXT = "/articles/strikes-near-the-airbase/#post-comment"


class CallbackTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.sso = enable_sso(self.site)

    def start(self, client=None, next_url=NEXT):
        """Follow "Sign in to comment": the return address the publisher's page is given."""
        response = (client or self.client).get("/sso/start/", {"site": self.site.pk, "next": next_url})
        self.assertEqual(response.status_code, 302)
        login = urlsplit(response["Location"])
        self.assertEqual(f"{login.scheme}://{login.netloc}{login.path}", LOGIN_URL)
        return parse_qs(login.query)["return_to"][0]

    def callback(self, token=None, next_url=NEXT, **params):
        """Come back from the publisher's login page as docs/guides/sso.md says: to return_to
        with the token added."""
        token = make_token(self.sso.secret) if token is None else token
        back = parse_qs(urlsplit(self.start(next_url=next_url)).query)
        query = {"token": token, "next": back["next"][0], "site": back["site"][0],
                 "state": back["state"][0], **params}
        return self.client.get("/sso/", query)

    def test_sign_in_starts_with_a_state_only_this_browser_holds(self):
        back = parse_qs(urlsplit(self.start()).query)
        self.assertEqual((back["next"], back["site"]), ([NEXT], [str(self.site.pk)]))
        cookie = self.client.cookies[STATE_COOKIE]
        self.assertTrue(cookie["httponly"])
        self.assertEqual((cookie["samesite"], cookie["path"]), ("Lax", "/sso/"))
        # Signed: a cookie planted from a sibling domain does not pass for the desk's own.
        self.assertTrue(cookie.value.startswith(f"{back['state'][0]}:"))

    def test_a_token_without_the_browsers_state_signs_nobody_in(self):
        # A link made by someone else, with their own valid token: login CSRF.
        token = make_token(self.sso.secret)
        other_browser_state = parse_qs(urlsplit(self.start(client=self.csrf_client)).query)["state"][0]
        for state in ("", "guessed", other_browser_state):
            with self.subTest(state=state):
                query = {"token": token, "next": NEXT, "site": self.site.pk, "state": state}
                response = self.client.get("/sso/", query)
                self.assertContains(response, "could not be verified", status_code=403)
                self.assertNotIn(SESSION_KEY, self.client.session)

    def test_a_token_signs_in_once(self):
        # Read from a browser's history or a proxy's log, it must not sign anyone else in.
        token = make_token(self.sso.secret)
        self.assertEqual(self.callback(token).status_code, 302)
        self.client.post("/sso/sign-out/")
        response = self.callback(token)
        self.assertContains(response, "already used", status_code=401)
        self.assertNotIn(SESSION_KEY, self.client.session)
        self.assertEqual(self.callback().status_code, 302)

    def test_the_state_is_used_up_by_the_sign_in(self):
        self.assertEqual(self.callback().status_code, 302)
        self.assertEqual(self.client.cookies[STATE_COOKIE].value, "")

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
        back = parse_qs(urlsplit(self.start()).query)
        query = {"token": make_token(self.sso.secret), "next": NEXT, "state": back["state"][0]}
        response = self.client.get("/sso/", query)
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
        back = parse_qs(urlsplit(self.start()).query)
        self.sso.enabled = False
        self.sso.save()
        query = {"token": make_token(self.sso.secret), "site": self.site.pk, "state": back["state"][0]}
        response = self.client.get("/sso/", query)
        self.assertContains(response, "does not use single sign-on", status_code=404)
        self.assertNotIn(SESSION_KEY, self.client.session)
        self.assertEqual(self.client.get("/sso/start/", {"site": self.site.pk}).status_code, 404)
        self.assertEqual(self.client.get("/sso/", {"site": "x1"}).status_code, 404)

    def test_sign_out_forgets_the_identity_and_only_takes_post(self):
        self.callback()
        self.assertEqual(self.client.get("/sso/sign-out/").status_code, 405)
        response = self.client.post("/sso/sign-out/", {"next": NEXT})
        self.assertRedirects(response, NEXT, fetch_redirect_response=False)
        self.assertNotIn(SESSION_KEY, self.client.session)

    def test_sign_out_needs_the_csrf_token(self):
        response = self.csrf_client.post("/sso/sign-out/", {"next": NEXT})
        self.assertEqual(response.status_code, 403)
