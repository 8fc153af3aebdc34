"""The prebuilt Content-Security-Policy middleware answers exactly as django-csp's own would."""

from csp.constants import NONCE
from csp.middleware import CSPMiddleware
from django.http import HttpResponse
from django.test import RequestFactory, SimpleTestCase, override_settings

from commentdesk.ops.csp import PrebuiltCSPMiddleware

POLICY = {"DIRECTIVES": {"default-src": ["'self'"], "img-src": ["'self'", "data:"]}}


def answer(middleware_class, tailor=lambda request, response: None, path="/"):
    def view(request):
        response = HttpResponse("ok")
        tailor(request, response)
        return response

    request = RequestFactory().get(path)
    return middleware_class(view)(request)


class PrebuiltPolicyTestCase(SimpleTestCase):
    def assert_same_headers(self, tailor=lambda request, response: None, path="/"):
        ours, theirs = answer(PrebuiltCSPMiddleware, tailor, path), answer(CSPMiddleware, tailor, path)
        for header in ("Content-Security-Policy", "Content-Security-Policy-Report-Only"):
            self.assertEqual(ours.get(header), theirs.get(header), header)
        return ours

    def test_the_settings_policy(self):
        response = self.assert_same_headers()
        self.assertIn("frame-ancestors 'none'", response["Content-Security-Policy"])

    def test_a_settings_change_is_followed(self):
        with override_settings(CONTENT_SECURITY_POLICY=None, CONTENT_SECURITY_POLICY_REPORT_ONLY=POLICY):
            response = self.assert_same_headers()
            self.assertNotIn("Content-Security-Policy", response)
            self.assertIn("data:", response["Content-Security-Policy-Report-Only"])
        self.assertIn("frame-ancestors", answer(PrebuiltCSPMiddleware)["Content-Security-Policy"])

    def test_a_nonce_or_a_tailored_policy_takes_django_csps_path(self):
        def use_nonce(request, response):
            str(request.csp_nonce)

        def tailor(request, response):
            response._csp_update = {"img-src": ["https://images.example.org"]}

        with override_settings(CONTENT_SECURITY_POLICY={"DIRECTIVES": {"script-src": [NONCE]}}):
            nonced = answer(PrebuiltCSPMiddleware, use_nonce)["Content-Security-Policy"]
        self.assertRegex(nonced, r"script-src 'nonce-[A-Za-z0-9+/=]+'")
        self.assertIn("images.example.org", self.assert_same_headers(tailor)["Content-Security-Policy"])

    def test_a_header_already_set_an_exemption_and_an_excluded_prefix_are_kept(self):
        def preset(request, response):
            response["Content-Security-Policy"] = "default-src 'none'"

        def exempt(request, response):
            response._csp_exempt = True

        self.assertEqual(
            self.assert_same_headers(preset)["Content-Security-Policy"], "default-src 'none'"
        )
        self.assertNotIn("Content-Security-Policy", self.assert_same_headers(exempt))
        excluded = {**POLICY, "EXCLUDE_URL_PREFIXES": ["/legacy/"]}
        with override_settings(CONTENT_SECURITY_POLICY=excluded):
            self.assertNotIn("Content-Security-Policy", self.assert_same_headers(path="/legacy/page"))
            self.assertIn("Content-Security-Policy", self.assert_same_headers(path="/other/"))
