#!/usr/bin/env bash
# Builds data/clusters.tsv: Brown word clusters from unlabelled text, features of the entity recognizer
# (data/README.md, "Word clusters"; then rebuild to embed the file). The text is the training side of
# ../shared/data only (scripts/clusters_corpus.py; no test split, no eval data). Deterministic: the same
# sources and binary give the same file byte for byte. About 2 minutes on one core (nice -n 10).
# Usage: bash scripts/build_clusters.sh [SHARED_DATA_DIR]   (default: ../shared/data)
#        KG_CLUSTERS=N (default 1000) and KG_MIN_COUNT=N (default 5) change the parameters.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${1:-../shared/data}
build=${KG_TRAIN_BUILD:-build-train}
clusters=${KG_CLUSTERS:-1000}
min_count=${KG_MIN_COUNT:-5}
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release > /dev/null
cmake --build "$build" --target kg-cluster-words > /dev/null
corpus="$build/clusters_corpus.txt"
start=$(date +%s)
# The test splits, so that no line sharing their text reaches the clusters.
tests="$build/ner_test_splits"
python3 scripts/ner_data.py --shared "$shared" --out "$tests" 2>/dev/null
python3 scripts/clusters_corpus.py --shared "$shared" --out "$corpus" $(for f in "$tests"/test_*.txt; do printf -- '--exclude %s ' "$f"; done)
nice -n 10 "$build"/kg-cluster-words --input "$corpus" --tokenize --abbreviations data/abbreviations.txt \
  --clusters "$clusters" --min-count "$min_count" --output data/clusters.tsv \
  --comment "Brown word clusters (Liang's window algorithm) for the entity recognizer; built by scripts/build_clusters.sh, see data/README.md \"Word clusters\"." \
  --comment "Text (training side only, no test split): UD English EWT train+dev, GUM (75 non-news files), Wikinews 2019-2020 (articles sharing a sentence with GUM news dropped), Re-DocRED dev_revised, WNUT-17 train+dev, CrossNER train+dev, wikigold, BTC, SEC filings train, FewRel val_wiki, TypeRE dev." \
  --comment "Licence: derived from CC BY-SA 4.0 (EWT), CC BY-SA 3.0 (GUM bio/voyage), CC BY 2.5/3.0/4.0 and MIT sources: CC BY-SA 4.0, attribution as in data/README.md."
end=$(date +%s)
words=$(grep -vc '^#' data/clusters.tsv)
echo "data/clusters.tsv: $words words, $(wc -c < data/clusters.tsv) bytes; corpus $(wc -l < "$corpus") lines; $((end - start)) s"
