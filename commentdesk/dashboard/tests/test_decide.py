from unittest import mock

from commentdesk.comments.models import Comment
from commentdesk.dashboard import deciding
from commentdesk.dashboard.tests.base import DeskTestCase
from commentdesk.moderation.actions import do_approve_comment
from commentdesk.moderation.models import Decision, LabelledExample

JSON = {"HTTP_ACCEPT": "application/json"}


class DecideTestCase(DeskTestCase):
    def setUp(self):
        super().setUp()
        self.client.force_login(self.bob)
        self.comment = self.submit("Is the clinic getting supplies?")

    def assertDecided(self, outcome, guideline=""):
        self.comment.refresh_from_db()
        self.assertEqual((self.comment.status, self.comment.guideline), (outcome, guideline))
        self.assertEqual(self.comment.decided_by, self.bob)
        decision = self.comment.decisions.get()
        self.assertEqual((decision.moderator, decision.machine), (self.bob, ""))
        return decision

    def test_approve_goes_through_the_action_and_records_the_moderator(self):
        response = self.client.post(
            f"/desk/comments/{self.comment.pk}/approve/", {"next": "/desk/?page=2"}
        )
        self.assertRedirects(response, "/desk/?page=2", fetch_redirect_response=False)
        self.assertDecided(Comment.Status.APPROVED)

    def test_decisions_are_made_by_the_moderation_actions(self):
        with (
            mock.patch.object(
                deciding, "do_approve_comment", wraps=deciding.do_approve_comment
            ) as approve,
            mock.patch.object(
                deciding, "do_reject_comment", wraps=deciding.do_reject_comment
            ) as reject,
        ):
            self.client.post(f"/desk/comments/{self.comment.pk}/approve/")
            other = self.submit("Another.")
            self.client.post(f"/desk/comments/{other.pk}/reject/", {"guideline": "threat"})
        self.assertEqual(approve.call_args.kwargs, {"moderator": self.bob})
        self.assertEqual(reject.call_args.args[1:], ("threat",))
        self.assertEqual(reject.call_args.kwargs, {"moderator": self.bob})

    def test_reject_cites_the_chosen_guideline(self):
        self.client.post(f"/desk/comments/{self.comment.pk}/reject/", {"guideline": "threat"})
        self.assertDecided(Comment.Status.REJECTED, "threat")

    def test_reject_without_a_guideline_is_refused(self):
        response = self.client.post(
            f"/desk/comments/{self.comment.pk}/reject/", {"guideline": ""}, **JSON
        )
        self.assertEqual(response.status_code, 400)
        self.comment.refresh_from_db()
        self.assertTrue(self.comment.is_pending)

    def test_the_script_gets_json_with_the_undo_address(self):
        response = self.client.post(
            f"/desk/comments/{self.comment.pk}/reject/", {"guideline": "threat"}, **JSON
        )
        decision = self.assertDecided(Comment.Status.REJECTED, "threat")
        self.assertEqual(response.json()["undo_url"], f"/desk/decisions/{decision.pk}/undo/")
        self.assertEqual(response.json()["comment"], self.comment.pk)

    def test_a_comment_decided_meanwhile_is_not_decided_twice(self):
        do_approve_comment(self.comment, moderator=self.alice)
        response = self.client.post(
            f"/desk/comments/{self.comment.pk}/reject/", {"guideline": "threat"}, **JSON
        )
        self.assertEqual(response.status_code, 409)
        self.assertEqual(self.comment.decisions.count(), 1)
        self.comment.refresh_from_db()
        self.assertEqual(self.comment.status, Comment.Status.APPROVED)

    def test_the_redirect_never_leaves_the_site(self):
        response = self.client.post(
            f"/desk/comments/{self.comment.pk}/approve/", {"next": "https://evil.example/"}
        )
        self.assertRedirects(response, "/desk/", fetch_redirect_response=False)

    def test_a_missing_comment_is_404(self):
        self.assertEqual(self.client.post("/desk/comments/999999/approve/").status_code, 404)

    def test_it_only_allows_post(self):
        self.assertEqual(
            self.client.get(f"/desk/comments/{self.comment.pk}/approve/").status_code, 405
        )

    def test_it_needs_the_csrf_token(self):
        self.csrf_client.force_login(self.bob)
        response = self.csrf_client.post(f"/desk/comments/{self.comment.pk}/approve/")
        self.assertEqual(response.status_code, 403)

    def test_rejecting_what_the_machine_held_under_another_guideline_is_a_labelled_example(self):
        self.judge(self.comment, "review", "threat")
        self.client.post(f"/desk/comments/{self.comment.pk}/reject/", {"guideline": "promotion"})
        example = LabelledExample.objects.get()
        self.assertEqual(
            (example.label, example.machine_guideline, example.moderator),
            ("promotion", "threat", self.bob),
        )

    def test_bulk_approve(self):
        other = self.submit("Another one.")
        response = self.client.post(
            "/desk/comments/bulk/", {"action": "approve", "comment": [self.comment.pk, other.pk]}
        )
        self.assertRedirects(response, "/desk/", fetch_redirect_response=False)
        statuses = set(Comment.objects.values_list("status", flat=True))
        self.assertEqual(statuses, {Comment.Status.APPROVED})
        self.assertEqual(set(Decision.objects.values_list("moderator", flat=True)), {self.bob.pk})

    def test_bulk_reject_needs_a_guideline(self):
        data = {"action": "reject", "comment": [self.comment.pk]}
        self.assertEqual(self.client.post("/desk/comments/bulk/", data, **JSON).status_code, 400)
        self.client.post("/desk/comments/bulk/", {**data, "guideline": "off_topic"})
        self.assertDecided(Comment.Status.REJECTED, "off_topic")

    def test_bulk_skips_what_a_colleague_decided(self):
        other = self.submit("Decided by alice meanwhile.")
        do_approve_comment(other, moderator=self.alice)
        data = {"action": "reject", "guideline": "threat", "comment": [self.comment.pk, other.pk]}
        response = self.client.post("/desk/comments/bulk/", data, **JSON)
        self.assertIn("1 comment decided", response.json()["message"])
        self.assertIn("Skipped 1 that someone else decided first", response.json()["message"])
        other.refresh_from_db()
        self.assertEqual(other.status, Comment.Status.APPROVED)
        self.assertDecided(Comment.Status.REJECTED, "threat")
