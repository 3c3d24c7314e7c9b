"""Reads kg-export's files with the tools users open them in, and compares with libkg's own JSON.

Usage: interop.py networkx|igraph|csv|svg DIR
DIR holds g.json (libkg's JSON: the reference), and the files the check reads: g.graphml, g.yed.graphml,
g.gexf, g.links.json, g.cyjs (networkx); g.graphml (igraph); csv/ (csv); g.svg (svg, from `dot -Tsvg`).
Prints one "ok"/"FAIL" line per check and exits with the number of failures. Works with NetworkX 2.8
(Debian's, node_link_graph(link=...)) and 3.x (edges=...).
"""
import csv
import json
import os
import sys
import xml.etree.ElementTree as ET

mode, d = sys.argv[1], sys.argv[2]
ref = json.load(open(os.path.join(d, "g.json"), encoding="utf-8"))
labels = {n["id"]: n["label"] for n in ref["nodes"]}
n_nodes, n_edges = len(ref["nodes"]), len(ref["edges"])
# Pictures (yEd, DOT) leave out the relations every evidence sentence denies; data formats keep them.
n_drawn = sum(1 for e in ref["edges"] if not (e["evidence"] and all(x.get("negated") for x in e["evidence"])))
fails = 0


def report(name, ok, detail=""):
    global fails
    print(("ok   " if ok else "FAIL ") + name + ("" if ok else ": " + detail))
    fails += 0 if ok else 1


def xml_text(s):
    """What an XML writer can carry: C0 controls other than tab/LF/CR, U+FFFE and U+FFFF become U+FFFD."""
    return "".join("\ufffd" if (ord(c) < 0x20 and c not in "\t\n\r") or c in "\ufffe\uffff" else c for c in s)


def compare(name, nodes, edges, got_labels, expect=labels, want_edges=n_edges):
    report(name + ": node count", nodes == n_nodes, f"{nodes} != {n_nodes}")
    report(name + ": edge count", edges == want_edges, f"{edges} != {want_edges}")
    bad = {k: (v, got_labels.get(k)) for k, v in expect.items() if got_labels.get(k) != v}
    report(name + ": labels", not bad, repr(list(bad.items())[:3]))


if mode == "networkx":
    import networkx as nx
    from networkx.readwrite import json_graph

    def node_link(data, key):
        try:
            return json_graph.node_link_graph(data, edges=key)
        except TypeError:  # NetworkX < 3.4 names the argument link=
            return json_graph.node_link_graph(data, link=key)

    g = node_link(ref, "edges")
    compare("networkx json", g.number_of_nodes(), g.number_of_edges(), {n: a["label"] for n, a in g.nodes(data=True)})
    g = node_link(json.load(open(os.path.join(d, "g.links.json"), encoding="utf-8")), "links")
    compare("networkx json --links-key links", g.number_of_nodes(), g.number_of_edges(),
            {n: a["label"] for n, a in g.nodes(data=True)})
    xml_labels = {k: xml_text(v) for k, v in labels.items()}
    for f in ("g.graphml", "g.yed.graphml"):
        g = nx.read_graphml(os.path.join(d, f))
        compare("networkx " + f, g.number_of_nodes(), g.number_of_edges(),
                {n: a.get("label") for n, a in g.nodes(data=True)}, xml_labels, n_drawn if "yed" in f else n_edges)
        w = [a.get("weight") for _, _, a in g.edges(data=True)]
        report("networkx " + f + ": weights are floats", all(isinstance(x, float) for x in w), repr(w[:3]))
    # GEXF 1.3 is read from NetworkX 3.6 on (networkx PR 8196); older versions find no <graph> in it.
    if "1.3" in getattr(nx.readwrite.gexf.GEXF, "versions", {}):
        g = nx.read_gexf(os.path.join(d, "g.gexf"))
        compare("networkx gexf", g.number_of_nodes(), g.number_of_edges(),
                {n: a.get("label") for n, a in g.nodes(data=True)}, xml_labels)
        types = {n["id"]: n["type"] for n in ref["nodes"]}
        report("networkx gexf: types", all(g.nodes[n].get("type") == t for n, t in types.items()))
        report("networkx gexf: viz colour and size", all("viz" in a and "color" in a["viz"] and "size" in a["viz"]
                                                         for _, a in g.nodes(data=True)))
    else:
        print("skip networkx gexf: NetworkX " + nx.__version__ + " reads no GEXF 1.3 (3.6 does)")
    g = json_graph.cytoscape_graph(json.load(open(os.path.join(d, "g.cyjs"), encoding="utf-8")))
    compare("networkx cytoscape", g.number_of_nodes(), g.number_of_edges(),
            {n: a.get("label") for n, a in g.nodes(data=True)})
    cy = json.load(open(os.path.join(d, "g.cyjs"), encoding="utf-8"))["elements"]
    ids = [e["data"]["id"] for e in cy["nodes"] + cy["edges"]]
    report("cytoscape ids unique across nodes and edges", len(ids) == len(set(ids)))

