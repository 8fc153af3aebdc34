"""Clean what a reader types before it is stored. After submission nothing changes."""

import re
import unicodedata

# Kept on purpose: ZWNJ (U+200C) and ZWJ (U+200D) spell Persian and Kurdish words and emoji.
_INVISIBLE = re.compile(
    "["
    "\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f"  # control characters but \t \n \r
    "\u200b\u2060\ufeff"  # zero-width space, word joiner, byte-order mark
    "\u202a-\u202e\u2066-\u2069"  # bidi overrides and isolates: dir="auto" renders mixed text
    "\ufff9-\ufffb"  # interlinear annotation
    "]"
)


def clean_submitted_text(value: str) -> str:
    """Normalise line endings and Unicode form, and drop invisible or control characters."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = unicodedata.normalize("NFC", value)
    value = _INVISIBLE.sub("", value)
    return value.strip()


def clean_single_line(value: str) -> str:
    return " ".join(clean_submitted_text(value).split())
