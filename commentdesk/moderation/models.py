from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from commentdesk.comments.models import Comment
from commentdesk.moderation.guidelines import Guideline


class Decision(models.Model):
    """One entry of the audit log: who or what decided a comment, when, and why.

    When a commenter has their data erased, their comments are deleted but the decisions
    stay, anonymised: comment becomes null and the erased_* fields keep what is not personal
    (which comment number and article it was, its language, when it was erased).
    """

    class Outcome(models.TextChoices):
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    comment = models.ForeignKey(
        Comment, on_delete=models.SET_NULL, null=True, blank=True, related_name="decisions"
    )
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
    undone_at = models.DateTimeField(_("undone"), null=True, blank=True)
    erased_at = models.DateTimeField(_("comment erased"), null=True, blank=True)
    erased_comment_id = models.BigIntegerField(_("erased comment number"), null=True, blank=True)
    erased_article = models.ForeignKey(
        "articles.Article",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("article of the erased comment"),
    )
    erased_lang = models.CharField(_("language of the erased comment"), max_length=8, blank=True)

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


class Policy(models.Model):
    """How a site's comments are moderated: editors change it in the admin."""

    class Mode(models.TextChoices):
        MACHINE_THEN_HUMAN = "machine_then_human", _("Machine decides; a human reviews what it cannot")
        HUMAN_ONLY = "human_only", _("A human decides every comment")

    class LinkAction(models.TextChoices):
        ALLOW = "allow", _("Allow")
        REVIEW = "review", _("Hold for a moderator")
        REJECT = "reject", _("Reject as promotion")

    site = models.OneToOneField(
        "articles.Site", on_delete=models.CASCADE, related_name="moderation_policy"
    )
    mode = models.CharField(
        _("mode"), max_length=20, choices=Mode.choices, default=Mode.MACHINE_THEN_HUMAN
    )
    thresholds = models.JSONField(
        _("classifier thresholds"),
        default=dict,
        blank=True,
        help_text=_(
            'Per guideline, [approve below, reject above], e.g. {"threat": [0.2, 0.9]}; '
            "guidelines left out keep the shipped defaults."
        ),
    )
    banned_words = models.TextField(
        _("banned words"),
        blank=True,
        help_text=_("One per line; * matches any letters (idiot*). A match rejects the comment."),
    )
    suspect_words = models.TextField(
        _("suspect words"),
        blank=True,
        help_text=_("One per line; * matches any letters. A match holds the comment for a moderator."),
    )
    links = models.CharField(
        _("links and contact details"),
        max_length=10,
        choices=LinkAction.choices,
        default=LinkAction.REVIEW,
    )
    new_commenter_approvals = models.PositiveSmallIntegerField(
        _("hold new commenters until approved"),
        default=0,
        help_text=_("A commenter's comments go to a moderator until this many were approved (0: off)."),
    )
    history_window = models.PositiveSmallIntegerField(
        _("recent comments considered"),
        default=5,
        help_text=_("How many of a commenter's latest decided comments the history check reads."),
    )
    history_rejected_share = models.FloatField(
        _("hold when this share was rejected"),
        default=0.5,
        help_text=_("A commenter whose recent comments were rejected at least this often is held."),
    )
    report_threshold = models.PositiveSmallIntegerField(
        _("reports that send a comment back to the queue"),
        default=3,
        validators=[MinValueValidator(1)],
        help_text=_(
            "A published comment this many readers report goes to the review queue as reported; "
            "it stays published until a moderator decides."
        ),
    )

    class Meta:
        verbose_name = _("moderation policy")
        verbose_name_plural = _("moderation policies")

    def __str__(self):
        return str(self.site)

    @classmethod
    def for_site(cls, site):
        try:
            return site.moderation_policy  # already loaded when the caller selected it
        except cls.DoesNotExist:
            policy, _created = cls.objects.get_or_create(site=site)
            return policy


class ModerationJob(models.Model):
    """The outbox row that schedules a comment's moderation, and the machine's verdict.

    It is written in the same transaction as the comment, so a comment accepted for
    moderation is never without one; the sweep re-sends jobs that have not completed.
    """

    class Verdict(models.TextChoices):
        APPROVE = "approve", _("Approve")
        REJECT = "reject", _("Reject")
        REVIEW = "review", _("Moderator review")

    comment = models.OneToOneField(Comment, on_delete=models.CASCADE, related_name="moderation_job")
    created_at = models.DateTimeField(auto_now_add=True)
    enqueued_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    completed_at = models.DateTimeField(null=True, blank=True, db_index=True)
    verdict = models.CharField(max_length=10, choices=Verdict.choices, blank=True)
    guideline = models.CharField(max_length=20, choices=Guideline.choices, blank=True)
    scores = models.JSONField(default=dict, blank=True)
    explanation = models.TextField(blank=True)
    evidence = models.JSONField(default=list, blank=True)
    reasons = models.JSONField(default=list, blank=True)
    lang = models.CharField(_("language"), max_length=8, blank=True, db_index=True)
    model_version = models.CharField(max_length=80, blank=True)

    class Meta:
        verbose_name = _("moderation job")
        verbose_name_plural = _("moderation jobs")

    def __str__(self):
        return f"moderation of comment {self.comment_id}"


class LabelledExample(models.Model):
    """A moderator overturned the machine: the comment, labelled, for later retraining."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="labelled_examples")
    label = models.CharField(
        _("label"), max_length=20, help_text=_("A guideline, or ok for an acceptable comment.")
    )
    machine_verdict = models.CharField(_("machine verdict"), max_length=10)
    machine_guideline = models.CharField(_("machine guideline"), max_length=20, blank=True)
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("labelled example")
        verbose_name_plural = _("labelled examples")

    def __str__(self):
        return f"{self.label}: comment {self.comment_id}"
