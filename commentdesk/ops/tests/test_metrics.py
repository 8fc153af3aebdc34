import datetime

from django.test import override_settings
from django.utils import timezone

from commentdesk.moderation.actions import do_approve_comment, do_reject_comment
from commentdesk.moderation.models import ModerationJob
from commentdesk.test import BaseTestCase, make_article


def sample(text, line_start, default=None):
    """The value on the exposition line that starts with line_start."""
    for line in text.splitlines():
        if line.startswith(line_start + " "):
            return float(line.rsplit(" ", 1)[1])
    if default is not None:
        return default
    raise AssertionError(f"no line starts with {line_start!r}")


class MetricsTestCase(BaseTestCase):
    def scrape(self, **extra):
        return self.client.get("/metrics", **extra)

    def test_it_reports_the_queue(self):
        self.submit("One waiting.")
        older = self.submit("Another waiting.")
        ModerationJob.objects.filter(comment=older).update(
            created_at=timezone.now() - datetime.timedelta(minutes=5)
        )
        response = self.scrape()
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response["Content-Type"].startswith("text/plain"))
        text = response.content.decode()
        self.assertEqual(sample(text, "commentdesk_comments_pending"), 2)
        self.assertEqual(sample(text, "commentdesk_moderation_jobs_waiting"), 2)
        self.assertGreaterEqual(sample(text, "commentdesk_moderation_oldest_waiting_job_age_seconds"), 300)
        self.assertGreaterEqual(sample(text, "commentdesk_comments_oldest_pending_age_seconds"), 0)
        self.assertEqual(sample(text, "commentdesk_metrics_database_up"), 1)

    def test_it_reports_nothing_waiting_as_zero(self):
        text = self.scrape().content.decode()
        self.assertEqual(sample(text, "commentdesk_comments_pending"), 0)
        self.assertEqual(sample(text, "commentdesk_comments_oldest_pending_age_seconds"), 0)

    def test_it_counts_decisions_by_outcome_guideline_and_decider(self):
        do_approve_comment(self.submit("Fine."), moderator=self.bob)
        do_approve_comment(self.submit("Also fine."), machine="test-model")
        do_reject_comment(self.submit("Rude."), "personal_attack", machine="test-model")
        do_reject_comment(self.submit("Ruder."), "personal_attack", machine="test-model")
        text = self.scrape().content.decode()
        decisions = "commentdesk_decisions_total"
        self.assertEqual(sample(text, decisions + '{decider="moderator",guideline="none",outcome="approved"}'), 1)
        self.assertEqual(sample(text, decisions + '{decider="machine",guideline="none",outcome="approved"}'), 1)
        self.assertEqual(
            sample(text, decisions + '{decider="machine",guideline="personal_attack",outcome="rejected"}'), 2
        )

    def test_it_times_requests_by_route_name(self):
        self.client.get("/healthz")
        self.client.get("/no/such/page/")
        text = self.scrape().content.decode()
        latency = "commentdesk_http_request_duration_seconds_count"
        self.assertGreaterEqual(sample(text, latency + '{method="GET",route="ops:healthz"}'), 1)
        self.assertGreaterEqual(sample(text, latency + '{method="GET",route="unmatched"}'), 1)
        self.assertNotIn("/no/such/page", text)
        responses = 'commentdesk_http_responses_total{method="GET",route="ops:healthz",status="2xx"}'
        self.assertGreaterEqual(sample(text, responses), 1)

    def test_a_cached_list_counts_under_its_route_name(self):
        self.site.allowed_origins = "https://news.example.org"
        self.site.save()
        make_article("cached", canonical_url="https://news.example.org/cached")
        count = 'commentdesk_http_request_duration_seconds_count{method="GET",route="embed:comments"}'
        before = sample(self.scrape().content.decode(), count, default=0)  # latency is per process
        for _ in range(3):  # a miss, then hits answered by the embed middleware
            listing = self.client.get("/api/v1/comments/", {"url": "https://news.example.org/cached"})
            self.assertEqual(listing.status_code, 200)
        self.assertEqual(sample(self.scrape().content.decode(), count) - before, 3)

    def test_it_refuses_a_public_address(self):
        self.assertEqual(self.scrape(REMOTE_ADDR="93.184.216.34").status_code, 403)

    def test_it_refuses_a_request_relayed_by_a_proxy(self):
        self.assertEqual(self.scrape(HTTP_X_FORWARDED_FOR="93.184.216.34").status_code, 403)

    @override_settings(METRICS_TOKEN="s3cret-token")
    def test_it_wants_the_token_when_one_is_set(self):
        self.assertEqual(self.scrape().status_code, 403)
        self.assertEqual(self.scrape(HTTP_AUTHORIZATION="Bearer wrong").status_code, 403)
        self.assertEqual(self.scrape(HTTP_AUTHORIZATION="s3cret-token").status_code, 403)
        authorized = self.scrape(REMOTE_ADDR="93.184.216.34", HTTP_AUTHORIZATION="Bearer s3cret-token")
        self.assertEqual(authorized.status_code, 200)

    def test_it_is_never_cached(self):
        self.assertIn("no-store", self.scrape()["Cache-Control"])
