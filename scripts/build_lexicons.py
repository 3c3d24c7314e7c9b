#!/usr/bin/env python3
"""Builds data/gazetteer.tsv and data/roles.tsv from public sources (run by hand, never at build time).

Sources
  * Debian iso-codes (LGPL-2.1+): /usr/share/iso-codes/json/iso_3166-1.json and iso_3166-2.json
  * PETRARCH2 dictionaries (MIT, (c) 2014 Open Event Data Alliance): Phoenix.Countries.actors.txt,
    Phoenix.International.actors.txt, Phoenix.agents.txt (format: dictionaries.rst in the same folder)

No name is typed in this script: every surface form comes from those files through the general rules
below (see data/README.md for the rules and their known misses). Output is sorted and deterministic.

Usage: scripts/build_lexicons.py [--iso-dir DIR] [--petrarch-dir DIR] [--out-dir DIR]
"""

import argparse
import collections
import difflib
import json
import os
import re
import sys
import unicodedata

# ----------------------------------------------------------------------------------------------
# Generic English rules (grammar words and suffixes, not names)

SMALL_WORDS = {"of", "the", "and", "for", "in", "on", "at", "to", "by", "de", "du", "des", "del", "la", "le",
               "da", "do", "dos", "das", "van", "von", "der", "y", "e", "et", "a", "an"}
VOWELS = set("AEIOU")
# nationality-adjective endings (checked on the last word; plural nouns "-ans", "-is" are reduced first)
DEMONYM_SUFFIXES = ("ese", "ian", "ean", "an", "ish", "i", "ic", "ch", "sh", "iot", "ard")
GOV_ROLES = {"GOV", "LEG", "JUD", "MIL", "COP", "SPY"}
FUZZY_RATIO = 0.85

INITIALS_RE = re.compile(r"^(?:[A-Z]\.)+[A-Z]?\.?$")


def squash(s):
    """Underscores to spaces, collapse blanks, trim stray punctuation at the ends."""
    s = s.replace("_", " ")
    s = re.sub(r"\s+", " ", s).strip()
    s = s.strip("-,;: ").lstrip("'")
    return s


def letters(s):
    return "".join(c for c in s.upper() if c.isalpha())


def is_latin(s):
    for c in s:
        if c.isalpha():
            if ord(c) < 128:
                continue
            if not unicodedata.name(c, "").startswith("LATIN"):
                return False
        elif not (c in " -'.’ʻ" or c.isdigit()):
            return False
    return True


def cap_word(w):
    """'PEOPLE'S' -> People's, 'XI'AN' -> Xi'an, 'O'NEILL' -> O'Neill, 'KI-MOON' -> Ki-Moon."""
    parts = w.split("-")
    out = []
    for p in parts:
        if "'" in p:
            head, _, tail = p.partition("'")
            if len(head) == 1 and len(tail) >= 2:  # O'Neill, D'Amato
                out.append(head.upper() + "'" + tail[:1].upper() + tail[1:].lower())
            else:
                out.append(head[:1].upper() + head[1:].lower() + "'" + tail.lower())
        else:
            out.append(p[:1].upper() + p[1:].lower())
    return "-".join(out)


def natural_case(phrase, codes=frozenset(), acronyms=frozenset(), org_acronym=False):
    """Converts an upper-case PETRARCH phrase (spaces already) to natural case.

    Rules: dotted initials ("U.S.", "D.C.", "K.") stay upper; a letters-only token stays upper when it has
    <= 5 letters and no vowel, when (codes given) it has <= 4 letters and is an ISO alpha-2/alpha-3 code,
    when it is a known acronym of the entity (`acronyms`), or when `org_acronym` (a one-token IGO/NGO entry
    of <= 6 letters); grammar words (of, the, and, for, ...) are lower-case inside a name; other words are
    capitalised (hyphen and apostrophe parts too).
    """
    toks = phrase.split(" ")
    out = []
    for i, t in enumerate(toks):
        u = t.upper()
        if INITIALS_RE.match(u):
            out.append(u)
            continue
        if i > 0 and t.lower() in SMALL_WORDS:
            out.append(t.lower())
            continue
        if u.isalpha() and (
            (len(u) <= 5 and not (set(u) & VOWELS) and len(u) >= 2)
            or (len(u) <= 4 and u in codes)
            or u in acronyms
            or (org_acronym and len(toks) == 1 and len(u) <= 6)
        ):
            out.append(u)
            continue
        if i > 0 and t.lower() in SMALL_WORDS:
            out.append(t.lower())
            continue
        out.append(cap_word(t))
    return " ".join(out)


def junk(surface, allow_acronym=False):
    """Entries with parentheses, digits or fewer than 3 letters (unless dotted initials) are dropped."""
    if re.search(r"[()\[\]\d,/;#\ufffd]", surface):
        return True
    n = len(letters(surface))
    if n < 3 and not allow_acronym and not INITIALS_RE.match(surface.replace(" ", "")):
        return True
    return n == 0


# ----------------------------------------------------------------------------------------------
# PETRARCH actor files

Entry = collections.namedtuple("Entry", "name aliases codes comment line")


def strip_comment(line):
    i = line.find("#")
    if i < 0:
        return line, ""
    return line[:i], line[i + 1:]


CODE_RE = re.compile(r"\[([^\]\}]*)[\]\}]")


def parse_codes(text):
    """'[CHNGOV >20121115] [ELI]' -> [('CHNGOV', '>20121115'), ('ELI', '')]."""
    out = []
    for m in CODE_RE.finditer(text):
        parts = m.group(1).split()
        if parts:
            out.append((parts[0].strip("~"), " ".join(parts[1:])))
    return out


