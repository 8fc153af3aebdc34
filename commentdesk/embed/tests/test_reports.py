"""POST /api/v1/comments/<id>/reports/: a reader reports a published comment from the embed."""

from django.test import override_settings

from commentdesk.comments.models import Report
from commentdesk.embed.tests.base import OTHER_HOST, EmbedTestCase
from commentdesk.moderation.actions import do_approve_comment


class ApiReportTestCase(EmbedTestCase):
    def setUp(self):
        super().setUp()
        self.comment = self.submit("A published comment.")
        do_approve_comment(self.comment, moderator=self.bob)

    def api_report(self, comment_id=None, origin=None, **fields):
        body = {"reason": "abusive", **fields}
        path = f"/api/v1/comments/{comment_id or self.comment.pk}/reports/"
        return self.post_json(path, body, **({"origin": origin} if origin is not None else {}))

    def test_it_records_a_report(self):
        response = self.api_report(note="Attacks another reader.")
        self.assertEqual(response.status_code, 201)
        self.assertIn("Thank you for your report", response.json()["message"])
        report = Report.objects.get()
        self.assertEqual((report.comment, report.reason), (self.comment, "abusive"))
        self.assertNotIn("127.0.0.1", report.reporter)

    def test_one_report_per_address_and_comment(self):
        self.api_report()
        response = self.api_report(reason="spam")
        self.assertEqual(response.status_code, 409)
        self.assertEqual(Report.objects.count(), 1)

    def test_it_refuses_bad_fields(self):
        for fields in ({"reason": "boring"}, {"reason": ""}, {"note": "x" * 301}, {"reason": 3}):
            response = self.api_report(**fields)
            self.assertEqual(response.status_code, 400, fields)
        self.assertFalse(Report.objects.exists())

    def test_it_refuses_unknown_and_unpublished_comments(self):
        pending = self.submit("Pending.", email="dara@example.org")
        self.assertEqual(self.api_report(comment_id=10**9).status_code, 404)
        self.assertEqual(self.api_report(comment_id=pending.pk).status_code, 409)

    def test_it_needs_an_origin_the_site_allows(self):
        self.assertEqual(self.api_report(origin=OTHER_HOST).status_code, 403)
        self.assertEqual(self.api_report(origin="").status_code, 403)
        self.assertFalse(Report.objects.exists())

    @override_settings(POST_RATE_PER_IP="1/m")
    def test_reports_are_rate_limited_per_address(self):
        other = self.submit("Another.", email="hana@example.org")
        do_approve_comment(other, moderator=self.bob)
        self.assertEqual(self.api_report().status_code, 201)
        response = self.api_report(comment_id=other.pk)
        self.assertEqual(response.status_code, 429)
        self.assertGreaterEqual(int(response["Retry-After"]), 1)
