"""The events publishers receive, built from the comments' signals.

An event is stored (a Delivery row per endpoint, the outbox) inside the transaction that posts,
decides or reports, so it is committed with the change or not at all, and handed to the sender
once committed: no crash between the two can lose it. The queue alert is checked after the
commit. Every receiver here swallows and logs its errors, and an error rolls back only its own
savepoint: a webhook must never break posting or deciding.
"""

import json
import logging
import uuid
from functools import partial

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext as _

from commentdesk.articles.models import Article
from commentdesk.comments.models import Comment
from commentdesk.webhooks.delivery import dispatch
from commentdesk.webhooks.models import Delivery, Endpoint, Event, QueueAlert

logger = logging.getLogger(__name__)

# With the default per-process cache, another process's change reaches a process this late.
LISTENING_CACHE_SECONDS = 60


def site_listens(site_id: int) -> bool:
    """Whether the site has an active endpoint or a queue alert. Cached: a post on a site with
    neither, the usual case, costs no query here."""
    key = _listening_key(site_id)
    listens = cache.get(key)
    if listens is None:
        with transaction.atomic():  # Called inside a posting transaction: see the module's doc.
            listens = (
                Endpoint.objects.filter(site_id=site_id, active=True).exists()
                or QueueAlert.objects.filter(site_id=site_id, limit__gt=0).exists()
            )
        cache.set(key, listens, LISTENING_CACHE_SECONDS)
    return listens


def _listening_key(site_id):
    return f"webhooks:listens:{site_id}"


@receiver([post_save, post_delete], sender=Endpoint, dispatch_uid="webhooks.endpoint_changed")
@receiver([post_save, post_delete], sender=QueueAlert, dispatch_uid="webhooks.alert_changed")
def _forget_listening(sender, instance, **kwargs):
    cache.delete(_listening_key(instance.site_id))


def fire(event: str, site_id: int, data: dict, *, summary: str = "") -> list[Delivery]:
    """Queue the event for each active endpoint of the site that subscribed to it; each delivery
    is attempted once the caller's transaction commits."""
    endpoints = [e for e in Endpoint.objects.filter(site_id=site_id, active=True) if e.wants(event)]
    if not endpoints:
        return []
    envelope = {
        "id": f"evt_{uuid.uuid4().hex}",
        "event": event,
        "created_at": timezone.now().isoformat(),
        "site_id": site_id,
        "data": data,
    }
    deliveries = [
        Delivery.objects.create(
            endpoint=endpoint,
            event=event,
            body=_body(endpoint, envelope, summary),
            next_attempt_at=timezone.now(),
        )
        for endpoint in endpoints
    ]
    for delivery in deliveries:
        transaction.on_commit(partial(dispatch, delivery.pk))
    return deliveries


def _body(endpoint, envelope, summary) -> str:
    if endpoint.format == Endpoint.Format.SLACK:
        return json.dumps({"text": summary or envelope["event"]}, ensure_ascii=False)
    return json.dumps(envelope, ensure_ascii=False)


def comment_data(comment: Comment) -> dict:
    """A comment as events carry it; never the commenter's email address."""
    article = comment.article
    latest = comment.decisions.filter(undone_at__isnull=True).last()
    return {
        "comment": {
            "id": comment.pk,
            "parent_id": comment.parent_id,
            "author_name": comment.author_name,
            "text": comment.text,
            "created_at": comment.created_at.isoformat(),
            "status": comment.status,
            "guideline": comment.guideline,
            "decided_at": comment.decided_at.isoformat() if comment.decided_at else None,
            "decided_by": _decider(latest),
        },
        "article": _article(article),
    }


def _decider(decision) -> str | None:
    if decision is None:
        return None
    return "machine" if decision.machine else "moderator"


def _article(article) -> dict:
    return {
        "id": article.pk,
        "url": article.canonical_url or article.get_absolute_url(),
        "headline": article.headline,
    }


def _comment(comment_id):
    return Comment.objects.select_related("article").filter(pk=comment_id).first()


def _guarded(receiver):
    def guarded(sender, **kwargs):
        try:
            receiver(**kwargs)
        except Exception:
            logger.exception("Webhook event for %s not sent.", kwargs)

    guarded.__name__ = receiver.__name__
    return guarded


@_guarded
def on_comment_posting(comment_id, article_id, site_id, **kwargs):
    # Checked before the savepoint: a post on a site that listens to nothing costs no query.
    if site_listens(site_id):
        _announce_new_comment(comment_id, site_id)


@transaction.atomic
def _announce_new_comment(comment_id, site_id):
    if not Endpoint.objects.filter(site_id=site_id, active=True).exists():
        return
    comment = _comment(comment_id)
    if comment is not None:
        summary = _("New comment by %(name)s on “%(headline)s”") % {
            "name": comment.author_name,
            "headline": comment.article.headline,
        }
        fire(Event.COMMENT_CREATED, site_id, comment_data(comment), summary=summary)


@_guarded
@transaction.atomic
def on_comment_status_deciding(comment_id, article_id, status, article=None, **kwargs):
    article = article or Article.objects.filter(pk=article_id).first()
    if article is None or not site_listens(article.site_id):
        return
    if not Endpoint.objects.filter(site_id=article.site_id, active=True).exists():
        return
    comment = _comment(comment_id) if status != "erased" else None
    if comment is not None:
        data = comment_data(comment)
    else:  # Erased at its author's request: only which comment it was remains.
        data = {"comment": {"id": comment_id, "status": "erased"}, "article": _article(article)}
    summary = _("Comment %(id)s on “%(headline)s”: %(status)s") % {
        "id": comment_id,
        "headline": article.headline,
        "status": status,
    }
    fire(Event.COMMENT_DECIDED, article.site_id, data, summary=summary)


@_guarded
@transaction.atomic
def on_comment_reporting(comment_id, article_id, reason="", report_count=1, **kwargs):
    """comment.reported: a reader flagged a comment (sent by the reader-flags feature)."""
    comment = _comment(comment_id)
    if comment is None:
        return
    data = {**comment_data(comment), "report": {"reason": reason, "count": report_count}}
    summary = _("A reader reported comment %(id)s on “%(headline)s”: %(reason)s") % {
        "id": comment_id,
        "headline": comment.article.headline,
        "reason": reason or "-",
    }
    fire(Event.COMMENT_REPORTED, comment.article.site_id, data, summary=summary)


@_guarded
def on_queue_changed(site_id=None, article_id=None, article=None, **kwargs):
    """A committed new comment or decision may take the queue over or back under its alert's limit."""
    from commentdesk.webhooks.notifications import check_queue

    if site_id is None:
        article = article or Article.objects.filter(pk=article_id).first()
        if article is None:
            return
        site_id = article.site_id
    if site_listens(site_id):
        check_queue(site_id)
