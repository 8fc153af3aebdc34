"""Tell the six supported languages apart from script, letters and common words.

Arabic script is Arabic, Persian or Sorani; Latin script is English, Turkish
or Kurmanji. Within a script, letters only one language uses and its most
frequent short words decide. The raw text is used, because normalisation
merges exactly the letter variants that tell Arabic from Persian.
"""

import re

LANGUAGES = ("en", "ar", "ckb", "kmr", "tr", "fa")
KURDISH = frozenset({"ckb", "kmr"})

SORANI_LETTERS = set("ڕڵۆێەڤ")
PERSIAN_LETTERS = set("پچژگیک")
ARABIC_LETTERS = set("ةيكىأإ")
TURKISH_LETTERS = set("ıİğĞöÖüÜ")
KURMANJI_LETTERS = set("êÊîÎûÛ")

COMMON_WORDS = {
    "ar": {"في", "من", "على", "إلى", "الى", "هذا", "هذه", "التي", "الذي", "عن", "مع", "لا", "ما", "كل", "هو", "هي", "كان", "يا", "اللي", "شو", "ان", "أن", "إن", "لم", "لن", "قد"},
    "fa": {"است", "این", "که", "را", "از", "به", "با", "برای", "هم", "نیست", "بود", "شد", "می", "ها", "یک", "آن", "اون", "رو", "چرا", "هر", "ولی", "اما", "تو", "من", "ما",
           "بر", "کن", "شو", "نکن", "خیلی", "چی", "کی", "باشه", "میشه", "بود", "کرد", "نه", "اینو", "اونا"},
    "ckb": {"لە", "و", "بە", "کە", "ئەم", "ئەو", "بۆ", "نییە", "هەیە", "دەکات", "من", "تۆ", "ئێمە", "زۆر", "هەر", "چی", "لەگەڵ", "بەڵام"},
    "en": {"the", "and", "is", "of", "to", "a", "in", "this", "that", "it", "you", "i", "for", "on", "are", "was", "not", "with", "they", "be", "have", "what", "my", "your", "will", "we", "all", "he", "she", "just", "so", "but", "no", "do", "at", "who", "an"},
    "tr": {"ve", "bir", "bu", "da", "de", "için", "ile", "çok", "değil", "ama", "gibi", "mi", "daha", "var", "yok", "ben", "sen", "biz", "ne", "o", "şu", "her", "kadar", "olan", "olarak", "diye", "en", "sonra", "ki", "mı", "hiç", "böyle", "kim", "lan",
           "icin", "cok", "degil", "simdi", "tum", "sizi", "size", "sizin", "hemen", "yeni", "tl", "ozel", "indirim", "firsat", "iyi", "tamam", "tmm", "nasil", "neden", "oldu", "olsun"},
    "kmr": {"û", "ji", "di", "bi", "ku", "li", "ev", "ew", "min", "te", "wî", "wê", "em", "hûn", "ez", "jî", "re", "ne", "çi", "çima", "heye", "nîne", "bû", "dibe", "kir", "vê", "vî", "we", "wan", "ya", "ye", "kes", "tu", "dê", "ê", "î", "in", "me"},
}
ARABIC_SCRIPT_LANGS = ("ar", "fa", "ckb")
LATIN_LANGS = ("en", "tr", "kmr")


def detect(text):
    """Return (language, confidence in [0, 1]) for text."""
    arabic = sum("\u0600" <= c <= "\u06ff" for c in text)
    latin = sum(c.isalpha() and c.isascii() or "\u00c0" <= c <= "\u024f" for c in text)
    if not arabic and not latin:
        return "en", 0.0
    candidates = ARABIC_SCRIPT_LANGS if arabic > latin else LATIN_LANGS
    scores = {lang: _score(lang, text) for lang in candidates}
    ranked = sorted(scores, key=scores.get, reverse=True)
    best, second = scores[ranked[0]], scores[ranked[1]]
    if best == 0:
        return ("ar" if arabic > latin else "en"), 0.3
    evidence = min(1.0, best / 3)
    return ranked[0], round(evidence * best / (best + second), 3)


def _score(lang, text):
    words = re.findall(r"[^\W\d_]+", text.lower())
    score = sum(word in COMMON_WORDS[lang] for word in words)
    return score + _letter_score(lang, text)


def _letter_score(lang, text):
    letters = set(text)
    if lang == "ckb":
        return 3 * len(letters & SORANI_LETTERS)
    if lang == "fa":
        return len(letters & PERSIAN_LETTERS) - 2 * len(letters & SORANI_LETTERS)
    if lang == "ar":
        return len(letters & ARABIC_LETTERS)
    if lang == "tr":
        return 2 * len(letters & TURKISH_LETTERS)
    if lang == "kmr":
        return 2 * len(letters & KURMANJI_LETTERS)
    return 0
