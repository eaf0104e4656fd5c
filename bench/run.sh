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
# mlnet-* are ML.NET 5.0.1 pipelines (FeaturizeText with our n-gram settings mapped, one thread each, see README);
# mlnet-sdca runs 30 passes as auto's candidate does (its automatic pass count is several times slower). ML.NET's
# L-BFGS and one-versus-all FastTree on sparse text run for many minutes; BENCH_TIMEOUT bounds each run.
for run in ${BENCH_TRAINERS:-sdca svm nb fasttree svm:c=0.5:feat.min-count=2 svm:c=0.25:feat.hash-bits=19 mlnet-sdca:iterations=30 mlnet-svm mlnet-lbfgs mlnet-fasttree}; do
  echo "running $run ..." >&2
  IFS=':' read -r -a parts <<< "$run"
  # A run past BENCH_TIMEOUT seconds (default 1200) is stopped and recorded as unfinished rather than holding up the rest.
  limit=${BENCH_TIMEOUT:-1200}; rc=0
  timeout "$limit" dotnet bench/out/bin/Classifier.Bench.dll "${parts[0]}" "$out" "${parts[@]:1}" | tee -a "$results" || rc=$?
  if [ "$rc" = 124 ]; then
    name=${parts[0]}; [[ $name == mlnet-* ]] && name="ML.NET ${name#mlnet-}" || name="classifier $name"
    echo "{\"tool\":\"$name ${parts[*]:1}\",\"stopped_after_seconds\":$limit}" | tee -a "$results"
  elif [ "$rc" != 0 ]; then exit "$rc"; fi
done
/usr/bin/python3 bench/baselines.py "$out" | tee -a "$results"
# BENCH_REPORT: where the table goes (bench/cost_curve.sh runs several sizes without overwriting RESULTS.md).
report=${BENCH_REPORT:-bench/RESULTS.md}
/usr/bin/python3 bench/summarize.py "$results" "BENCH_TIMEOUT=${BENCH_TIMEOUT:-1200} bench/run.sh $*" > "$report"
cat "$report"
