from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "commentdesk.dashboard"
    verbose_name = "Moderator workspace"
