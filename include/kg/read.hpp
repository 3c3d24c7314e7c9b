/// \file
/// kg/read.hpp — reading saved graphs back: libkg's own JSON and GraphML, and the plain node-link JSON and
/// GraphML that NetworkX and igraph write.
///
/// Contract:
/// - A file libkg wrote reads back into a graph that writes the same bytes in the same format (JSON → JSON,
///   GraphML → GraphML, yEd GraphML → yEd GraphML). GraphML carries less than JSON (no documents, no
///   mentions, only the first evidence sentence, without its place), so GraphML → JSON is not the original.
/// - Foreign files: attributes are found by name (label, else name, else the node id; type; aliases;
///   frequency; predicate, else label; weight; confidence; evidence). A missing or unknown type becomes
///   UNKNOWN, a missing weight or confidence 1, a missing predicate "related_to"; a missing, repeated or
///   non-string edge id becomes "<source>--<predicate>--<target>" (with "-2", "-3"… when taken).
/// - Malformed input throws kg::Error(bad_input) whose message starts "FILE:LINE:COLUMN:" for syntax
///   errors, or names the element ("FILE: nodes[3]: …", "FILE:LINE: edge 'x': …") for structural ones.
#pragma once

#include <kg/graph.hpp>

#include <string>
#include <string_view>

namespace kg {

/// Parses node-link JSON text; `name` is the file name used in error messages.
KnowledgeGraph parse_json(std::string_view text, const std::string& name);
/// Parses GraphML text (plain or yEd flavour; drawing data is ignored); `name` is used in error messages.
KnowledgeGraph parse_graphml(std::string_view text, const std::string& name);

/// Reads a node-link JSON file ("-" is stdin); unreadable files throw kg::Error(bad_input) naming the path.
KnowledgeGraph read_json(const std::string& path);
/// Reads a GraphML file ("-" is stdin); unreadable files throw kg::Error(bad_input) naming the path.
KnowledgeGraph read_graphml(const std::string& path);
/// Reads a saved graph of either kind, told apart by the first non-blank byte ('{' JSON, '<' GraphML), so
/// tools accept any file name (`kg-query --graph FILE`).
KnowledgeGraph read_graph(const std::string& path);

}  // namespace kg
