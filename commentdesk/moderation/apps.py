from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ModerationConfig(AppConfig):
    name = "commentdesk.moderation"
    verbose_name = "Moderation"

    def ready(self):
        from commentdesk.moderation.roles import ensure_roles

        # Permissions exist only once every app has migrated, hence post_migrate.
        post_migrate.connect(ensure_roles, sender=self)
