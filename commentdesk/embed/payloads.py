"""What the API says about sites, articles and comments, as JSON-ready dicts."""

from django.conf import settings
from django.utils import dateformat, timezone
from django.utils.translation import get_language_bidi, gettext as _, override

from commentdesk.comments.models import Comment



def site_payload(site) -> dict:
    with override(site.language):
        return {
            "name": site.name,
            "language": site.language,
            "direction": "rtl" if get_language_bidi() else "ltr",
            "notice": _("%(name)s moderates all comments submitted on this site.")
            % {"name": site.name},
            "guidelines": site.guideline_paragraphs(),
            "max_length": settings.COMMENT_MAX_LENGTH,
            "strings": interface_strings(),
        }


def interface_strings() -> dict:
    """The embed's words, in the active language: the same messages as the article page."""
    keys = [
        "Comments",
        "Your comments",
        "Published comments",
        "No comments have been published yet.",
        "Post a comment",
        "Comments on this article are closed.",
        "Name",
        "Email",
        "Comment",
        "Never shown publicly.",
        "Required",
        "Post comment",
        "Show more comments",
        "Please correct the marked fields; nothing you typed has been lost.",
        "Thank you. Your comment was received and awaits moderation; it appears here once approved.",
        "Awaiting moderation: only you can see this comment.",
        "Not published: it did not meet our guidelines (%(guideline)s).",
        "The comments could not be loaded. Please try again later.",
    ]
    return {key: _(key) for key in keys}


def thread_payload(article, url: str, count: int) -> dict:
    if article is None:
        return {"url": url, "title": "", "open": True, "count": 0}
    return {"url": url, "title": article.headline, "open": article.comments_open, "count": count}


def comment_payload(comment, site) -> dict:
    created = timezone.localtime(comment.created_at)
    return {
        "id": comment.pk,
        "author_name": comment.author_name,
        "text": comment.text,
        "created_at": created.isoformat(),
        "created_display": dateformat.format(created, f"{site.date_format} H:i"),
    }


def own_comment_payload(comment, site) -> dict:
    """A comment as its author sees it: with its moderation status and the reason for it."""
    with override(site.language):
        return {
            **comment_payload(comment, site),
            "status": comment.status,
            "guideline": comment.guideline,
            "status_text": _status_text(comment),
        }


def _status_text(comment) -> str:
    if comment.status == Comment.Status.PENDING:
        return _("Awaiting moderation: only you can see this comment.")
    if comment.status == Comment.Status.REJECTED:
        return _("Not published: it did not meet our guidelines (%(guideline)s).") % {
            "guideline": comment.get_guideline_display()
        }
    return ""
