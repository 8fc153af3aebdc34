from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from commentdesk.ops.backup import BackupError, restore_postgres, restore_sqlite


class Command(BaseCommand):
    help = (
        "Replace the database with a backup made by backup_db. Stop the web server, the workers "
        "and the beat first: everything written since the backup is lost."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", type=Path, help="A file written by backup_db.")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)
        parser.add_argument(
            "--noinput", "--no-input", action="store_false", dest="interactive",
            help="Do not ask for confirmation.",
        )

    def handle(self, *args, source, database, interactive, **options):
        connection = connections[database]
        if not source.is_file():
            raise CommandError(f"No backup file at {source}.")
        if interactive and not self.confirmed(connection, source):
            raise CommandError("Restore cancelled.")
        try:
            if connection.vendor == "sqlite":
                connection.ensure_connection()
                restore_sqlite(source, connection.connection)
            elif connection.vendor == "postgresql":
                connection.close()  # pg_restore replaces tables this connection may hold open.
                restore_postgres(source, connection.settings_dict, clean=True)
            else:
                raise CommandError(f"No restore for {connection.vendor}: SQLite and PostgreSQL only.")
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored the {connection.vendor} database from {source}.")

    def confirmed(self, connection, source):
        name = connection.settings_dict["NAME"]
        answer = input(f"This replaces everything in the database {name} with {source}. Type 'yes' to go on: ")
        return answer == "yes"
