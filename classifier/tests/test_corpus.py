import functools
import inspect
from bisect import bisect_left, bisect_right

import pytest

from classifier import corpus, train
from classifier.corpus import Example, split_own, split_shared, targets_for
from classifier.decide import GUIDELINES
from classifier.models.guideline import HEADS, UNKNOWN


def example(text):
    return Example(text, text, "en", "ok", "test", (0,) * len(HEADS))


def test_split_is_by_text_and_keeps_validation_apart():
    examples = [example(f"comment number {i}") for i in range(500)]
    train_part, calibration, validation = split_shared(examples)
    assert len(train_part) + len(calibration) + len(validation) == 500
    assert all(corpus.bucket(e.normalised) < 10 for e in validation)
    assert {e.text for e in validation} == {e.text for e in split_shared(list(reversed(examples)))[2]}


def test_own_examples_never_land_in_validation():
    own_train, own_calibration = split_own([example(f"own {i}") for i in range(100)])
    assert len(own_train) + len(own_calibration) == 100


# Every news set the benchmark reads, present and future, and those that judge the model.
NEWS_SETS = sorted(path.stem for path in (corpus.PACKAGE_DIR / "data").glob("news_*.jsonl"))
EVALUATION_SETS = [name for name in NEWS_SETS if name not in corpus.TRAINED_NEWS_SETS]


def news_texts(name):
    return [row["text"] for row in corpus.read_jsonl(corpus.PACKAGE_DIR / "data" / f"{name}.jsonl")]


def test_news_set_comments_are_told_from_written_examples():
    own = corpus.own_examples()
    news = [e for e in own if corpus.from_news_set(e)]
    assert len(news) == len(corpus.news_rows())
    assert {e.text for e in news} == {row["text"] for row in corpus.news_rows()}


@pytest.mark.parametrize("name", EVALUATION_SETS)
def test_training_never_reads_the_news_evaluation_sets(name):
    for module in (corpus, train):
        assert name not in inspect.getsource(module)


def test_the_newest_news_set_judges_the_model():
    """Training takes only sets already read: at least the newest stays out of it."""
    blind = sorted((n for n in NEWS_SETS if n.startswith("news_blind")), key=lambda n: int(n.removeprefix("news_blind")))
    assert set(corpus.TRAINED_NEWS_SETS) < set(NEWS_SETS)
    assert blind[-1] not in corpus.TRAINED_NEWS_SETS


def test_the_trained_news_sets_are_read_with_their_articles():
    rows, articles = corpus.news_rows(), corpus.train_articles()
    assert len(rows) == sum(len(news_texts(name)) for name in corpus.TRAINED_NEWS_SETS)
    assert rows == corpus.own_rows()[-len(rows):]
    assert all(row["article"] in articles for row in rows)
    assert {row["guideline"] for row in rows} == {"ok", *GUIDELINES}


@pytest.mark.parametrize("name", EVALUATION_SETS)
def test_own_examples_do_not_repeat_the_news_evaluation_sets(name):
    own = {row["text"] for row in corpus.own_rows()}
    assert not own & set(news_texts(name))


def test_targets_follow_the_label_mapping():
    def target(guideline, source, head):
        return targets_for(guideline, source)[HEADS.index(head)]

    assert targets_for("ok", "olid") == (0,) * len(HEADS)
    assert target("threat", "youtoxic", "threat") == 1
    assert target("threat", "youtoxic", "abusive") == 1
    assert target("threat", "youtoxic", "profanity") == UNKNOWN
    assert target("toxic_other", "offenseval2020_tr", "abusive") == 1
    assert target("toxic_other", "offenseval2020_tr", "personal_attack") == UNKNOWN
    assert target("ok", "kaggle_insults", "profanity") == UNKNOWN
    assert target("ok", "kaggle_insults", "personal_attack") == 0
    assert targets_for(None, "mlma") is None


def _trigrams(text):
    padded = f" {' '.join(text.split())} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


@functools.cache
def _own_normalised_with_trigrams():
    from classifier.normalize import normalize

    texts = [normalize(row["text"]).text for row in corpus.own_rows()]
    return [(text, _trigrams(text)) for text in texts]


@pytest.mark.parametrize("name", EVALUATION_SETS)
def test_own_examples_are_not_near_duplicates_of_the_news_evaluation_sets(name):
    """Leakage check: no own example may equal a news comment once normalised,
    nor share more than 80 % of its character trigrams (Jaccard) with one."""
    from classifier.normalize import normalize

    own = _own_normalised_with_trigrams()
    news = [normalize(text).text for text in news_texts(name)]
    assert not {text for text, _ in own} & set(news)
    news_grams = sorted((len(grams), other, grams) for other in news for grams in [_trigrams(other)])
    sizes = [size for size, _, _ in news_grams]
    close = []
    for text, grams in own:
        # Jaccard is at most the ratio of the two sizes, so only news comments
        # within a factor of 0.8 in size can come closer than 0.8.
        low, high = bisect_left(sizes, 0.8 * len(grams)), bisect_right(sizes, len(grams) / 0.8)
        for _, other, other_grams in news_grams[low:high]:
            if len(grams & other_grams) / len(grams | other_grams) > 0.8:
                close.append((text, other))
    assert not close, close[:3]
