"""A page of an article's published threads in the reader's chosen order, and its featured
comments: what the article page and the embed's API both show.

The database orders, counts and slices; Python only sees the page. So the first page of a
story with ten thousand comments costs the same few queries as one with ten (see
benchmarks/long_thread.py).
"""

import math
from dataclasses import dataclass
from typing import NamedTuple

from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from commentdesk.comments.models import Comment, FeaturedComment
from commentdesk.comments.replies import threaded

THREADS_PER_PAGE = 50
# Featured comments are picks, a handful at a time; a cap keeps page 1 small whatever happens.
FEATURED_SHOWN = 10


class Sort(models.TextChoices):
    OLDEST = "oldest", _("Oldest first")
    NEWEST = "newest", _("Newest first")
    REPLIES = "replies", _("Most replies")


ORDER_BY = {
    Sort.OLDEST: ("created_at", "pk"),
    Sort.NEWEST: ("-created_at", "-pk"),
    # Ties (most threads have no reply) oldest first, as the default order reads.
    Sort.REPLIES: ("-reply_count", "created_at", "pk"),
}


@dataclass
class ThreadPage:
    threads: list  # top-level comments, each with .thread_replies (replies.py threaded())
    number: int
    pages: int

    @property
    def has_previous(self):
        return self.number > 1

    @property
    def has_next(self):
        return self.number < self.pages


def published(article):
    """The article's approved comments; none for an article not yet created (the embed's)."""
    if article is None:
        return Comment.objects.none()
    return Comment.objects.filter(article=article, status=Comment.Status.APPROVED)


class Counts(NamedTuple):
    comments: int  # approved, replies included
    threads: int  # approved top-level comments

    def pages(self, per_page=THREADS_PER_PAGE) -> int:
        return max(1, math.ceil(self.threads / per_page))


def counts(article) -> Counts:
    """Both counts in one pass over the article's approved comments."""
    totals = published(article).aggregate(
        comments=Count("pk"), threads=Count("pk", filter=Q(parent__isnull=True))
    )
    return Counts(totals["comments"], totals["threads"])


def thread_page(article, sort, number, pages, per_page=THREADS_PER_PAGE) -> ThreadPage:
    """Page `number` of `pages` (Counts.pages()): its top-level comments in `sort` order, each
    with its approved replies, oldest first. A page past the last is empty."""
    if number > pages:
        return ThreadPage([], number, pages)
    top_level = _ordered(published(article).filter(parent__isnull=True), sort)
    threads = list(top_level[(number - 1) * per_page : number * per_page])
    return ThreadPage(threaded(threads + _replies_to(threads)), number, pages)


def _replies_to(threads) -> list:
    """The approved replies in these threads. Two lookups by parent, each on an index, rather
    than one with a join that reads the article's every comment; the second finds replies to
    replies, which only imported threads have (see replies.py)."""
    replies = list(Comment.objects.filter(parent__in=threads, status=Comment.Status.APPROVED))
    if not replies:
        return []
    deeper = Comment.objects.filter(parent__in=replies, status=Comment.Status.APPROVED)
    return sorted([*replies, *deeper], key=lambda reply: (reply.created_at, reply.pk))


def _ordered(top_level, sort):
    if sort == Sort.REPLIES:
        approved_replies = (
            Comment.objects.filter(parent=OuterRef("pk"), status=Comment.Status.APPROVED)
            .order_by()
            .values("parent")
            .annotate(n=Count("pk"))
            .values("n")
        )
        top_level = top_level.annotate(reply_count=Coalesce(Subquery(approved_replies), 0))
    return top_level.order_by(*ORDER_BY[sort])


def featured(article) -> list:
    """The article's featured comments that are still published, latest pick first."""
    if article is None:
        return []
    picks = FeaturedComment.objects.filter(
        article=article,
        comment__status=Comment.Status.APPROVED,
        comment__parent__isnull=True,
    ).select_related("comment")
    return [pick.comment for pick in picks[:FEATURED_SHOWN]]


def parse_sort(raw: str) -> Sort | None:
    """The sort a query string asks for (empty: the default), or None for an unknown one."""
    if not raw:
        return Sort.OLDEST
    return Sort(raw) if raw in Sort.values else None
