"""Back up and restore the database while the site runs: SQLite's online backup, pg_dump.

SQLite: Connection.backup() copies the database page by page through SQLite itself, so the copy
is one consistent snapshot even while the site writes (in WAL mode, which settings.py turns
on, writers are not blocked while it reads). PostgreSQL: pg_dump reads one snapshot in a
transaction of its own and never blocks the site; pg_restore loads it back.
"""

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path


class BackupError(Exception):
    pass


def backup_sqlite(source: sqlite3.Connection, dest: Path):
    """Copy the database behind `source` to the file `dest`, atomically (never half written)."""
    partial = dest.with_name(dest.name + ".partial")
    partial.unlink(missing_ok=True)
    target = sqlite3.connect(partial)
    try:
        # One step (pages=-1): a consistent snapshot. In steps, each write by another
        # connection would restart the copy, which under steady traffic may never end.
        source.backup(target)
        # The copy inherits WAL mode from the header: make it one self-contained file.
        target.execute("PRAGMA journal_mode=DELETE")
        check_sqlite(target)
    finally:
        target.close()
    os.replace(partial, dest)


def restore_sqlite(source: Path, target: sqlite3.Connection):
    """Replace the database behind `target` with the backup file `source`."""
    backup = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        check_sqlite(backup)
        backup.backup(target)
    finally:
        backup.close()


def check_sqlite(connection: sqlite3.Connection):
    result = connection.execute("PRAGMA quick_check").fetchone()[0]
    if result != "ok":
        raise BackupError(f"The SQLite database failed its check: {result}")


def dump_postgres(settings_dict: dict, dest: Path):
    """pg_dump the database of `settings_dict` (a DATABASES entry) to `dest`, custom format."""
    partial = dest.with_name(dest.name + ".partial")
    run_pg("pg_dump", settings_dict, "--format=custom", f"--file={partial}")
    os.replace(partial, dest)


def restore_postgres(source: Path, settings_dict: dict, *, clean: bool):
    """pg_restore `source` into the database of `settings_dict`, in one transaction.

    clean drops the objects it restores first (an existing database); without it the target
    must be empty (a freshly created one).
    """
    options = ["--no-owner", "--single-transaction", "--exit-on-error"]
    if clean:
        options += ["--clean", "--if-exists"]
    run_pg("pg_restore", settings_dict, *options, str(source))


def run_pg(program: str, settings_dict: dict, *arguments: str):
    executable = shutil.which(program)
    if executable is None:
        raise BackupError(f"{program} is not installed (Debian: apt-get install postgresql-client).")
    command = [executable, f"--dbname={settings_dict['NAME']}", *arguments]
    result = subprocess.run(
        command, env={**os.environ, **pg_environment(settings_dict)}, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise BackupError(f"{program} failed: {result.stderr.strip()}")


def pg_environment(settings_dict: dict) -> dict:
    """The libpq variables for a DATABASES entry, so no password shows in the process list."""
    variables = {
        "PGHOST": settings_dict.get("HOST"),
        "PGPORT": str(settings_dict.get("PORT") or ""),
        "PGUSER": settings_dict.get("USER"),
        "PGPASSWORD": settings_dict.get("PASSWORD"),
        "PGSSLMODE": settings_dict.get("OPTIONS", {}).get("sslmode"),
    }
    return {name: value for name, value in variables.items() if value}
