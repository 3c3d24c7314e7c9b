// Stage 4: mentions grouped into the document's entities (short forms, acronyms, legal suffixes joined to
// the full name; a seat city acting for its government joined to its country). Reads DocState::mentions,
// fills DocState::entities and each mention's `entity`.
#pragma once

#include "core/doc.hpp"

namespace kg::detail {

/// Groups the mentions of a document into entities (after find_mentions()).
void resolve_entities(DocState& st);

}  // namespace kg::detail
