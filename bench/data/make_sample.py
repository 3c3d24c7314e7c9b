#!/usr/bin/env python3
"""Rebuilds the bench sample from the shared corpora (run once; the output is checked in).
ewt-sentences.txt: sentences of UD English EWT (CC BY-SA 4.0) from its weblog, newsgroup and review genres,
8 to 45 tokens. re3d-sentences.txt: sentences of the re3d US State Department subset (public domain)."""
import json, re, sys
ewt, re3d = sys.argv[1], sys.argv[2]
out = []
for part in ("train", "dev", "test"):
    for line in open(f"{ewt}/en_ewt-ud-{part}.conllu", encoding="utf-8"):
        if line.startswith("# sent_id = "):
            keep = line[12:].startswith(("weblog", "newsgroup"))
        elif line.startswith("# text = ") and keep:
            t = line[9:].strip()
            if 8 <= len(t.split()) <= 45 and t[-1] in ".!?\"”" and not t.startswith(("http", "<")):
                out.append(t)
open("ewt-sentences.txt", "w", encoding="utf-8").write("\n".join(out[:4000]) + "\n")
sents = []
for line in open(f"{re3d}/documents.json", encoding="utf-8"):
    line = line.strip()
    if not line: continue
    d = json.loads(line)
    for s in re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", d["text"].replace("\n", " ")):
        if 6 <= len(s.split()) <= 60: sents.append(s.strip())
open("re3d-sentences.txt", "w", encoding="utf-8").write("\n".join(sents) + "\n")
