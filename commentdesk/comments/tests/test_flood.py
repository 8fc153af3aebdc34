"""Flood control on the article page: rate limits, the honeypot and duplicate comments."""

from django.core.cache import cache
from django.test import RequestFactory, override_settings

from commentdesk.comments import flood
from commentdesk.comments.actions import do_submit_comment
from commentdesk.comments.models import Comment
from commentdesk.test import BaseTestCase


class FloodTestCase(BaseTestCase):
    """Turns flood control on (the root conftest turns it off for every other test)."""

    flood = {}

    def setUp(self):
        super().setUp()
        cache.clear()
        # In setUp, not as a class decorator, so that it applies after the conftest fixture.
        self.enterContext(override_settings(**self.flood))

    def post_from(self, address, **fields):
        data = {"author_name": "Carol", "author_email": "carol@example.org", **fields}
        return self.client.post(
            f"/articles/{self.article.slug}/comments/", data, REMOTE_ADDR=address
        )


class RateLimitTestCase(FloodTestCase):
    flood = {"POST_RATE_PER_IP": "2/m", "POST_RATE_PER_EMAIL": ""}

    def test_a_reader_over_the_limit_gets_429_with_the_wait_and_keeps_the_text(self):
        self.post_comment(text="One.")
        self.post_comment(text="Two.")
        r = self.post_comment(text="My third, carefully typed")
        self.assertEqual(r.status_code, 429)
        seconds = int(r["Retry-After"])
        self.assertTrue(1 <= seconds <= 60)
        self.assertContains(r, f"You are posting too fast; try again in {seconds} second", status_code=429)
        self.assertContains(r, "My third, carefully typed</textarea>", status_code=429)
        self.assertEqual(Comment.objects.count(), 2)

    def test_other_addresses_are_not_limited(self):
        for n in range(3):
            self.post_comment(text=f"From the first address {n}.")
        r = self.post_from("203.0.113.9", text="From elsewhere.")
        self.assertEqual(r.status_code, 302)

    def test_invalid_posts_do_not_count(self):
        for _n in range(3):
            self.post_comment(text="")
        self.assertEqual(self.post_comment(text="Now valid.").status_code, 302)

    @override_settings(POST_RATE_PER_IP="", POST_RATE_PER_EMAIL="1/h")
    def test_the_same_email_is_limited_from_any_address(self):
        self.post_from("203.0.113.1", text="First.")
        r = self.post_from("203.0.113.2", text="Second.", author_email="CAROL@example.org")
        self.assertEqual(r.status_code, 429)
        self.assertTrue(60 < int(r["Retry-After"]) <= 3600)


class ClientAddressTestCase(BaseTestCase):
    def request(self, **meta):
        return RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", **meta)

    def test_forwarded_headers_are_ignored_unless_configured(self):
        request = self.request(HTTP_X_FORWARDED_FOR="198.51.100.7")
        self.assertEqual(flood.client_ip(request), "10.0.0.2")

    @override_settings(CLIENT_IP_HEADER="X-Forwarded-For", TRUSTED_PROXY_COUNT=1)
    def test_the_configured_header_is_read_from_the_right(self):
        # A client may send its own X-Forwarded-For; our proxy appends the real address.
        request = self.request(HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.7")
        self.assertEqual(flood.client_ip(request), "198.51.100.7")

    @override_settings(CLIENT_IP_HEADER="X-Forwarded-For", TRUSTED_PROXY_COUNT=2)
    def test_two_proxies(self):
        request = self.request(HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.7, 10.0.0.1")
        self.assertEqual(flood.client_ip(request), "198.51.100.7")


class RateTestCase(BaseTestCase):
    def test_rates_parse(self):
        self.assertEqual(flood.parse_rate("5/m"), flood.Rate(5, 60))
        self.assertEqual(flood.parse_rate("20/10m"), flood.Rate(20, 600))
        self.assertIsNone(flood.parse_rate(""))
        with self.assertRaises(Exception):
            flood.parse_rate("five a minute")

    def test_the_wait_is_the_rest_of_the_window(self):
        cache.clear()
        rate = flood.Rate(1, 60)
        self.assertEqual(flood.hit("t", "x", rate, now=6000.0), 0)
        self.assertEqual(flood.hit("t", "x", rate, now=6015.5), 45)
        self.assertEqual(flood.hit("t", "x", rate, now=6060.0), 0)


class HoneypotTestCase(BaseTestCase):
    def test_people_do_not_see_it(self):
        page = self.client.get(self.article.get_absolute_url())
        self.assertContains(page, '<div class="field" hidden aria-hidden="true">')
        self.assertContains(page, 'tabindex="-1"')

    def test_a_filled_honeypot_is_refused_with_a_clear_message(self):
        r = self.post_comment(text="Buy now", website="https://spam.example")
        self.assertContains(r, "a hidden field that only automated programs fill in", status_code=400)
        self.assertContains(r, "Buy now</textarea>", status_code=400)
        self.assertFalse(Comment.objects.exists())


class DuplicateTestCase(FloodTestCase):
    flood = {"DUPLICATE_COMMENT_WINDOW": 3600}

    def test_the_same_text_twice_is_stored_once(self):
        self.post_comment(text="Great  reporting.")
        r = self.post_comment(text="great reporting.", author_email="Carol@example.org")
        self.assertContains(r, "You have already posted this comment", status_code=409)
        self.assertEqual(Comment.objects.count(), 1)

    def test_another_text_another_article_or_another_email_is_fine(self):
        self.post_comment(text="Great reporting.")
        self.assertEqual(self.post_comment(text="Great reporting, again.").status_code, 302)
        self.assertEqual(self.post_comment(text="Great reporting.", author_email="d@example.org").status_code, 302)
        self.assertEqual(Comment.objects.count(), 3)

    def test_a_double_click_stores_the_comment_once(self):
        """The second request arrives while the first is storing the same comment."""
        cleaned = {"author_name": "Carol", "author_email": "carol@example.org", "text": "Great reporting."}
        first = RequestFactory().post("/", REMOTE_ADDR="192.0.2.1")
        with flood.posting(first, self.article, cleaned):
            second = self.post_comment(text="Great reporting.")
            do_submit_comment(self.article, **cleaned)
        self.assertContains(second, "You have already posted this comment", status_code=409)
        self.assertContains(self.post_comment(text="Great reporting."), "already posted", status_code=409)
        self.assertEqual(Comment.objects.count(), 1)

    def test_a_comment_that_failed_to_store_can_be_sent_again(self):
        self.article.comments_open = False
        self.article.save()
        self.assertContains(self.post_comment(text="Great reporting."), "closed", status_code=409)
        self.article.comments_open = True
        self.article.save()
        self.assertEqual(self.post_comment(text="Great reporting.").status_code, 302)
        self.assertEqual(Comment.objects.count(), 1)
