"""Moderators' personal API tokens: issued and revoked in the desk or the admin, stored only as
a digest, and accepted as `Authorization: Bearer` on the moderation endpoints alone."""

import hashlib
import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from commentdesk.embed.api_tokens import issue_token, revoke_token
from commentdesk.embed.models import ApiToken
from commentdesk.embed.tests.base import EmbedTestCase
from commentdesk.embed.tokens import author_token
from commentdesk.moderation.roles import MODERATORS
from commentdesk.test import PASSWORD

QUEUE = "/api/v1/moderation/queue/"


class ApiTokenTestCase(EmbedTestCase):
    def queue(self, token, client=None):
        return (client or self.client).get(QUEUE, headers={"Authorization": f"Bearer {token}"})

    def decide(self, comment_id, token, decision="approve"):
        return self.post_json(
            f"/api/v1/moderation/comments/{comment_id}/decision/", {"decision": decision},
            origin=None, client=self.csrf_client, Authorization=f"Bearer {token}",
        )

    def test_a_token_reads_the_queue_as_its_user_and_notes_its_use(self):
        comment = self.submit(text="Waiting.")
        token, secret = issue_token(self.bob, "Slack bot")
        self.assertIsNone(token.last_used_at)
        response = self.queue(secret)
        self.assertEqual(response.status_code, 200)
        self.assertEqual([c["id"] for c in response.json()["comments"]], [comment.pk])
        token.refresh_from_db()
        self.assertIsNotNone(token.last_used_at)

    def test_a_token_decides_without_csrf_and_the_decision_is_its_users(self):
        comment = self.submit()
        _token, secret = issue_token(self.bob, "Triage script")
        response = self.decide(comment.pk, secret)
        self.assertEqual(response.status_code, 200)
        decision = comment.decisions.get()
        self.assertEqual(decision.moderator, self.bob)

    def test_only_the_digest_is_stored(self):
        token, secret = issue_token(self.alice, "Export")
        self.assertTrue(secret.startswith("cdm_"))
        self.assertGreaterEqual(len(secret), 40)
        stored = ApiToken.objects.filter(pk=token.pk).values().get()
        self.assertNotIn(secret, [str(value) for value in stored.values()])
        self.assertEqual(stored["digest"], hashlib.sha256(secret.encode()).hexdigest())
        self.assertNotEqual(issue_token(self.alice, "Export")[1], secret)

    def test_a_revoked_an_unknown_or_a_malformed_token_is_refused(self):
        token, secret = issue_token(self.bob, "Old laptop")
        revoke_token(token)
        for credential in (f"Bearer {secret}", "Bearer cdm_guessed", "Bearer", f"Token {secret}"):
            response = self.client.get(QUEUE, headers={"Authorization": credential})
            self.assertEqual(response.status_code, 401, credential)
            self.assertIn("token", response.json()["error"])

    def test_a_token_of_a_user_without_a_desk_role_is_refused(self):
        dave = get_user_model().objects.create_user("dave")
        _token, secret = issue_token(dave, "Curious")
        self.assertEqual(self.queue(secret).status_code, 403)
        comment = self.submit()
        self.assertEqual(self.decide(comment.pk, secret).status_code, 403)
        comment.refresh_from_db()
        self.assertEqual(comment.status, "pending")

    def test_the_role_is_checked_on_every_request(self):
        _token, secret = issue_token(self.bob, "Bot")
        self.assertEqual(self.queue(secret).status_code, 200)
        self.bob.groups.remove(Group.objects.get(name=MODERATORS))
        self.assertEqual(self.queue(secret).status_code, 403)

    def test_a_deactivated_users_token_is_refused(self):
        _token, secret = issue_token(self.bob, "Bot")
        self.bob.is_active = False
        self.bob.save()
        self.assertEqual(self.queue(secret).status_code, 401)

    def test_author_and_moderator_tokens_do_not_stand_in_for_each_other(self):
        comment = self.submit()
        self.assertEqual(self.queue(author_token(comment.pk)).status_code, 401)
        _token, secret = issue_token(self.bob, "Bot")
        self.assertEqual(self.status_of(comment.pk, token=secret).status_code, 403)

    def test_a_bad_token_is_refused_even_with_a_moderators_session(self):
        self.client.login(username="bob", password=PASSWORD)
        self.assertEqual(self.queue("cdm_guessed").status_code, 401)


class DeskTokenPageTestCase(EmbedTestCase):
    def setUp(self):
        super().setUp()
        self.client.force_login(self.bob)

    def test_a_moderator_creates_a_token_and_sees_its_secret_once(self):
        response = self.client.post("/desk/tokens/", {"name": "Slack bot"})
        self.assertEqual(response.status_code, 200)
        secret = re.search(r'class="token-secret">([^<]+)<', response.content.decode())[1]
        self.assertEqual(self.queue_status(secret), 200)
        again = self.client.get("/desk/tokens/")
        self.assertContains(again, "Slack bot")
        self.assertNotContains(again, secret)

    def test_a_moderator_revokes_their_own_token_only(self):
        _token, secret = issue_token(self.bob, "Mine")
        theirs, _secret = issue_token(self.alice, "Alice's")
        self.assertEqual(self.client.post(f"/desk/tokens/{theirs.pk}/revoke/").status_code, 404)
        mine = self.bob.api_tokens.get()
        self.assertRedirects(self.client.post(f"/desk/tokens/{mine.pk}/revoke/"), "/desk/tokens/")
        self.assertEqual(self.queue_status(secret), 401)
        theirs.refresh_from_db()
        self.assertIsNone(theirs.revoked_at)

    def test_a_token_needs_a_name(self):
        response = self.client.post("/desk/tokens/", {"name": ""})
        self.assertNotContains(response, "token-secret")
        self.assertFalse(ApiToken.objects.exists())

    def queue_status(self, secret):
        self.client.logout()  # the token alone must do
        try:
            return self.client.get(QUEUE, headers={"Authorization": f"Bearer {secret}"}).status_code
        finally:
            self.client.force_login(self.bob)


class AdminTokenTestCase(EmbedTestCase):
    def setUp(self):
        super().setUp()
        admin = get_user_model().objects.create_superuser("root", password=PASSWORD)
        self.client.force_login(admin)

    def test_an_admin_issues_a_token_for_a_moderator_and_sees_it_once(self):
        response = self.client.post(
            "/admin/embed/apitoken/add/", {"user": self.bob.pk, "name": "Issued by IT"}
        )
        self.assertEqual(response.status_code, 200)
        secret = re.search(r'class="token-secret">([^<]+)<', response.content.decode())[1]
        token = ApiToken.objects.get()
        self.assertEqual((token.user, token.digest), (self.bob, hashlib.sha256(secret.encode()).hexdigest()))
        self.assertNotContains(self.client.get(f"/admin/embed/apitoken/{token.pk}/change/"), secret)

    def test_an_admin_revokes_tokens(self):
        token, secret = issue_token(self.bob, "Bot")
        self.client.post(
            "/admin/embed/apitoken/", {"action": "revoke", "_selected_action": [token.pk]}
        )
        token.refresh_from_db()
        self.assertIsNotNone(token.revoked_at)
        self.client.logout()
        response = self.client.get(QUEUE, headers={"Authorization": f"Bearer {secret}"})
        self.assertEqual(response.status_code, 401)
