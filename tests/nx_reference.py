# Reference values from NetworkX for tests/test_networkx.cpp. Reads a JSON description of a multigraph
# (written by the test), builds the same views libkg documents for each measure, prints JSON.
# Usage: nx_reference.py INPUT.json
import itertools
import json
import random
import sys

import networkx as nx

try:
    import scipy  # noqa: F401  (nx.pagerank needs it)
    have_scipy = True
except ImportError:
    have_scipy = False

data = json.load(open(sys.argv[1]))
n = data["n"]
M = nx.MultiDiGraph()
M.add_nodes_from(range(n))
U = nx.Graph()       # undirected, parallel edges collapsed, self-loops dropped
U.add_nodes_from(range(n))
D = nx.DiGraph()     # directed, parallel edges collapsed (weights summed), self-loops dropped
D.add_nodes_from(range(n))
C = nx.Graph()       # as U, each pair keeping its cheapest edge cost
C.add_nodes_from(range(n))
for u, v, w, cost in data["edges"]:
    M.add_edge(u, v, weight=w)
    if u == v:
        continue
    U.add_edge(u, v)
    if D.has_edge(u, v):
        D[u][v]["weight"] += w
    else:
        D.add_edge(u, v, weight=w)
    if C.has_edge(u, v):
        C[u][v]["cost"] = min(C[u][v]["cost"], cost)
    else:
        C.add_edge(u, v, cost=cost)


def listed(d):
    return [float(d[i]) for i in range(n)]


out = {"networkx": nx.__version__, "scipy": have_scipy}
out["in"] = [M.in_degree(i) for i in range(n)]
out["out"] = [M.out_degree(i) for i in range(n)]
out["total"] = [M.degree(i) for i in range(n)]
out["weighted"] = [float(M.degree(i, weight="weight")) for i in range(n)]
out["betweenness"] = listed(nx.betweenness_centrality(U))
k, seed = data["k"], data["seed"]
# betweenness_centrality(k, seed) draws its pivots exactly like this (py_random_state -> random.Random).
out["pivots"] = sorted(random.Random(seed).sample(list(U.nodes()), k))
# NetworkX 3.5 changed how it samples and rescales k-pivot betweenness; the comparison holds before that.
nx_version = tuple(int(x) for x in nx.__version__.split(".")[:2] if x.isdigit())
out["betweenness_k"] = listed(nx.betweenness_centrality(U, k=k, seed=seed)) if nx_version < (3, 5) else None
out["closeness"] = listed(nx.closeness_centrality(U))
out["harmonic"] = listed(nx.harmonic_centrality(U))
out["eigenvector"] = listed(nx.eigenvector_centrality(U, max_iter=100000, tol=1e-12))
if have_scipy:
    out["pagerank"] = listed(nx.pagerank(D, alpha=0.85, weight=None, tol=1e-12, max_iter=100000))
    out["pagerank_weighted"] = listed(nx.pagerank(D, alpha=0.85, weight="weight", tol=1e-12, max_iter=100000))

comms = {}
for v, c in enumerate(data["communities"]):
    comms.setdefault(c, set()).add(v)
out["modularity"] = nx.community.modularity(U, list(comms.values()))
if hasattr(nx.community, "louvain_communities"):
    out["louvain_best"] = max(nx.community.modularity(U, nx.community.louvain_communities(U, seed=s))
                              for s in range(5))

K = data["paths_k"]
paths = []
for a, b in data["pairs"]:
    entry = {}
    if nx.has_path(U, a, b):
        entry["hops"] = [len(p) - 1 for p in itertools.islice(nx.shortest_simple_paths(U, a, b), K)]
        entry["costs"] = [nx.path_weight(C, p, "cost") for p in
                          itertools.islice(nx.shortest_simple_paths(C, a, b, weight="cost"), K)]
        entry["all"] = sorted(nx.all_shortest_paths(U, a, b))
    else:
        entry["hops"], entry["costs"], entry["all"] = [], [], []
    if nx.has_path(D, a, b):
        entry["directed_hops"] = [len(p) - 1 for p in itertools.islice(nx.shortest_simple_paths(D, a, b), K)]
    else:
        entry["directed_hops"] = []
    paths.append(entry)
out["paths"] = paths
print(json.dumps(out))
