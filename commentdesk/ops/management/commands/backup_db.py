from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from commentdesk.ops.backup import BackupError, backup_sqlite, dump_postgres


class Command(BaseCommand):
    help = (
        "Back up the database to a file while the site runs: SQLite's online backup (a database "
        "file), or pg_dump's custom format on PostgreSQL (restore with restore_db or pg_restore)."
    )

    def add_arguments(self, parser):
        parser.add_argument("dest", type=Path, help="The backup file to write (replaced if it exists).")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, dest, database, **options):
        connection = connections[database]
        try:
            if connection.vendor == "sqlite":
                connection.ensure_connection()
                backup_sqlite(connection.connection, dest)
            elif connection.vendor == "postgresql":
                dump_postgres(connection.settings_dict, dest)
            else:
                raise CommandError(f"No backup for {connection.vendor}: SQLite and PostgreSQL only.")
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Backed up the {connection.vendor} database to {dest} ({dest.stat().st_size} bytes).")
