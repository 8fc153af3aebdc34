from django.core.exceptions import ValidationError

from commentdesk.embed.tests.base import EmbedTestCase


class SiteOriginsTestCase(EmbedTestCase):
    def test_origins_are_lower_cased_without_trailing_slash(self):
        self.site.allowed_origins = "https://News.Example.org/\nhttp://127.0.0.1:8001"
        self.assertEqual(self.site.origins(), ["https://news.example.org", "http://127.0.0.1:8001"])

    def test_an_address_with_a_path_or_another_scheme_is_not_an_origin(self):
        for value in ("https://news.example.org/section", "ftp://news.example.org", "news.example.org"):
            with self.subTest(value=value):
                self.site.allowed_origins = value
                with self.assertRaises(ValidationError):
                    self.site.full_clean()
