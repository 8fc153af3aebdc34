import secrets

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from commentdesk.webhooks.addresses import refusal


class Event(models.TextChoices):
    COMMENT_CREATED = "comment.created", _("A comment was posted")
    COMMENT_DECIDED = "comment.decided", _("A comment was approved, rejected, undone or erased")
    COMMENT_REPORTED = "comment.reported", _("A reader reported a comment")
    QUEUE_OVER_LIMIT = "queue.over_limit", _("The review queue grew past its limit")


def new_secret() -> str:
    return secrets.token_urlsafe(32)


class Endpoint(models.Model):
    """A publisher's URL that receives the site's events, signed with a shared secret."""

    class Format(models.TextChoices):
        JSON = "json", _("JSON event (see docs/webhooks.md)")
        SLACK = "slack", _("Slack incoming webhook (a text message)")

    site = models.ForeignKey("articles.Site", on_delete=models.CASCADE, related_name="webhooks")
    url = models.URLField(_("URL"), max_length=500)
    format = models.CharField(
        _("format"), max_length=10, choices=Format.choices, default=Format.JSON
    )
    events = models.JSONField(_("events"), default=list, blank=True)
    secret = models.CharField(
        _("signing secret"),
        max_length=100,
        default=new_secret,
        help_text=_(
            "Shared with the receiver, which checks the Commentdesk-Signature header with it."
        ),
    )
    active = models.BooleanField(_("active"), default=True)
    description = models.CharField(_("description"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["site", "pk"]
        verbose_name = _("webhook")
        verbose_name_plural = _("webhooks")

    def __str__(self):
        return self.description or self.url

    def clean(self):
        if self.url and (refused := refusal(self.url)):
            raise ValidationError({"url": refused})

    def wants(self, event: str) -> bool:
        return self.active and event in self.events


class Delivery(models.Model):
    """One event sent to one endpoint: the outbox row while it is pending, then its log entry."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        DELIVERED = "delivered", _("Delivered")
        FAILED = "failed", _("Failed")

    endpoint = models.ForeignKey(Endpoint, on_delete=models.CASCADE, related_name="deliveries")
    event = models.CharField(_("event"), max_length=40, choices=Event.choices)
    body = models.TextField(
        _("body"), help_text=_("The exact JSON sent, which the signature covers.")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    response_status = models.PositiveSmallIntegerField(_("response status"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="webhook_delivery_due")]
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")

    def __str__(self):
        return f"{self.event} to {self.endpoint}"


class QueueAlert(models.Model):
    """Tell the moderators when a site's review queue grows past a limit: once when it crosses
    the limit, then at most every repeat_minutes while it stays above."""

    site = models.OneToOneField(
        "articles.Site", on_delete=models.CASCADE, related_name="queue_alert"
    )
    limit = models.PositiveIntegerField(
        _("queue limit"),
        default=0,
        help_text=_("Notify when more comments than this wait for a moderator (0: off)."),
    )
    emails = models.TextField(
        _("email addresses"),
        blank=True,
        help_text=_(
            "One per line. Empty: the site's moderators and editors who have an address. "
            "Webhooks subscribed to the queue event (e.g. Slack) are told as well."
        ),
    )
    repeat_minutes = models.PositiveIntegerField(
        _("remind every (minutes)"),
        default=60,
        help_text=_("While the queue stays above the limit (0: only once per crossing)."),
    )
    over_limit = models.BooleanField(_("over the limit"), default=False, editable=False)
    notified_at = models.DateTimeField(_("last notified"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("queue alert")
        verbose_name_plural = _("queue alerts")

    def __str__(self):
        return str(self.site)

    def recipients(self) -> list[str]:
        return [line.strip() for line in self.emails.splitlines() if line.strip()]
