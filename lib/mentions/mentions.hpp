// Stage 3: mentions, the names the text gives and their types. The interface the later stages read.
//
// find_mentions() fills DocState::mentions, sorted by start token, from the entity recognizer (lib/ner),
// then adds the names that capitalized-run rules find where the model found none, when a gazetteer entry,
// a cue word or the context vouches for their type. Each MentionCand is:
//   - its span: tokens [b, e) of sentence `sentence` (byte span: tok.tokens[b].start to tok.tokens[e-1].end),
//     never overlapping another mention; titles, honorifics and a leading article are outside it;
//   - `type`, one of the eight entity types, and `confidence`, the recognizer's calibrated probability
//     that span and type are right (1 for a rule mention); `source` says what decided the type (gazetteer,
//     cue word, context, or the model, which counts as context);
//   - `role` and `role_code`: a title or honorific right before the name ("premier", GOV; "datuk", HON);
//     `country` with `mod_b`/`mod_e`: a nationality or country before that title ("Chinese Premier X");
//   - `canonical`, `seat`: what the gazetteer says of the name, when it agrees with the type.
// Dates, times, money, percentages and lone nationality words are never mentions.
#pragma once

#include "core/doc.hpp"

namespace kg::detail {

/// Finds and types the names of a tokenized, prepared document (prepare_tokens(), tag_tokens()).
void find_mentions(DocState& st);

}  // namespace kg::detail
