#!/usr/bin/env bash
# Bench: our five trainers against fastText and scikit-learn on one deterministic corpus.
# Usage: bench/run.sh [TRAIN_ROWS] [TEST_ROWS]   (defaults 120000 20000)
# Needs: the .NET SDK; Debian's python3-sklearn and fasttext (apt-get install -y python3-sklearn fasttext).
# Writes bench/RESULTS.md with the command, the machine and the figures. Nothing here runs in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
train=${1:-120000}; test=${2:-20000}
out=bench/out/corpus-$train
[ -f "$out/train.csv" ] || /usr/bin/python3 bench/make_corpus.py "$out" --train "$train" --test "$test"
dotnet build bench/Classifier.Bench -c Release -o bench/out/bin >/dev/null
results=bench/out/results-$train.jsonl
: > "$results"
for t in ${BENCH_TRAINERS:-sdca lbfgs svm nb fasttree}; do
  echo "running $t ..." >&2
  dotnet bench/out/bin/Classifier.Bench.dll "$t" "$out" | tee -a "$results"
done
/usr/bin/python3 bench/baselines.py "$out" | tee -a "$results"
/usr/bin/python3 bench/summarize.py "$results" "bench/run.sh $*" > bench/RESULTS.md
cat bench/RESULTS.md
