from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Count, F, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import render

from commentdesk.comments.models import Comment, Report
from commentdesk.dashboard.access import desk_member_required
from commentdesk.dashboard.forms import BulkDecisionForm, QueueFilterForm
from commentdesk.dashboard.highlight import highlight_evidence
from commentdesk.dashboard.history import histories_for
from commentdesk.dashboard.undo import undoable_decisions
from commentdesk.moderation.actions import UNDO_WINDOW
from commentdesk.moderation.guidelines import Guideline
from commentdesk.moderation.models import ModerationJob, Policy

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
    def reports(self):
        """The readers' open reports: empty unless the comment is here as reported."""
        return getattr(self.comment, "open_reports_list", [])

    @property
    def report_reasons(self):
        """(reason label, count), most reported first."""
        counts = {}
        for report in self.reports:
            label = report.get_reason_display()
            counts[label] = counts.get(label, 0) + 1
        return sorted(counts.items(), key=lambda item: -item[1])

    @property
    def suggested_guideline(self):
        return self.job.guideline if self.job and self.job.guideline else ""


def waiting_for_a_moderator():
    """Pending comments the machine held, or has not judged yet (a job not completed, or none),
    and published comments that at least the site's report_threshold readers reported since a
    moderator last decided them."""
    open_reports = Report.objects.filter(comment=OuterRef("pk"), resolved_at__isnull=True)
    default_threshold = Policy._meta.get_field("report_threshold").default
    held = Q(status=Comment.Status.PENDING) & (
        Q(moderation_job__isnull=True)
        | Q(moderation_job__completed_at__isnull=True)
        | Q(moderation_job__verdict=ModerationJob.Verdict.REVIEW)
    )
    reported = Q(status=Comment.Status.APPROVED, open_reports__gte=F("report_threshold"))
    return (
        Comment.objects.annotate(
            open_reports=Coalesce(
                Subquery(open_reports.values("comment").annotate(n=Count("pk")).values("n")), 0
            ),
            report_threshold=Coalesce(
                F("article__site__moderation_policy__report_threshold"), default_threshold
            ),
        )
        .filter(held | reported)
        .select_related("article", "moderation_job", "parent", "signed_in", "featured")
        .prefetch_related(
            Prefetch(
                "reports",
                queryset=Report.objects.filter(resolved_at__isnull=True),
                to_attr="open_reports_list",
            )
        )
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
