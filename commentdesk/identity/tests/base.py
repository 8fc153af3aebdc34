"""Tokens as a publisher signs them, and a site with single sign-on turned on."""

import time
import uuid

import jwt

from commentdesk.identity.models import SingleSignOn

LOGIN_URL = "https://news.example.org/login"
READER = {"id": "reader-42", "email": "Shilan@Example.org", "username": "Shilan Karim"}


def make_token(secret, *, user=READER, lifetime=600, algorithm="HS256", **claims):
    """A token for READER, valid for lifetime seconds; claims add to or replace (None drops).
    Each has its own jti, as a publisher's would: a token signs a reader in once."""
    now = int(time.time())
    payload = {"user": user, "iat": now, "exp": now + lifetime, "jti": str(uuid.uuid4()), **claims}
    payload = {name: value for name, value in payload.items() if value is not None}
    return jwt.encode(payload, secret, algorithm=algorithm)


def enable_sso(site, *, required=False) -> SingleSignOn:
    sso, _created = SingleSignOn.objects.update_or_create(
        site=site, defaults={"enabled": True, "required": required, "login_url": LOGIN_URL}
    )
    return sso
