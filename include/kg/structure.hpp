/// \file
/// kg/structure.hpp — the shape of a graph: neighbourhoods, connected components, summary statistics.
///
/// Contract: results are deterministic (ties broken by vertex order, i.e. insertion order). Neighbourhoods
/// and components ignore edge direction; parallel edges and self-loops count in degrees, as in NetworkX's
/// MultiDiGraph. Neighbours, neighbourhoods and components leave out the edges the articles only deny
/// (kg::negated_only in paths.hpp) unless asked to include them; stats() counts every stored edge.
#pragma once

#include <kg/graph.hpp>

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace kg {

/// One incident edge of a vertex.
struct Neighbor {
    Vertex other;          ///< the vertex at the other end
    Edge edge;             ///< the edge
    bool outgoing = true;  ///< true when the edge leaves the queried vertex
};

/// Every edge incident to v (out-edges, then in-edges), each with the vertex at the other end; edges whose
/// evidence is all negated are left out.
std::vector<Neighbor> neighbors(const KnowledgeGraph& graph, Vertex v);

/// As neighbors(graph, v), keeping only edges whose predicate is in `predicates` (all when empty), and
/// denied ones too with `include_negated`.
std::vector<Neighbor> neighbors(const KnowledgeGraph& graph, Vertex v, const std::vector<std::string>& predicates,
                                bool include_negated = false);

/// A vertex reached by a breadth-first walk, with the edge that first reached it.
struct Reached {
    Vertex vertex;        ///< the vertex reached
    std::size_t depth;    ///< hops from the start
    Vertex from;          ///< the vertex it was reached from (one hop closer)
    Edge edge;            ///< the edge between `from` and `vertex`
    bool forward = true;  ///< true when the edge points from `from` to `vertex`
};

/// Vertices within `depth` hops of v (not v itself), direction ignored, using only edges whose predicate
/// is in `predicates` (all when empty) and that some evidence does not deny (all with `include_negated`);
/// ordered by depth, then vertex index. Each vertex is reached from its lowest-index predecessor, by the
/// first such edge (out-edges before in-edges).
std::vector<Reached> neighborhood(const KnowledgeGraph& graph, Vertex v, std::size_t depth,
                                  const std::vector<std::string>& predicates = {}, bool include_negated = false);

/// A partition of the vertices into groups.
struct Partition {
    std::vector<std::size_t> group_of;          ///< group index of each vertex
    std::vector<std::vector<Vertex>> groups;    ///< members, each sorted; groups by size (largest first),
                                                ///< ties by smallest member
};

/// Weakly connected components (direction dropped), joined by denied edges only with `include_negated`.
Partition weak_components(const KnowledgeGraph& graph, bool include_negated = false);

/// Counts describing a graph.
struct GraphStats {
    std::size_t documents = 0;                          ///< documents added
    std::size_t entities = 0;                           ///< vertices
    std::size_t relations = 0;                          ///< edges
    double total_weight = 0;                            ///< sum of edge weights
    double density = 0;                                 ///< edges / (n (n-1)), directed
    std::size_t components = 0;                         ///< weakly connected components of every stored edge
    std::size_t largest_component = 0;                  ///< vertices in the largest weak component
    std::size_t isolated = 0;                           ///< vertices with no edge
    std::size_t self_loops = 0;                         ///< edges from a vertex to itself
    double mean_degree = 0;                             ///< mean total degree (2 * edges / n)
    std::size_t max_degree = 0;                         ///< largest total degree
    std::map<std::size_t, std::size_t> degree_distribution;  ///< total degree -> number of vertices
    std::map<std::string, std::size_t> by_type;         ///< entity count per type name
    std::map<std::string, std::size_t> by_predicate;    ///< edge count per predicate
};

/// Computes GraphStats.
GraphStats stats(const KnowledgeGraph& graph);

}  // namespace kg
