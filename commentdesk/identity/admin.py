from django.contrib import admin, messages
from django.db import models
from django.utils.translation import gettext_lazy as _

from commentdesk.identity.models import SingleSignOn


@admin.register(SingleSignOn)
class SingleSignOnAdmin(admin.ModelAdmin):
    """The secret is generated, never typed: shown to copy into the publisher's settings, and
    replaced with the "new shared secret" action when it may have leaked."""

    list_display = ["site", "enabled", "required", "login_url"]
    fields = ["site", "enabled", "required", "login_url", "secret"]
    readonly_fields = ["secret"]
    actions = ["rotate_secret"]
    # A login page typed without a scheme is the publisher's HTTPS page (Django 6's default).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    @admin.action(description=_("Generate a new shared secret"))
    def rotate_secret(self, request, queryset):
        for sso in queryset:
            sso.rotate_secret()
        self.message_user(
            request,
            _("New secret generated: tokens signed with the old one are now refused."),
            messages.WARNING,
        )
