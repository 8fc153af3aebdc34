from django.utils import timezone

from commentdesk.moderation.actions import UNDO_WINDOW
from commentdesk.moderation.models import Decision


def undoable_decisions(user):
    """The user's decisions still inside the undo window that are the latest on their comment."""
    recent = (
        Decision.objects.filter(
            moderator=user,
            undone_at__isnull=True,
            created_at__gte=timezone.now() - UNDO_WINDOW,
            comment__isnull=False,  # not on a comment its author had erased
        )
        .select_related("comment")
        .order_by("-created_at", "-pk")
    )
    return [decision for decision in recent if _is_latest(decision)]


def _is_latest(decision):
    return decision.comment.decisions.filter(undone_at__isnull=True).last() == decision
