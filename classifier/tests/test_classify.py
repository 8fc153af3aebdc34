"""Behaviour of the shipped model through the public API."""

import json
from pathlib import Path

import numpy as np
import pytest

from classifier import GUIDELINES, Article, classify, classify_many, load_model, shipped_thresholds
from classifier.api import guideline_scores
from classifier.decide import decide, doubtful_thresholds
from classifier.models import encoder
from classifier.normalize import normalize


@pytest.fixture(autouse=True, params=["off", "on"], ids=["linear", "encoder"])
def encoder_setting(request, monkeypatch):
    """Every behaviour below holds with the linear heads alone (the default) and with the encoder."""
    monkeypatch.setenv("COMMENTDESK_CLASSIFIER_ENCODER", request.param)
    return request.param


REFERENCE_PAGE = Path(__file__).resolve().parents[3] / "shared" / "seed" / "reference-page.txt"
CONFLICT_REPORTING = [
    "The strikes killed several fighters.",
    "An attack on the base injured eight.",
    "I hate this war.",
    "We need a kill switch for escalation.",
    "Killing is never the answer.",
    "This reads like a press release.",
]
NEUTRAL_IDENTITY = [
    "My gay cousin fled the city last year.",
    "As a Muslim I pray for every family that lost someone.",
    "The Kurds have suffered in every one of these wars.",
    "Jews and Christians lived in this neighbourhood for centuries.",
]
# Known weaknesses, measured in docs/moderation.md: each sentence with the modes
# ("off": the linear heads alone, "on": with the encoder) that send it to review.
# strict=True makes an improvement show up here. "Jews and Christians lived
# here…" was approved from the second to the third issue-4 pass and goes to
# review since the fourth (our written abuse names religious groups, and its
# contrasting legitimate examples rarely named Jews); the first part of the
# eighth, whose examples name religions in solidarity, approved it (identity
# abuse 0.41, review from 0.42), and its second, with conspiracy tropes about
# Jews among the abuse, sends it back (0.45). "We need a kill switch…" was
# approved in the fourth pass and the first part of the fifth (threat 0.16,
# review from 0.167) and goes to review since (threat 0.66 now, review from
# 0.23): the written threats of the fifth and later passes taught the threat
# head more of the words of war.
# "The Kurds have suffered…" went to review in the fifth pass (0.27), was
# approved from the sixth to the eighth (0.12), went to review with the word
# model of the ninth (threat 0.25, review from 0.24), and is approved by both
# models since the tenth, until the word model of the twelfth sends it back (threat 0.29,
# review from 0.255): the candidates with its vocabulary batch did, those without did not.
# The thirteenth's word model keeps it there (threat 0.35, review from 0.28).
# With the encoder it sat at the edge (identity abuse 0.378, review from 0.379)
# until the fifteenth pass's thresholds sent it to review too (0.40, from 0.31).
SENT_TO_REVIEW = {
    "We need a kill switch for escalation.": {"off", "on"},
    "Jews and Christians lived in this neighbourhood for centuries.": {"off", "on"},
    "The Kurds have suffered in every one of these wars.": {"off", "on"},
}


def mark_known_weakness(request, encoder_setting, modes, reason):
    """A strict expected failure in the modes where the weakness shows, so a fix shows up too."""
    if encoder_setting in modes:
        request.applymarker(pytest.mark.xfail(reason=f"known weakness: {reason}", strict=True))


@pytest.fixture
def expect_approval(request, encoder_setting):
    """Assert that text is approved, as an expected failure where it is a known weakness."""

    def check(text):
        mark_known_weakness(request, encoder_setting, SENT_TO_REVIEW.get(text, ()), "sent to review, not approved")
        assert classify(text).decision == "approve"

    return check


@pytest.mark.parametrize("text", CONFLICT_REPORTING)
def test_conflict_reporting_and_criticism_are_approved(text, expect_approval):
    expect_approval(text)


@pytest.mark.parametrize("text", CONFLICT_REPORTING + NEUTRAL_IDENTITY)
def test_legitimate_comments_are_never_rejected(text):
    assert classify(text).decision != "reject"


@pytest.mark.parametrize(
    "text, guideline",
    [
        ("Someone should put a bullet in her head.", "threat"),
        ("We will burn your office down.", "threat"),
        ("The author is a brainless idiot.", "personal_attack"),
        ("@Mark you are a pathetic moron, nobody asked you.", "personal_attack"),
    ],
)
def test_threats_and_insults_are_rejected(text, guideline):
    result = classify(text)
    assert (result.decision, result.guideline) == ("reject", guideline)


