/// \file
/// kg/query.hpp — questions asked of a graph: paths, neighbours, centrality, structure, and their rendering.
///
/// This header gathers the analytics headers (paths.hpp, centrality.hpp, structure.hpp, communities.hpp)
/// and adds name resolution and the text/JSON rendering the tools print. Results are deterministic.
#pragma once

#include <kg/centrality.hpp>
#include <kg/communities.hpp>
#include <kg/graph.hpp>
#include <kg/paths.hpp>
#include <kg/structure.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kg {

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

/// Several paths from a to b (k shortest or all shortest), numbered from 1, each as render_path prints
/// it after a "path N: H hops, cost C" line. JSON: {"from", "to", "from_id", "to_id", "paths": [{"length",
/// "cost", "hops": [as render_path]}]}.
std::string render_paths(const KnowledgeGraph& graph, Vertex a, Vertex b, const std::vector<Path>& paths,
                         bool json);

/// The vertices within some hops of v. Text: one line per vertex, "depth  via-edge  label (TYPE)". JSON:
/// {"entity": {"id", "label", "type"}, "reached": [{"id", "label", "type", "depth", "from_id", "edge",
/// "predicate", "direction" ("forward"|"backward")}]}.
std::string render_neighborhood(const KnowledgeGraph& graph, Vertex v, const std::vector<Reached>& list, bool json);

/// Groups of a partition (components or communities), at most `top` of them (0 = all); `what` names
/// them ("component", "community"). Text lists each group's size and up to 10 member labels; JSON:
/// {"count", "groups": [{"rank", "size", "members": [{"id", "label", "type"}]}]} plus "modularity" when
/// given (not NaN).
std::string render_partition(const KnowledgeGraph& graph, const Partition& partition, const std::string& what,
                             std::size_t top, double modularity, bool json);

/// A ranking from top_n. `measure` names the score ("degree", "in-degree", "out-degree",
/// "weighted-degree", "betweenness", "closeness", "harmonic", "pagerank", "eigenvector"); degree scores
/// print as integers when whole, others with 6 significant digits. JSON: {"measure", "results": [{"rank",
/// "id", "label", "type", "score"}]}.
std::string render_centrality(const KnowledgeGraph& graph, const std::vector<std::pair<Vertex, double>>& ranking,
                              const std::string& measure, bool json);

/// GraphStats. JSON: {"documents", "entities", "relations", "total_weight", "density", "components",
/// "largest_component", "isolated", "self_loops", "mean_degree", "max_degree", "degree_distribution":
/// {degree: n}, "by_type": {TYPE: n}, "by_predicate": {predicate: n}}.
std::string render_stats(const GraphStats& stats, bool json);

}  // namespace kg
