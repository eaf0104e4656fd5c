#!/usr/bin/env python3
"""Scores soft-vote ensembles of the candidates in a seed-ensembles CSV (bench seed-ensembles) and prints markdown.

Macro-F1 as the trainer reports it: the mean F1 over the classes that occur in the gold labels or in the predictions
(a class predicted but never gold counts with F1 0). Every subset of the candidates is scored; choosing the best
subset on these same 54 paragraphs is optimistic, so the table also shows the all-candidates vote.
Usage: seed_ensembles.py PROBS.csv COMMAND
"""
import csv, itertools, collections, os, platform, sys, datetime

probs = collections.defaultdict(dict)  # (candidate, head) -> id -> {label: p}
gold = {}
for r in csv.DictReader(open(sys.argv[1])):
    probs[(r["candidate"], r["head"])][r["id"]] = {kv.split("=", 1)[0]: float(kv.split("=", 1)[1]) for kv in r["probabilities"].split(";")}
    gold[(r["id"], r["head"])] = r["gold"]
candidates = list(dict.fromkeys(c for c, _ in probs))
heads = list(dict.fromkeys(h for _, h in probs))

def macro_f1(head, predicted):
    classes = {gold[(i, head)] for i in predicted} | set(predicted.values())
    scores = []
    for c in classes:
        tp = sum(1 for i, p in predicted.items() if p == c and gold[(i, head)] == c)
        fp = sum(1 for i, p in predicted.items() if p == c and gold[(i, head)] != c)
        fn = sum(1 for i, p in predicted.items() if p != c and gold[(i, head)] == c)
        scores.append(0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn))
    return sum(scores) / len(scores)

def vote(head, combo):
    out = {}
    for i in probs[(combo[0], head)]:
        total = collections.Counter()
        for c in combo:
            for label, p in probs[(c, head)][i].items():
                total[label] += p / len(combo)
        out[i] = max(sorted(total), key=total.get)  # ties go to the first label in order, deterministically
    return out

cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "unknown")
print("# Soft-vote ensembles of auto's candidates on the seeds\n")
print(f"- Command: `{sys.argv[2]}` (from the repository root)")
print(f"- Machine: {os.cpu_count()} cores, {cpu}, {platform.system()} {platform.release()}; {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC")
print("- Leave-one-article-out on the 54 gold seed paragraphs (5 articles), the default model's synthetic data in every")
print("  training fold; each candidate with voice n-grams; an ensemble averages the candidates' probabilities.\n")
for head in heads:
    results = []
    for k in range(1, len(candidates) + 1):
        for combo in itertools.combinations(candidates, k):
            results.append((macro_f1(head, vote(head, combo)), combo))
    singles = sorted(((s, c[0]) for s, c in results if len(c) == 1), reverse=True)
    everything = next(s for s, c in results if len(c) == len(candidates))
    best = max(results, key=lambda r: r[0])
    print(f"## {head}\n")
    print("| what | macro-F1 |\n|---|---|")
    for s, c in singles:
        print(f"| {c} alone | {s:.3f} |")
    print(f"| vote of all {len(candidates)} | {everything:.3f} |")
    print(f"| best subset on these paragraphs ({' + '.join(best[1])}) | {best[0]:.3f} |\n")
