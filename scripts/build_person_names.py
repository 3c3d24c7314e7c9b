#!/usr/bin/env python3
"""Builds data/person_names.tsv: tokens that start or end multi-word person names.

Sources: wikigold (CC BY 4.0) and the Broad Twitter Corpus (CC BY 4.0) PER spans, and the person
entries of the PETRARCH2 country actor dictionary (MIT). Each row: token, times seen first in a
person name, times seen last. The extractor uses it as evidence that a capitalized run such as
"Jane Doe" names a person; it is evidence, not a list of people.

Usage: scripts/build_person_names.py [SHARED_DATA_DIR] > data/person_names.tsv
"""
import collections
import glob
import re
import sys

data = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"
first = collections.Counter()
last = collections.Counter()


def add_span(tokens):
    tokens = [t for t in tokens if re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?", t)]
    if len(tokens) < 2:
        return
    first[tokens[0]] += 1
    last[tokens[-1]] += 1


def read_conll(path, bio):
    span = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) < 2:
                add_span(span); span = []
                continue
            tok, tag = parts[0], parts[-1]
            if tag.endswith("PER") and not (bio and tag.startswith("B-") and span):
                span.append(tok)
            else:
                add_span(span)
                span = [tok] if tag == "B-PER" else []
    add_span(span)


read_conll(f"{data}/wikigold/wikigold.conll.txt", bio=False)
for p in sorted(glob.glob(f"{data}/btc/*.conll")):
    read_conll(p, bio=True)

# PETRARCH2 persons: a name line followed by indented role codes with dates, e.g.
# "XI_JINPING_  # CountryInfo.txt" then "\t[CHNGOV >080401]". Country blocks carry no dated codes.
with open(f"{data}/petrarch2/Phoenix.Countries.actors.txt", encoding="utf-8", errors="replace") as f:
    name = None
    for line in f:
        m = re.match(r"^([A-Z][A-Z'_.-]+)(\s|$)", line)
        if m:
            name = m.group(1)
            continue
        if name and re.match(r"^\s+\[[A-Z]{3}[A-Z]*\s+[<>]?\d", line):
            add_span([w.capitalize() for w in name.strip("_").split("_") if w])
            name = None

print("# token\tfirst\tlast — from wikigold + BTC PER spans (CC BY 4.0) and PETRARCH2 persons (MIT); scripts/build_person_names.py")
for tok in sorted(set(first) | set(last)):
    print(f"{tok}\t{first[tok]}\t{last[tok]}")
