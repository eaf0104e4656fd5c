#!/usr/bin/env python3
"""Turns the bench's JSON lines into bench/RESULTS.md: the machine, the command, a table and our/their ratios."""
import json, os, platform, subprocess, sys, datetime

lines = [json.loads(l) for l in open(sys.argv[1]) if l.strip().startswith("{")]
rows = [r for r in lines if "stopped_after_seconds" not in r]
stopped = [r for r in lines if "stopped_after_seconds" in r]
command = sys.argv[2]
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "unknown")
mem = next((l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal")), "0")
dotnet = subprocess.run(["dotnet", "--version"], capture_output=True, text=True).stdout.strip()
print("# Bench results\n")
print(f"- Command: `{command}` (from the repository root)")
print(f"- Machine: {os.cpu_count()} cores, {cpu}, {int(mem) // 1024 // 1024} GiB, {platform.system()} {platform.release()}, .NET SDK {dotnet}")
print(f"- Date: {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC")
print("- Corpus: `bench/make_corpus.py` (deterministic, seed 7), train and test rows below; train time includes featurization.\n")
print("| tool | train s | predict paragraphs/s (batch, both cores) | single thread /s | peak MiB | model KiB | load ms (first) | accuracy | macro-F1 |")
print("|---|---|---|---|---|---|---|---|---|")
for r in rows:
    print(f"| {r['tool']} | {r['train_seconds']} | {r['predict_per_second']} | {r.get('predict_single_thread_per_second', '')} | {r.get('peak_mib', '')} | {r.get('model_kib', '')} | {r.get('load_ms', '')} ({r.get('first_load_ms', '')}) | {r['accuracy']} | {r['macro_f1']} |")
for r in stopped:
    print(f"| {r['tool']} | stopped after {r['stopped_after_seconds']} s, unfinished | | | | | | | |")
ours = [r for r in rows if r["tool"].startswith("classifier")]
ft = next((r for r in rows if r["tool"].startswith("fastText")), None)
sk = next((r for r in rows if r["tool"].startswith("scikit")), None)
linear = [r for r in ours if r["tool"].split()[1] in ("sdca", "lbfgs", "svm")]
if linear and ft and sk:
    best = max(linear, key=lambda r: r["accuracy"])
    print(f"\nBest linear trainer by accuracy: **{best['tool']}**.\n")
    print(f"- train time / fastText: {best['train_seconds'] / ft['train_seconds']:.2f}x (target <= 0.3x)")
    print(f"- train time / scikit-learn: {best['train_seconds'] / sk['train_seconds']:.2f}x (target <= 0.2x)")
    print(f"- accuracy - scikit-learn: {best['accuracy'] - sk['accuracy']:+.4f} (target >= 0)")
    print(f"- prediction: {best['predict_per_second']} paragraphs/s (target >= 100,000)")
    print(f"- peak memory: {best.get('peak_mib')} MiB (target <= 1536)")
    tree = next((r for r in ours if r["tool"].split()[1] == "fasttree"), None)
    if tree:
        print(f"- FastTree train time / best linear: {tree['train_seconds'] / best['train_seconds']:.2f}x (target <= 3x)")

# ML.NET beside ours, family by family: the rule for retiring one of two (issue 9 item 8) is "ML.NET at least as
# accurate and not more than 2x slower to train".
pairs = [(o, m) for o in ours for m in rows
         if m["tool"].startswith("ML.NET") and m["tool"].split()[1] == o["tool"].split()[1] and len(o["tool"].split()) == 2]
if pairs:
    print("\nML.NET beside ours (same corpus, same run):\n")
    print("| family | ours: accuracy, train s | ML.NET: accuracy, train s | ML.NET - ours | ML.NET time / ours | ML.NET as accurate and <= 2x slower? |")
    print("|---|---|---|---|---|---|")
    for o, m in pairs:
        ratio = m["train_seconds"] / o["train_seconds"]
        verdict = "yes" if m["accuracy"] >= o["accuracy"] and ratio <= 2 else "no"
        print(f"| {o['tool'].split()[1]} | {o['accuracy']}, {o['train_seconds']} | {m['accuracy']}, {m['train_seconds']} | {m['accuracy'] - o['accuracy']:+.4f} | {ratio:.2f}x | {verdict} |")
    # A stopped ML.NET run is slower than its limit: if that alone is over 2x ours, the verdict needs no accuracy.
    for o in ours:
        for m in stopped:
            if m["tool"].startswith("ML.NET") and m["tool"].split()[1] == o["tool"].split()[1] and len(o["tool"].split()) == 2:
                ratio = m["stopped_after_seconds"] / o["train_seconds"]
                verdict = "no (slower than 2x even unfinished)" if ratio > 2 else "unknown (stopped)"
                print(f"| {o['tool'].split()[1]} | {o['accuracy']}, {o['train_seconds']} | unfinished, > {m['stopped_after_seconds']} | | > {ratio:.0f}x | {verdict} |")
