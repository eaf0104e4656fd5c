#!/usr/bin/env bash
# Cost curve (issue 8, item 5): bench/run.sh at several corpus sizes, then one table of train time and peak memory
# per tool and size, with the growth from each size to the next, so a reader sees whether cost grows linearly.
# Usage: bench/cost_curve.sh            (sizes from COST_SIZES, default "10000 30000 120000 480000"; test rows 20000)
#        COST_SIZES="10000 30000" BENCH_TRAINERS="sdca svm nb" BENCH_TIMEOUT=600 bench/cost_curve.sh
# Needs what bench/run.sh needs (python3-sklearn and fasttext from Debian for the peers). Writes bench/COST_CURVE.md.
# Nothing here runs in CI; with every ML.NET pipeline at every size it takes hours (BENCH_TIMEOUT bounds each run).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${COST_SIZES:-10000 30000 120000 480000}
for n in $sizes; do
  echo "== $n training rows ==" >&2
  BENCH_REPORT="bench/out/results-$n.md" bench/run.sh "$n" 20000 >/dev/null
done
# shellcheck disable=SC2086
/usr/bin/python3 bench/cost_curve.py "COST_SIZES=\"$sizes\" BENCH_TRAINERS=\"${BENCH_TRAINERS:-default}\" BENCH_TIMEOUT=${BENCH_TIMEOUT:-1200} bench/cost_curve.sh" $sizes > bench/COST_CURVE.md
cat bench/COST_CURVE.md
