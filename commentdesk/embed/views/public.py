"""The public API the embed calls from publishers' pages: no cookies, CORS for allowed origins."""

import json

from django.db.models import Count, Q
from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _, override

from commentdesk.articles.models import Article, Site
from commentdesk.comments import flood, listing
from commentdesk.comments.actions import (
    CommentsClosedError,
    ReportRefused,
    do_report_comment,
    do_submit_comment,
)
from commentdesk.comments.forms import HONEYPOT, HONEYPOT_MESSAGE, CommentForm, ReportForm
from commentdesk.comments.models import Comment
from commentdesk.comments.replies import NO_SUCH_COMMENT, ReplyRefused
from commentdesk.comments.views import (
    duplicate_message,
    report_received_message,
    too_fast_message,
)
from commentdesk.embed import caching, origins, payloads, tokens
from commentdesk.embed.api import (
    MAX_ID,
    ApiError,
    json_body,
    page_number,
    sort_order,
    string_fields,
    valid_id,
)
from commentdesk.embed.threads import find_thread, get_or_create_thread
from commentdesk.identity.models import SingleSignOn
from commentdesk.identity.tokens import Identity, InvalidToken, verify

MAX_COUNT_URLS = 100
POST_FIELDS = ("url", "title", "author_name", "author_email", "text", HONEYPOT, "sso_token")


def list_comments(request):
    """GET /api/v1/comments/?url=<canonical URL>&page=<n>&sort=<oldest|newest|replies>

    The article's approved comments, THREADS_PER_PAGE top-level comments a page, each with its
    approved replies, oldest first, under "replies" (one level: see comments/replies.py). The
    top-level comments come oldest first, newest first (sort=newest), or those with the most
    approved replies first (sort=replies, ties oldest first). Page 1 also has "featured": the
    comments the desk features, latest pick first (empty on later pages). With the site's
    notice, guidelines, language and direction, and the embed's words in that language. An
    article not yet commented on has an empty list. Cached until a decision, or featuring,
    changes the list (a decision on a reply changes its article's list too).
    """
    url = origins.canonical(request.GET.get("url", ""))
    site_id = origins.site_for(request, url, require_origin=False)
    page, sort = page_number(request), sort_order(request)
    content = caching.cached_list(
        url, page, sort, lambda: _comment_list_json(site_id, url, page, sort)
    )
    return HttpResponse(content, content_type="application/json")


def _comment_list_json(site_id, url, page, sort) -> bytes:
    article = find_thread(site_id, url)
    site = article.site if article else Site.objects.get(pk=site_id)
    counts = listing.counts(article)
    threads = listing.thread_page(article, sort, page, counts.pages())
    featured = listing.featured(article) if page == 1 else []
    payload = {
        "thread": payloads.thread_payload(article, url, counts.comments),
        "site": payloads.site_payload(site, article),
        "featured": [payloads.comment_payload(comment, site) for comment in featured],
        "comments": [payloads.thread_comment_payload(c, site) for c in threads.threads],
        "page": page,
        "pages": threads.pages,
        "sort": sort,
    }
    return json.dumps(payload, ensure_ascii=False).encode()


def post_comment(request):
    """POST /api/v1/comments/  {url, title, author_name, author_email, text, parent_id, sso_token,
    notify}

    Stores the reader's comment as pending (creating the article from url and title on the
    first comment) and answers 201 with the comment, its status and an author token for
    GET /api/v1/comments/<id>/status/. Needs an Origin header the article's site allows:
    that is the CSRF protection, as no cookie is used. 400 with field errors, as on the
    article page, or when the optional honeypot field `website` is filled in; 409 when
    comments are closed or the same email posted the same text here lately; 429 with
    Retry-After when this address or email posts too fast (see comments/flood.py).
    With parent_id it is a reply, to a published comment of the same article: 400 when there
    is no such comment there, 409 when it is not published.
    With sso_token, a token the publisher signed for a reader signed in on its site (see
    docs/guides/sso.md), the name and email are the token's and author_name and author_email
    are ignored; 401 with login_url for a token that is invalid or expired, or for no token
    on a site that requires sign-on; 400 for a token on a site that does not use it.
    With notify true the commenter is emailed when the comment is decided and when a reply to
    it is published.
    """
    raw = json_body(request)
    body = {**string_fields(raw, POST_FIELDS), "parent_id": _parent_id(raw), "notify": _notify(raw)}
    url = origins.canonical(body.get("url", ""))
    site_id = origins.site_for(request, url, require_origin=True)
    article = find_thread(site_id, url)
    site = article.site if article else Site.objects.get(pk=site_id)
    with override(payloads.embed_language(site, article)):
        return _submit(request, site, article, url, body)


def _parent_id(body) -> int | None:
    value = body.get("parent_id")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_ID:
        raise ApiError(400, "parent_id must be the id of a published comment, or null.")
    return value


def _notify(body) -> bool:
    value = body.get("notify", False)
    if not isinstance(value, bool):
        raise ApiError(400, "notify must be true or false.")
    return value


