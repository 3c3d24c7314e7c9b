#!/usr/bin/env python3
"""Converts the named-entity corpora of the shared data folder into one token format.

The output trains and tests the averaged-perceptron BILOU entity recognizer. One file per split:

    -DOCSTART-<TAB>source<TAB>doc id
    token<TAB>COARSE<TAB>FINE
    <blank line between sentences>

COARSE is a valid BIO tag over PER, ORG, LOC, MISC; FINE is PERSON, COMPANY, ORGANIZATION, COUNTRY,
LOCATION, EVENT, PRODUCT, WORK or "-" (unknown), the same on every token of a span and "-" on O.
Only capitalized names are kept: a span without an upper-case letter (while it has lower-case ones) and
a span without any letter become O. The splits and the label mapping of each source are documented in
data/README.md ("Entity recognizer: training and test splits").

Usage: python3 scripts/ner_data.py [--shared ../shared/data] --out DIR [--labels] [--files]

Writes DIR/train.txt, DIR/test_{uner,wnut,crossner_politics,gum_news,redocred}.txt and DIR/stats.tsv
(also printed to stderr). --labels prints every raw label seen per source and what it became; --files
lists the input files read for each split. Standard library only; the output is deterministic.
"""
import argparse
import collections
import glob
import json
import os
import re
import sys

COARSE = ("PER", "ORG", "LOC", "MISC")
FINE = ("PERSON", "COMPANY", "ORGANIZATION", "COUNTRY", "LOCATION", "EVENT", "PRODUCT", "WORK", "-")
TEST_FILES = {  # source -> test file name
    "uner": "test_uner.txt",
    "wnut17": "test_wnut.txt",
    "crossner": "test_crossner_politics.txt",
    "gum": "test_gum_news.txt",
    "redocred": "test_redocred.txt",
}
FORBIDDEN = ("eval", "men-dev", "re3d-state-dept")  # never read (checked on every open)

# ---------------------------------------------------------------- label maps (raw -> coarse, fine)
# None = O. These tables are mirrored in data/README.md.
REDOCRED = {"PER": ("PER", "-"), "ORG": ("ORG", "-"), "LOC": ("LOC", "-"), "MISC": ("MISC", "-"),
            "TIME": None, "NUM": None}
CONLL4 = {"PER": ("PER", "-"), "ORG": ("ORG", "-"), "LOC": ("LOC", "-"), "MISC": ("MISC", "-")}
UNER = dict(CONLL4, OTH=("MISC", "-"))  # OTH is documented upstream; absent from these two files
BTC = {"PER": ("PER", "-"), "ORG": ("ORG", "-"), "LOC": ("LOC", "-")}
WNUT = {
    "person": ("PER", "PERSON"), "location": ("LOC", "LOCATION"), "corporation": ("ORG", "COMPANY"),
    "group": ("ORG", "ORGANIZATION"), "product": ("MISC", "PRODUCT"), "creative-work": ("MISC", "WORK"),
}
_CROSSNER_O = ("algorithm", "task", "field", "metrics", "theory", "discipline", "musicgenre",
               "literarygenre", "musicalinstrument", "chemicalcompound", "chemicalelement", "protein",
               "enzyme")  # concepts and common nouns, not names in the CoNLL sense
CROSSNER = dict(
    {k: ("PER", "PERSON") for k in
     ("person", "politician", "scientist", "writer", "musicalartist", "researcher")},
    organisation=("ORG", "-"), academicjournal=("ORG", "-"), magazine=("ORG", "-"),
    politicalparty=("ORG", "ORGANIZATION"), university=("ORG", "ORGANIZATION"),
    band=("ORG", "ORGANIZATION"),
    country=("LOC", "COUNTRY"), location=("LOC", "LOCATION"),
    election=("MISC", "EVENT"), event=("MISC", "EVENT"), conference=("MISC", "EVENT"),
    product=("MISC", "PRODUCT"), programlang=("MISC", "PRODUCT"),
    book=("MISC", "WORK"), poem=("MISC", "WORK"), song=("MISC", "WORK"), album=("MISC", "WORK"),
    award=("MISC", "-"), misc=("MISC", "-"), astronomicalobject=("MISC", "-"),
    **{k: None for k in _CROSSNER_O})
