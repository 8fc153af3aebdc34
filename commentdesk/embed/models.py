"""Moderators' personal API tokens, for tools that use the moderation API without a browser."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Marks our moderator tokens, so a leaked one is recognisable (and told apart from the signed
# author tokens the embed keeps, which carry no prefix).
PREFIX = "cdm_"


def digest(token: str) -> str:
    """SHA-256 of the token: it is 256 random bits, so a plain, fast hash cannot be reversed,
    and looking a token up by its digest needs no per-row salt."""
    return hashlib.sha256(token.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)


class ApiToken(models.Model):
    """A moderator's or editor's token for `Authorization: Bearer` on /api/v1/moderation/.

    Only the digest is stored; the token itself is shown once, when it is issued. It acts as
    its user, whose role is checked on every request, until it is revoked.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("user"),
    )
    name = models.CharField(
        _("name"), max_length=100, help_text=_("What the token is for, e.g. the tool using it.")
    )
    digest = models.CharField(max_length=64, unique=True, editable=False)
    hint = models.CharField(_("begins with"), max_length=12, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        return f"{self.name} ({self.hint}…)"

    def new_secret(self) -> str:
        """Give this unsaved token its secret; return the secret, which is not kept."""
        token = PREFIX + secrets.token_urlsafe(32)
        self.digest, self.hint = digest(token), token[:12]
        return token
