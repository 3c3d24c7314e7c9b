/// \file
/// kg/paths.hpp — paths between entities: shortest, weighted, k shortest loop-free (Yen), all shortest.
///
/// Contract:
/// - By default a walk may use an edge either way (reachability ignores direction); with `directed` it
///   follows edges only from subject to object. Each step records which way its edge really points.
/// - Unweighted, a path's cost is its number of hops. Weighted, a hop costs
///   edge_cost(e) = 1 / (max(weight, 1) * clamp(confidence, 0.05, 1)): a single-sentence edge at full
///   confidence costs 1, an edge attested by 4 sentences costs 1/4, and doubt lengthens a hop.
/// - Between two vertices a walk takes one edge: the heaviest (unweighted) or the cheapest (weighted);
///   ties go to the first in out-edges-then-in-edges order. Paths therefore differ in their vertices.
/// - Ties between equal-cost paths go to the predecessor with the lower vertex index, so results do not
///   depend on container details. Paths never repeat a vertex.
/// - A relation the articles only deny (negated_only: "Google did not attend …") is not a hop unless
///   PathOptions::include_negated; hedged relations are (their confidence already raises their weighted
///   cost), and so are former ones. An edge without evidence (read from a foreign file) counts as asserted.
#pragma once

#include <kg/graph.hpp>

#include <cstddef>
#include <optional>
#include <vector>

namespace kg {

/// One hop of a path.
struct PathStep {
    Vertex from;          ///< vertex the walk leaves
    Vertex to;            ///< vertex the walk reaches
    Edge edge;            ///< the edge used
    bool forward = true;  ///< true when the edge points from `from` to `to`
};

/// A path with its cost (hops, or the sum of edge_cost when weighted).
struct Path {
    std::vector<PathStep> steps;  ///< hops in walk order; empty for a path from a vertex to itself
    double cost = 0;              ///< total cost
};

/// How to search.
struct PathOptions {
    bool directed = false;                 ///< follow edges only from subject to object
    bool weighted = false;                 ///< minimize the sum of edge_cost instead of the hop count
    std::vector<EntityType> via_types;     ///< if not empty, inner vertices must have one of these types
    std::vector<Vertex> avoid;             ///< inner vertices that must not be used
    bool include_negated = false;          ///< also walk relations whose evidence is all negated
};

/// Whether the articles only deny `r`: it has evidence and every item is negated. Paths, neighbours,
/// centralities and communities leave such edges out unless asked to include them; exports keep them.
bool negated_only(const Relation& r) noexcept;

/// The cost of one hop over `r` when searching weighted (see the contract above).
double edge_cost(const Relation& r);

/// Shortest path from a to b; nullopt when unreachable (or a, b out of range).
std::optional<Path> shortest_path(const KnowledgeGraph& graph, Vertex a, Vertex b, const PathOptions& options);

/// Shortest path ignoring direction and weights (fewest hops).
std::optional<std::vector<PathStep>> shortest_path(const KnowledgeGraph& graph, Vertex a, Vertex b);

/// Up to k loop-free paths from a to b in order of cost (Yen's algorithm); equal costs are ordered by
/// fewer hops, then by the sequence of vertex indices.
std::vector<Path> k_shortest_paths(const KnowledgeGraph& graph, Vertex a, Vertex b, std::size_t k,
                                   const PathOptions& options = {});

/// Every path of minimal cost from a to b (at most `limit`), ordered by the sequence of vertex indices.
/// Weighted costs count as equal within a relative 1e-9.
std::vector<Path> all_shortest_paths(const KnowledgeGraph& graph, Vertex a, Vertex b, const PathOptions& options = {},
                                     std::size_t limit = 10000);

}  // namespace kg
