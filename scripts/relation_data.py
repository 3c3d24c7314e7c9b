#!/usr/bin/env python3
"""Training data for the relation classifier (tools/train/train_relations.cpp), from open data in ../shared/data:

  Re-DocRED dev_revised  every pair of entity mentions in a sentence: the pair's mapped predicate when a
                         labelled triple has this sentence as evidence (or has no evidence and both entities
                         occur here), "none" when the entities have no labelled relation (or only unmapped
                         ones); a triple whose evidence lies elsewhere leaves the pair out (unknown here).
  TypeRE dev, test and   sentence-level instances (h, t, relation), mapped by the same table; NA and
  AggregatedNewsRE       unmapped relations give "none".

Wikidata properties map to predicates through data/predicates.tsv's wikidata column (":inv" swaps the
arguments, ":S=TYPE" requires the subject's type). Re-DocRED test_revised and FewRel are left for measuring.

Output, one block per sentence (deterministic; tokens never hold spaces or tabs):
  S <tab> source <tab> tokens joined by single spaces
  P <tab> label <tab> b1 <tab> e1 <tab> T1 <tab> b2 <tab> e2 <tab> T2
with mention 1 before mention 2 in the sentence, T in PER ORG LOC MISC, and label "none", "PRED>" (mention 1
is the subject) or "PRED<" (mention 2 is the subject).

Usage: scripts/relation_data.py [SHARED_DATA_DIR] > /tmp/relations.train
"""
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "data")

# Coarse types of the sources, as the recognizer's coarse classes.
COARSE = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC",
          "Person": "PER", "Organization": "ORG", "Location": "LOC", "Work": "MISC", "Sport": "MISC",
          "Occupation": None, "TIME": None, "NUM": None}
# What each predicate-table type group admits, in coarse classes.
GROUP = {"PERSON": {"PER"}, "COMPANY": {"ORG"}, "ORGANIZATION": {"ORG"}, "ORG": {"ORG"}, "COUNTRY": {"LOC"},
         "LOCATION": {"LOC"}, "PLACE": {"LOC"}, "EVENT": {"MISC"}, "PRODUCT": {"MISC"}, "POLICY": {"MISC"},
         "ACTOR": {"PER", "ORG", "LOC"}, "ANY": {"PER", "ORG", "LOC", "MISC"}}
# TypeRE relation names as Wikidata properties (those without a counterpart in the table map to none).
TYPERE = {"person_Parent": "P22", "person_Child": "P40", "person_Partner": "P26", "person_Sibling": "P3373",
          "person_CountryOfCitizenship": "P27", "person_Residence": "P551", "location_PartOf": "P361",
          "politician_MemberOfPoliticalParty": "P102", "administrativearea_HeadOfGovernment": "P6",
          "professional_Employer": "P108", "organization_OwnerOf": "P1830", "organization_FoundedBy": "P112"}


def groups(spec):
    out = set()
    for g in spec.split("|"):
        out |= GROUP[g]
    return out


def load_table():
    """property -> list of (predicate, inverse, subject coarse type or None, subject types, object types)."""
    table = {}
    with open(os.path.join(ROOT, "data", "predicates.tsv"), encoding="utf-8") as f:
        header = None
        for line in f:
            if line.startswith("#"):
                if "predicate\t" in line:
                    header = line.lstrip("# ").rstrip("\n").split("\t")
                continue
            cols = line.rstrip("\n").split("\t")
            row = dict(zip(header, cols))
            for spec in row.get("wikidata", "").split():
                parts = spec.split(":")
                prop, inv, subj = parts[0], "inv" in parts[1:], None
                for p in parts[1:]:
                    if p.startswith("S="):
                        subj = GROUP[p[2:]]
                table.setdefault(prop, []).append((row["predicate"], inv, subj, groups(row["subject"]), groups(row["object"])))
    return table


TABLE = load_table()


