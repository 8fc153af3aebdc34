"""The Commentdesk-Signature header: "t=<unix time>,v1=<hex HMAC-SHA256 of "<t>.<body>">",
keyed with the endpoint's secret (the scheme Stripe uses). The timestamp is signed with the
body, so a receiver that refuses old timestamps refuses a replayed request."""

import hashlib
import hmac
import time

HEADER = "Commentdesk-Signature"
TOLERANCE_SECONDS = 300


def signature(secret: str, body: bytes, timestamp: int) -> str:
    message = str(timestamp).encode() + b"." + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def sign(secret: str, body: bytes, timestamp: int | None = None) -> str:
    timestamp = int(time.time()) if timestamp is None else timestamp
    return f"t={timestamp},v1={signature(secret, body, timestamp)}"


def verify(secret: str, header: str, body: bytes, *, tolerance=TOLERANCE_SECONDS, now=None) -> bool:
    """What a receiver does (docs/webhooks.md shows it without Django)."""
    try:
        parts = dict(item.split("=", 1) for item in header.split(","))
        timestamp = int(parts["t"])
    except (KeyError, ValueError):
        return False
    now = time.time() if now is None else now
    if abs(now - timestamp) > tolerance:
        return False
    return hmac.compare_digest(signature(secret, body, timestamp), parts.get("v1", ""))
