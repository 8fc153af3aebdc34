from django.shortcuts import render

from commentdesk.dashboard.access import desk_member_required
from commentdesk.dashboard.agreement import agreement_table
from commentdesk.moderation.guidelines import Guideline


@desk_member_required
def agreement(request):
    by_guideline, by_lang, overall = agreement_table()
    guideline_rows = [
        (label, by_guideline[value]) for value, label in Guideline.choices if value in by_guideline
    ]
    context = {
        "guideline_rows": guideline_rows,
        "approved_by_machine": by_guideline.get(""),
        "lang_rows": list(by_lang.items()),
        "overall": overall,
    }
    return render(request, "dashboard/agreement.html", context)
