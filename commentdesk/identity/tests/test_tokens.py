import base64
import json

from django.test import SimpleTestCase

from commentdesk.identity.tests.base import READER, make_token
from commentdesk.identity.tokens import EXPIRED, MAX_LIFETIME, NOT_VERIFIED, InvalidToken, verify
from commentdesk.identity.models import new_secret

SECRET = new_secret()


def _b64(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


class VerifyTestCase(SimpleTestCase):
    def refused(self, token, secret=SECRET) -> InvalidToken:
        with self.assertRaises(InvalidToken) as caught:
            verify(token, secret)
        return caught.exception

    def test_a_valid_token_gives_the_readers_account_name_and_lowercased_email(self):
        identity = verify(make_token(SECRET), SECRET)
        self.assertEqual(identity.account_id, "reader-42")
        self.assertEqual(identity.name, "Shilan Karim")
        self.assertEqual(identity.email, "shilan@example.org")

    def test_a_numeric_account_id_and_a_name_with_invisible_characters_are_cleaned(self):
        user = {**READER, "id": 42, "username": "  Shilan\u200b  Karim\n"}
        identity = verify(make_token(SECRET, user=user), SECRET)
        self.assertEqual((identity.account_id, identity.name), ("42", "Shilan Karim"))

    def test_the_secret_is_at_least_32_bytes_and_new_each_time(self):
        self.assertGreaterEqual(len(base64.urlsafe_b64decode(SECRET + "==")), 32)
        self.assertNotEqual(new_secret(), new_secret())

    def test_an_expired_token_says_so(self):
        error = self.refused(make_token(SECRET, lifetime=-120))
        self.assertEqual(error.message, EXPIRED)
        self.assertIn("expired", error.detail)

    def test_a_token_expired_within_the_leeway_still_works(self):
        self.assertEqual(verify(make_token(SECRET, lifetime=-10), SECRET).account_id, "reader-42")

    def test_a_token_signed_with_another_secret_is_refused(self):
        error = self.refused(make_token(new_secret()))
        self.assertEqual(error.message, NOT_VERIFIED)
        self.assertIn("signature", error.detail)

    def test_an_unsigned_token_alg_none_is_refused(self):
        header = _b64({"alg": "none", "typ": "JWT"})
        claims = json.loads(base64.urlsafe_b64decode(make_token(SECRET).split(".")[1] + "=="))
        error = self.refused(f"{header}.{_b64(claims)}.")
        self.assertIn("HS256", error.detail)

    def test_another_algorithm_is_refused_even_with_the_right_secret(self):
        error = self.refused(make_token(SECRET, algorithm="HS512"))
        self.assertIn("HS256", error.detail)

    def test_a_token_without_exp_is_refused(self):
        self.assertIn("exp", self.refused(make_token(SECRET, exp=None)).detail)

    def test_a_token_living_longer_than_the_maximum_is_refused(self):
        error = self.refused(make_token(SECRET, lifetime=MAX_LIFETIME + 3600))
        self.assertIn("exp", error.detail)

    def test_missing_or_wrong_user_claims_are_refused_naming_the_claim(self):
        cases = {
            "user claim": None,
            "user.id": {**READER, "id": ""},
            "user.email": {**READER, "email": "not an address"},
            "user.username": {**READER, "username": " \u200b "},
        }
        for claim, user in cases.items():
            with self.subTest(claim):
                self.assertIn(claim, self.refused(make_token(SECRET, user=user)).detail)

    def test_a_user_without_username_is_refused(self):
        user = {"id": "reader-42", "email": "shilan@example.org"}
        self.assertIn("user.username", self.refused(make_token(SECRET, user=user)).detail)

    def test_garbage_is_refused_with_a_message(self):
        for token in ("", "not-a-jwt", "a.b.c", "ü.ü.ü", "\ud800", make_token(SECRET) + "\ud800"):
            with self.subTest(ascii(token)):  # xdist sends the label as UTF-8: no lone surrogate
                self.assertEqual(self.refused(token).message, NOT_VERIFIED)
