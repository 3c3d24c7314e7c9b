#!/usr/bin/env bash
# End-to-end tests of kg-export and kg-query, run as a user runs them: exit codes, files, validity.
# Usage: cli_test.sh KG_EXPORT KG_QUERY TEST_DATA_DIR [KG_EVAL]
set -u
# Standard input is /dev/null for every command below unless one pipes into it: CTest and CI may hand the
# script a pipe, and with no INPUT the tools refuse a piped standard input (a forgotten '-').
exec </dev/null
EXPORT=$1 QUERY=$2 DATA=$3 EVAL=${4:-}
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
"$QUERY" -q paths "Li Qiang" "Global South" --k 3 --weighted > "$tmp/paths"; check "paths --k 3 --weighted" 0 $?
expect "paths numbered" grep -q "^path 1: " "$tmp/paths"
"$QUERY" -q centrality --measure pagerank --top 3 > /dev/null; check "centrality pagerank" 0 $?
"$QUERY" -q communities --top 3 > "$tmp/comm"; check "communities" 0 $?
expect "communities report modularity" grep -q "modularity" "$tmp/comm"
"$QUERY" -q components --format json > /dev/null; check "components json" 0 $?
"$QUERY" -q neighbors China --depth 2 --predicates leader_of,based_in > /dev/null; check "neighbors --depth --predicates" 0 $?
# The vocabulary (schema v2, data/predicates.tsv): listed by --help and by the unknown-predicate error.
"$QUERY" --help > "$tmp/qhelp"; check "query --help" 0 $?
expect "help lists the predicates" grep -q "^Predicates (46" "$tmp/qhelp"
expect "help lists a v1 predicate" grep -qw "leader_of" "$tmp/qhelp"
expect "help lists a v2 predicate" grep -qw "located_in" "$tmp/qhelp"
expect "help marks symmetric ones" grep -q "negotiates_with\*" "$tmp/qhelp"
"$QUERY" -q neighbors China --predicates attend > /dev/null 2> "$tmp/perr"; check "neighbors unknown predicate -> 2" 2 $?
expect "unknown predicate named" grep -q "unknown predicate 'attend'; did you mean attends" "$tmp/perr"
expect "unknown predicate lists the vocabulary" grep -q "The 46 predicates" "$tmp/perr"
expect "unknown predicate lists v2 names" grep -qw "merges_with\*" "$tmp/perr"
expect "unknown predicate hints at --help" grep -q "Try 'kg-query --help'" "$tmp/perr"
"$QUERY" -q neighbors China --predicates leader_of,located_in,meets > /dev/null; check "v2 predicates accepted" 0 $?
mkdir -p "$tmp/baddata"; printf 'leader_of\tno\tperson leads\n' > "$tmp/baddata/predicates.tsv"
"$QUERY" -q --data "$tmp/baddata" neighbors China > /dev/null 2> "$tmp/derr"; check "malformed predicates.tsv -> 3" 3 $?
expect "malformed predicates.tsv names file and line" grep -q "baddata/predicates.tsv:1:" "$tmp/derr"
"$QUERY" -q > /dev/null 2>&1; check "no command -> 2" 2 $?
"$QUERY" -q path "Li Qiang" > /dev/null 2>&1; check "path with one name -> 2" 2 $?
"$QUERY" "$tmp/missing.txt" stats > /dev/null 2>&1; check "query missing input -> 3" 3 $?

# A truncated or corrupt entity recognizer model given with --data: exit 3 naming the file, no output.
mkdir -p "$tmp/badmodel"
head -c 1000 "$(dirname "$0")/../data/ner.model" > "$tmp/badmodel/ner.model"
echo "Apple said so." | "$EXPORT" --data "$tmp/badmodel" --json -o "$tmp/badmodel.json" - 2> "$tmp/err"
check "truncated model -> 3" 3 $?
expect "truncated model error names the file" grep -q "badmodel/ner.model: truncated" "$tmp/err"
expect "no output for a bad model" test ! -e "$tmp/badmodel.json"
printf 'KGNERMDL\x07\x00\x00\x00' > "$tmp/badmodel/ner.model"
echo "Apple said so." | "$EXPORT" --data "$tmp/badmodel" --json - > /dev/null 2> "$tmp/err"
check "model of another version -> 3" 3 $?
expect "version error names the file and version" grep -q "badmodel/ner.model: entity recognizer model: version 7" "$tmp/err"

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

# --- Issue 4: every format, read back, converted, opened by other tools -----------------------------------
INTEROP="$(dirname "$0")/interop.py"
NX_PY="" IG_PY=""   # a python with NetworkX (any version) and one with igraph (Debian's, usually)
for p in python3 /usr/bin/python3; do
  [ -z "$NX_PY" ] && "$p" -c "import networkx" 2>/dev/null && NX_PY=$p
