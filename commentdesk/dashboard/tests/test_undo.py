from datetime import timedelta

from django.utils import timezone

from commentdesk.comments.models import Comment
from commentdesk.dashboard.tests.base import DeskTestCase
from commentdesk.moderation.actions import do_approve_comment, do_reject_comment
from commentdesk.moderation.models import LabelledExample

JSON = {"HTTP_ACCEPT": "application/json"}


class UndoTestCase(DeskTestCase):
    def setUp(self):
        super().setUp()
        self.client.force_login(self.bob)
        self.comment = self.submit("Undo me.")

    def undo(self, decision, **extra):
        return self.client.post(f"/desk/decisions/{decision.pk}/undo/", **extra)

    def test_undo_returns_the_comment_to_the_queue(self):
        decision = do_reject_comment(self.comment, "threat", moderator=self.bob)
        response = self.undo(decision, **JSON)
        self.assertEqual(response.json()["status"], Comment.Status.PENDING)
        self.comment.refresh_from_db()
        self.assertTrue(self.comment.is_pending)
        decision.refresh_from_db()
        self.assertIsNotNone(decision.undone_at)
        self.assertIn(
            self.comment.pk, [i.comment.pk for i in self.client.get("/desk/").context["items"]]
        )

    def test_undo_after_the_window_is_refused(self):
        decision = do_approve_comment(self.comment, moderator=self.bob)
        decision.created_at = timezone.now() - timedelta(seconds=31)
        decision.save()
        response = self.undo(decision, **JSON)
        self.assertEqual(response.status_code, 409)
        self.assertIn("undo window has passed", response.json()["error"])
        self.comment.refresh_from_db()
        self.assertEqual(self.comment.status, Comment.Status.APPROVED)

    def test_only_my_own_decision_can_be_undone(self):
        decision = do_approve_comment(self.comment, moderator=self.alice)
        self.assertEqual(self.undo(decision, **JSON).status_code, 409)
        self.comment.refresh_from_db()
        self.assertEqual(self.comment.status, Comment.Status.APPROVED)

    def test_without_the_script_it_redirects_with_a_message(self):
        decision = do_approve_comment(self.comment, moderator=self.bob)
        response = self.undo(decision, data={"next": "/desk/"}, follow=True)
        self.assertContains(response, f"Decision on comment {self.comment.pk} undone.")

    def test_undoing_an_overturn_restores_the_machine_decision_and_drops_the_example(self):
        self.machine_approve(self.comment)
        overturn = do_reject_comment(self.comment, "threat", moderator=self.bob)
        self.assertEqual(LabelledExample.objects.count(), 1)
        self.undo(overturn)
        self.comment.refresh_from_db()
        self.assertEqual(
            (self.comment.status, self.comment.decided_by), (Comment.Status.APPROVED, None)
        )
        self.assertEqual(LabelledExample.objects.count(), 0)

    def test_a_missing_decision_is_404(self):
        self.assertEqual(self.client.post("/desk/decisions/999999/undo/").status_code, 404)

    def test_it_only_allows_post(self):
        decision = do_approve_comment(self.comment, moderator=self.bob)
        self.assertEqual(self.client.get(f"/desk/decisions/{decision.pk}/undo/").status_code, 405)
