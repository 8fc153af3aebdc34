"""Reader reports: do_report_comment's rules and the article page's Report form."""

from django.core.cache import cache
from django.test import override_settings

from commentdesk.comments.actions import ReportRefused, do_report_comment
from commentdesk.comments.models import Comment, Report
from commentdesk.comments.signals import comment_reported
from commentdesk.moderation.actions import do_approve_comment, do_reject_comment
from commentdesk.test import BaseTestCase


class ReportTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        cache.clear()
        self.comment = self.submit("A published comment.")
        do_approve_comment(self.comment, moderator=self.bob)

    def report(self, reporter="reader-1", reason="abusive", note="", comment=None):
        return do_report_comment(
            (comment or self.comment).pk, reason=reason, note=note, reporter=reporter
        )

    def test_a_report_is_counted_and_announced_after_commit(self):
        heard = []
        comment_reported.connect(lambda **kw: heard.append(kw), weak=False, dispatch_uid="t")
        self.addCleanup(comment_reported.disconnect, dispatch_uid="t")
        with self.captureOnCommitCallbacks(execute=True):
            self.assertEqual(self.report(), 1)
            self.assertEqual(heard, [])
        self.assertEqual(self.report("reader-2", "spam"), 2)
        self.assertEqual(heard[0]["report_count"], 1)
        self.assertEqual(heard[0]["reason"], "abusive")
        self.assertEqual(heard[0]["comment_id"], self.comment.pk)

    def test_the_comment_stays_published(self):
        for n in range(5):
            self.report(f"reader-{n}")
        self.comment.refresh_from_db()
        self.assertEqual(self.comment.status, Comment.Status.APPROVED)

    def test_one_report_per_reader_and_comment(self):
        self.report()
        with self.assertRaises(ReportRefused) as refused:
            self.report(reason="spam")
        self.assertEqual(refused.exception.status, 409)
        self.assertEqual(Report.objects.count(), 1)

    def test_only_published_comments_can_be_reported(self):
        pending = self.submit("Pending.", email="dara@example.org")
        rejected = self.submit("Rejected.", email="hana@example.org")
        do_reject_comment(rejected, "profanity", moderator=self.bob)
        for comment in (pending, rejected):
            with self.assertRaises(ReportRefused) as refused:
                self.report(comment=comment)
            self.assertEqual(refused.exception.status, 409)

    def test_a_moderators_decision_settles_the_open_reports(self):
        self.report()
        do_approve_comment(self.comment, moderator=self.bob)
        self.assertFalse(Report.objects.filter(resolved_at__isnull=True).exists())
        # A reader who reported before may not report again; a new one may.
        with self.assertRaises(ReportRefused):
            self.report()
        self.assertEqual(self.report("reader-2"), 1)

    def test_the_report_link_opens_the_form_without_javascript(self):
        response = self.client.get(f"{self.article.get_absolute_url()}?report={self.comment.pk}")
        self.assertContains(response, f'action="/comments/{self.comment.pk}/reports/"')
        self.assertContains(response, 'value="offensive"')
        plain = self.client.get(self.article.get_absolute_url())
        self.assertNotContains(plain, 'class="report-form"')
        self.assertContains(plain, f'href="?report={self.comment.pk}#comment-{self.comment.pk}"')

    def page_report(self, **data):
        return self.client.post(f"/comments/{self.comment.pk}/reports/", data)

    def test_reporting_from_the_page_once_per_session(self):
        response = self.page_report(reason="offensive", note="  Insults a reader. ")
        self.assertRedirects(response, f"{self.article.get_absolute_url()}#comment-{self.comment.pk}")
        report = Report.objects.get()
        self.assertEqual((report.reason, report.note), ("offensive", "Insults a reader."))
        self.assertNotIn(self.client.session.session_key, report.reporter)
        again = self.page_report(reason="spam")
        self.assertContains(again, "You have already reported this comment", status_code=409)
        self.assertEqual(Report.objects.count(), 1)

    def test_the_page_asks_for_a_reason(self):
        response = self.page_report(note="No reason given.")
        self.assertContains(response, "Please choose a reason.", status_code=400)
        self.assertFalse(Report.objects.exists())

    @override_settings(POST_RATE_PER_IP="2/m")
    def test_reports_from_one_address_are_rate_limited(self):
        others = [self.submit(f"Comment {n}.", email=f"r{n}@example.org") for n in range(3)]
        for other in others:
            do_approve_comment(other, moderator=self.bob)
        answers = [
            self.client.post(f"/comments/{other.pk}/reports/", {"reason": "spam"}).status_code
            for other in others
        ]
        self.assertEqual(answers, [302, 302, 429])

    def test_undoing_the_decision_reopens_the_reports_it_settled(self):
        from commentdesk.moderation.actions import do_undo_decision

        self.report()
        decision = do_approve_comment(self.comment, moderator=self.bob)
        do_undo_decision(decision, moderator=self.bob)
        self.assertEqual(Report.objects.filter(resolved_at__isnull=True).count(), 1)
