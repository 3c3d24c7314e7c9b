#!/usr/bin/env bash
# Hostile input, end to end (issue 7): each row checks the exit code of the contract (0 ok, 1 no result,
# 2 usage, 3 bad input, 4 output), a message naming the file and place, and that no partial output file is
# left behind (-o never leaves a temporary file, and a failed run keeps the previous file).
# Usage: hostile_test.sh KG_EXPORT KG_QUERY SEEDS_DIR
set -u
# Standard input is /dev/null for every command below unless one pipes into it: CTest and CI may hand the
# script a pipe, and with no INPUT the tools refuse a piped standard input (a forgotten '-').
exec </dev/null
EXPORT=$1 QUERY=$2 SEEDS=$3
tmp=$(mktemp -d)
mnt=""
cleanup() {
  [ -n "$mnt" ] && umount "$mnt" 2>/dev/null
  chmod -R u+rwx "$tmp" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
fails=0
ok() { echo "ok   $1"; }
bad() { echo "FAIL $1"; fails=$((fails+1)); }
# row NAME EXPECTED_EXIT MESSAGE_REGEX -- COMMAND...: runs COMMAND with -o "$tmp/out" appended, checks the
# exit code, that stderr matches MESSAGE_REGEX, and (on failure) that neither out nor a temporary is left.
row() {
  local name=$1 want=$2 msg=$3; shift 4
  rm -f "$tmp"/out "$tmp"/out.tmp.*
  "$@" -o "$tmp/out" 2>"$tmp/err" >/dev/null
  local got=$?
  if [ "$got" != "$want" ]; then bad "$name: exit $got, expected $want ($(head -c 300 "$tmp/err"))"; return; fi
  if [ -n "$msg" ] && ! grep -Eq -- "$msg" "$tmp/err"; then bad "$name: stderr lacks /$msg/: $(head -c 300 "$tmp/err")"; return; fi
  if [ "$want" != 0 ] && ls "$tmp"/out "$tmp"/out.tmp.* >/dev/null 2>&1; then bad "$name: output left behind"; return; fi
  if [ "$want" = 0 ] && [ ! -s "$tmp/out" ]; then bad "$name: no output"; return; fi
  ok "$name (exit $got: $(head -n1 "$tmp/err" | cut -c1-140))"
}
json_ok() { python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$1"; }

# --- documents ----------------------------------------------------------------------------------------
printf 'Acme Corp. signed \xff\xfe a deal.\n' > "$tmp/invalid.txt"
row "invalid UTF-8" 3 'invalid\.txt: invalid UTF-8 at byte offset 18' -- "$EXPORT" -q --json "$tmp/invalid.txt"
# U+D800 as CESU-8 / WTF-8 write it (ED A0 80): a lone surrogate is not UTF-8.
printf 'Jane Roe met \xed\xa0\x80 Acme Corp. officials.\n' > "$tmp/surrogate.txt"
row "lone surrogate (CESU-8)" 3 'surrogate\.txt: invalid UTF-8 at byte offset 13' -- "$EXPORT" -q --json "$tmp/surrogate.txt"
printf '{"id":"s","text":"Acme \\ud800 Corp."}\n' > "$tmp/surrogate.jsonl"
row "lone surrogate escaped in JSONL" 3 'surrogate\.jsonl:1' -- "$EXPORT" -q --json "$tmp/surrogate.jsonl"
printf 'Acme Corp.\0 signed a deal with Globex Inc.\0\0 in Paris.\n' > "$tmp/nul.txt"
row "NUL bytes (valid UTF-8: kept, escaped)" 0 '' -- "$EXPORT" -q --json "$tmp/nul.txt"
json_ok "$tmp/out" && ok "NUL bytes: JSON parses" || bad "NUL bytes: JSON does not parse"
"$EXPORT" -q --graphml "$tmp/nul.txt" -o "$tmp/nul.graphml" 2>/dev/null &&
  python3 -c "import xml.dom.minidom,sys; xml.dom.minidom.parse(sys.argv[1])" "$tmp/nul.graphml" &&
  ok "NUL bytes: GraphML is well-formed XML" || bad "NUL bytes: GraphML not well-formed"
printf '%s\n' '!!! ... ??? --- ;;; ,,, ((( ))) """ '"'''"' … — – • «» *** ### @@@ $$$ %%% ^^^ &&& |||' > "$tmp/punct.txt"
row "only punctuation" 0 '' -- "$EXPORT" -q --json "$tmp/punct.txt"
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['nodes']==[] and d['edges']==[]" "$tmp/out" &&
  ok "only punctuation: empty graph" || bad "only punctuation: graph not empty"
: > "$tmp/empty.txt"
row "empty document" 0 '' -- "$EXPORT" -q --json "$tmp/empty.txt"
# 50 MB on one line, generated here: cut at kg::limits::max_document_bytes with a warning naming the file.
python3 -c "
import sys
words = b'Acme Corp. hired Jane Roe in Paris, and the board of Globex Inc. agreed; '
sys.stdout.buffer.write(words * (50_000_000 // len(words) + 1))" > "$tmp/huge.txt"
row "50 MB single line" 0 'huge\.txt: 5[0-9]{7} bytes of text; only the first [0-9]+ are read' -- \
  timeout 900 "$EXPORT" -q --json "$tmp/huge.txt"
rm -f "$tmp/huge.txt"
mkdir -p "$tmp/a" "$tmp/b"; echo 'Acme Corp. is here.' > "$tmp/a/x.txt"; echo 'Globex Inc. too.' > "$tmp/b/x.txt"
row "duplicate document ids" 3 "duplicate document id 'x'" -- "$EXPORT" -q --json "$tmp/a/x.txt" "$tmp/b/x.txt"
printf '{"id":"d","text":"Acme Corp."}\n{"id":"d","text":"Globex Inc."}\n' > "$tmp/dup.jsonl"
row "duplicate JSONL ids" 3 "'d'" -- "$EXPORT" -q --json "$tmp/dup.jsonl"

# --- saved graphs (--graph) ----------------------------------------------------------------------------
python3 -c "print('[' * 10000 + ']' * 10000)" > "$tmp/nested.json"
# (kg-query/kg-export --graph tell JSON from GraphML by the first byte: a top-level array is neither)
row "10,000 nested JSON arrays" 3 'nested\.json:1:1: not a saved graph' -- "$EXPORT" -q --json --graph "$tmp/nested.json"
python3 -c "print('{\"nodes\":' + '[' * 10000 + ']' * 10000 + '}')" > "$tmp/nested2.json"
row "10,000 nested arrays inside nodes" 3 'nested2\.json: nodes\[0\]: not an object' -- "$EXPORT" -q --json --graph "$tmp/nested2.json"
python3 -c "print('{\"id\":\"n\",\"text\":' + '[' * 10000 + ']' * 10000 + '}')" > "$tmp/nested.jsonl"
row "10,000 nested arrays in JSONL" 3 'nested\.jsonl:1: "text" is not a string' -- "$EXPORT" -q --json "$tmp/nested.jsonl"
python3 -c "print('{\"record\":\"entity\",\"doc\":\"d\",\"index\":0,\"name\":\"x\",\"type\":\"PERSON\",\"type_confidence\":1,\"aliases\":' + '[' * 10000 + ']' * 10000 + ',\"mentions\":[]}')" > "$tmp/nested.records"
row "10,000 nested arrays in triples" 3 'nested\.records:1: an alias is not a string' -- "$EXPORT" -q --json --input-format triples "$tmp/nested.records"
cat > "$tmp/laughs.graphml" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE graphml [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
 <key id="d0" for="node" attr.name="label" attr.type="string"/>
 <graph edgedefault="directed"><node id="a"><data key="d0">&lol9;</data></node></graph>
</graphml>
XML
row "billion laughs (DOCTYPE refused)" 3 'laughs\.graphml:[0-9]+:[0-9]+: a DOCTYPE is not allowed' -- "$EXPORT" -q --json --graph "$tmp/laughs.graphml"
cat > "$tmp/dangling.graphml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <graph edgedefault="directed">
    <node id="a"/>
    <edge source="a" target="ghost"/>
  </graph>
</graphml>
XML
row "GraphML edge to a missing node" 3 "dangling\.graphml:5:5: edge target 'ghost' is not a node" -- "$EXPORT" -q --json --graph "$tmp/dangling.graphml"
printf '{"nodes":[{"id":"a"}],"edges":[{"source":"a","target":"ghost"}]}' > "$tmp/dangling.json"
row "JSON edge to a missing node" 3 "dangling\.json: edges\[0\]: target 'ghost' is not a node" -- "$EXPORT" -q --json --graph "$tmp/dangling.json"
sed 's|<edge source="a" target="ghost"/>|<node id="a"/>|' "$tmp/dangling.graphml" > "$tmp/dupid.graphml"
row "GraphML duplicate node ids" 3 "dupid\.graphml:5:5: duplicate node id 'a'" -- "$EXPORT" -q --json --graph "$tmp/dupid.graphml"
printf '{"nodes":[{"id":"a"},{"id":"a"}],"edges":[]}' > "$tmp/dupid.json"
row "JSON duplicate node ids" 3 "dupid\.json: nodes\[1\]: duplicate node id 'a'" -- "$EXPORT" -q --json --graph "$tmp/dupid.json"
: > "$tmp/empty.graph"
row "empty saved graph" 3 'empty\.graph: empty file' -- "$EXPORT" -q --json --graph "$tmp/empty.graph"
: > "$tmp/empty.records"
row "empty triples file (no documents)" 0 '' -- "$EXPORT" -q --json --input-format triples "$tmp/empty.records"
printf 'a\x00b' > "$tmp/nul.graph"
row "NUL bytes in a saved graph" 3 'nul\.graph:1:1: not a saved graph' -- "$EXPORT" -q --json --graph "$tmp/nul.graph"
printf '{"nodes":[{"id":"a\x00"}]}' > "$tmp/nul.json"
row "raw NUL inside a JSON string" 3 'nul\.json:1:[0-9]+: invalid JSON' -- "$EXPORT" -q --json --graph "$tmp/nul.json"

# --- permissions, as an unprivileged user (root reads everything) --------------------------------------
if ! command -v setpriv >/dev/null; then
  echo "skip unreadable directory/file: setpriv is missing"
elif ! setpriv --reuid=65534 --regid=65534 --clear-groups test -x "$EXPORT" 2>/dev/null; then
  echo "skip unreadable directory/file: user 65534 cannot run $EXPORT"
else
  chmod 755 "$tmp"
  mkdir -p "$tmp/locked/in"; echo 'Acme Corp. signed.' > "$tmp/locked/in/a.txt"; chmod 000 "$tmp/locked/in"; chmod 777 "$tmp/locked"
  echo 'Acme Corp. signed.' > "$tmp/locked/secret.txt"; chmod 000 "$tmp/locked/secret.txt"
  as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
  rm -f "$tmp/locked/out"
  as_nobody "$EXPORT" -q --json "$tmp/locked/in" -o "$tmp/locked/out" 2>"$tmp/err"; got=$?
  if [ $got = 3 ] && grep -q "locked/in: cannot read directory: Permission denied" "$tmp/err" && [ ! -e "$tmp/locked/out" ]; then
    ok "directory without read permission (exit 3: $(head -n1 "$tmp/err"))"
  else bad "directory without read permission: exit $got: $(cat "$tmp/err")"; fi
  as_nobody "$EXPORT" -q --json "$tmp/locked/secret.txt" -o "$tmp/locked/out" 2>"$tmp/err"; got=$?
  if [ $got = 3 ] && grep -q "secret.txt: cannot open: Permission denied" "$tmp/err" && [ ! -e "$tmp/locked/out" ]; then
    ok "file without read permission (exit 3: $(head -n1 "$tmp/err"))"
  else bad "file without read permission: exit $got: $(cat "$tmp/err")"; fi
  mkdir -p "$tmp/ro"; chmod 555 "$tmp/ro"
  as_nobody "$EXPORT" -q --json -o "$tmp/ro/out.json" 2>"$tmp/err"; got=$?
  if [ $got = 4 ] && grep -q "ro/out.json: Permission denied" "$tmp/err" && [ -z "$(ls -A "$tmp/ro")" ]; then
    ok "output directory without write permission (exit 4: $(head -n1 "$tmp/err"))"
  else bad "output directory without write permission: exit $got: $(cat "$tmp/err")"; fi
fi

# --- output ---------------------------------------------------------------------------------------------
"$EXPORT" -q --json -o "$tmp/missing/dir/out.json" 2>"$tmp/err"; got=$?
if [ $got = 4 ] && grep -q "missing/dir/out.json: cannot create file: directory '.*missing/dir' does not exist" "$tmp/err" &&
   [ ! -e "$tmp/missing" ]; then ok "output in a missing directory (exit 4: $(head -n1 "$tmp/err"))"
else bad "output in a missing directory: exit $got: $(cat "$tmp/err")"; fi
"$EXPORT" -q --json -o /dev/full 2>"$tmp/err"; got=$?
if [ $got = 4 ] && grep -q "/dev/full: No space left on device" "$tmp/err" && [ -c /dev/full ]; then
  ok "/dev/full (exit 4: $(head -n1 "$tmp/err"); still a character device)"
else bad "/dev/full: exit $got: $(cat "$tmp/err")"; fi
mkdir -p "$tmp/small"
if mount -t tmpfs -o size=16k tmpfs "$tmp/small" 2>/dev/null; then
  mnt=$tmp/small
  echo previous > "$mnt/graph.json"
  "$EXPORT" -q --json -o "$mnt/graph.json" 2>"$tmp/err"; got=$?
  if [ $got = 4 ] && grep -q "graph.json: No space left on device" "$tmp/err" && [ "$(cat "$mnt/graph.json")" = previous ] &&
     [ "$(ls -A "$mnt")" = graph.json ]; then
    ok "full file system (16 kB tmpfs; exit 4: $(head -n1 "$tmp/err"); previous file kept, no temporary left)"
  else bad "full file system: exit $got: $(cat "$tmp/err"); left: $(ls -A "$mnt")"; fi
  "$EXPORT" -q --csv -o "$mnt/csv" 2>"$tmp/err"; got=$?
  if [ $got = 4 ] && [ "$(ls -A "$mnt")" = graph.json ]; then ok "full file system, csv directory (exit 4, nothing left)"
  else bad "full file system, csv: exit $got: $(cat "$tmp/err"); left: $(ls -A "$mnt")"; fi
  umount "$mnt"; mnt=""
else
  echo "skip full file system on tmpfs: mount -t tmpfs is not permitted here"
fi

# --- determinism: byte-identical across runs and thread counts ------------------------------------------
cp "$SEEDS"/*.txt "$tmp/a/"; cp "$tmp/nul.txt" "$tmp/punct.txt" "$tmp/a/"
for fmt in json graphml triples; do
  "$EXPORT" -q --format "$fmt" -j 1 "$tmp/a" -o "$tmp/det1" 2>/dev/null
  "$EXPORT" -q --format "$fmt" -j 2 "$tmp/a" -o "$tmp/det2" 2>/dev/null
  "$EXPORT" -q --format "$fmt" -j 2 "$tmp/a" -o "$tmp/det3" 2>/dev/null
  if [ -s "$tmp/det1" ] && cmp -s "$tmp/det1" "$tmp/det2" && cmp -s "$tmp/det2" "$tmp/det3"; then
    ok "deterministic $fmt: -j 1, -j 2 and a second -j 2 run give the same bytes"
  else bad "deterministic $fmt: outputs differ"; fi
done

# --- limits: pathological 5 MB inputs finish (timeout only as a safety net; nothing is timed) -----------
python3 -c "
import sys
sys.stdout.write(' '.join('Alpha%d Beta Gamma' % i for i in range(300000))[:5_000_000])" > "$tmp/caps.txt"
row "5 MB sentence of capitalized words" 0 'caps\.txt: [0-9]+ sentence\(s\) longer than 256 tokens were split' -- \
  timeout 900 "$EXPORT" -q --json "$tmp/caps.txt"
python3 -c "import sys; sys.stdout.write('a, ' * 1_666_667)" > "$tmp/commas.txt"
row "5 MB of 'a, '" 0 'commas\.txt: [0-9]+ sentence\(s\) longer than 256 tokens were split' -- \
  timeout 900 "$EXPORT" -q --json "$tmp/commas.txt"

echo "$fails failure(s)"
[ "$fails" = 0 ]
