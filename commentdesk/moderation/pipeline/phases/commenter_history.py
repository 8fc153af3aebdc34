from commentdesk.comments.models import Comment
from commentdesk.moderation.pipeline.context import Verdict


def hold_new_commenters(context):
    required = context.policy.new_commenter_approvals
    if not required:
        return None
    approved = _earlier(context).filter(status=Comment.Status.APPROVED).count()
    if approved >= required:
        return None
    context.note(f"The commenter has {approved} approved comments; this site holds newcomers until {required}.")
    return Verdict("review")


def hold_mostly_rejected_commenters(context):
    window = context.policy.history_window
    if not window:
        return None
    recent = list(
        _earlier(context)
        .exclude(status=Comment.Status.PENDING)
        .order_by("-decided_at")
        .values_list("status", flat=True)[:window]
    )
    rejected = recent.count(Comment.Status.REJECTED)
    if len(recent) < window or rejected / window < context.policy.history_rejected_share:
        return None
    context.note(f"{rejected} of the commenter's last {window} comments were rejected.")
    return Verdict("review")


def _earlier(context):
    comment = context.comment
    return Comment.objects.filter(author_email=comment.author_email).exclude(pk=comment.pk)
