#!/usr/bin/env python3
"""Writes the unlabelled training text for the word clusters (scripts/build_clusters.sh, data/README.md
"Word clusters"): one sentence or paragraph per line, UTF-8, from the training side of ../shared/data only.

Lines are raw text (EWT and GUM "# text", Wikinews paragraphs) or the source's tokens joined by spaces;
kg-cluster-words --tokenize re-tokenizes every line the way lib/text/tokenize.cpp does, so the words match
run time. Never read: ../shared/eval, men-dev, re3d-state-dept, any test split (EWT/UNER test, WNUT test,
CrossNER test.txt, Re-DocRED test_revised, SEC test/, FewRel val_nyt, TypeRE test) and the GUM_news_*
files, which are only read to drop Wikinews articles that share a sentence of >= 8 words with them (the
GUM news test documents are Wikinews articles).

Output is deterministic: sources in a fixed order, files sorted, a line repeated verbatim (after white
space is collapsed) with >= 5 tokens kept once (TypeRE's Wiki80 rows repeat FewRel's).
Statistics go to stderr.
"""
import argparse
import csv
import glob
import json
import os
import re
import sys

FORBIDDEN = {"eval", "men-dev", "re3d-state-dept"}


def check(path):
    parts = os.path.normpath(path).split(os.sep)
    base = os.path.basename(path).lower()
    if any(p in FORBIDDEN for p in parts) or "test" in base or "test" in parts or "val_nyt" in base:
        raise SystemExit(f"refusing to read {path}")
    return path


def read_text(path):
    with open(check(path), encoding="utf-8") as f:
        return f.read()


def conllu_texts(path):
    """The "# text = " lines of a CoNLL-U file (raw sentences)."""
    out = []
    for line in read_text(path).split("\n"):
        if line.startswith("# text = "):
            out.append(line[len("# text = "):])
    return out


def columns(path, sep):
    """Sentences of a CoNLL-like file (token in column 1; -DOCSTART- lines skipped)."""
    sents, sent = [], []
    for line in read_text(path).split("\n"):
        if not line.strip():
            if sent:
                sents.append(sent)
            sent = []
            continue
        tok = line.split(sep)[0]
        if tok == "-DOCSTART-":
            continue
        sent.append(tok)
    if sent:
        sents.append(sent)
    return sents


def join(tokens):
    return " ".join(t for t in (t.strip() for t in tokens) if t)


WORD = re.compile(r"\w+")


