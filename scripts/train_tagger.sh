#!/usr/bin/env bash
# Trains the POS tagger on UD English EWT and writes data/tagger.model (then rebuild to embed it).
# Deterministic: a fixed seed and single-threaded training give the same model byte for byte.
# Usage: bash scripts/train_tagger.sh [EWT_DIR]   (default: ../shared/data/ud-english-ewt)
set -euo pipefail
cd "$(dirname "$0")/.."
ewt=${1:-../shared/data/ud-english-ewt}
build=${KG_TRAIN_BUILD:-build-train}
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release > /dev/null
cmake --build "$build" -j"$(nproc)" --target kg-train-tagger > /dev/null
"$build"/kg-train-tagger --seed 1 \
  --train "$ewt/en_ewt-ud-train.conllu" --dev "$ewt/en_ewt-ud-dev.conllu" --test "$ewt/en_ewt-ud-test.conllu" \
  --out data/tagger.model --bench "$ewt/en_ewt-ud-test.conllu" --bench "$ewt/en_ewt-ud-dev.conllu" --bench seeds
