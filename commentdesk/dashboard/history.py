"""What a commenter wrote before, found by the email address they gave."""

from dataclasses import dataclass

from django.db.models import Count

from commentdesk.comments.models import Comment

RECENT_DECIDED = 3


@dataclass
class CommenterHistory:
    approved: int
    rejected: int
    recent: list  # the latest earlier decided comments, newest first


def histories_for(comments) -> dict:
    """{comment pk: CommenterHistory}, counting every other comment by the same email."""
    counts = _status_counts({c.author_email for c in comments})
    return {c.pk: _history(c, counts) for c in comments}


def _status_counts(emails):
    rows = (
        Comment.objects.filter(author_email__in=emails)
        .exclude(status=Comment.Status.PENDING)
        .values("author_email", "status")
        .annotate(n=Count("pk"))
    )
    return {(row["author_email"], row["status"]): row["n"] for row in rows}


def _history(comment, counts):
    recent = (
        Comment.objects.filter(author_email=comment.author_email, created_at__lt=comment.created_at)
        .exclude(status=Comment.Status.PENDING)
        .select_related("article")
        .order_by("-created_at", "-pk")[:RECENT_DECIDED]
    )
    return CommenterHistory(
        approved=counts.get((comment.author_email, Comment.Status.APPROVED), 0),
        rejected=counts.get((comment.author_email, Comment.Status.REJECTED), 0),
        recent=list(recent),
    )