# GUM entity types; only mentions whose syntactic head is a name token give a name (gum_names).
GUM = {"person": ("PER", "PERSON"), "organization": ("ORG", "-"), "place": ("LOC", "-"),
       "event": ("MISC", "EVENT"), "object": ("MISC", "PRODUCT")}
# Capitalized title words stripped from the front of a GUM person name (UD tags them PROPN).
# Everything up to the last title word before the head goes ("Foreign Minister Sergei Lavrov").
TITLES = frozenset("""Mr Mrs Ms Miss Dr President Vice Prime Minister Senator Sen Governor Gov King
Queen Pope Sir Lord General Gen Secretary Chancellor Premier Judge Justice Rev Reverend Prof Professor
Mayor Ambassador Director Dame Rep Representative Congressman Congresswoman Chairman Chairwoman Captain
Capt Colonel Col Lieutenant Lt Sergeant Sgt Admiral Commissioner Emperor Empress Sheikh Deputy State
Foreign Defence Defense Attorney""".split())
# Words allowed inside a GUM name between two name tokens.
CONNECTORS = (("of",), ("&",), ("-",), ("de",), ("of", "the"), ("de", "la"), ("da",), ("du",),
              ("del",), ("van",), ("von",), ("for",), ("for", "the"), ("on",))
# In person names only these ("Charles de Gaulle"; not "Gary Chan of DAB", "Hilary of Poitiers").
PERSON_CONNECTORS = (("-",), ("de",), ("de", "la"), ("da",), ("du",), ("del",), ("van",), ("von",))


class Log:
    """Raw label bookkeeping: (source, raw label) -> Counter of outcomes."""

    def __init__(self):
        self.labels = collections.defaultdict(collections.Counter)
        self.files = collections.defaultdict(list)  # split -> input files

    def note(self, source, raw, outcome):
        self.labels[(source, raw)][outcome] += 1


LOG = Log()


def open_input(path, split):
    parts = os.path.normpath(path).split(os.sep)
    if any(p in FORBIDDEN for p in parts):
        raise SystemExit(f"refusing to read {path}")
    LOG.files[split].append(path)
    return open(path, encoding="utf-8")


def mapped(table, source, raw):
    """Looks a raw label up; unknown labels stop the script (the tables must be complete)."""
    if raw not in table:
        raise SystemExit(f"{source}: unknown label {raw!r}")
    res = table[raw]
    LOG.note(source, raw, "O" if res is None else "/".join(res))
    return res


# ---------------------------------------------------------------- readers
# A document is (doc_id, [(tokens, spans)]); a span is (start, end, coarse, fine), end exclusive.

def tags_to_spans(tags):
    """IOB1 or IOB2 tags -> (start, end, raw type); an I- after O or after another type opens a span."""
    spans, cur = [], None
    for i, tag in enumerate(tags + ["O"]):
        if tag == "O":
            if cur:
                spans.append(tuple(cur))
            cur = None
            continue
        prefix, sep, typ = tag.partition("-")
        if prefix not in ("B", "I") or not sep or not typ:
            raise SystemExit(f"bad tag {tag!r}")
        if prefix == "B" or cur is None or cur[2] != typ:
            if cur:
                spans.append(tuple(cur))
            cur = [i, i + 1, typ]
        else:
            cur[1] = i + 1
    return spans