done
for p in /usr/bin/python3 python3; do
  [ -z "$IG_PY" ] && "$p" -c "import igraph" 2>/dev/null && IG_PY=$p
done
# all_formats NAME GRAPH: writes every format of GRAPH into $tmp/NAME/ and checks what the tools read.
all_formats() {
  local name=$1 graph=$2 d="$tmp/$1"
  mkdir -p "$d"
  "$EXPORT" --graph "$graph" --json -o "$d/g.json"; check "$name: json" 0 $?
  "$EXPORT" --graph "$graph" --json --links-key links -o "$d/g.links.json"; check "$name: json --links-key links" 0 $?
  "$EXPORT" --graph "$graph" --graphml -o "$d/g.graphml"; check "$name: graphml" 0 $?
  "$EXPORT" --graph "$graph" --yed -o "$d/g.yed.graphml"; check "$name: yed" 0 $?
  "$EXPORT" --graph "$graph" --format gexf -o "$d/g.gexf"; check "$name: gexf" 0 $?
  "$EXPORT" --graph "$graph" --cytoscape -o "$d/g.cyjs"; check "$name: cytoscape" 0 $?
  # Every entity, so that the SVG check below reads each label back (a drawing leaves lone ones out).
  "$EXPORT" -q --graph "$graph" --dot --keep-isolated --max-nodes 0 -o "$d/g.dot"; check "$name: dot" 0 $?
  "$EXPORT" --graph "$graph" --csv -o "$d/csv"; check "$name: csv into a new directory" 0 $?
  expect "$name: csv files" test -s "$d/csv/nodes.csv" -a -s "$d/csv/relationships.csv"
  expect "$name: links key" grep -q '^ "links": \[' "$d/g.links.json"
  # Round trips: libkg's JSON and GraphML (both flavours) read back and written again, byte for byte.
  "$EXPORT" --graph "$d/g.json" --json -o "$d/rt.json"; expect "$name: json -> json byte-identical" cmp -s "$d/g.json" "$d/rt.json"
  "$EXPORT" --graph "$d/g.graphml" -o "$d/rt.graphml"; expect "$name: graphml -> graphml byte-identical" cmp -s "$d/g.graphml" "$d/rt.graphml"
  "$EXPORT" --graph "$d/g.yed.graphml" --yed -o "$d/rt.yed"; expect "$name: yed -> yed byte-identical" cmp -s "$d/g.yed.graphml" "$d/rt.yed"
  "$EXPORT" --graph "$d/g.links.json" --json | cmp -s - "$d/g.json"; check "$name: links-key json reads back" 0 $?
  if command -v xmllint >/dev/null; then
    xmllint --noout --schema "$DATA/graphml/graphml.xsd" "$d/g.graphml" 2>"$d/xerr"; check "$name: graphml valid (graphml.xsd)" 0 $?
    xmllint --noout --schema "$DATA/graphml/graphml-yfiles-lax.xsd" "$d/g.yed.graphml" 2>"$d/xerr"; check "$name: yed valid (graphml-yfiles-lax.xsd)" 0 $?
    xmllint --noout "$d/g.gexf"; check "$name: gexf well-formed" 0 $?
  else
    echo "skip $name: xmllint not installed (apt-get install libxml2-utils)"
  fi
  if command -v dot >/dev/null; then
    dot -Tsvg "$d/g.dot" -o "$d/g.svg" 2>"$d/dot.err"; check "$name: dot -Tsvg renders" 0 $?
    expect "$name: dot -Tsvg without warnings" test ! -s "$d/dot.err"
  else
    echo "skip $name: graphviz not installed (apt-get install graphviz)"
  fi
  python3 "$INTEROP" csv "$d" > "$d/csv.log"; check "$name: csv reads back (python csv)" 0 $?; grep FAIL "$d/csv.log"
  if [ -s "$d/g.svg" ]; then
    python3 "$INTEROP" svg "$d" > "$d/svg.log"; check "$name: svg node labels" 0 $?; grep FAIL "$d/svg.log"
  fi
  if [ -n "$NX_PY" ]; then
    "$NX_PY" "$INTEROP" networkx "$d" > "$d/nx.log"; check "$name: networkx reads json, graphml, yed, gexf, cytoscape" 0 $?
    grep FAIL "$d/nx.log"
  else
    echo "skip $name: no python3 with networkx (apt-get install python3-networkx)"
  fi
  if [ -n "$IG_PY" ]; then
    "$IG_PY" "$INTEROP" igraph "$d" > "$d/ig.log"; check "$name: igraph reads graphml" 0 $?; grep FAIL "$d/ig.log"
  else
    echo "skip $name: no python3 with igraph (apt-get install python3-igraph)"
  fi
}
"$EXPORT" -q --json -o "$tmp/seeds.json"; check "seeds json" 0 $?
all_formats seeds "$tmp/seeds.json"
all_formats hostile "$DATA/hostile.json"
"$EXPORT" -q --dot --keep-isolated --max-nodes 0 | cmp -s - "$tmp/seeds/g.dot"; check "seeds dot from extraction = from saved graph" 0 $?

