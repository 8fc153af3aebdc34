import secrets
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from commentdesk.articles.models import Site
from commentdesk.comments.models import Comment

SECRET_BYTES = 48  # HS256 wants a key of at least 32 bytes; 48 random bytes, URL-safe.


def new_secret() -> str:
    return secrets.token_urlsafe(SECRET_BYTES)


class SingleSignOnManager(models.Manager):
    def enabled_for(self, site_id: int) -> "SingleSignOn | None":
        return self.filter(site_id=site_id, enabled=True).first()


class SingleSignOn(models.Model):
    """A site's readers may sign in with the publisher's own accounts (see docs/guides/sso.md).

    The publisher signs a token (a JWT, HS256) with the shared secret for a reader signed in on
    its site; a comment posted with it takes its name and email from the token.
    """

    site = models.OneToOneField(
        Site, on_delete=models.CASCADE, related_name="single_sign_on", verbose_name=_("site")
    )
    enabled = models.BooleanField(_("enabled"), default=False)
    required = models.BooleanField(
        _("required"), default=False, help_text=_("Only signed-in readers may comment.")
    )
    secret = models.CharField(_("shared secret"), max_length=100, default=new_secret)
    login_url = models.URLField(
        _("login URL"),
        blank=True,
        help_text=_("Where readers sign in on the publisher's site."),
    )

    objects = SingleSignOnManager()

    class Meta:
        verbose_name = _("single sign-on")
        verbose_name_plural = _("single sign-on")

    def __str__(self):
        return str(self.site)

    def clean(self):
        if self.required and not self.enabled:
            raise ValidationError({"required": _("Enable single sign-on before requiring it.")})
        if self.enabled and not self.login_url:
            raise ValidationError({"login_url": _("Readers need a login URL to sign in.")})

    def rotate_secret(self) -> None:
        """A new secret: tokens signed with the old one stop working at once."""
        self.secret = new_secret()
        self.save(update_fields=["secret"])

    def sign_in_url(self, return_to: str) -> str:
        """The publisher's login page, told where to send the reader back (with &token=...)."""
        separator = "&" if "?" in self.login_url else "?"
        return f"{self.login_url}{separator}{urlencode({'return_to': return_to})}"


class SignedInComment(models.Model):
    """A comment posted by a reader signed in with the publisher's account `account_id`.

    A row beside the comment, as submitted comments never change; it goes with the comment
    when the comment is erased.
    """

    comment = models.OneToOneField(
        Comment, on_delete=models.CASCADE, primary_key=True, related_name="signed_in"
    )
    # The token's user.id. No label: no form edits it; the workspace shows it on hover.
    account_id = models.CharField(max_length=255, db_index=True)

    def __str__(self):
        return f"{self.comment_id}: {self.account_id}"