def read_columns(path, split, sep=None):
    """CoNLL-like columns (token first, tag last). Returns a list of documents, each a list of
    sentences of (token, tag); a -DOCSTART- line starts a new document (empty ones are dropped)."""
    docs, sents, sent = [], [], []
    with open_input(path, split) as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                if sent:
                    sents.append(sent)
                sent = []
                continue
            cols = line.split(sep)
            if cols[0] == "-DOCSTART-":
                if sent:
                    sents.append(sent)
                if sents:
                    docs.append(sents)
                sents, sent = [], []
                continue
            if len(cols) < 2:
                raise SystemExit(f"{path}: bad line {line!r}")
            sent.append((cols[0], cols[-1].strip()))
    if sent:
        sents.append(sent)
    if sents:
        docs.append(sents)
    return docs


def convert_sents(source, table, sents):
    out = []
    for sent in sents:
        tokens = [t for t, _ in sent]
        spans = []
        for s, e, raw in tags_to_spans([tag for _, tag in sent]):
            res = mapped(table, source, raw)
            if res:
                spans.append((s, e) + res)
        out.append((tokens, spans))
    return out


def chunked(source, table, sents, size, prefix):
    docs = []
    for k in range(0, len(sents), size):
        docs.append((f"{prefix}#{k // size + 1}", convert_sents(source, table, sents[k:k + size])))
    return docs


def read_redocred(shared):
    out = {}
    for split, name in (("train", "dev_revised.json"), ("test", "test_revised.json")):
        with open_input(os.path.join(shared, "redocred", name), split) as f:
            data = json.load(f)
        docs = []
        for doc in data:
            cands = []  # (sent, start, end, coarse, fine, order)
            for ent in doc["vertexSet"]:
                for m in ent:
                    res = mapped(REDOCRED, "redocred", m["type"])
                    if res:
                        s, e = m["pos"]
                        cands.append((m["sent_id"], s, e) + res + (len(cands),))
            sents = [(list(toks), []) for toks in doc["sents"]]
            for sid, s, e, c, fi, _ in sorted(cands, key=lambda x: (x[0], x[1] - x[2], x[5])):
                sents[sid][1].append((s, e, c, fi))  # overlaps are resolved (longest first) later
            docs.append((doc["title"], sents))
        out[split] = docs
    return out


def read_uner(shared):
    out = {}
    for split, name in (("train", "en_ewt-ud-dev.iob2"), ("test", "en_ewt-ud-test.iob2")):
        docs, doc_id, sents, sent = [], None, [], []

        def flush_doc():
            if sents:
                docs.append((doc_id, convert_sents("uner", UNER, sents)))

        with open_input(os.path.join(shared, "uner-english-ewt", name), split) as f:
            for line in f:
                line = line.rstrip("\n")
                if line.startswith("# newdoc id = "):
                    flush_doc()
                    doc_id, sents = line[len("# newdoc id = "):].strip(), []
                elif line.startswith("#"):
                    continue
                elif not line.strip():
                    if sent:
                        sents.append(sent)
                    sent = []
                else:
                    cols = line.split("\t")
                    if not cols[0].isdigit():  # multiword ranges / empty nodes (none in practice)
                        continue
                    sent.append((cols[1], cols[2]))
            if sent:
                sents.append(sent)
            flush_doc()
        out[split] = docs
    return out


def read_wnut(shared):
    d = os.path.join(shared, "wnut17")
    out = {"train": [], "test": []}
    for split, name in (("train", "wnut17train.conll"), ("train", "emerging.dev.conll"),
                        ("test", "emerging.test.annotated")):
        sents = [s for doc in read_columns(os.path.join(d, name), split, "\t") for s in doc]
        out[split] += chunked("wnut17", WNUT, sents, 20, name)
    return out


def read_crossner(shared):
    out = {"train": [], "test": []}
    for dom in sorted(os.listdir(os.path.join(shared, "crossner"))):
        if not os.path.isdir(os.path.join(shared, "crossner", dom)):
            continue
        files = [("train", "train.txt"), ("train", "dev.txt")]
        if dom == "politics":
            files.append(("test", "test.txt"))  # other domains' test files are not read
        for split, name in files:
            path = os.path.join(shared, "crossner", dom, name)
            sents = [s for doc in read_columns(path, split, "\t") for s in doc]
            out[split] += chunked("crossner", CROSSNER, sents, 10, f"{dom}/{name[:-4]}")
    return out


