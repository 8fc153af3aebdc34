from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from commentdesk.comments.models import Comment
from commentdesk.moderation.guidelines import Guideline


class Decision(models.Model):
    """One entry of the audit log: who or what decided a comment, when, and why."""

    class Outcome(models.TextChoices):
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="decisions")
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    guideline = models.CharField(
        _("guideline cited"), max_length=20, choices=Guideline.choices, blank=True
    )
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("moderator"),
    )
    machine = models.CharField(
        _("machine"), max_length=80, blank=True, help_text=_("Model version when a machine decided.")
    )
    scores = models.JSONField(_("scores"), default=dict, blank=True)
    created_at = models.DateTimeField(_("decided"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self):
        return f"{self.get_outcome_display()} by {self.decider}"

    @property
    def decider(self) -> str:
        if self.machine:
            return f"machine ({self.machine})"
        return self.moderator.get_username() if self.moderator else "a removed moderator"
