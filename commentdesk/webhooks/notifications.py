"""Queue alerts: the moderators hear when a site's review queue grows past its limit, once
when it crosses the limit and then at most every repeat_minutes while it stays above; a queue
that falls back to the limit arms the alert again."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from commentdesk.comments.models import Comment
from commentdesk.moderation.roles import EDITORS, MODERATORS
from commentdesk.webhooks.models import Event, QueueAlert


def waiting_count(site_id: int) -> int:
    """Comments that wait for a decision: the moderators' queue (held, or not judged yet)."""
    return Comment.objects.filter(article__site_id=site_id, status=Comment.Status.PENDING).count()


def check_queue(site_id: int) -> bool:
    """Called after each new comment and decision; True when it sent an alert."""
    alert = QueueAlert.objects.filter(site_id=site_id, limit__gt=0).first()
    if alert is None:
        return False
    waiting = waiting_count(site_id)
    if waiting <= alert.limit:
        if alert.over_limit:
            QueueAlert.objects.filter(pk=alert.pk).update(over_limit=False)
        return False
    if alert.over_limit and not _reminder_due(alert):
        return False
    # Claimed by a conditional update: of two processes seeing the crossing, one alerts.
    claimed = QueueAlert.objects.filter(
        pk=alert.pk, over_limit=alert.over_limit, notified_at=alert.notified_at
    ).update(over_limit=True, notified_at=timezone.now())
    if not claimed:
        return False
    _send(alert, waiting)
    return True


def _reminder_due(alert) -> bool:
    if not alert.repeat_minutes or alert.notified_at is None:
        return False
    return timezone.now() - alert.notified_at >= timedelta(minutes=alert.repeat_minutes)


def _send(alert, waiting):
    from commentdesk.webhooks.events import fire
    from commentdesk.webhooks.sender import run_in_background
    from commentdesk.webhooks.tasks import send_queue_alert

    run_in_background(send_queue_alert, alert.pk, waiting)
    data = {"waiting": waiting, "limit": alert.limit, "queue_url": _queue_url()}
    fire(Event.QUEUE_OVER_LIMIT, alert.site_id, data, summary=_message(alert, waiting))


def send_queue_alert_email(alert_id: int, waiting: int) -> int:
    alert = QueueAlert.objects.select_related("site").filter(pk=alert_id).first()
    if alert is None:
        return 0
    recipients = alert.recipients() or _desk_addresses()
    if not recipients:
        return 0
    subject = _("%(site)s: %(count)s comments wait for a moderator") % {
        "site": alert.site.name,
        "count": waiting,
    }
    body = _message(alert, waiting) + "\n\n" + _("Review them at %(url)s") % {"url": _queue_url()}
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)


def _message(alert, waiting) -> str:
    return ngettext(
        "%(count)s comment waits for a moderator on %(site)s, more than the limit of %(limit)s.",
        "%(count)s comments wait for a moderator on %(site)s, more than the limit of %(limit)s.",
        waiting,
    ) % {"count": waiting, "site": alert.site.name, "limit": alert.limit}


def _desk_addresses() -> list[str]:
    users = get_user_model().objects.filter(
        is_active=True, groups__name__in=[MODERATORS, EDITORS]
    ).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def _queue_url() -> str:
    return settings.COMMENTDESK_URL.rstrip("/") + "/desk/"