def parse_actors(path):
    """Returns entries in file order. A record is a primary phrase, '+' synonym lines and tab-indented
    code lines. A primary with no code anywhere that directly follows another record (no blank line
    between) continues that record as a synonym (e.g. "UN_ [IGOUNO]" then "U.N._")."""
    entries = []
    cur = None
    blank_before = True
    with open(path, encoding="utf-8", errors="replace") as f:
        for n, raw in enumerate(f, 1):
            raw = raw.rstrip("\n\r")
            if not raw.strip():
                blank_before = True
                continue
            if raw.lstrip().startswith("#"):
                blank_before = True
                continue
            body, comment = strip_comment(raw)
            if raw.startswith("+"):
                if cur is not None:
                    name = squash(re.sub(r"\[.*", "", body[1:]))
                    if name:
                        cur["aliases"].append(name.upper())
                    cur["codes"].extend(parse_codes(body))
                continue
            if raw[0] in " \t":
                if cur is not None:
                    cur["codes"].extend(parse_codes(body))
                    if comment:
                        cur["comment"] += " " + comment
                continue
            m = re.match(r"([^\[]+)(.*)", body)
            if not m:
                continue
            name = squash(m.group(1)).upper()
            cur = {"name": name, "aliases": [], "codes": parse_codes(m.group(2)), "comment": comment, "line": n,
                   "glued": not blank_before}
            entries.append(cur)
            blank_before = False
    # a code-less phrase with no synonyms glued to the previous record (no blank line between) is a
    # synonym of that record
    merged = []
    for e in entries:
        if not e["codes"] and not e["aliases"] and e["glued"] and merged and merged[-1]["codes"]:
            merged[-1]["aliases"].append(e["name"])
            continue
        merged.append(e)
    entries = merged
    return [Entry(e["name"], e["aliases"], e["codes"], e["comment"], e["line"]) for e in entries if e["name"]]


# ----------------------------------------------------------------------------------------------
# ISO 3166

def load_iso(iso_dir):
    with open(os.path.join(iso_dir, "iso_3166-1.json"), encoding="utf-8") as f:
        c1 = json.load(f)["3166-1"]
    with open(os.path.join(iso_dir, "iso_3166-2.json"), encoding="utf-8") as f:
        c2 = json.load(f)["3166-2"]
    return c1, c2


def iso_names(c):
    return [c[k] for k in ("name", "common_name", "official_name") if c.get(k)]


def usable_name(s):
    return not re.search(r"[,()\[\]]", s)


# ----------------------------------------------------------------------------------------------

class Gazetteer:
    """(surface, type) -> (priority, canonical, country, flags); lower priority wins."""

    def __init__(self):
        self.rows = {}
        self.conflicts = collections.Counter()
        self.regions = {}  # (surface, "LOCATION") -> the first-level division a town lies in

    def add(self, surface, typ, canonical, country, flags=(), prio=5):
        surface = surface.strip()
        if not surface:
            return
        key = (surface, typ)
        flags = set(flags)
        old = self.rows.get(key)
        if old is None:
            self.rows[key] = [prio, canonical, country, flags]
            return
        if (old[1], old[2]) == (canonical, country):
            old[0] = min(old[0], prio)
            old[3] |= flags
            return
        self.conflicts[typ] += 1
        if (prio, canonical, country) < (old[0], old[1], old[2]):
            self.rows[key] = [prio, canonical, country, flags]


def initials(words):
    return "".join(w[0] for w in words if w and w.lower() not in SMALL_WORDS and w[0].isalpha())


_GIVEN = None
# Words of a person's title: "STATE DEPARTMENT OFFICIAL", "CHAIRMAN OF THE FEDERATION COUNCIL" name no body.
PERSON_WORD = re.compile(r"\b(OFFICIALS?|SPOKES(MAN|WOMAN|PERSON)|CHAIRM[AE]N|MINISTER|SECRETARY|PRESIDENT|DIRECTOR|"
                         r"CHIEF|HEAD|LEADER|COMMANDER|MEMBERS?)\b")
# Head nouns of a body's name (upper case, as in the PETRARCH files).
BODY_HEAD = re.compile(r"\b(FOUNDATION|AGENCY|ADMINISTRATION|SERVICE|BOARD|BUREAU|INSTITUTE|INSTITUTION|CENTER|CENTRE|"
                       r"SURVEY|FORCE|COMMISSION|COMMITTEE|COUNCIL|CORPORATION|OFFICE|DEPARTMENT|MINISTRY|COMMAND|"
                       r"CORPS|GUARD|ARMY|NAVY|POLICE|COURT|ASSEMBLY|PARLIAMENT|SABHA|DUMA|BANK|AUTHORITY)\b")


def given_name(word):
    """True when data/person_names.tsv knows `word` mostly as a given name (at least 3 people)."""
    global _GIVEN
    if _GIVEN is None:
        _GIVEN = set()
        path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "person_names.tsv")
        with open(path, encoding="utf-8") as f:
            for line in f:
                c = line.rstrip("\n").split("\t")
                if len(c) >= 3 and not line.startswith("#") and int(c[1]) >= 3 and int(c[1]) > 3 * int(c[2]):
                    _GIVEN.add(c[0].upper())
    return word.upper() in _GIVEN


def same_body(a, b):
    """True when the names a and b (upper case, '_' already turned to spaces) read as forms of one body's
    name: one is the other's initials, or half the content words of the shorter are in the longer
    ("PLA NAVY" of "PEOPLE'S LIBERATION ARMY NAVY"), more than a shared kind of body ("ADMINISTRATION")."""
    if letters(a) == initials(b.split(" ")).upper() or letters(b) == initials(a.split(" ")).upper():
        return True
    generic = {"NATIONAL", "STATE", "FEDERAL", "ROYAL", "CENTRAL", "GENERAL", "PEOPLE'S", "PEOPLES", "ADMINISTRATION",
               "AGENCY", "DEPARTMENT", "MINISTRY", "COMMITTEE", "COUNCIL", "OFFICE", "BUREAU", "SERVICE", "COMMISSION",
               "AUTHORITY", "BOARD", "INSTITUTE", "CENTER", "CENTRE", "ORGANIZATION", "ORGANISATION", "FORCE", "FORCES",
               "COMMAND", "UNITED", "STATES", "US", "U.S."}
    wa = {w for w in re.split(r"[ -]+", a) if w and w.lower() not in SMALL_WORDS and w not in generic}
    wb = {w for w in re.split(r"[ -]+", b) if w and w.lower() not in SMALL_WORDS and w not in generic}
    country = {"US", "U.S.", "UNITED", "STATES", "AMERICAN", "USA"}
    ca = {w for w in re.split(r"[ -]+", a) if w and w.lower() not in SMALL_WORDS and w not in country}
    cb = {w for w in re.split(r"[ -]+", b) if w and w.lower() not in SMALL_WORDS and w not in country}
    if ca and ca == cb:  # "DEFENSE DEPARTMENT", "DEPARTMENT OF DEFENSE", "US STATE DEPARTMENT"
        return True
    if len(wa) < 2 or len(wb) < 2:  # "SENATE" is no form of "SENATE SELECT COMMITTEE ON INTELLIGENCE"
        return False
    small, large = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return 2 * len(small & large) > len(small)


