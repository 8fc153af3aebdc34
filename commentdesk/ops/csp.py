"""django-csp's middleware, with the policy headers built once rather than on every response.

Building them (csp.utils.build_policy, for the enforced and the report-only policy) took about
a fifth of the CPU of a cached comment list. No view of ours tailors the policy (no nonce, no
@csp_update, @csp_replace or @csp), so every response gets the same headers: they are built
once, and again when a test changes the settings. A request or response that does tailor the
policy, and DEBUG's error pages, take django-csp's own path.
"""

from functools import cache

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

TAILORING = ("_csp_config", "_csp_update", "_csp_replace")


class PrebuiltCSPMiddleware(CSPMiddleware):
    def process_response(self, request, response):
        if _tailored(request, response) or (settings.DEBUG and response.status_code in (404, 500)):
            return super().process_response(request, response)
        for header, exempt, policy, prefixes in _prebuilt_headers():
            if (
                header not in response
                and not getattr(response, exempt, False)
                and not request.path_info.startswith(prefixes)
            ):
                response[header] = policy
        # As django-csp does: a nonce asked for after the header is written is an error.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response


def _tailored(request, response) -> bool:
    if getattr(request, "_csp_nonce", None) is not None:
        return True
    return any(
        getattr(response, name + suffix, None) is not None
        for name in TAILORING
        for suffix in ("", "_ro")
    )


@cache
def _prebuilt_headers():
    """(header, the response's exemption flag, policy, excluded path prefixes) per policy set."""
    headers = []
    for header, exempt, setting, report_only in (
        (HEADER, "_csp_exempt", "CONTENT_SECURITY_POLICY", False),
        (HEADER_REPORT_ONLY, "_csp_exempt_ro", "CONTENT_SECURITY_POLICY_REPORT_ONLY", True),
    ):
        policy = build_policy(report_only=report_only)
        prefixes = tuple((getattr(settings, setting, None) or {}).get("EXCLUDE_URL_PREFIXES") or ())
        if policy:
            headers.append((header, exempt, policy, prefixes))
    return headers


@receiver(setting_changed)
def _forget_prebuilt_headers(setting, **kwargs):
    if setting.startswith("CONTENT_SECURITY_POLICY"):
        _prebuilt_headers.cache_clear()
