from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebhooksConfig(AppConfig):
    name = "commentdesk.webhooks"
    verbose_name = _("Webhooks and alerts")

    def ready(self):
        from commentdesk.comments import signals
        from commentdesk.webhooks import events

        signals.comment_posting.connect(events.on_comment_posting, dispatch_uid="webhooks.created")
        signals.comment_status_deciding.connect(
            events.on_comment_status_deciding, dispatch_uid="webhooks.status"
        )
        signals.comment_reporting.connect(
            events.on_comment_reporting, dispatch_uid="webhooks.reported"
        )
        signals.comment_created.connect(events.on_queue_changed, dispatch_uid="webhooks.queue.created")
        signals.comment_status_changed.connect(
            events.on_queue_changed, dispatch_uid="webhooks.queue.status"
        )
