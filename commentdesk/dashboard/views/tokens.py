"""Moderators and editors issue and revoke their own API tokens (embed/models.py ApiToken)."""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from commentdesk.dashboard.access import desk_member_required
from commentdesk.embed.api_tokens import issue_token, revoke_token
from commentdesk.embed.models import ApiToken


class TokenForm(forms.ModelForm):
    class Meta:
        model = ApiToken
        fields = ["name"]


@desk_member_required
def tokens(request):
    """The user's tokens; a POST issues one and shows its secret on this answer only (it is
    not stored, nor put in a message, which could travel in a cookie)."""
    form = TokenForm(request.POST or None)
    secret = None
    if request.method == "POST" and form.is_valid():
        _token, secret = issue_token(request.user, form.cleaned_data["name"])
        form = TokenForm()
    context = {"form": form, "secret": secret, "tokens": request.user.api_tokens.all()}
    return render(request, "dashboard/tokens.html", context)


@require_POST
@desk_member_required
def revoke(request, token_id):
    token = get_object_or_404(request.user.api_tokens.active(), pk=token_id)
    revoke_token(token)
    messages.success(request, _("The token “%(name)s” is revoked.") % {"name": token.name})
    return redirect("dashboard:tokens")
