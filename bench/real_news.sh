#!/usr/bin/env bash
# Throughput on real news: converts the Wikinews articles (295 articles, 2019-2020, CC BY 2.5: credit
# Wikinews, https://en.wikinews.org/) to JSONL with scripts/wikinews_to_jsonl.py, runs
# kg-bench-corpus --corpus on them repeated to 8 MB (its last table is each pipeline stage's share of the
# time on one thread), and times kg-export end to end on one core over the articles once. A program, not a
# test: nothing is asserted.
#
# Usage: bash bench/real_news.sh [DIR] [kg-bench-corpus options...]
#   DIR          where wikinews.jsonl is written (default /tmp)
#   options      passed to kg-bench-corpus after --corpus FILE --mb 8 (e.g. --no-peer, --threads 2)
# Environment: WIKINEWS_DIR (default ../shared/data/wikinews next to the clone), KG_BUILD_DIR (default
# build/), MB (default 8). Build first: cmake --build build --target kg-bench-corpus kg-export
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="${1:-/tmp}"
[ $# -gt 0 ] && shift
wikinews="${WIKINEWS_DIR:-$root/../shared/data/wikinews}"
build="${KG_BUILD_DIR:-$root/build}"
mb="${MB:-8}"
bench="$build/bench/kg-bench-corpus"  # bench/ targets build into build/bench/
[ -x "$bench" ] || bench="$build/kg-bench-corpus"
for tool in "$bench" "$build/kg-export"; do
  [ -x "$tool" ] || { echo "real_news.sh: $tool not built (cmake --build build --target $(basename "$tool"))" >&2; exit 2; }
done
shopt -s nullglob
csvs=("$wikinews"/wikinews_*.csv)
[ ${#csvs[@]} -gt 0 ] || { echo "real_news.sh: no wikinews_*.csv in $wikinews (set WIKINEWS_DIR)" >&2; exit 2; }
mkdir -p "$dir"
jsonl="$dir/wikinews.jsonl"

echo "== converting ${#csvs[@]} Wikinews CSV files to $jsonl"
python3 "$root/scripts/wikinews_to_jsonl.py" "${csvs[@]}" > "$jsonl"

echo "== kg-bench-corpus --corpus $jsonl --mb $mb $*"
"$bench" --corpus "$jsonl" --mb "$mb" "$@"

echo "== kg-export --json --no-extraction -j 1 -q -o /dev/null $jsonl (end to end, one core)"
# Wall time and the CPU time (user + system) of the run: on a busy machine the CPU figure is the steadier.
python3 - "$build/kg-export" "$jsonl" <<'EOF'
import json, resource, subprocess, sys, tempfile, time

tool, jsonl = sys.argv[1], sys.argv[2]
text_bytes = articles = 0
with open(jsonl, encoding="utf-8") as f:
    for line in f:
        if line.strip():
            text_bytes += len(json.loads(line)["text"].encode("utf-8"))
            articles += 1


def run(inputs):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic()
    subprocess.run([tool, "--json", "--no-extraction", "-j", "1", "-q", "-o", "/dev/null", *inputs], check=True)
    wall = time.monotonic() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss


wall, cpu, rss = run([jsonl])
mb = text_bytes / 1e6
print(f"kg-export, 1 thread: {articles} articles, {mb:.2f} MB of article text in {wall:.2f} s = {mb / wall:.2f} MB/s "
      f"end to end ({mb / cpu:.2f} MB per CPU-s), peak RSS {rss / 1024:.0f} MB")
# What a run costs with next to no text (loading the lexicons and models, writing a tiny graph), to read the
# figure above: the corpus is small, so this start-up is part of it. One one-word article, because an empty
# corpus is refused ("no documents found").
with tempfile.NamedTemporaryFile("w", suffix=".jsonl") as tiny:
    tiny.write('{"id": "startup", "text": "Hello."}\n')
    tiny.flush()
    swall, scpu, _ = run([tiny.name])
print(f"  of which start-up (the same run on a one-word JSONL file): {swall:.2f} s ({scpu:.2f} CPU-s); without it "
      f"{mb / max(wall - swall, 1e-9):.2f} MB/s")
EOF