# DOT stays readable (issue 16): lone entities left out and a cut to the best connected, said on stderr and
# in the file; options for DOT only.
nodes_in() { grep -c '^  "[^"]*" \[label=' "$1"; }
"$EXPORT" --dot -o "$tmp/d.dot" 2> "$tmp/dot.err"; check "dot: sample" 0 $?
note='the drawing shows [0-9,]+ of [0-9,]+ entities; [0-9,]+ without relations left out \(--keep-isolated draws them\)'
expect "dot: a note on stderr says what was left out" grep -Eqx "note: $note" "$tmp/dot.err"
expect "dot: the same note in the file" grep -Eqx "// $note" "$tmp/d.dot"
expect "dot: a force layout" grep -q '^  graph \[layout=sfdp, overlap=prism, ' "$tmp/d.dot"
expect "dot: fewer entities than with --keep-isolated" test "$(nodes_in "$tmp/d.dot")" -lt "$(nodes_in "$tmp/seeds/g.dot")"
expect "dot: each drawn entity has a relation" python3 - "$tmp/d.dot" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
nodes = set(re.findall(r'^  "([^"]*)" \[label=', text, re.M))
ends = set(x for pair in re.findall(r'^  "([^"]*)" -> "([^"]*)" \[', text, re.M) for x in pair)
sys.exit(0 if nodes and nodes == ends else 1)
PY
"$EXPORT" -q --dot > "$tmp/dq.dot" 2> "$tmp/dot.err"; check "dot -q" 0 $?
expect "dot: -q prints no note" test ! -s "$tmp/dot.err"
expect "dot: -q writes the same file" cmp -s "$tmp/d.dot" "$tmp/dq.dot"
"$EXPORT" --dot --max-nodes 5 -o "$tmp/d5.dot" 2> "$tmp/dot.err"; check "dot --max-nodes 5" 0 $?
expect "dot --max-nodes 5: five entities" test "$(nodes_in "$tmp/d5.dot")" = 5
expect "dot --max-nodes 5: said on stderr" grep -Eq "^note: the drawing shows the 5 of [0-9,]+ entities of highest degree \(--max-nodes N draws more, 0 all\)" "$tmp/dot.err"
"$EXPORT" -q -j 1 --dot --max-nodes 5 > "$tmp/d5a.dot"; "$EXPORT" -q -j 2 --dot --max-nodes 5 > "$tmp/d5b.dot"
expect "dot --max-nodes: the same bytes for any -j" cmp -s "$tmp/d5a.dot" "$tmp/d5b.dot"
"$EXPORT" -q --dot --max-nodes -1 >/dev/null 2>"$tmp/err"; check "dot --max-nodes -1 -> 2" 2 $?
"$EXPORT" -q --dot --max-nodes many >/dev/null 2>&1; check "dot --max-nodes many -> 2" 2 $?
"$EXPORT" -q --json --max-nodes 5 >/dev/null 2>"$tmp/err"; check "--max-nodes with json -> 2" 2 $?
expect "--max-nodes with json: says it goes with --dot" grep -q -- "--max-nodes goes with --dot only" "$tmp/err"
"$EXPORT" -q --yed --keep-isolated >/dev/null 2>&1; check "--keep-isolated with yed -> 2" 2 $?
"$EXPORT" -q --format triples --max-nodes 5 >/dev/null 2>&1; check "--max-nodes with triples -> 2" 2 $?
"$EXPORT" -q --gexf > "$tmp/g1.gexf"; "$EXPORT" -q --gexf > "$tmp/g2.gexf"
expect "gexf deterministic" cmp -s "$tmp/g1.gexf" "$tmp/g2.gexf"

# kg-query on a saved graph answers as on the extraction.
"$QUERY" -q path "Li Qiang" "Global South" > "$tmp/p1"
"$QUERY" --graph "$tmp/seeds.json" path "Li Qiang" "Global South" > "$tmp/p2"; check "query --graph json" 0 $?
expect "query --graph json = extraction" cmp -s "$tmp/p1" "$tmp/p2"
"$QUERY" --graph "$tmp/seeds/g.graphml" --format json neighbors China > /dev/null; check "query --graph graphml" 0 $?
"$QUERY" --graph "$tmp/seeds.json" "$tmp/in" stats > /dev/null 2>&1; check "query --graph with inputs -> 2" 2 $?

# Foreign files: NetworkX's own GraphML and node-link JSON (no types, no weights).
if [ -n "$NX_PY" ]; then
  "$NX_PY" - "$tmp" <<'EOF'
