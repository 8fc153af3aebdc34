from unittest import mock


from commentdesk.embed.tests.base import EmbedTestCase
from commentdesk.test import PASSWORD


class DecisionTestCase(EmbedTestCase):
    def decide(self, comment_id, body, client=None, **headers):
        return self.post_json(
            f"/api/v1/moderation/comments/{comment_id}/decision/", body, origin=None,
            client=client, **headers
        )

    def test_a_moderator_approves_through_the_moderation_actions(self):
        comment = self.submit()
        self.client.login(username="bob", password=PASSWORD)
        with mock.patch("commentdesk.dashboard.deciding.do_approve_comment",
                        wraps=__import__("commentdesk.moderation.actions").moderation.actions.do_approve_comment) as approve:
            response = self.decide(comment.pk, {"decision": "approve"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["comment"]["status"], "approved")
        approve.assert_called_once()
        self.assertEqual(approve.call_args.kwargs["moderator"], self.bob)

    def test_a_moderator_rejects_citing_a_guideline(self):
        comment = self.submit()
        self.client.login(username="bob", password=PASSWORD)
        response = self.decide(comment.pk, {"decision": "reject", "guideline": "threat"})
        comment.refresh_from_db()
        self.assertEqual((comment.status, comment.guideline), ("rejected", "threat"))
        self.assertEqual(response.json()["comment"]["guideline"], "threat")

    def test_it_refuses_a_bad_decision_a_second_decision_and_no_comment(self):
        comment = self.submit()
        self.client.login(username="bob", password=PASSWORD)
        self.assertEqual(self.decide(comment.pk, {"decision": "reject"}).status_code, 400)
        self.assertEqual(self.decide(comment.pk, {"decision": "approve"}).status_code, 200)
        self.assertEqual(self.decide(comment.pk, {"decision": "approve"}).status_code, 409)
        self.assertEqual(self.decide(comment.pk + 100, {"decision": "approve"}).status_code, 404)

    def test_it_needs_a_csrf_token_with_the_session(self):
        comment = self.submit()
        self.csrf_client.login(username="bob", password=PASSWORD)
        response = self.decide(comment.pk, {"decision": "approve"}, client=self.csrf_client)
        self.assertEqual(response.status_code, 403)
        self.assertIn("CSRF", response.json()["error"])
        self.csrf_client.get("/desk/")  # sets the CSRF cookie
        token = self.csrf_client.cookies["csrftoken"].value
        response = self.decide(comment.pk, {"decision": "approve"}, client=self.csrf_client,
                               **{"X-CSRFToken": token})
        self.assertEqual(response.status_code, 200)

    def test_anonymous_is_401(self):
        self.assertEqual(self.decide(1, {"decision": "approve"}).status_code, 401)
