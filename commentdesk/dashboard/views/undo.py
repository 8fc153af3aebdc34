from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from commentdesk.dashboard.access import desk_member_required
from commentdesk.dashboard.views.responses import done, refused
from commentdesk.moderation.actions import DecisionError, do_undo_decision
from commentdesk.moderation.models import Decision


@require_POST
@desk_member_required
def undo(request, decision_id):
    decision = get_object_or_404(Decision, pk=decision_id, comment__isnull=False)
    try:
        comment = do_undo_decision(decision, moderator=request.user)
    except DecisionError as error:
        return refused(request, str(error))
    message = _("Decision on comment %(id)s undone.") % {"id": comment.pk}
    return done(request, message, comment=comment.pk, status=comment.status)
