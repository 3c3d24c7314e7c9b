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

}  // namespace kg::detail