def read_wikigold(shared):
    docs = read_columns(os.path.join(shared, "wikigold", "wikigold.conll.txt"), "train")
    return {"train": [(f"wikigold#{k + 1}", convert_sents("wikigold", CONLL4, d))
                      for k, d in enumerate(docs)]}


def read_btc(shared):
    out = []
    for path in sorted(glob.glob(os.path.join(shared, "btc", "*.conll"))):
        sents = [s for doc in read_columns(path, "train", "\t") for s in doc]
        out += chunked("btc", BTC, sents, 20, os.path.basename(path))
    return {"train": out}


def read_sec(shared):
    out = []
    for path in sorted(glob.glob(os.path.join(shared, "sec-filings", "*", "*.txt"))):
        rel = os.path.relpath(path, os.path.join(shared, "sec-filings"))
        for k, d in enumerate(read_columns(path, "train")):
            out.append((f"{rel}#{k + 1}", convert_sents("sec", CONLL4, d)))
    return {"train": out}


# ---------------------------------------------------------------- GUM
GUM_STATS = collections.Counter()


def parse_entity(value):
    """CorefUD bracket notation -> list of ("open", fields) / ("single", fields) / ("close", eid)."""
    ops, i = [], 0
    while i < len(value):
        if value[i] == "(":
            j = i + 1
            while j < len(value) and value[j] not in "()":
                j += 1
            fields = value[i + 1:j]
            if j < len(value) and value[j] == ")":
                ops.append(("single", fields))
                j += 1
            else:
                ops.append(("open", fields))
            i = j
        else:
            j = value.index(")", i)
            ops.append(("close", value[i:j]))
            i = j + 1
    return ops


def read_conllu(f):
    """One CoNLL-U document -> (newdoc id, sentences); a sentence is a list of word dicts (the words
    of multiword tokens; range lines and empty nodes are skipped)."""
    doc_id, sents, words = None, [], []
    for line in f:
        line = line.rstrip("\n")
        if line.startswith("# newdoc id = "):
            doc_id = line[len("# newdoc id = "):].strip()
        elif line.startswith("#"):
            continue
        elif not line.strip():
            if words:
                sents.append(words)
            words = []
        else:
            c = line.split("\t")
            if not c[0].isdigit():  # "3-4" multiword range, "3.1" empty node
                continue
            misc = dict(kv.split("=", 1) if "=" in kv else (kv, "") for kv in c[9].split("|"))
            words.append({"id": int(c[0]), "form": c[1], "upos": c[3], "xpos": c[4],
                          "head": int(c[6]), "entity": misc.get("Entity", "")})
    if words:
        sents.append(words)
    return doc_id, sents


def is_name_token(w):
    """PROPN, or a word that UD tags by its lexical class inside a name (XPOS NNP/NNPS):
    "United/VERB States", "Supreme/ADJ Court"."""
    return w["upos"] == "PROPN" or w["xpos"] in ("NNP", "NNPS")


ROMAN_RE = re.compile(r"[IVXLC]+")


def _number_ok(w, etype):
    """A number that may end a name: roman numerals ("World War II", "Henry VIII"); digits too
    except for persons ("Internet Explorer 6", "US 75")."""
    if w["upos"] != "NUM":
        return False
    return bool(ROMAN_RE.fullmatch(w["form"])) or (etype != "person" and w["form"].isdigit())


