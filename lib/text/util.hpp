// Internal string helpers shared by the stages (ASCII-only case folding: names in news are mostly
// ASCII, and non-ASCII bytes are kept as they are).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kg::detail {

/// Splits on '\n' (a trailing '\r' is dropped); views point into `text`.
std::vector<std::string_view> split_lines(std::string_view text);
/// Splits on one separator character.
std::vector<std::string_view> split(std::string_view text, char sep);
/// ASCII lower-case copy.
std::string lower(std::string_view s);
/// Appends to `out` the ASCII lower case of `s` (no allocation when `out` has room).
void append_lower(std::string& out, std::string_view s);
/// kg::fold_name() of a text fed piece by piece, appended to `out` (which holds the fold so far, empty at
/// the start; `space` carries the state between pieces, false at the start). The fold of a prefix of the
/// text is a prefix of the fold of the whole text, so the folds of a token span and of all its leading
/// sub-spans come from one pass. Must stay in step with fold_name() in lib/graph/graph.cpp.
void fold_append(std::string& out, bool& space, std::string_view piece);
/// The same into a raw buffer for the hot loops: writes the fold of `piece` at out[n...] (room for
/// 2 * piece.size() bytes is the caller's business) and returns the new length.
std::size_t fold_into(char* out, std::size_t n, bool& space, std::string_view piece);
/// Trims ASCII whitespace.
std::string_view trim(std::string_view s);

// Shapes of a word, used by several stages to judge whether it looks like (part of) a name.
/// CamelCase ("DeepMind", "iPhone"): a capital after the first letter in a word that also has lower case.
bool has_upper_inside(std::string_view w);
/// Contains an ASCII digit.
bool has_digit(std::string_view w);
/// Contains an ASCII letter.
bool has_alpha(std::string_view w);
/// At least two letters, none lower case ("NATO", "U.S.").
bool all_caps(std::string_view w);
/// The possessive token the tokenizer splits off: 's or ’s.
bool is_possessive(std::string_view w);
/// One capital then lower-case letters ("Hinton"); hyphens and apostrophes allowed.
bool plain_cap(std::string_view w);

/// All the shape tests above for one word, in one pass over it (the extractor asks them of every token).
struct WordShape {
    bool upper_inside = false, digit = false, alpha = false, all_caps = false, possessive = false, plain_cap = false;
    bool fold_is_lower = false;  ///< fold_name(w) == lower(w): no ASCII punctuation or blank in w
};
WordShape word_shape(std::string_view w);

}  // namespace kg::detail
