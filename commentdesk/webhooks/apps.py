from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebhooksConfig(AppConfig):
    name = "commentdesk.webhooks"
    verbose_name = _("Webhooks and alerts")

    def ready(self):
        from commentdesk.comments import signals
        from commentdesk.webhooks import events

        signals.comment_created.connect(events.on_comment_created, dispatch_uid="webhooks.created")
        signals.comment_status_changed.connect(
            events.on_comment_status_changed, dispatch_uid="webhooks.status"
        )
        signals.comment_reported.connect(
            events.on_comment_reported, dispatch_uid="webhooks.reported"
        )