def name_run(words, s, e, h, etype):
    """Maximal run of name tokens inside [s, e) containing h, allowing CONNECTORS and single numbers
    between name tokens ("Bank of America", "London 2012 Olympics") and a final number."""
    def name(k):
        return s <= k < e and is_name_token(words[k])

    connectors = PERSON_CONNECTORS if etype == "person" else CONNECTORS

    def between(a, b):  # tokens a..b-1 may join two name tokens
        forms = tuple(w["form"].lower() for w in words[a:b])
        return forms in connectors or (b - a == 1 and words[a]["upos"] == "NUM")

    a = b = h  # inclusive
    grown = True
    while grown:
        grown = False
        for n in (0, 1, 2):
            if name(a - n - 1) and (n == 0 or between(a - n, a)):
                a, grown = a - n - 1, True
                break
    grown = True
    while grown:
        grown = False
        for n in (0, 1, 2):
            if name(b + n + 1) and (n == 0 or between(b + 1, b + n + 1)):
                b, grown = b + n + 1, True
                break
    if b + 1 < e and _number_ok(words[b + 1], etype):
        b += 1
    elif b + 2 < e and words[b + 1]["form"] == "-" and _number_ok(words[b + 2], etype):
        b += 2  # "STS - 1"
    return a, b + 1


def gum_names(words):
    """Name spans of one GUM sentence: (start, end, coarse, fine)."""
    mentions, stack = [], collections.defaultdict(list)
    for i, w in enumerate(words):
        for op, arg in parse_entity(w["entity"]):
            if op == "close":
                if not stack[arg]:
                    raise SystemExit(f"GUM: closing unopened entity {arg}")
                s, etype = stack[arg].pop()
                mentions.append((s, i + 1, etype))
            else:
                fields = arg.split("-", 7)
                if op == "single":
                    mentions.append((i, i + 1, fields[1]))
                else:
                    stack[fields[0]].append((i, fields[1]))
    if any(stack.values()):
        raise SystemExit("GUM: mention crosses a sentence boundary")
    spans = []
    for s, e, etype in sorted(mentions, key=lambda m: (m[0] - m[1], m[0])):  # outer mentions first
        ids = {words[k]["id"] for k in range(s, e)}
        heads = [k for k in range(s, e) if words[k]["head"] not in ids]
        heads = [k for k in heads if words[k]["upos"] != "PUNCT"] or heads
        h = heads[0]
        named = is_name_token(words[h])
        res = GUM.get(etype)
        LOG.note("gum", etype, ("/".join(res) if res else "O") +
                 (" (name head)" if named else " (head not a name: O)"))
        if not named or res is None:
            continue
        a, b = name_run(words, s, e, h, etype)
        if etype == "person":
            if words[h]["form"].rstrip(".") in TITLES:
                GUM_STATS["person: head is a title -> O"] += 1
                continue
            titles = [k for k in range(a, h) if words[k]["form"].rstrip(".") in TITLES]
            if titles:
                GUM_STATS["person: leading title stripped"] += 1
                a = titles[-1] + 1
                while a < h and not is_name_token(words[a]):  # a connector after the title
                    a += 1
            if a > s and words[a - 1]["form"].lower() in ("a", "an"):  # "a Christian", "a Fellow"
                GUM_STATS["person: after a/an -> O"] += 1
                continue
            if words[h]["xpos"] == "NNPS":  # "Americans", "Democrats": MISC in CoNLL
                GUM_STATS["person: plural name -> MISC"] += 1
                res = ("MISC", "-")
        if any((a, b) == sp[:2] for sp in spans):
            GUM_STATS["same name from an outer mention (kept once)"] += 1
            continue
        spans.append((a, b) + res)
    return spans


def read_gum(shared):
    out = {"train": [], "test": []}
    for path in sorted(glob.glob(os.path.join(shared, "gum", "GUM_*.conllu"))):
        split = "test" if os.path.basename(path).startswith("GUM_news_") else "train"
        with open_input(path, split) as f:
            doc_id, sents = read_conllu(f)
        doc_id = doc_id or os.path.basename(path)[:-len(".conllu")]
        out[split].append((doc_id, [([w["form"] for w in ws], gum_names(ws)) for ws in sents]))
    return out


READERS = {  # train order = sorted source names
    "btc": read_btc, "crossner": read_crossner, "gum": read_gum, "redocred": read_redocred,
    "sec": read_sec, "uner": read_uner, "wikigold": read_wikigold, "wnut17": read_wnut,
}

