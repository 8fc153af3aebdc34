"""The moderators' API: the queue and decisions, for the desk's session (same origin only)
or a moderator's personal API token (`Authorization: Bearer`, see models.ApiToken).

Cross-origin requests never carry our session (the API allows no credentials), and unsafe
methods with the session need Django's CSRF token, checked here so that a failure is JSON like
every error. A token request needs none: the browser never adds the token by itself, so a
forged cross-site request cannot carry it.
"""

import math
from functools import wraps

from django.http import JsonResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.utils import timezone

from commentdesk.comments.models import Comment
from commentdesk.dashboard.access import is_desk_member
from commentdesk.dashboard.deciding import AlreadyDecided, decide_pending
from commentdesk.dashboard.forms import QueueFilterForm
from commentdesk.dashboard.views.queue import waiting_for_a_moderator
from commentdesk.embed import api_tokens, payloads
from commentdesk.embed.api import ApiError, json_body, page_number, string_fields, valid_id
from commentdesk.moderation.guidelines import Guideline

PAGE_SIZE = 50
_csrf = CsrfViewMiddleware(lambda request: None)


def desk_member(view):
    """A valid API token or a login (401), a moderator or editor (403), and for writes with the
    session a valid CSRF token (403). The view sees the token's user as request.user."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        request.user = _token_user(request) or _session_user(request)
        if not is_desk_member(request.user):
            raise ApiError(403, "Only moderators and editors may do this.")
        return view(request, *args, **kwargs)

    return guarded


def _token_user(request):
    scheme, _space, secret = request.headers.get("Authorization", "").partition(" ")
    if not scheme:
        return None
    if scheme.lower() != "bearer" or not secret.strip():
        raise ApiError(401, 'Send the API token as "Authorization: Bearer <token>".')
    user = api_tokens.user_for(secret.strip())
    if user is None:
        raise ApiError(401, "This API token is unknown or was revoked.")
    return user


def _session_user(request):
    if not request.user.is_authenticated:
        raise ApiError(401, "Log in to the desk or send an API token first.")
    if request.method == "POST" and _csrf.process_view(request, None, (), {}) is not None:
        raise ApiError(403, "The CSRF token is missing or wrong; reload the desk.")
    return request.user


@desk_member
def queue(request):
    """GET /api/v1/moderation/queue/?page=<n>&show=pending|reported

    show=pending (the default): comments awaiting a moderator, oldest first, PAGE_SIZE a page,
    with their article. show=reported: published comments that at least the site's
    report_threshold readers reported since a moderator last decided them, as the desk's
    "Reported by readers" filter lists them, each with its open reports; a decision on one
    settles them.
    """
    page, show = page_number(request), request.GET.get("show", PENDING)
    if show not in SHOWS:
        raise ApiError(400, f'show must be "{PENDING}" or "{REPORTED}".')
    comments, describe = SHOWS[show]()
    pages = max(1, math.ceil(comments.count() / PAGE_SIZE))
    comments = comments[(page - 1) * PAGE_SIZE : page * PAGE_SIZE] if page <= pages else []
    return JsonResponse(
        {"comments": [describe(comment) for comment in comments], "page": page, "pages": pages}
    )


def _pending():
    pending = Comment.objects.filter(status=Comment.Status.PENDING)
    return pending.select_related("article__site"), _queued


def _reported():
    reported = waiting_for_a_moderator().filter(status=Comment.Status.APPROVED)
    return reported.select_related("article__site"), _queued_with_reports


PENDING, REPORTED = "pending", QueueFilterForm.REPORTED
SHOWS = {PENDING: _pending, REPORTED: _reported}


def _queued(comment):
    article = comment.article
    return {
        **payloads.comment_payload(comment, article.site),
        "author_email": comment.author_email,
        "article": {"id": article.pk, "title": article.headline, "url": article.canonical_url},
    }


def _queued_with_reports(comment):
    """Each open report's reason and note (never who reported it: that is a keyed hash)."""
    reports = comment.open_reports_list
    return {
        **_queued(comment),
        "report_count": len(reports),
        "reports": [
            {
                "reason": report.reason,
                "note": report.note,
                "created_at": timezone.localtime(report.created_at).isoformat(),
            }
            for report in reports
        ],
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
