/// \file
/// kg/centrality.hpp — how central each entity is: degree, betweenness, closeness, PageRank, eigenvector.
///
/// Contract: every function returns one score per vertex, indexed by vertex, and is deterministic: the
/// same graph gives bit-identical scores whatever the thread count. Each measure runs on a stated view of
/// the multigraph, chosen to match the NetworkX call named beside it:
/// - degree: the multigraph itself (parallel edges and self-loops counted, as MultiDiGraph.degree).
/// - betweenness, closeness, harmonic: undirected simple graph (direction dropped, parallel edges
///   collapsed, self-loops dropped), unweighted.
/// - PageRank: directed graph with parallel edges collapsed and self-loops dropped; unweighted by default,
///   or with each collapsed edge weighing the sum of its parallel edges' weights.
/// - eigenvector: undirected simple graph, unweighted (as nx.eigenvector_centrality on nx.Graph).
/// Every view leaves out the edges the articles only deny (kg::negated_only in paths.hpp) unless the
/// options say include_negated; hedged and former relations count like asserted ones.
#pragma once

#include <kg/graph.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace kg {

/// Which degree to count.
enum class DegreeMode {
    in,        ///< incoming edges
    out,       ///< outgoing edges
    total,     ///< in + out
    weighted,  ///< sum of the weights of incident edges (in + out)
};

/// Degree of every vertex on the multigraph (parallel edges counted; a self-loop counts twice in total);
/// edges whose evidence is all negated count only with `include_negated`.
std::vector<double> degree_centrality(const KnowledgeGraph& graph, DegreeMode mode, bool include_negated = false);

/// Options for betweenness_centrality.
struct BetweennessOptions {
    std::size_t sample = 0;        ///< if > 0 and < n, estimate from this many random source pivots
    std::uint64_t seed = 1;        ///< seed for picking the pivots
    std::vector<Vertex> pivots;    ///< explicit pivots (overrides sample); duplicates are ignored
    unsigned threads = 0;          ///< worker threads; 0 = all hardware threads
    bool include_negated = false;  ///< also count edges whose evidence is all negated
};

/// Brandes betweenness on the undirected simple graph, normalized as nx.betweenness_centrality
/// (2/((n-1)(n-2)), raw for n <= 2); with pivots, scaled by n/k as NetworkX does for k samples.
std::vector<double> betweenness_centrality(const KnowledgeGraph& graph, const BetweennessOptions& options = {});

/// The pivots betweenness_centrality uses for `sample` random pivots and `seed` (sorted by vertex).
std::vector<Vertex> betweenness_pivots(std::size_t n, std::size_t sample, std::uint64_t seed);

/// Harmonic centrality: sum over other vertices u of 1/d(v, u) on the undirected simple graph
/// (nx.harmonic_centrality; unreachable vertices add 0); denied edges only with `include_negated`.
std::vector<double> harmonic_centrality(const KnowledgeGraph& graph, unsigned threads = 0,
                                        bool include_negated = false);

/// Closeness with the Wasserman–Faust correction for disconnected graphs on the undirected simple graph:
/// ((r-1)/(n-1)) * ((r-1)/sum of distances), r = vertices reachable including v (nx.closeness_centrality);
/// denied edges only with `include_negated`.
std::vector<double> closeness_centrality(const KnowledgeGraph& graph, unsigned threads = 0,
                                         bool include_negated = false);

/// Options for pagerank.
struct PageRankOptions {
    double alpha = 0.85;           ///< damping factor
    double tolerance = 1e-10;      ///< stop when the L1 change of one round is below n * tolerance
    std::size_t max_iterations = 1000;  ///< stop after this many rounds even if not converged
    bool weighted = false;         ///< weigh a collapsed edge by the sum of its parallel edges' weights
    unsigned threads = 0;          ///< worker threads; 0 = all hardware threads
    bool include_negated = false;  ///< also count edges whose evidence is all negated
};

/// PageRank on the collapsed directed graph (nx.pagerank): uniform teleport, the rank of vertices with no
/// out-edges spread uniformly over all vertices; ranks sum to 1.
std::vector<double> pagerank(const KnowledgeGraph& graph, const PageRankOptions& options = {});

/// Options for eigenvector_centrality.
struct EigenvectorOptions {
    double tolerance = 1e-10;      ///< stop when the L1 change of one round is below n * tolerance
    std::size_t max_iterations = 1000;  ///< stop after this many rounds even if not converged
    unsigned threads = 0;          ///< worker threads; 0 = all hardware threads
    bool include_negated = false;  ///< also count edges whose evidence is all negated
};

/// Eigenvector centrality on the undirected simple graph by the power iteration of NetworkX (on A + I,
/// from a uniform start, L2-normalized), so disconnected graphs give the same answer as NetworkX.
std::vector<double> eigenvector_centrality(const KnowledgeGraph& graph, const EigenvectorOptions& options = {});

/// Top-n vertices by score, ties broken by vertex order.
std::vector<std::pair<Vertex, double>> top_n(const std::vector<double>& scores, std::size_t n);

/// As top_n, counting only vertices whose type is in `types` (all when empty).
std::vector<std::pair<Vertex, double>> top_n(const KnowledgeGraph& graph, const std::vector<double>& scores,
                                             std::size_t n, const std::vector<EntityType>& types);

/// The measures centrality() computes.
enum class Measure { degree, in_degree, out_degree, weighted_degree, betweenness, closeness, harmonic, pagerank,
                     eigenvector };

/// Parses a measure name: degree (or total), in (in-degree), out (out-degree), weighted-degree (weighted),
/// betweenness, closeness, harmonic, pagerank, eigenvector; nullopt otherwise.
std::optional<Measure> parse_measure(std::string_view name);

/// The canonical name of a measure ("in-degree", "pagerank", ...).
const char* to_string(Measure measure);

/// Settings shared by centrality(); each measure reads the ones it understands.
struct CentralityOptions {
    std::size_t sample = 0;   ///< betweenness: random pivots (0 = exact)
    std::uint64_t seed = 1;   ///< betweenness: pivot seed
    bool weighted = false;    ///< pagerank: weigh collapsed edges by summed weight
    unsigned threads = 0;     ///< betweenness, closeness, harmonic, pagerank: worker threads (0 = all)
    bool include_negated = false;  ///< every measure: also count edges whose evidence is all negated
};

/// The scores of one measure, one per vertex.
std::vector<double> centrality(const KnowledgeGraph& graph, Measure measure, const CentralityOptions& options = {});

}  // namespace kg