# One insult at the end of a fair point, plain or with a dot between its letters:
# the kind of violation the fresh news sets have most often seen published.
INSULT_IN_A_FAIR_COMMENT = [
    ("Fair question about the fuel contracts, but the minister is a spineless bootlicker.", "en"),
    ("Haberdeki rakamlar doğru ama vali tam bir y.a.l.a.k.a, herkes biliyor.", "tr"),
    ("گزارش خوبی بود ولی این نماینده یک احمق به تمام معناست.", "fa"),
    ("المعلومات في التقرير صحيحة، بس الوزير هذا حمار ما بيفهم شي.", "ar"),
    ("Hejmarên nûçeyê rast in, lê ev walî k.û.ç.i.k e.", "kmr"),
]


# Threats with no violent word: knowing where someone lives or where their children go, a
# "visit" after dark. The kind of violation the fresh news sets most often saw published
# before the thirteenth issue-4 pass.
THREAT_WITHOUT_A_VIOLENT_WORD = [
    ("We all know which school his daughters go to. He should think hard before he signs that order.", "en"),
    ("The councillor's address is no secret. Maybe a few of us should pay him a visit after dark.", "en"),
    ("منعرف وين بيت القاضي ووين بيداوموا ولاده، خليه يفكر منيح قبل الحكم.", "ar"),
    ("Savcının evini de çocuklarının okulunu da biliyoruz. Bu bir tehdit değil, hatırlatma.", "tr"),
    ("آدرس خونه‌ی این قاضی رو همه می‌دونیم، بهتره حواسش به بچه‌هاش باشه.", "fa"),
]


# A people's name masked with a star inside a trope: the star is restored (normalize.py).
TROPE_ABOUT_A_MASKED_PEOPLE = [
    ("The j*ws own the banks that paid for this, same as always.", "en"),
    ("Bu işin arkasında yine Erm*niler var, bunlar hep aynı.", "tr"),
]
OFTEN_PUBLISHED = (
    [(text, lang, "personal_attack") for text, lang in INSULT_IN_A_FAIR_COMMENT]
    + [(text, lang, "threat") for text, lang in THREAT_WITHOUT_A_VIOLENT_WORD]
    + [(text, lang, "identity_abuse") for text, lang in TROPE_ABOUT_A_MASKED_PEOPLE]
)


@pytest.mark.parametrize("text, lang, guideline", OFTEN_PUBLISHED)
def test_kinds_of_violation_the_fresh_sets_saw_published_are_not_approved(text, lang, guideline):
    result = classify(text, lang=lang)
    assert (result.decision != "approve", result.guideline) == (True, guideline)


@pytest.mark.parametrize("text", [
    "We know where the money went: the audit names the two contractors.",
    "Gazeteciye gelen tehdit mesajlarını kınıyoruz, savcılık harekete geçmeli.",
])
def test_the_words_of_veiled_threats_in_innocent_use_are_approved(text, expect_approval):
    expect_approval(text)


# Condemnations in the words of violence. "Nobody deserves to be shot…" is a known
# weakness: the word model rejects it (threat 0.94; "deserves to be shot" is how
# threats are written), and since the fifteenth issue-4 pass so does the encoder
# (threat 0.90 against a reject threshold of 0.88; it sent it to review before).
REJECTED_TODAY = {"Nobody deserves to be shot for what they wrote.": {"off", "on"}}


@pytest.mark.parametrize("text", [
    "Nobody deserves to be shot for what they wrote.",
    "Executing prisoners is murder, whoever orders it.",
    "Whoever fired on the crowd must stand trial.",
    "Kimse yazdığı için vurulmayı hak etmez.",
])
def test_condemnations_in_the_words_of_violence_are_not_rejected(text, request, encoder_setting):
    mark_known_weakness(request, encoder_setting, REJECTED_TODAY.get(text, ()), "rejected as a threat")
    assert classify(text).decision != "reject"


# Ordinary words that hold the letters of an obscene one (Persian عکس and کسانی
# hold کس, Turkish sıkıntı holds sik, Arabic زبائن holds زب, English analysis
# holds anal): character n-grams alone rejected such comments.
LOOKALIKE_WORDS = [
    ("The analysis in the third paragraph is the best part of this story.", "en"),
    ("کسانی که خانه‌شان خراب شد هنوز هیچ کمکی نگرفته‌اند.", "fa"),
    ("عکس‌های این گزارش واقعاً تکان‌دهنده بود.", "fa"),
    ("Bu sıkıntı yıllardır sürüyor ama kimse çözmüyor.", "tr"),
    # In capitals: Turkish writes ı as I, which casefold() alone reads as i.
    ("TOMA İLE SU SIKTILAR, KADINLAR YOLDA OTURUYORDU", "tr"),
    ("زبائن السوق خسروا كل شيء في الحريق.", "ar"),
]