def mapped(prop, h_type, t_type):
    """(predicate, h is the subject) for property prop between h and t, or None."""
    for pred, inv, subj, s_types, o_types in TABLE.get(prop, []):
        s, o = (t_type, h_type) if inv else (h_type, t_type)
        if subj is not None and (h_type not in subj):
            continue
        # A place-in-place "part of" is located_in, and an organization "located in" a place is based_in:
        # the table names each predicate's subject type, the sources do not.
        if pred == "part_of" and s == "LOC" and o == "LOC":
            pred, s_types, o_types = "located_in", {"LOC"}, {"LOC"}
        if pred == "located_in" and s == "ORG":
            pred, s_types = "based_in", {"ORG"}
        if s in s_types and o in o_types:
            return pred, not inv
    return None


def clean(tok):
    t = tok.replace("\t", " ").strip().replace(" ", "_")
    return t if t else "_"


def label_for(pred_dir, first_is_h):
    if pred_dir is None:
        return "none"
    pred, h_is_subject = pred_dir
    return pred + (">" if h_is_subject == first_is_h else "<")


def emit(out, source, tokens, pairs):
    if not pairs:
        return
    out.write("S\t%s\t%s\n" % (source, " ".join(clean(t) for t in tokens)))
    for label, (b1, e1, t1), (b2, e2, t2) in pairs:
        out.write("P\t%s\t%d\t%d\t%s\t%d\t%d\t%s\n" % (label, b1, e1, t1, b2, e2, t2))


def redocred(out, path):
    docs = json.load(open(path, encoding="utf-8"))
    for doc in docs:
        ents = doc["vertexSet"]
        etype = [COARSE.get(e[0]["type"]) for e in ents]
        rel = {}      # (h, t) -> list of (prop, evidence)
        for lab in doc["labels"]:
            rel.setdefault((lab["h"], lab["t"]), []).append((lab["r"], set(lab.get("evidence", []))))
        for s, toks in enumerate(doc["sents"]):
            here = []  # (b, e, entity)
            for k, e in enumerate(ents):
                if etype[k] is None:
                    continue
                for m in e:
                    if m["sent_id"] == s:
                        here.append((m["pos"][0], m["pos"][1], k))
            here.sort()
            pairs, done = [], set()
            for i in range(len(here)):
                for j in range(i + 1, len(here)):
                    a, b = here[i], here[j]
                    if a[2] == b[2] or a[1] > b[0] or (a[2], b[2]) in done:
                        continue
                    done.add((a[2], b[2]))
                    done.add((b[2], a[2]))
                    label, unknown = "none", False
                    for h, t in ((a[2], b[2]), (b[2], a[2])):
                        for prop, ev in rel.get((h, t), []):
                            m = mapped(prop, etype[h], etype[t])
                            if m is None:
                                continue
                            if ev and s not in ev:
                                unknown = True
                                continue
                            if label == "none":
                                label = label_for(m, h == a[2])
                    if label == "none" and unknown:
                        continue
                    pairs.append((label, (a[0], a[1], etype[a[2]]), (b[0], b[1], etype[b[2]])))
            emit(out, "redocred", toks, pairs)


def typere(out, path, source):
    with open(path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            h, t = d["h"], d["t"]
            ht, tt = COARSE.get(h["type"]), COARSE.get(t["type"])
            if ht is None or tt is None:
                continue
            hb, he = h["pos"]
            tb, te = t["pos"]
            if not (he <= tb or te <= hb) or max(he, te) > len(d["token"]):
                continue
            prop = TYPERE.get(d["relation"])
            m = mapped(prop, ht, tt) if prop else None
            first_is_h = hb < tb
            label = label_for(m, first_is_h)
            a, b = ((hb, he, ht), (tb, te, tt)) if first_is_h else ((tb, te, tt), (hb, he, ht))
            emit(out, source, d["token"], [(label, a, b)])


def main():
    out = sys.stdout
    redocred(out, os.path.join(DATA, "redocred", "dev_revised.json"))
    for name in ("typere_dev.jsonl", "typere_test.jsonl", "aggregated_news_re.jsonl"):
        typere(out, os.path.join(DATA, "typere", name), "typere")


if __name__ == "__main__":
    main()
