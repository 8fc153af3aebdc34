from django.utils import timezone

from commentdesk.notifications.models import Subscription


def do_unsubscribe(email: str) -> int:
    """End every subscription of this address; return how many were active.

    The whole address, not the one comment the link came with: anyone may post with any
    address, and its owner must be able to stop all of it with one click."""
    active = Subscription.objects.filter(
        comment__author_email=email.lower(), unsubscribed_at__isnull=True
    )
    return active.update(unsubscribed_at=timezone.now())
