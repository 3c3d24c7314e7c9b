#!/usr/bin/env python3
"""The Python side of examples/top_entities.cpp: builds the graph of the built-in sample, prints its five
most connected entities, how Li Qiang is linked to the Global South with the sentence behind each hop, and
what one sentence of your own gives (offsets are Python string indices).

    PYTHONPATH=build/python python3 examples/python/top_entities.py     # from the build tree
    python3 examples/python/top_entities.py                             # after cmake --install build
"""
import kg

graph = kg.build(kg.sample())
print(f"{graph.num_entities} entities, {graph.num_relations} relations")
for r in graph.centrality("degree", top=5)["results"]:
    print(f"{r['label']} ({r['type']}): {r['score']:g} relations")

path = graph.path("Li Qiang", "Global South")
print(f"\n{path['from']} to {path['to']} in {path['length']} hops:")
for hop in path["hops"]:
    arrow = f"-{hop['predicate']}->" if hop["direction"] == "forward" else f"<-{hop['predicate']}-"
    print(f"  {hop['source']} {arrow} {hop['target']}   [doc {hop['evidence']['doc']}]")
    print(f"    \"{hop['evidence']['text']}\"")

text = "Zoë Okafor, the chief executive of Nordvale Bank, met Chinese Premier Li Qiang in Shanghai."
found = kg.extract(text)
print("\nIn one sentence:")
for entity in found["entities"]:
    m = entity["mentions"][0]
    print(f"  {entity['name']} ({entity['type']}) at {m['start']}:{m['end']}, text[{m['start']}:{m['end']}] = {text[m['start']:m['end']]!r}")
for r in found["relations"]:
    print(f"  {r['subject']} -{r['predicate']}-> {r['object']}")