import json, sys, networkx as nx
from networkx.readwrite import json_graph
G = nx.MultiDiGraph()
G.add_edge("Alice", "Acme", relation="works_for")
G.add_edge("Alice", "Acme")
G.add_node(7)
nx.write_graphml(G, sys.argv[1] + "/nx.graphml")
d = json_graph.node_link_data(G)
json.dump(d, open(sys.argv[1] + "/nx.json", "w"))
EOF
  for f in nx.graphml nx.json; do
    "$EXPORT" --graph "$tmp/$f" --json -o "$tmp/$f.kg.json"; check "foreign $f reads" 0 $?
    python3 -c "
import json,sys; d=json.load(open(sys.argv[1])); k='edges'
assert len(d['nodes'])==3 and len(d[k])==2, d
assert all(n['type']=='UNKNOWN' for n in d['nodes']), d['nodes']
assert all(e['weight']==1.0 for e in d[k]), d[k]
assert len({e['id'] for e in d[k]})==2
assert {n['label'] for n in d['nodes']}=={'Alice','Acme','7'}" "$tmp/$f.kg.json"; check "foreign $f: UNKNOWN types, weight 1, unique edge ids" 0 $?
  done
fi

# Malformed saved graphs: exit 3, file and line named, no output file left.
printf '{"nodes": [\n  {"id": "a"},\n  {"id": }\n]}\n' > "$tmp/bad.json"
"$EXPORT" --graph "$tmp/bad.json" -o "$tmp/bad.out" 2>"$tmp/err"; check "malformed json -> 3" 3 $?
expect "json error names file:line:col" grep -q "bad.json:3:10" "$tmp/err"
expect "no output after malformed json" test ! -e "$tmp/bad.out"
printf '<?xml version="1.0"?>\n<graphml><graph>\n<node id="a"/>\n<edge source="a" target="zz"/>\n</graph></graphml>\n' > "$tmp/bad.graphml"
"$QUERY" --graph "$tmp/bad.graphml" stats >/dev/null 2>"$tmp/err"; check "graphml with unknown edge end -> 3" 3 $?
expect "graphml error names file:line" grep -q "bad.graphml:4:.*'zz' is not a node" "$tmp/err"
printf '<graphml><graph><node id="a"></graph></graphml>' > "$tmp/bad2.graphml"
"$EXPORT" --graph "$tmp/bad2.graphml" >/dev/null 2>"$tmp/err"; check "broken XML -> 3" 3 $?
expect "xml error names file" grep -q "bad2.graphml:1:" "$tmp/err"
"$EXPORT" --graph "$tmp/nothere.json" >/dev/null 2>"$tmp/err"; check "missing --graph file -> 3" 3 $?
expect "missing --graph file named" grep -q "nothere.json" "$tmp/err"

# Format options.
"$EXPORT" -q --csv >/dev/null 2>&1; check "csv to stdout -> 2" 2 $?
"$EXPORT" -q --json --dot >/dev/null 2>&1; check "two formats -> 2" 2 $?
"$EXPORT" -q --graphml --links-key links >/dev/null 2>&1; check "--links-key without json -> 2" 2 $?
"$EXPORT" -q --json --links-key nodes >/dev/null 2>&1; check "--links-key nodes -> 2" 2 $?
mkdir -p "$tmp/csvdir"; echo other > "$tmp/csvdir/README"
"$EXPORT" -q --csv -o "$tmp/csvdir"; check "csv into an existing directory" 0 $?
expect "csv keeps other files" grep -qx other "$tmp/csvdir/README"
expect "csv leaves no temp files" test "$(ls -A "$tmp/csvdir" | wc -l)" -eq 3
"$EXPORT" -q --csv -o "$tmp/no/such/dir" 2>/dev/null; check "csv into missing parent -> 4" 4 $?

# Views.
"$EXPORT" -q --json --ego "Li Qiang" --depth 1 -o "$tmp/ego1.json"; check "view --ego --depth 1" 0 $?
"$EXPORT" -q --json --ego "Li Qiang" --depth 2 -o "$tmp/ego2.json"; check "view --ego --depth 2" 0 $?
python3 -c "
import json,sys
a,b=(json.load(open(f)) for f in sys.argv[1:3])
ids={n['id'] for n in a['nodes']}
assert 'li-qiang' in ids and 'china' in ids and len(ids) < len(b['nodes']), (ids, len(b['nodes']))
assert all(e['source']=='li-qiang' or e['target']=='li-qiang' for e in a['edges'])" "$tmp/ego1.json" "$tmp/ego2.json"
check "ego depth 1 is Li Qiang's relations, depth 2 more" 0 $?
"$EXPORT" -q --json --types PERSON,country -o "$tmp/types.json"; check "view --types" 0 $?
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['nodes'] and {n['type'] for n in d['nodes']} <= {'PERSON','COUNTRY'}" "$tmp/types.json"
check "types kept" 0 $?
"$EXPORT" -q --json --predicates attends,leader_of --min-weight 1 -o "$tmp/preds.json"; check "view --predicates --min-weight" 0 $?
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['edges'] and {e['predicate'] for e in d['edges']} <= {'attends','leader_of'}" "$tmp/preds.json"
check "predicates kept" 0 $?
"$EXPORT" -q --json --top 5 -o "$tmp/top.json"; check "view --top" 0 $?
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert len(d['nodes'])==5" "$tmp/top.json"; check "top keeps 5" 0 $?
"$EXPORT" -q --ego "Nobody Atall" >/dev/null 2>&1; check "unknown --ego -> 1" 1 $?
"$EXPORT" -q --types ANIMAL >/dev/null 2>&1; check "unknown type -> 2" 2 $?
"$EXPORT" -q --predicates attend >/dev/null 2>&1; check "unknown predicate -> 2" 2 $?
"$EXPORT" -q --depth 2 >/dev/null 2>&1; check "--depth without --ego -> 2" 2 $?

