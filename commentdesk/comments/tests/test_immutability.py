from django.db import DatabaseError, connection, transaction

from commentdesk.comments.models import Comment, CommentEditError
from commentdesk.test import BaseTestCase


class CommentImmutabilityTestCase(BaseTestCase):
    def setUp(self):
        super().setUp()
        self.comment = self.submit("Original words.")

    def assert_database_refuses(self, **changes):
        with self.assertRaisesMessage(DatabaseError, "a submitted comment cannot be edited"):
            with transaction.atomic():
                Comment.objects.filter(pk=self.comment.pk).update(**changes)
        self.comment.refresh_from_db()
        self.assertEqual(self.comment.text, "Original words.")

    def test_the_model_refuses_to_change_the_text(self):
        comment = Comment.objects.get(pk=self.comment.pk)
        comment.text = "Edited words."
        with self.assertRaises(CommentEditError):
            comment.save()

    def test_the_model_refuses_to_change_the_commenter(self):
        comment = Comment.objects.get(pk=self.comment.pk)
        comment.author_name = "Someone else"
        with self.assertRaises(CommentEditError):
            comment.save()

    def test_the_database_refuses_to_change_the_text(self):
        self.assert_database_refuses(text="Edited words.")

    def test_the_database_refuses_to_change_the_commenter(self):
        self.assert_database_refuses(author_name="Mallory")
        self.assert_database_refuses(author_email="mallory@example.org")

    def test_the_database_refuses_to_move_the_comment(self):
        other = type(self.article).objects.get(pk=self.article.pk)
        other.pk, other.slug = None, "another-story"
        other.save()
        self.assert_database_refuses(article=other)

    def test_the_database_refuses_raw_sql_edits(self):
        with self.assertRaises(DatabaseError):
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(
                    "UPDATE comments_comment SET text = %s WHERE id = %s", ["Raw edit", self.comment.pk]
                )
        self.comment.refresh_from_db()
        self.assertEqual(self.comment.text, "Original words.")

    def test_the_status_can_still_change(self):
        Comment.objects.filter(pk=self.comment.pk).update(status=Comment.Status.APPROVED)
        self.comment.refresh_from_db()
        self.assertEqual(self.comment.status, Comment.Status.APPROVED)
