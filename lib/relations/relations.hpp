// Stage 5: relations between the document's entities, each with its evidence sentence, modality and
// negation. Reads DocState::mentions and entities (after resolve_entities()), fills DocState::relations.
#pragma once

#include "core/doc.hpp"

namespace kg::detail {

/// Finds the relations of a document whose entities are resolved.
void find_relations(DocState& st);

}  // namespace kg::detail
