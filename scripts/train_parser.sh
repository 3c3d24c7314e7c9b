#!/usr/bin/env bash
# Trains the dependency parser and writes data/parser.model (then rebuild to embed it). Never run by the
# build, the tests or CI. Training data: UD English EWT train plus the GUM documents of every genre but
# news (GUM news is a development set for the relation stage: never trained on). EWT train is tagged by five
# taggers each trained without a fifth of it (jackknifing), so the parser learns from tags as wrong as the
# library's tagger is on new text; GUM is tagged by the library's tagger, which never saw it. The epoch is
# chosen on EWT dev; EWT test is only scored. Deterministic: fixed seeds, one thread, the same data and
# binary give the same model byte for byte. About ten minutes on one core.
# Usage: bash scripts/train_parser.sh [SHARED_DATA_DIR]   (default: ../shared/data)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${1:-../shared/data}
ewt=$shared/ud-english-ewt
build=${KG_TRAIN_BUILD:-build-train}
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release > /dev/null
cmake --build "$build" -j"$(nproc)" --target kg-train-parser kg-train-tagger > /dev/null
work="$build/parser_folds"
mkdir -p "$work"
folds=()
for k in 0 1 2 3 4; do
  awk -v RS="" -v ORS="\n\n" -v k=$k '(NR - 1) % 5 != k' "$ewt/en_ewt-ud-train.conllu" > "$work/train_not$k.conllu"
  "$build"/kg-train-tagger --seed 1 --train "$work/train_not$k.conllu" --dev "$ewt/en_ewt-ud-dev.conllu" \
    --out "$work/tagger$k.model" > "$work/tagger$k.log"
  folds+=(--fold-tagger "$work/tagger$k.model")
done
gum=()
for f in "$shared"/gum/GUM_*.conllu; do
  case "$(basename "$f")" in GUM_news_*) ;; *) gum+=(--train "$f") ;; esac
done
"$build"/kg-train-parser --seed 1 --max-epochs 15 --max-mb 15 "${folds[@]}" \
  --train "$ewt/en_ewt-ud-train.conllu" "${gum[@]}" \
  --dev "$ewt/en_ewt-ud-dev.conllu" --test "$ewt/en_ewt-ud-test.conllu" --out data/parser.model