def norm_words(text):
    """Case-folded word tokens (curly apostrophes as straight ones) joined by single spaces."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").casefold()
    return " ".join(WORD.findall(text))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default="../shared/data")
    ap.add_argument("--out", required=True)
    ap.add_argument("--exclude", action="append", default=[],
                    help="a token file of scripts/ner_data.py (a test split): corpus lines sharing any 8-word "
                         "sequence with its sentences are dropped (repeatable)")
    a = ap.parse_args()
    d = a.shared
    sources = []  # (name, [lines])

    ewt = os.path.join(d, "ud-english-ewt")
    sources.append(("ud-english-ewt train+dev (# text)",
                    conllu_texts(os.path.join(ewt, "en_ewt-ud-train.conllu")) +
                    conllu_texts(os.path.join(ewt, "en_ewt-ud-dev.conllu"))))

    gum_files = sorted(glob.glob(os.path.join(d, "gum", "GUM_*.conllu")))
    news = [p for p in gum_files if os.path.basename(p).startswith("GUM_news_")]
    other = [p for p in gum_files if not os.path.basename(p).startswith("GUM_news_")]
    if len(news) != 24:
        raise SystemExit(f"expected 24 GUM_news_* files, found {len(news)}")
    sources.append((f"gum ({len(other)} non-news files, # text)", [t for p in other for t in conllu_texts(p)]))

    # Wikinews, minus every article sharing a sentence of >= 8 words with a GUM news (test) document.
    news_sents = set()
    for p in news:  # read for the overlap check only; nothing of it is written
        with open(p, encoding="utf-8") as f:
            for line in f:
                if line.startswith("# text = "):
                    w = norm_words(line[len("# text = "):])
                    if w.count(" ") + 1 >= 8:
                        news_sents.add(w)
    csv.field_size_limit(1 << 30)
    wn_lines, kept, dropped = [], 0, []
    for p in sorted(glob.glob(os.path.join(d, "wikinews", "*.csv"))):
        with open(check(p), encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                body = " " + norm_words(row["title"] + "\n" + row["text"]) + " "
                if any(" " + s + " " in body for s in news_sents):
                    dropped.append(row["url"])
                    continue
                kept += 1
                wn_lines.append(row["title"])
                wn_lines += [ln for ln in (x.strip() for x in row["text"].split("\n")) if ln]
    print(f"wikinews: kept {kept} articles, dropped {len(dropped)} sharing a >= 8-word sentence with GUM_news_*",
          file=sys.stderr)
    for u in dropped:
        print(f"  dropped {u}", file=sys.stderr)
    sources.append((f"wikinews ({kept} articles; {len(dropped)} dropped)", wn_lines))

    with open(check(os.path.join(d, "redocred", "dev_revised.json")), encoding="utf-8") as f:
        sources.append(("redocred dev_revised", [join(s) for doc in json.load(f) for s in doc["sents"]]))
    sources.append(("wnut17 train+dev", [join(s) for name in ("wnut17train.conll", "emerging.dev.conll")
                                         for s in columns(os.path.join(d, "wnut17", name), "\t")]))
    cross = []
    for dom in sorted(os.listdir(os.path.join(d, "crossner"))):
        if os.path.isdir(os.path.join(d, "crossner", dom)):
            for name in ("train.txt", "dev.txt"):
                cross += [join(s) for s in columns(os.path.join(d, "crossner", dom, name), "\t")]
    sources.append(("crossner train+dev", cross))
    sources.append(("wikigold", [join(s) for s in columns(os.path.join(d, "wikigold", "wikigold.conll.txt"), " ")]))
    sources.append(("btc", [join(s) for p in sorted(glob.glob(os.path.join(d, "btc", "*.conll")))
                            for s in columns(p, "\t")]))
    sources.append(("sec-filings train", [join(s) for p in sorted(glob.glob(os.path.join(d, "sec-filings", "train", "*.txt")))
                                          for s in columns(p, " ")]))
    # UNER English EWT dev (en_ewt-ud-dev.iob2) has the sentences of EWT dev, already read above.
    with open(check(os.path.join(d, "fewrel", "val_wiki.json")), encoding="utf-8") as f:
        fw = json.load(f)
    sources.append(("fewrel val_wiki", [join(inst["tokens"]) for rel in sorted(fw) for inst in fw[rel]]))
    with open(check(os.path.join(d, "typere", "typere_dev.jsonl")), encoding="utf-8") as f:
        sources.append(("typere dev", [join(json.loads(l)["token"]) for l in f if l.strip()]))

    # Test text never reaches the clusters: any line sharing an 8-word sequence with a test sentence goes.
    test_grams = set()
    for path in a.exclude:
        words = []
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("-DOCSTART-"):
                    continue
                if not line.strip():
                    ws = norm_words(" ".join(words)).split()
                    test_grams.update(" ".join(ws[i:i + 8]) for i in range(len(ws) - 7))
                    words = []
                    continue
                words.append(line.split("\t", 1)[0])
        ws = norm_words(" ".join(words)).split()
        test_grams.update(" ".join(ws[i:i + 8]) for i in range(len(ws) - 7))

    def shares_test_text(ln):
        ws = norm_words(ln).split()
        return any(" ".join(ws[i:i + 8]) in test_grams for i in range(len(ws) - 7))

    seen = set()
    n_lines = n_words = 0
    with open(a.out, "w", encoding="utf-8", newline="\n") as out:
        for name, lines in sources:
            k = w = rep = tst = 0
            for ln in lines:
                ln = " ".join(ln.split())
                if not ln:
                    continue
                if test_grams and shares_test_text(ln):
                    tst += 1
                    continue
                nw = ln.count(" ") + 1
                if nw >= 5:
                    key = norm_words(ln).replace(" ", "")
                    if key in seen:
                        rep += 1
                        continue
                    seen.add(key)
                out.write(ln + "\n")
                k += 1
                w += nw
            n_lines += k
            n_words += w
            print(f"{name}: {k} lines, {w} space-separated words ({rep} repeated lines dropped, {tst} sharing test text)",
                  file=sys.stderr)
    print(f"total: {n_lines} lines, {n_words} space-separated words", file=sys.stderr)


if __name__ == "__main__":
    main()
