from django.core.management.base import BaseCommand

from commentdesk.webhooks.delivery import do_deliver_due


class Command(BaseCommand):
    help = (
        "Attempt every webhook delivery that is due now, in this process (the sender thread or "
        "Celery beat does this on its own; this is for cron or a one-off catch-up)."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"Attempted {do_deliver_due()} deliveries.")
