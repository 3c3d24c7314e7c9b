#!/usr/bin/env python3
"""Builds data/words.tsv from the UD English EWT treebank (CC BY-SA 4.0).

Each row: word (lower case), its most frequent UPOS tag, its count, and the share of its occurrences
written in lower case. The extractor uses it to tell common words ("The", "Humanoid", "Beyond") from
names at the start of a sentence or in a title-case headline, and to spot verbs and prepositions.

Usage: scripts/build_word_lexicon.py [EWT_DIR] > data/words.tsv
"""
import collections
import sys

ewt = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/ud-english-ewt"
tags = collections.defaultdict(collections.Counter)
lower = collections.Counter()
total = collections.Counter()
for part in ("train", "dev"):
    with open(f"{ewt}/en_ewt-ud-{part}.conllu", encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 4 or "-" in cols[0] or "." in cols[0]:
                continue
            form, upos = cols[1], cols[3]
            key = form.lower()
            if not any(c.isalpha() for c in key) or "\t" in key:
                continue
            tags[key][upos] += 1
            total[key] += 1
            if form == key:
                lower[key] += 1
print("# word\tupos\tcount\tlower_share — from UD English EWT train+dev (CC BY-SA 4.0), scripts/build_word_lexicon.py")
for word in sorted(total):
    n = total[word]
    if n < 2:
        continue
    upos = tags[word].most_common(1)[0][0]
    print(f"{word}\t{upos}\t{n}\t{lower[word] / n:.2f}")
