#!/usr/bin/env bash
# Trains the entity recognizer and writes data/ner.model (then rebuild to embed it). Never run by the build,
# the tests or CI. Reads the open annotated data in ../shared/data through scripts/ner_data.py (the splits
# and label mapping are in data/README.md); the test splits are only scored. Deterministic: fixed seed,
# one thread, the same data and binary give the same model byte for byte. About a minute on one core.
# Usage: bash scripts/train_ner.sh [SHARED_DATA_DIR]   (default: ../shared/data)
# The word clusters it reads (data/clusters.tsv) come from scripts/build_clusters.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${1:-../shared/data}
build=${KG_TRAIN_BUILD:-build-train}
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release > /dev/null
cmake --build "$build" -j"$(nproc)" --target kg-train-ner > /dev/null
splits="$build/ner_splits"
python3 scripts/ner_data.py --shared "$shared" --out "$splits"
"$build"/kg-train-ner --seed 1 --epochs 15 --prune 0.02 --train "$splits/train.txt" --out data/ner.model \
  --test "$splits/test_uner.txt" --test "$splits/test_wnut.txt" --test "$splits/test_crossner_politics.txt" \
  --test "$splits/test_gum_news.txt" --test "$splits/test_redocred.txt"
