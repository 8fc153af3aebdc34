"""A commenter's own data: the signed links that confirm a request, and the export.

A request names an email address; the link that carries it out is mailed to that address,
so only whoever reads that mailbox can export or erase its comments. Links are signed with
SECRET_KEY (TimestampSigner) and expire after PRIVACY_LINK_HOURS.
"""

from django.conf import settings
from django.core import signing
from django.utils import timezone

from commentdesk.comments.models import Comment

SALT = "commentdesk.comments.privacy"
EXPORT, ERASE = "export", "erase"
ACTIONS = (EXPORT, ERASE)


class InvalidLink(Exception):
    pass


def make_token(email: str, action: str) -> str:
    return signing.TimestampSigner(salt=SALT).sign_object({"email": email, "action": action})


def read_token(token: str, action: str) -> str:
    """The email address the token was made for, or InvalidLink if it is forged, for another
    action or expired."""
    try:
        value = signing.TimestampSigner(salt=SALT).unsign_object(
            token, max_age=settings.PRIVACY_LINK_HOURS * 3600
        )
    except signing.BadSignature:  # SignatureExpired is a BadSignature
        raise InvalidLink() from None
    if not isinstance(value, dict) or value.get("action") != action or not value.get("email"):
        raise InvalidLink()
    return value["email"]


def commenter_comments(email: str):
    return Comment.objects.filter(author_email=email.lower())


def export(email: str) -> dict:
    """Every comment posted with this address, with each decision on it, as JSON-ready data."""
    comments = commenter_comments(email).select_related("article", "subscription")
    comments = comments.prefetch_related("decisions")
    return {
        "email": email.lower(),
        "exported_at": timezone.now().isoformat(),
        "comments": [_comment(comment) for comment in comments],
    }


def _comment(comment) -> dict:
    return {
        "id": comment.pk,
        "article": comment.article.headline,
        "article_url": comment.article.canonical_url or comment.article.get_absolute_url(),
        "author_name": comment.author_name,
        "author_email": comment.author_email,
        "text": comment.text,
        "created_at": comment.created_at.isoformat(),
        "status": comment.status,
        "guideline": comment.guideline,
        "decisions": [
            {
                "outcome": decision.outcome,
                "guideline": decision.guideline,
                "decided_by": "machine" if decision.machine else "moderator",
                "decided_at": decision.created_at.isoformat(),
                "undone_at": decision.undone_at.isoformat() if decision.undone_at else None,
            }
            for decision in comment.decisions.all()
        ],
        "email_subscription": _subscription(comment),
    }


def _subscription(comment) -> dict | None:
    """The emails asked for when posting (commentdesk/notifications), or None."""
    subscription = getattr(comment, "subscription", None)
    if subscription is None:
        return None
    unsubscribed = subscription.unsubscribed_at
    return {
        "created_at": subscription.created_at.isoformat(),
        "unsubscribed_at": unsubscribed.isoformat() if unsubscribed else None,
    }
