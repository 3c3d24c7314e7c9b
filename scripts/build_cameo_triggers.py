#!/usr/bin/env python3
"""Builds data/triggers_cameo.tsv from the PETRARCH2 CAMEO verb dictionary (MIT, Open Event Data Alliance).

CAMEO groups verbs in blocks ("---  SUPPORT   [050]  ---") whose verbs take the block's event code unless
a verb line gives its own ("ENDORSE [051]"); pattern lines ("- * SANCTIONS [163]") add an object noun.
The event codes that correspond to libkg predicates are mapped below; every other code is skipped.
Only plain words and simple {word word} phrases are used: CAMEO's synsets (&X), optional groups and
anchors need its own parser and are skipped. Verb forms are the base plus regular inflections, or the
irregular forms CAMEO lists in braces.

Usage: scripts/build_cameo_triggers.py [CAMEO.2.0.txt] > data/triggers_cameo.tsv
"""
import re
import sys

# CAMEO code prefix -> (predicate, subject types, object types). Longest prefix wins.
CODES = {
    "057": ("signed", "ACTOR", "POLICY"),
    "163": ("sanctions", "COUNTRY,ORGANIZATION,LOCATION", "COUNTRY,COMPANY,PERSON,ORGANIZATION"),
    "071": ("supports", "ACTOR", "ACTOR,LOCATION"),
    "073": ("supports", "ACTOR", "ACTOR,LOCATION"),
    "074": ("supports", "ACTOR", "ACTOR,LOCATION"),
}


def predicate_of(code):
    for n in (4, 3):
        if code[:n] in CODES:
            return CODES[code[:n]]
    return None


def inflect(base):
    b = base.lower()
    if b.endswith("e"):
        return [b, b + "s", b + "d", b[:-1] + "ing"]
    if b.endswith("y") and len(b) > 2 and b[-2] not in "aeiou":
        return [b, b[:-1] + "ies", b[:-1] + "ied", b + "ing"]
    if re.search(r"(s|sh|ch|x|z)$", b):
        return [b, b + "es", b + "ed", b + "ing"]
    return [b, b + "s", b + "ed", b + "ing"]


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/petrarch2/CAMEO.2.0.txt"
    rows = {}
    block_code = None
    verbs = []  # (forms, code) of the current block
    in_verbs = False
    for raw in open(path, encoding="utf-8", errors="replace"):
        line = raw.split("#", 1)[0].rstrip()
        if "VERB PATTERNS" in raw:
            in_verbs = True
            continue
        if not in_verbs:
            continue
        m = re.match(r"^---\s+(\S.*?)\s+\[([^\]]*)\]\s+---", line)
        if m:
            block_code = m.group(2)
            verbs = []
            continue
        if not line.strip():
            continue
        m = re.match(r"^([A-Z][A-Z_]*)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?\s*$", line.strip())
        if m and not line.startswith("-"):
            base = m.group(1).replace("_", " ")
            forms = inflect(base) if not m.group(2) else [base.lower()] + [f.lower().replace("_", " ") for f in m.group(2)[1:-1].split()]
            code = m.group(3)[1:-1] if m.group(3) else block_code
            verbs.append((forms, code))
            pred = predicate_of(code or "")
            if pred:
                for f in forms:
                    rows.setdefault((f, pred[0]), (pred[1], pred[2], "verb"))
            continue
        m = re.match(r"^-\s+\*\s+(\{[A-Z ]+\}|[A-Z]+)\s+\[([0-9]+)(?::[0-9]+)?\]\s*$", line)
        if m:
            pred = predicate_of(m.group(2))
            # Object-noun patterns are reliable for sanctions and signing ("impose sanctions", "sign
            # treaty"); for aid and praise they attach to so many verbs that they mostly add noise.
            if not pred or m.group(2)[:3] not in ("163", "057"):
                continue
            noun = m.group(1).strip("{}").lower()
            for forms, _ in verbs:
                for f in forms:
                    rows.setdefault((f + " " + noun, pred[0]), (pred[1], pred[2], "verb"))
    print("# Relation triggers derived from the PETRARCH2 CAMEO verb dictionary (MIT, Open Event Data Alliance;")
    print("# see data/LICENSE.petrarch2) by scripts/build_cameo_triggers.py. Same columns as triggers.tsv;")
    print("# triggers.tsv is read first and wins where both list a form.")
    for (form, pred), (subj, obj, opts) in sorted(rows.items()):
        print(f"{form}\t{pred}\t{subj}\t{obj}\t{opts}")


main()
