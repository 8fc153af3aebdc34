"""Who may open which desk page: moderators and editors the desk, editors alone the policy."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from commentdesk.moderation.roles import EDITORS, MODERATORS


def is_editor(user) -> bool:
    return user.is_superuser or user.groups.filter(name=EDITORS).exists()


def is_desk_member(user) -> bool:
    return user.is_superuser or user.groups.filter(name__in=[MODERATORS, EDITORS]).exists()


def _require(test):
    def decorator(view):
        # login_required first, so an anonymous visitor is sent to log in rather than refused.
        @login_required
        @wraps(view)
        def guarded(request, *args, **kwargs):
            if not test(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return guarded

    return decorator


desk_member_required = _require(is_desk_member)
editor_required = _require(is_editor)
