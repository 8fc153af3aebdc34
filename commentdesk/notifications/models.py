from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Subscription(models.Model):
    """A commenter asked, when posting, to be emailed when the comment is decided and when a
    reply to it is published. The address is the comment's own (comments are immutable), so
    the subscription goes with the comment when its author has it erased."""

    comment = models.OneToOneField(
        "comments.Comment", on_delete=models.CASCADE, related_name="subscription"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)

    class Meta:
        verbose_name = _("email subscription")
        verbose_name_plural = _("email subscriptions")

    def __str__(self):
        return str(self.comment_id)

    @property
    def active(self) -> bool:
        return self.unsubscribed_at is None


class SentEmail(models.Model):
    """One email a subscription was sent, claimed before sending so that it goes out at most
    once: key is the outcome ("approved", "rejected") or "reply:<id>" of the reply announced."""

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="sent")
    key = models.CharField(max_length=40)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["subscription", "key"], name="one_email_per_event")
        ]

    def __str__(self):
        return f"{self.subscription_id}: {self.key}"


class PendingEmail(models.Model):
    """The outbox: an email a decision asked for, kept until the mail server took it (or it
    turned out to be due no more), so a mail server that is down, or a process that stops,
    delays it instead of losing it. kind is "decision" (about comment) or "reply" (comment is
    the reply to announce)."""

    class Kind(models.TextChoices):
        DECISION = "decision", _("decision")
        REPLY = "reply", _("reply")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    comment = models.ForeignKey("comments.Comment", on_delete=models.CASCADE, related_name="+")
    attempts = models.PositiveSmallIntegerField(_("failed attempts"), default=0)
    # None once it failed for good: left for an operator to read, never tried again.
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, default=timezone.now)
    error = models.CharField(_("last error"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("pending email")
        verbose_name_plural = _("pending emails")
        constraints = [
            models.UniqueConstraint(fields=["kind", "comment"], name="one_pending_email_per_event")
        ]
        indexes = [models.Index(fields=["next_attempt_at"], name="pending_email_due")]

    def __str__(self):
        return f"{self.kind}: {self.comment_id}"
