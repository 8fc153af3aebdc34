import secrets
from urllib.parse import urlencode

from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.crypto import constant_time_compare
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from commentdesk.articles.models import Site
from commentdesk.identity import readers
from commentdesk.identity.models import SingleSignOn
from commentdesk.identity.tokens import NOT_VERIFIED, InvalidToken, sign_in_once


# The sign-in's state lives in this browser only, for as long as a reader may take to log in.
STATE_COOKIE = "commentdesk_sso_state"
STATE_SECONDS = 15 * 60
NO_SSO = "This site does not use single sign-on."


@require_GET
def start(request):
    """GET /sso/start/?site=<id>&next=<path>: the article page's "Sign in to comment".

    Sends the reader to the publisher's login page, whose return address carries a one-time
    state that this browser also holds, in a cookie. The callback signs in only a browser
    holding the state it comes back with, so a sign-in link made with someone else's token
    cannot sign this reader in as that someone (login CSRF)."""
    next_url = _safe_next(request, request.GET.get("next", ""))
    sso = _enabled_sso(request.GET.get("site", ""))
    if sso is None:
        return _failed(request, NOT_VERIFIED, NO_SSO, next_url, status=404)
    state = secrets.token_urlsafe(16)
    query = urlencode({"site": sso.site_id, "next": next_url, "state": state})
    response = redirect(
        sso.sign_in_url(request.build_absolute_uri(f"{reverse('sso_callback')}?{query}"))
    )
    response.set_signed_cookie(
        STATE_COOKIE, state, salt=STATE_COOKIE, max_age=STATE_SECONDS, path=reverse("sso_callback"),
        secure=request.is_secure(), httponly=True, samesite="Lax",
    )
    return response


@require_GET
def callback(request):
    """GET /sso/?token=<JWT>&site=<id>&next=<path>&state=<state>: where the publisher's login
    page sends the reader back, with a token for them. Signs the reader in on the desk's
    pages when the state is the one start() gave this browser, then goes to next when it is
    a path of this desk (else to the home page)."""
    next_url = _safe_next(request, request.GET.get("next", ""))
    sso = _enabled_sso(request.GET.get("site", ""))
    if sso is None:
        return _failed(request, NOT_VERIFIED, NO_SSO, next_url, status=404)
    if not _state_matches(request):
        detail = (
            "The sign-in did not start in this browser, or took over 15 minutes: the state in "
            "the return address is missing or not the one this browser was given."
        )
        return _failed(request, NOT_VERIFIED, detail, next_url, status=403)
    try:
        identity = sign_in_once(request.GET.get("token", ""), sso.secret)
    except InvalidToken as error:
        return _failed(request, error.message, error.detail, next_url, status=401)
    readers.sign_in(request, sso, identity)
    response = redirect(next_url)
    response.delete_cookie(STATE_COOKIE, path=reverse("sso_callback"))
    return response


def _state_matches(request) -> bool:
    expected = request.get_signed_cookie(
        STATE_COOKIE, default=None, salt=STATE_COOKIE, max_age=STATE_SECONDS
    )
    return expected is not None and constant_time_compare(expected, request.GET.get("state", ""))


@require_POST
def sign_out(request):
    """POST /sso/sign-out/ (next=<path>): the desk forgets the reader's sign-in."""
    readers.sign_out(request)
    return redirect(_safe_next(request, request.POST.get("next", "")))


def _safe_next(request, url: str) -> str:
    """url when it stays on this desk; otherwise the home page (no open redirect)."""
    safe = url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return url if safe else "/"


def _enabled_sso(site_id: str) -> SingleSignOn | None:
    if not site_id:
        return SingleSignOn.objects.enabled_for(Site.objects.get_current().pk)
    if not site_id.isascii() or not site_id.isdigit() or len(site_id) > 18:
        return None
    return SingleSignOn.objects.enabled_for(int(site_id))


def _failed(request, message, detail, next_url, status):
    context = {"message": message, "detail": detail, "next_url": next_url}
    return render(request, "identity/sign_in_failed.html", context, status=status)
