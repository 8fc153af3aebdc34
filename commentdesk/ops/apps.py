from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "commentdesk.ops"
    verbose_name = "Operations"
