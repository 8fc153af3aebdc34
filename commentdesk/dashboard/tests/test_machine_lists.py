from commentdesk.comments.models import Comment
from commentdesk.dashboard.tests.base import DeskTestCase
from commentdesk.moderation.actions import do_approve_comment
from commentdesk.moderation.models import LabelledExample

JSON = {"HTTP_ACCEPT": "application/json"}


class MachineListsTestCase(DeskTestCase):
    def setUp(self):
        super().setUp()
        self.client.force_login(self.bob)

    def listed(self, path):
        response = self.client.get(path)
        self.assertEqual(response.status_code, 200)
        return [decision.comment_id for decision, _standing in response.context["rows"]]

    def test_auto_approved_newest_first(self):
        older, newer = self.submit("Older."), self.submit("Newer.")
        self.machine_approve(older)
        self.machine_approve(newer)
        held = self.submit("Held.")
        self.judge(held, "review", "threat")
        do_approve_comment(held, moderator=self.bob)
        self.assertEqual(self.listed("/desk/machine/approved/"), [newer.pk, older.pk])
        self.assertEqual(self.listed("/desk/machine/rejected/"), [])

    def test_auto_rejected_lists_only_rejections(self):
        rejected = self.submit("Rejected.")
        self.machine_reject(rejected, "vulgarity")
        self.machine_approve(self.submit("Approved."))
        self.assertEqual(self.listed("/desk/machine/rejected/"), [rejected.pk])
        self.assertContains(self.client.get("/desk/machine/rejected/"), "Vulgarity")

    def test_overturn_an_approval_records_a_labelled_example(self):
        comment = self.submit("Approved by mistake.")
        self.machine_approve(comment)
        response = self.client.post(
            f"/desk/comments/{comment.pk}/overturn/",
            {"outcome": "reject", "guideline": "threat"},
            **JSON,
        )
        self.assertEqual(response.status_code, 200)
        comment.refresh_from_db()
        self.assertEqual(
            (comment.status, comment.guideline, comment.decided_by),
            ("rejected", "threat", self.bob),
        )
        example = LabelledExample.objects.get()
        self.assertEqual(
            (example.label, example.machine_verdict, example.moderator),
            ("threat", "approve", self.bob),
        )

    def test_overturn_a_rejection(self):
        comment = self.submit("Rejected by mistake.")
        self.machine_reject(comment, "profanity")
        self.client.post(f"/desk/comments/{comment.pk}/overturn/", {"outcome": "approve"})
        comment.refresh_from_db()
        self.assertEqual(comment.status, Comment.Status.APPROVED)
        self.assertEqual(LabelledExample.objects.get().label, "ok")

    def test_an_overturned_comment_is_shown_as_such_and_cannot_be_overturned_again(self):
        comment = self.submit()
        self.machine_approve(comment)
        self.client.post(
            f"/desk/comments/{comment.pk}/overturn/", {"outcome": "reject", "guideline": "threat"}
        )
        response = self.client.get("/desk/machine/approved/")
        self.assertEqual(response.context["rows"][0][1], False)
        self.assertContains(response, "Now Rejected, by bob.")
        again = self.client.post(
            f"/desk/comments/{comment.pk}/overturn/", {"outcome": "approve"}, **JSON
        )
        self.assertEqual(again.status_code, 409)

    def test_rejecting_needs_a_guideline(self):
        comment = self.submit()
        self.machine_approve(comment)
        response = self.client.post(
            f"/desk/comments/{comment.pk}/overturn/", {"outcome": "reject"}, **JSON
        )
        self.assertEqual(response.status_code, 400)
        comment.refresh_from_db()
        self.assertEqual(comment.status, Comment.Status.APPROVED)

    def test_a_pending_comment_is_not_overturned(self):
        comment = self.submit()
        response = self.client.post(
            f"/desk/comments/{comment.pk}/overturn/", {"outcome": "approve"}, **JSON
        )
        self.assertEqual(response.status_code, 409)
        comment.refresh_from_db()
        self.assertTrue(comment.is_pending)

    def test_overturn_is_refused_to_a_user_without_a_role(self):
        comment = self.submit()
        self.machine_approve(comment)
        self.client.force_login(self.carol)
        response = self.client.post(
            f"/desk/comments/{comment.pk}/overturn/", {"outcome": "reject", "guideline": "threat"}
        )
        self.assertEqual(response.status_code, 403)
        comment.refresh_from_db()
        self.assertEqual(comment.status, Comment.Status.APPROVED)