def _submit(request, site, article, url, body):
    if body["parent_id"] and article is None:  # no comment yet, so none to reply to
        raise ApiError(400, str(NO_SUCH_COMMENT))
    identity = _signed_in(site, body.get("sso_token"))
    form = CommentForm(body, identity=identity)
    if form.caught_by_honeypot():
        raise ApiError(400, str(HONEYPOT_MESSAGE))
    if not form.is_valid():
        raise ApiError(
            400,
            _("Please correct the marked fields; nothing you typed has been lost."),
            fields={name: [str(e) for e in errors] for name, errors in form.errors.items()},
        )
    try:
        new_thread = article is None
        if new_thread:  # Counted before the thread is created, so a flood creates none.
            flood.check_rates(request, form.cleaned_data["author_email"])
            article = get_or_create_thread(site.pk, url, body.get("title", ""))
        account_id = identity.account_id if identity else None
        with flood.posting(request, article, form.cleaned_data, count_rate=not new_thread):
            comment = do_submit_comment(article, **form.cleaned_data, account_id=account_id)
    except flood.PostingTooFast as error:
        raise ApiError(
            429, too_fast_message(error.retry_after), retry_after=error.retry_after
        ) from None
    except flood.DuplicateComment:
        raise ApiError(409, duplicate_message()) from None
    except CommentsClosedError:
        raise ApiError(409, _("Comments on this article are closed.")) from None
    except ReplyRefused as error:
        raise ApiError(error.status, error.message) from None
    payload = {
        "comment": payloads.own_comment_payload(comment, site),
        "token": tokens.author_token(comment.pk),
        "message": _(
            "Thank you. Your comment was received and awaits moderation; "
            "it appears here once approved."
        ),
    }
    return JsonResponse(payload, status=201)


def _signed_in(site, token: str | None) -> Identity | None:
    """The reader's identity from the publisher's token; None for an anonymous comment, which
    a site that requires single sign-on refuses."""
    sso = SingleSignOn.objects.enabled_for(site.pk)
    if token and sso is None:
        raise ApiError(400, "This site does not use single sign-on; post without sso_token.")
    if sso is None:
        return None
    if not token:
        if sso.required:
            raise ApiError(401, _("Sign in to comment"), login_url=sso.login_url)
        return None
    try:
        return verify(token, sso.secret)
    except InvalidToken as error:
        raise ApiError(401, str(error.message), detail=error.detail, login_url=sso.login_url) from None


def comment_status(request, comment_id):
    """GET /api/v1/comments/<id>/status/  with  Authorization: Bearer <author token>

    The comment as its author sees it: pending, approved or rejected, and why. Only the
    token returned when the comment was posted opens it.
    """
    valid_id(comment_id)
    scheme, _space, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or tokens.comment_id_from(token.strip()) != comment_id:
        raise ApiError(403, "Only the comment's author token may read its status.")
    comment = Comment.objects.select_related("article__site").filter(pk=comment_id).first()
    if comment is None:
        raise ApiError(404, "There is no such comment.")
    return JsonResponse({"comment": payloads.own_comment_payload(comment, comment.article.site)})


def report_comment(request, comment_id):
    """POST /api/v1/comments/<id>/reports/  {reason, note}

    A reader reports a published comment: reason is offensive, abusive, spam or other, note
    an optional line for the moderators. 201 with the message to show. One report per address
    and comment (409 for a second, or for a comment that is not published); 404 for no such
    comment; 429 with Retry-After when this address reports too fast. Needs an Origin header
    the comment's site allows (the CSRF protection). Past the site's report threshold the
    comment goes to the desk's queue as reported; it stays published until a moderator decides.
    """
    valid_id(comment_id)
    body = string_fields(json_body(request), ("reason", "note"))
    comment = Comment.objects.select_related("article__site").filter(pk=comment_id).first()
    if comment is None:
        raise ApiError(404, "There is no such comment.")
    origin = request.headers.get("Origin", "").lower()
    if not origin or origins.allowed_origins().get(origin) != comment.article.site_id:
        raise ApiError(403, "This request needs an Origin header from a page the site allows.")
    with override(payloads.embed_language(comment.article.site, comment.article)):
        return _report(request, comment, body)


def _report(request, comment, body):
    form = ReportForm(body)
    if not form.is_valid():
        raise ApiError(
            400,
            _("Please correct the marked fields; nothing you typed has been lost."),
            fields={name: [str(e) for e in errors] for name, errors in form.errors.items()},
        )
    reporter = flood.reporter_key("address", flood.client_ip(request))
    try:
        flood.check_reporting(request)
        do_report_comment(comment.pk, reporter=reporter, **form.cleaned_data)
    except flood.PostingTooFast as error:
        raise ApiError(
            429, too_fast_message(error.retry_after), retry_after=error.retry_after
        ) from None
    except ReportRefused as error:
        raise ApiError(error.status, error.message) from None
    return JsonResponse({"message": report_received_message()}, status=201)


def comment_counts(request):
    """GET /api/v1/counts/?url=<canonical URL>&url=...

    How many approved comments each article has, for lists of articles: one request for a
    whole page, up to 100 URLs. Unknown articles count 0.
    """
    origins.check_origin(request)
    urls = request.GET.getlist("url")
    if not urls or len(urls) > MAX_COUNT_URLS:
        raise ApiError(400, f"Give from 1 to {MAX_COUNT_URLS} url parameters.")
    canonical = {url: origins.canonical(url) for url in urls}
    counted = dict(
        Article.objects.filter(canonical_url__in=set(canonical.values()))
        .values("canonical_url")
        .annotate(n=Count("comments", filter=Q(comments__status=Comment.Status.APPROVED)))
        .values_list("canonical_url", "n")
    )
    return JsonResponse({"counts": {url: counted.get(c, 0) for url, c in canonical.items()}})
