"""What the Disqus and WordPress readers produce: the threads and comments of one export file,
in the same shape whatever the source, for importing.py to store."""

import datetime
import html
import re
from dataclasses import dataclass, field

from defusedxml import ElementTree
from django.utils.html import strip_tags

from commentdesk.lib.text import clean_submitted_text

# A comment's state in the source, mapped to what the desk does with it (importing.py).
APPROVED, PENDING, SPAM, DELETED = "approved", "pending", "spam", "deleted"


class SourceError(ValueError):
    """The file is not an export of the expected kind (the whole import is refused)."""


@dataclass
class SourceThread:
    url: str
    title: str


@dataclass
class SourceComment:
    source_id: str
    thread_id: str
    parent_id: str  # "" for a top-level comment
    author_name: str
    author_email: str
    text: str
    created_at: datetime.datetime | None
    state: str


@dataclass
class SourceFile:
    kind: str  # "disqus" or "wordpress", as the Decision records it
    source: str  # names the forum or blog: ids are unique within it
    threads: dict[str, SourceThread] = field(default_factory=dict)
    comments: list[SourceComment] = field(default_factory=list)


def parse_xml(file):
    """The root element, read by defusedxml: no entity expansion, no external references."""
    try:
        return ElementTree.parse(file).getroot()
    except ElementTree.ParseError as error:
        raise SourceError(f"Not well-formed XML: {error}") from None
    except ValueError as error:  # defusedxml's refusals (entities, external references)
        raise SourceError(f"Refused: {error}") from None


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def child(element, name: str):
    """The first child with this local name, in whatever namespace (WXR has several versions)."""
    return next((c for c in element if local(c.tag) == name), None)


def children(element, name: str):
    return [c for c in element if local(c.tag) == name]


def text_of(element, name: str) -> str:
    found = child(element, name) if element is not None else None
    return (found.text or "").strip() if found is not None else ""


def attribute(element, name: str) -> str:
    """An attribute by local name (dsq:id is {http://disqus.com/disqus-internals}id)."""
    if element is None:
        return ""
    return next((v.strip() for k, v in element.attrib.items() if local(k) == name), "")


_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_PARAGRAPH = re.compile(r"</p\s*>|</blockquote\s*>|</li\s*>", re.IGNORECASE)
_LINK = re.compile(r"<a\s[^>]*?href=\"([^\"]*)\"[^>]*>(.*?)</a\s*>", re.IGNORECASE | re.DOTALL)


def html_to_text(value: str) -> str:
    """A comment's HTML as the plain text the desk stores: paragraphs and line breaks kept,
    a link as its text followed by its address when the two differ."""
    value = _BREAK.sub("\n", value)
    value = _PARAGRAPH.sub("\n\n", value)
    value = _LINK.sub(_link_text, value)
    value = html.unescape(strip_tags(value))
    value = re.sub(r"[ \t]+\n", "\n", value)
    return re.sub(r"\n{3,}", "\n\n", clean_submitted_text(value))


def _link_text(match) -> str:
    url, label = html.unescape(match.group(1)), strip_tags(match.group(2)).strip()
    return url if not label or html.unescape(label) in url else f"{label} ({url})"


def aware(value: datetime.datetime) -> datetime.datetime:
    if value.tzinfo is None:
        return value.replace(tzinfo=datetime.timezone.utc)
    return value
