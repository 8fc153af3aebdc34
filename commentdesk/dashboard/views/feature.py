"""Feature a published comment, or stop featuring it: the article page and the embed show
featured comments first. Moderators may, as in Coral, as well as editors."""

from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from commentdesk.comments.actions import FeatureRefused, do_feature_comment, do_unfeature_comment
from commentdesk.dashboard.access import desk_member_required
from commentdesk.dashboard.views.responses import done, refused


@require_POST
@desk_member_required
def feature(request, comment_id):
    try:
        do_feature_comment(comment_id, editor=request.user)
    except FeatureRefused as error:
        return refused(request, error.message, status=error.status)
    return done(request, _("Comment %(id)s featured.") % {"id": comment_id}, featured=True)


@require_POST
@desk_member_required
def unfeature(request, comment_id):
    do_unfeature_comment(comment_id)
    return done(
        request, _("Comment %(id)s is no longer featured.") % {"id": comment_id}, featured=False
    )