# ---------------------------------------------------------------- output
SPACE_RE = re.compile(r"[\s\u200b\u2060\ufeff]+")


def norm_token(tok):
    return SPACE_RE.sub(" ", tok).strip().replace(" ", "_")


def sent_key(tokens):
    """Identity of a sentence for the train/test duplicate check: its word tokens, case-folded,
    punctuation ignored; None for sentences under 8 words (too generic to count as a leak)."""
    words = [t.casefold() for t in map(norm_token, tokens) if any(ch.isalnum() for ch in t)]
    return " ".join(words) if len(words) >= 8 else None


class Writer:
    def __init__(self):
        self.stats = collections.defaultdict(collections.Counter)

    def doc_lines(self, source, split, doc_id, sents, exclude=frozenset()):
        """Output lines of one document; sentences whose sent_key is in exclude are left out."""
        st = self.stats[(source, split)]
        lines = [f"-DOCSTART-\t{source}\t{norm_token(doc_id)}"]
        nsent = 0
        for tokens, spans in sents:
            if exclude and sent_key(tokens) in exclude:
                st["test_sentences_dropped"] += 1
                continue
            toks = [norm_token(t) for t in tokens]
            keep = [i for i, t in enumerate(toks) if t]
            if not keep:
                continue
            tags = {}
            # longest first, then first in order: overlapping spans lose
            for s, e, coarse, fine in sorted(spans, key=lambda x: (x[0] - x[1], x[0])):
                assert coarse in COARSE and fine in FINE, (coarse, fine)
                idx = [i for i in range(s, e) if toks[i]]
                if not idx:
                    continue
                text = "".join(toks[i] for i in idx)
                letters = [ch for ch in text if ch.isalpha()]
                if not letters:
                    st["dropped_no_letter"] += 1
                    continue
                if not any(ch.isupper() for ch in letters) and any(ch.islower() for ch in letters):
                    st["dropped_lowercase"] += 1
                    continue
                if any(i in tags for i in range(s, e)):
                    st["overlap_dropped"] += 1
                    continue
                st[coarse] += 1
                for n, i in enumerate(idx):
                    tags[i] = (("B-" if n == 0 else "I-") + coarse, fine)
                for i in range(s, e):
                    tags.setdefault(i, None)  # empty tokens inside the span: blocked for others
            for i in keep:
                tag = tags.get(i) or ("O", "-")
                lines.append(f"{toks[i]}\t{tag[0]}\t{tag[1]}")
            lines.append("")
            nsent += 1
            st["tokens"] += len(keep)
        if nsent == 0:
            return []
        st["documents"] += 1
        st["sentences"] += nsent
        return lines


