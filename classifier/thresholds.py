"""Reject thresholds chosen together on calibration data, then approve thresholds
lowered where the review budget buys most.

The per-guideline rule (reject above the score 99.8 % of clean comments stay
under) spends the same false-reject budget on every guideline, whatever it
buys. Here the reject thresholds of the wording guidelines move together so
that as few comments as possible go to review, while no more of our own
legitimate calibration examples are rejected than under that rule, and no
more than SHARED_BUDGET_FACTOR times as many clean rows of the shared data.
Only reject thresholds move: a comment that would have been approved is
still approved, so no more violations are approved on any data. Chosen on
the calibration parts (docs/technical/classifier.md); the validation and news
sets are never read.

The approve thresholds of the rule (a comment goes to review above the score
95 % of clean comments stay under) are set by the shared rows, mostly English
tweets sampled by slur keywords: the personal-attack and identity-abuse ones
sit near 0.35, where our news comments that break those guidelines calmly
score. spend_review_budget() lowers approve thresholds, move by move, where
they hold most of our violations per comment newly reviewed, for as long as
no more than NEWS_REVIEW_ALLOWANCE more of the news comments of our
calibration part go to review (fourteenth issue-4 pass). Only approve
thresholds move, and only down: no comment more is rejected.
"""

import numpy as np

from classifier.decide import DOUBT_REJECT_SHIFT, GUIDELINES, THIN_DATA_APPROVE_BELOW

WORDING = GUIDELINES[:-1]
GRID = np.round(np.arange(0.15, 0.995, 0.01), 2)
APPROVE_GRID = np.round(np.arange(0.05, 0.995, 0.01), 2)
# Share of news comments the approve thresholds may send to review beyond the rule's.
# The thirteenth pass's model reviewed 10.3 to 12.3 % of its fresh news sets, under the
# issue's 15 % target; one point spends some of that margin and leaves the rest for harder
# sets. The calibration news comments themselves are reviewed more (15.2 %): they come from
# the earliest sets, written harder (docs/technical/classifier.md, fourteenth pass).
NEWS_REVIEW_ALLOWANCE = 0.01
# One of our calibration examples counts like this many shared ones: they are
# news comments in all six languages, the shared rows mostly English tweets.
OWN_WEIGHT = 60.0
# Price of one more legitimate comment rejected, in comments reviewed, for the
# first joint search; what it leaves of the budget is then spent move by move.
FALSE_REJECT_PRICE = 25.0
PASSES = 4
# The shared data's clean rows are mostly tweets whose labels do not follow our
# guidelines (Kaggle's "not an insult" rows swear, keyword-sampled tweets carry
# slurs); our own examples are news comments, what the desk moderates. So the
# shared rows may lose twice the rule's budget, ours not one more comment
# (fourth issue-4 pass, docs/technical/classifier.md).
SHARED_BUDGET_FACTOR = 2.0


class CalibrationSet:
    """Scores of one calibration part, and what the thresholds do to them."""

    def __init__(self, scores, legit, thin_data):
        self.scores = np.asarray(scores, dtype=float).reshape(len(legit), len(GUIDELINES))
        self.legit = np.asarray(legit, dtype=bool)
        self.thin_data = np.asarray(thin_data, dtype=bool)[:, None]

    def __len__(self):
        return len(self.legit)

    def outcome(self, thresholds):
        """(legitimate comments rejected, comments reviewed), as decide() and the
        Sorani and Kurmanji caution of doubtful_thresholds() would have it."""
        rejected, reviewed = self._decisions(thresholds)
        return int((rejected & self.legit).sum()), int(reviewed.sum())

    def violations_approved(self, thresholds):
        rejected, reviewed = self._decisions(thresholds)
        return int((~rejected & ~reviewed & ~self.legit).sum())

    def _decisions(self, thresholds):
        """(rejected, reviewed) masks over the rows."""
        approve = np.array([thresholds[g][0] for g in GUIDELINES])
        reject = np.array([thresholds[g][1] for g in GUIDELINES])
        approve = np.where(self.thin_data, np.minimum(approve, THIN_DATA_APPROVE_BELOW), approve)
        reject = np.where(self.thin_data, reject + (1 - reject) * DOUBT_REJECT_SHIFT, reject)
        rejected = (self.scores > reject).any(axis=1)
        return rejected, ~rejected & (self.scores >= approve).any(axis=1)


