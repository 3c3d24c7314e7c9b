#!/usr/bin/env bash
# Trains the relation classifier and writes data/relations.model (then rebuild to embed it). Never run by
# the build, the tests or CI. Training pairs: scripts/relation_data.py over Re-DocRED dev_revised and
# TypeRE (see its header); Re-DocRED test_revised and FewRel are only measured (kg-eval). Every tenth
# sentence is held out for the printed report, then the model is trained on all. Deterministic: fixed
# seed, one thread. About a minute on one core.
# Usage: bash scripts/train_relations.sh [SHARED_DATA_DIR]   (default: ../shared/data)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${1:-../shared/data}
build=${KG_TRAIN_BUILD:-build-train}
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release > /dev/null
cmake --build "$build" -j"$(nproc)" --target kg-train-relations > /dev/null
python3 scripts/relation_data.py "$shared" > "$build/relations.pairs"
shift || true
"$build"/kg-train-relations --seed 1 --train "$build/relations.pairs" --out data/relations.model "$@"
