#!/usr/bin/env bash
# Configures and builds libkg, its tools, examples and tests into build/ (the log is shown only on failure).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
log=build/build.log
mkdir -p build
if ! { cmake -S . -B build -DCMAKE_BUILD_TYPE=Release && cmake --build build -j"$(nproc)"; } > "$log" 2>&1; then
  cat "$log" >&2
  echo "build failed (log: $log)" >&2
  exit 1
fi
echo "built libkg, kg-export and kg-query in build/" >&2
