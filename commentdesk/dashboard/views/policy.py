"""Editors change how the machine moderates their site, and see what a change would do first."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from commentdesk.articles.models import Site
from commentdesk.dashboard.access import editor_required
from commentdesk.dashboard.policy_forms import PolicyForm, PreviewSampleForm
from commentdesk.dashboard.thresholds import effective_thresholds, preview
from commentdesk.moderation.models import Policy


def current_policy():
    return Policy.for_site(Site.objects.get_current())


@editor_required
def policy(request):
    policy = current_policy()
    form = PolicyForm(request.POST or None, instance=policy)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The moderation policy is saved."))
        return redirect("dashboard:policy")
    return render(request, "dashboard/policy.html", {"form": form, "sample": PreviewSampleForm()})


@editor_required
def policy_preview(request):
    """The policy page with what the proposed thresholds would have done; nothing is saved.

    The form posts here with its Preview button; a GET with the same fields works too.
    """
    data = request.POST if request.method == "POST" else request.GET
    policy = current_policy()
    form = PolicyForm(data or None, instance=policy)
    sample = PreviewSampleForm(data or None)
    context = {"form": form, "sample": sample, "previewed": True}
    if not data or form.is_valid():
        size = sample.size()
        proposed = form.proposed_thresholds() if data else effective_thresholds(policy.thresholds)
        context["proposed"] = preview(proposed, size)
        context["current"] = preview(effective_thresholds(policy.thresholds), size)
    return render(request, "dashboard/policy.html", context)
