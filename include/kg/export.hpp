// kg/export.hpp — writing a graph for other tools: NetworkX node-link JSON and GraphML.
//
// Contract: output is deterministic (same graph → same bytes): nodes in vertex order, edges in edge
// insertion order, keys and fields in a fixed order. JSON is the node-link form NetworkX reads with
// `json_graph.node_link_graph(data, edges="edges")`; GraphML validates against graphml.xsd. Both write
// `weight` as stored on the edge.
#pragma once

#include <kg/graph.hpp>

#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace kg {

/// The export formats.
enum class Format { graphml, json };

/// Parses a format name ("graphml", "json"); nullopt when unknown.
std::optional<Format> parse_format(std::string_view name) noexcept;

/// Writes NetworkX node-link JSON (keys: directed, multigraph, graph, nodes, edges).
void write_json(const KnowledgeGraph& graph, std::ostream& out);
/// Writes GraphML (XML declaration, typed keys, node and edge ids equal to the JSON ids).
void write_graphml(const KnowledgeGraph& graph, std::ostream& out);
/// Writes in the given format.
void write(const KnowledgeGraph& graph, Format format, std::ostream& out);

/// Writes to `path`: atomically (temporary file in the same directory, then rename) when path is a regular
/// file or does not exist, directly otherwise (devices, pipes); "-" is stdout. Throws kg::Error(output)
/// naming the path on failure, leaving no partial file behind.
void write_file(const KnowledgeGraph& graph, Format format, const std::string& path);

}  // namespace kg
