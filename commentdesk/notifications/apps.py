from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "commentdesk.notifications"
    verbose_name = _("Commenters' emails")

    def ready(self):
        from commentdesk.comments import signals
        from commentdesk.notifications import queueing
        from commentdesk.notifications.checks import check_email_settings

        checks.register(check_email_settings, deploy=True)

        signals.comment_status_deciding.connect(
            queueing.on_comment_status_deciding, dispatch_uid="notifications.status"
        )
