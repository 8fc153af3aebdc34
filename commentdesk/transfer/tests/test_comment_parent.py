from django.db import IntegrityError, connection, transaction

from commentdesk.comments.models import Comment, CommentEditError
from commentdesk.test import BaseTestCase


class CommentParentTestCase(BaseTestCase):
    """Comment.parent (migration comments 0004): part of what was submitted."""

    def setUp(self):
        super().setUp()
        self.parent = self.submit("The first word.")
        self.reply = Comment.objects.create(
            article=self.article, author_name="Dan", author_email="dan@example.org",
            text="A reply.", parent=self.parent,
        )

    def test_the_model_refuses_another_parent(self):
        reply = Comment.objects.get(pk=self.reply.pk)
        reply.parent = None
        with self.assertRaises(CommentEditError):
            reply.save()

    def test_the_database_refuses_another_parent(self):
        other = self.submit("Another.")
        with self.assertRaises(IntegrityError), transaction.atomic():
            Comment.objects.filter(pk=self.reply.pk).update(parent=other)

    def test_the_text_is_still_protected(self):
        with self.assertRaises(IntegrityError), transaction.atomic():
            Comment.objects.filter(pk=self.reply.pk).update(text="Edited.")

    def test_deleting_the_parent_keeps_the_reply(self):
        Comment.objects.filter(pk=self.parent.pk).delete()
        self.reply.refresh_from_db()
        self.assertIsNone(self.reply.parent_id)

    def test_raw_sql_may_only_detach(self):
        with connection.cursor() as cursor:
            cursor.execute("UPDATE comments_comment SET parent_id = NULL WHERE id = %s", [self.reply.pk])
        self.reply.refresh_from_db()
        self.assertIsNone(self.reply.parent_id)
