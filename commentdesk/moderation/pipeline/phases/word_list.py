import re
from functools import lru_cache

from classifier.normalize import normalize

from commentdesk.moderation.guidelines import Guideline
from commentdesk.moderation.pipeline.context import Verdict


def reject_banned_words(context):
    spans = _matches(context.policy.banned_words, context.comment.text)
    if not spans:
        return None
    context.note("It contains a word this site has banned.", *spans)
    return Verdict("reject", Guideline.PROFANITY)


def hold_suspect_words(context):
    spans = _matches(context.policy.suspect_words, context.comment.text)
    if not spans:
        return None
    context.note("It contains a word this site asks moderators to check.", *spans)
    return Verdict("review")


def _matches(word_list, text):
    """Original-text spans of the listed words, found in the normalised text so that
    evasions (f*ck, s.h.i.t, stretched letters, Arabic-script variants) still match."""
    pattern = _compile(word_list)
    if pattern is None:
        return []
    normalised = normalize(text)
    return [normalised.original_span(*m.span()) for m in pattern.finditer(normalised.text)]


@lru_cache(maxsize=64)
def _compile(word_list):
    words = {_pattern(line) for line in word_list.splitlines() if line.strip()}
    alternatives = sorted(words, key=len, reverse=True)  # longest first, so idiots beats idiot
    if not alternatives:
        return None
    # \w is Unicode-aware, so the boundaries hold in Arabic, Persian, Kurdish and Turkish text.
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")


def _pattern(word):
    # Normalise the letters between wildcards, not the wildcards: normalize() reads f*ck as masking.
    return r"\w*".join(re.escape(normalize(piece).text) for piece in word.strip().split("*"))
