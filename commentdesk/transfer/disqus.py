"""Read a Disqus export (Admin > Moderate > Export): <thread dsq:id> elements with the page's
<link> and <title>, and <post dsq:id> elements pointing at their thread and parent."""

import datetime

from commentdesk.transfer.sources import (
    APPROVED,
    DELETED,
    PENDING,
    SPAM,
    SourceComment,
    SourceError,
    SourceFile,
    SourceThread,
    attribute,
    aware,
    child,
    children,
    html_to_text,
    local,
    parse_xml,
    text_of,
)


def read_disqus(file) -> SourceFile:
    root = parse_xml(file)
    if local(root.tag) != "disqus":
        raise SourceError("Not a Disqus export: the root element is not <disqus>.")
    threads = children(root, "thread")
    forum = next((text_of(t, "forum") for t in threads if text_of(t, "forum")), "")
    parsed = SourceFile(kind="disqus", source=f"disqus:{forum}")
    for thread in threads:
        parsed.threads[attribute(thread, "id")] = SourceThread(
            url=text_of(thread, "link"), title=text_of(thread, "title")
        )
    parsed.comments = [_comment(post) for post in children(root, "post")]
    return parsed


def _comment(post) -> SourceComment:
    author = child(post, "author")
    return SourceComment(
        source_id=attribute(post, "id"),
        thread_id=attribute(child(post, "thread"), "id"),
        parent_id=attribute(child(post, "parent"), "id"),
        author_name=text_of(author, "name") or text_of(author, "username"),
        author_email=text_of(author, "email"),
        text=html_to_text(text_of(post, "message")),
        created_at=_date(text_of(post, "createdAt")),
        state=_state(post),
    )


def _state(post) -> str:
    if _true(text_of(post, "isDeleted")):
        return DELETED
    if _true(text_of(post, "isSpam")):
        return SPAM
    # Recent exports say whether a post awaits moderation; older ones list approved posts only.
    if text_of(post, "isApproved") and not _true(text_of(post, "isApproved")):
        return PENDING
    return APPROVED


def _true(value: str) -> bool:
    return value.lower() == "true"


def _date(value: str) -> datetime.datetime | None:
    try:
        return aware(datetime.datetime.fromisoformat(value.replace("Z", "+00:00")))
    except ValueError:
        return None
