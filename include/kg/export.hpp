/// \file
/// kg/export.hpp — writing a graph for other tools: GraphML (plain and yEd), GEXF, node-link JSON,
/// Cytoscape.js JSON, Graphviz DOT and neo4j-admin CSV.
///
/// Contract: output is deterministic (same graph → same bytes): nodes in vertex order, edges in edge
/// insertion order, keys and fields in a fixed order. JSON is the node-link form NetworkX reads with
/// `json_graph.node_link_graph(data, edges="edges")`; GraphML validates against graphml.xsd (the yEd
/// flavour against graphml-yfiles-lax.xsd). Every format writes `weight` as stored on the edge, and every
/// double in its shortest round-trip form (JSON adds ".0" to integral values so Python reads a float).
/// Text is escaped for its format; what a format cannot carry (C0 controls in XML, newlines in CSV) is
/// replaced deliberately, as each writer documents.
#pragma once

#include <kg/graph.hpp>

#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace kg {

struct ExtractedDocument;  // kg/extract.hpp

/// The export formats; csv is the only one that writes a directory rather than a stream.
enum class Format { graphml, json, yed, gexf, cytoscape, dot, csv };

/// Parses a format name ("graphml", "json", "yed", "gexf", "cytoscape", "dot", "csv"); nullopt when unknown.
std::optional<Format> parse_format(std::string_view name) noexcept;
/// The name parse_format() accepts for `format`, for messages and help texts.
std::string_view to_string(Format format) noexcept;

/// Knobs a few formats take; the defaults give the files the foundation issue specified.
struct WriteOptions {
    /// Node-link JSON edge list name: "edges" (NetworkX 3.6 default) or "links" (NetworkX <= 3.5 default, D3).
    std::string links_key = "edges";
    /// json: the documents the graph was merged from, as merge_documents() took them; when set, they are
    /// written as the top-level "extraction" section (see write_json) so that a later run can add documents.
    const std::vector<ExtractedDocument>* extraction = nullptr;
    /// json, when `extraction` is null: the same section from lines extraction_line() rendered earlier, so a
    /// caller need not keep every document's extraction in memory until the graph is written.
    const std::vector<std::string>* extraction_lines = nullptr;
};

/// One document's line of the "extraction" section, exactly as write_json writes it.
std::string extraction_line(const ExtractedDocument& document);

/// Writes NetworkX node-link JSON (keys: directed, multigraph, graph, nodes, edges or options.links_key).
/// With options.extraction, a last key follows, which NetworkX ignores and read_saved_graph() reads back:
///   "extraction": {"format": 2, "nodes": N, "edges": M, "documents": [one line per document, id order:
///     {"id", "shingles", "minhash" (kg::to_hex), "entities": [[name, type, type_confidence, [alias…],
///      [[start, end, text]…]]…], "relations": [[subject, predicate, object, confidence, [start, end, text]
///      [, modality[, negated[, former]]]]…]}]}   (format 1, without former, is read too: former is false)
/// where subject and object index the document's entities, and N and M count the nodes and edges above
/// (a saved file whose graph was changed afterwards no longer matches them).
void write_json(const KnowledgeGraph& graph, std::ostream& out, const WriteOptions& options = {});
/// Writes GraphML (XML declaration, typed keys, node and edge ids equal to the JSON ids).
void write_graphml(const KnowledgeGraph& graph, std::ostream& out);
/// Writes GraphML plus yFiles graphics (shape and fill per type, arrows, predicate labels) so yEd draws it.
void write_yed(const KnowledgeGraph& graph, std::ostream& out);
/// Writes GEXF 1.3 for Gephi: typed attributes, edge weights, `kind` = predicate on every edge (Gephi's edge
/// type), viz:color per type, viz:size by degree. When a document of the graph is dated the graph is dynamic
/// (timeformat "date"): each node and edge has `start` and `end`, the first and last day of the documents
/// that mention a node or give evidence for an edge (none when none of them is dated).
void write_gexf(const KnowledgeGraph& graph, std::ostream& out);
/// Writes Cytoscape.js elements JSON ({"data","directed","multigraph","elements":{"nodes","edges"}}).
void write_cytoscape(const KnowledgeGraph& graph, std::ostream& out);
/// Writes Graphviz DOT: fill colour per type, predicate labels, a type legend; `dot -Tsvg` draws it.
void write_dot(const KnowledgeGraph& graph, std::ostream& out);
/// Writes the neo4j-admin nodes file: id:ID, label, type, aliases:string[], frequency:int,
/// documents:string[] (the ids of the documents that mention it), first_seen:date, last_seen:date (their
/// first and last day) and :LABEL "Entity;TYPE". An empty array or unknown date is an empty field (null).
void write_csv_nodes(const KnowledgeGraph& graph, std::ostream& out);
/// Writes the neo4j-admin relationships file: :START_ID, :END_ID, :TYPE (the predicate in UPPER_SNAKE),
/// id, predicate, weight:double, confidence:double, asserted:int, hedged:int, negated:int (its evidence
/// items by quality), documents:string[], first_seen:date, last_seen:date (of its evidence), evidence.
void write_csv_relationships(const KnowledgeGraph& graph, std::ostream& out);
/// Writes nodes.csv and relationships.csv into `dir` (created if missing) for `neo4j-admin database import`.
/// Both files are complete before either is renamed into place; a new directory appears whole or not at all.
void write_csv_dir(const KnowledgeGraph& graph, const std::string& dir);

/// Writes in the given format; Format::csv throws kg::Error(usage) because it needs a directory.
void write(const KnowledgeGraph& graph, Format format, std::ostream& out, const WriteOptions& options = {});

/// Writes to `path`: atomically (temporary file in the same directory, then rename) when path is a regular
/// file or does not exist, directly otherwise (devices, pipes); "-" is stdout. Format::csv takes a
/// directory instead (see write_csv_dir). Throws kg::Error(output) naming the path on failure, leaving no
/// partial file behind.
void write_file(const KnowledgeGraph& graph, Format format, const std::string& path,
                const WriteOptions& options = {});

/// Writes `data` to `path` by the rules of write_file ("-" stdout, atomic for regular files), for outputs
/// that are not graphs.
void write_output(const std::string& path, const std::string& data);

/// Something that writes an output onto a stream (kg-export --format triples writes records as it goes).
using OutputProducer = std::function<void(std::ostream&)>;
/// Streams what `produce` writes to `path` by the rules of write_file, without holding the output in
/// memory: a regular file is written under a temporary name and renamed into place only when `produce`
/// returned and every byte was written; if `produce` throws, the temporary file is removed and the
/// exception propagates. On stdout, bytes already written stay written.
void write_output(const std::string& path, const OutputProducer& produce);

}  // namespace kg
