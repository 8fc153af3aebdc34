from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import render

from commentdesk.comments.models import Comment
from commentdesk.dashboard.access import desk_member_required
from commentdesk.dashboard.forms import BulkDecisionForm, QueueFilterForm
from commentdesk.dashboard.highlight import highlight_evidence
from commentdesk.dashboard.history import histories_for
from commentdesk.dashboard.undo import undoable_decisions
from commentdesk.moderation.actions import UNDO_WINDOW
from commentdesk.moderation.guidelines import Guideline
from commentdesk.moderation.models import ModerationJob

PAGE_SIZE = 25


@dataclass
class QueueItem:
    comment: Comment
    job: ModerationJob | None
    text_html: str
    scores: list  # (guideline label, score) in the guidelines' order
    history: object

    @property
    def reasons(self):
        """The rules' reasons; the explanation, shown above them, is often the last one."""
        return [reason for reason in self.job.reasons if reason != self.job.explanation]

    @property
    def suggested_guideline(self):
        return self.job.guideline if self.job and self.job.guideline else ""


def waiting_for_a_moderator():
    """Pending comments the machine held, or has not judged yet (a job not completed, or none)."""
    return (
        Comment.objects.filter(status=Comment.Status.PENDING)
        .filter(
            Q(moderation_job__isnull=True)
            | Q(moderation_job__completed_at__isnull=True)
            | Q(moderation_job__verdict=ModerationJob.Verdict.REVIEW)
        )
        .select_related("article", "moderation_job", "parent")
        .order_by("created_at", "pk")
    )


@desk_member_required
def queue(request):
    filters = QueueFilterForm(request.GET or None)
    page = Paginator(filters.apply(waiting_for_a_moderator()), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    comments = list(page)
    histories = histories_for(comments)
    context = {
        "filters": filters,
        "page": page,
        "items": [_item(comment, histories[comment.pk]) for comment in comments],
        "guidelines": Guideline.choices,
        "bulk": BulkDecisionForm(),
        "undoable": undoable_decisions(request.user),
        "undo_seconds": int(UNDO_WINDOW.total_seconds()),
        "query": _query_without_page(request),
    }
    return render(request, "dashboard/queue.html", context)


def _item(comment, history):
    job = getattr(comment, "moderation_job", None)
    evidence = job.evidence if job else []
    scores = job.scores if job else {}
    return QueueItem(
        comment=comment,
        job=job,
        text_html=highlight_evidence(comment.text, evidence),
        scores=[(label, scores[value]) for value, label in Guideline.choices if value in scores],
        history=history,
    )


def _query_without_page(request):
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()
