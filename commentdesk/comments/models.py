from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from commentdesk.articles.models import Article
from commentdesk.moderation.guidelines import Guideline


class CommentEditError(Exception):
    """Raised when code tries to change what a reader submitted."""


class Comment(models.Model):
    """A reader's comment. What the reader submitted never changes; only its status does.

    The database enforces the same rule with a trigger (see migration 0002), so a raw
    UPDATE cannot edit a comment either.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting moderation")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    SUBMITTED_FIELDS = (
        "article_id", "author_name", "author_email", "text", "created_at", "parent_id"
    )

    article = models.ForeignKey(Article, on_delete=models.PROTECT, related_name="comments")
    author_name = models.CharField(_("name"), max_length=80)
    author_email = models.EmailField(_("email"))
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("posted"), default=timezone.now, db_index=True)
    # The comment this one replies to (imported threads). Deleting a comment, e.g. at its
    # author's request, keeps the replies of others: they become top-level comments, the one
    # change the database allows to a submitted comment (see migration 0004).
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replies",
        verbose_name=_("in reply to"),
    )

    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    guideline = models.CharField(
        _("guideline cited"), max_length=20, choices=Guideline.choices, blank=True
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["article", "status", "created_at"]),
            # The pipeline and the workspace read a commenter's history by address.
            # (An index, not db_index: altering the field would make SQLite rebuild the
            # table and drop the immutability trigger.)
            models.Index(fields=["author_email"], name="comments_commenter_email"),
            # Threads' replies, and the "most replies" order counting each thread's approved ones.
            models.Index(fields=["parent", "status"], name="comments_replies_by_status"),
        ]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self):
        return f"{self.author_name}: {self.text[:60]}"

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._submitted = instance._submitted_values()
        return instance

    def _submitted_values(self):
        # __dict__ rather than getattr, so deferred fields are not loaded one query at a time.
        return tuple(self.__dict__.get(name) for name in self.SUBMITTED_FIELDS)

    def save(self, *args, **kwargs):
        submitted = getattr(self, "_submitted", None)
        if submitted is not None and submitted != self._submitted_values():
            raise CommentEditError("A submitted comment cannot be edited; approve or reject it.")
        super().save(*args, **kwargs)
        self._submitted = self._submitted_values()

    @property
    def is_pending(self):
        return self.status == self.Status.PENDING


class Report(models.Model):
    """A reader's report that a published comment breaks the guidelines.

    One per reader and comment: `reporter` is a keyed hash of the reader's session (article
    page) or address (API), never the raw value. A moderator's next decision on the comment
    settles its open reports (resolved_at).
    """

    class Reason(models.TextChoices):
        OFFENSIVE = "offensive", _("Offensive")
        ABUSIVE = "abusive", _("Abusive or a personal attack")
        SPAM = "spam", _("Spam or promotion")
        OTHER = "other", _("Something else")

    NOTE_LENGTH = 300

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reports")
    reason = models.CharField(_("reason"), max_length=10, choices=Reason.choices)
    note = models.CharField(_("note"), max_length=NOTE_LENGTH, blank=True)
    reporter = models.CharField(_("reporter"), max_length=64)
    created_at = models.DateTimeField(_("reported"), default=timezone.now)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["comment", "reporter"], name="one_report_per_reader")
        ]
        indexes = [models.Index(fields=["comment", "resolved_at"], name="comments_open_reports")]
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self):
        return f"{self.get_reason_display()}: {self.comment_id}"


class FeaturedComment(models.Model):
    """A published top-level comment an editor or moderator picked to show first, as Coral's
    and the New York Times' "featured" comments are. A comment rejected later (after reader
    reports, say) keeps its row but is no longer shown: see comments/listing.py."""

    comment = models.OneToOneField(
        Comment, on_delete=models.CASCADE, related_name="featured", verbose_name=_("comment")
    )
    # The comment's article, copied: page 1 finds an article's picks by this index, not by
    # reading its every comment to find the few featured ones.
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+", editable=False)
    featured_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("featured by"),
    )
    featured_at = models.DateTimeField(_("featured"), default=timezone.now)

    class Meta:
        ordering = ["-featured_at", "-pk"]
        indexes = [
            models.Index(fields=["article", "-featured_at"], name="comments_featured_by_article")
        ]
        verbose_name = _("featured comment")
        verbose_name_plural = _("featured comments")

    def __str__(self):
        return str(self.comment)
