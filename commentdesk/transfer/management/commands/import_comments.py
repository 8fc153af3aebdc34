from django.core.management.base import BaseCommand, CommandError

from commentdesk.transfer.disqus import read_disqus
from commentdesk.transfer.importing import do_import_comments
from commentdesk.transfer.management.commands._site import find_site
from commentdesk.transfer.sources import SourceError
from commentdesk.transfer.wxr import read_wxr

READERS = {"disqus": read_disqus, "wxr": read_wxr}


class Command(BaseCommand):
    help = (
        "Import the comments of a Disqus export or a WordPress export (WXR) into a site, with "
        "their authors, dates, threads and approval states. Running it again on the same file "
        "imports nothing twice. Prints what was imported, skipped and why some failed."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the export file (XML)")
        parser.add_argument("--format", required=True, choices=sorted(READERS))
        parser.add_argument("--site", required=True, help="the site's id or exact name")
        parser.add_argument(
            "--dry-run", action="store_true", help="report what would happen, store nothing"
        )

    def handle(self, *args, file, format, site, dry_run, **options):
        site = find_site(site)
        try:
            with open(file, "rb") as stream:
                parsed = READERS[format](stream)
        except (OSError, SourceError) as error:
            raise CommandError(f"{file}: {error}") from None
        report = do_import_comments(site, parsed, dry_run=dry_run)
        self._print(report, parsed, site, dry_run)

    def _print(self, report, parsed, site, dry_run):
        verb = "Would import" if dry_run else "Imported"
        by_status = ", ".join(f"{n} {status}" for status, n in sorted(report.imported.items()))
        self.stdout.write(
            f"{verb} {report.imported_total} comments from {parsed.source} into {site.name}"
            + (f" ({by_status})" if by_status else "")
            + "."
        )
        self.stdout.write(f"Skipped as already imported: {report.duplicates}.")
        self.stdout.write(f"Skipped: {len(report.skipped)}.")
        for source_id, reason in report.skipped:
            self.stdout.write(f"  {source_id}: {reason}")
        self.stdout.write(f"Failed: {len(report.failed)}.")
        for source_id, reason in report.failed:
            self.stdout.write(f"  {source_id}: {reason}")
        if report.unlisted_origins:
            self.stdout.write(
                "Note: the site's embedding origins (admin > Sites) do not list "
                + ", ".join(report.unlisted_origins)
                + ": the embedded comment section will refuse those pages until they are added."
            )
