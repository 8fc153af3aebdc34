from commentdesk.comments.actions import do_report_comment
from commentdesk.comments.models import Comment
from commentdesk.embed.tests.base import EmbedTestCase
from commentdesk.moderation.actions import do_approve_comment
from commentdesk.moderation.models import Policy
from commentdesk.test import PASSWORD


class ModerationQueueTestCase(EmbedTestCase):
    def test_a_moderator_gets_the_pending_comments(self):
        comment = self.submit(text="Waiting.")
        self.client.login(username="bob", password=PASSWORD)
        response = self.client.get("/api/v1/moderation/queue/")
        self.assertEqual(response.status_code, 200)
        [queued] = response.json()["comments"]
        self.assertEqual((queued["id"], queued["text"]), (comment.pk, "Waiting."))
        self.assertEqual(queued["article"]["id"], self.article.pk)

    def test_it_needs_a_login_and_a_desk_role(self):
        self.assertEqual(self.client.get("/api/v1/moderation/queue/").status_code, 401)
        from django.contrib.auth import get_user_model

        get_user_model().objects.create_user("dave", password=PASSWORD)
        self.client.login(username="dave", password=PASSWORD)
        response = self.client.get("/api/v1/moderation/queue/")
        self.assertEqual(response.status_code, 403)
        self.assertIn("moderators", response.json()["error"])


class ReportedQueueTestCase(EmbedTestCase):
    """show=reported lists what the desk's "Reported by readers" filter lists, with the reports."""

    def setUp(self):
        super().setUp()
        self.client.login(username="bob", password=PASSWORD)
        self.comment = self.submit("A published comment readers dislike.")
        do_approve_comment(self.comment, moderator=self.alice)

    def report(self, count, reason="abusive", note=""):
        for n in range(count):
            do_report_comment(self.comment.pk, reason=reason, note=note, reporter=f"r{n}{reason}")

    def reported(self):
        response = self.client.get("/api/v1/moderation/queue/", {"show": "reported"})
        self.assertEqual(response.status_code, 200)
        return response.json()["comments"]

    def test_a_comment_is_listed_from_the_sites_threshold_with_its_reports(self):
        pending = self.submit("Not judged yet.", email="dara@example.org")
        self.report(2)
        self.assertEqual(self.reported(), [])
        self.report(1, reason="spam", note="Sells pills.")
        [listed] = self.reported()
        self.assertEqual((listed["id"], listed["report_count"]), (self.comment.pk, 3))
        self.assertEqual(
            sorted((r["reason"], r["note"]) for r in listed["reports"]),
            [("abusive", ""), ("abusive", ""), ("spam", "Sells pills.")],
        )
        self.assertNotIn("reporter", listed["reports"][0])
        default = self.client.get("/api/v1/moderation/queue/").json()["comments"]
        self.assertEqual([c["id"] for c in default], [pending.pk])

    def test_the_threshold_is_the_policys(self):
        Policy.objects.update_or_create(site=self.site, defaults={"report_threshold": 1})
        self.report(1)
        self.assertEqual([c["id"] for c in self.reported()], [self.comment.pk])

    def test_a_decision_settles_the_reports_as_on_the_desk(self):
        self.report(3)
        response = self.post_json(
            f"/api/v1/moderation/comments/{self.comment.pk}/decision/",
            {"decision": "approve"}, origin=None,
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.reported(), [])
        self.assertFalse(self.comment.reports.filter(resolved_at__isnull=True).exists())
        self.comment.refresh_from_db()
        self.assertEqual(self.comment.status, Comment.Status.APPROVED)

    def test_rejecting_a_reported_comment_unpublishes_it(self):
        self.report(3)
        self.post_json(
            f"/api/v1/moderation/comments/{self.comment.pk}/decision/",
            {"decision": "reject", "guideline": "personal_attack"}, origin=None,
        )
        self.comment.refresh_from_db()
        self.assertEqual(self.comment.status, Comment.Status.REJECTED)
        self.assertEqual(self.reported(), [])

    def test_an_unknown_show_is_a_clear_error(self):
        response = self.client.get("/api/v1/moderation/queue/", {"show": "everything"})
        self.assertEqual(response.status_code, 400)
        self.assertIn("reported", response.json()["error"])
