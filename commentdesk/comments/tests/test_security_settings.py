"""Production settings pass `check --deploy`, and every page we serve carries a strict CSP."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

from django.conf import settings

from commentdesk.test import PASSWORD, BaseTestCase

ROOT = Path(settings.BASE_DIR)
PRODUCTION_ENV = {
    "DEBUG": "False",
    "SECRET_KEY": secrets.token_urlsafe(60),
    "ALLOWED_HOSTS": "comments.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://comments.example.org",
    "SECURE_COOKIES": "True",
    "SECURE_SSL_REDIRECT": "True",
    "SECURE_PROXY_SSL": "True",
    "SECURE_HSTS_SECONDS": "31536000",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": "True",
    "SECURE_HSTS_PRELOAD": "True",
    "REDIS_CACHE_URL": "redis://127.0.0.1:6379/1",
    "EMAIL_HOST": "smtp.example.org",
    "COMMENTDESK_URL": "https://comments.example.org",
}


def run_deploy_check(**env):
    clean = {name: value for name, value in os.environ.items() if name in ("PATH", "HOME", "LANG")}
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={**clean, **PRODUCTION_ENV, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_production_environment_passes_check_deploy_without_a_warning():
    result = run_deploy_check()
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_the_default_secret_key_is_flagged():
    result = run_deploy_check(SECRET_KEY="")
    assert result.returncode != 0
    assert "security.W009" in result.stderr


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>")
INLINE_STYLE = re.compile(r"<style\b|\sstyle=|\son[a-z]+=")


class ContentSecurityPolicyTestCase(BaseTestCase):
    def assert_strict_and_no_inline_code(self, response):
        policy = response["Content-Security-Policy"]
        self.assertIn("script-src 'self'", policy)
        self.assertIn("style-src 'self'", policy)
        self.assertIn("frame-ancestors 'none'", policy)
        html = response.content.decode()
        self.assertFalse(INLINE_SCRIPT.search(html), INLINE_SCRIPT.search(html))
        self.assertFalse(INLINE_STYLE.search(html), INLINE_STYLE.search(html))

    def test_the_article_page(self):
        self.submit()
        self.assert_strict_and_no_inline_code(self.client.get(self.article.get_absolute_url()))
        self.assert_strict_and_no_inline_code(self.post_comment(text=""))

    def test_the_workspace(self):
        self.submit()
        self.client.login(username="bob", password=PASSWORD)
        for path in ("/desk/", "/desk/audit/", "/desk/agreement/", "/desk/tokens/"):
            with self.subTest(path=path):
                response = self.client.get(path, follow=True)
                self.assert_strict_and_no_inline_code(response)
        self.client.login(username="alice", password=PASSWORD)
        self.assert_strict_and_no_inline_code(self.client.get("/desk/policy/"))
