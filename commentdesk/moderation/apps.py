from django.apps import AppConfig
from django.core import checks
from django.db.models.signals import post_migrate


class ModerationConfig(AppConfig):
    name = "commentdesk.moderation"
    verbose_name = "Moderation"

    def ready(self):
        from commentdesk.moderation.checks import check_classifier_model
        from commentdesk.moderation.roles import ensure_roles

        checks.register(check_classifier_model)
        # Permissions exist only once every app has migrated, hence post_migrate.
        post_migrate.connect(ensure_roles, sender=self)
