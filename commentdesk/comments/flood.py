"""Flood control for posting: rate limits per client address and per email, and duplicates.

The limits are fixed-window counters in Django's cache (Redis in production, so every web
process counts together). Django's cache is enough here: the counter is one atomic incr(),
and we need the seconds left in the window for Retry-After, which we know exactly.

Both ways of posting (the article page and the JSON API) store a valid submission inside
posting(), which runs these checks first.
"""

import hashlib
import hmac
import math
import re
import time
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from commentdesk.comments.models import Comment

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


class PostingTooFast(Exception):
    def __init__(self, retry_after: int):
        super().__init__(retry_after)
        self.retry_after = retry_after


class DuplicateComment(Exception):
    pass


@dataclass(frozen=True)
class Rate:
    count: int
    seconds: int


def parse_rate(value: str) -> Rate | None:
    """'5/m' is five a minute; also /s, /h, /d and a number of them ('20/10m'). Empty: no limit."""
    if not value:
        return None
    match = re.fullmatch(r"\s*(\d+)\s*/\s*(\d*)\s*([smhd])\s*", value)
    if not match:
        raise ImproperlyConfigured(f"A rate looks like 5/m or 100/h, not {value!r}")
    count, multiple, unit = match.groups()
    return Rate(int(count), int(multiple or 1) * PERIODS[unit])


def client_ip(request) -> str:
    """The reader's address: REMOTE_ADDR, or the proxy's header only when the operator says
    a proxy they run sets it (CLIENT_IP_HEADER). With X-Forwarded-For, TRUSTED_PROXY_COUNT
    proxies appended to it, so the address we trust is that many entries from the right."""
    header = settings.CLIENT_IP_HEADER
    if header:
        value = request.META.get("HTTP_" + header.upper().replace("-", "_"), "")
        hops = [hop.strip() for hop in value.split(",") if hop.strip()]
        if len(hops) >= settings.TRUSTED_PROXY_COUNT:
            return hops[-settings.TRUSTED_PROXY_COUNT]
    return request.META.get("REMOTE_ADDR", "")


def hit(scope: str, identity: str, rate: Rate | None, now: float | None = None) -> int:
    """Count one attempt; return 0 when within the rate, else the seconds until it resets."""
    if rate is None:
        return 0
    now = time.time() if now is None else now
    window = int(now // rate.seconds)
    digest = hashlib.sha256(identity.encode()).hexdigest()[:32]  # no raw address in the cache
    key = f"flood:{scope}:{rate.seconds}:{digest}:{window}"
    cache.add(key, 0, timeout=rate.seconds + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=rate.seconds + 1)
        count = 1
    if count <= rate.count:
        return 0
    return max(1, math.ceil((window + 1) * rate.seconds - now))


def check_rates(request, email: str, scope: str = "post") -> None:
    """Raise PostingTooFast when this address or this email has posted too often. Other
    scopes (privacy requests) count apart from posting, at the same rates."""
    waits = [
        hit(f"{scope}-ip", client_ip(request), parse_rate(settings.POST_RATE_PER_IP)),
        hit(f"{scope}-email", email, parse_rate(settings.POST_RATE_PER_EMAIL)),
    ]
    if max(waits):
        raise PostingTooFast(max(waits))


def same_text(text: str) -> str:
    """What two comments must share to count as one: case, width and spacing are ignored."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def check_duplicate(article, email: str, text: str) -> None:
    """Raise DuplicateComment when this email posted the same text on the article lately."""
    window = settings.DUPLICATE_COMMENT_WINDOW
    if window <= 0:
        return
    recent = Comment.objects.filter(
        article=article,
        author_email=email,
        created_at__gte=timezone.now() - timedelta(seconds=window),
    ).values_list("text", flat=True)
    wanted = same_text(text)
    if any(same_text(earlier) == wanted for earlier in recent):
        raise DuplicateComment()


@contextmanager
def posting(request, article, cleaned: dict, *, count_rate: bool = True):
    """Every flood check a valid submission passes, then the storing it wraps (count_rate
    False: the caller counted this post against the rates already).

    The same comment is claimed in the cache for as long as it is being stored: a double
    click sends two requests that would both find nothing stored yet. The claim is given back
    when the block ends, by which time the comment is committed and check_duplicate sees it.
    """
    email, text = cleaned["author_email"], cleaned["text"]
    claim = claim_key(article, email, text)
    if claim and not cache.add(claim, 1, timeout=CLAIM_SECONDS):
        raise DuplicateComment()
    try:
        check_duplicate(article, email, text)
        if count_rate:
            check_rates(request, email)
        yield
    finally:
        if claim:
            cache.delete(claim)


# Longer than any request takes to store a comment, so only a crashed process's claim expires.
CLAIM_SECONDS = 60


def claim_key(article, email: str, text: str) -> str | None:
    if settings.DUPLICATE_COMMENT_WINDOW <= 0:
        return None
    digest = hashlib.sha256(f"{email}\n{same_text(text)}".encode()).hexdigest()[:32]
    return f"posting:{article.pk}:{digest}"


def check_reporting(request) -> None:
    """Raise PostingTooFast when this address sends reports too often: the posting rate per
    address, counted apart, so flags cannot be flooded."""
    wait = hit("report-ip", client_ip(request), parse_rate(settings.POST_RATE_PER_IP))
    if wait:
        raise PostingTooFast(wait)


def reporter_key(kind: str, value: str) -> str:
    """Who reported, as a keyed hash: one report per session (page) or address (API) and
    comment, with no raw session key or address stored."""
    message = f"{kind}:{value}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()
