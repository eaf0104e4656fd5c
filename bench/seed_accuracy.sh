#!/usr/bin/env bash
# Honest accuracy on the real seed paragraphs: leave-one-article-out cross-validation of every trainer, with the
# synthetic supplement in every training fold (never tested) and without it, beside the majority-class baseline;
# and, when data/weak.csv exists, with weak labels added. Writes bench/SEED_ACCURACY.md. Nothing here runs in CI.
# Usage: bench/seed_accuracy.sh [TRAINERS...]   (default: sdca lbfgs svm nb fasttree)
set -euo pipefail
cd "$(dirname "$0")/.."
trainers=("${@:-sdca lbfgs svm nb fasttree}")
read -r -a trainers <<< "${trainers[*]}"
dotnet build src/Classifier.Trainer -c Release -o bench/out/trainer >/dev/null
out=bench/out/seed-accuracy
rm -rf "$out"; mkdir -p "$out"
run() { # name trainer args...
  local name=$1 trainer=$2; shift 2
  dotnet bench/out/trainer/trainer.dll train --data data/labels.csv "$@" --trainer "$trainer" --cv logo \
    --model "$out/$name.zip" --report "$out/$name" > "$out/$name.log" 2>&1 || { echo "failed: $name (see $out/$name.log)" >&2; exit 1; }
  echo "$name $trainer $*" >> "$out/runs.txt"
}
for t in "${trainers[@]}"; do
  run "$t-gold+supplement" "$t" --train-only data/supplement.csv
  run "$t-gold-only" "$t"
  if [ -f data/weak.csv ]; then run "$t-gold+supplement+weak" "$t" --train-only data/supplement.csv --weak data/weak.csv; fi
done
python3 - "$out" "bench/seed_accuracy.sh $*" > bench/SEED_ACCURACY.md <<'PY'
import json, os, platform, subprocess, sys
out, command = sys.argv[1], sys.argv[2]
rows = [l.split() for l in open(os.path.join(out, "runs.txt"))]
def cpu():
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"): return line.split(":", 1)[1].strip()
    return platform.processor()
print("# Accuracy on the real seed paragraphs (leave-one-article-out)\n")
print(f"Command: `{command.strip()}` on {cpu()}, {os.cpu_count()} cores. Every figure is measured on the 54 gold seed")
print("paragraphs (`data/labels.csv`), each article's paragraphs tested by a model that never saw that article;")
print("the synthetic supplement and weak labels only ever train. Baseline: always predict the training folds' majority class.\n")
print("| trainer | training data | stance macro-F1 | stance F_avg | topic macro-F1 | stance accuracy | topic accuracy |")
print("|---|---|---|---|---|---|---|")
baseline = None
for name, trainer, *_ in rows:
    m = json.load(open(os.path.join(out, name, "metrics.json")))
    h = {x["name"]: x for x in m["heads"]}
    s, t = h["stance"], h["topic"]
    baseline = baseline or (s["majorityBaseline"], t["majorityBaseline"])
    data = name[len(trainer) + 1:]
    print(f"| {trainer} | {data} | {s['macroF1']:.3f} | {s['fAvg']['value']:.3f} | {t['macroF1']:.3f} | {s['microAccuracy']:.3f} | {t['microAccuracy']:.3f} |")
if baseline:
    s, t = baseline
    print(f"| majority class | — | {s['macroF1']:.3f} | {s.get('fAvg', 0):.3f} | {t['macroF1']:.3f} | {s['microAccuracy']:.3f} | {t['microAccuracy']:.3f} |")
PY
cat bench/SEED_ACCURACY.md
