#!/usr/bin/env python3
"""Converts the Wikinews CSV files (columns url,date,title,text) into libkg's JSONL corpus format.

Usage: python3 scripts/wikinews_to_jsonl.py ../shared/data/wikinews/*.csv > /tmp/wikinews.jsonl

One article per line: {"id","text","title","date","publisher","url"}, the fields kg-export and
kg::read_documents take (README.md, "Large corpora"). The id is "wikinews-<year>-<row>", the year taken
from the file name (wikinews_2019.csv) or else the file's stem, the row counted from 1 over the data rows
of that file, so an id does not change when another row is skipped. The date is written as ISO 8601
(YYYY-MM-DD) when the CSV gives a date this script can read, and empty otherwise. The publisher is
"Wikinews". Rows with an empty text are skipped. The text is kept as published (line ends normalized to
\\n), including the dateline Wikinews puts at the top of each article.

The output is deterministic: files in the order given, rows in file order, keys in a fixed order, UTF-8
whatever the locale. A count goes to stderr. Python 3 standard library only.

Licence of the data: the Wikinews articles are Creative Commons Attribution 2.5 (CC BY 2.5,
https://creativecommons.org/licenses/by/2.5/), as are the CSV files (GitHub vanatteveldt/wikinews, see
LICENSE.md next to them). Anything built from the output must credit Wikinews (https://en.wikinews.org/)
and say that the text was converted; each line keeps its article's url for that purpose. This script
does not change the licence of the data it writes.
"""

import argparse
import csv
import datetime
import json
import os
import re
import sys

PUBLISHER = "Wikinews"
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
OTHER_DATE_FORMATS = ("%Y/%m/%d", "%d %B %Y", "%B %d, %Y", "%A, %B %d, %Y", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S")


def iso_date(value):
    """The date as YYYY-MM-DD, or "" when it cannot be read as a calendar date."""
    value = value.strip()
    if not value:
        return ""
    if ISO_DATE.fullmatch(value):
        try:
            datetime.date.fromisoformat(value)
            return value
        except ValueError:
            return ""
    for fmt in OTHER_DATE_FORMATS:
        try:
            return datetime.datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            pass
    return ""


def file_key(path):
    """The part of the id that names the file: the year in wikinews_2019.csv, else the file's stem."""
    stem = os.path.splitext(os.path.basename(path))[0]
    m = re.fullmatch(r"wikinews[_-](\d{4})", stem)
    return m.group(1) if m else re.sub(r"[^A-Za-z0-9._-]+", "_", stem)


def main():
    parser = argparse.ArgumentParser(description="Wikinews CSV (url,date,title,text) to libkg JSONL, on stdout.")
    parser.add_argument("csv", nargs="+", help="wikinews_*.csv files")
    args = parser.parse_args()

    csv.field_size_limit(1 << 30)
    out = sys.stdout.buffer
    seen = set()
    written = skipped = text_bytes = 0
    for path in args.csv:
        key = file_key(path)
        try:
            with open(path, newline="", encoding="utf-8-sig") as f:
                reader = csv.DictReader(f)
                if reader.fieldnames is None or "text" not in reader.fieldnames:
                    sys.exit(f"wikinews_to_jsonl: {path}: no 'text' column (expected url,date,title,text)")
                for row_number, row in enumerate(reader, start=1):
                    text = (row.get("text") or "").replace("\r\n", "\n").replace("\r", "\n")
                    if not text.strip():
                        skipped += 1
                        continue
                    doc_id = f"wikinews-{key}-{row_number:06d}"
                    if doc_id in seen:
                        sys.exit(f"wikinews_to_jsonl: {path}: id {doc_id} already written (the same file twice?)")
                    seen.add(doc_id)
                    doc = {
                        "id": doc_id,
                        "text": text,
                        "title": (row.get("title") or "").strip(),
                        "date": iso_date(row.get("date") or ""),
                        "publisher": PUBLISHER,
                        "url": (row.get("url") or "").strip(),
                    }
                    out.write(json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n")
                    written += 1
                    text_bytes += len(text.encode("utf-8"))
        except (OSError, UnicodeDecodeError, csv.Error) as e:
            sys.exit(f"wikinews_to_jsonl: {path}: {e}")
    out.flush()
    print(f"wikinews_to_jsonl: {written} articles ({text_bytes / 1e6:.2f} MB of text) from {len(args.csv)} "
          f"file{'s' if len(args.csv) != 1 else ''}; {skipped} empty skipped", file=sys.stderr)


if __name__ == "__main__":
    main()
