"""The article an embedded section belongs to, found by its canonical URL or created on first post."""

import hashlib

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from commentdesk.articles.models import Article
from commentdesk.lib.text import clean_single_line

MAX_HEADLINE = 300


def find_thread(site_id: int, url: str) -> Article | None:
    # One at most (unique per site), so no ORDER BY: first() would build and sort one, a
    # fifth of this lookup's CPU, on every post and every uncached list.
    found = Article.objects.select_related("site").filter(site_id=site_id, canonical_url=url)
    found = found.order_by()[:1]
    return found[0] if found else None


def get_or_create_thread(site_id: int, url: str, title: str) -> Article:
    """The site's article with this canonical URL, created from the host page on first use."""
    article = find_thread(site_id, url)
    if article is not None:
        return article
    try:
        with transaction.atomic():
            Article.objects.create(**_new_article_fields(site_id, url, title))
    except IntegrityError:
        pass  # Another request created it first.
    return find_thread(site_id, url)


def _new_article_fields(site_id, url, title):
    headline = clean_single_line(title)[:MAX_HEADLINE] or url[:MAX_HEADLINE]
    digest = hashlib.sha256(f"{site_id} {url}".encode()).hexdigest()[:12]
    return {
        "site_id": site_id,
        "canonical_url": url,
        "headline": headline,
        "slug": f"{slugify(headline)[:100].strip('-') or 'article'}-{digest}",
        "published_on": timezone.localdate(),
        "author_name": "",
        "body": "",
    }
