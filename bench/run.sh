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
# A run is a trainer name, optionally with settings joined by ':' (feat.* settings shape the featurizer), e.g.
# svm:c=0.5:feat.min-count=2. lbfgs is left out by default: it makes up to 100 full passes over the data.
# mlnet-* are ML.NET 5.0.1 pipelines (FeaturizeText with our n-gram settings mapped, one thread each, see README).
# ML.NET's FastTree and LightGBM on sparse text take far longer; add them with BENCH_TRAINERS.
for run in ${BENCH_TRAINERS:-sdca svm nb fasttree svm:c=0.5:feat.min-count=2 mlnet-sdca mlnet-svm mlnet-lbfgs}; do
  echo "running $run ..." >&2
  IFS=':' read -r -a parts <<< "$run"
  dotnet bench/out/bin/Classifier.Bench.dll "${parts[0]}" "$out" "${parts[@]:1}" | tee -a "$results"
done
/usr/bin/python3 bench/baselines.py "$out" | tee -a "$results"
/usr/bin/python3 bench/summarize.py "$results" "bench/run.sh $*" > bench/RESULTS.md
cat bench/RESULTS.md