# --- Issue 16: no mistake passes silently --------------------------------------------------------------
# Standard input with data but no INPUT: a forgotten '-' (exit 2, even under -q); /dev/null or an empty
# file keeps the built-in sample.
printf 'Acme Corp. said so.\n' > "$tmp/story.txt"
printf 'Acme Corp. said so.\n' | "$EXPORT" -q --json > "$tmp/piped.json" 2> "$tmp/err"; check "piped stdin without '-' -> 2 (-q)" 2 $?
expect "piped stdin: hint to pass '-'" grep -q "standard input is a pipe or a file: pass '-' to read it" "$tmp/err"
"$EXPORT" --json < "$tmp/story.txt" > /dev/null 2> "$tmp/err"; check "file as stdin without '-' -> 2" 2 $?
expect "file as stdin: hint to pass '-'" grep -q "^kg-export: no INPUT given.*pass '-'" "$tmp/err"
printf 'x\n' | "$QUERY" -q stats > /dev/null 2> "$tmp/err"; check "query: piped stdin without '-' -> 2" 2 $?
expect "query: hint to pass '-'" grep -q "^kg-query: .*pass '-'" "$tmp/err"
"$EXPORT" -q --json < /dev/null > "$tmp/null.json"; check "stdin /dev/null: built-in sample" 0 $?
: > "$tmp/empty.stdin"
"$EXPORT" -q --json < "$tmp/empty.stdin" | cmp -s - "$tmp/null.json"; check "stdin an empty file: built-in sample" 0 $?
# A missing --data directory, in each tool that takes --data (exit 2, the directory named).
"$EXPORT" -q --data "$tmp/no/such/dir" --json > /dev/null 2> "$tmp/err"; check "export --data missing dir -> 2" 2 $?
expect "export --data error names the dir" grep -q "^kg-export: --data '$tmp/no/such/dir': no such directory" "$tmp/err"
"$EXPORT" -q --data "$tmp/story.txt" --json "$tmp/in" > /dev/null 2> "$tmp/err"; check "export --data a file -> 2" 2 $?
expect "export --data a file: not a directory" grep -q "story.txt': not a directory" "$tmp/err"
"$QUERY" -q --data "$tmp/no/such/dir" "$tmp/in" stats > /dev/null 2> "$tmp/err"; check "query --data missing dir -> 2" 2 $?
expect "query --data error names the dir" grep -q "no/such/dir': no such directory" "$tmp/err"
if [ -n "$EVAL" ]; then
  "$EVAL" -q --data "$tmp/no/such/dir" gold "$DATA/seeds.gold.json" "$tmp/in" > /dev/null 2> "$tmp/err"; check "eval gold --data missing dir -> 2" 2 $?
  expect "eval --data error names the dir" grep -q "no/such/dir': no such directory" "$tmp/err"
  "$EVAL" --data "$tmp/no/such/dir" coref "$DATA/missing.conllu" > /dev/null 2>&1; check "eval coref --data missing dir -> 2" 2 $?