elif mode == "igraph":
    import igraph

    g = igraph.Graph.Read_GraphML(os.path.join(d, "g.graphml"))
    got = dict(zip(g.vs["id"], g.vs["label"]))
    compare("igraph graphml", g.vcount(), g.ecount(), got, {k: xml_text(v) for k, v in labels.items()})
    report("igraph graphml: directed", g.is_directed())

elif mode == "csv":
    # neo4j-admin's defaults: quotes doubled, no multi-line fields (controls became spaces), ';' in arrays.
    flat = {k: "".join(" " if ord(c) < 0x20 or c == "\x7f" else c for c in v) for k, v in labels.items()}
    with open(os.path.join(d, "csv", "nodes.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    with open(os.path.join(d, "csv", "relationships.csv"), newline="", encoding="utf-8") as f:
        rels = list(csv.reader(f))
    report("csv: nodes header", rows[0] == ["id:ID", "label", "type", "aliases:string[]", "frequency:int",
                                            "documents:string[]", "first_seen:date", "last_seen:date", ":LABEL"],
           repr(rows[0]))
    report("csv: relationships header", rels[0][:5] == [":START_ID", ":END_ID", ":TYPE", "id", "predicate"],
           repr(rels[0]))
    report("csv: one line per record", all(len(r) == len(rows[0]) for r in rows) and
           all(len(r) == len(rels[0]) for r in rels))
    compare("csv", len(rows) - 1, len(rels) - 1, {r[0]: r[1] for r in rows[1:]}, flat)
    ids = {r[0] for r in rows[1:]}
    report("csv: relationship ends are node ids", all(r[0] in ids and r[1] in ids for r in rels[1:]))
    report("csv: labels Entity;TYPE", all(r[-1] == "Entity;" + r[2] for r in rows[1:]), repr(rows[1][-1:]))

    def rel_type(p):
        """ASCII letters upper-cased, runs of other ASCII but digits one '_' (none at the ends), the rest kept."""
        out, gap = "", False
        for c in p:
            if c.isascii() and not c.isalnum():
                gap = out != ""
                continue
            out += ("_" if gap else "") + (c.upper() if c.isascii() else c)
            gap = False
        return out or "RELATED_TO"

    bad = [(r[4], r[2]) for r in rels[1:] if r[2] != rel_type(r[4])]
    report("csv: relationship types UPPER_SNAKE of the predicate", not bad, repr(bad[:3]))

elif mode == "svg":
    # Graphviz draws each node as <g class="node"><title>ID</title>...<text>line</text>...; a label's
    # lines are its text elements.
    ns = {"s": "http://www.w3.org/2000/svg"}
    root = ET.parse(os.path.join(d, "g.svg")).getroot()
    got, edges = {}, 0
    for gel in root.iter("{http://www.w3.org/2000/svg}g"):
        if gel.get("class") == "node":
            title = gel.find("s:title", ns).text or ""
            got[title] = "\n".join(t.text or "" for t in gel.iter("{http://www.w3.org/2000/svg}text"))
        elif gel.get("class") == "edge":
            edges += 1
    # Graphviz drops a line break at the very end and trims nothing else; CR LF is one break.
    expect = {k: xml_text(v.replace("\r\n", "\n").replace("\r", "\n")).rstrip("\n") for k, v in labels.items()}
    compare("dot -Tsvg", len(got), edges, got, expect, n_drawn)

print(f"{fails} interop failure(s)")
sys.exit(min(fails, 100))
