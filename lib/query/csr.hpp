// Compact adjacency (CSR) views of a KnowledgeGraph for the analytics: the multigraph's adjacency_list
// is pointer-heavy, and every measure wants a simple graph anyway.
#pragma once

#include <kg/graph.hpp>
#include <kg/paths.hpp>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <thread>
#include <vector>

namespace kg::detail {

/// Rows of neighbours, each sorted by vertex id, parallel edges merged (weights summed), no self-loops.
struct Csr {
    std::size_t n = 0;                  ///< vertices
    std::vector<std::size_t> offset;    ///< row v is [offset[v], offset[v+1])
    std::vector<std::uint32_t> target;  ///< neighbour ids
    std::vector<double> weight;         ///< summed weight (or multiplicity when unweighted views ignore it)
};

/// Which view to build.
enum class View { out, in, undirected };

/// Builds a view: `out` rows hold successors, `in` rows predecessors, `undirected` both (merged). Edges
/// the articles only deny (kg::negated_only) are left out unless `include_negated`: every analytic that
/// reads a view gets the same rule from here.
Csr make_view(const Graph& g, View view, bool include_negated);

/// Threads to use: `requested`, or all hardware threads for 0; never more than `work`.
unsigned thread_count(unsigned requested, std::size_t work);

/// Runs body(block) for blocks 0..blocks-1 on `threads` workers taking blocks in increasing order.
void parallel_blocks(std::size_t blocks, unsigned threads, const std::function<void(std::size_t)>& body);

}  // namespace kg::detail
