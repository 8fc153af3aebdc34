"""Signals other apps listen to; sent only after the change is committed, except
comment_status_deciding, comment_posting and comment_reporting, sent inside the transaction."""

from django.dispatch import Signal

# Sent with comment_id, article_id and status once a comment's new status is committed:
# approved or rejected by a decision, or back to an earlier status by an undo; or "erased"
# when the comment was deleted at its author's request (commentdesk/comments/privacy.py).
# Also with article, the Article, when the sender had it loaded.
comment_status_changed = Signal()

# The same, sent inside the transaction that changes the status (a decision or an undo), for
# listeners that store something with the change: what they store is committed with it, or
# not at all, so no crash between the two can lose it. A listener must not raise, and must
# keep its own failures from aborting the transaction (a savepoint).
comment_status_deciding = Signal()

# Sent with comment_id, article_id and site_id once a reader's new comment is committed (pending).
comment_created = Signal()

# The same, sent inside the transaction that stores the comment, for listeners that store
# something with it (the webhooks' outbox); the rules of comment_status_deciding apply.
comment_posting = Signal()

# Sent with comment_id, article_id, reason (text) and report_count once a reader's report of a
# comment is committed; the webhooks app turns it into the comment.reported event.
comment_reported = Signal()

# The same, sent inside the transaction that stores the report; the rules of
# comment_status_deciding apply.
comment_reporting = Signal()

# Sent with comment_id, article_id and featured (True or False) once an editor's or moderator's
# featuring or unfeaturing of a comment is committed (comments/actions.py).
comment_featured = Signal()
