"""Issuing, revoking and checking moderators' API tokens (models.ApiToken)."""

from django.utils import timezone

from commentdesk.embed.models import ApiToken, digest


def issue_token(user, name) -> tuple[ApiToken, str]:
    """A new token for the user; the secret returned is the only copy: show it once."""
    token = ApiToken(user=user, name=name)
    secret = token.new_secret()
    token.save()
    return token, secret


def revoke_token(token: ApiToken) -> None:
    ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())


def user_for(secret: str):
    """The active user an unrevoked token acts as, noting its use; None for any other token."""
    token = (
        ApiToken.objects.active()
        .select_related("user")
        .filter(digest=digest(secret), user__is_active=True)
        .first()
    )
    if token is None:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user
