"""Approve or reject from the queue, one comment or a selection."""

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from commentdesk.dashboard.access import desk_member_required
from commentdesk.dashboard.deciding import AlreadyDecided, decide_pending
from commentdesk.dashboard.forms import BulkDecisionForm, RejectForm
from commentdesk.dashboard.views.responses import done, refused
from commentdesk.moderation.guidelines import Guideline


@require_POST
@desk_member_required
def approve(request, comment_id):
    return _decide(request, comment_id, guideline="")


@require_POST
@desk_member_required
def reject(request, comment_id):
    form = RejectForm(request.POST)
    if not form.is_valid():
        return refused(request, _("A rejection must cite a guideline."), status=400)
    return _decide(request, comment_id, guideline=form.cleaned_data["guideline"])


def _decide(request, comment_id, guideline):
    try:
        decision = decide_pending(comment_id, request.user, guideline)
    except AlreadyDecided:
        return refused(request, _("This comment was already decided, perhaps by a colleague."))
    if decision is None:
        raise Http404
    return done(request, describe(decision), **decision_payload(decision))


def describe(decision):
    if decision.guideline:
        return _("Comment %(id)s rejected: %(guideline)s.") % {
            "id": decision.comment_id,
            "guideline": Guideline(decision.guideline).label,
        }
    return _("Comment %(id)s approved.") % {"id": decision.comment_id}


def decision_payload(decision):
    return {
        "comment": decision.comment_id,
        "outcome": decision.outcome,
        "guideline": decision.guideline,
        "undo_url": reverse("dashboard:undo", args=[decision.pk]),
    }


@require_POST
@desk_member_required
def bulk(request):
    form = BulkDecisionForm(request.POST)
    if not form.is_valid():
        return refused(request, _("Select comments, and a guideline to reject them."), status=400)
    guideline = form.cleaned_data["guideline"] if form.cleaned_data["action"] == form.REJECT else ""
    decided = _decide_each(form.cleaned_data["comment"], request.user, guideline)
    message = ngettext("%(count)d comment decided.", "%(count)d comments decided.", decided)
    skipped = len(form.cleaned_data["comment"]) - decided
    if skipped:
        message += " " + _("Skipped %(skipped)d that someone else decided first.")
    return done(request, message % {"count": decided, "skipped": skipped})


def _decide_each(comment_ids, moderator, guideline):
    # Each comment is its own transaction: one a colleague decided first must not stop the rest.
    decided = 0
    for comment_id in comment_ids:
        try:
            decided += decide_pending(comment_id, moderator, guideline) is not None
        except AlreadyDecided:
            continue
    return decided
