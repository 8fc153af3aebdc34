"""Undo the usual evasions so that the models see one spelling per word.

Every character of the normalised text remembers the span of the original
text it came from, so evidence found in the normalised text can be shown on
what the commenter actually wrote.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

ZERO_WIDTH_AND_TATWEEL = {"\u0640", "\u00ad", "\u034f", "\u180e"}
# Turkish has two i's: capital I is dotless ı, capital İ is dotted i. casefold() reads every I
# as i, which turns SIKINTI ("trouble") and SIKTI ("sprayed") into an obscenity. Text that
# shows letters only the Turkish alphabet has (Kurmanji shares ş and ç) was typed on a Turkish
# keyboard, where I is ı.
TURKISH_ONLY_LETTERS = frozenset("İıĞğ")

# Cyrillic and Greek letters that render like Latin ones; none of the six
# supported languages is written in either script, so mapping them is safe.
HOMOGLYPHS = str.maketrans({
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o",
    "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s",
    "ԁ": "d", "ӏ": "l", "ɡ": "g", "α": "a", "β": "b", "ε": "e", "ι": "i", "κ": "k",
    "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ѵ": "v", "ω": "w",
    # Capitals first, since case folding loses their Latin look-alike (Η is H, η is not h).
    "А": "a", "В": "b", "Е": "e", "К": "k", "М": "m", "Н": "h", "О": "o", "Р": "p", "С": "c",
    "Т": "t", "Х": "x", "Α": "a", "Β": "b", "Ε": "e", "Η": "h", "Ι": "i", "Κ": "k", "Μ": "m",
    "Ν": "n", "Ο": "o", "Ρ": "p", "Τ": "t", "Υ": "y", "Χ": "x", "Ζ": "z",
})

# Arabic-script variants shared by Arabic, Persian and Sorani: one alef, one
# yeh, one kaf, one heh, and Western digits.
ARABIC_SCRIPT = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "ھ": "ه",
    "،": ",", "؛": ";", "؟": "?",
    **{chr(0x0660 + d): str(d) for d in range(10)},
    **{chr(0x06F0 + d): str(d) for d in range(10)},
})

LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i", "|": "l"}

# Words commonly written with masking stars (f*ck, sh*t, s*ktir, j*ws); a masked
# word is restored only when exactly one of these fits its letters.
MASKABLE_WORDS = (
    "fuck", "fucking", "fucked", "fucker", "motherfucker", "shit", "bullshit", "bitch",
    "asshole", "ass", "cunt", "dick", "cock", "pussy", "bastard", "damn", "crap", "whore",
    "slut", "piss", "retard", "faggot", "nigger", "twat", "wanker",
    "siktir", "sikeyim", "sik", "bok", "orospu", "yarrak", "piç", "göt", "amk", "amına", "ibne", "kahpe",
    "bigim", "qûnde", "qehpe",
    # Names of peoples and religions, and slurs for them: a star inside a people's name
    # ("j*ws", "k*rds", "k*rtleri") hides it from a filter, which is itself a sign of abuse, and
    # the models learn the tropes only from the name written out. "T*rk" fits both "turk" and
    # Kurmanji "tirk", so it stays unrestored ("trk").
    "jew", "jews", "muslim", "muslims", "moslem", "moslems", "kurd", "kurds", "arab", "arabs",
    "turk", "turks", "kike", "kikes", "tranny", "trannies", "paki", "pakis",
    "kürt", "ermeni", "arap", "yahudi", "suriyeli", "tirk", "ereb", "cihû",
)

# Top-level domains of links in comments. Two-letter words a sentence could
# start with after a missing space ("happened.In", "go.To") are left out.
TLDS = "com|net|org|me|ly|io|info|biz|co|tr|ir|iq|af|shop|xyz|online|site|store|club|top|link|app|de|uk|ru|ae|sa|eg|tv|cc|live|website"
# A dot as spammers hide it: "example.com", "example . com", "example .com",
# "example[.]com", "example (dot) com", and "dot" bracketed in each of our
# languages: Turkish nokta, Kurmanji xal, Arabic نقطة, Persian نقطه or دات,
# Sorani خاڵ. A plain full stop with a space after it and none before
# ("him. Me", "the UK. Top officials") ends a sentence, and a bare "dot" is
# English ("the dot com bubble"): neither hides a dot.
DOT_WORDS = "dot|nokta|xal|نقط[ةه]|دات|خاڵ"
BRACKETED_DOT = rf"\s*(?:\[\.\]|\(\.\)|[\[(](?:{DOT_WORDS})[\])])\s*"
HIDDEN_DOT = rf"(?:\.(?!\s)|\s+\.\s*|{BRACKETED_DOT})"
# After "www", which no sentence starts with, any dot is a link's: "www. bestdeals .com".
WWW_DOT = rf"(?:\s*\.\s*|{BRACKETED_DOT})"
LINK_END = r"\S*[^\s.,;:!?)]"
HOST = rf"(?:[\w-]+\.)*[\w-]+{HIDDEN_DOT}(?:{TLDS})\b(?:\.[a-z]{{2}}\b)?(?:/{LINK_END})?"  # shop.example.com, example.co.uk
URL = rf"https?://{LINK_END}|\bwww{WWW_DOT}(?:{HOST}|{LINK_END})|\b{HOST}"
# Messenger and social network names written in Arabic script share one
# spelling with the Latin one, so the promotion learned from Arabic spam
# (WhatsApp, Instagram, Snapchat contacts) carries to Persian and Sorani.
# Patterns match the normalised text (Persian yeh and keheh).
MESSENGERS = {
    "whatsapp": r"وا?تس ?[ائ]{0,2}[بپ]|واتس",
    "telegram": r"ت[یێ]?ل[یێ]?[جگغ]رام",
    "instagram": r"[ائ]ی?نستا?[قغگ]رام",
    "snapchat": r"سناب ?شات|اسنپ ?چت|سناب",
}
MESSENGER = "(?<!\\w)(?:" + "|".join(f"(?P<{name}>{pattern})" for name, pattern in MESSENGERS.items()) + ")(?!\\w)"
EMAIL = r"\b[\w.+-]+@[\w-]+\.[\w.]+\b"
PHONE = r"(?<![\w])\+?\d(?:[\s().-]?\d){6,}(?![\w])"
HANDLE = r"(?<![\w@])@\w+"
SPACED_LETTERS = r"(?<![\w])[^\W\d_](?:(?: +|[.*_-]+ ?)[^\W\d_]){2,}(?![\w])|(?<![\w.])[^\W\d_](?:[.*_-][^\W\d_])+(?![\w])"
# Dots inside a word hide one of the words above ("ib.ne", "or.ospu"); other
# dotted words ("U.S.", "war.The") are left alone.
DOTTED = r"(?<![\w.])[^\W\d_]+(?:\.[^\W\d_]+)+(?![\w.])"
# Arabic script has no abbreviations with dots inside a word, so dots, underscores and
# middle dots between its letters hide a word ("الكـ.ـلـ.ـب" is الكلب once tatweel is gone);
# a chunk of one or two letters tells this from a missing space after a full stop.
ARABIC_LETTER = "[\u0620-\u064a\u066e-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff]"
ARABIC_SPLIT = rf"{ARABIC_LETTER}+(?:[._\u00b7\u2022]+{ARABIC_LETTER}+)+"
MASKED = r"(?<![\w*])[^\W\d_]*\*+[^\W\d_]+[\w*]*|(?<![\w*])[^\W\d_]+\*+(?![\w*])"
LEET_INSIDE = r"(?<=[^\W\d_])[013457@$!|]+(?=[^\W\d_])"
LEET_LEADING = r"(?<![\w@$!|])[0134@$](?=[^\W\d_]{3,})"
STRETCHED = r"([^\W\d_])\1{2,}"


@dataclass(frozen=True)
class Normalized:
    """Normalised text plus, for each of its characters, the original span."""

    text: str
    starts: tuple
    ends: tuple

    def original_span(self, start, end):
        """Map a span of the normalised text back to the original text."""
        return self.starts[start], self.ends[end - 1]

    def word_spans(self):
        """(start, end) of each whitespace-separated word of the normalised text."""
        return [match.span() for match in re.finditer(r"\S+", self.text)]


class _Builder:
    """Text under normalisation, each character paired with its original span."""

    def __init__(self, chars, starts, ends):
        self.chars, self.starts, self.ends = chars, starts, ends

    @classmethod
    def per_character(cls, text):
        chars, starts, ends = [], [], []
        turkish_keyboard = not TURKISH_ONLY_LETTERS.isdisjoint(text)
        for index, char in enumerate(text):
            for out in _normalise_char("ı" if turkish_keyboard and char == "I" else char):
                chars.append(out)
                starts.append(index)
                ends.append(index + 1)
        return cls(chars, starts, ends)

    @property
    def text(self):
        return "".join(self.chars)

    def sub(self, pattern, replace):
        """Replace each match with replace(match) -> (text, kept), where kept
        lists, per new character, the index inside the match it comes from,
        or is None when the new text stands for the whole match."""
        matches = list(re.finditer(pattern, self.text))
        if not matches:
            return self
        chars, starts, ends, position = [], [], [], 0
        for match in matches:
            start, end = match.span()
            chars += self.chars[position:start]
            starts += self.starts[position:start]
            ends += self.ends[position:start]
            new_text, kept = replace(match)
            for offset, char in enumerate(new_text):
                source = None if kept is None else start + kept[offset]
                chars.append(char)
                starts.append(self.starts[start] if source is None else self.starts[source])
                ends.append(self.ends[end - 1] if source is None else self.ends[source])
            position = end
        chars += self.chars[position:]
        starts += self.starts[position:]
        ends += self.ends[position:]
        return _Builder(chars, starts, ends)


def _invisible(char):
    """Zero-width and format characters, tatweel, and Arabic diacritics
    (harakat, shadda, superscript alef)."""
    category = unicodedata.category(char)
    return char in ZERO_WIDTH_AND_TATWEEL or category == "Cf" or (category == "Mn" and "\u0610" <= char <= "\u06ED")


@lru_cache(maxsize=8192)
def _normalise_char(char):
    if char == "İ":
        return "i"
    folded = unicodedata.normalize("NFKC", char).translate(HOMOGLYPHS).casefold()
    # Dropped after NFKC: presentation forms such as U+FE71 decompose into a tatweel and a haraka.
    folded = "".join(c for c in unicodedata.normalize("NFC", folded) if not _invisible(c))
    return folded.translate(HOMOGLYPHS).translate(ARABIC_SCRIPT)


def _token(name):
    return lambda match: (f" {name} ", None)


def _join_letters(match):
    whole = _whole_words_masked(match.group())
    if len(whole) == 1:  # "b*k": a star in place of a letter, not between letters.
        return whole[0], list(range(len(match.group())))
    kept = [i for i, char in enumerate(match.group()) if char.isalpha()]
    return "".join(match.group()[i] for i in kept), kept


def _undot(match):
    word = match.group()
    kept = [i for i, char in enumerate(word) if char != "."]
    if "".join(word[i] for i in kept) in MASKABLE_WORDS:
        return "".join(word[i] for i in kept), kept
    return word, list(range(len(word)))


def _join_arabic(match):
    word = match.group()
    chunks = re.split(r"[._\u00b7\u2022]+", word)
    if min(len(chunk) for chunk in chunks) > 2:
        return word, list(range(len(word)))
    kept = [i for i, char in enumerate(word) if char not in "._\u00b7\u2022"]
    return "".join(word[i] for i in kept), kept


def _whole_words_masked(word):
    """The maskable words that word could be, written with stars."""
    return [known for known in MASKABLE_WORDS if len(known) == len(word) and _masks(word, known)]


def _unmask(match):
    word = match.group()
    candidates = _whole_words_masked(word) or {known + word[len(known) :] for known in MASKABLE_WORDS if _masks(word, known)}
    if len(candidates) == 1:
        return next(iter(candidates)), list(range(len(word)))
    kept = [i for i, char in enumerate(word) if char != "*"]
    return "".join(word[i] for i in kept), kept


def _masks(word, known):
    """Whether word is known written with stars, whole or followed by an
    unmasked suffix (Turkish and Kurdish attach them: y*rr*klarını)."""
    head, suffix = word[: len(known)], word[len(known) :]
    if len(head) < len(known) or "*" in suffix:
        return False
    return all(c in (k, "*") for c, k in zip(head, known))


def _messenger(match):
    return f" {match.lastgroup} ", None


def _unleet(match):
    return "".join(LEET[c] for c in match.group()), list(range(len(match.group())))


def _unstretch(match):
    return match.group(1), [0]


def _collapse_space(match):
    return " ", [0]


def normalize(text):
    """Return the Normalized form of text used by every model."""
    builder = _Builder.per_character(text)
    for pattern, replace in (
        (EMAIL, _token("emailtoken")),
        (URL, _token("urltoken")),
        (PHONE, _token("phonetoken")),
        (HANDLE, _token("usertoken")),
        (MESSENGER, _messenger),
        # Before SPACED_LETTERS, which would join only the single letters after the first dot.
        (ARABIC_SPLIT, _join_arabic),
        (SPACED_LETTERS, _join_letters),
        (DOTTED, _undot),
        (MASKED, _unmask),
        (LEET_INSIDE, _unleet),
        (LEET_LEADING, _unleet),
        (STRETCHED, _unstretch),
        (r"\s{2,}|[^\S ]", _collapse_space),
    ):
        builder = builder.sub(pattern, replace)
    return _strip(builder)


def _strip(builder):
    text = builder.text
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    return Normalized(text[start:end], tuple(builder.starts[start:end]), tuple(builder.ends[start:end]))
