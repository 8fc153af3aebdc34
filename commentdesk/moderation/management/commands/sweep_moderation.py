from django.conf import settings
from django.core.management.base import BaseCommand

from commentdesk.moderation.actions import do_sweep_stale_moderation


class Command(BaseCommand):
    help = "Send again the moderation of comments whose job has not completed (the beat does this every minute)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            type=int,
            default=settings.MODERATION_SWEEP_AFTER,
            help="Only jobs sent at least this many seconds ago (default: MODERATION_SWEEP_AFTER).",
        )

    def handle(self, *args, older_than, **options):
        sent = do_sweep_stale_moderation(older_than)
        self.stdout.write(f"{sent} comments sent for moderation.")
