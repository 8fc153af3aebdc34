from functools import partial

from django import forms
from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from commentdesk.webhooks.delivery import dispatch
from commentdesk.webhooks.models import Delivery, Endpoint, Event, QueueAlert


class EndpointForm(forms.ModelForm):
    events = forms.MultipleChoiceField(
        label=_("events"),
        choices=Event.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Endpoint
        fields = ["site", "description", "url", "format", "events", "secret", "active"]
        field_classes = {"url": partial(forms.URLField, assume_scheme="https")}


@admin.register(Endpoint)
class EndpointAdmin(admin.ModelAdmin):
    form = EndpointForm
    list_display = ["__str__", "site", "url", "format", "active"]
    list_filter = ["site", "active", "format"]


def send_again(modeladmin, request, queryset):
    """Retry failed (or still pending) deliveries now, with the same body."""
    ids = list(queryset.exclude(status=Delivery.Status.DELIVERED).values_list("pk", flat=True))
    Delivery.objects.filter(pk__in=ids).update(
        status=Delivery.Status.PENDING, next_attempt_at=timezone.now(), attempts=0
    )
    for delivery_id in ids:
        dispatch(delivery_id)
    message = ngettext("%d delivery sent again.", "%d deliveries sent again.", len(ids))
    modeladmin.message_user(request, message % len(ids), messages.SUCCESS)


send_again.short_description = _("Send again")


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    """The delivery log; read-only but for sending a failed delivery again."""

    list_display = [
        "created_at", "event", "endpoint", "status", "attempts", "response_status", "error"
    ]
    list_filter = ["status", "event", "endpoint"]
    list_select_related = ["endpoint"]
    actions = [send_again]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(QueueAlert)
class QueueAlertAdmin(admin.ModelAdmin):
    list_display = ["site", "limit", "repeat_minutes", "over_limit", "notified_at"]
    readonly_fields = ["over_limit", "notified_at"]
