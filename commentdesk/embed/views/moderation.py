"""The moderators' API: the queue and decisions, for the desk's session (same origin only).

Cross-origin requests never carry our session (the API allows no credentials), and unsafe
methods need Django's CSRF token, checked here so that a failure is JSON like every error.
"""

import math
from functools import wraps

from django.http import JsonResponse
from django.middleware.csrf import CsrfViewMiddleware

from commentdesk.comments.models import Comment
from commentdesk.dashboard.access import is_desk_member
from commentdesk.dashboard.deciding import AlreadyDecided, decide_pending
from commentdesk.embed import payloads
from commentdesk.embed.api import ApiError, json_body, page_number, string_fields, valid_id
from commentdesk.moderation.guidelines import Guideline

PAGE_SIZE = 50
_csrf = CsrfViewMiddleware(lambda request: None)


def desk_member(view):
    """Logged in (401), a moderator or editor (403), and for writes a valid CSRF token (403)."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not request.user.is_authenticated:
            raise ApiError(401, "Log in to the desk first.")
        if not is_desk_member(request.user):
            raise ApiError(403, "Only moderators and editors may do this.")
        if request.method == "POST" and _csrf.process_view(request, None, (), {}) is not None:
            raise ApiError(403, "The CSRF token is missing or wrong; reload the desk.")
        return view(request, *args, **kwargs)

    return guarded


@desk_member
def queue(request):
    """GET /api/v1/moderation/queue/?page=<n>

    Comments awaiting a moderator, oldest first, PAGE_SIZE a page, with their article.
    """
    page = page_number(request)
    pending = Comment.objects.filter(status=Comment.Status.PENDING).select_related("article__site")
    pages = max(1, math.ceil(pending.count() / PAGE_SIZE))
    comments = pending[(page - 1) * PAGE_SIZE : page * PAGE_SIZE] if page <= pages else []
    return JsonResponse(
        {"comments": [_queued(comment) for comment in comments], "page": page, "pages": pages}
    )


def _queued(comment):
    article = comment.article
    return {
        **payloads.comment_payload(comment, article.site),
        "author_email": comment.author_email,
        "article": {"id": article.pk, "title": article.headline, "url": article.canonical_url},
    }


@desk_member
def decide(request, comment_id):
    """POST /api/v1/moderation/comments/<id>/decision/  {"decision": "approve"}
    or {"decision": "reject", "guideline": "<guideline>"}

    Decides a pending comment through the moderation actions, under the desk's row lock.
    404 when there is no such comment, 409 when it was already decided.
    """
    valid_id(comment_id)
    body = string_fields(json_body(request), ("decision", "guideline"))
    guideline = _guideline(body)
    try:
        decision = decide_pending(comment_id, request.user, guideline)
    except AlreadyDecided:
        raise ApiError(409, "This comment was already decided.") from None
    if decision is None:
        raise ApiError(404, "There is no such comment.")
    comment = decision.comment
    return JsonResponse(
        {"comment": {"id": comment.pk, "status": comment.status, "guideline": comment.guideline}}
    )


def _guideline(body) -> str:
    decision, guideline = body.get("decision"), body.get("guideline", "")
    if decision == "approve" and not guideline:
        return ""
    if decision == "reject" and guideline in Guideline.values:
        return guideline
    choices = ", ".join(Guideline.values)
    raise ApiError(400, f'decision must be "approve", or "reject" with a guideline: {choices}.')
