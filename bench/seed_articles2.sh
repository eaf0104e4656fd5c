#!/usr/bin/env bash
# Does the second, audited article batch (data/articles-2/) help on the real seed paragraphs? Leave-one-article-out on
# the 54 gold paragraphs, the default model's data (supplement + data/articles/) in every training fold, with and
# without data/articles-2/, for our trainers (with voice n-grams, as the default model) and ML.NET's linear pipelines.
# Writes bench/SEED_ARTICLES2.md. Not run in CI; about 10 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Classifier.Trainer -c Release -o bench/out/trainer >/dev/null
out=bench/out/seed-articles2
rm -rf "$out"; mkdir -p "$out"
A=(); for f in data/articles/*.csv; do A+=(--train-only "$f"); done
B=("${A[@]}"); for f in data/articles-2/*.csv; do B+=(--train-only "$f"); done
run() { # name trainer args...
  local name=$1 trainer=$2; shift 2
  dotnet bench/out/trainer/trainer.dll train --data data/labels.csv --train-only data/supplement.csv "$@" --trainer "$trainer" \
    --cv logo --model "$out/$name.zip" --report "$out/$name" > "$out/$name.log" 2>&1 || { echo "failed: $name (see $out/$name.log)" >&2; exit 1; }
}
for t in svm nb sdca fasttree; do
  run "$t-without" "$t" "${A[@]}" --voice-ngrams
  run "$t-with" "$t" "${B[@]}" --voice-ngrams
done
for t in mlnet-svm mlnet-sdca; do
  extra=(); [ "$t" = mlnet-sdca ] && extra=(--set iterations=30)
  run "$t-without" "$t" "${A[@]}" "${extra[@]}"
  run "$t-with" "$t" "${B[@]}" "${extra[@]}"
done
python3 - "$out" > bench/SEED_ARTICLES2.md <<'PY'
import json, os, platform, sys, datetime
out = sys.argv[1]
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "unknown")
print("# Does data/articles-2 help on the seeds?\n")
print("- Command: `bench/seed_articles2.sh` (from the repository root)")
print(f"- Machine: {os.cpu_count()} cores, {cpu}, {platform.system()} {platform.release()}; {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC")
print("- Leave-one-article-out on the 54 gold seed paragraphs (5 articles); synthetic data trains in every fold and is never tested.")
print("  *without* = supplement + data/articles (3,305 rows, the default model's data); *with* = plus data/articles-2 (678 rows).")
print("  Our trainers use voice n-grams (as the default model); mlnet-sdca runs 30 passes (auto's candidate). Macro-F1 with its")
print("  95% bootstrap interval over the 54 paragraphs (paragraphs of only five articles: the intervals are optimistic).\n")
print("| trainer | stance without | stance with | stance kappa without / with | topic without | topic with |")
print("|---|---|---|---|---|---|")
def head(name, h):
    m = json.load(open(os.path.join(out, name, "metrics.json")))
    return next(x for x in m["heads"] if x["name"] == h)
def f(x): return f"{x['macroF1']:.3f} ({x['macroF1Interval']['low']:.2f}–{x['macroF1Interval']['high']:.2f})"
for t in ["svm", "nb", "sdca", "fasttree", "mlnet-svm", "mlnet-sdca"]:
    a, b = head(f"{t}-without", "stance"), head(f"{t}-with", "stance")
    ta, tb = head(f"{t}-without", "topic"), head(f"{t}-with", "topic")
    print(f"| {t} | {f(a)} | {f(b)} | {a['kappa']:.3f} / {b['kappa']:.3f} | {f(ta)} | {f(tb)} |")
PY
cat bench/SEED_ARTICLES2.md