def joint_reject_thresholds(thresholds, shared, own):
    """thresholds with the wording guidelines' reject_above chosen together
    (see the module docstring); off_topic and every approve_below unchanged."""
    budget = (int(shared.outcome(thresholds)[0] * SHARED_BUDGET_FACTOR), own.outcome(thresholds)[0])

    def reviewed(candidate):
        return shared.outcome(candidate)[1] + OWN_WEIGHT * own.outcome(candidate)[1]

    def rejected(candidate):
        return shared.outcome(candidate)[0], own.outcome(candidate)[0]

    def priced(candidate):
        return reviewed(candidate) + FALSE_REJECT_PRICE * (rejected(candidate)[0] + OWN_WEIGHT * rejected(candidate)[1])

    chosen = _descend(thresholds, priced)
    if not _within(rejected(chosen), budget):
        chosen = thresholds
    return _spend(chosen, reviewed, rejected, budget)


def spend_review_budget(thresholds, own, news):
    """thresholds with approve_below lowered, one grid step of one guideline at a
    time, taking each time the move that holds most of own's violations per own
    comment newly reviewed, while news (the news comments among own) gain no more
    than NEWS_REVIEW_ALLOWANCE of them in reviews. Reject thresholds are unchanged."""
    current, review_limit = thresholds, news.outcome(thresholds)[1] + NEWS_REVIEW_ALLOWANCE * len(news)
    while True:
        approved, reviewed = own.violations_approved(current), own.outcome(current)[1]
        best = None
        for candidate in _approve_moves(current):
            held = approved - own.violations_approved(candidate)
            if held <= 0 or news.outcome(candidate)[1] > review_limit:
                continue
            gain = held / max(own.outcome(candidate)[1] - reviewed, 0.5)
            if best is None or gain > best[0]:
                best = (gain, candidate)
        if best is None:
            return current
        current = best[1]


def _approve_moves(thresholds):
    """Every threshold set with one approve_below lowered to a grid value."""
    for guideline, (approve, reject) in thresholds.items():
        for value in APPROVE_GRID[APPROVE_GRID < approve]:
            yield {**thresholds, guideline: (float(value), reject)}


def _moves(thresholds):
    """Every threshold set one reject_above step away from thresholds."""
    for guideline in WORDING:
        approve, reject = thresholds[guideline]
        for value in GRID:
            if value >= approve and value != reject:
                yield {**thresholds, guideline: (approve, float(value))}


def _descend(thresholds, cost):
    """Coordinate descent on cost over the reject thresholds, one guideline at a time."""
    best, best_cost = thresholds, cost(thresholds)
    for _ in range(PASSES):
        improved = False
        for guideline in WORDING:
            for value in GRID:
                approve, reject = best[guideline]
                if value < approve or value == reject:
                    continue
                candidate = {**best, guideline: (approve, float(value))}
                candidate_cost = cost(candidate)
                if candidate_cost < best_cost:
                    best, best_cost, improved = candidate, candidate_cost, True
        if not improved:
            break
    return best


def _spend(thresholds, reviewed, rejected, budget):
    """Greedily take the move that cuts reviews most per share of the remaining
    false-reject budget it uses, while the budget holds."""
    current, current_reviewed, current_rejected = thresholds, reviewed(thresholds), rejected(thresholds)
    while True:
        best = None
        for candidate in _moves(current):
            candidate_rejected = rejected(candidate)
            candidate_reviewed = reviewed(candidate)
            if candidate_reviewed >= current_reviewed or not _within(candidate_rejected, budget):
                continue
            used = sum(max(0, new - old) / (limit - old + 1) for new, old, limit in zip(candidate_rejected, current_rejected, budget))
            gain = (current_reviewed - candidate_reviewed) / (used + 0.01)
            if best is None or gain > best[0]:
                best = (gain, candidate, candidate_reviewed, candidate_rejected)
        if best is None:
            return current
        _, current, current_reviewed, current_rejected = best


def _within(rejected, budget):
    return all(count <= limit for count, limit in zip(rejected, budget))
