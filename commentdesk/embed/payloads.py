"""What the API says about sites, articles and comments, as JSON-ready dicts."""

from django.conf import settings
from django.utils import dateformat, timezone
from django.utils.translation import get_language_bidi, gettext as _, gettext_noop, override

from commentdesk.articles.digits import localize_digits
from commentdesk.comments.models import Comment
from commentdesk.identity.models import SingleSignOn


def embed_language(site, article=None) -> str:
    """The article's language, else the site's; a site on "auto" embeds in LANGUAGE_CODE, as
    its lists are cached for every reader alike."""
    language = article.interface_language() if article else site.interface_language()
    return language or settings.LANGUAGE_CODE


def site_payload(site, article=None) -> dict:
    with override(embed_language(site, article)):
        return {
            "name": site.name,
            "language": embed_language(site, article),
            "direction": "rtl" if get_language_bidi() else "ltr",
            "notice": _("%(name)s moderates all comments submitted on this site.")
            % {"name": site.name},
            "guidelines": site.guideline_paragraphs(),
            "max_length": settings.COMMENT_MAX_LENGTH,
            "strings": interface_strings(),
            "sso": sso_payload(site),
        }


def sso_payload(site) -> dict:
    """Whether readers may (or must) sign in with the publisher's accounts, and where. The
    same for every reader: the list it goes in is cached for all of them."""
    sso = SingleSignOn.objects.enabled_for(site.pk)
    if sso is None:
        return {"enabled": False, "required": False, "login_url": ""}
    return {"enabled": True, "required": sso.required, "login_url": sso.login_url}


def interface_strings() -> dict:
    """The embed's words, in the active language: the same messages as the article page."""
    keys = [  # gettext_noop marks each for makemessages; _(key) below translates it.
        gettext_noop("Comments"),
        gettext_noop("Your comments"),
        gettext_noop("Published comments"),
        gettext_noop("No comments have been published yet."),
        gettext_noop("Post a comment"),
        gettext_noop("Comments on this article are closed."),
        gettext_noop("Name"),
        gettext_noop("Email"),
        gettext_noop("Comment"),
        gettext_noop("Never shown publicly."),
        gettext_noop("Required"),
        gettext_noop("Email me when my comment is published or rejected, and when someone replies"),
        gettext_noop("Post comment"),
        gettext_noop("Show more comments"),
        gettext_noop("Please correct the marked fields; nothing you typed has been lost."),
        gettext_noop("Thank you. Your comment was received and awaits moderation; it appears here once approved."),
        gettext_noop("Awaiting moderation: only you can see this comment."),
        gettext_noop("Not published: it did not meet our guidelines (%(guideline)s)."),
        gettext_noop("The comments could not be loaded. Please try again later."),
        gettext_noop("Reply"),
        gettext_noop("Replying to %(name)s:"),
        gettext_noop("Cancel reply"),
        gettext_noop("Replies to %(name)s"),
        gettext_noop("Report"),
        gettext_noop("Why are you reporting this comment?"),
        gettext_noop("Offensive"),
        gettext_noop("Abusive or a personal attack"),
        gettext_noop("Spam or promotion"),
        gettext_noop("Something else"),
        gettext_noop("Note for the moderators (optional)"),
        gettext_noop("Send report"),
        gettext_noop("Cancel"),
        gettext_noop("Signed in as %(name)s"),
        gettext_noop("Sign in to comment"),
        gettext_noop("Featured"),
        gettext_noop("Sort comments"),
        gettext_noop("Oldest first"),
        gettext_noop("Newest first"),
        gettext_noop("Most replies"),
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
        "parent_id": comment.parent_id,
        "author_name": comment.author_name,
        "text": comment.text,
        "created_at": created.isoformat(),
        "created_display": localize_digits(
            dateformat.format(created, f"{site.date_format} H:i"), site.digits
        ),
    }


def thread_comment_payload(comment, site) -> dict:
    """A top-level comment with its approved replies (comments/replies.py threaded())."""
    replies = [comment_payload(reply, site) for reply in comment.thread_replies]
    return {**comment_payload(comment, site), "replies": replies}


def own_comment_payload(comment, site) -> dict:
    """A comment as its author sees it: with its moderation status and the reason for it."""
    with override(embed_language(site, comment.article)):
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
