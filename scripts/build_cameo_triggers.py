#!/usr/bin/env python3
"""Builds data/triggers_cameo.tsv from the PETRARCH2 CAMEO verb dictionary (MIT, Open Event Data Alliance).

CAMEO groups verbs in blocks ("---  SUPPORT   [050]  ---") whose verbs take the block's event code unless
a verb line gives its own ("ENDORSE [051]"); pattern lines ("- * SANCTIONS [163]") add an object noun.
The event codes that correspond to libkg predicates come from data/predicates.tsv's cameo column (one code,
one predicate: the longest prefix wins; ":inv" swaps subject and object); every other code is skipped.
Only plain words and simple {word word} phrases are used: CAMEO's synsets (&X), optional groups and
anchors need its own parser and are skipped. Verb forms are the base plus regular inflections, or the
irregular forms CAMEO lists in braces.

Usage: scripts/build_cameo_triggers.py [CAMEO.2.0.txt] > data/triggers_cameo.tsv
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The verbs of each predicate's CAMEO codes that, in the active voice, state the predicate between a named
# subject and a named object. CAMEO files a verb under an event type when it often comes with one ("delay"
# and "table" under accuse, "arrive" and "think" under consult, "die" under attack): those would be wrong
# edges here, so each predicate keeps only the verbs listed (reviewed by hand against the dictionary).
# "announced" and "proposed" (CAMEO 01, 03) relate a speaker to a statement, not to a name: left to
# triggers.tsv.
KEEP = {
    "accuses": "accuse blame charge fault implicate",
    "arrests": "apprehend arrest detain imprison indict jail prosecute rearrest",
    "attacks": "abduct ambush assail assault attack besiege bomb bombard invade kidnap raid shell",
    "calls_on": "appeal ask beg entreat exhort implore petition plead press request urge",
    "cooperates_with": "ally collaborate cooperate coordinate",
    "criticizes": "admonish berate castigate censure chastise chide condemn criticise criticize denounce deplore "
                  "deride disparage lambaste rebuke reprimand reproach ridicule scold",
    "investigates": "audit examine inspect interrogate investigate probe scrutinize",
    "meets": "confer consult meet telephone phone",
    "opposes": "defy",
    "praised": "acclaim applaud commend compliment congratulate extol hail laud praise salute thank",
    "restricts": "blacklist",
    "sanctions": "boycott",
    "supports": "defend protect rescue safeguard shield",
    "threatens": "endanger threaten warn",
    "visits": "visit host",
}
KEEP = {p: set(v.split()) for p, v in KEEP.items()}


def load_codes():
    """CAMEO code prefix -> (predicate, subject types, object types, reverse), from data/predicates.tsv."""
    codes, header = {}, None
    with open(os.path.join(ROOT, "data", "predicates.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                if "predicate\t" in line:
                    header = line.lstrip("# ").rstrip("\n").split("\t")
                continue
            row = dict(zip(header, line.rstrip("\n").split("\t")))
            for spec in row.get("cameo", "").split():
                code, *opts = spec.split(":")
                subj, obj = types(row["subject"]), types(row["object"])
                # ":inv": the verb's subject is the predicate's object ("China hosted Putin": Putin visits
                # China); triggers.tsv's type columns are the verb's left and right arguments.
                if "inv" in opts and row["predicate"] == "visits":
                    # One hosted is a person or a country's delegation: a show or a town hall "hosted by" a
                    # presenter is no visit ("the X Show, hosted by Jon Bell").
                    subj = "PERSON,COUNTRY"
                codes[code] = (row["predicate"], obj, subj, True) if "inv" in opts else (row["predicate"], subj, obj, False)
    return codes


def types(spec):
    """A predicate-table type list in triggers.tsv's spelling (ACTOR is understood there)."""
    out = []
    for t in spec.split("|"):
        out += {"ORG": ["COMPANY", "ORGANIZATION"], "PLACE": ["COUNTRY", "LOCATION"],
                "ANY": ["ACTOR", "LOCATION", "EVENT", "PRODUCT", "POLICY"]}.get(t, [t])
    return ",".join(out)


CODES = load_codes()


def predicate_of(code):
    for n in (4, 3, 2):
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
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "data", "petrarch2", "CAMEO.2.0.txt")
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
            block_code = m.group(2).split(":")[0]
            verbs = []
            continue
        if not line.strip():
            continue
        # A verb line: BASE, or +PHRASAL_VERB, with its irregular forms in braces and its own code.
        m = re.match(r"^\+?([A-Z][A-Z_]*)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?\s*$", line.strip())
        if m and not line.startswith("-"):
            base = m.group(1).replace("_", " ").lower()
            listed = [f.lstrip("+").lower().replace("_", " ") for f in m.group(2)[1:-1].split()] if m.group(2) else []
            forms = [base] + listed if listed else inflect_phrase(base)
            code = (m.group(3)[1:-1] if m.group(3) else block_code or "").split(":")[0]
            verbs.append((forms, code))
            pred = predicate_of(code)
            if pred and base.split()[0] in KEEP.get(pred[0], ()):
                for f in forms:
                    rows.setdefault((f, pred[0]), (pred[1], pred[2], "verb,reverse" if pred[3] else "verb"))
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
    print("# see data/LICENSE.petrarch2) by scripts/build_cameo_triggers.py: the verbs of each predicate's CAMEO")
    print("# codes (data/predicates.tsv, longest prefix wins) that the script keeps, with their inflections.")
    print("# Same columns as triggers.tsv; triggers.tsv is read first and wins where both list a form.")
    for (form, pred), (subj, obj, opts) in sorted(rows.items()):
        print(f"{form}\t{pred}\t{subj}\t{obj}\t{opts}")


def inflect_phrase(phrase):
    """Inflections of a verb phrase: its first word inflected ("meet with" -> "met with" is listed by CAMEO)."""
    first, _, rest = phrase.partition(" ")
    return [f + (" " + rest if rest else "") for f in inflect(first)]


main()
