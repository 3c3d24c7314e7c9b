/// \file
/// kg/read.hpp — reading saved graphs back: libkg's own JSON and GraphML, and the plain node-link JSON and
/// GraphML that NetworkX and igraph write.
///
/// Contract:
/// - A file libkg wrote reads back into a graph that writes the same bytes in the same format (JSON → JSON,
///   GraphML → GraphML, yEd GraphML → yEd GraphML). GraphML carries less than JSON (no documents, no
///   mentions, only the first evidence sentence, without its place), so GraphML → JSON is not the original.
/// - kg-export's JSON may end with an "extraction" section (kg/export.hpp): parse_json() skips it,
///   read_saved_graph() reads it, so that documents can be added to the graph as if extracted with it.
/// - Foreign files: attributes are found by name (label, else name, else the node id; type; aliases;
///   frequency; predicate, else label; weight; confidence; evidence). A missing or unknown type becomes
///   UNKNOWN, a missing weight or confidence 1, a missing predicate "related_to"; a missing, repeated or
///   non-string edge id becomes "<source>--<predicate>--<target>" (with "-2", "-3"… when taken).
/// - Malformed input throws kg::Error(bad_input) whose message starts "FILE:LINE:COLUMN:" for syntax
///   errors, or names the element ("FILE: nodes[3]: …", "FILE:LINE: edge 'x': …") for structural ones.
#pragma once

#include <kg/extract.hpp>
#include <kg/graph.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

/// A saved graph with what adding documents to it needs: the per-document extraction it was merged from.
struct SavedGraph {
    KnowledgeGraph graph;  ///< the graph as read_graph() reads it
    /// The "extraction" section of libkg's JSON (see write_json), as merge_documents() takes it: DocumentInfo
    /// from graph.documents (without duplicate_of), fingerprints and extractions from the section. nullopt
    /// when the file has none: GraphML, foreign JSON, an older libkg, a view, or `kg-export --no-extraction`.
    std::optional<std::vector<ExtractedDocument>> extraction;
    std::string generator;  ///< the JSON's graph.generator ("libkg 0.1.0"), empty when absent
};

/// Parses node-link JSON as parse_json() does, plus its extraction section. A section that is malformed,
/// or does not match the file (document ids, node and edge counts), throws kg::Error(bad_input) naming it.
SavedGraph parse_saved_json(std::string_view text, const std::string& name);
/// Reads a saved graph of either kind as read_graph() does, with the extraction section of a libkg JSON file.
SavedGraph read_saved_graph(const std::string& path);

/// What read_saved_documents() found besides the documents.
struct SavedDocuments {
    bool has_extraction = false;  ///< false: the file has no extraction section (as SavedGraph::extraction)
    std::string generator;        ///< the JSON's graph.generator, empty when absent
};

/// Reads a saved graph as read_saved_graph() does (the same checks, the same errors), but hands the documents
/// of its extraction section to `each`, one at a time and in order, instead of returning them; builds the
/// graph into `*graph` only when `graph` is given. Adding documents to a saved graph rebuilds the graph from
/// its documents: holding the graph and every document as structs as well took four times the memory.
SavedDocuments read_saved_documents(const std::string& path, const std::function<void(ExtractedDocument&&)>& each,
                                    KnowledgeGraph* graph = nullptr);

}  // namespace kg
