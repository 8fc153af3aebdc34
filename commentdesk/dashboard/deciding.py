"""Desk decisions go through the moderation actions, with the desk's preconditions checked
under the same row lock the action takes, so two moderators never decide one comment twice."""

from django.db import transaction

from commentdesk.comments.models import Comment
from commentdesk.moderation.actions import DecisionError, do_approve_comment, do_reject_comment


class AlreadyDecided(DecisionError):
    pass


def decide_pending(comment_id, moderator, guideline=""):
    """Approve (no guideline) or reject a comment still in the queue; None when there is none.

    In the queue: pending, or published with readers' reports no moderator has answered yet
    (approving it again keeps it published; either decision settles the reports)."""
    with transaction.atomic():
        comment = Comment.objects.select_for_update().filter(pk=comment_id).first()
        if comment is None:
            return None
        if not comment.is_pending and not _reported(comment):
            raise AlreadyDecided(f"Comment {comment_id} was already decided.")
        return _decide(comment, moderator, guideline)


def overturn_machine(comment_id, moderator, guideline=""):
    """Decide again a comment whose standing decision is the machine's."""
    with transaction.atomic():
        comment = Comment.objects.select_for_update().filter(pk=comment_id).first()
        if comment is None:
            return None
        standing = comment.decisions.filter(undone_at__isnull=True).last()
        if standing is None or not standing.machine:
            raise AlreadyDecided(f"Comment {comment_id} is no longer the machine's decision.")
        if standing.guideline == guideline and standing.outcome == _outcome(guideline):
            raise AlreadyDecided(f"The machine already decided comment {comment_id} that way.")
        return _decide(comment, moderator, guideline)


def _reported(comment):
    open_reports = comment.reports.filter(resolved_at__isnull=True)
    return comment.status == Comment.Status.APPROVED and open_reports.exists()


def _outcome(guideline):
    return Comment.Status.REJECTED if guideline else Comment.Status.APPROVED


def _decide(comment, moderator, guideline):
    if guideline:
        return do_reject_comment(comment, guideline, moderator=moderator)
    return do_approve_comment(comment, moderator=moderator)
