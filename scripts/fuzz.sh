#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, clang, -DKG_FUZZ=ON) into build-fuzz/ and runs each for a fixed time,
# one after the other, then reports executions and crashes per target. Not part of CI (it takes a while).
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET (default 600)] [TARGET...]
#   targets: extractor json_reader graphml_reader triples_reader (default: all)
# Environment: KG_FUZZ_BUILD (default build-fuzz), KG_FUZZ_WORK (corpora and crashes, default $BUILD/work),
# KG_EXPORT (a kg-export that writes seed graphs and records of the sample, default build/kg-export).
# Seeds come from the project's own files: seeds/, tests/data/, and the saved regression inputs. Each crash
# is written to $WORK/crashes/TARGET/; copy it to tests/data/fuzz-regressions/TARGET/ once fixed, where
# the unit tests (tests/test_hostile_fuzz.cpp) replay it in every build.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(extractor json_reader graphml_reader triples_reader)
build=${KG_FUZZ_BUILD:-build-fuzz}
work=${KG_FUZZ_WORK:-$build/work}

command -v clang++ >/dev/null || { echo "fuzz.sh: clang++ is needed (apt-get install clang libclang-rt-dev)" >&2; exit 2; }
mkdir -p "$build"
log=$build/fuzz-build.log
if ! CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O1 -g" \
       -DKG_FUZZ=ON -DKG_BUILD_TESTS=OFF -DKG_BUILD_EXAMPLES=OFF -DKG_BUILD_SHARED=OFF > "$log" 2>&1 ||
   ! cmake --build "$build" -j"$(nproc)" $(printf -- '--target fuzz_%s ' "${targets[@]}") >> "$log" 2>&1; then
  cat "$log" >&2
  echo "fuzz.sh: build failed" >&2
  exit 1
fi

# Seeds: a fresh copy of the project's files of each kind (the corpus directory keeps what fuzzing found).
seed() {  # seed TARGET FILE...
  local dir=$work/corpus/$1; shift
  mkdir -p "$dir"
  local f
  for f in "$@"; do [ -f "$f" ] && cp "$f" "$dir/seed-$(basename "$(dirname "$f")")-$(basename "$f")"; done
  return 0
}
mkdir -p "$work"
shopt -s nullglob globstar
seed extractor seeds/*.txt tests/data/re3d-mini/*.txt
seed json_reader tests/data/*.json tests/data/**/*.json
seed graphml_reader tests/data/**/*.graphml
# GraphML seeds written by libkg itself (plain and yEd), from the built-in sample (</dev/null: with no INPUT
# the tools refuse a piped standard input).
exporter=${KG_EXPORT:-build/kg-export}
if [ -x "$exporter" ]; then
  "$exporter" -q --graphml -o "$work/sample.graphml" </dev/null && seed graphml_reader "$work/sample.graphml"
  "$exporter" -q --yed -o "$work/sample.yed.graphml" </dev/null && seed graphml_reader "$work/sample.yed.graphml"
  "$exporter" -q --json -o "$work/sample.json" </dev/null && seed json_reader "$work/sample.json"
  "$exporter" -q --format triples -o "$work/sample.records" </dev/null && seed triples_reader "$work/sample.records"
fi
seed triples_reader tests/data/**/*.records tests/data/**/*.tsv
for t in "${targets[@]}"; do
  seed "$t" tests/data/fuzz-regressions/"$t"/*
  # The triples target takes its first byte as the --skip-bad switch: prefix the seeds with one.
  if [ "$t" = triples_reader ]; then
    for f in "$work/corpus/$t"/seed-*; do
      [ "$(head -c1 "$f")" = "0" ] || { printf '0' | cat - "$f" > "$f.tmp" && mv "$f.tmp" "$f"; }
    done
  fi
done

# RapidJSON 1.1.0's known pointer-overflow report is suppressed (see scripts/ubsan.supp); anything else halts.
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1:suppressions=$root/scripts/ubsan.supp}
declare -A dict=([json_reader]=json [triples_reader]=json [graphml_reader]=xml)
summary=()
status=0
for t in "${targets[@]}"; do
  crashes=$work/crashes/$t
  mkdir -p "$crashes" "$work/corpus/$t"
  before=$(find "$crashes" -type f | wc -l)
  args=(-max_total_time="$seconds" -rss_limit_mb=2048 -timeout=30 -max_len=65536 -print_final_stats=1
        -artifact_prefix="$crashes/" "$work/corpus/$t")
  [ -n "${dict[$t]:-}" ] && [ -f "fuzz/${dict[$t]}.dict" ] && args=(-dict="fuzz/${dict[$t]}.dict" "${args[@]}")
  echo "fuzz.sh: $t for ${seconds}s" >&2
  "$build/fuzz/fuzz_$t" "${args[@]}" > "$work/$t.log" 2>&1 || status=1
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/$t.log" | grep -o '[0-9]*$' | tail -1 || true)
  after=$(find "$crashes" -type f | wc -l)
  summary+=("$(printf '%-15s %12s executions  %3d new crash/leak/timeout inputs  (log: %s)' \
               "$t" "${execs:-?}" $((after - before)) "$work/$t.log")")
done
echo
printf '%s\n' "${summary[@]}"
[ $status -eq 0 ] || echo "fuzz.sh: a target stopped on a crash; see its log and $work/crashes/" >&2
exit $status
