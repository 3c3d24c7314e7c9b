/// \file
/// kg/export.hpp — writing a graph for other tools: GraphML (plain and yEd), GEXF, node-link JSON,
/// Cytoscape.js JSON, Graphviz DOT and neo4j-admin CSV; and for readers, an interactive HTML map.
///
/// Contract: output is deterministic (same graph → same bytes): nodes in vertex order, edges in edge
/// insertion order, keys and fields in a fixed order. JSON is the node-link form NetworkX reads with
/// `json_graph.node_link_graph(data, edges="edges")`; GraphML validates against graphml.xsd (the yEd
/// flavour against graphml-yfiles-lax.xsd). Every format writes `weight` as stored on the edge, and every
/// double in its shortest round-trip form (JSON adds ".0" to integral values so Python reads a float).
/// Text is escaped for its format; what a format cannot carry (C0 controls in XML, newlines in CSV) is
/// replaced deliberately, as each writer documents.
///
/// Evidence qualities and dates: every format with attributes gives each edge the counts of its evidence
/// items that are asserted, hedged (a modality such as "expected") and negated (each item in the first that
/// applies, so the three add up to all of them) and former (the relation has ended; any polarity), its first
/// evidence sentence with that item's qualities ("asserted", "hedged (expected)", "negated", then
/// ", former"; JSON keeps every item's flags instead), and each node and edge its first_seen and last_seen:
/// the first and last day (YYYY-MM-DD) of the dated documents that mention the node or give evidence for the
/// edge, absent when none of them is dated. Data formats (GraphML, GEXF, JSON, Cytoscape, CSV) keep every
/// edge, denied ones too, so that readers can filter on the counts; pictures (DOT, yEd) draw a relation only
/// hedged dashed and leave out one only denied unless WriteOptions::show_negated.
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
enum class Format { graphml, json, yed, gexf, cytoscape, dot, csv, html };

/// Parses a format name ("graphml", "json", "yed", "gexf", "cytoscape", "dot", "csv", "html"); nullopt when unknown.
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
    /// dot, yed, html (pictures): also draw the relations whose evidence is all negated, dotted and grey; by
    /// default they are left out. Data formats always keep them, with their counts.
    bool show_negated = false;
    /// html: the most entities a page holds (0: no limit); a bigger graph is cut to that many of highest
    /// degree, as a view's `top`, because the browser lays the page out when it opens it.
    std::size_t html_max_nodes = 5000;
    /// dot: the most entities a drawing holds (0: no limit); a bigger graph is cut to that many of highest
    /// degree (see write_dot), because 200 real entities already fill about 3,800 px and more pile labels up
    /// (past a few thousand, Graphviz shrinks the bitmap to its size limit).
    std::size_t dot_max_nodes = 200;
    /// dot: also draw the entities no drawn relation touches; by default they are left out, because on real
    /// news most entities have no relation and would fill the picture with rows of lone shapes.
    bool keep_isolated = false;
};

/// One document's line of the "extraction" section, exactly as write_json writes it.
std::string extraction_line(const ExtractedDocument& document);

