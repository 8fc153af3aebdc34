from commentdesk.embed.tests.base import HOST, OTHER_HOST, STORY_URL, EmbedTestCase


class CorsTestCase(EmbedTestCase):
    def preflight(self, origin):
        return self.client.options(
            "/api/v1/comments/",
            headers={"Origin": origin, "Access-Control-Request-Method": "POST",
                     "Access-Control-Request-Headers": "content-type"},
        )

    def test_an_allowed_origin_may_post_json_without_credentials(self):
        response = self.preflight(HOST)
        self.assertEqual(response["Access-Control-Allow-Origin"], HOST)
        self.assertIn("content-type", response["Access-Control-Allow-Headers"])
        self.assertNotIn("Access-Control-Allow-Credentials", response)

    def test_another_origin_may_read_its_refusal_but_not_post(self):
        self.assertNotIn("Access-Control-Allow-Origin", self.preflight(OTHER_HOST))
        response = self.list_comments(origin=OTHER_HOST)
        self.assertEqual(response.status_code, 403)
        self.assertEqual(response["Access-Control-Allow-Origin"], "*")

    def test_a_change_to_the_sites_origins_applies_at_once(self):
        self.site.allowed_origins = OTHER_HOST
        self.site.save()
        self.assertEqual(self.preflight(OTHER_HOST)["Access-Control-Allow-Origin"], OTHER_HOST)
        self.assertNotIn("Access-Control-Allow-Origin", self.preflight(HOST))

    def test_pages_outside_the_api_get_no_cors_headers(self):
        response = self.client.get("/", headers={"Origin": HOST})
        self.assertNotIn("Access-Control-Allow-Origin", response)

    def test_unknown_api_paths_and_methods_are_json_errors(self):
        response = self.client.get("/api/v1/nothing/")
        self.assertEqual((response.status_code, response["Content-Type"]), (404, "application/json"))
        response = self.client.delete(f"/api/v1/comments/?url={STORY_URL}")
        self.assertEqual(response.status_code, 405)
        self.assertIn("not allowed", response.json()["error"])
