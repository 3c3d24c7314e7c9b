#!/usr/bin/env python3
"""Draws predicted edges for a hand check of relation precision, and scores the verdicts written back.

Usage:
  python3 scripts/relation_check.py draw EXPORT.json ARTICLES.jsonl OUT.tsv [--n 100] [--seed 14]
  python3 scripts/relation_check.py score CHECKED.tsv

Why it exists: the relation issue asks for the precision of predicted edges judged by reading the text,
on 100 edges drawn uniformly with a fixed seed (men_dev: >= 0.6; Wikinews: >= 0.7). `draw` gathers the
rows; a reader fills the verdict column; `score` prints the precision overall, per predicate and per
confidence bin (the calibration of the confidences on this sample).

EXPORT.json is `kg-export --json` output (edges with source, target, predicate, confidence and evidence
[{doc, start, end, text, ...}], nodes with id and label). ARTICLES.jsonl is the corpus it was run on. An
edge is drawn with random.Random(seed).sample from the edges sorted by id; its first evidence item is the
sentence judged. Offsets are UTF-8 byte offsets into the article text.

OUT.tsv columns: doc, start, end, subject, predicate, object, confidence, verdict, note, sentence. The
sentence column is for the reader only: the committed file (docs/checks/) keeps every column but the
sentence, since dev-set text is not copied into the project. verdict: "yes" (the sentence states the
relation between these two entities, direction included), "no", or "unsure" (counted as no).
"""
import csv
import json
import random
import sys
from collections import defaultdict


def draw(export, articles, out, n=100, seed=14):
    g = json.load(open(export, encoding="utf-8"))
    label = {v["id"]: v.get("label", v["id"]) for v in g["nodes"]}
    edges = sorted(g["edges"], key=lambda e: e["id"])
    rng = random.Random(seed)
    picked = rng.sample(edges, min(n, len(edges)))
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["doc", "start", "end", "subject", "predicate", "object", "confidence", "verdict", "note", "sentence"])
        for e in picked:
            ev = e["evidence"][0]
            w.writerow([ev["doc"], ev["start"], ev["end"], label[e["source"]], e["predicate"], label[e["target"]],
                        "%.2f" % e["confidence"], "", "", " ".join(ev.get("text", "").split())])


def score(path):
    rows = list(csv.DictReader(open(path, encoding="utf-8"), delimiter="\t"))
    judged = [r for r in rows if r["verdict"] in ("yes", "no", "unsure")]
    if len(judged) != len(rows):
        sys.exit("%s: %d of %d rows have no verdict" % (path, len(rows) - len(judged), len(rows)))
    ok = sum(r["verdict"] == "yes" for r in judged)
    print("%d edges, %d right: precision %.3f" % (len(judged), ok, ok / max(1, len(judged))))
    by = defaultdict(lambda: [0, 0])
    for r in judged:
        by[r["predicate"]][0] += r["verdict"] == "yes"
        by[r["predicate"]][1] += 1
    print("per predicate (right/drawn):")
    for p, (a, b) in sorted(by.items(), key=lambda x: -x[1][1]):
        print("  %-16s %d/%d" % (p, a, b))
    bins = defaultdict(lambda: [0, 0])
    for r in judged:
        c = float(r["confidence"])
        b = "<0.6" if c < 0.6 else "0.6-0.7" if c < 0.7 else "0.7-0.8" if c < 0.8 else "0.8-0.9" if c < 0.9 else ">=0.9"
        bins[b][0] += r["verdict"] == "yes"
        bins[b][1] += 1
    print("per confidence bin (right/drawn):")
    for b in ("<0.6", "0.6-0.7", "0.7-0.8", "0.8-0.9", ">=0.9"):
        if bins[b][1]:
            print("  %-8s %d/%d  %.2f" % (b, bins[b][0], bins[b][1], bins[b][0] / bins[b][1]))


def main(argv):
    if len(argv) >= 5 and argv[1] == "draw":
        opts = dict(zip(argv[5::2], argv[6::2]))
        draw(argv[2], argv[3], argv[4], int(opts.get("--n", 100)), int(opts.get("--seed", 14)))
    elif len(argv) == 3 and argv[1] == "score":
        score(argv[2])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
