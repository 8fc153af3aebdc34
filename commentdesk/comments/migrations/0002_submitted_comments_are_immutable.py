"""A database trigger refuses any UPDATE that changes what a reader submitted.

The model layer refuses it too (Comment.save); the trigger also covers QuerySet.update(),
raw SQL and other programs that share the database.
"""

from django.db import migrations

MESSAGE = "commentdesk: a submitted comment cannot be edited"
SUBMITTED_COLUMNS = ("article_id", "author_name", "author_email", "text", "created_at")

SQLITE_CREATE = f"""
CREATE TRIGGER comments_comment_immutable
BEFORE UPDATE ON comments_comment
WHEN {" OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in SUBMITTED_COLUMNS)}
BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;
"""
SQLITE_DROP = "DROP TRIGGER IF EXISTS comments_comment_immutable;"

POSTGRES_CREATE = f"""
CREATE FUNCTION comments_comment_immutable() RETURNS trigger AS $$
BEGIN
  IF {" OR ".join(f"NEW.{c} IS DISTINCT FROM OLD.{c}" for c in SUBMITTED_COLUMNS)} THEN
    RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
"""
POSTGRES_CREATE_TRIGGER = """
CREATE TRIGGER comments_comment_immutable
BEFORE UPDATE ON comments_comment
FOR EACH ROW EXECUTE FUNCTION comments_comment_immutable();
"""
POSTGRES_DROP = (
    "DROP TRIGGER IF EXISTS comments_comment_immutable ON comments_comment",
    "DROP FUNCTION IF EXISTS comments_comment_immutable()",
)

# One statement per execute(): database drivers refuse several in one call.
STATEMENTS = {
    "sqlite": ((SQLITE_CREATE,), (SQLITE_DROP,)),
    "postgresql": ((POSTGRES_CREATE, POSTGRES_CREATE_TRIGGER), POSTGRES_DROP),
}


def _run(schema_editor, index):
    vendor = schema_editor.connection.vendor
    if vendor not in STATEMENTS:
        raise NotImplementedError(f"No immutability trigger for the {vendor} database.")
    for statement in STATEMENTS[vendor][index]:
        schema_editor.execute(statement)


def create_trigger(apps, schema_editor):
    _run(schema_editor, 0)


def drop_trigger(apps, schema_editor):
    _run(schema_editor, 1)


class Migration(migrations.Migration):
    dependencies = [("comments", "0001_initial")]
    operations = [migrations.RunPython(create_trigger, drop_trigger)]
