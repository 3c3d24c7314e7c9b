/// \file
/// kg/view.hpp — focused subgraphs for pictures: an entity's neighbourhood, some types, some predicates,
/// the strongest edges, the best-connected entities.
///
/// Contract: a view is a new KnowledgeGraph holding copies of the kept entities and relations with their
/// ids, in the original vertex and edge order, and all documents (those in range with a date filter), so every exporter and reader works on it
/// unchanged. Filters apply in a fixed order: types, predicates and min_weight first; then the ego
/// neighbourhood, walked over the kept edges ignoring direction; then top (by degree in what is left).
#pragma once

#include <kg/graph.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace kg {

/// What to keep; the defaults keep everything.
struct ViewOptions {
    std::optional<Vertex> ego;              ///< keep only entities within `depth` hops of this one (it is always kept)
    std::size_t depth = 1;                  ///< hops from the ego, edges taken in either direction
    std::vector<EntityType> types;          ///< keep entities of these types only (empty: all)
    std::vector<std::string> predicates;    ///< keep relations with these predicates only (empty: all)
    std::optional<double> min_weight;       ///< keep relations whose weight is at least this
    std::size_t top = 0;                    ///< keep the N entities of highest degree, ties by vertex order (0: all)
    std::string since;                      ///< keep evidence and mentions of documents dated on or after this (ISO 8601 prefix)
    std::string until;                      ///< keep evidence and mentions of documents dated on or before this
};

/// A date filter (since/until) applies first: it keeps the documents whose date, cut to the bound's length,
/// lies in range (undated documents are out), the evidence and mentions from them, and recounts weight and
/// frequency from what is kept; relations left without evidence and entities left without mentions or
/// relations go.
/// The subgraph `options` select. When predicates or min_weight filter edges, entities left without any
/// edge are dropped too (they would be noise in a picture of those relations); the ego never is.
KnowledgeGraph make_view(const KnowledgeGraph& graph, const ViewOptions& options);

}  // namespace kg
