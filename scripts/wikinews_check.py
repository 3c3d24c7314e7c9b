#!/usr/bin/env python3
"""Writes the lists for a hand check of the graph kg-export builds from the Wikinews articles.

Usage: python3 scripts/wikinews_check.py EXPORT.json ARTICLES.jsonl OUTDIR [--prefix NAME]

Why it exists: the issue "One real-world entity, one node" asks for a hand check, by reading, of what the
library makes of real news -- are the busiest nodes real names of the right type, is a random node a real
name, is every join across documents the same real-world entity. This script only gathers the rows to
read; the verdicts are written by hand (docs/checks/wikinews-*.md).

EXPORT.json is the output of `kg-export --json` (NetworkX node-link: "nodes" with id, label, type,
aliases, frequency, mentions[{doc,start,end,text}], joins[{alias,doc,confidence}]; "edges" with source,
target, predicate). ARTICLES.jsonl is the corpus it was run on (one {"id","text",...} per line), needed
to cut the sentence around a mention. Mention offsets are UTF-8 byte offsets into the article text.

For (a) and (b) a row gives label, type, aliases, frequency, degree, number of documents and one example:
the sentence around the node's first mention. For (c) a row gives the node's label and type, the alias,
the document, the confidence and the sentence of that document where the alias occurs (found through the
node's mentions in that document).

Written to OUTDIR (tab-separated, one header line, tabs and line ends in fields replaced by spaces):
  PREFIX-top50.tsv     the 50 nodes with the highest degree (edges touching the node; ties by label)
  PREFIX-random50.tsv  50 nodes drawn with random.Random(15).sample from the nodes sorted by id
  PREFIX-joins.tsv     every cross-document join (one row per entry of a node's "joins")
  PREFIX-dupe-candidates.tsv  pairs of nodes that look like one entity by simple surface rules (a
                       one-word PERSON equal to the last word of a longer PERSON, an all-caps label equal
                       to the initials of another label, a name of two words or more inside a longer
                       name of the same type or document, labels equal after dropping a legal suffix or
                       a leading "the"), with the number of documents both occur in; candidates only,
                       to be read by hand
PREFIX defaults to "wikinews". Counts (entities, edges, share of isolated entities, joins) go to stdout.

Deterministic; Python 3 standard library only.
"""

import argparse
import collections
import json
import os
import random
import re
import sys

SAMPLE_SEED = 15
SAMPLE_SIZE = 50
TOP_SIZE = 50
MAX_SENTENCE_CHARS = 400

# A full stop after one of these is not a sentence end.
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt",
    "prof", "rev", "no", "vs", "inc", "corp", "co", "ltd", "u.s", "u.k", "u.n", "e.g", "i.e", "jan", "feb",
    "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "ft", "mt", "ave", "approx", "est", "dept",
}
LEGAL_SUFFIXES = {
    "inc", "inc.", "ltd", "ltd.", "llc", "plc", "corp", "corp.", "corporation", "co", "co.", "company",
    "group", "ag", "sa", "s.a.", "gmbh", "limited", "holdings", "nv", "n.v.", "bv", "ab", "spa", "s.p.a.",
}


def clean(value):
    """A TSV field: tabs and line ends become spaces."""
    return re.sub(r"[\t\r\n]+", " ", str(value)).strip()


def char_offset(text_bytes, byte_offset):
    """The character offset of a UTF-8 byte offset (clamped to the text)."""
    byte_offset = max(0, min(byte_offset, len(text_bytes)))
    return len(text_bytes[:byte_offset].decode("utf-8", errors="ignore"))


def is_sentence_end(text, i):
    """Whether text[i] ('.', '!' or '?') ends a sentence: followed by space/end, not an abbreviation."""
    if i + 1 < len(text) and not text[i + 1].isspace() and text[i + 1] not in "\"')]":
        return False
    if text[i] != ".":
        return True
    j = i
    while j > 0 and not text[j - 1].isspace() and text[j - 1] not in "(\"'":
        j -= 1
    word = text[j:i].lower()
    if word in ABBREVIATIONS:
        return False
    if len(word) == 1 and word.isalpha():  # an initial: "John F. Kennedy"
        return False
    return True


