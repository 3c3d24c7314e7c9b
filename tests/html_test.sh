#!/usr/bin/env bash
# The interactive map (kg-export --html, issue 17) in a real browser: Debian's chromium, headless. The page
# loads with no error, shows the sample's entities, finds "Li Qiang", lists the evidence of a selected
# entity and of a selected line; hostile names and sentences stay text; a 6,000-entity graph is cut to
# 5,000, and their first complete layout is drawn within KG_HTML_MAX_MS (default 3000) ms of navigation
# start, as the page measures it with performance.now(). The URL fragment (#select=ID, #search=TEXT,
# #edge=ID) does what a click does, so that --dump-dom shows it. tests/test_html.cpp checks the bytes.
# Usage: html_test.sh KG_EXPORT
# Exit 77 (skipped) when chromium is missing: scripts/deps.sh installs it.
set -u
exec </dev/null
EXPORT=$1
MAX_MS=${KG_HTML_MAX_MS:-3000}
CHROMIUM=${KG_CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [ -z "$CHROMIUM" ]; then
  echo "SKIP: chromium is not installed (apt-get install chromium; scripts/deps.sh installs it)"
  exit 77
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fails=0
check() { if [ "$2" = "$3" ]; then echo "ok   $1"; else echo "FAIL $1: exit $3, expected $2"; fails=$((fails+1)); fi; }
expect() { local name=$1; shift; if "$@"; then echo "ok   $name"; else echo "FAIL $name"; fails=$((fails+1)); fi; }

# browse NAME URL [chromium options]: the page's DOM after load in $tmp/NAME.dom, chromium's log (console
# messages included) in $tmp/NAME.log. A profile of its own each time: runs never share state.
browse() {
  local name=$1 url=$2; shift 2
  XDG_CONFIG_HOME="$tmp/xdg" XDG_CACHE_HOME="$tmp/xdg" timeout 120 "$CHROMIUM" --headless --no-sandbox \
    --disable-gpu --disable-dev-shm-usage --no-first-run --user-data-dir="$tmp/profile-$name" \
    --enable-logging=stderr --v=0 --window-size=1280,800 "$@" --dump-dom "$url" > "$tmp/$name.dom" 2> "$tmp/$name.log"
}
# No console message at all: the page logs nothing, so any line is an error, a CSP refusal or a warning.
no_console() { ! grep -h 'CONSOLE' "$tmp/$1.log"; }

# What a dump shows, as NAME=VALUE lines: the body's data-* attributes, the elements counted, the search
# results' ids, the selection and the text of the details panel.
cat > "$tmp/inspect.py" <<'EOF'
import html.parser, json, sys

class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.body, self.root, self.counts, self.stack = {}, {}, {}, []
        self.results, self.entities, self.details, self.notice = [], [], [], []
        self.selected, self.links, self.evidence = None, [], []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.counts[tag] = self.counts.get(tag, 0) + 1
        if tag == "html": self.root = a
        if tag == "body": self.body = a
        if tag == "a": self.links.append(a.get("href", ""))
        if tag in ("br", "img", "input", "meta", "link", "hr"): return
        where = self.stack[-1][1] if self.stack else None
        if a.get("id") in ("search-results", "entity-list", "details", "notice"): where = a["id"]
        if a.get("id") == "details": self.selected = a.get("data-selected")
        if tag == "button" and a.get("data-id") and where == "search-results": self.results.append(a["data-id"])
        if tag == "button" and a.get("data-id") and where == "entity-list": self.entities.append([a["data-id"], ""])
        if tag == "li" and "ev" in (a.get("class") or "").split() and where == "details":
            self.evidence.append([a.get("class"), ""])
        self.stack.append((tag, where))
    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag: break
    def handle_data(self, data):
        where = self.stack[-1][1] if self.stack else None
        if where == "details": self.details.append(data)
        if where == "notice": self.notice.append(data)
        if where == "entity-list" and self.entities and self.stack[-1][0] == "button": self.entities[-1][1] += data
        if where == "details" and self.evidence: self.evidence[-1][1] += data

p = Page()
p.feed(open(sys.argv[1], encoding="utf-8").read())
out = {"status": p.body.get("data-status"), "errors": p.body.get("data-errors"), "nodes": p.body.get("data-nodes"),
       "edges": p.body.get("data-edges"), "drawn": p.body.get("data-drawn-nodes"), "labels": p.body.get("data-labels"),
       "layout_ms": p.body.get("data-layout-ms"), "ready_ms": p.body.get("data-ready-ms"),
       "truncated": p.body.get("data-truncated"), "pwned": p.root.get("data-pwned"),
       "scripts": p.counts.get("script", 0), "imgs": p.counts.get("img", 0), "bolds": p.counts.get("b", 0),
       "results": p.results, "entities": p.entities, "selected": p.selected, "details": "".join(p.details),
       "evidence": p.evidence, "notice": "".join(p.notice), "links": p.links}
json.dump(out, open(sys.argv[2], "w"), ensure_ascii=False)
EOF
# inspect NAME: $tmp/NAME.dom inspected into $tmp/NAME.page.json; field NAME KEY: one field of it.
inspect() { python3 "$tmp/inspect.py" "$tmp/$1.dom" "$tmp/$1.page.json"; }
field() { python3 -c 'import json,sys; v=json.load(open(sys.argv[1]))[sys.argv[2]]; print(v if isinstance(v,str) else json.dumps(v, ensure_ascii=False))' "$tmp/$1.page.json" "$2"; }
# loaded NAME: the page ran to the end with no error and nothing on the console.
loaded() {
  [ "$(field "$1" status)" = ready ] && [ "$(field "$1" errors)" = 0 ] && no_console "$1" > /dev/null
}

# --- the built-in sample ---------------------------------------------------------------------------------
"$EXPORT" -q --html -o "$tmp/seeds.html"; check "kg-export --html" 0 $?
"$EXPORT" -q -j 1 --format html > "$tmp/seeds-j1.html"; check "kg-export --format html -j 1" 0 $?
"$EXPORT" -q -j 2 --html > "$tmp/seeds-j2.html"; check "kg-export --html -j 2" 0 $?
expect "same graph, same bytes (-o, stdout, -j 1, -j 2)" \
  bash -c 'cmp -s "$1" "$2" && cmp -s "$1" "$3"' _ "$tmp/seeds.html" "$tmp/seeds-j1.html" "$tmp/seeds-j2.html"
"$EXPORT" -q --json --no-extraction -o "$tmp/seeds.json"; check "the sample as JSON, for reference" 0 $?
"$EXPORT" -q --html --json > /dev/null 2>&1; check "--html with --json -> 2" 2 $?

browse seeds "file://$tmp/seeds.html"; check "chromium loads the sample's page" 0 $?
inspect seeds
expect "sample: ready, no error, nothing on the console" loaded seeds
expect "sample: every entity of the graph on the page (count, index, drawn)" python3 -c '
import json, sys
graph, page = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
want = sorted((n["id"], n["label"]) for n in graph["nodes"])
got = sorted(tuple(e) for e in page["entities"])
assert page["nodes"] == str(len(want)) and page["drawn"] == page["nodes"], (page["nodes"], page["drawn"], len(want))
assert got == want, set(want) ^ set(got)
assert int(page["labels"]) > 0
' "$tmp/seeds.json" "$tmp/seeds.page.json"

# Search and selection through the fragment; what is expected comes from the JSON export of the same graph.
browse select "file://$tmp/seeds.html#search=Li%20Qiang&select=li-qiang"; check "chromium: #search and #select" 0 $?
inspect select
expect "select: ready, no error" loaded select
expect "search 'Li Qiang' finds li-qiang first" python3 -c '
import json, sys
page = json.load(open(sys.argv[1]))
assert page["results"] and page["results"][0] == "li-qiang", page["results"]' "$tmp/select.page.json"
expect "select li-qiang: the evidence of leader_of China, with status and document" python3 -c '
import json, sys
graph, page = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
assert page["selected"] == "li-qiang", page["selected"]
edge = [e for e in graph["edges"] if e["source"] == "li-qiang" and e["predicate"] == "leader_of" and e["target"] == "china"]
assert edge, "the sample has no li-qiang leader_of china"
assert "leader_of" in page["details"] and "China" in page["details"]
for ev in edge[0]["evidence"]:
    assert ev["text"] in page["details"], ev["text"]
    assert "doc " + ev["doc"] in page["details"], ev["doc"]
# every relation of li-qiang is listed, each evidence item with its status
mine = [e for e in graph["edges"] if "li-qiang" in (e["source"], e["target"])]
items = sum(len(e["evidence"]) for e in mine)
assert len(page["evidence"]) == items, (len(page["evidence"]), items)
for e in mine:
    for ev in e["evidence"]:
        status = "negated" if ev.get("negated") else ("hedged: " + ev["modality"]) if ev.get("modality") else "asserted"
        assert any(ev["text"] in text and status in text for _, text in page["evidence"]), (ev["text"], status)
' "$tmp/seeds.json" "$tmp/select.page.json"

# A line: the hedged attends of Li Qiang shows all its evidence, hedged.
browse edge "file://$tmp/seeds.html#edge=li-qiang--attends--world-ai-conference"; check "chromium: #edge" 0 $?
inspect edge
expect "edge: ready, no error" loaded edge
expect "edge li-qiang attends: all its evidence, with its modality" python3 -c '
import json, sys
graph, page = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
edge = [e for e in graph["edges"] if e["id"] == "li-qiang--attends--world-ai-conference"][0]
assert page["selected"].split()[0] == edge["id"], page["selected"]
assert len(page["evidence"]) >= len(edge["evidence"])
for ev in edge["evidence"]:
    status = "hedged: " + ev["modality"] if ev.get("modality") else "asserted"
    assert any(ev["text"] in text and status in text for _, text in page["evidence"]), ev["text"]
' "$tmp/seeds.json" "$tmp/edge.page.json"

# A view: the page holds what --ego selects, no more.
"$EXPORT" -q --html --ego "Li Qiang" --depth 1 -o "$tmp/ego.html"; check "kg-export --html --ego" 0 $?
"$EXPORT" -q --json --ego "Li Qiang" --depth 1 -o "$tmp/ego.json"; check "kg-export --json --ego" 0 $?
browse ego "file://$tmp/ego.html"; check "chromium loads the ego page" 0 $?
inspect ego
expect "ego: ready, no error" loaded ego
expect "ego: the view's entities, no more" python3 -c '
import json, sys
graph, page = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
ids = sorted(e[0] for e in page["entities"])
assert ids == sorted(n["id"] for n in graph["nodes"]), ids
assert "li-qiang" in ids and page["nodes"] == str(len(ids))' "$tmp/ego.json" "$tmp/ego.page.json"

# --- hostile text ----------------------------------------------------------------------------------------
# Names, aliases, sentences, titles and urls that would run script or add markup if they were written as
# markup; each attempt would mark the page (data-pwned) or show as an element.
python3 - "$tmp/hostile.json" <<'EOF'
import json, sys
pwn = "document.documentElement.setAttribute('data-pwned','%s')"
name = ("</script><script>" + pwn % "script" + ";alert(1)</script><!-- \u2028\u2029 \"quoted\" 'single' & &amp; "
        "<img src=x onerror=\"" + pwn % "img" + "\"> <b>bold</b>")
graph = {"directed": True, "multigraph": True,
         "graph": {"documents": [{"id": "d1", "source": "x", "bytes": 1, "title": name, "date": "2024-07-26",
                                  "publisher": "<b>pub</b>", "url": "javascript:" + pwn % "url"},
                                 {"id": "d2", "source": "x", "bytes": 1, "title": "Fine", "url": "https://example.org/?a=1&b=2"}]},
         "nodes": [{"id": "evil", "label": name, "type": "PERSON", "aliases": ["<!--", "</SCRIPT >"], "frequency": 1},
                   {"id": "china", "label": "China", "type": "COUNTRY", "aliases": [], "frequency": 1}],
         "edges": [{"source": "evil", "target": "china", "predicate": "leader_of", "id": "evil--leader_of--china",
                    "weight": 1.0, "confidence": 0.9,
                    "evidence": [{"doc": "d1", "start": 0, "end": 1, "text": name},
                                 {"doc": "d2", "start": 0, "end": 1, "text": "Denied </script>.", "negated": True}]}]}
json.dump(graph, open(sys.argv[1], "w"))
json.dump(name, open(sys.argv[1] + ".name", "w"))
EOF
"$EXPORT" -q --graph "$tmp/hostile.json" --html -o "$tmp/hostile.html"; check "kg-export --html of hostile names" 0 $?
browse hostile "file://$tmp/hostile.html#select=evil"; check "chromium loads the hostile page" 0 $?
inspect hostile
expect "hostile: ready, no error, nothing on the console" loaded hostile
expect "hostile: no script ran, no element added, the text shown as text, no javascript: link" python3 -c '
import json, sys
page, name = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
assert page["pwned"] is None, page["pwned"]
assert page["scripts"] == 2 and page["imgs"] == 0 and page["bolds"] == 0, (page["scripts"], page["imgs"], page["bolds"])
assert page["selected"] == "evil", page["selected"]
assert page["details"].count(name) >= 2, page["details"][:300]   # the heading and the evidence sentence
assert not any(l.lower().startswith("javascript") for l in page["links"]), page["links"]
assert "https://example.org/?a=1&b=2" in page["links"], page["links"]
' "$tmp/hostile.page.json" "$tmp/hostile.json.name"

# --- 6,000 entities: cut to 5,000, laid out and drawn within the limit -----------------------------------
python3 - "$tmp/big.json" <<'EOF'
import json, random, sys
rng = random.Random(17)
n, m = 6000, 12000
types = ["PERSON", "COMPANY", "ORGANIZATION", "COUNTRY", "LOCATION", "EVENT", "PRODUCT", "POLICY"]
preds = ["works_for", "leader_of", "attends", "based_in", "located_in", "develops", "invests_in", "meets",
         "competes_with", "sanctions"]
docs = [{"id": "doc%03d" % d, "source": "gen", "bytes": 1000, "title": "Story %d" % d,
         "date": "2024-07-%02d" % (d % 28 + 1), "url": "https://news.example/%d" % d} for d in range(200)]
nodes = [{"id": "n%d" % i, "label": "Entity %d" % i, "type": types[i % 8], "aliases": [], "frequency": 1}
         for i in range(n)]
# Preferential attachment, as news graphs go: a few hubs, many entities with one or two relations.
pairs, ends = [], []
for i in range(1, n):
    j = rng.choice(ends) if ends and rng.random() < 0.7 else rng.randrange(i)
    ends += [i, j]
    pairs.append((i, j))
while len(pairs) < m:
    a, b = rng.choice(ends), rng.randrange(n)
    if a != b:
        pairs.append((a, b))
edges, seen = [], set()
for k, (a, b) in enumerate(pairs):
    p = preds[k % len(preds)]
    if (a, p, b) in seen:
        continue
    seen.add((a, p, b))
    ev = {"doc": docs[rng.randrange(200)]["id"], "start": 0, "end": 10, "text": "Entity %d %s Entity %d." % (a, p, b)}
    r = rng.random()
    if r < 0.1:
        ev["modality"] = "expected"
    elif r < 0.13:
        ev["negated"] = True
    edges.append({"source": "n%d" % a, "target": "n%d" % b, "predicate": p, "id": "n%d--%s--n%d" % (a, p, b),
                  "weight": 1.0, "confidence": 0.8, "evidence": [ev]})
json.dump({"directed": True, "multigraph": True, "graph": {"documents": docs}, "nodes": nodes, "edges": edges},
          open(sys.argv[1], "w"))
EOF
"$EXPORT" --graph "$tmp/big.json" --html -o "$tmp/big.html" 2> "$tmp/big.err"; check "kg-export --html of 6,000 entities" 0 $?
expect "over the limit: said on stderr" grep -q "warning: html: the graph has 6000 entities.*writing the 5000" "$tmp/big.err"
# Timing on a shared machine varies: the best of up to three loads must be within the limit.
best=""
for run in 1 2 3; do
  browse "big$run" "file://$tmp/big.html"; check "chromium loads the 5,000-entity page (run $run)" 0 $?
  inspect "big$run"
  expect "5,000: ready, no error (run $run)" loaded "big$run"
  ms=$(field "big$run" ready_ms)
  echo "     5,000 entities, run $run: layout $(field "big$run" layout_ms) ms, first complete drawing at $ms ms"
  if [ -n "$ms" ] && [ "$ms" != None ] && { [ -z "$best" ] || [ "$ms" -lt "$best" ]; }; then best=$ms; fi
  if [ -n "$best" ] && [ "$best" -le "$MAX_MS" ]; then break; fi
done
expect "5,000: first complete layout drawn within $MAX_MS ms (best: ${best:-none} ms)" \
  test -n "$best" -a "${best:-0}" -le "$MAX_MS"
expect "5,000: the page holds 5,000 entities, draws them, and says the graph was cut" python3 -c '
import json, sys
page = json.load(open(sys.argv[1]))
assert page["nodes"] == "5000" and page["truncated"] == "1", (page["nodes"], page["truncated"])
assert int(page["drawn"]) > 4900, page["drawn"]
assert "6,000 entities" in page["notice"] and "5,000" in page["notice"], page["notice"]' "$tmp/big1.page.json"

# --- a screenshot of the sample's map ----------------------------------------------------------------------
XDG_CONFIG_HOME="$tmp/xdg" XDG_CACHE_HOME="$tmp/xdg" timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu \
  --disable-dev-shm-usage --no-first-run --user-data-dir="$tmp/profile-shot" --hide-scrollbars \
  --window-size=1280,800 --screenshot="$tmp/map.png" "file://$tmp/seeds.html" > /dev/null 2>&1
check "chromium takes a screenshot of the map" 0 $?
expect "the screenshot is a 1280x800 PNG" python3 -c '
import struct, sys
head = open(sys.argv[1], "rb").read(24)
assert head[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", head[16:24]) == (1280, 800), head' "$tmp/map.png"

[ "$fails" -eq 0 ] && echo "all html checks passed" || echo "$fails html checks failed"
[ "$fails" -eq 0 ]
