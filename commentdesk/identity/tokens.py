"""Verifying the publisher's single sign-on token: a JWT signed with HS256 and the site's secret.

The claims follow Coral's SSO token: `user` = {id, email, username} (all required), `exp`
(required here, Coral leaves it optional), `iat` and `jti` (optional). A token lives at most
MAX_LIFETIME from now; LEEWAY forgives small clock differences between the two servers. A
token signs a reader in once: sign_in_once() refuses it afterwards, until it expires.
"""

import hashlib
import time
from dataclasses import asdict, dataclass

import jwt
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from commentdesk.lib.text import clean_single_line

ALGORITHM = "HS256"
LEEWAY = 30
MAX_LIFETIME = 24 * 3600
MAX_NAME = 80  # as the comment form's name
MAX_ACCOUNT_ID = 255

EXPIRED = _("Your sign-in has expired. Please sign in again.")
NOT_VERIFIED = _("Your sign-in could not be verified. Please sign in again.")
USED = _("This sign-in was already used. Please sign in again.")


class InvalidToken(Exception):
    """message is for the reader (translated); detail says, for the publisher, what is wrong."""

    def __init__(self, detail: str, message=NOT_VERIFIED):
        super().__init__(detail)
        self.detail, self.message = detail, message


@dataclass(frozen=True)
class Identity:
    """A reader signed in with the publisher's account: their account id, name and email."""

    account_id: str
    name: str
    email: str

    def as_dict(self) -> dict:
        return asdict(self)


def verify(token: str, secret: str) -> Identity:
    """The identity in a valid token, or InvalidToken saying what is wrong with it."""
    claims = _decode(token, secret)
    if claims["exp"] > time.time() + MAX_LIFETIME + LEEWAY:
        raise InvalidToken(f"The token's exp is more than {MAX_LIFETIME} seconds away.")
    return _identity(claims.get("user"))


def sign_in_once(token: str, secret: str) -> Identity:
    """verify(), and refuse a token that has signed someone in before.

    The token travels in the return address, so it lands in browser histories, proxy logs and
    Referer headers; without this anyone who read it there could sign in as the reader until
    it expires. Spent tokens are remembered in the cache until then: with several web
    processes set REDIS_CACHE_URL so they share it (as for flood control)."""
    identity = verify(token, secret)
    expires_at = jwt.decode(token, options={"verify_signature": False})["exp"]
    key = "sso-token:" + hashlib.sha256(token.encode()).hexdigest()
    if not cache.add(key, True, timeout=max(1, int(expires_at - time.time()) + LEEWAY)):
        raise InvalidToken("The token was already used to sign in: issue a new one for each sign-in.", USED)
    return identity


def _decode(token: str, secret: str) -> dict:
    if not token.isascii():  # PyJWT would fail to encode a lone surrogate from JSON
        raise InvalidToken("A token is ASCII: three base64url parts joined by dots.")
    try:
        # Only HS256: a token that names another algorithm, "none" included, is refused.
        return jwt.decode(
            token, secret, algorithms=[ALGORITHM], leeway=LEEWAY, options={"require": ["exp"]}
        )
    except jwt.ExpiredSignatureError:
        raise InvalidToken("The token has expired (exp).", EXPIRED) from None
    except jwt.MissingRequiredClaimError:
        raise InvalidToken("The token has no exp claim; it must say when it expires.") from None
    except jwt.InvalidAlgorithmError:
        raise InvalidToken(f"The token must be signed with {ALGORITHM}.") from None
    except jwt.InvalidSignatureError:
        raise InvalidToken("The token's signature does not match the site's shared secret.") from None
    except jwt.InvalidTokenError as error:
        raise InvalidToken(f"The token is not a valid JWT: {error}.") from None


def _identity(user) -> Identity:
    if not isinstance(user, dict):
        raise InvalidToken("The token has no user claim: {id, email, username}.")
    account_id, email, name = user.get("id"), user.get("email"), user.get("username")
    if isinstance(account_id, int) and not isinstance(account_id, bool):
        account_id = str(account_id)
    if not isinstance(account_id, str) or not 1 <= len(account_id) <= MAX_ACCOUNT_ID:
        raise InvalidToken(f"user.id must be a string of 1 to {MAX_ACCOUNT_ID} characters.")
    name = clean_single_line(name) if isinstance(name, str) else ""
    if not 1 <= len(name) <= MAX_NAME:
        raise InvalidToken(f"user.username must be a name of 1 to {MAX_NAME} characters.")
    return Identity(account_id=account_id, name=name, email=_email(email))


def _email(email) -> str:
    try:
        if not isinstance(email, str) or len(email) > 254:
            raise ValidationError("not a string")
        validate_email(email)
    except ValidationError:
        raise InvalidToken("user.email must be a valid email address.") from None
    return email.lower()
