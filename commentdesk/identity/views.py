from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from commentdesk.articles.models import Site
from commentdesk.identity import readers
from commentdesk.identity.models import SingleSignOn
from commentdesk.identity.tokens import NOT_VERIFIED, InvalidToken, verify


@require_GET
def callback(request):
    """GET /sso/?token=<JWT>&site=<id>&next=<path>: where the publisher's login page sends
    the reader back, with a token for them. Signs the reader in on the desk's pages, then
    goes to next when it is a path of this desk (else to the home page)."""
    next_url = _safe_next(request, request.GET.get("next", ""))
    sso = _enabled_sso(request.GET.get("site", ""))
    if sso is None:
        detail = "This site does not use single sign-on."
        return _failed(request, NOT_VERIFIED, detail, next_url, status=404)
    try:
        identity = verify(request.GET.get("token", ""), sso.secret)
    except InvalidToken as error:
        return _failed(request, error.message, error.detail, next_url, status=401)
    readers.sign_in(request, sso, identity)
    return redirect(next_url)


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
