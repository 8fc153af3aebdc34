from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from commentdesk.articles.models import Article

from commentdesk.comments.models import Comment, FeaturedComment, Report
from commentdesk.comments.replies import thread_root
from commentdesk.comments.signals import (
    comment_created,
    comment_featured,
    comment_posting,
    comment_reported,
    comment_reporting,
    comment_status_changed,
    comment_status_deciding,
)
from commentdesk.identity.models import SignedInComment
from commentdesk.moderation.actions import do_schedule_moderation
from commentdesk.notifications.models import Subscription


class CommentsClosedError(Exception):
    pass


def do_submit_comment(
    article: Article,
    *,
    author_name: str,
    author_email: str,
    text: str,
    parent_id=None,
    account_id: str | None = None,
    notify: bool = False,
):
    """Store a reader's comment as pending and schedule its moderation, atomically.

    With parent_id it is a reply: to a published comment of this article, attached to that
    comment's thread (ReplyRefused otherwise; see replies.py). A reply is moderated like any
    comment. With account_id the reader was signed in with that account of the publisher's
    (single sign-on, see identity/), which is recorded beside the comment. With notify the
    commenter is emailed when it is decided and when a reply to it is published
    (commentdesk/notifications).
    """
    # Comments closing while this one waits for moderation is the pipeline's article_closed phase.
    if not article.comments_open:
        raise CommentsClosedError(article.slug)
    with transaction.atomic():
        # Locked, so the parent cannot be unpublished between the check and the reply's commit.
        parent = thread_root(article, parent_id, lock=True) if parent_id else None
        comment = Comment.objects.create(
            article=article,
            author_name=author_name,
            author_email=author_email,
            text=text,
            parent=parent,
        )
        if account_id is not None:
            SignedInComment.objects.create(comment=comment, account_id=account_id)
        if notify:
            Subscription.objects.create(comment=comment)
        do_schedule_moderation(comment)
        ids = {"comment_id": comment.pk, "article_id": comment.article_id, "site_id": article.site_id}
        comment_posting.send(sender=Comment, **ids)
        transaction.on_commit(lambda: comment_created.send(sender=Comment, **ids))
    return comment


class ReportRefused(Exception):
    """A report that cannot be taken; status is the HTTP answer."""

    def __init__(self, status: int, message):
        super().__init__(str(message))
        self.status, self.message = status, message


NO_SUCH_COMMENT = _("There is no such comment.")
NOT_PUBLISHED = _("Only published comments can be reported.")
ALREADY_REPORTED = _("You have already reported this comment; thank you.")


def do_report_comment(comment_id: int, *, reason: str, note: str, reporter: str) -> int:
    """Record a reader's report of a published comment; return its open reports' count.

    The comment keeps its status: it stays published, and once the count reaches the site's
    report_threshold the desk's queue lists it as reported until a moderator decides it again
    (which settles the reports: see moderation/actions.py). One report per reader (reporter, a
    keyed hash) and comment.
    """
    with transaction.atomic():
        # The lock orders two reports of one comment, so the check below holds.
        comment = Comment.objects.select_for_update().filter(pk=comment_id).first()
        if comment is None:
            raise ReportRefused(404, NO_SUCH_COMMENT)
        if comment.status != Comment.Status.APPROVED:
            raise ReportRefused(409, NOT_PUBLISHED)
        if comment.reports.filter(reporter=reporter).exists():
            raise ReportRefused(409, ALREADY_REPORTED)
        Report.objects.create(comment=comment, reason=reason, note=note, reporter=reporter)
        count = comment.reports.filter(resolved_at__isnull=True).count()
        report = {"comment_id": comment.pk, "article_id": comment.article_id, "reason": reason, "report_count": count}
        comment_reporting.send(sender=Comment, **report)
        transaction.on_commit(lambda: comment_reported.send(sender=Comment, **report))
    return count


class FeatureRefused(Exception):
    """A comment that cannot be featured; status is the HTTP answer."""

    def __init__(self, status: int, message):
        super().__init__(str(message))
        self.status, self.message = status, message


NOT_FEATURABLE = _("Only a published comment that is not a reply can be featured.")


def do_feature_comment(comment_id: int, *, editor) -> FeaturedComment:
    """Feature a published top-level comment: the article page and the embed show it first.

    Featuring it again changes nothing. A reply is not featured: out of its thread it would
    read as an answer to nothing.
    """
    with transaction.atomic():
        # The lock orders featuring after a rejection being committed, so the check holds.
        comment = Comment.objects.select_for_update().filter(pk=comment_id).first()
        if comment is None:
            raise FeatureRefused(404, NO_SUCH_COMMENT)
        if comment.status != Comment.Status.APPROVED or comment.parent_id is not None:
            raise FeatureRefused(409, NOT_FEATURABLE)
        pick, created = FeaturedComment.objects.get_or_create(
            comment=comment, defaults={"article_id": comment.article_id, "featured_by": editor}
        )
        if created:
            _announce_featured(comment.pk, comment.article_id, featured=True)
    return pick


def do_unfeature_comment(comment_id: int) -> bool:
    """Stop featuring the comment; False when it was not featured."""
    with transaction.atomic():
        article_id = (
            FeaturedComment.objects.filter(comment_id=comment_id)
            .values_list("article_id", flat=True)
            .first()
        )
        if article_id is None:
            return False
        FeaturedComment.objects.filter(comment_id=comment_id).delete()
        _announce_featured(comment_id, article_id, featured=False)
    return True


def _announce_featured(comment_id, article_id, *, featured):
    ids = {"comment_id": comment_id, "article_id": article_id, "featured": featured}
    transaction.on_commit(lambda: comment_featured.send(sender=Comment, **ids))


def do_erase_commenter(email: str) -> int:
    """Delete every comment posted with this address; return how many.

    The audit log keeps each decision, anonymised: it loses its link to the comment and keeps
    the comment's number, article and language (see Decision). The moderation jobs, the
    labelled examples and the email subscriptions go with the comments, since they hold or
    point to the text or the address, and so do the records of which account posted them
    (identity.SignedInComment).
    """
    # Imported here: moderation imports comments.
    from commentdesk.moderation.models import Decision, ModerationJob

    with transaction.atomic():
        comments = list(
            Comment.objects.select_for_update().filter(author_email=email.lower()).order_by("pk")
        )
        languages = dict(
            ModerationJob.objects.filter(comment__in=comments).values_list("comment_id", "lang")
        )
        now = timezone.now()
        for comment in comments:
            Decision.objects.filter(comment=comment).update(
                comment=None,
                erased_at=now,
                erased_comment_id=comment.pk,
                erased_article_id=comment.article_id,
                erased_lang=languages.get(comment.pk) or "",
            )
        Comment.objects.filter(pk__in=[comment.pk for comment in comments]).delete()
        # Every erased comment, not only published ones: webhook receivers may hold copies.
        _announce_erased(comments, comment_status_deciding)
        transaction.on_commit(lambda: _announce_erased(comments, comment_status_changed))
    return len(comments)


def _announce_erased(comments, signal):
    for comment in comments:
        signal.send(sender=Comment, comment_id=comment.pk, article_id=comment.article_id, status="erased")
