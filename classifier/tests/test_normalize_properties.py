"""Properties of normalize() that hold for any text at all, checked on generated text.

Every character of the normalised text points back to a non-empty span of the original;
the spans run left to right; the text has single spaces between words and none at the ends;
no invisible format character survives. (normalize is not idempotent, and need not be: "@0"
becomes "usertoken @0" once, then "usertoken usertoken".)
"""

import re
import unicodedata

from hypothesis import example, given, settings, strategies as st

from classifier.normalize import normalize

# Everything Unicode has, with more of what the normaliser treats specially: evasion
# characters, the Cyrillic, Greek and Arabic scripts, combining marks and format characters.
SPECIAL = "*.-_ @$!|0134579\u200b\u200c\u200d\u00ad\u0640\u064e\u0651İıﬁ¹ａ\u202e\n\t\r "
text = st.one_of(
    st.text(),
    st.text(st.sampled_from(SPECIAL + "abcfkstuаеорсΒΙΗΤأإيكة٣۵"), max_size=80),
    st.text(st.characters(codec="utf-8", categories=["L", "M", "N", "P", "S", "Z", "Cf", "Cc"])),
    st.lists(
        st.sampled_from(["f*ck", "www.x.com", "a@b.co", "+1 555 123 4567", "@handle",
                         "s h i t", "s.h.i.t", "fuuuuck", "1d1ot", "  ", "\n", "ΒΙΤCΗ"]),
        max_size=12,
    ).map(" ".join),
)

SETTINGS = settings(max_examples=400, deadline=None)


@SETTINGS
@given(text)
@example("")
@example("\u0300")  # a combining mark with nothing to combine with
@example("ﬃ")  # one character that NFKC makes three
@example("İ" * 3)
def test_every_character_maps_to_a_valid_span_of_the_original(original):
    normalized = normalize(original)
    n = len(normalized.text)
    assert len(normalized.starts) == n and len(normalized.ends) == n
    for start, end in zip(normalized.starts, normalized.ends):
        assert 0 <= start < end <= len(original)
    assert list(normalized.starts) == sorted(normalized.starts)


@SETTINGS
@given(text)
def test_the_text_is_single_spaced_and_trimmed(original):
    result = normalize(original).text
    assert result == result.strip()
    assert "  " not in result
    assert not re.search(r"[^\S ]", result)  # no tab, newline or other kind of space


@SETTINGS
@given(text)
def test_every_word_maps_back_to_a_span_of_the_original(original):
    normalized = normalize(original)
    for start, end in normalized.word_spans():
        original_start, original_end = normalized.original_span(start, end)
        assert 0 <= original_start < original_end <= len(original)


@SETTINGS
@given(text)
def test_no_invisible_format_character_or_arabic_diacritic_survives(original):
    # Zero-width characters and harakat hide a word from the word lists; none may remain.
    for char in normalize(original).text:
        assert unicodedata.category(char) != "Cf", repr(char)
        assert not (unicodedata.category(char) == "Mn" and "\u0610" <= char <= "\u06ed"), repr(char)
