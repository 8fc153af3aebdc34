"""What the machine decided on its own, newest first, with a one-click overturn."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from commentdesk.dashboard.access import desk_member_required
from commentdesk.dashboard.deciding import AlreadyDecided, overturn_machine
from commentdesk.dashboard.forms import OverturnForm
from commentdesk.dashboard.undo import undoable_decisions
from commentdesk.dashboard.views.decide import decision_payload, describe
from commentdesk.dashboard.views.responses import done, refused
from commentdesk.moderation.guidelines import Guideline
from commentdesk.moderation.models import Decision

PAGE_SIZE = 50
TITLES = {
    Decision.Outcome.APPROVED: gettext_lazy("Approved by the machine"),
    Decision.Outcome.REJECTED: gettext_lazy("Rejected by the machine"),
}


def machine_decisions(outcome):
    return (
        Decision.objects.exclude(machine="")
        .filter(outcome=outcome, undone_at__isnull=True, comment__isnull=False)
        .select_related(
            "comment__article", "comment__decided_by", "comment__signed_in", "comment__featured"
        )
        .order_by("-created_at", "-pk")
    )


@desk_member_required
def machine_list(request, outcome):
    page = Paginator(machine_decisions(outcome), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "title": TITLES[outcome],
        "outcome": outcome,
        "page": page,
        "rows": [(decision, _still_standing(decision)) for decision in page],
        "guidelines": Guideline.choices,
        "undoable": undoable_decisions(request.user),
    }
    return render(request, "dashboard/machine_list.html", context)


def _still_standing(decision):
    """Whether the comment still stands as the machine left it, so it can be overturned."""
    comment = decision.comment
    return (
        comment.decided_by_id is None
        and comment.status == decision.outcome
        and comment.guideline == decision.guideline
    )


@require_POST
@desk_member_required
def overturn(request, comment_id):
    form = OverturnForm(request.POST)
    if not form.is_valid():
        return refused(request, _("A rejection must cite a guideline."), status=400)
    guideline = form.cleaned_data["guideline"] if form.cleaned_data["outcome"] == "reject" else ""
    try:
        decision = overturn_machine(comment_id, request.user, guideline)
    except AlreadyDecided as error:
        return refused(request, str(error))
    if decision is None:
        raise Http404
    return done(request, describe(decision), **decision_payload(decision))
