"""The JSON plumbing every API view shares: errors as JSON, one view per method, body parsing."""

import json

from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.vary import vary_on_headers

from commentdesk.comments.listing import Sort, parse_sort

# The largest id PostgreSQL's bigint holds; a larger one in a path cannot name anything.
MAX_ID = 2**63 - 1
MAX_BODY = 64 * 1024


class ApiError(Exception):
    """Raised by a view to answer with a JSON error: {"error": message, ...extra}."""

    def __init__(self, status: int, message: str, **extra):
        super().__init__(message)
        self.status, self.message, self.extra = status, message, extra


def json_error(status: int, message: str, **extra) -> JsonResponse:
    """An error any page may read, so a refused page can say why: errors reveal nothing, and
    a refused origin still gets no CORS preflight, so it cannot post."""
    response = JsonResponse({"error": str(message), **extra}, status=status)
    response["Access-Control-Allow-Origin"] = "*"
    if "retry_after" in extra:  # 429: the same seconds in the body, for pages that cannot
        response["Retry-After"] = str(extra["retry_after"])  # read a cross-origin header
        response["Access-Control-Expose-Headers"] = "Retry-After"
    return response


def endpoint(**views):
    """One URL, one view per HTTP method (GET=..., POST=...); anything else gets a JSON 405.

    Every API view is CSRF-exempt here because none relies on a cookie, except the moderator
    views, which check CSRF themselves (see views/moderation.py).
    """

    @csrf_exempt
    @vary_on_headers("Origin")
    def dispatch(request, *args, **kwargs):
        view = views.get(request.method)
        if view is None:
            response = json_error(405, f"{request.method} is not allowed here.")
            response["Allow"] = ", ".join(views)
            return response
        try:
            return view(request, *args, **kwargs)
        except ApiError as error:
            return json_error(error.status, error.message, **error.extra)

    dispatch.views = views
    return dispatch


def json_body(request) -> dict:
    """The request's JSON object, or an ApiError saying what is wrong with it."""
    if request.content_type != "application/json":
        raise ApiError(415, "Send the body as JSON, with Content-Type: application/json.")
    if len(request.body) > MAX_BODY:
        raise ApiError(413, "The request body is too large.")
    try:
        body = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        raise ApiError(400, "The request body is not valid JSON.") from None
    if not isinstance(body, dict):
        raise ApiError(400, "The request body must be a JSON object.")
    return body


def string_fields(body: dict, names) -> dict:
    """The named fields that are present, refusing any that is not a string."""
    wrong = [name for name in names if name in body and not isinstance(body[name], str)]
    if wrong:
        raise ApiError(400, f"{', '.join(wrong)} must be a string.")
    return {name: body[name] for name in names if name in body}


def page_number(request) -> int:
    raw = request.GET.get("page", "1")
    if not raw.isascii() or not raw.isdigit() or not 1 <= int(raw) <= 100_000:
        raise ApiError(400, "page must be a whole number from 1.")
    return int(raw)


def sort_order(request) -> str:
    sort = parse_sort(request.GET.get("sort", ""))
    if sort is None:
        raise ApiError(400, f"sort must be one of: {', '.join(Sort.values)}.")
    return sort.value


def valid_id(value: int) -> int:
    if not 1 <= value <= MAX_ID:
        raise ApiError(404, "There is no such comment.")
    return value


def not_found(request, *args, **kwargs):
    return json_error(404, "There is no such API endpoint; see /api/v1/openapi.json.")
