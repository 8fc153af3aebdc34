"""The moderation phases in the order they run. The first that returns a Verdict decides;
every phase may add a reason on the way.
"""

from commentdesk.moderation.pipeline.phases.article_closed import hold_when_article_closed
from commentdesk.moderation.pipeline.phases.classifier_score import decide_by_classifier
from commentdesk.moderation.pipeline.phases.commenter_history import (
    hold_mostly_rejected_commenters,
    hold_new_commenters,
)
from commentdesk.moderation.pipeline.phases.detect_links import moderate_links_and_contacts
from commentdesk.moderation.pipeline.phases.word_list import hold_suspect_words, reject_banned_words

PHASES = [
    # The article's state: closed while the comment waited.
    hold_when_article_closed,
    # The site's own rules, which editors set and the machine must not overrule.
    reject_banned_words,
    hold_suspect_words,
    moderate_links_and_contacts,
    # Who is writing: newcomers and commenters with a record of rejections.
    hold_mostly_rejected_commenters,
    hold_new_commenters,
    # The machine's judgement against the guidelines; it always decides.
    decide_by_classifier,
]
