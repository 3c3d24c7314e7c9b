#!/usr/bin/env bash
# End-to-end tests of kg-export and kg-query, run as a user runs them: exit codes, files, validity.
# Usage: cli_test.sh KG_EXPORT KG_QUERY TEST_DATA_DIR
set -u
EXPORT=$1 QUERY=$2 DATA=$3
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fails=0
check() {  # check NAME EXPECTED_STATUS ACTUAL_STATUS
  if [ "$2" = "$3" ]; then echo "ok   $1"; else echo "FAIL $1: exit $3, expected $2"; fails=$((fails+1)); fi
}
expect() {  # expect NAME COMMAND... (true/false test)
  local name=$1; shift
  if "$@"; then echo "ok   $name"; else echo "FAIL $name"; fails=$((fails+1)); fi
}

# Built-in sample, both formats, said on stderr.
"$EXPORT" --graphml > "$tmp/a.graphml" 2> "$tmp/err"; check "export sample graphml" 0 $?
expect "sample note on stderr" grep -q "built-in sample" "$tmp/err"
"$EXPORT" --json -o "$tmp/a.json" 2>/dev/null; check "export sample json -o" 0 $?
if command -v xmllint >/dev/null; then
  xmllint --noout --schema "$DATA/graphml/graphml.xsd" "$tmp/a.graphml" 2>"$tmp/xerr"; check "graphml valid against graphml.xsd" 0 $?
fi
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['nodes'] and d['edges']; assert all(e['key']==e['id'] for e in d['edges'])" "$tmp/a.json"
check "json parses, has nodes and edges" 0 $?
if python3 -c "import networkx" 2>/dev/null; then
  python3 -c "import json,sys,networkx as nx; g=nx.node_link_graph(json.load(open(sys.argv[1])), edges='edges'); assert g.number_of_edges()>0; nx.read_graphml(sys.argv[2])" "$tmp/a.json" "$tmp/a.graphml"
  check "networkx reads json and graphml" 0 $?
fi

# Determinism: same input, same bytes.
"$EXPORT" --json -q > "$tmp/b.json"; "$EXPORT" --json -q > "$tmp/c.json"
expect "deterministic output" cmp -s "$tmp/b.json" "$tmp/c.json"

# Inputs: files and directories, ids from relative paths.
mkdir -p "$tmp/in/sub"
printf 'Acme Corp. announced the Widget Plan in Paris. Jane Roe, the chief executive of Acme Corp., praised it.\n' > "$tmp/in/sub/one.txt"
printf 'Globex Inc. signed the Trade Act.\n' > "$tmp/in/two.txt"
"$EXPORT" --json "$tmp/in" > "$tmp/in.json"; check "export directory" 0 $?
expect "document ids are relative paths" grep -q '"sub/one"' "$tmp/in.json"
printf 'From stdin Corp. said hello.\n' | "$EXPORT" --json - > "$tmp/stdin.json"; check "export stdin" 0 $?
expect "stdin document id" grep -q '"stdin"' "$tmp/stdin.json"

# Exit codes.
"$EXPORT" --format nope >/dev/null 2>&1; check "unknown format -> 2" 2 $?
"$EXPORT" --bogus >/dev/null 2>&1; check "unknown option -> 2" 2 $?
"$EXPORT" "$tmp/missing.txt" >/dev/null 2>"$tmp/err"; check "missing input -> 3" 3 $?
expect "error names the file" grep -q "missing.txt" "$tmp/err"
printf 'bad \xff byte\n' > "$tmp/bad.txt"
"$EXPORT" "$tmp/bad.txt" >/dev/null 2>"$tmp/err"; check "invalid UTF-8 -> 3" 3 $?
expect "error names file and offset" grep -q "bad.txt.*offset 4" "$tmp/err"
"$EXPORT" -q -o "$tmp/nodir/x.graphml" 2>/dev/null; check "missing output dir -> 4" 4 $?
expect "no partial file in missing dir" test ! -e "$tmp/nodir"
"$EXPORT" -q -o /dev/full 2>/dev/null; check "/dev/full -> 4" 4 $?
expect "/dev/full still a device" test -c /dev/full
echo keep > "$tmp/keep.graphml"
"$EXPORT" "$tmp/missing.txt" -o "$tmp/keep.graphml" 2>/dev/null; check "bad input keeps old output" 3 $?
expect "old output untouched" grep -qx keep "$tmp/keep.graphml"
"$EXPORT" --help > "$tmp/help"; check "export --help" 0 $?
"$EXPORT" --version | grep -q "kg-export"; check "export --version" 0 $?

# kg-query on the sample.
"$QUERY" -q path "Li Qiang" "Global South" > "$tmp/path"; check "path Li Qiang -> Global South" 0 $?
expect "path names both ends" grep -q "Global South" "$tmp/path"
"$QUERY" -q --format json path "Li Qiang" "Global South" > "$tmp/path.json"; check "path --format json" 0 $?
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert len(d['hops'])>=1" "$tmp/path.json"; check "path json has hops" 0 $?
"$QUERY" -q path "Li Qiang" "No Such Entity Anywhere" > /dev/null 2>"$tmp/err"; check "unknown entity -> 1" 1 $?
"$QUERY" -q neighbors "China" > /dev/null; check "neighbors" 0 $?
"$QUERY" -q centrality --measure betweenness --top 5 > "$tmp/c"; check "centrality betweenness" 0 $?
expect "centrality lists 5" test "$(grep -c . "$tmp/c")" -ge 5
"$QUERY" -q stats > /dev/null; check "stats" 0 $?
"$QUERY" -q > /dev/null 2>&1; check "no command -> 2" 2 $?
"$QUERY" -q path "Li Qiang" > /dev/null 2>&1; check "path with one name -> 2" 2 $?
"$QUERY" "$tmp/missing.txt" stats > /dev/null 2>&1; check "query missing input -> 3" 3 $?

# Analyst overrides: --data DIR adds to the built-in lexicons (extra names, "not an entity", merges).
mkdir -p "$tmp/over"
printf 'Quorvan\tPERSON\tQuorvan Tess\t\t\n' > "$tmp/over/gazetteer.tsv"
printf 'Globex Inc\n' > "$tmp/over/not_entities.txt"
printf 'Acme\tAcme Corporation\n' > "$tmp/over/merges.tsv"
printf 'Acme Corp. hired Quorvan. Globex Inc. said nothing.\n' > "$tmp/over.txt"
"$EXPORT" --data "$tmp/over" --json "$tmp/over.txt" > "$tmp/over.json"; check "export with --data overlay" 0 $?
python3 - "$tmp/over.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
labels = {n["label"]: n for n in d["nodes"]}
assert "Quorvan Tess" in labels and labels["Quorvan Tess"]["type"] == "PERSON", labels.keys()
assert not any(l.startswith("Globex") for l in labels), labels.keys()
assert "Acme Corporation" in labels and "Acme Corp." in labels["Acme Corporation"]["aliases"], labels.keys()
PY
check "overlay adds names, drops non-entities, merges" 0 $?

echo "$fails failure(s)"
[ "$fails" -eq 0 ]
