// Internal helpers shared by the exporters (lib/export only).
#pragma once

#include <kg/graph.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace kg::exportdetail {

/// Valid UTF-8 copy of `in`: each ill-formed sequence (overlong, surrogate, > U+10FFFF, truncated) becomes
/// U+FFFD. With `xml`, code points XML 1.0 forbids (C0 controls but tab/LF/CR, U+FFFE, U+FFFF) also do.
std::string sanitize_utf8(std::string_view in, bool xml);

/// Shortest text that reads back as the same double ("2", "0.85", "1e-07"); "NaN", "INF", "-INF" otherwise
/// (the xs:double spellings).
std::string format_double(double value);

/// Every edge in insertion order (see the comment in write.cpp for why boost::edges() gives that).
std::vector<Edge> edges_in_order(const Graph& g);

}  // namespace kg::exportdetail
