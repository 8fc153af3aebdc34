"""The minimal moderation queue: pending comments oldest first, approve or reject citing a guideline."""

from django.contrib import admin, messages
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from commentdesk.comments.models import Comment
from commentdesk.moderation.actions import do_approve_comment, do_reject_comment
from commentdesk.moderation.guidelines import Guideline
from commentdesk.moderation.models import Decision


class StatusFilter(admin.SimpleListFilter):
    """Shows the pending queue unless the moderator asks for another status."""

    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [*Comment.Status.choices, ("all", _("All"))]

    def choices(self, changelist):
        for lookup, title in self.lookup_choices:
            yield {
                "selected": (self.value() or Comment.Status.PENDING) == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        value = self.value() or Comment.Status.PENDING
        return queryset if value == "all" else queryset.filter(status=value)


class DecisionInline(admin.TabularInline):
    model = Decision
    fields = ["created_at", "outcome", "guideline", "moderator", "machine"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


def approve(modeladmin, request, queryset):
    for comment in queryset:
        do_approve_comment(comment, moderator=request.user)
    _report(modeladmin, request, queryset, _("approved"))


def _reject_action(guideline):
    def reject(modeladmin, request, queryset):
        for comment in queryset:
            do_reject_comment(comment, guideline.value, moderator=request.user)
        _report(modeladmin, request, queryset, _("rejected (%s)") % guideline.label)

    reject.__name__ = f"reject_{guideline.value}"
    reject.short_description = _("Reject: %s") % guideline.label
    reject.allowed_permissions = ("change",)
    return reject


def _report(modeladmin, request, queryset, outcome):
    count = len(queryset)
    message = ngettext("%(count)d comment %(outcome)s.", "%(count)d comments %(outcome)s.", count)
    modeladmin.message_user(request, message % {"count": count, "outcome": outcome}, messages.SUCCESS)


approve.short_description = _("Approve and publish")
approve.allowed_permissions = ("change",)


@admin.register(Comment)
class CommentModerationAdmin(admin.ModelAdmin):
    list_display = ["created_at", "article_headline", "author_name", "excerpt", "status", "guideline"]
    list_filter = [StatusFilter, "guideline", "article"]
    list_display_links = ["excerpt"]
    search_fields = ["text", "author_name", "author_email"]
    ordering = ["created_at", "pk"]
    actions = [approve, *(_reject_action(g) for g in Guideline)]
    readonly_fields = [
        "article", "author_name", "author_email", "text", "created_at",
        "status", "guideline", "decided_at", "decided_by",
    ]
    inlines = [DecisionInline]
    list_select_related = ["article"]

    @admin.display(description=_("article"), ordering="article__headline")
    def article_headline(self, comment):
        # A full headline squeezes the comment column to a word per line.
        return Truncator(comment.article.headline).chars(40)

    @admin.display(description=_("comment"))
    def excerpt(self, comment):
        return comment.text[:120]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        # Rejected comments are kept for the audit trail.
        return False


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    list_display = ["created_at", "comment", "outcome", "guideline", "moderator", "machine"]
    list_filter = ["outcome", "guideline"]
    readonly_fields = ["comment", "outcome", "guideline", "moderator", "machine", "scores", "created_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
