from unittest import mock

from commentdesk.embed.tests.base import HOST, OTHER_HOST, EmbedTestCase


class CachedListMiddlewareTestCase(EmbedTestCase):
    def test_a_cache_hit_skips_the_view_and_gives_the_same_answer(self):
        first = self.list_comments()
        with mock.patch("commentdesk.embed.views.public.caching.cached_list") as view_path:
            second = self.list_comments()
        view_path.assert_not_called()
        self.assertEqual(second.content, first.content)
        self.assertEqual(second["Access-Control-Allow-Origin"], HOST)
        self.assertEqual(second["Content-Length"], str(len(first.content)))
        self.assertIn("Origin", second["Vary"])
        self.assertEqual(second["X-Content-Type-Options"], "nosniff")
        self.assertEqual(second.cookies, {})

    def test_a_refused_origin_still_gets_the_views_refusal(self):
        self.list_comments()
        response = self.list_comments(origin=OTHER_HOST)
        self.assertEqual(response.status_code, 403)

    def test_a_disallowed_host_is_refused(self):
        self.list_comments()
        response = self.client.get("/api/v1/comments/", {"url": "x"}, headers={"Host": "evil.example"})
        self.assertEqual(response.status_code, 400)
