#!/usr/bin/env bash
# Corpus scale end to end (issue 6): JSONL input, --skip-bad, -j determinism, near-duplicates, dates, and
# the map -> sort -> reduce pipeline a cluster would run, done locally with shell tools.
# Usage: corpus_test.sh KG_EXPORT KG_QUERY SEEDS_DIR
set -u
# Standard input is /dev/null for every command below unless one pipes into it: CTest and CI may hand the
# script a pipe, and with no INPUT the tools refuse a piped standard input (a forgotten '-').
exec </dev/null
EXPORT=$1 QUERY=$2 SEEDS=$3
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fails=0
check() { if [ "$2" = "$3" ]; then echo "ok   $1"; else echo "FAIL $1: exit $3, expected $2"; fails=$((fails+1)); fi; }
expect() { local name=$1; shift; if "$@"; then echo "ok   $name"; else echo "FAIL $name"; fails=$((fails+1)); fi; }

seeds=("$SEEDS"/*.txt)
# Thread count never shows in the output.
"$EXPORT" -q -j 1 --json "${seeds[@]}" > "$tmp/j1.json"; check "export -j 1" 0 $?
"$EXPORT" -q -j 2 --json "${seeds[@]}" > "$tmp/j2.json"; check "export -j 2" 0 $?
expect "-j 1 and -j 2 byte-identical" cmp -s "$tmp/j1.json" "$tmp/j2.json"
"$EXPORT" -j 0 >/dev/null 2>&1; check "-j 0 -> 2" 2 $?

# Map on two shards, shuffle, sort (as the shuffle phase does), reduce: the single run's bytes.
"$EXPORT" -q -j 2 --format triples "${seeds[@]:0:2}" > "$tmp/part-00000"; check "map shard 1" 0 $?
"$EXPORT" -q -j 2 --format triples "${seeds[@]:2}" > "$tmp/part-00001"; check "map shard 2" 0 $?
expect "map lines are JSON records" python3 -c "import json,sys; [json.loads(l)['record'] for l in open(sys.argv[1])]" "$tmp/part-00000"
cat "$tmp"/part-* | shuf | sort > "$tmp/sorted.records"
"$EXPORT" -q --input-format triples --json "$tmp/sorted.records" > "$tmp/reduced.json"; check "reduce" 0 $?
expect "map + reduce = single run" cmp -s "$tmp/j1.json" "$tmp/reduced.json"
mkdir "$tmp/out" && cp "$tmp"/part-* "$tmp/out/" && touch "$tmp/out/_SUCCESS"
"$EXPORT" -q --input-format triples --json "$tmp/out" > "$tmp/reduced-dir.json"; check "reduce a Hadoop output dir" 0 $?
expect "reduce of a directory = single run" cmp -s "$tmp/j1.json" "$tmp/reduced-dir.json"
cat "$tmp/part-00000" | "$EXPORT" -q --input-format triples --graphml - > /dev/null; check "reduce from stdin to graphml" 0 $?
printf '{"record":"entity","doc":"x"}\n' > "$tmp/bad.records"
"$EXPORT" -q --input-format triples "$tmp/bad.records" > /dev/null 2> "$tmp/err"; check "bad record -> 3" 3 $?
expect "bad record names file:line" grep -q "bad.records:1:" "$tmp/err"
printf 'Acme Corp\tacquires\tGlobex Inc\tAcme Corp bought Globex Inc.\n' > "$tmp/facts.tsv"
"$EXPORT" -q --input-format triples --json "$tmp/facts.tsv" > "$tmp/facts.json"; check "TSV facts" 0 $?
expect "TSV fact becomes an edge" grep -q '"acme-corp--acquires--globex-inc"' "$tmp/facts.json"

# JSONL: metadata on documents, dates filter evidence, wire copies count once.
python3 - "$SEEDS" "$tmp/news.jsonl" <<'PY'
import glob, json, sys
seeds = sorted(glob.glob(sys.argv[1] + "/*.txt"))
with open(sys.argv[2], "w") as f:
    for i, p in enumerate(seeds):
        t = open(p, encoding="utf-8").read()
        f.write(json.dumps({"id": "n%d" % i, "text": t, "date": "2024-07-%02d" % (20 + i), "publisher": "P%d" % i,
                            "url": "https://example.com/%d" % i, "title": t.splitlines()[0]}) + "\n")
    t = open(seeds[1], encoding="utf-8").read()
    f.write(json.dumps({"id": "z-copy", "text": "By Wire Staff\n" + t, "date": "2024-08-01", "publisher": "Wire"}) + "\n")
PY
"$EXPORT" -q --json "$tmp/news.jsonl" > "$tmp/news.json"; check "export jsonl" 0 $?
expect "documents carry date, publisher, url, title; the copy points at its original" python3 -c "
import json,sys; d=json.load(open(sys.argv[1])); docs={x['id']:x for x in d['graph']['documents']}
assert docs['n0']['date']=='2024-07-20' and docs['n0']['publisher']=='P0' and docs['n0']['url'] and docs['n0']['title']
assert docs['z-copy']['duplicate_of']=='n1'" "$tmp/news.json"
"$EXPORT" -q --json --keep-duplicates "$tmp/news.jsonl" > "$tmp/keep.json"; check "--keep-duplicates" 0 $?
expect "copies add weight only with --keep-duplicates" python3 -c "
import json,sys; w=lambda f: sum(e['weight'] for e in json.load(open(f))['edges']); assert w(sys.argv[2]) > w(sys.argv[1])" "$tmp/news.json" "$tmp/keep.json"
"$QUERY" --graph "$tmp/news.json" --since 2024-07-21 --until 2024-07-22 --json stats > "$tmp/dated.json"; check "query --since --until" 0 $?
expect "date filter keeps 2 documents" python3 -c "import json,sys; assert json.load(open(sys.argv[1]))['documents']==2" "$tmp/dated.json"
"$QUERY" --graph "$tmp/news.json" --since 24/07/2024 stats > /dev/null 2>&1; check "bad --since -> 2" 2 $?
"$EXPORT" -q --json --input-format jsonl "$tmp/news.jsonl" | cmp -s - "$tmp/news.json"; check "--input-format jsonl = by extension" 0 $?

# Broken lines and unreadable files: stop with 3 naming file and line, or skip and count.
printf '{"id":"a","text":"Acme Corp. hired Jane Roe."}\nnot json\n{"id":"b"}\n' > "$tmp/bad.jsonl"
"$EXPORT" -q --json -o "$tmp/none.json" "$tmp/bad.jsonl" 2> "$tmp/err"; check "broken line -> 3" 3 $?
expect "message names file:line" grep -q "bad.jsonl:2: invalid JSON" "$tmp/err"
expect "no partial output" test ! -e "$tmp/none.json"
"$EXPORT" -q --json --skip-bad "$tmp/bad.jsonl" "$tmp/missing.txt" > "$tmp/skip.json" 2> "$tmp/err"; check "--skip-bad -> 0" 0 $?
expect "skipped inputs reported" grep -q "bad.jsonl:3: no \"text\"" "$tmp/err"
expect "skipped count printed" grep -q "3 bad inputs skipped" "$tmp/err"
"$EXPORT" -q --json --skip-bad "${seeds[0]}" > /dev/null 2> "$tmp/err"; check "--skip-bad -q, nothing bad" 0 $?
expect "quiet and nothing skipped: silent" test ! -s "$tmp/err"
"$EXPORT" --json "${seeds[@]}" > /dev/null 2> "$tmp/err"; check "no terminal" 0 $?
expect "no progress line when stderr is not a terminal" test ! -s "$tmp/err"
"$EXPORT" --input-format xml >/dev/null 2>&1; check "unknown --input-format -> 2" 2 $?

# Incremental update: --graph OLD.json NEW... gives the bytes of one run over old and new documents.
"$EXPORT" -q --json "${seeds[@]}" > "$tmp/all.json"; check "all seeds at once" 0 $?
"$EXPORT" -q --graphml "${seeds[@]}" > "$tmp/all.graphml"
"$EXPORT" -q --json "${seeds[@]:0:3}" > "$tmp/a.json"; check "export group A" 0 $?
"$EXPORT" -q --graph "$tmp/a.json" --json "${seeds[@]:3}" > "$tmp/ab.json"; check "add group B to A" 0 $?
expect "A + B = one run (json)" cmp -s "$tmp/all.json" "$tmp/ab.json"
"$EXPORT" -q --graph "$tmp/a.json" --graphml "${seeds[@]:3}" > "$tmp/ab.graphml"; check "add B to A, graphml out" 0 $?
expect "A + B = one run (graphml)" cmp -s "$tmp/all.graphml" "$tmp/ab.graphml"
"$EXPORT" -q --json "${seeds[@]:3}" > "$tmp/late.json"
"$EXPORT" -q -j 2 --graph "$tmp/late.json" --json "${seeds[@]:0:3}" > "$tmp/early.json"; check "add documents whose ids sort first" 0 $?
expect "new ids before old = one run" cmp -s "$tmp/all.json" "$tmp/early.json"
"$EXPORT" -q --json "${seeds[@]:1:2}" > "$tmp/s1.json"
"$EXPORT" -q --graph "$tmp/s1.json" --json -o "$tmp/s2.json" "${seeds[4]}"; check "first increment" 0 $?
"$EXPORT" -q --graph "$tmp/s2.json" --json -o "$tmp/s3.json" "${seeds[0]}" "${seeds[3]}"; check "second increment" 0 $?
expect "A, then +B, then +C = one run" cmp -s "$tmp/all.json" "$tmp/s3.json"
"$EXPORT" -q --graph "$tmp/all.json" --json | cmp -s - "$tmp/all.json"; check "json -> json keeps the extraction section" 0 $?
# A wire copy of seed 1 in the new batch: id sorting after its original, then before it (the earlier id wins).
for id in zz-wire 0-wire; do
  mkdir -p "$tmp/wire-$id"; { echo "By Wire Staff"; cat "${seeds[1]}"; } > "$tmp/wire-$id/$id.txt"
  "$EXPORT" -q --json "${seeds[@]}" "$tmp/wire-$id/$id.txt" > "$tmp/wire-all.json"
  "$EXPORT" -q --graph "$tmp/all.json" --json "$tmp/wire-$id/$id.txt" > "$tmp/wire-inc.json"; check "add wire copy $id" 0 $?
  expect "wire copy $id: incremental = one run" cmp -s "$tmp/wire-all.json" "$tmp/wire-inc.json"
  expect "wire copy $id counted once" python3 -c "
import json,sys; d=json.load(open(sys.argv[1])); dups=[x for x in d['graph']['documents'] if 'duplicate_of' in x]
assert len(dups)==1, dups; assert (dups[0]['id']=='$id') == ('$id'=='zz-wire'), dups" "$tmp/wire-inc.json"
  # ...and the other way round: the original is the new document.
  "$EXPORT" -q --json "${seeds[0]}" "${seeds[@]:2}" "$tmp/wire-$id/$id.txt" > "$tmp/wire-old.json"
  "$EXPORT" -q --graph "$tmp/wire-old.json" --json "${seeds[1]}" | cmp -s - "$tmp/wire-all.json"
  check "wire copy $id old, original new = one run" 0 $?
done
# What cannot be added to: no extraction section (GraphML, a view, --since, --no-extraction), exit 3.
"$EXPORT" -q --graph "$tmp/all.graphml" --json "${seeds[0]}" > /dev/null 2> "$tmp/err"; check "add to GraphML -> 3" 3 $?
expect "says why" grep -q 'all.graphml: cannot add documents to this graph: it has no "extraction" section' "$tmp/err"
"$EXPORT" -q --json --no-extraction "${seeds[@]:0:3}" > "$tmp/lean.json"; check "--no-extraction" 0 $?
expect "--no-extraction leaves the section out" test "$(grep -c '"extraction"' "$tmp/lean.json")" -eq 0
"$EXPORT" -q --graph "$tmp/lean.json" --json "${seeds[@]:3}" > "$tmp/out.json" 2> "$tmp/err"; check "add to --no-extraction json -> 3" 3 $?
expect "no output when refused" test ! -s "$tmp/out.json"
"$EXPORT" -q --json --top 5 "${seeds[@]:0:3}" > "$tmp/view.json"
"$EXPORT" -q --graph "$tmp/view.json" --json "${seeds[@]:3}" > /dev/null 2>&1; check "add to a view -> 3" 3 $?
"$EXPORT" -q --json --since 2000-01-01 "${seeds[@]:0:3}" > "$tmp/dated.json"
"$EXPORT" -q --graph "$tmp/dated.json" --json "${seeds[@]:3}" > /dev/null 2>&1; check "add to a --since graph -> 3" 3 $?
"$EXPORT" -q --graph "$tmp/a.json" --graphml --no-extraction "${seeds[@]:3}" > /dev/null 2>&1; check "--no-extraction without --json -> 2" 2 $?
python3 - "$tmp/a.json" "$tmp/edited.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); d["edges"].pop(); json.dump(d, open(sys.argv[2], "w"))
PY
"$EXPORT" -q --graph "$tmp/edited.json" --json "${seeds[@]:3}" > /dev/null 2> "$tmp/err"; check "add to an edited graph -> 3" 3 $?
expect "edited graph: says so" grep -q "the graph was changed after it was saved" "$tmp/err"
# A new document with an id the saved graph has: an error as in one run, or skipped (the old one kept).
mkdir -p "$tmp/again"; cp "${seeds[1]}" "$tmp/again/"; again="$tmp/again/$(basename "${seeds[1]}")"
"$EXPORT" -q --graph "$tmp/a.json" --json "$again" > /dev/null 2> "$tmp/err"; check "repeated id -> 3" 3 $?
expect "repeated id named" grep -q "duplicate document id '$(basename "${seeds[1]}" .txt)'" "$tmp/err"
"$EXPORT" -q --skip-bad --json "${seeds[@]:0:3}" "$again" "${seeds[@]:3}" > "$tmp/dup-once.json" 2>/dev/null
"$EXPORT" -q --skip-bad --graph "$tmp/a.json" --json "$again" "${seeds[@]:3}" > "$tmp/dup-inc.json" 2> "$tmp/err"
check "repeated id --skip-bad -> 0" 0 $?
expect "repeated id skipped as in one run" cmp -s "$tmp/dup-once.json" "$tmp/dup-inc.json"
expect "skip counted" grep -q "1 bad input skipped" "$tmp/err"
"$EXPORT" -q --graph - --json - < "$tmp/a.json" > /dev/null 2>&1; check "--graph - with INPUT - -> 2" 2 $?

echo "$fails failure(s)"
[ "$fails" -eq 0 ]
