#!/usr/bin/env bash
# Builds libkg, its tools and tests with AddressSanitizer + UndefinedBehaviorSanitizer (-DKG_SANITIZE=ON)
# into build-asan/ (or $1) and runs the whole test suite there; .ci/run calls it after the normal suite.
# -O1: the suite runs about 2x slower than under -O2 plain, where -O0 would make it several times slower.
# The log of the build is shown only on failure, as in scripts/build.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build-asan}
bash scripts/deps.sh
mkdir -p "$dir"
log=$dir/build.log
if ! { cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" \
         -DKG_SANITIZE=ON && cmake --build "$dir" -j"$(nproc)"; } > "$log" 2>&1; then
  cat "$log" >&2
  echo "sanitizer build failed (log: $log)" >&2
  exit 1
fi
# halt_on_error/abort: the first report fails the test that triggered it. Leak checking is on (LSan).
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:halt_on_error=1:strict_string_checks=1:check_initialization_order=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:abort_on_error=1:print_stacktrace=1:suppressions=$PWD/scripts/ubsan.supp}
ctest --test-dir "$dir" --output-on-failure -j"$(nproc)"
echo "sanitized test suite passed ($dir)" >&2
