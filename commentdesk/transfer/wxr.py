"""Read a WordPress export (WXR: Tools > Export), an RSS feed whose <item>s are posts and pages
with their <wp:comment>s."""

import datetime

from django.utils import timezone

from commentdesk.transfer.sources import (
    APPROVED,
    DELETED,
    PENDING,
    SPAM,
    SourceComment,
    SourceError,
    SourceFile,
    SourceThread,
    child,
    children,
    html_to_text,
    local,
    parse_xml,
    text_of,
)

STATES = {"1": APPROVED, "0": PENDING, "spam": SPAM, "trash": DELETED, "post-trashed": DELETED}
NO_DATE = "0000-00-00 00:00:00"


def read_wxr(file) -> SourceFile:
    root = parse_xml(file)
    channel = child(root, "channel") if local(root.tag) == "rss" else None
    if channel is None or not any(local(c.tag) == "wxr_version" for c in channel):
        raise SourceError("Not a WordPress export: no <rss><channel> with <wp:wxr_version>.")
    blog = text_of(channel, "base_blog_url") or text_of(channel, "link")
    parsed = SourceFile(kind="wordpress", source=f"wordpress:{blog}")
    for item in children(channel, "item"):
        post_id = text_of(item, "post_id") or text_of(item, "link")
        thread = SourceThread(url=text_of(item, "link"), title=text_of(item, "title"))
        parsed.threads[post_id] = thread
        parsed.comments += [
            _comment(comment, post_id)
            for comment in children(item, "comment")
            # Pingbacks and trackbacks are other blogs' notices, not readers' comments.
            if text_of(comment, "comment_type") in ("", "comment")
        ]
    return parsed


def _comment(comment, post_id) -> SourceComment:
    parent = text_of(comment, "comment_parent")
    return SourceComment(
        source_id=text_of(comment, "comment_id"),
        thread_id=post_id,
        parent_id="" if parent in ("", "0") else parent,
        author_name=text_of(comment, "comment_author"),
        author_email=text_of(comment, "comment_author_email"),
        text=html_to_text(text_of(comment, "comment_content")),
        created_at=_date(comment),
        state=STATES.get(text_of(comment, "comment_approved"), PENDING),
    )


def _date(comment) -> datetime.datetime | None:
    """comment_date_gmt; WordPress leaves it empty for some unapproved comments, when the
    local comment_date is read in the desk's TIME_ZONE."""
    gmt, local_date = text_of(comment, "comment_date_gmt"), text_of(comment, "comment_date")
    try:
        if gmt and gmt != NO_DATE:
            return datetime.datetime.fromisoformat(gmt).replace(tzinfo=datetime.timezone.utc)
        if local_date and local_date != NO_DATE:
            return timezone.make_aware(datetime.datetime.fromisoformat(local_date))
    except ValueError:
        pass
    return None
