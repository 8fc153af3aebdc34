from commentdesk.embed.tests.base import HOST, OTHER_HOST, STORY_URL, EmbedTestCase
from commentdesk.moderation.actions import do_approve_comment


class CountsTestCase(EmbedTestCase):
    def counts(self, *urls, origin=HOST):
        return self.client.get("/api/v1/counts/", {"url": list(urls)}, headers={"Origin": origin})

    def test_it_counts_approved_comments_for_many_articles_at_once(self):
        do_approve_comment(self.submit(), moderator=self.bob)
        self.submit()
        unknown = f"{HOST}/no-comments-yet"
        self.counts(STORY_URL)  # caches the allowed origins
        with self.assertNumQueries(1):
            response = self.counts(STORY_URL, unknown)
        self.assertEqual(response.json(), {"counts": {STORY_URL: 1, unknown: 0}})

    def test_it_needs_one_to_a_hundred_urls(self):
        self.assertEqual(self.counts().status_code, 400)
        self.assertEqual(self.counts(*[f"{HOST}/{n}" for n in range(101)]).status_code, 400)

    def test_it_refuses_an_origin_no_site_allows(self):
        self.assertEqual(self.counts(STORY_URL, origin=OTHER_HOST).status_code, 403)
