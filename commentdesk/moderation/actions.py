"""Every change to a comment's status goes through these functions, and nothing else."""

from django.db import transaction
from django.utils import timezone

from commentdesk.comments.models import Comment
from commentdesk.moderation.guidelines import Guideline
from commentdesk.moderation.models import Decision


class DecisionError(ValueError):
    pass


def do_approve_comment(comment: Comment, *, moderator=None, machine: str = "", scores=None):
    return _decide(comment, Decision.Outcome.APPROVED, "", moderator, machine, scores)


def do_reject_comment(
    comment: Comment, guideline: str, *, moderator=None, machine: str = "", scores=None
):
    if guideline not in Guideline.values:
        raise DecisionError(f"A rejection must cite a guideline, not {guideline!r}.")
    return _decide(comment, Decision.Outcome.REJECTED, guideline, moderator, machine, scores)


def _decide(comment, outcome, guideline, moderator, machine, scores):
    if bool(moderator) == bool(machine):
        raise DecisionError("A decision is made either by one moderator or by one machine.")
    with transaction.atomic():
        locked = Comment.objects.select_for_update().get(pk=comment.pk)
        if machine and not locked.is_pending:
            # A human (or an earlier run) already decided; a late machine verdict must not win.
            return None
        locked.status = outcome
        locked.guideline = guideline
        locked.decided_at = timezone.now()
        locked.decided_by = moderator
        locked.save(update_fields=["status", "guideline", "decided_at", "decided_by"])
        decision = Decision.objects.create(
            comment=locked,
            outcome=outcome,
            guideline=guideline,
            moderator=moderator,
            machine=machine,
            scores=scores or {},
        )
    comment.refresh_from_db()
    return decision
