#!/usr/bin/env bash
# README command 1: set up, build, and build the graph of the built-in sample (the five seed articles):
# prints the connection of "Li Qiang" and "Global South" and writes seeds.graphml and seeds.json.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
# The sample runs read </dev/null: with no INPUT the tools refuse a piped standard input (a forgotten '-'),
# and demo.sh itself may be run from a pipe.
echo '$ kg-query path "Li Qiang" "Global South"'
build/kg-query path "Li Qiang" "Global South" </dev/null
build/kg-export --quiet --graphml -o seeds.graphml </dev/null
build/kg-export --quiet --json -o seeds.json </dev/null
counts=$(build/kg-query --quiet --format json stats </dev/null | python3 -c 'import json,sys; d=json.load(sys.stdin); print("%d entities, %d relations" % (d["entities"], d["relations"]))' 2>/dev/null || true)
echo "wrote seeds.graphml and seeds.json${counts:+ ($counts)}"