def common_prefix(a, b):
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def demonym_of(alias, names, generic):
    """True when `alias` reads as a nationality adjective/noun of a country called one of `names`.

    Rule: the alias (plural '-ans'/'-is'/'-ians' reduced to the singular) ends with one of
    DEMONYM_SUFFIXES, is not itself a name, does not end like the name (same last 3 letters => a spelling
    variant, e.g. AFGHANESTAN), and shares a prefix with the name or with a non-generic word of it:
    >= 4 letters, or 3 letters covering more than half the name, or 2 letters for -ch/-sh (FRENCH/FRANCE)."""
    a = alias.upper()
    base = a
    if base.endswith("ANS") or (" " not in base and base.endswith("IS")
                                and not any(n.upper().startswith(a) for n in names)):
        base = base[:-1]
    lw = base.split(" ")[-1]
    if lw.lower() in generic and " " in base:  # "KOREA REPUBLIC", not an adjective
        return False
    suf = next((s for s in DEMONYM_SUFFIXES if lw.lower().endswith(s)), None)
    if suf is None or (suf in ("iot", "ard") and " " in a):  # CYPRIOT, SPANIARD; not SAINT JAMES WINDWARD
        return False
    for n in names:
        n = n.upper()
        if a == n or base == n:
            return False
    cands = []
    for n in names:
        n = n.upper()
        cands.append(n)
        for w in re.split(r"[ ,]+", n):
            if len(w) >= 4 and w.lower() not in generic:
                cands.append(w)
    for n in cands:
        target = base if " " in n else lw
        if target == n or target[-3:] == n[-3:]:
            continue
        p = common_prefix(target, n)
        if p >= 4 or (p == 3 and 2 * p > len(n)) or (p >= 2 and suf in ("ch", "sh", "ish")):
            return True
    return False


def language_names(iso_dir):
    """One-word language names of ISO 639-2, with the head of an inverted name ("Greek, Modern (1453-)")."""
    with open(os.path.join(iso_dir, "iso_639-2.json"), encoding="utf-8") as f:
        langs = set()
        for lang in json.load(f)["639-2"]:
            for n in lang["name"].split(";"):
                n = n.split(",")[0].strip()
                if n and " " not in n and n.isalpha() and n[0].isupper():
                    langs.add(n)
    return langs


def sibling_suffix(s, p):
    """What the alias adds after the shared prefix is a demonym ending (BURMA/BURMESE, RUSSIA/RUSSIAN)."""
    ends = {e.upper() for e in DEMONYM_SUFFIXES} | {e.upper() + "S" for e in DEMONYM_SUFFIXES}
    return s[p:] in ends or s[p - 1:] in ends


def word_subsequence(alias, name):
    a = alias.split(" ")
    n = re.split(r"[ ,]+", name)
    n = [w for w in n if w]
    for i in range(len(n) - len(a) + 1):
        if n[i:i + len(a)] == a:
            return True
    return False


def proper_part(alias, name, generic):
    """The alias is a contiguous word run of the name, has a non-generic word, and what it leaves out of
    the name also has a non-generic word (so "RUSSIAN" of "RUSSIAN FEDERATION" is not a name part)."""
    a = alias.split(" ")
    n = [w for w in re.split(r"[ ,]+", name) if w]
    if not any(w.lower() not in generic for w in a):
        return False
    for i in range(len(n) - len(a) + 1):
        if n[i:i + len(a)] == a:
            rest = n[:i] + n[i + len(a):]
            if any(w.lower() not in generic for w in rest):
                return True
    return False


