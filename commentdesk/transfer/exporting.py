"""A site's comments as one JSON document, written as it is read (sites have many comments).

The commenters' addresses are left out unless asked for: export files travel.
"""

import json

from django.db.models import Prefetch
from django.utils import timezone

from commentdesk.comments.models import Comment
from commentdesk.moderation.models import Decision

FORMAT = "commentdesk-export"
VERSION = 1


def write_export(site, out, *, include_emails=False) -> int:
    """Write the document to the text stream out; return how many comments it holds."""
    header = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": timezone.now().isoformat(),
        "site": {"id": site.pk, "name": site.name},
        "includes_emails": include_emails,
    }
    out.write(json.dumps(header, ensure_ascii=False)[:-1] + ', "comments": [')
    count = 0
    for comment in _comments(site):
        out.write(",\n" if count else "\n")
        out.write(json.dumps(comment_record(comment, include_emails), ensure_ascii=False))
        count += 1
    out.write("\n]}\n")
    return count


def _comments(site):
    decisions = Decision.objects.select_related("moderator").order_by("created_at", "pk")
    return (
        Comment.objects.filter(article__site=site)
        .select_related("article", "imported_from")
        .prefetch_related(Prefetch("decisions", queryset=decisions))
        .order_by("created_at", "pk")
        .iterator(chunk_size=500)
    )


def comment_record(comment, include_emails=False) -> dict:
    article = comment.article
    record = {
        "id": comment.pk,
        "parent_id": comment.parent_id,
        "article_url": article.canonical_url or article.get_absolute_url(),
        "article_headline": article.headline,
        "author_name": comment.author_name,
        **({"author_email": comment.author_email} if include_emails else {}),
        "text": comment.text,
        "created_at": comment.created_at.isoformat(),
        "status": comment.status,
        "guideline": comment.guideline,
        "decided_at": comment.decided_at.isoformat() if comment.decided_at else None,
        "decisions": [_decision(d) for d in comment.decisions.all()],
    }
    imported = getattr(comment, "imported_from", None)
    if imported is not None:
        record["imported_from"] = {"source": imported.source, "id": imported.source_id}
    return record


def _decision(decision) -> dict:
    return {
        "outcome": decision.outcome,
        "guideline": decision.guideline,
        "decider": "machine" if decision.machine else "moderator",
        "machine": decision.machine,
        "moderator": decision.moderator.get_username() if decision.moderator else None,
        "created_at": decision.created_at.isoformat(),
        "undone_at": decision.undone_at.isoformat() if decision.undone_at else None,
    }