fi
# Inputs that give no document: exit 3 naming the path, no output written.
mkdir -p "$tmp/emptydir" "$tmp/mdonly"; printf '# Notes\n' > "$tmp/mdonly/README.md"
"$EXPORT" -q --json "$tmp/emptydir" > /dev/null 2> "$tmp/err"; check "empty directory -> 3" 3 $?
expect "empty directory named" grep -q "^kg-export: $tmp/emptydir: no documents found" "$tmp/err"
"$EXPORT" -q --json -o "$tmp/md.json" "$tmp/mdonly" 2> "$tmp/err"; check "directory of .md files only -> 3" 3 $?
expect ".md-only directory named" grep -q "mdonly: no documents found (a directory is searched for \*.txt and \*.jsonl files)" "$tmp/err"
expect "no output for no documents" test ! -e "$tmp/md.json"
"$EXPORT" -q --json "$tmp/emptydir" "$tmp/mdonly" > /dev/null 2> "$tmp/err"; check "two inputs, no documents -> 3" 3 $?
expect "both inputs named" grep -q "emptydir, $tmp/mdonly: no documents found" "$tmp/err"
"$QUERY" -q "$tmp/emptydir" stats > /dev/null 2> "$tmp/err"; check "query empty directory -> 3" 3 $?
"$EXPORT" -q --json "$tmp/emptydir" "$tmp/in" > /dev/null; check "an empty directory beside documents" 0 $?
"$EXPORT" -q --input-format jsonl --json - < /dev/null > /dev/null; check "empty stdin '-' (an empty shard) -> 0" 0 $?
# A date filter that keeps nothing, or meets undated documents: a warning with the counts (-q keeps warnings).
"$EXPORT" -q --json --since 2024-01-01 "$tmp/in" > /dev/null 2> "$tmp/err"; check "--since on undated documents -> 0" 0 $?
expect "--since warns with counts" grep -qx "kg-export: warning: --since 2024-01-01 kept 0 of 2 documents; 2 have no date" "$tmp/err"
printf '%s\n' '{"id":"a","text":"Acme Corp. hired Jane Roe.","date":"2024-07-01"}' \
  '{"id":"b","text":"Globex Inc. signed the Trade Act.","date":"2023-03-01"}' '{"id":"c","text":"Initech Ltd. grew."}' > "$tmp/dated.jsonl"
"$QUERY" -q --since 2024-01 "$tmp/dated.jsonl" stats > /dev/null 2> "$tmp/err"; check "query --since, some undated -> 0" 0 $?
expect "--since counts the undated" grep -qx "kg-query: warning: --since 2024-01 kept 1 of 3 documents; 1 has no date" "$tmp/err"
"$EXPORT" -q --json --since 2025-01-01 --until 2025-12-31 "$tmp/dated.jsonl" > /dev/null 2> "$tmp/err"
expect "--since --until keeping nothing warns" grep -qx "kg-export: warning: --since 2025-01-01 --until 2025-12-31 kept 0 of 3 documents; 1 has no date" "$tmp/err"
grep -v '"c"' "$tmp/dated.jsonl" > "$tmp/alldated.jsonl"
"$EXPORT" -q --json --until 2023-12 "$tmp/alldated.jsonl" > /dev/null 2> "$tmp/err"
expect "a date filter that keeps some dated documents says nothing" test ! -s "$tmp/err"
# An unknown command is named, with the nearest one.
"$QUERY" -q pth A B > /dev/null 2> "$tmp/err"; check "unknown command -> 2" 2 $?
expect "unknown command named, nearest suggested" grep -qx "kg-query: unknown command 'pth'; did you mean 'path'?" "$tmp/err"
"$QUERY" -q "$tmp/in" neighbours Acme > /dev/null 2> "$tmp/err"; check "unknown command after an input -> 2" 2 $?
expect "neighbours -> neighbors" grep -q "unknown command 'neighbours'; did you mean 'neighbors'?" "$tmp/err"
"$QUERY" -q "$tmp/in" > /dev/null 2> "$tmp/err"; check "inputs only -> 2" 2 $?
expect "inputs only: missing command" grep -q "^kg-query: missing command" "$tmp/err"
# Name suggestions only when close (edit distance <= 2 on a word, or a shared word), else "no similar names".
"$QUERY" -q path "Li Qiang" "Zzyzx Qwerty" > /dev/null 2> "$tmp/err"; check "unknown entity, nothing close -> 1" 1 $?
expect "nothing close: no similar names" grep -qx "kg-query: no entity named 'Zzyzx Qwerty'; no similar names" "$tmp/err"
"$QUERY" -q neighbors "Li Qiangg" > /dev/null 2> "$tmp/err"; check "unknown entity, a close one -> 1" 1 $?
expect "close name suggested" grep -qx "  Li Qiang" "$tmp/err"
expect "only close names suggested (not Beijing, Alibaba...)" test "$(grep -c '^  ' "$tmp/err")" -eq 1
"$QUERY" -q neighbors "Globel Suoth" > /dev/null 2> "$tmp/err"
expect "a word 2 edits away is close" grep -qx "  Global South" "$tmp/err"
expect "unrelated names are not suggested" bash -c '! grep -q "Elon Musk\|Moonshot\|Cybertruck" "$1"' _ "$tmp/err"

