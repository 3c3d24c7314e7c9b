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

}  // namespace kg::detail
