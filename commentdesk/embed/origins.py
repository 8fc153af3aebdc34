"""Which web origins may embed which site: the allowed origins an admin sets on each Site.

The article's canonical URL names the site (its origin must be one the site allows), and a
browser's Origin header, when there is one, must be allowed by that same site. Posting needs
an Origin header: that check is the API's CSRF protection, since it uses no cookie.
"""

from urllib.parse import urlsplit

from django.core.cache import cache
from django.utils.translation import gettext as _

from commentdesk.articles.models import Site
from commentdesk.embed.api import ApiError

ORIGINS_KEY = "embed:origins"
ORIGINS_SECONDS = 300
MAX_URL = 500


def allowed_origins() -> dict[str, int]:
    """Every allowed origin mapped to its site's id, cached until a site changes."""
    origins = cache.get(ORIGINS_KEY)
    if origins is None:
        origins = {
            origin: site.pk
            for site in Site.objects.exclude(allowed_origins="").only("pk", "allowed_origins")
            for origin in site.origins()
        }
        cache.set(ORIGINS_KEY, origins, ORIGINS_SECONDS)
    return origins


def forget_origins(**kwargs):
    cache.delete(ORIGINS_KEY)


def cors_allows(sender, request, **kwargs) -> bool:
    """django-cors-headers asks this for each request: the API, from origins sites allow."""
    if not request.path_info.startswith("/api/v1/"):
        return False
    return request.headers.get("Origin", "").lower() in allowed_origins()


def canonical(url: str) -> str:
    """The article address as stored: scheme and host lower-cased, no fragment."""
    if not url or len(url) > MAX_URL or not url.isprintable() or " " in url:
        raise ApiError(400, _("url must be the article's address, up to 500 characters."))
    try:
        parts = urlsplit(url)
    except ValueError:
        raise ApiError(400, _("url is not a valid address.")) from None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ApiError(400, _("url must be an http or https address."))
    netloc = parts.netloc.lower()
    return f"{parts.scheme.lower()}://{netloc}{parts.path or '/'}" + (
        f"?{parts.query}" if parts.query else ""
    )


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def site_for(request, url: str, *, require_origin: bool) -> int:
    """The id of the site the article URL belongs to, refusing origins no site allows."""
    origins = allowed_origins()
    site_id = origins.get(origin_of(url))
    if site_id is None:
        raise ApiError(403, _("Comments are not enabled for pages on %(origin)s.") % {
            "origin": origin_of(url)
        })
    origin = request.headers.get("Origin", "").lower()
    if not origin and require_origin:
        raise ApiError(403, _("This request needs an Origin header from a page the site allows."))
    if origin and origins.get(origin) != site_id:
        raise ApiError(403, _("This site's comments may not be embedded on %(origin)s.") % {
            "origin": origin
        })
    return site_id


def check_origin(request) -> None:
    """Refuse a browser request from a page no site allows (requests without Origin pass)."""
    origin = request.headers.get("Origin", "").lower()
    if origin and origin not in allowed_origins():
        raise ApiError(403, _("Comments may not be embedded on %(origin)s.") % {"origin": origin})
