import sqlite3
import tempfile
import threading
import uuid
from pathlib import Path
from unittest import skipUnless

import psycopg
from django.core.management import call_command
from django.db import connection
from django.test import TransactionTestCase

from commentdesk.comments.actions import do_submit_comment
from commentdesk.comments.models import Comment
from commentdesk.moderation.actions import do_approve_comment, do_reject_comment
from commentdesk.moderation.models import Decision
from commentdesk.ops.backup import backup_sqlite, restore_postgres
from commentdesk.test import make_article


class Writer(threading.Thread):
    """Commits one row per transaction on its own connection until stopped."""

    def __init__(self, path):
        super().__init__()
        self.path, self.committed, self.stop, self.errors = path, 0, threading.Event(), []

    def run(self):
        database = sqlite3.connect(self.path, timeout=20, isolation_level=None)
        try:
            while not self.stop.is_set():
                database.execute("BEGIN IMMEDIATE")
                database.execute("INSERT INTO rows (payload) VALUES (?)", ("x" * 500,))
                database.execute("COMMIT")
                self.committed += 1
        except sqlite3.Error as error:
            self.errors.append(error)
        finally:
            database.close()


def test_sqlite_backup_is_one_snapshot_while_another_connection_writes():
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "live.sqlite3"
        live = sqlite3.connect(path, isolation_level=None)
        live.execute("PRAGMA journal_mode=WAL")  # as settings.py sets it
        live.execute("CREATE TABLE rows (id INTEGER PRIMARY KEY, payload TEXT)")
        writer = Writer(path)
        writer.start()
        try:
            while writer.committed < 200 and writer.is_alive():
                pass
            copies = []
            for number in range(3):
                before = writer.committed
                backup_sqlite(live, Path(folder) / f"copy{number}.sqlite3")
                copies.append((before, writer.committed))
        finally:
            writer.stop.set()
            writer.join()
        assert writer.errors == [], "the backup must not make the writer fail"
        for number, (before, after) in enumerate(copies):
            copy = sqlite3.connect(Path(folder) / f"copy{number}.sqlite3")
            count, highest = copy.execute("SELECT count(*), max(id) FROM rows").fetchone()
            assert before <= count <= after
            assert highest == count, "every row up to the snapshot, none missing"
            assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
            copy.close()
        live.close()


class BackupTestCase(TransactionTestCase):
    def setUp(self):
        self.folder = tempfile.TemporaryDirectory()
        self.addCleanup(self.folder.cleanup)
        self.article = make_article()
        self.comments = [self.submit(f"Comment number {n}.") for n in range(12)]
        for comment in self.comments[:4]:
            do_approve_comment(Comment.objects.get(pk=comment.pk), machine="test-model")
        for comment in self.comments[4:6]:
            do_reject_comment(Comment.objects.get(pk=comment.pk), "personal_attack", machine="test-model")

    def submit(self, text):
        return do_submit_comment(self.article, author_name="Carol", author_email="carol@example.org", text=text)

    def expected(self):
        comments = set(Comment.objects.values_list("pk", "status"))
        decisions = set(Decision.objects.values_list("pk", "comment_id", "outcome", "guideline"))
        self.assertGreaterEqual(len(decisions), 6)
        return comments, decisions


@skipUnless(connection.vendor == "sqlite", "SQLite's online backup: runs in the SQLite pass of make test")
class SqliteBackupTestCase(BackupTestCase):
    def test_the_backup_holds_every_comment_and_decision(self):
        comments, decisions = self.expected()
        dest = Path(self.folder.name) / "backup.sqlite3"
        call_command("backup_db", dest, stdout=open("/dev/null", "w"))
        copy = sqlite3.connect(dest)
        self.assertEqual(set(copy.execute("SELECT id, status FROM comments_comment")), comments)
        decided = "SELECT id, comment_id, outcome, guideline FROM moderation_decision"
        self.assertEqual(set(copy.execute(decided)), decisions)
        copy.close()

    def test_restore_brings_back_the_backup(self):
        comments, decisions = self.expected()
        dest = Path(self.folder.name) / "backup.sqlite3"
        call_command("backup_db", dest, stdout=open("/dev/null", "w"))
        later = self.submit("Posted after the backup.")
        call_command("restore_db", dest, "--noinput", stdout=open("/dev/null", "w"))
        self.assertFalse(Comment.objects.filter(pk=later.pk).exists())
        self.assertEqual(self.expected(), (comments, decisions))


@skipUnless(connection.vendor == "postgresql", "pg_dump and pg_restore: run in the PostgreSQL pass of make test")
class PostgresBackupTestCase(BackupTestCase):
    def test_a_dump_restores_into_a_fresh_database_with_every_comment_and_decision(self):
        comments, decisions = self.expected()
        dest = Path(self.folder.name) / "backup.dump"
        call_command("backup_db", dest, stdout=open("/dev/null", "w"))
        scratch = f"restore_check_{uuid.uuid4().hex[:12]}"
        with self.admin() as admin:
            admin.execute(f'CREATE DATABASE "{scratch}"')
        try:
            restore_postgres(dest, {**connection.settings_dict, "NAME": scratch}, clean=False)
            with psycopg.connect(**self.libpq(scratch)) as restored:
                found = set(restored.execute("SELECT id, status FROM comments_comment").fetchall())
                decided = "SELECT id, comment_id, outcome, guideline FROM moderation_decision"
                found_decisions = set(restored.execute(decided).fetchall())
        finally:
            with self.admin() as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{scratch}" WITH (FORCE)')
        self.assertEqual(found, comments)
        self.assertEqual(found_decisions, decisions)

    def test_restore_db_brings_back_the_backup(self):
        comments, decisions = self.expected()
        dest = Path(self.folder.name) / "backup.dump"
        call_command("backup_db", dest, stdout=open("/dev/null", "w"))
        later = self.submit("Posted after the backup.")
        call_command("restore_db", dest, "--noinput", stdout=open("/dev/null", "w"))
        self.assertFalse(Comment.objects.filter(pk=later.pk).exists())
        self.assertEqual(self.expected(), (comments, decisions))

    def libpq(self, name):
        settings = connection.settings_dict
        parameters = {"dbname": name, "host": settings["HOST"], "port": settings["PORT"],
                      "user": settings["USER"], "password": settings["PASSWORD"]}
        return {key: value for key, value in parameters.items() if value}

    def admin(self):
        return psycopg.connect(**self.libpq("postgres"), autocommit=True)
