from django.db import models
from django.utils.translation import gettext_lazy as _


class Guideline(models.TextChoices):
    """The community guidelines a comment can be rejected under, in the classifier's order."""

    PROFANITY = "profanity", _("Profanity")
    THREAT = "threat", _("Threats")
    PERSONAL_ATTACK = "personal_attack", _("Personal attacks")
    VULGARITY = "vulgarity", _("Vulgarity")
    IDENTITY_ABUSE = "identity_abuse", _("Abuse (sexism, racism, homophobia, xenophobia)")
    PROMOTION = "promotion", _("Commercial or personal promotion")
    OFF_TOPIC = "off_topic", _("Not relevant to the article")