@pytest.mark.parametrize("text, lang", LOOKALIKE_WORDS)
def test_words_holding_the_letters_of_an_obscenity_are_not_rejected(text, lang):
    assert classify(text, lang=lang).decision != "reject"


@pytest.mark.parametrize("text", NEUTRAL_IDENTITY)
def test_identity_words_in_neutral_use_are_approved(text, expect_approval):
    expect_approval(text)


@pytest.mark.parametrize("text", ["What a load of bull$hit.", "This is f*cking ridiculous.", "f.u.c.k all of them"])
def test_obfuscated_profanity_is_not_approved(text):
    assert classify(text).decision != "approve"


def test_evidence_points_at_the_original_spelling():
    text = "This is f*cking ridiculous."
    result = classify(text)
    assert any("f*cking" in text[start:end] for start, end in result.evidence)
    assert "f*cking" in result.explanation


def test_promotion_with_a_phone_number_is_rejected():
    result = classify("Earn $500 a day from home! WhatsApp me at +44 7700 900123")
    assert (result.decision, result.guideline) == ("reject", "promotion")


def test_result_is_complete_and_serialisable():
    result = classify("The strikes killed several fighters.")
    assert list(result.scores) == list(GUIDELINES)
    assert all(0 <= score <= 1 for score in result.scores.values())
    assert result.lang == "en" and result.model_version and result.explanation.endswith(".")
    assert json.loads(json.dumps(result.to_dict()))["decision"] == "approve"


def test_classify_many_keeps_order_and_accepts_strings_and_items():
    results = classify_many(["I hate this war.", {"text": "Someone should put a bullet in her head.", "lang": "en"}])
    assert [r.decision for r in results] == ["approve", "reject"]


def test_thresholds_can_be_overridden():
    text = "Someone should put a bullet in her head."
    never_reject = {g: (0.5, 1.0) for g in GUIDELINES}
    assert classify(text, thresholds=never_reject).decision == "review"
    with pytest.raises(ValueError):
        classify(text, thresholds={"threat": (0.9, 0.1)})
    with pytest.raises(ValueError):
        classify(text, thresholds={"spam": (0.1, 0.9)})


def test_thin_data_languages_need_more_certainty_to_reject():
    thresholds = {g: (0.3, 0.8) for g in GUIDELINES}
    scores = {**{g: 0.0 for g in GUIDELINES}, "threat": 0.85}
    assert decide(scores, thresholds) == ("reject", "threat")
    assert decide(scores, doubtful_thresholds(thresholds)) == ("review", "threat")


def test_thin_data_languages_send_lower_scores_to_review():
    thresholds = {g: (0.4, 0.9) for g in GUIDELINES}
    scores = {**{g: 0.0 for g in GUIDELINES}, "identity_abuse": 0.2}
    assert decide(scores, thresholds) == ("approve", None)
    assert decide(scores, doubtful_thresholds(thresholds)) == ("review", "identity_abuse")
    assert decide({g: 0.0 for g in GUIDELINES}, doubtful_thresholds(thresholds)) == ("approve", None)


def test_a_comment_of_unsure_language_gets_the_kurdish_caution():
    """Sorani typed in Latin letters is told as English with little confidence: a score that
    a sure English comment's thresholds approve goes to review, as a Kurdish comment's would."""
    # Thresholds no score passes: abuse this plain scores 0.98 to 0.99.
    lenient = {g: (1.0, 1.0) for g in GUIDELINES}
    text = "hamu 3arabakan dzhmni kurdn, la xwenyanda haya"
    assert classify(text, lang="en", thresholds=lenient).decision == "approve"
    assert classify(text, lang="ckb", thresholds=lenient).decision == "review"
    detected = classify(text, thresholds=lenient)
    assert (detected.lang, detected.decision) == ("en", "review")


def test_kurdish_threat_is_not_approved():
    result = classify("Em ê ofîsa we bişewitînin heke hûn vê nûçeyê biweşînin", lang="kmr")
    assert result.decision != "approve"
    assert result.lang == "kmr"


@pytest.fixture
def reference_article():
    # CI and every checkout have ../shared beside the project; its absence is a broken set-up.
    assert REFERENCE_PAGE.exists(), f"reference article not found at {REFERENCE_PAGE}"
    return Article.from_text(REFERENCE_PAGE.read_text(encoding="utf-8"))


def test_unrelated_comment_is_off_topic_for_the_reference_article(reference_article):
    result = classify("Does anyone have a good recipe for lentil soup with lemon?", article=reference_article)
    assert result.decision != "approve"
    assert result.guideline == "off_topic"


