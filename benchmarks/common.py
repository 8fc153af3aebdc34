"""Helpers shared by the benchmarks: metrics, tables and timing."""

import resource
import time


def precision_recall_f1(true_positive, predicted, actual):
    precision = true_positive / predicted if predicted else 0.0
    recall = true_positive / actual if actual else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def rate(count, total):
    return count / total if total else 0.0


def print_table(title, header, rows):
    """Print rows under a header as an aligned plain-text (and Markdown) table."""
    rows = [[_cell(value) for value in row] for row in rows]
    widths = [max(len(str(h)), *(len(r[i]) for r in rows)) if rows else len(str(h)) for i, h in enumerate(header)]
    print(f"\n### {title}\n")
    print("| " + " | ".join(str(h).ljust(w) for h, w in zip(header, widths)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print("| " + " | ".join(value.ljust(w) for value, w in zip(row, widths)) + " |")


def _cell(value):
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Stopwatch:
    def __enter__(self):
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self.start
