"""The embed's tests: the shared base, with the site allowing one publisher's origin."""

import json

from django.core.cache import cache

from commentdesk.embed.tokens import author_token
from commentdesk.test import BaseTestCase

HOST = "https://news.example.org"
STORY_URL = f"{HOST}/2023/11/strikes-near-the-airbase"
OTHER_HOST = "https://evil.example.net"


class EmbedTestCase(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.site.allowed_origins = f"{HOST}\nhttps://amp.news.example.org"
        cls.site.save()
        cls.article.canonical_url = STORY_URL
        cls.article.save()

    def setUp(self):
        super().setUp()
        cache.clear()

    def list_comments(self, url=STORY_URL, origin=HOST, **params):
        headers = {"Origin": origin} if origin else {}
        return self.client.get("/api/v1/comments/", {"url": url, **params}, headers=headers)

    def post_json(self, path, body, origin=HOST, client=None, **headers):
        if origin:
            headers["Origin"] = origin
        return (client or self.client).post(
            path, json.dumps(body), content_type="application/json", headers=headers
        )

    def api_post_comment(self, origin=HOST, **fields):
        body = {
            "url": STORY_URL,
            "title": "Strikes near the airbase",
            "author_name": "Carol",
            "author_email": "carol@example.org",
            "text": "Hello from the publisher's page.",
        }
        body.update(fields)
        return self.post_json("/api/v1/comments/", body, origin=origin)

    def status_of(self, comment_id, token=None):
        token = author_token(comment_id) if token is None else token
        return self.client.get(
            f"/api/v1/comments/{comment_id}/status/", headers={"Authorization": f"Bearer {token}"}
        )
