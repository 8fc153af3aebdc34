import random

from classifier.decide import GUIDELINES, decide, doubtful_thresholds
from classifier.thresholds import NEWS_REVIEW_ALLOWANCE, SHARED_BUDGET_FACTOR, CalibrationSet, joint_reject_thresholds, spend_review_budget

QUANTILE_RULE = {g: (0.2, 0.95) for g in GUIDELINES}


def row(**scores):
    return [scores.get(g, 0.0) for g in GUIDELINES]


def calibration(rows, legit, thin_data=None):
    return CalibrationSet(rows, legit, thin_data or [False] * len(rows))


def test_outcome_is_what_decide_does_including_the_kurdish_caution():
    rng = random.Random(4)
    rows = [[rng.random() for _ in GUIDELINES] for _ in range(400)]
    legit = [rng.random() < 0.5 for _ in rows]
    thin = [rng.random() < 0.3 for _ in rows]
    thresholds = {g: (0.15 + 0.05 * i, 0.6 + 0.05 * i) for i, g in enumerate(GUIDELINES)}
    decisions = [
        decide(dict(zip(GUIDELINES, r)), doubtful_thresholds(thresholds) if t else thresholds)[0]
        for r, t in zip(rows, thin)
    ]
    expected = (sum(d == "reject" and ok for d, ok in zip(decisions, legit)), decisions.count("review"))
    assert calibration(rows, legit, thin).outcome(thresholds) == expected


def test_reject_threshold_drops_where_no_legitimate_comment_scores():
    shared = calibration([row(threat=0.7)] * 30 + [row(threat=0.3)] * 30, [False] * 30 + [True] * 30)
    own = calibration([row(threat=0.8), row(threat=0.1)], [False, True])
    chosen = joint_reject_thresholds(QUANTILE_RULE, shared, own)
    assert chosen["threat"][1] < 0.7
    assert shared.outcome(chosen) == (0, 30)
    assert own.outcome(chosen) == (0, 0)


def test_own_examples_lose_no_legitimate_comment_the_shared_rows_at_most_their_factor_and_approvals_untouched():
    rng = random.Random(7)
    shared_rows = [row(personal_attack=rng.random(), profanity=rng.random()) for _ in range(300)]
    shared_legit = [r[GUIDELINES.index("personal_attack")] < 0.8 or rng.random() < 0.2 for r in shared_rows]
    own_rows = [row(personal_attack=rng.random()) for _ in range(40)]
    own_legit = [rng.random() < 0.5 for _ in own_rows]
    shared, own = calibration(shared_rows, shared_legit), calibration(own_rows, own_legit)
    chosen = joint_reject_thresholds(QUANTILE_RULE, shared, own)
    assert own.outcome(chosen)[0] <= own.outcome(QUANTILE_RULE)[0]
    assert shared.outcome(chosen)[0] <= SHARED_BUDGET_FACTOR * shared.outcome(QUANTILE_RULE)[0]
    assert shared.outcome(chosen)[1] + 60 * own.outcome(chosen)[1] <= shared.outcome(QUANTILE_RULE)[1] + 60 * own.outcome(QUANTILE_RULE)[1]
    assert {g: a for g, (a, _) in chosen.items()} == {g: a for g, (a, _) in QUANTILE_RULE.items()}
    assert chosen["off_topic"] == QUANTILE_RULE["off_topic"]


def test_own_examples_keep_their_budget_when_the_shared_data_has_slack():
    # Lowering the threshold would reject an own legitimate comment that the
    # rule kept: however many shared reviews it saves, it is not taken.
    shared = calibration([row(vulgarity=0.5)] * 100, [False] * 100)
    own = calibration([row(vulgarity=0.5)], [True])
    chosen = joint_reject_thresholds(QUANTILE_RULE, shared, own)
    assert chosen["vulgarity"][1] >= 0.5
    assert own.outcome(chosen)[0] == 0


def test_the_shared_rows_may_pay_up_to_their_factor_for_fewer_reviews():
    # 10 clean rows reject under the rule; lowering threat below 0.75 saves 30
    # reviews for 10 more clean rows rejected: within twice the budget.
    shared = calibration([row(threat=0.97)] * 10 + [row(threat=0.75)] * 10 + [row(threat=0.8)] * 30,
                         [True] * 20 + [False] * 30)
    own = calibration([row(threat=0.1)], [True])
    chosen = joint_reject_thresholds(QUANTILE_RULE, shared, own)
    assert shared.outcome(QUANTILE_RULE) == (10, 40)
    assert shared.outcome(chosen) == (20, 0)


def test_violations_approved_counts_violations_under_every_approve_threshold():
    own = calibration([row(threat=0.1), row(threat=0.3), row(threat=0.1), row(threat=0.99)], [False, False, True, False])
    assert own.violations_approved(QUANTILE_RULE) == 1


def test_review_budget_holds_calm_violations_just_under_the_approve_threshold():
    # Violations at 0.17, clean comments at 0.1: lowering identity abuse to 0.17 holds
    # them all and sends no clean comment to review, 5 of 500 news comments.
    rows = [row(identity_abuse=0.17)] * 5 + [row(identity_abuse=0.1)] * 495
    own = calibration(rows, [False] * 5 + [True] * 495)
    chosen = spend_review_budget(QUANTILE_RULE, own, own)
    assert 0.1 < chosen["identity_abuse"][0] <= 0.17
    assert own.violations_approved(chosen) == 0
    assert own.outcome(chosen) == (0, 5)


def test_review_budget_stops_at_the_news_allowance_and_moves_nothing_else():
    # Three violations at 0.15 fit the allowance (1 % of 343); holding the twenty at 0.10
    # would also send the twenty clean comments there to review, and does not.
    rows = [row(personal_attack=0.05)] * 300 + [row(personal_attack=0.15)] * 3 + [row(personal_attack=0.1)] * 40
    legit = [True] * 300 + [False] * 3 + [False, True] * 20
    own = calibration(rows, legit)
    chosen = spend_review_budget(QUANTILE_RULE, own, own)
    assert 0.1 < chosen["personal_attack"][0] <= 0.15
    assert own.violations_approved(chosen) == 20
    assert own.outcome(chosen)[1] <= own.outcome(QUANTILE_RULE)[1] + NEWS_REVIEW_ALLOWANCE * len(rows)
    assert all(chosen[g] == QUANTILE_RULE[g] for g in GUIDELINES if g != "personal_attack")
    assert chosen["personal_attack"][1] == QUANTILE_RULE["personal_attack"][1]


def test_review_budget_leaves_thresholds_alone_when_every_move_passes_the_allowance():
    # Holding the violations at 0.1 would also send the 80 clean comments there to review.
    rows = [row(profanity=0.1)] * 100
    own = calibration(rows, [True] * 80 + [False] * 20)
    assert spend_review_budget(QUANTILE_RULE, own, own) == QUANTILE_RULE