# --- Issue 16: evidence qualities, denied relations, dates ------------------------------------------------
# A denial, an assertion and a hedge of the same predicate; pictures leave the denial out (or draw it dotted
# with --show-negated), data formats keep it with its counts, queries skip it unless --include-negated.
mkdir -p "$tmp/neg"
printf 'Google did not attend the World AI Conference.\n' > "$tmp/neg/a.txt"
printf 'Microsoft attended the World AI Conference in Shanghai.\n' > "$tmp/neg/b.txt"
printf 'Li Qiang is expected to attend the World AI Conference.\n' > "$tmp/neg/c.txt"
denied='"google" -> "world-ai-conference"'
"$EXPORT" -q --dot "$tmp/neg" > "$tmp/neg.dot"; check "negation: dot" 0 $?
expect "negation: dot leaves the denied relation out" bash -c '! grep -qF "$1" "$2"' _ "$denied" "$tmp/neg.dot"
expect "negation: dot says it left one out" grep -q "1 denied relation not drawn (--show-negated draws them)" "$tmp/neg.dot"
expect "negation: dot draws the hedge dashed" grep -q '"li-qiang" -> "world-ai-conference" .*style=dashed' "$tmp/neg.dot"
"$EXPORT" -q --dot --show-negated "$tmp/neg" > "$tmp/neg.all.dot"; check "negation: dot --show-negated" 0 $?
expect "negation: --show-negated draws it dotted" grep -qF "$denied [label=\"attends\", penwidth=1, style=dotted" "$tmp/neg.all.dot"
"$EXPORT" -q --yed "$tmp/neg" > "$tmp/neg.yed"; "$EXPORT" -q --yed --show-negated "$tmp/neg" > "$tmp/neg.all.yed"
expect "negation: yed leaves it out" bash -c '! grep -q "<edge id=\"google--attends" "$1"' _ "$tmp/neg.yed"
expect "negation: yed --show-negated draws it dotted" grep -q 'type="dotted"' "$tmp/neg.all.yed"
for fmt in graphml gexf json cytoscape; do
  "$EXPORT" -q --$fmt "$tmp/neg" > "$tmp/neg.$fmt"; check "negation: $fmt" 0 $?
  expect "negation: $fmt keeps the denied edge" grep -q "google--attends--world-ai-conference" "$tmp/neg.$fmt"
  expect "negation: $fmt says it is negated" grep -Eq '(negated["]?[=:>] ?"?1|"negated" value="1")' "$tmp/neg.$fmt"
  "$EXPORT" -q --$fmt --show-negated "$tmp/neg" > /dev/null 2> "$tmp/err"; check "negation: --show-negated with $fmt -> 2" 2 $?
done
expect "negation: --show-negated error says why" grep -q "cytoscape keeps every relation, with its negated count" "$tmp/err"
"$EXPORT" -q --csv -o "$tmp/neg.csv" "$tmp/neg"; check "negation: csv" 0 $?
expect "negation: csv row counts the denial" grep -q '"google--attends--world-ai-conference","attends",0,[0-9.]*,0,0,1,0,' "$tmp/neg.csv/relationships.csv"
"$QUERY" -q "$tmp/neg" path Google "World AI Conference" > /dev/null 2> "$tmp/err"; check "negation: path skips the denial -> 1" 1 $?
"$QUERY" -q "$tmp/neg" path Google "World AI Conference" --include-negated > "$tmp/out"; check "negation: path --include-negated" 0 $?
expect "negation: path --include-negated uses it" grep -qx "Google -attends-> World AI Conference" "$tmp/out"
"$QUERY" -q "$tmp/neg" path "Li Qiang" Microsoft > "$tmp/out"; check "negation: a hedged relation is a hop" 0 $?
"$QUERY" -q "$tmp/neg" neighbors Google > "$tmp/out"; expect "negation: neighbors skips it" grep -q "0 relations" "$tmp/out"
"$QUERY" -q "$tmp/neg" neighbors Google --include-negated > "$tmp/out"; expect "negation: neighbors --include-negated" grep -q "attends" "$tmp/out"
"$QUERY" -q "$tmp/neg" --json centrality --top 0 > "$tmp/c1"; "$QUERY" -q "$tmp/neg" --json centrality --top 0 --include-negated > "$tmp/c2"
python3 - "$tmp/c1" "$tmp/c2" <<'PY'
import json, sys
a, b = ({r["id"]: r["score"] for r in json.load(open(f))["results"]} for f in sys.argv[1:3])
assert a["google"] == 0 and b["google"] == 1, (a, b)
assert b["world-ai-conference"] == a["world-ai-conference"] + 1, (a, b)
PY
check "negation: centrality without and with --include-negated" 0 $?
"$QUERY" -q "$tmp/neg" --json centrality --measure betweenness --include-negated > /dev/null; check "negation: betweenness --include-negated" 0 $?
"$QUERY" -q "$tmp/neg" components > "$tmp/c1"; "$QUERY" -q "$tmp/neg" components --include-negated > "$tmp/c2"
expect "negation: components split by the denial unless --include-negated" bash -c '! cmp -s "$1" "$2"' _ "$tmp/c1" "$tmp/c2"
"$QUERY" -q "$tmp/neg" stats --include-negated > /dev/null 2>&1; check "negation: --include-negated with stats -> 2" 2 $?
# Saved graphs keep the qualities: GraphML read back still denies it.
"$QUERY" --graph "$tmp/neg.graphml" path Google "World AI Conference" > /dev/null 2>&1; check "negation: graphml read back still denies it -> 1" 1 $?
"$QUERY" --graph "$tmp/neg.json" path Google "World AI Conference" --include-negated > /dev/null; check "negation: json read back, --include-negated" 0 $?
# Dates: first_seen / last_seen on nodes and edges, from the documents' dates.
printf '%s\n' '{"id":"x","text":"Microsoft attended the World AI Conference in Shanghai.","date":"2024-07-26"}' \
  '{"id":"y","text":"Microsoft attended the World AI Conference again.","date":"2024-08"}' > "$tmp/dates.jsonl"
