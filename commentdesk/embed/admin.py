from django.contrib import admin
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from commentdesk.embed.api_tokens import revoke_token
from commentdesk.embed.models import ApiToken

USED = ["hint", "created_at", "last_used_at", "revoked_at"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Admins issue a token for a moderator or editor (its secret is shown once, on the answer
    to the form) and revoke tokens; a token is never edited."""

    list_display = ["name", "user", "hint", "created_at", "last_used_at", "revoked_at"]
    list_filter = [("revoked_at", admin.EmptyFieldListFilter)]
    search_fields = ["name", "user__username"]
    actions = ["revoke"]

    def get_fields(self, request, obj=None):
        return ["user", "name", *USED] if obj else ["user", "name"]

    def get_readonly_fields(self, request, obj=None):
        return ["user", "name", *USED] if obj else []

    def save_model(self, request, obj, form, change):
        if not change:
            obj.issued_secret = obj.new_secret()  # for response_add, never saved
        super().save_model(request, obj, form, change)

    def response_add(self, request, obj, post_url_continue=None):
        """The new secret on this page only: a message could carry it in a cookie."""
        context = {**self.admin_site.each_context(request), "opts": self.opts, "token": obj,
                   "secret": obj.issued_secret, "title": _("API token issued")}
        return TemplateResponse(request, "admin/embed/apitoken/issued.html", context)

    @admin.action(description=_("Revoke the selected tokens"))
    def revoke(self, request, queryset):
        for token in queryset.active():
            revoke_token(token)
