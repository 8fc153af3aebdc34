"""Times every request for /metrics, labelled by route name and method, never by raw path."""

import time

from django.urls import Resolver404, resolve

from commentdesk.ops.metrics import observe_request

METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}


class OpsMetricsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        method = request.method if request.method in METHODS else "other"
        observe_request(route_name(request), method, response.status_code, time.perf_counter() - started)
        return response


def route_name(request):
    """The URL's name ("embed:comments"), else its pattern; "unmatched" for a path with neither.

    A cached list answered by the embed middleware never reached the resolver: resolve it
    here, which costs microseconds.
    """
    match = getattr(request, "resolver_match", None)
    if match is None:
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return "unmatched"
    return match.view_name if match.url_name else (match.route or "unmatched")
