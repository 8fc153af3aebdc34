"""Single sign-on settings in the Django admin: the secret is generated, shown and rotated."""

from django.contrib.auth import get_user_model

from commentdesk.identity.models import SingleSignOn
from commentdesk.identity.tests.base import LOGIN_URL, enable_sso
from commentdesk.test import BaseTestCase

ADMIN = "/admin/identity/singlesignon/"


class AdminTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        admin = get_user_model().objects.create_superuser("root", password="a long admin passphrase")
        self.client.force_login(admin)

    def add(self, **fields):
        data = {"site": self.site.pk, "login_url": LOGIN_URL, "enabled": "on", **fields}
        return self.client.post(f"{ADMIN}add/", {k: v for k, v in data.items() if v is not None})

    def test_adding_generates_a_secret_that_the_change_page_shows(self):
        self.assertEqual(self.add(required="on").status_code, 302)
        sso = SingleSignOn.objects.get()
        self.assertTrue(sso.enabled and sso.required)
        self.assertGreaterEqual(len(sso.secret), 43)
        self.assertContains(self.client.get(f"{ADMIN}{sso.pk}/change/"), sso.secret)

    def test_the_secret_cannot_be_typed_in(self):
        self.add(secret="short")
        self.assertNotEqual(SingleSignOn.objects.get().secret, "short")

    def test_requiring_sign_on_needs_it_enabled_and_enabling_it_needs_a_login_url(self):
        response = self.add(enabled=None, required="on")
        self.assertContains(response, "Enable single sign-on before requiring it.")
        response = self.add(login_url="")
        self.assertContains(response, "Readers need a login URL to sign in.")
        self.assertFalse(SingleSignOn.objects.exists())

    def test_the_rotate_action_replaces_the_secret(self):
        sso = enable_sso(self.site)
        old = sso.secret
        response = self.client.post(
            ADMIN, {"action": "rotate_secret", "_selected_action": [sso.pk]}, follow=True
        )
        self.assertContains(response, "tokens signed with the old one are now refused")
        sso.refresh_from_db()
        self.assertNotEqual(sso.secret, old)
