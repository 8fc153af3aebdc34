"""The emails a subscribed commenter gets, each at most once (see SentEmail), in the article's
language, with a one-click unsubscribe link.

They never quote a comment or name its author unless a moderator or the machine published it:
anyone may type any address when posting, so an email must carry nothing an unmoderated
stranger wrote to whoever owns that address.
"""

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _, override

from commentdesk.comments.models import Comment
from commentdesk.embed.payloads import embed_language
from commentdesk.notifications.models import SentEmail, Subscription

UNSUBSCRIBE_SALT = "commentdesk.notifications.unsubscribe"
DECIDED = (Comment.Status.APPROVED, Comment.Status.REJECTED)


def send_decision_email(comment_id: int) -> bool:
    """Tell the subscriber their comment was published or not; True when an email went out.

    The comment is read again: a decision undone meanwhile sends nothing, and each outcome is
    emailed once per comment, whatever undoing and deciding again happens afterwards."""
    comment = _comments().filter(pk=comment_id, status__in=DECIDED).first()
    subscription = _active_subscription(comment_id) if comment else None
    if subscription is None:
        return False
    article = comment.article
    with override(embed_language(article.site, article)):
        if comment.status == Comment.Status.APPROVED:
            subject = _("Your comment on “%(headline)s” was published")
            lines = [comment_url(comment)]
        else:
            subject = _("Your comment on “%(headline)s” was not published")
            lines = [
                _("Not published: it did not meet our guidelines (%(guideline)s).")
                % {"guideline": comment.get_guideline_display()}
            ]
        subject = subject % {"headline": article.headline}
        return _send_once(subscription, comment.status, subject, lines)


def send_reply_email(reply_id: int) -> bool:
    """Tell the subscriber that a reply to their comment was published (never their own reply,
    made with the same address); True when an email went out."""
    reply = _comments().filter(
        pk=reply_id, status=Comment.Status.APPROVED, parent__isnull=False
    ).first()
    subscription = _active_subscription(reply.parent_id) if reply else None
    if subscription is None or subscription.comment.author_email == reply.author_email:
        return False
    article = reply.article
    with override(embed_language(article.site, article)):
        subject = _("%(name)s replied to your comment on “%(headline)s”") % {
            "name": reply.author_name,
            "headline": article.headline,
        }
        return _send_once(subscription, f"reply:{reply.pk}", subject, [comment_url(reply)])


def _comments():
    return Comment.objects.select_related("article__site")


def _active_subscription(comment_id):
    return (
        Subscription.objects.select_related("comment")
        .filter(comment_id=comment_id, unsubscribed_at__isnull=True)
        .first()
    )


def _send_once(subscription, key, subject, lines) -> bool:
    """Claim the email, then send it; a failed send gives the claim back so a retry can."""
    try:
        with transaction.atomic():
            sent = SentEmail.objects.create(subscription=subscription, key=key)
    except IntegrityError:  # Sent already, or being sent by another worker.
        return False
    try:
        _message(subscription, subject, lines).send()
    except Exception:
        sent.delete()
        raise
    return True


def _message(subscription, subject, lines) -> EmailMessage:
    unsubscribe = desk_url(reverse("unsubscribe", args=[unsubscribe_token(subscription)]))
    context = {"subject": subject, "lines": lines, "unsubscribe_url": unsubscribe}
    body = render_to_string("notifications/email.txt", context)
    headers = {
        "List-Unsubscribe": f"<{unsubscribe}>",
        # RFC 8058: mail programs may unsubscribe with one POST, without opening the page.
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    return EmailMessage(
        subject, body, settings.DEFAULT_FROM_EMAIL, [subscription.comment.author_email],
        headers=headers,
    )


def comment_url(comment) -> str:
    """Where the published comment is read: the publisher's page for an embedded article (the
    section lives in a shadow root, which a #fragment cannot reach), else the desk's page."""
    if comment.article.canonical_url:
        return comment.article.canonical_url
    return desk_url(f"{comment.article.get_absolute_url()}#comment-{comment.pk}")


def desk_url(path: str) -> str:
    return settings.COMMENTDESK_URL.rstrip("/") + path


def unsubscribe_token(subscription) -> str:
    # Not timed: an unsubscribe link must keep working for as long as emails can arrive.
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(str(subscription.pk))


def read_unsubscribe_token(token: str) -> int | None:
    try:
        value = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token)
    except signing.BadSignature:
        return None
    return int(value) if value.isdigit() else None