/// Writes NetworkX node-link JSON (keys: directed, multigraph, graph, nodes, edges or options.links_key).
/// An edge has id, source, target, key, predicate, weight, confidence, asserted, hedged, negated, former,
/// first_seen and last_seen (when dated), then its evidence items, each with its own modality, negated and
/// former flags; a node has first_seen and last_seen (when dated) after its frequency. Mentions and evidence
/// items have doc, start and end (UTF-8 byte offsets), cp_start and cp_end (code-point offsets, what
/// Python's text[cp_start:cp_end] takes; absent when unknown, as for graphs read from files without them)
/// and text; graph.offsets names the unit of each ({"start": "utf8_bytes", "cp_start": "code_points", …}).
/// With options.extraction, a last key follows, which NetworkX ignores and read_saved_graph() reads back:
///   "extraction": {"format": 3, "nodes": N, "edges": M, "documents": [one line per document, id order:
///     {"id", "shingles", "minhash" (kg::to_hex), "entities": [[name, type, type_confidence, [alias…],
///      [span…]]…], "relations": [[subject, predicate, object, confidence, span
///      [, modality[, negated[, former]]]]…]}]}
///   where a span is [start, end, text[, cp_start]] (bytes, then the code-point start when known). Formats 1
///   (no former: false) and 2 (no cp_start: its spans stay without code-point offsets) are read too; any
///   other number is refused, naming it.
/// where subject and object index the document's entities, and N and M count the nodes and edges above
/// (a saved file whose graph was changed afterwards no longer matches them).
void write_json(const KnowledgeGraph& graph, std::ostream& out, const WriteOptions& options = {});
/// Writes GraphML (XML declaration, typed keys, node and edge ids equal to the JSON ids; the quality counts,
/// evidence_quality and first_seen/last_seen keys described above).
void write_graphml(const KnowledgeGraph& graph, std::ostream& out);
/// Writes GraphML plus yFiles graphics (shape and fill per type, arrows, predicate labels) so yEd draws it;
/// hedged-only relations dashed, denied ones left out (dotted and grey with options.show_negated).
void write_yed(const KnowledgeGraph& graph, std::ostream& out, const WriteOptions& options = {});
/// Writes GEXF 1.3 for Gephi: typed attributes, edge weights, `kind` = predicate on every edge (Gephi's edge
/// type), viz:color per type, viz:size by degree. When a document of the graph is dated the graph is dynamic
/// (timeformat "date"): each node and edge has `start` and `end`, the first and last day of the documents
/// that mention a node or give evidence for an edge (none when none of them is dated), and the same days as
/// the first_seen and last_seen attributes. Edges also carry the quality counts and evidence_quality.
void write_gexf(const KnowledgeGraph& graph, std::ostream& out);
/// Writes Cytoscape.js elements JSON ({"data","directed","multigraph","elements":{"nodes","edges"}}); edge
/// data has the quality counts, evidence and evidence_quality ("" without evidence), node and edge data
/// first_seen and last_seen when dated.
void write_cytoscape(const KnowledgeGraph& graph, std::ostream& out);
/// What write_dot drew of a graph and what it left out, for the caller to report (kg-export prints `note`
/// on stderr); the same note is in the file, as a comment and in the legend.
struct DotSummary {
    std::size_t entities = 0;   ///< entities in the graph given
    std::size_t drawn = 0;      ///< entities drawn
    std::size_t isolated = 0;   ///< left out because no drawn relation touches them (0 with keep_isolated)
    std::size_t cut = 0;        ///< left out by dot_max_nodes: the others, of lower degree or related only to those
    std::size_t relations = 0;  ///< relations drawn
    std::string note;           ///< one line naming what was left out and the option that draws it; empty if nothing
};

/// Writes Graphviz DOT: fill colour and shape per type, predicate labels, line width by evidence count,
/// hedged-only relations dashed, denied ones left out (dotted and grey with options.show_negated), a legend
/// of all of these; each edge also carries the quality counts, evidence_quality and dates as attributes
/// (Graphviz ignores them; pydot and NetworkX read them). The graph attributes pick a force layout that
/// spreads (sfdp, node overlaps removed), which `dot -Tsvg` follows; `dot -Glayout=dot` gives the layered one.
/// What is drawn: entities without a drawn relation are left out unless options.keep_isolated; of the rest,
/// when more than options.dot_max_nodes (0: no limit), those of highest degree counted over drawn relations
/// (ties by id, bytewise), where one left without a relation to another kept entity gives its place to the
/// next by degree that has one (unless keep_isolated). Entities are written in vertex order, relations in
/// insertion order. Returns what was drawn and left out.
DotSummary write_dot(const KnowledgeGraph& graph, std::ostream& out, const WriteOptions& options = {});
/// Writes one self-contained HTML page that draws the graph and lets a reader explore it offline: a force
/// layout computed in the browser when the page opens (the same for the same file), colour per type as in
/// the other formats, size by degree, a search over names and aliases, type and predicate filters, weight and
/// confidence sliders; a click on an entity lists its relations by predicate, a click on a line lists its
/// evidence, each sentence with its document (title, date, publisher, an http(s) url as a link) and its
/// quality (asserted, hedged, negated; former). Hedged-only relations are dashed, former-only ones grey, and
/// denied-only ones dotted and faint, shown from the start only with options.show_negated (the page has a
/// switch). The page loads nothing (its Content-Security-Policy forbids any fetch and allows only its own
/// script, by hash). The graph is JSON in `<script type="application/json" id="kg-data">` (fields listed in
/// data/html/explorer.js) where every `<`, `>`, `&`, U+2028 and U+2029 is a `\u` escape, so no text of an
/// article can end the element or become markup; the page puts text only in text nodes. A graph of more than
/// options.html_max_nodes entities is cut to that many of highest degree (ties: vertex order), with a
/// kg::warn() and a notice on the page. The same graph and options give the same bytes.
void write_html(const KnowledgeGraph& graph, std::ostream& out, const WriteOptions& options = {});
/// Writes the neo4j-admin nodes file: id:ID, label, type, aliases:string[], frequency:int,
/// documents:string[] (the ids of the documents that mention it), first_seen:date, last_seen:date (their
/// first and last day) and :LABEL "Entity;TYPE". An empty array or unknown date is an empty field (null).
void write_csv_nodes(const KnowledgeGraph& graph, std::ostream& out);
/// Writes the neo4j-admin relationships file: :START_ID, :END_ID, :TYPE (the predicate in UPPER_SNAKE),
/// id, predicate, weight:double, confidence:double, asserted:int, hedged:int, negated:int, former:int (its
/// evidence items by quality), documents:string[], first_seen:date, last_seen:date (of its evidence),
/// evidence, evidence_quality.
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