def sentence_around(text, start, end):
    """The sentence of text holding the characters start..end, cut at line ends and sentence ends."""
    left = start
    while left > 0:
        c = text[left - 1]
        if c == "\n":
            break
        if c in ".!?" and is_sentence_end(text, left - 1):
            break
        left -= 1
    right = end
    while right < len(text):
        c = text[right]
        if c == "\n":
            break
        if c in ".!?" and is_sentence_end(text, right):
            right += 1
            break
        right += 1
    sentence = text[left:right].strip()
    if len(sentence) > MAX_SENTENCE_CHARS:
        mid = (start + end) // 2 - left
        lo = max(0, mid - MAX_SENTENCE_CHARS // 2)
        sentence = ("..." if lo > 0 else "") + sentence[lo:lo + MAX_SENTENCE_CHARS] + "..."
    return sentence


class Corpus:
    def __init__(self, path):
        self.texts = {}
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if not line:
                    continue
                article = json.loads(line)
                self.texts[article["id"]] = article.get("text", "")
        self._bytes = {}

    def sentence(self, mention):
        """The sentence around a mention {doc,start,end}, or "" when the document is unknown."""
        text = self.texts.get(mention["doc"])
        if text is None:
            return ""
        if mention["doc"] not in self._bytes:
            self._bytes[mention["doc"]] = text.encode("utf-8")
        raw = self._bytes[mention["doc"]]
        start = char_offset(raw, mention["start"])
        end = char_offset(raw, mention["end"])
        return sentence_around(text, start, end)


def degrees(graph):
    """node id -> number of edges touching it (a self-loop counts once)."""
    count = collections.Counter()
    for edge in graph["edges"]:
        count[edge["source"]] += 1
        if edge["target"] != edge["source"]:
            count[edge["target"]] += 1
    return count


def node_row(node, degree, corpus):
    mentions = node.get("mentions", [])
    documents = {m["doc"] for m in mentions}
    example = mentions[0] if mentions else None
    return [
        node["label"], node["type"], "; ".join(node.get("aliases", [])), node.get("frequency", len(mentions)),
        degree, len(documents), example["doc"] if example else "", corpus.sentence(example) if example else "",
    ]


NODE_HEADER = ["label", "type", "aliases", "frequency", "degree", "documents", "example_doc", "example_sentence"]
JOIN_HEADER = ["label", "type", "alias", "doc", "confidence", "sentence"]
DUPE_HEADER = ["rule", "label_a", "type_a", "frequency_a", "label_b", "type_b", "frequency_b", "shared_docs"]


def join_rows(graph, corpus):
    rows = []
    for node in sorted(graph["nodes"], key=lambda n: (n["label"], n["id"])):
        for join in node.get("joins", []):
            in_doc = [m for m in node.get("mentions", []) if m["doc"] == join["doc"]]
            exact = [m for m in in_doc if m.get("text") == join["alias"]]
            mention = (exact or in_doc or [None])[0]
            rows.append([node["label"], node["type"], join["alias"], join["doc"], join.get("confidence", ""),
                         corpus.sentence(mention) if mention else ""])
    return rows


def initials(label):
    words = [w for w in re.split(r"[\s\-]+", label) if w]
    skip = {"of", "the", "and", "for", "in", "on", "de", "du", "la", "des", "&"}
    return "".join(w[0] for w in words if w.lower() not in skip).upper()


def core_name(label):
    """The label lowercased without a leading "the" and trailing legal suffixes."""
    words = label.lower().replace(",", " ").split()
    if words and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
        words = words[:-1]
    return " ".join(words)


def dupe_candidates(graph):
    nodes = sorted(graph["nodes"], key=lambda n: (n["label"], n["id"]))
    freq = lambda n: n.get("frequency", len(n.get("mentions", [])))
    pairs = set()
    rows = []

    docs = {n["id"]: {m["doc"] for m in n.get("mentions", [])} for n in nodes}

    def add(rule, a, b):
        key = (rule, a["id"], b["id"])
        if key not in pairs:
            pairs.add(key)
            shared = len(docs[a["id"]] & docs[b["id"]])
            rows.append([rule, a["label"], a["type"], freq(a), b["label"], b["type"], freq(b), shared])

    by_last = collections.defaultdict(list)
    for n in nodes:
        words = n["label"].split()
        if n["type"] == "PERSON" and len(words) > 1:
            by_last[words[-1].lower()].append(n)
    for n in nodes:
        words = n["label"].split()
        if n["type"] == "PERSON" and len(words) == 1:
            for full in by_last.get(words[0].lower(), []):
                add("surname", n, full)
    by_initials = collections.defaultdict(list)
    for n in nodes:
        if len(n["label"].split()) > 1:
            by_initials[initials(n["label"])].append(n)
    for n in nodes:
        label = n["label"].replace(".", "")
        if 2 <= len(label) <= 8 and label.isupper() and " " not in label:
            for full in by_initials.get(label, []):
                add("initials", n, full)
    # A name of two words or more inside a longer name ("Lance Bottoms" / "Keisha Lance Bottoms"), when
    # both are of one type or occur in one document.
    by_words = collections.defaultdict(list)
    for n in nodes:
        words = n["label"].split()
        for i in range(len(words)):
            for j in range(i + 2, len(words) + 1):
                if j - i < len(words):
                    by_words[" ".join(words[i:j])].append(n)
    for n in nodes:
        for longer in by_words.get(n["label"], []):
            if longer["type"] == n["type"] or docs[n["id"]] & docs[longer["id"]]:
                add("contained", n, longer)
    by_core = collections.defaultdict(list)
    for n in nodes:
        by_core[core_name(n["label"])].append(n)
    for core, group in sorted(by_core.items()):
        for i in range(len(group)):
            for j in range(i + 1, len(group)):
                rule = "same-label" if group[i]["label"] == group[j]["label"] else "suffix/the"
                add(rule, group[i], group[j])
    return rows


def write_tsv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("\t".join(header) + "\n")
        for row in rows:
            f.write("\t".join(clean(v) for v in row) + "\n")


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     usage="%(prog)s EXPORT.json ARTICLES.jsonl OUTDIR [--prefix NAME]")
    parser.add_argument("export")
    parser.add_argument("articles")
    parser.add_argument("outdir")
    parser.add_argument("--prefix", default="wikinews")
    args = parser.parse_args(argv)

    with open(args.export, encoding="utf-8") as f:
        graph = json.load(f)
    corpus = Corpus(args.articles)
    degree = degrees(graph)
    nodes = graph["nodes"]

    top = sorted(nodes, key=lambda n: (-degree[n["id"]], n["label"], n["id"]))[:TOP_SIZE]
    by_id = sorted(nodes, key=lambda n: n["id"])
    sample = random.Random(SAMPLE_SEED).sample(by_id, min(SAMPLE_SIZE, len(by_id)))
    joins = join_rows(graph, corpus)

    os.makedirs(args.outdir, exist_ok=True)
    out = lambda name: os.path.join(args.outdir, "%s-%s.tsv" % (args.prefix, name))
    write_tsv(out("top50"), NODE_HEADER, [node_row(n, degree[n["id"]], corpus) for n in top])
    write_tsv(out("random50"), NODE_HEADER, [node_row(n, degree[n["id"]], corpus) for n in sample])
    write_tsv(out("joins"), JOIN_HEADER, joins)
    write_tsv(out("dupe-candidates"), DUPE_HEADER, dupe_candidates(graph))

    isolated = sum(1 for n in nodes if degree[n["id"]] == 0)
    print("entities: %d" % len(nodes))
    print("edges: %d" % len(graph["edges"]))
    print("isolated entities (degree 0): %d (%.1f%%)" % (isolated, 100.0 * isolated / len(nodes) if nodes else 0.0))
    print("cross-document joins: %d" % len(joins))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
