"""Approved-comment lists, cached as ready JSON and dropped when a decision changes them.

Each article URL has a version in the cache; a list's key includes it, so changing the
version drops every page, in every order, of that article's list at once.
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import cache

from commentdesk.articles.models import Article


def _url_key(url: str) -> str:
    return hashlib.sha256(url.encode()).hexdigest()[:32]


def _version_key(url: str) -> str:
    return f"embed:version:{_url_key(url)}"


def list_key(url: str, page: int, sort: str) -> str:
    version = cache.get(_version_key(url))
    if version is None:
        version = uuid.uuid4().hex[:12]
        cache.add(_version_key(url), version, None)
        version = cache.get(_version_key(url), version)
    return f"embed:list:{_url_key(url)}:{version}:{sort}:{page}"


def cached_list(url: str, page: int, sort: str, build) -> bytes:
    """The JSON of the article's page of approved comments in this order, built by build() on
    a miss."""
    key = list_key(url, page, sort)
    content = cache.get(key)
    if content is None:
        content = build()
        cache.set(key, content, settings.EMBED_CACHE_SECONDS)
    return content


def cached_only(url: str, page: int, sort: str) -> bytes | None:
    return cache.get(list_key(url, page, sort))


def forget_url(url: str) -> None:
    if url:
        cache.set(_version_key(url), uuid.uuid4().hex[:12], None)


def forget_article_comments(sender, article_id, article=None, **kwargs):
    """A comment's status changed, or it was featured or unfeatured: its article's lists are
    out of date."""
    if article is not None:
        url = article.canonical_url
    else:
        url = Article.objects.filter(pk=article_id).values_list("canonical_url", flat=True).first()
    forget_url(url or "")


def forget_saved_article(sender, instance, **kwargs):
    """Created, opened, closed or retitled: the lists carry the article's state too."""
    forget_url(instance.canonical_url)
