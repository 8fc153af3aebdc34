import tempfile

from django.core.management import call_command
from django.test import Client, override_settings

from commentdesk.test import BaseTestCase

PRODUCTION_STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


class StaticFilesTestCase(BaseTestCase):
    @override_settings(DEBUG=True)
    def test_development_serves_static_files_from_the_apps(self):
        r = Client().get("/static/commentdesk/text-size.js")
        self.assertEqual(r.status_code, 200)
        self.assertIn(b"commentdesk:text-scale", b"".join(r.streaming_content))

    def test_production_serves_hashed_collected_files(self):
        with tempfile.TemporaryDirectory() as static_root:
            with override_settings(STATIC_ROOT=static_root, STORAGES=PRODUCTION_STORAGES):
                call_command("collectstatic", interactive=False, verbosity=0)
                client = Client()
                page = client.get(self.article.get_absolute_url()).content.decode()
                href = page.split('rel="stylesheet" href="')[1].split('"')[0]
                self.assertRegex(href, r"^/static/commentdesk/site\.[0-9a-f]{12}\.css$")
                css = client.get(href)
                self.assertEqual(css.status_code, 200)
                self.assertEqual(css["Content-Type"], "text/css; charset=\"utf-8\"")
