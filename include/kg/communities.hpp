/// \file
/// kg/communities.hpp — groups of densely linked entities (Louvain modularity optimization).
///
/// Contract: Louvain runs on the undirected simple graph (direction dropped, parallel edges collapsed,
/// self-loops dropped), unweighted by default or with each collapsed edge weighing the sum of its parallel
/// edges' weights. It is deterministic: vertices are visited in index order and a vertex moves only to a
/// strictly better community, ties going to the community met first. Louvain rather than label
/// propagation because it maximizes a stated objective (modularity, reported and checkable against
/// NetworkX) and does not let a hub's label flood a hub-and-spoke news graph into one community. Edges the
/// articles only deny (kg::negated_only) are left out unless include_negated.
#pragma once

#include <kg/structure.hpp>

#include <cstddef>
#include <vector>

namespace kg {

/// Options for louvain_communities.
struct CommunityOptions {
    bool weighted = false;    ///< weigh edges by summed evidence weight
    double resolution = 1.0;  ///< modularity resolution (gamma); above 1 favours smaller communities
    bool include_negated = false;  ///< also count edges whose evidence is all negated
};

/// Communities found by Louvain, with their modularity.
struct Communities {
    Partition partition;     ///< the communities, largest first
    double modularity = 0;   ///< modularity of the partition on the same view
};

/// Louvain communities (Blondel et al. 2008) on the undirected simple graph.
Communities louvain_communities(const KnowledgeGraph& graph, const CommunityOptions& options = {});

/// Modularity of a partition (group index per vertex) on the view louvain_communities uses, as
/// nx.community.modularity with the given resolution.
double modularity(const KnowledgeGraph& graph, const std::vector<std::size_t>& group_of,
                  const CommunityOptions& options = {});

}  // namespace kg