def check_output(path):
    """Validates one output file; returns (documents, sentences, tokens)."""
    errors, ndoc, nsent, ntok = [], 0, 0, 0
    prev = ("O", "-")
    in_sent = False
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line:
                if not in_sent:
                    errors.append(f"{n}: empty sentence")
                nsent += in_sent
                in_sent, prev = False, ("O", "-")
                continue
            cols = line.split("\t")
            if len(cols) != 3 or not all(cols):
                errors.append(f"{n}: not 3 columns")
                continue
            if cols[0] == "-DOCSTART-":
                if in_sent:
                    errors.append(f"{n}: DOCSTART inside a sentence")
                ndoc += 1
                continue
            if ndoc == 0:
                errors.append(f"{n}: token before the first DOCSTART")
            tok, tag, fine = cols
            in_sent = True
            ntok += 1
            if tag != "O" and (tag[:2] not in ("B-", "I-") or tag[2:] not in COARSE):
                errors.append(f"{n}: bad tag {tag}")
            if fine not in FINE or (tag == "O" and fine != "-"):
                errors.append(f"{n}: bad fine type {fine} for {tag}")
            if tag.startswith("I-") and (prev[0] == "O" or prev[0][2:] != tag[2:] or prev[1] != fine):
                errors.append(f"{n}: invalid I- after {prev}")
            prev = (tag, fine)
    if in_sent:
        errors.append("file does not end with a blank line")
    if errors:
        raise SystemExit(f"{path}: {len(errors)} errors, first: {errors[:5]}")
    return ndoc, nsent, ntok


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default="../shared/data", help="shared data folder")
    ap.add_argument("--out", required=True, help="output folder")
    ap.add_argument("--labels", action="store_true", help="print the raw label mapping to stderr")
    ap.add_argument("--files", action="store_true", help="print the input files per split")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)

    w = Writer()
    train, tests = [], {}
    for source in sorted(READERS):
        splits = READERS[source](args.shared)
        # A train sentence that repeats a test sentence of the same source is left out (CrossNER's
        # literature dev holds sentences of the politics test set).
        test_keys = {sent_key(toks) for _, sents in splits.get("test", []) for toks, _ in sents}
        test_keys.discard(None)
        for split in ("train", "test"):
            for doc_id, sents in splits.get(split, []):
                exclude = test_keys if split == "train" else frozenset()
                lines = w.doc_lines(source, split, doc_id, sents, exclude)
                (train if split == "train" else tests.setdefault(source, [])).extend(lines)

    # No test document may be read for train (file level) or be repeated in it (sentence level).
    train_files, test_files = set(LOG.files["train"]), set(LOG.files["test"])
    assert not train_files & test_files, train_files & test_files
    assert not any(os.path.basename(p).startswith("GUM_news_") for p in train_files)
    assert all(os.path.basename(p).startswith("GUM_news_") for p in test_files if "/gum/" in p)

    outputs = {"train.txt": train}
    outputs.update({TEST_FILES[s]: lines for s, lines in tests.items()})
    for name, lines in outputs.items():
        with open(os.path.join(args.out, name), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n" if lines else "")
        check_output(os.path.join(args.out, name))

    def sent_keys(lines):
        keys, cur = set(), []
        for line in lines + [""]:
            if not line:
                keys.add(sent_key(cur))
                cur = []
            elif not line.startswith("-DOCSTART-\t"):
                cur.append(line.split("\t", 1)[0])
        keys.discard(None)
        return keys

    train_keys = sent_keys(train)

    cols = ["documents", "sentences", "tokens", "PER", "ORG", "LOC", "MISC", "dropped_lowercase",
            "dropped_no_letter", "overlap_dropped", "test_sentences_dropped"]
    rows = ["source\tsplit\t" + "\t".join(cols)]
    tot = collections.Counter()
    for (source, split) in sorted(w.stats, key=lambda k: (k[1] != "train", k[0])):
        st = w.stats[(source, split)]
        if split == "train":
            tot.update(st)
        rows.append(f"{source}\t{split}\t" + "\t".join(str(st[c]) for c in cols))
    rows.append("ALL\ttrain\t" + "\t".join(str(tot[c]) for c in cols))
    with open(os.path.join(args.out, "stats.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(rows) + "\n")
    print("\n".join(rows), file=sys.stderr)
    for source, lines in sorted(tests.items()):
        dup = len(sent_keys(lines) & train_keys)
        print(f"{TEST_FILES[source]}: {dup} test sentences (>= 8 words) also occur in train",
              file=sys.stderr)
    for k, v in sorted(GUM_STATS.items()):
        print(f"gum: {k}: {v}", file=sys.stderr)
    if args.labels:
        for (source, raw), c in sorted(LOG.labels.items()):
            outs = ", ".join(f"{o} x{n}" for o, n in c.most_common())
            print(f"label\t{source}\t{raw}\t{outs}", file=sys.stderr)
    if args.files:
        for split in ("train", "test"):
            for p in LOG.files[split]:
                print(f"file\t{split}\t{p}", file=sys.stderr)


if __name__ == "__main__":
    main()
