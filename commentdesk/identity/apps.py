from django.apps import AppConfig


class IdentityConfig(AppConfig):
    name = "commentdesk.identity"
    verbose_name = "Reader identity"
