from django.apps import AppConfig
from django.core import checks


class OpsConfig(AppConfig):
    name = "commentdesk.ops"
    verbose_name = "Operations"

    def ready(self):
        from commentdesk.ops.checks import check_metrics_folder

        checks.register(check_metrics_folder)
