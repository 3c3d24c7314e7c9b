// kg/query.hpp — questions asked of a graph: paths, neighbours, centrality, statistics.
//
// Contract: results are deterministic (ties broken by vertex order, i.e. insertion order). Path search
// ignores edge direction for reachability; each step says which way its edge really points.
// Betweenness is computed as NetworkX does on the undirected simple graph (direction dropped, parallel
// edges collapsed, self-loops ignored), normalized by (n-1)(n-2)/2.
#pragma once

#include <kg/graph.hpp>

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kg {

/// One hop of a path.
struct PathStep {
    Vertex from;          ///< vertex the walk leaves
    Vertex to;            ///< vertex the walk reaches
    Edge edge;            ///< the edge used
    bool forward = true;  ///< true when the edge points from `from` to `to`
};

/// Shortest path from a to b ignoring direction (fewest hops; among equal hops, the one found first by
/// BFS over vertices in order, preferring higher-weight edges between the same pair). Empty when a == b;
/// nullopt when unreachable.
std::optional<std::vector<PathStep>> shortest_path(const KnowledgeGraph& graph, Vertex a, Vertex b);

/// One incident edge of a vertex.
struct Neighbor {
    Vertex other;          ///< the vertex at the other end
    Edge edge;             ///< the edge
    bool outgoing = true;  ///< true when the edge leaves the queried vertex
};

/// Every edge incident to v (out-edges, then in-edges), each with the vertex at the other end.
std::vector<Neighbor> neighbors(const KnowledgeGraph& graph, Vertex v);

/// Which degree to count.
enum class DegreeMode { in, out, total };

/// Degree of every vertex (parallel edges counted), indexed by vertex.
std::vector<double> degree_centrality(const KnowledgeGraph& graph, DegreeMode mode);

/// Normalized betweenness of every vertex on the undirected simple graph, indexed by vertex.
std::vector<double> betweenness_centrality(const KnowledgeGraph& graph);

/// Top-n vertices by score, ties broken by vertex order.
std::vector<std::pair<Vertex, double>> top_n(const std::vector<double>& scores, std::size_t n);

/// Counts describing a graph.
struct GraphStats {
    std::size_t documents = 0;                          ///< documents added
    std::size_t entities = 0;                           ///< vertices
    std::size_t relations = 0;                          ///< edges
    double total_weight = 0;                            ///< sum of edge weights
    double density = 0;                                 ///< edges / (n (n-1)), directed
    std::size_t components = 0;                         ///< weakly connected components
    std::map<std::string, std::size_t> by_type;         ///< entity count per type name
    std::map<std::string, std::size_t> by_predicate;    ///< edge count per predicate
};

/// Computes GraphStats.
GraphStats stats(const KnowledgeGraph& graph);

/// The one vertex `name` denotes (KnowledgeGraph::lookup: label, then alias, then node id). Throws
/// kg::Error(no_result) when unknown (message lists the closest labels) or ambiguous (lists the candidates
/// with type and id). A name equal to a node id (case-sensitive) selects that node even when its label
/// also matches others, so an id always selects one.
Vertex resolve_entity(const KnowledgeGraph& graph, std::string_view name);

// Rendering for tools. Text is for people (one line per item, ending in '\n'); JSON is one pretty-printed
// object ending in '\n'. Entities are named by label in text, and by label plus id in JSON.

/// A path from a to b. Text: `A -pred-> B <-pred- C` (symmetric predicates as `-pred-`), then one line per
/// hop with its first evidence sentence and document. JSON: {"from", "to", "from_id", "to_id", "length",
/// "hops": [{"source", "target", "source_id", "target_id", "edge", "predicate", "direction"
/// ("forward"|"backward"), "weight", "evidence": {"doc", "start", "end", "text"} or null}]} where
/// source/target follow the walk and direction says whether the edge points the same way.
std::string render_path(const KnowledgeGraph& graph, Vertex a, Vertex b, const std::vector<PathStep>& path,
                        bool json);

/// The incident edges of v. JSON: {"entity": {"id", "label", "type"}, "neighbors": [{"id", "label",
/// "type", "edge", "predicate", "direction" ("out"|"in"), "weight"}]}.
std::string render_neighbors(const KnowledgeGraph& graph, Vertex v, const std::vector<Neighbor>& list,
                             bool json);

/// A ranking from top_n. `measure` names the score ("degree", "in-degree", "out-degree", "betweenness");
/// scores print as integers unless measure is "betweenness". JSON: {"measure", "results": [{"rank", "id",
/// "label", "type", "score"}]}.
std::string render_centrality(const KnowledgeGraph& graph, const std::vector<std::pair<Vertex, double>>& ranking,
                              const std::string& measure, bool json);

/// GraphStats. JSON: {"documents", "entities", "relations", "total_weight", "density", "components",
/// "by_type": {TYPE: n}, "by_predicate": {predicate: n}}.
std::string render_stats(const GraphStats& stats, bool json);

}  // namespace kg
