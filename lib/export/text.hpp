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

/// XML text for element content (attr = false) or a double-quoted attribute value, after sanitize_utf8(xml).
/// CR is written as a reference because parsers turn a literal CR into LF; in attributes tab and LF are
/// too, since attribute normalization would turn them into spaces; '>' always, so "]]>" never appears.
std::string xml_escape(std::string_view s, bool attr);

/// Shortest text that reads back as the same double ("2", "0.85", "1e-07"); "NaN", "INF", "-INF" otherwise
/// (the xs:double spellings).
std::string format_double(double value);

/// format_double, plus ".0" when the result has neither '.' nor an exponent, so Python's json reads a float
/// ("2.0", "0.85", "1e-07"); this is also how NetworkX writes floats, and it reads back to the same bytes.
std::string format_json_double(double value);

/// Number of edges touching each vertex (in + out, parallel edges counted), indexed by vertex.
std::vector<std::size_t> degrees(const Graph& g);

/// Every edge in insertion order (see the comment in write.cpp for why boost::edges() gives that).
std::vector<Edge> edges_in_order(const Graph& g);

}  // namespace kg::exportdetail
