import gzip
import re

from django.test import SimpleTestCase

MAX_GZIPPED = 15 * 1024


class ScriptsTestCase(SimpleTestCase):
    def test_embed_js_is_small_and_requests_nothing_from_third_parties(self):
        response = self.client.get("/embed.js")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response["Content-Type"].startswith("text/javascript"))
        self.assertLessEqual(len(gzip.compress(response.content)), MAX_GZIPPED)
        self.assertEqual(re.findall(rb"https?://|//[a-z]", response.content), [])

    def test_the_scripts_add_no_globals_and_use_no_innerhtml(self):
        for name in ("/embed.js", "/count.js"):
            content = self.client.get(name).content
            self.assertTrue(content.startswith(b"(function () {"))
            self.assertNotIn(b"innerHTML", content)

    def test_an_unchanged_script_is_not_sent_again(self):
        etag = self.client.get("/count.js")["ETag"]
        response = self.client.get("/count.js", headers={"If-None-Match": etag})
        self.assertEqual(response.status_code, 304)