for fmt in json cytoscape graphml gexf dot; do
  "$EXPORT" -q --$fmt "$tmp/dates.jsonl" > "$tmp/dates.$fmt"; check "dates: $fmt" 0 $?
  expect "dates: $fmt has first_seen" grep -Eq 'first_seen.{1,10}2024-07-26' "$tmp/dates.$fmt"
  expect "dates: $fmt has last_seen" grep -Eq 'last_seen.{1,10}2024-08-31' "$tmp/dates.$fmt"
done
python3 - "$tmp/dates.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
e = next(e for e in d["edges"] if e["id"] == "microsoft--attends--world-ai-conference")
assert (e["first_seen"], e["last_seen"], e["asserted"]) == ("2024-07-26", "2024-08-31", 2), e
n = next(n for n in d["nodes"] if n["id"] == "microsoft")
assert (n["first_seen"], n["last_seen"]) == ("2024-07-26", "2024-08-31"), n
PY
check "dates: json edge and node days" 0 $?
expect "dates: undated input has none" bash -c '! grep -q first_seen "$1"' _ "$tmp/neg.json"

# Code-point offsets: Python's text[cp_start:cp_end] is each mention and evidence sentence, on text with
# two-, three- and four-byte characters; byte offsets still slice the UTF-8 bytes. An update keeps them.
mkdir -p "$tmp/uni" "$tmp/uni2"
printf 'Zo\xc3\xab Martin, \xe4\xb8\xad\xe6\x96\x87 \xf0\x9f\x98\x80 analyst: Microsoft attended the World AI Conference in Shanghai. \xc3\x89lodie Dupont met Xi Jinping in Beijing.\n' > "$tmp/uni/u.txt"
printf '\xf0\x9f\x98\x80\xf0\x9f\x98\x80 Google did not attend the World AI Conference, said \xc3\x89lodie Dupont.\n' > "$tmp/uni2/v.txt"
"$EXPORT" -q --json -o "$tmp/uni.json" "$tmp/uni"; check "offsets: export non-ASCII text" 0 $?
"$EXPORT" -q --graph "$tmp/uni.json" --json -o "$tmp/uni2.json" "$tmp/uni2"; check "offsets: add a document to the saved graph" 0 $?
"$EXPORT" -q --json -o "$tmp/uni12.json" "$tmp/uni" "$tmp/uni2"; check "offsets: one run over both" 0 $?
expect "offsets: the update equals one run" cmp -s "$tmp/uni2.json" "$tmp/uni12.json"
python3 - "$tmp/uni2.json" "$tmp/uni/u.txt" "$tmp/uni2/v.txt" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
texts = {"u": open(sys.argv[2], encoding="utf-8").read(), "v": open(sys.argv[3], encoding="utf-8").read()}
raw = {k: v.encode("utf-8") for k, v in texts.items()}
assert d["graph"]["offsets"]["cp_start"] == "code_points" and d["graph"]["offsets"]["start"] == "utf8_bytes", d["graph"]
spans = [m for n in d["nodes"] for m in n["mentions"]] + [e for x in d["edges"] for e in x["evidence"]]
assert len(spans) >= 6, spans
shifted = 0
for s in spans:
    t = texts[s["doc"]]
    assert t[s["cp_start"]:s["cp_end"]] == s["text"], (s, t[s["cp_start"]:s["cp_end"]])
    assert raw[s["doc"]][s["start"]:s["end"]].decode("utf-8") == s["text"], s
    shifted += s["cp_start"] != s["start"]
assert shifted >= 4, shifted
for doc in d["extraction"]["documents"]:
    for e in doc["entities"]:
        for start, end, text, cp in e[4]:
            assert texts[doc["id"]][cp:cp + len(text)] == text, (doc["id"], text, cp)
assert d["extraction"]["format"] == 3
print("ok", len(spans), "spans,", shifted, "after a multi-byte character")
PY
check "offsets: python slices text[cp_start:cp_end] to each mention and evidence" 0 $?

echo "$fails failure(s)"
[ "$fails" -eq 0 ]
