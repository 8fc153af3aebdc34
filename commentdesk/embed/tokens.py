"""The author's credential for a comment: a signed token the embed keeps in the host page.

It is not a cookie (the API sets none), so nothing of ours lives in the host page's cookies.
"""

from django.core import signing

SALT = "commentdesk.embed.author"
MAX_AGE = 90 * 24 * 3600


def author_token(comment_id: int) -> str:
    return signing.dumps(comment_id, salt=SALT, compress=False)


def comment_id_from(token: str) -> int | None:
    try:
        value = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) else None
