"""Store the comments of a Disqus or WordPress export, keeping authors, dates, threads and what
the source decided. Imported comments are inserted, never run through the live pipeline:

- approved in the source: approved, with a Decision by the machine "import <source>";
- spam: rejected citing the promotion guideline, with such a Decision;
- pending (awaiting moderation in the source): pending, in the moderators' review queue, with a
  completed ModerationJob whose verdict is "review" (a human decides, as the source's own
  moderators had not);
- deleted or in the trash: not imported (reported as skipped); a reply to one hangs on the
  nearest ancestor that was imported.

Comments already imported from the same source into the site are skipped, so a file can be
imported again (after fixing what failed) without adding anything twice. No webhook or status
signal is sent for imported comments: they are history, not news.
"""

import logging
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from commentdesk.articles.models import Site
from commentdesk.comments.models import Comment
from commentdesk.embed.api import ApiError
from commentdesk.embed.caching import forget_url
from commentdesk.embed.origins import canonical, origin_of
from commentdesk.embed.threads import get_or_create_thread
from commentdesk.moderation.guidelines import Guideline
from commentdesk.moderation.models import Decision, ModerationJob
from commentdesk.transfer.sources import APPROVED, DELETED, PENDING, SPAM, SourceComment, SourceFile
from commentdesk.transfer.models import ImportedComment

logger = logging.getLogger(__name__)

MAX_NAME = Comment._meta.get_field("author_name").max_length
ANONYMOUS = "Anonymous"


@dataclass
class ImportReport:
    imported: dict[str, int] = field(default_factory=dict)  # per status
    duplicates: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (source id, reason)
    failed: list[tuple[str, str]] = field(default_factory=list)
    # Origins of the imported articles that the site does not allow to embed its comments.
    unlisted_origins: list[str] = field(default_factory=list)

    @property
    def imported_total(self) -> int:
        return sum(self.imported.values())


class _Import:
    def __init__(self, site: Site, parsed: SourceFile):
        self.site, self.parsed = site, parsed
        self.machine = f"import {parsed.kind}"
        self.report = ImportReport()
        self.by_id = {c.source_id: c for c in parsed.comments}
        # Source id -> the desk comment it became (or its nearest imported ancestor's), or None.
        self.stored: dict[str, int | None] = {}
        self.articles: dict[str, object] = {}
        self.now = timezone.now()

    def run(self):
        self.stored = dict(
            ImportedComment.objects.filter(
                site=self.site, source=self.parsed.source, source_id__in=list(self.by_id)
            ).values_list("source_id", "comment_id")
        )
        self.report.duplicates = len(self.stored)
        for comment in _parents_first(self.parsed.comments, self.by_id):
            if comment.source_id not in self.stored:
                self.stored[comment.source_id] = self._import(comment)
        articles = [a for a in self.articles.values() if not isinstance(a, str)]
        origins = {origin_of(a.canonical_url) for a in articles}
        self.report.unlisted_origins = sorted(origins - set(self.site.origins()))
        return self.report

    def _import(self, source: SourceComment) -> int | None:
        parent_id = self.stored.get(source.parent_id) if source.parent_id else None
        problem = _problem(source)
        if problem:
            self.report.failed.append((source.source_id, problem))
            return parent_id
        if source.state == DELETED:
            self.report.skipped.append((source.source_id, "deleted in the source"))
            return parent_id
        article = self._article(source)
        if isinstance(article, str):
            self.report.failed.append((source.source_id, article))
            return parent_id
        comment = self._store(source, article, parent_id)
        self.report.imported[comment.status] = self.report.imported.get(comment.status, 0) + 1
        return comment.pk

    def _article(self, source):
        """The article for the comment's thread, found or created by canonical URL, or why not."""
        if source.thread_id not in self.articles:
            thread = self.parsed.threads.get(source.thread_id)
            if thread is None:
                result = f"thread {source.thread_id or '(none)'} is not in the file"
            else:
                try:
                    url = canonical(thread.url)
                except ApiError as error:
                    result = f"thread {source.thread_id}: {error.message} ({thread.url!r})"
                else:
                    result = get_or_create_thread(self.site.pk, url, thread.title)
            self.articles[source.thread_id] = result
        return self.articles[source.thread_id]

    def _store(self, source, article, parent_id):
        status, guideline = {
            APPROVED: (Comment.Status.APPROVED, ""),
            SPAM: (Comment.Status.REJECTED, Guideline.PROMOTION),
            PENDING: (Comment.Status.PENDING, ""),
        }[source.state]
        decided = status != Comment.Status.PENDING
        comment = Comment.objects.create(
            article=article,
            parent_id=parent_id,
            author_name=source.author_name.strip()[:MAX_NAME] or ANONYMOUS,
            author_email=source.author_email.strip().lower(),
            text=source.text,
            created_at=source.created_at,
            status=status,
            guideline=guideline,
            decided_at=self.now if decided else None,
        )
        ImportedComment.objects.create(
            site=self.site, source=self.parsed.source, source_id=source.source_id, comment=comment
        )
        if decided:
            Decision.objects.create(
                comment=comment, outcome=status, guideline=guideline, machine=self.machine
            )
        else:
            explanation = f"Awaiting moderation in {self.parsed.kind}; imported for a moderator."
            ModerationJob.objects.create(
                comment=comment,
                completed_at=self.now,
                verdict=ModerationJob.Verdict.REVIEW,
                explanation=explanation,
                reasons=[explanation],
            )
        return comment


def _problem(source: SourceComment) -> str:
    if not source.source_id:
        return "the comment has no id"
    if source.created_at is None:
        return "no valid date"
    if not source.text and source.state != DELETED:
        return "empty comment"
    return ""


def _parents_first(comments, by_id):
    """The comments in date order, each after the comment it replies to."""
    ordered, placed = [], set()
    by_date = sorted(comments, key=lambda c: (c.created_at is None, c.created_at or 0, c.source_id))
    for comment in by_date:
        chain = []
        while comment is not None and comment.source_id not in placed:
            chain.append(comment)
            placed.add(comment.source_id)
            comment = by_id.get(comment.parent_id) if comment.parent_id else None
        ordered += reversed(chain)
    return ordered


def do_import_comments(site: Site, parsed: SourceFile, *, dry_run=False) -> ImportReport:
    """Import a parsed export into the site in one transaction (rolled back for a dry run)."""
    with transaction.atomic():
        job = _Import(site, parsed)
        report = job.run()
        if dry_run:
            transaction.set_rollback(True)
        else:
            urls = [a.canonical_url for a in job.articles.values() if not isinstance(a, str)]
            transaction.on_commit(lambda: [forget_url(url) for url in urls])
    return report
