from django.core.management.base import BaseCommand

from commentdesk.transfer.exporting import write_export
from commentdesk.transfer.management.commands._site import find_site


class Command(BaseCommand):
    help = (
        "Write a site's comments as JSON to standard output: text, author, dates, status, "
        "guideline, decisions, parent and article URL. Addresses only with --include-emails."
    )

    def add_arguments(self, parser):
        parser.add_argument("--site", required=True, help="the site's id or exact name")
        parser.add_argument(
            "--include-emails",
            action="store_true",
            help="include each commenter's email address (personal data: keep the file safe)",
        )

    def handle(self, *args, site, include_emails, **options):
        site = find_site(site)
        count = write_export(site, self.stdout, include_emails=include_emails)
        self.stderr.write(f"Exported {count} comments of {site.name}.")