def build(args):
    c1, c2 = load_iso(args.iso_dir)
    # Language names, less those that are also a subdivision's ("Delaware", "Gorontalo"): a place first.
    langs = language_names(args.iso_dir) - {re.sub(r"\s*\(.*\)$", "", d["name"]) for d in c2}
    pdir = args.petrarch_dir
    countries_entries = parse_actors(os.path.join(pdir, "Phoenix.Countries.actors.txt"))
    intl_entries = parse_actors(os.path.join(pdir, "Phoenix.International.actors.txt"))

    iso_by_a3 = {c["alpha_3"]: c for c in c1}
    codes = {c["alpha_2"] for c in c1} | {c["alpha_3"] for c in c1}

    gz = Gazetteer()
    stats = collections.Counter()
    misses = collections.defaultdict(list)

    # Generic words: words found in the iso names of >= 3 different countries ("Republic", "United", ...)
    word_countries = collections.defaultdict(set)
    for c in c1:
        for n in iso_names(c):
            for w in re.split(r"[ ,()]+", n.lower()):
                if w:
                    word_countries[w].add(c["alpha_3"])
    generic = {w for w, s in word_countries.items() if len(s) >= 3} | SMALL_WORDS

    # ---- country blocks: entries whose only code is a bare 3-letter code (or XXXYYY with YYY an iso
    # alpha-3 and a name that is that country's iso name, e.g. PUERTO_RICO_ [USAPRI]).
    blocks = collections.OrderedDict()  # a3 -> list of entries
    block_entry_ids = set()
    for e in countries_entries:
        cs = {c for c, d in e.codes}
        dated = any(d for c, d in e.codes)
        if dated or len(cs) != 1:
            continue
        code = next(iter(cs))
        if len(code) == 3 and code.isalpha():
            blocks.setdefault(code, []).append(e)
            block_entry_ids.add(id(e))
        elif len(code) == 6 and code[3:] in iso_by_a3:
            # a territory block (PUERTO_RICO_ [USAPRI]): its name shares a specific word with an iso name
            ew = {w for w in re.split(r"[ ,.]+", e.name.lower()) if w and w not in generic}
            iw = {w for n in iso_names(iso_by_a3[code[3:]]) for w in re.split(r"[ ,.()]+", n.lower())}
            if ew & iw:
                blocks.setdefault(code[3:], []).append(e)
                block_entry_ids.add(id(e))

    canon = {}  # a3 -> canonical
    for c in c1:
        a3 = c["alpha_3"]
        if c.get("common_name"):
            canon[a3] = c["common_name"]
        elif usable_name(c["name"]):
            canon[a3] = c["name"]
        elif a3 in blocks:
            canon[a3] = natural_case(blocks[a3][0].name, codes)
        elif c.get("official_name") and usable_name(c["official_name"]):
            canon[a3] = c["official_name"]
        else:
            canon[a3] = re.sub(r"\s*[,(].*", "", c["name"])
    # An iso name that is one adjective plus generic words ("Russian Federation") gives way to the
    # block's one-word name that the adjective extends by at most 2 letters ("RUSSIA").
    for c in c1:
        a3 = c["alpha_3"]
        if c.get("common_name") or a3 not in blocks or canon[a3] != c["name"]:
            continue
        ws = c["name"].split()
        if len(ws) < 2:
            continue
        w = ws[0].upper()
        other_names = {n.upper() for o in c1 if o is not c for n in iso_names(o)}
        for e in blocks[a3]:
            for s in [e.name] + e.aliases:
                if (" " not in s and len(s) >= 4 and w.startswith(s) and 0 < len(w) - len(s) <= 2
                        and s not in other_names):
                    print("  canonical %s: %s -> %s" % (a3, c["name"], natural_case(s, codes)))
                    canon[a3] = natural_case(s, codes)
                    break
            if canon[a3] != c["name"]:
                break
    for a3, es in blocks.items():
        if a3 not in canon:  # PETRARCH-only country codes (historical states, disputed territories)
            canon[a3] = natural_case(es[0].name, codes)

    def country_of(code):
        return canon.get(code[:3], "") if code else ""

    # iso countries
    for c in c1:
        a3 = c["alpha_3"]
        for n in iso_names(c):
            if usable_name(n):
                gz.add(n, "COUNTRY", canon[a3], canon[a3], prio=0)
        gz.add(canon[a3], "COUNTRY", canon[a3], canon[a3], prio=0)

    # PETRARCH country-block surfaces
    seat_locations = []
    for a3, es in sorted(blocks.items()):
        cn = canon[a3]
        iso = iso_by_a3.get(a3)
        names = ([n.upper() for n in iso_names(iso)] if iso else []) + [es[0].name]
        names_nc = [n for n in names]
        acr = set()
        if iso:
            acr |= {iso["alpha_2"], iso["alpha_3"]}
        for n in names_nc:
            ws = [w for w in re.split(r"[ ,]+", n) if w]
            # initials keep the name's word order only when there is no comma inversion
            if "," not in n and len(ws) >= 2:
                acr.add(initials(ws).upper())
        surfaces = []
        for e in es:
            surfaces.append(e.name)
            surfaces.extend(e.aliases)
        for s in surfaces:
            s0 = s
            if s.startswith("THE "):
                s = s[4:]
            compact = s.replace(".", "").replace(" ", "")
            is_acr = compact.isalpha() and compact in acr
            if junk(s, allow_acronym=is_acr):
                stats["block_junk"] += 1
                continue
            if is_acr:
                surf = s if "." in s else compact
                surf = surf.replace(" ", "") if INITIALS_RE.match(surf.replace(" ", "")) else surf
                gz.add(surf, "COUNTRY", cn, cn, prio=2)
                stats["block_acronym"] += 1
                continue
            if s in names:
                gz.add(natural_case(s, codes), "COUNTRY", cn, cn, prio=1)
                continue
            if " " not in s and any(
                    len(x) >= 4 and " " not in x and len(s) > len(x) and common_prefix(s, x) >= 4
                    and len(x) - common_prefix(s, x) <= 1 and sibling_suffix(s, common_prefix(s, x))
                    and demonym_of(s, [x], generic) for x in surfaces) and not any(
                    difflib.SequenceMatcher(None, letters(s), letters(n)).ratio() >= FUZZY_RATIO for n in names):
                # "RUSSIAN" next to "RUSSIA", "BURMESE" next to "BURMA" in the same block
                gz.add(natural_case(s, codes), "DEMONYM", cn, cn, prio=2)
                continue
            if any(proper_part(s, n, generic) for n in names):
                # "BRUNEI" of "BRUNEI DARUSSALAM", "AMERICA" of "UNITED STATES OF AMERICA"
                gz.add(natural_case(s, codes), "COUNTRY", cn, cn, prio=2)
                stats["block_subsequence"] += 1
                continue
            if demonym_of(s, names, generic):
                gz.add(natural_case(s, codes), "DEMONYM", cn, cn, prio=2)
                continue
            sub = any(word_subsequence(s, n) for n in names)
            if sub and any(w.lower() not in generic for w in s.split(" ")):
                gz.add(natural_case(s, codes), "COUNTRY", cn, cn, prio=2)
                stats["block_subsequence"] += 1
                continue
            ls = letters(s)
            if any(len(s.split(" ")) == len(re.split(r"[ ,]+", n)) and
                   difflib.SequenceMatcher(None, ls, letters(n)).ratio() >= FUZZY_RATIO for n in names):
                gz.add(natural_case(s, codes), "COUNTRY", cn, cn, prio=3)
                stats["block_misspelling"] += 1
                continue
            if " " not in s and natural_case(s, codes) in langs:
                # "GREEK", "DANISH", "WELSH" in a country's block: the language and nationality word, no place
                gz.add(natural_case(s, codes), "DEMONYM", cn, cn, prio=2)
                stats["block_language_demonym"] += 1
                continue
            seat_locations.append((natural_case(s0 if not s0.startswith("THE ") else s), cn))

    country_surfaces_folded = {re.sub(r"[^a-z0-9 ]", "", s.lower()) for (s, t) in gz.rows if t == "COUNTRY"}

    def shadowed(surface):
        return re.sub(r"[^a-z0-9 ]", "", surface.lower()) in country_surfaces_folded

    # Only a seat of government stands for its country ("Beijing said"); PETRARCH lists every city and
    # province as an alias, and "California outlawed..." is California (data/capitals.tsv).
    capitals = set()
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "capitals.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                place, country = line.rstrip("\n").split("\t")
                capitals.add((place, country))
    for surf, cn in seat_locations:
        if shadowed(surf):
            stats["location_shadowed_by_country"] += 1
            continue
        gz.add(surf, "LOCATION", surf, cn, flags={"seat"} if (surf, cn) in capitals else set(), prio=4)

    # ---- iso 3166-2 subdivisions
    by_country = collections.defaultdict(list)
    for s in c2:
        by_country[s["code"][:2]].append(s)
    a2_to_a3 = {c["alpha_2"]: c["alpha_3"] for c in c1}
    for a2, subs in sorted(by_country.items()):
        a3 = a2_to_a3.get(a2)
        if not a3:
            continue
        cn = canon[a3]
        # generic trailing designator: a last word shared by every subdivision of one type (>= 3 of them)
        # and not an English word of that type's name ("Sheng" for every Chinese Province, "Shi" ...)
        by_type = collections.defaultdict(list)
        for s in subs:
            by_type[s["type"]].append(s["name"])
        strip_words = {}
        for typ, names in by_type.items():
            lasts = {n.split()[-1] for n in names if len(n.split()) > 1}
            if len(names) >= 3 and len(lasts) == 1 and all(len(n.split()) > 1 for n in names):
                w = next(iter(lasts))
                if w.lower() not in typ.lower():
                    strip_words[typ] = w
        for s in subs:
            name = re.sub(r"\s*\[.*?\]", "", s["name"]).strip()
            w = strip_words.get(s["type"])
            if w and name.endswith(" " + w):
                name = name[: -len(w) - 1]
            if not is_latin(name) or len(letters(name)) < 3 or junk(name):
                stats["iso2_skipped"] += 1
                continue
            if shadowed(name):
                stats["location_shadowed_by_country"] += 1
                continue
            gz.add(name, "LOCATION", name, cn, prio=0)
            # News writes "Baghdad" for ISO's "Baghdād": add the name without diacritics as a surface.
            plain = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
            if plain != name and is_latin(plain) and not shadowed(plain):
                gz.add(plain, "LOCATION", plain, cn, prio=0)

    # ---- persons and national institutions in Phoenix.Countries.actors.txt
    def roles_of(entry):
        rs = []
        for c, d in entry.codes:
            body = c[3:] if c[:3] in canon else c
            for i in range(0, len(body) - len(body) % 3, 3):
                rs.append(body[i:i + 3])
        return rs

    def majority_country(entry):
        cnt = collections.Counter()
        order = []
        for c, d in entry.codes:
            if c[:3] in canon:
                cnt[c[:3]] += 1
                order.append(c[:3])
        if not cnt:
            return ""
        best = max(cnt.values())
        return canon[next(x for x in order if cnt[x] == best)]

    def add_person(e, country, flags):
        cname = natural_case(e.name)
        if junk(cname):
            stats["person_junk"] += 1
            return
        gz.add(cname, "PERSON", cname, country, flags=flags, prio=2)
        nw = e.name.split(" ")
        for a in e.aliases:
            aw = a.split(" ")
            # "PRESIDENT XI JINPING": title + name; the extractor strips titles itself
            if len(aw) > len(nw) and aw[-len(nw):] == nw:
                stats["person_alias_title_dropped"] += 1
                continue
            an = natural_case(a)
            if junk(an) or a == e.name:
                continue
            gz.add(an, "PERSON", cname, country, flags=flags, prio=3)

    for e in countries_entries:
        if id(e) in block_entry_ids or not e.codes:
            continue
        dated = any(d for c, d in e.codes)
        person = dated or "countryinfo" in e.comment.lower().replace(" ", "")
        roles = roles_of(e)
        country = majority_country(e)
        if person:
            flags = {"gov"} if set(roles) & GOV_ROLES else {r.lower() for r in roles}
            add_person(e, country, flags)
        else:
            # national institutions (PEOPLES_LIBERATION_ARMY [CHNMIL]): organisations of a country
            if not country:
                continue
            flags = {"state"} if set(roles) & GOV_ROLES else {r.lower() for r in roles}
            pname = e.name[4:] if e.name.startswith("THE ") else e.name
            if " " not in pname and len(pname) <= 6:  # acronym primary: the alias it abbreviates names it
                pname = next((a for a in e.aliases if " " in a and initials(a.split(" ")).upper() == letters(pname)),
                             pname)
            acr = {initials(pname.split(" ")).upper()}
            cname = natural_case(pname, codes, acronyms=acr, org_acronym=" " not in pname)
            if junk(cname):
                continue
            gz.add(cname, "ORGANIZATION", cname, country, flags=flags, prio=3)
            # PETRARCH lists bodies (and their leaders) that share a code as synonyms
            # ("+NATIONAL_SCIENCE_FOUNDATION_" under NASA): the record's names fall into groups of forms of
            # one name (same_body); a group without the record's name is a body of its own, named by its
            # shortest form of several words, and a person's name among them is left out.
            groups = [[pname]]
            for a in e.aliases:
                a = a[4:] if a.startswith("THE ") else a
                g = next((g for g in groups if any(same_body(a, b) for b in g)), None)
                if g is None:
                    groups.append([a])
                else:
                    g.append(a)
            for i, g in enumerate(groups):
                # Only a group that names a body by a body's head noun stands apart ("National Science
                # Foundation"); descriptions ("American President", "Assad Regime") and single words keep
                # the record's name, as before.
                full = min(g, key=lambda x: (len(x.split()) < 2, len(x.split()), len(x), x))
                if i == 0 or " " not in full or not BODY_HEAD.search(full) or PERSON_WORD.search(full):
                    gcanon, gacr = cname, acr
                else:
                    # Named by its shortest name of several words ("Afghan National Army", not "... Soldiers").
                    if given_name(full.split(" ")[0]):
                        stats["agency_synonym_person_dropped"] += 1
                        continue
                    gacr = {initials(full.split(" ")).upper()}
                    gcanon = natural_case(full, codes, acronyms=gacr, org_acronym=" " not in full)
                    stats["agency_synonym_own_name"] += 1
                for a in ([e.name[4:] if e.name.startswith("THE ") else e.name] if i == 0 else []) + g:
                    an = natural_case(a, codes, acronyms=gacr, org_acronym=" " not in a)
                    if not junk(an, allow_acronym=letters(a) in gacr):
                        gz.add(an, "ORGANIZATION", gcanon, country, flags=flags, prio=4)

    # ---- International file: IGO / NGO organisations, MNC / MED companies, IGO persons
    def kind_of(code):
        for p, k in (("IGO", "igo"), ("NGO", "ngo"), ("NGM", "ngo"), ("MNC", "mnc"), ("MED", "med")):
            if code.startswith(p):
                return k
        return None

    groups = collections.defaultdict(list)  # exact first code -> entries (for acronym -> full name)
    for e in intl_entries:
        if e.codes:
            groups[e.codes[0][0]].append(e)

    for e in intl_entries:
        if not e.codes:
            continue
        code = e.codes[0][0]
        kind = kind_of(code)
        dated = any(d for c, d in e.codes)
        person = dated or any(c == "ELI" for c, d in e.codes) or "rulers" in e.comment.lower()
        if person:
            if kind in ("igo", "ngo"):
                add_person(e, "", {kind})
            continue
        if kind is None:
            stats["intl_other_code_skipped"] += 1
            continue
        name = e.name[4:] if e.name.startswith("THE ") else e.name
        typ = "COMPANY" if kind in ("mnc", "med") else "ORGANIZATION"
        org_acr = kind in ("igo", "ngo")
        # acronym entry -> the entry of the same code whose initials it spells ("UN" -> United Nations)
        target = None
        if name.replace(".", "").replace(" ", "").isalpha() and len(letters(name)) <= 6:
            for o in groups[code]:
                on = o.name[4:] if o.name.startswith("THE ") else o.name
                if o is not e and " " in on and initials(on.split(" ")).upper() == letters(name):
                    target = on
                    break
        full = target or name
        acr = {initials(full.split(" ")).upper()}
        cname = natural_case(full, codes, acronyms=acr, org_acronym=org_acr and " " not in full)
        country = country_of(code[3:6]) if kind == "mnc" else ""
        flags = {kind}
        for s in [name] + e.aliases:
            s = s[4:] if s.startswith("THE ") else s
            is_acr = letters(s) in acr or (org_acr and " " not in s and len(letters(s)) <= 6)
            sn = natural_case(s, codes, acronyms=acr, org_acronym=org_acr and " " not in s)
            if junk(sn, allow_acronym=is_acr):
                continue
            gz.add(sn, typ, cname, country, flags=flags, prio=3 if s == name else 4)
        gz.add(cname, typ, cname, country, flags=flags, prio=2)

    # ---- towns and cities (GeoNames through Debian's libgeonames0): the places news files from
    if args.geonames_lib:
        a2_canon = {c["alpha_2"]: canon[c["alpha_3"]] for c in c1}
        add_cities(gz, stats, geonames_cities(args.geonames_lib), a2_canon, shadowed, args.dictionary)

    return gz, stats


