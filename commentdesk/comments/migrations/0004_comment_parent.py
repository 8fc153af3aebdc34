"""Replies: a comment may answer another (imported threads keep their structure).

Which comment a reply answers is part of what was submitted, so the immutability trigger of
migration 0002 now covers parent_id too, with one exception: the database may set it to NULL
when the parent is deleted (an erasure at its author's request), so the replies of others stay,
as top-level comments.
"""

import importlib

from django.db import migrations, models

V1_MODULE = "commentdesk.comments.migrations.0002_submitted_comments_are_immutable"
v1 = importlib.import_module(V1_MODULE)

PARENT_SQLITE = "(NEW.parent_id IS NOT OLD.parent_id AND NEW.parent_id IS NOT NULL)"
PARENT_POSTGRES = "(NEW.parent_id IS DISTINCT FROM OLD.parent_id AND NEW.parent_id IS NOT NULL)"

SQLITE_CREATE = f"""
CREATE TRIGGER comments_comment_immutable
BEFORE UPDATE ON comments_comment
WHEN {" OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in v1.SUBMITTED_COLUMNS)} OR {PARENT_SQLITE}
BEGIN SELECT RAISE(ABORT, '{v1.MESSAGE}'); END;
"""

POSTGRES_REPLACE = f"""
CREATE OR REPLACE FUNCTION comments_comment_immutable() RETURNS trigger AS $$
BEGIN
  IF {" OR ".join(f"NEW.{c} IS DISTINCT FROM OLD.{c}" for c in v1.SUBMITTED_COLUMNS)}
     OR {PARENT_POSTGRES} THEN
    RAISE EXCEPTION '{v1.MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
"""


def _vendor(schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor not in ("sqlite", "postgresql"):
        raise NotImplementedError(f"No immutability trigger for the {vendor} database.")
    return vendor


def cover_parent(apps, schema_editor):
    if _vendor(schema_editor) == "sqlite":
        schema_editor.execute(v1.SQLITE_DROP)
        schema_editor.execute(SQLITE_CREATE)
    else:
        schema_editor.execute(POSTGRES_REPLACE)


def uncover_parent(apps, schema_editor):
    # SQLite: dropped here, recreated as in 0002 once the column is gone (removing a foreign
    # key column rebuilds the table, which would drop a trigger left on it).
    if _vendor(schema_editor) == "sqlite":
        schema_editor.execute(v1.SQLITE_DROP)
    else:
        original = v1.POSTGRES_CREATE.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION")
        schema_editor.execute(original)


def restore_v1_sqlite(apps, schema_editor):
    if _vendor(schema_editor) == "sqlite":
        schema_editor.execute(v1.SQLITE_DROP)
        schema_editor.execute(v1.SQLITE_CREATE)


class Migration(migrations.Migration):
    dependencies = [("comments", "0003_index_commenter_email")]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, restore_v1_sqlite),
        migrations.AddField(
            model_name="comment",
            name="parent",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=models.deletion.SET_NULL,
                related_name="replies",
                to="comments.comment",
                verbose_name="in reply to",
            ),
        ),
        migrations.RunPython(cover_parent, uncover_parent),
    ]
