#!/usr/bin/env bash
# Would a soft vote of auto's candidates beat the best single one on real paragraphs? Leave-one-article-out on the
# 54 gold seed paragraphs; writes bench/SEED_ENSEMBLES.md. Not run in CI; about 6 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/Classifier.Bench -c Release -o bench/out/bin >/dev/null
mkdir -p bench/out
dotnet bench/out/bin/Classifier.Bench.dll seed-ensembles . bench/out/seed-ensembles.csv \
  ${SEED_CANDIDATES:-nb:alpha=0.1 svm:c=0.1 mlnet-svm fasttree sdca}
/usr/bin/python3 bench/seed_ensembles.py bench/out/seed-ensembles.csv "bench/seed_ensembles.sh" > bench/SEED_ENSEMBLES.md
cat bench/SEED_ENSEMBLES.md
