#!/usr/bin/env python3
"""bench/COST_CURVE.md from bench/out/results-N.jsonl (one per size): train seconds and peak MiB per tool and size.

Usage: cost_curve.py COMMAND SIZE [SIZE ...]. Growth is cost(next size) / cost(size) over the size ratio: 1.0 is
linear, above 1 is worse than linear. Stopped runs show their limit as a lower bound.
"""
import json, os, platform, sys, datetime

command, sizes = sys.argv[1], [int(s) for s in sys.argv[2:]]
runs = {}  # tool -> size -> row
for n in sizes:
    path = f"bench/out/results-{n}.jsonl"
    if not os.path.exists(path):
        continue
    for line in open(path):
        if line.strip().startswith("{"):
            row = json.loads(line)
            runs.setdefault(row["tool"].strip(), {})[n] = row
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "unknown")
print("# Cost curve: training time and peak memory against corpus size\n")
print(f"- Command: `{command}` (from the repository root)")
print(f"- Machine: {os.cpu_count()} cores, {cpu}, {platform.system()} {platform.release()}; "
      f"{datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC")
print("- Corpus: `bench/make_corpus.py` (deterministic, seed 7) at each size, 20,000 test rows; time includes featurization;"
      " peak memory is the whole process's. The cores may have been shared with other work: times are upper bounds.\n")

def cell(row):
    if row is None:
        return "–"
    if "stopped_after_seconds" in row:
        return f"> {row['stopped_after_seconds']} s (stopped)"
    return f"{row['train_seconds']} s, {row.get('peak_mib', '?')} MiB, acc {row['accuracy']}"

def growth(a, b, na, nb, key):
    if a is None or b is None or key not in a or key not in b or not a[key] or "stopped_after_seconds" in a:
        return ""
    return f"{(b[key] / a[key]) / (nb / na):.2f}"

print("| tool | " + " | ".join(f"{n:,} rows" for n in sizes) + " | time growth per size step (1 = linear) | memory growth |")
print("|---|" + "---|" * len(sizes) + "---|---|")
for tool, by in runs.items():
    steps = list(zip(sizes, sizes[1:]))
    tg = ", ".join(g for a, b in steps if (g := growth(by.get(a), by.get(b), a, b, "train_seconds")))
    mg = ", ".join(g for a, b in steps if (g := growth(by.get(a), by.get(b), a, b, "peak_mib")))
    print(f"| {tool} | " + " | ".join(cell(by.get(n)) for n in sizes) + f" | {tg} | {mg} |")
