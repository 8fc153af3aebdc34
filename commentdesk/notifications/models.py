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
