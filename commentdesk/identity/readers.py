"""The reader's single sign-on identity on the desk's own pages, kept in their session."""

from urllib.parse import urlencode

from django.urls import reverse

from commentdesk.identity.models import SingleSignOn
from commentdesk.identity.tokens import Identity

SESSION_KEY = "commentdesk.identity"


def sign_in(request, sso: SingleSignOn, identity: Identity) -> None:
    # A new session key on sign-in, so a key planted before it cannot ride on the identity.
    request.session.cycle_key()
    request.session[SESSION_KEY] = {"site_id": sso.site_id, **identity.as_dict()}


def sign_out(request) -> None:
    request.session.pop(SESSION_KEY, None)


def signed_in(request, sso: SingleSignOn | None) -> Identity | None:
    """The identity the reader signed in with on this site, while the site uses sign-on."""
    stored = request.session.get(SESSION_KEY)
    if sso is None or not stored or stored.get("site_id") != sso.site_id:
        return None
    return Identity(account_id=stored["account_id"], name=stored["name"], email=stored["email"])


def site_sign_on(request, site_id: int) -> SingleSignOn | None:
    """The site's sign-on settings, read once a request: the form and the page both ask."""
    memo = request.__dict__.setdefault("_commentdesk_sign_on", {})
    if site_id not in memo:
        memo[site_id] = SingleSignOn.objects.enabled_for(site_id)
    return memo[site_id]


def signed_in_identity(request, article) -> Identity | None:
    return signed_in(request, site_sign_on(request, article.site_id))


def sign_in_context(request, article) -> dict:
    """What the comment form needs: the identity, or the link to sign in with (if any)."""
    sso = site_sign_on(request, article.site_id)
    identity = signed_in(request, sso)
    if sso is None or identity is not None:
        return {"identity": identity, "sign_in_url": "", "sign_in_required": False}
    query = urlencode({"site": sso.site_id, "next": f"{article.get_absolute_url()}#post-comment"})
    return {
        "identity": None,
        "sign_in_url": f"{reverse('sso_start')}?{query}",
        "sign_in_required": sso.required,
    }
