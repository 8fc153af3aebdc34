from django.conf import settings
from django.core import checks


def check_email_settings(app_configs=None, **kwargs):
    """Deploy checks: emails to commenters need absolute links and one way to reach the server."""
    problems = []
    if not settings.COMMENTDESK_URL:
        problems.append(
            checks.Warning(
                "COMMENTDESK_URL is not set: the links in commenters' emails would be incomplete.",
                hint="Set it to the desk's address, e.g. https://comments.example.org.",
                id="commentdesk.notifications.W001",
            )
        )
    if settings.EMAIL_USE_TLS and settings.EMAIL_USE_SSL:
        problems.append(
            checks.Error(
                "EMAIL_USE_TLS and EMAIL_USE_SSL are both on; no email could be sent.",
                hint="STARTTLS (port 587): EMAIL_USE_TLS; TLS at once (465): EMAIL_USE_SSL.",
                id="commentdesk.notifications.E001",
            )
        )
    return problems