# ----------------------------------------------------------------------------------------------
# GeoNames cities

# What GeoNames writes around a state's name that ISO 3166-2 leaves out ("State of Maine", "Aichi Prefecture").
REGION_DESIGNATOR = re.compile(r"^(?:State of|Free State of|Estado de|Federal Territory of|Province of)\s+|"
                               r"\s+(?:Province|Region|Prefecture|Oblast|District|Voivodeship|Municipality|"
                               r"Autonomous Region|Governorate|Department|County|State)$")


def geonames_cities(lib_path):
    """(name, country code, population, state) of every town GeoNames lists with 15,000 people or more, read
    through libgeonames (the data is GeoNames', CC BY 4.0; the library only serves it)."""
    import ctypes
    try:
        lib = ctypes.CDLL(lib_path)
    except OSError as e:
        sys.exit("%s: %s (apt-get install libgeonames0, or --geonames-lib '' to leave the towns out)" % (lib_path, e))
    lib.geonames_get_n_cities.restype = ctypes.c_int
    lib.geonames_get_city.restype = ctypes.c_void_p
    lib.geonames_get_city.argtypes = [ctypes.c_int]
    lib.geonames_city_free.argtypes = [ctypes.c_void_p]
    for f in ("name", "country_code", "state"):
        getattr(lib, "geonames_city_get_" + f).restype = ctypes.c_char_p
        getattr(lib, "geonames_city_get_" + f).argtypes = [ctypes.c_void_p]
    lib.geonames_city_get_population.restype = ctypes.c_uint
    lib.geonames_city_get_population.argtypes = [ctypes.c_void_p]
    out = []
    for i in range(lib.geonames_get_n_cities()):
        c = lib.geonames_get_city(i)
        out.append((lib.geonames_city_get_name(c).decode("utf-8"), lib.geonames_city_get_country_code(c).decode(),
                    lib.geonames_city_get_population(c), (lib.geonames_city_get_state(c) or b"").decode("utf-8")))
        lib.geonames_city_free(c)
    return sorted(out)


