/// \file
/// kg/kg.hpp — the whole public API in one include: `#include <kg/kg.hpp>`.
///
/// Each header below holds one concept and can also be included on its own; see the namespace kg for
/// the entry points.
#pragma once

#include <kg/centrality.hpp>
#include <kg/communities.hpp>
#include <kg/corpus.hpp>
#include <kg/dedup.hpp>
#include <kg/error.hpp>
#include <kg/export.hpp>
#include <kg/extract.hpp>
#include <kg/graph.hpp>
#include <kg/lexicon.hpp>
#include <kg/limits.hpp>
#include <kg/model.hpp>
#include <kg/paths.hpp>
#include <kg/predicates.hpp>
#include <kg/query.hpp>
#include <kg/read.hpp>
#include <kg/records.hpp>
#include <kg/score.hpp>
#include <kg/structure.hpp>
#include <kg/version.hpp>
#include <kg/view.hpp>

/// libkg: English news articles in, a knowledge graph of entities and relations with their evidence out.
///
/// Entry points: load_documents() or Document values you fill yourself → build_graph() (or Extractor per
/// document) → KnowledgeGraph, whose graph() is a Boost.Graph adjacency_list; then queries
/// (shortest_path(), neighbors(), centrality(), louvain_communities()), views (make_view()), writers
/// (write_file()) and readers (read_graph()). Failures throw kg::Error.
namespace kg {}
