import json
from pathlib import Path

import pytest

from classifier.langid import detect

NEWS_SET = Path(__file__).resolve().parent.parent / "data" / "news_eval.jsonl"


@pytest.mark.parametrize(
    "text, lang",
    [
        ("The strikes killed several fighters near the border.", "en"),
        ("الغارات قتلت عدداً من المسلحين في المنطقة", "ar"),
        ("در این حمله چند نیروی نظامی کشته شدند", "fa"),
        ("هێرشەکە چەند چەکدارێکی کوشت لە نزیک سنوور", "ckb"),
        ("Êrîşê çend çekdar kuştin, lê kes behsa sivîlan nake", "kmr"),
        ("Çatışmalarda dört asker öldü ama kimse sivillerden bahsetmiyor", "tr"),
    ],
)
def test_each_language_is_recognised(text, lang):
    detected, confidence = detect(text)
    assert detected == lang
    assert confidence > 0.5


def test_text_without_letters_has_no_confidence():
    assert detect("👍👍 !!!")[1] == 0.0


def test_news_set_languages_are_recognised():
    rows = [json.loads(line) for line in NEWS_SET.read_text(encoding="utf-8").splitlines()]
    correct = sum(detect(row["text"])[0] == row["lang"] for row in rows)
    assert correct / len(rows) >= 0.95