def english_words(dictionary):
    """Lower-case words: the English dictionary's (Debian wamerican), those EWT writes lower-case at least as
    often as capitalized, calendar words, world regions (scripts/world_regions.txt), and the given names and surnames the project knows. A town called
    "Corona", "Summit", "Split" or "Florence" would turn ordinary words and people into places."""
    data = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data")
    words = set()
    if dictionary:
        try:
            with open(dictionary, encoding="utf-8") as f:
                words |= {w.strip() for w in f if w[:1].islower()}
        except OSError as e:
            sys.exit("%s: %s (apt-get install wamerican, or --dictionary '' to go without)" % (dictionary, e))
    with open(os.path.join(data, "words.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            w, _, _, share = line.rstrip("\n").split("\t")
            if float(share) >= 0.5:
                words.add(w.lower())
    with open(os.path.join(data, "non_names.txt"), encoding="utf-8") as f:
        words |= {w.strip().lower() for w in f if w.strip() and not w.startswith("#")}
    with open(os.path.join(data, "person_names.tsv"), encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                words.add(line.split("\t")[0].lower())
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "world_regions.txt"), encoding="utf-8") as f:
        words |= {w.strip().lower() for w in f if w.strip() and not w.startswith("#")}
    return words


def add_cities(gz, stats, cities, a2_canon, shadowed, dictionary):
    """Each town's name as a LOCATION of its country, below every other source: a surface another row
    already has (a country, a person, a body, a subdivision) keeps that row alone. A name that several
    towns share belongs to the most populous, and to no country unless it has twice the people of the next.
    One-word names that are English words or people's names are left out (english_words()). A town's
    region is the gazetteer's subdivision that GeoNames names as its state, where the two agree on it."""
    common = english_words(dictionary)
    taken = {s for (s, t) in gz.rows}
    subdivisions = {(s, row[2]): row[1] for (s, t), row in gz.rows.items() if t == "LOCATION"}

    def region_of(state, country):
        plain = "".join(ch for ch in unicodedata.normalize("NFKD", state) if not unicodedata.combining(ch))
        for name in (state, plain):
            bare = REGION_DESIGNATOR.sub("", name).strip()
            for cand in (name, bare):
                if (cand, country) in subdivisions:
                    return subdivisions[(cand, country)]
        return ""

    by_name = collections.defaultdict(list)
    for name, a2, pop, state in cities:
        if a2 in a2_canon:
            by_name[name].append((pop, a2_canon[a2], state))
    for name, towns in sorted(by_name.items()):
        towns.sort(key=lambda t: (-t[0], t[1], t[2]))
        sure = len(towns) == 1 or towns[0][0] >= 2 * towns[1][0]
        country = towns[0][1] if sure or towns[0][1] == towns[1][1] else ""
        region = region_of(towns[0][2], country) if sure and country else ""
        plain = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
        for surface in dict.fromkeys((name, plain)):
            known = gz.rows.get((surface, "LOCATION"))
            if known and known[0] >= 4 and known[2] == country and region and region != known[1]:
                # a city PETRARCH lists ("Houston"): in Texas; never a subdivision (ISO's "Oregon" is no town)
                gz.regions.setdefault((surface, "LOCATION"), region)
            if not is_latin(surface) or junk(surface) or surface in taken or shadowed(surface):
                stats["city_skipped"] += 1
                continue
            if " " not in surface and "-" not in surface and surface.lower() in common:
                stats["city_common_word"] += 1
                continue
            gz.add(surface, "LOCATION", name, country, flags={"town"}, prio=6)
            if region and region != name:
                gz.regions[(surface, "LOCATION")] = region
                stats["city_with_region"] += 1
            taken.add(surface)
            stats["city_added"] += 1


# ----------------------------------------------------------------------------------------------
# Agents -> roles

def build_roles(path):
    subs = {}
    rows = {}
    order = 0
    per_code_first = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        for raw in f:
            body, _ = strip_comment(raw.rstrip("\n"))
            body = body.strip()
            if not body:
                continue
            m = re.match(r"^(![A-Z]+!)\s*=\s*(.*)$", body)
            if m:
                subs[m.group(1)] = [x.strip() for x in m.group(2).split(",") if x.strip()]
                continue
            m = re.match(r"^([^\[{]+?)\s*(\{[^}]*\})?\s*\[([^\]\}]*)[\]\}]", body)
            if not m:
                continue
            phrase, plural, code = m.group(1).strip(), m.group(2), m.group(3).strip().replace("~", "")
            if not code:
                continue
            forms = []  # (surface, make_plural)
            marker = re.search(r"![A-Z]+!", phrase)
            if marker and marker.group(0) in subs:
                for x in subs[marker.group(0)]:
                    forms.append((phrase.replace(marker.group(0), x), False))
            elif marker:
                continue
            else:
                forms.append((phrase, plural is None))
            if plural is not None:
                p = plural.strip("{} ").strip()
                if p:
                    forms.append((p, False))
            for surf, mk in forms:
                w = squash(surf).lower()
                if not w or not re.match(r"^[a-z][a-z .'-]*$", w):
                    continue
                cands = [w]
                if mk:
                    cands.append(pluralize(w))
                for c in cands:
                    if c not in rows:
                        rows[c] = (code, order)
                        order += 1
    return {w: c for w, (c, o) in rows.items()}


def pluralize(phrase):
    """Regular English plural of the head noun: the word before 'of' if any, else the last word."""
    ws = phrase.split(" ")
    i = ws.index("of") - 1 if "of" in ws[1:] else len(ws) - 1
    w = ws[i]
    if re.search(r"[^aeiou]y$", w):
        w = w[:-1] + "ies"
    elif re.search(r"(s|x|z|ch|sh)$", w):
        w = w + "es"
    else:
        w = w + "s"
    ws[i] = w
    return " ".join(ws)


# ----------------------------------------------------------------------------------------------

HEADER_SOURCES = [
    "# Sources: Debian iso-codes iso_3166-1.json / iso_3166-2.json (LGPL-2.1-or-later);",
    "#   PETRARCH2 dictionaries Phoenix.Countries.actors.txt, Phoenix.International.actors.txt,",
    "#   Phoenix.agents.txt (MIT, (c) 2014 Open Event Data Alliance; see data/LICENSE.petrarch2);",
    "#   GeoNames towns of 15,000 people or more (CC BY 4.0, geonames.org; read through Debian libgeonames0).",
    "# Generated by scripts/build_lexicons.py; do not edit by hand (see data/README.md).",
]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--iso-dir", default="/usr/share/iso-codes/json")
    ap.add_argument("--petrarch-dir", default="/work/shared/data/petrarch2")
    ap.add_argument("--geonames-lib", default="/usr/lib/x86_64-linux-gnu/libgeonames.so.0",
                    help="libgeonames (Debian libgeonames0) whose GeoNames towns to add; '' for none")
    ap.add_argument("--dictionary", default="/usr/share/dict/american-english",
                    help="an English word list (Debian wamerican): towns named by its lower-case words are left out")
    ap.add_argument("--out-dir", default=os.path.join(os.path.dirname(here), "data"))
    args = ap.parse_args()

    gz, stats = build(args)
    rows = []
    for (surface, typ), (prio, canonical, country, flags) in gz.rows.items():
        if "\t" in surface or "\t" in canonical:
            continue
        row = (surface, typ, canonical, country, ",".join(sorted(flags)))
        rows.append(row + (gz.regions[(surface, typ)],) if (surface, typ) in gz.regions else row)
    # A PERSON row must read as a person's name: two or more words, not a place or an organisation's
    # name (PETRARCH files dated country periods and armed groups under the same layout as people).
    places = {r[0] for r in rows if r[1] in ("COUNTRY", "LOCATION", "ORGANIZATION", "COMPANY", "DEMONYM")}
    places |= {r[2] for r in rows if r[1] in ("COUNTRY", "LOCATION")}
    def person_like(r):
        words = r[2].split()
        return (len(words) >= 2 and not r[2].startswith("The ") and r[2] not in places and r[0] not in places
                and not any(w in ("of", "and", "the", "for") for w in words))
    dropped = sum(1 for r in rows if r[1] == "PERSON" and not person_like(r))
    rows = [r for r in rows if r[1] != "PERSON" or person_like(r)]
    print("PERSON rows dropped as not person-like: %d" % dropped)

    # Demonyms the PETRARCH variants lack ("Iraqi", "Omani"): a one-word country name plus a common
    # nationality ending; only added where the surface names nothing else. Plurals ("Iraqis",
    # "Syrians") name the people, not an entity, so they are demonyms too.
    taken = {r[0] for r in rows}
    extra = []
    for r in rows:
        if r[1] != "COUNTRY" or r[0] != r[2] or " " in r[2] or not r[2].isalpha():
            continue
        stem = r[2][:-1] if r[2][-1] in "aeiouy" else r[2]
        for suf in ("i", "an", "ian", "ese"):
            for cand in {r[2] + suf, stem + suf}:
                if cand not in taken and cand.lower() != r[2].lower():
                    extra.append((cand, "DEMONYM", r[2], r[2], ""))
                    taken.add(cand)
    for r in rows + extra:
        if r[1] == "DEMONYM" and r[0][-1] in "ni" and r[0] + "s" not in taken:
            extra.append((r[0] + "s", "DEMONYM", r[2], r[3], ""))
            taken.add(r[0] + "s")
    rows += extra
    print("demonyms added from country names: %d" % len(extra))
    # Irregular nationality words (scripts/demonyms_irregular.tsv) replace what the files read them as.
    irregular = {}
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "demonyms_irregular.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            surface, country = line.rstrip("\n").split("\t")[:2]
            irregular[surface] = country
    countries = {r[2] for r in rows if r[1] == "COUNTRY"}
    missing = sorted(c for c in irregular.values() if c not in countries)
    if missing:
        sys.exit("demonyms_irregular.tsv: no country called %s in the gazetteer" % ", ".join(missing))
    rows = [r for r in rows if not (r[0] in irregular and r[1] in ("COUNTRY", "LOCATION", "PERSON", "DEMONYM"))]
    rows += [(d, "DEMONYM", c, c, "") for d, c in sorted(irregular.items())]
    print("irregular demonyms: %d" % len(irregular))

    rows.sort(key=lambda r: (r[0].encode("utf-8"), r[1]))
    out = os.path.join(args.out_dir, "gazetteer.tsv")
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# gazetteer.tsv: surface\ttype\tcanonical\tcountry\tflags\tregion (towns only)\n")
        for h in HEADER_SOURCES:
            f.write(h + "\n")
        for r in rows:
            f.write("\t".join(r) + "\n")

    # One-word language names (ISO 639-2): "in Arabic" or "its English edition" names no entity.
    langs = language_names(args.iso_dir)
    with open(os.path.join(args.out_dir, "languages.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# Language names from Debian iso-codes ISO 639-2 (LGPL-2.1+), one word each: a language named alone\n"
                "# (\"in Arabic\", \"its English edition\") is not an entity. Generated by scripts/build_lexicons.py.\n")
        for n in sorted(langs):
            f.write(n + "\n")

    roles = build_roles(os.path.join(args.petrarch_dir, "Phoenix.agents.txt"))
    out2 = os.path.join(args.out_dir, "roles.tsv")
    with open(out2, "w", encoding="utf-8", newline="\n") as f:
        f.write("# roles.tsv: word\tcode (CAMEO agent code from Phoenix.agents.txt, '~' removed)\n")
        for h in HEADER_SOURCES:
            f.write(h + "\n")
        for w in sorted(roles):
            f.write(w + "\t" + roles[w] + "\n")

    per_type = collections.Counter(r[1] for r in rows)
    print("gazetteer.tsv: %d rows, %d bytes" % (len(rows), os.path.getsize(out)))
    for t, n in sorted(per_type.items()):
        print("  %-13s %6d" % (t, n))
    print("  conflicts (same surface+type, different canonical; kept the more authoritative):",
          dict(sorted(gz.conflicts.items())))
    for k, v in sorted(stats.items()):
        print("  %s: %d" % (k, v))
    per_code = collections.Counter(roles.values())
    print("roles.tsv: %d rows" % len(roles))
    print("  per code:", " ".join("%s=%d" % kv for kv in sorted(per_code.items())))


if __name__ == "__main__":
    sys.exit(main())
