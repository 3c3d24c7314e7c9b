# The igraph side of kg-bench-graph: one operation per process, so its peak memory is its own.
# Usage: igraph_bench.py load-graphml FILE | load-json FILE | algos FILE.graphml PAIRS OUT_PR | bc FILE.graphml OUT_BC
# Prints "seconds peak_rss_kib [extra seconds]"; the loads also print vcount, ecount and CPU seconds.
import json
import resource
import sys
import time

import igraph as ig


def peak():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def load_json(path):
    # igraph has no node-link reader: this is what a user writes (json, then one Graph call).
    with open(path) as f:
        d = json.load(f)
    index = {n["id"]: i for i, n in enumerate(d["nodes"])}
    edges = [(index[e["source"]], index[e["target"]]) for e in d["edges"]]
    g = ig.Graph(n=len(d["nodes"]), edges=edges, directed=True)
    g.vs["label"] = [n["label"] for n in d["nodes"]]
    g.vs["type"] = [n["type"] for n in d["nodes"]]
    g.es["predicate"] = [e["predicate"] for e in d["edges"]]
    g.es["weight"] = [e["weight"] for e in d["edges"]]
    return g


op = sys.argv[1]
if op == "load-graphml":
    t, c = time.perf_counter(), time.process_time()
    g = ig.Graph.Read_GraphML(sys.argv[2])
    print(time.perf_counter() - t, peak(), g.vcount(), g.ecount(), time.process_time() - c)
elif op == "load-json":
    t, c = time.perf_counter(), time.process_time()
    g = load_json(sys.argv[2])
    print(time.perf_counter() - t, peak(), g.vcount(), g.ecount(), time.process_time() - c)
elif op == "algos":
    g = ig.Graph.Read_GraphML(sys.argv[2])
    pairs = [tuple(map(int, p.split(":"))) for p in sys.argv[3].split(",")]
    t = time.perf_counter()
    pr = g.pagerank(directed=True, damping=0.85)
    t_pr = time.perf_counter() - t
    t = time.perf_counter()
    hops = [len(g.get_shortest_paths(a, to=b, mode="all")[0]) - 1 for a, b in pairs]
    t_sp = (time.perf_counter() - t) / len(pairs)
    with open(sys.argv[4], "w") as f:
        f.write("\n".join(repr(x) for x in pr))
    print(t_pr, peak(), t_sp, ",".join(map(str, hops)))
elif op == "bc":
    g = ig.Graph.Read_GraphML(sys.argv[2])
    t = time.perf_counter()
    bc = g.betweenness(directed=False)
    t_bc = time.perf_counter() - t
    with open(sys.argv[3], "w") as f:
        f.write("\n".join(repr(x) for x in bc))
    print(t_bc, peak())
else:
    sys.exit("unknown op " + op)
