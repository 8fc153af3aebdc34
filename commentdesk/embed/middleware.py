"""A fast path for the busiest request: a cached page of an article's approved comments.

It sits after the security and CORS middleware (their headers still apply) and answers a
cache hit without the session, locale, CSRF, auth and messages middleware or URL resolving,
none of which a public, cookie-free list needs. Anything else, a miss included, takes the
normal path through the view, which gives the same answer.
"""

from django.http import HttpResponse
from django.utils.cache import patch_vary_headers

from commentdesk.embed import caching, origins
from commentdesk.embed.api import ApiError, page_number, sort_order

LIST_PATH = "/api/v1/comments/"


class CachedListMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "GET" and request.path_info == LIST_PATH:
            response = cached_list_response(request)
            if response is not None:
                return response
        return self.get_response(request)


def cached_list_response(request):
    request.get_host()  # Refuses a host not in ALLOWED_HOSTS, as CommonMiddleware would.
    try:
        url = origins.canonical(request.GET.get("url", ""))
        origins.site_for(request, url, require_origin=False)
        content = caching.cached_only(url, page_number(request), sort_order(request))
    except ApiError:
        return None
    if content is None:
        return None
    response = HttpResponse(content, content_type="application/json")
    response["Content-Length"] = str(len(content))
    patch_vary_headers(response, ["Origin"])
    return response