def test_comment_on_the_story_is_on_topic_for_the_reference_article(reference_article):
    on_topic = classify("Why did CENTCOM strike facilities in Iraq only after so many attacks?", article=reference_article)
    unrelated = classify("Does anyone have a good recipe for lentil soup with lemon?", article=reference_article)
    approve_below, _ = load_model()["thresholds"]["off_topic"]
    assert on_topic.scores["off_topic"] < approve_below < unrelated.scores["off_topic"]


TRIAL = Article(
    "Court postpones the trial of a militia commander for the third time",
    "A court in the provincial capital postponed on Monday the trial of a militia commander accused of ordering "
    "the killing of four protesters, saying two witnesses had failed to appear. Families of the victims gathered "
    "outside the courthouse and accused the judges of stalling. The hearing was moved to next month.",
)


# Short questions about the story look like questions about anything; the
# off-topic reject threshold is at least MIN_OFF_TOPIC_REJECT_ABOVE so that
# doubt goes to review, while a question about something else is still rejected.
@pytest.mark.parametrize("text", [
    "Anybody heard whether the hearing has a new date yet?",
    "So when is the next session, does anybody know?",
    "Which witnesses failed to appear, were they threatened?",
])
def test_questions_about_the_story_are_not_rejected_as_off_topic(text):
    assert classify(text, article=TRIAL).decision != "reject"


def test_a_question_about_something_else_is_rejected_as_off_topic():
    result = classify("Does anyone know a good plumber in the old town?", article=TRIAL)
    assert (result.decision, result.guideline) == ("reject", "off_topic")


def test_off_topic_is_not_scored_without_an_article():
    assert classify("Does anyone have a good recipe for lentil soup?").scores["off_topic"] == 0


def test_an_unsupported_language_code_falls_back_to_detection():
    assert classify("Das ist ein Test", lang="xx").lang in ("en", "tr", "kmr")
    assert classify("هێرشەکە چەند چەکدارێکی کوشت", lang="CKB").lang == "ckb"


def test_the_model_path_can_be_overridden(monkeypatch, tmp_path):
    from classifier.api import artifact_path

    monkeypatch.setenv("COMMENTDESK_CLASSIFIER_MODEL", str(tmp_path / "other.joblib"))
    assert artifact_path() == tmp_path / "other.joblib"
    with pytest.raises(FileNotFoundError):
        load_model()



ENCODER_COMMENTS = ["The strikes killed several fighters.", "Shut up, you lying fool.", "Buy cheap phones, WhatsApp 0750 123 4567"]


def linear_view(texts):
    """The linear heads' decisions and calibrated probabilities for texts."""
    linear = load_model()["guidelines"]
    normalised = [normalize(text).text for text in texts]
    return linear.decision_function(normalised), linear.predict_proba(normalised)


def test_the_scores_blend_the_linear_heads_with_the_meaning_of_the_text(monkeypatch):
    monkeypatch.setenv("COMMENTDESK_CLASSIFIER_ENCODER", "on")
    bundle = load_model()
    heads = bundle["guidelines"].heads
    decisions, _ = linear_view(ENCODER_COMMENTS)
    meaning = bundle["meaning"].head_logits(encoder.embed(ENCODER_COMMENTS), heads)
    expected = bundle["blend"].predict_proba(np.hstack([decisions, meaning]))
    results = classify_many(ENCODER_COMMENTS)
    assert shipped_thresholds() == bundle["thresholds"]
    for result, row in zip(results, expected):
        assert result.model_version == bundle["model_version"]
        assert result.scores == pytest.approx(guideline_scores(row, 0.0, heads), abs=1e-4)


@pytest.mark.parametrize("setting", [None, "off", "0", "nonsense"])
def test_the_encoder_is_off_unless_turned_on(monkeypatch, setting):
    """Off: the linear heads' own probabilities and thresholds, and the version says so."""
    if setting is None:
        monkeypatch.delenv("COMMENTDESK_CLASSIFIER_ENCODER", raising=False)
    else:
        monkeypatch.setenv("COMMENTDESK_CLASSIFIER_ENCODER", setting)
    bundle = load_model()
    heads = bundle["guidelines"].heads
    _, linear = linear_view(ENCODER_COMMENTS)
    assert shipped_thresholds() == bundle["linear_thresholds"]
    for result, row in zip(classify_many(ENCODER_COMMENTS), linear):
        assert result.model_version == f"{bundle['model_version']}-encoder-off"
        assert result.scores == pytest.approx(guideline_scores(row, 0.0, heads), abs=1e-4)


def test_the_encoder_changes_the_scores(monkeypatch):
    monkeypatch.setenv("COMMENTDESK_CLASSIFIER_ENCODER", "off")
    without = classify_many(ENCODER_COMMENTS)
    monkeypatch.setenv("COMMENTDESK_CLASSIFIER_ENCODER", "on")
    assert [r.scores for r in classify_many(ENCODER_COMMENTS)] != [r.scores for r in without]
