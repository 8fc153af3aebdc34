from django.core.paginator import Paginator
from django.shortcuts import render

from commentdesk.dashboard.access import desk_member_required
from commentdesk.dashboard.forms import AuditFilterForm
from commentdesk.moderation.models import Decision

PAGE_SIZE = 50


@desk_member_required
def audit(request):
    filters = AuditFilterForm(request.GET or None)
    decisions = Decision.objects.select_related("moderator", "comment__featured").order_by(
        "-created_at", "-pk"
    )
    page = Paginator(filters.apply(decisions), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"filters": filters, "page": page, "query": query.urlencode()}
    return render(request, "dashboard/audit.html", context)
