// NetworkX node-link JSON (json_graph.node_link_graph(data, edges="edges")).
#include <kg/export.hpp>

#include <kg/extract.hpp>
#include <kg/version.hpp>

#include "export/json_writer.hpp"
#include "export/provenance.hpp"
#include "export/text.hpp"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cmath>
#include <string>

namespace kg {

namespace {

using Writer = exportdetail::JsonWriter;
using exportdetail::put;
using exportdetail::put_number;
using exportdetail::put_seen;

// Byte offsets always; code-point offsets beside them when known (the graph header names both units).
// cp_end counts the text as written: ill-formed UTF-8 (never in a document libkg read, which it checks) is
// written as U+FFFD, and the file must read back to the same bytes.
void put_span_fields(Writer& w, const Span& s) {
    w.Key("doc");
    put(w, s.doc);
    w.Key("start");
    w.Uint64(s.start);
    w.Key("end");
    w.Uint64(s.end);
    Span clean;
    clean.text = exportdetail::sanitize_utf8(s.text, false);
    if (s.cp_start != Span::unknown) {
        clean.cp_start = s.cp_start;
        w.Key("cp_start");
        w.Uint64(s.cp_start);
        w.Key("cp_end");
        w.Uint64(clean.cp_end());
    }
    w.Key("text");
    w.String(clean.text.data(), static_cast<rapidjson::SizeType>(clean.text.size()));
}

void put_spans(Writer& w, const std::vector<Span>& spans) {
    w.StartArray();
    for (const Span& s : spans) {
        w.StartObject();
        put_span_fields(w, s);
        w.EndObject();
    }
    w.EndArray();
}

// Evidence adds how the sentence states the relation; asserted, non-negated items stay plain spans.
void put_evidence(Writer& w, const std::vector<Evidence>& items) {
    w.StartArray();
    for (const Evidence& s : items) {
        w.StartObject();
        put_span_fields(w, s);
        if (!s.modality.empty()) {
            w.Key("modality");
            put(w, s.modality);
        }
        if (s.negated) {
            w.Key("negated");
            w.Bool(true);
        }
        if (s.former) {
            w.Key("former");
            w.Bool(true);
        }
        w.EndObject();
    }
    w.EndArray();
}


// The extraction section: one compact line per document, so the file stays readable (and diffable) line
// by line while the bulk of it costs no indentation.
using LineWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void put_compact(LineWriter& w, std::string_view s) {
    const std::string clean = exportdetail::sanitize_utf8(s, false);
    w.String(clean.data(), static_cast<rapidjson::SizeType>(clean.size()));
}

// Confidences are finite; null (read back as an error) would only show a bug, never a silent change.
void put_compact_number(LineWriter& w, double v) {
    if (!std::isfinite(v)) {
        w.Null();
        return;
    }
    const std::string s = exportdetail::format_json_double(v);
    w.RawValue(s.data(), s.size(), rapidjson::kNumberType);
}

void put_compact_span(LineWriter& w, const Span& s) {
    w.StartArray();
    w.Uint64(s.start);
    w.Uint64(s.end);
    put_compact(w, s.text);
    if (s.cp_start != Span::unknown) w.Uint64(s.cp_start);
    w.EndArray();
}

void put_line(LineWriter& l, const ExtractedDocument& d) {
    l.StartObject();
    l.Key("id");
    put_compact(l, d.info.id);
    l.Key("shingles");
    l.Uint(d.fingerprint.shingles);
    l.Key("minhash");
    put_compact(l, to_hex(d.fingerprint));
    l.Key("entities");
    l.StartArray();
    for (const DocEntity& e : d.extraction.entities) {
        l.StartArray();
        put_compact(l, e.name);
        put_compact(l, to_string(e.type));
        put_compact_number(l, e.type_confidence);
        l.StartArray();
        for (const std::string& a : e.aliases) put_compact(l, a);
        l.EndArray();
        l.StartArray();
        for (const Mention& m : e.mentions) put_compact_span(l, m);
        l.EndArray();
        l.EndArray();
    }
    l.EndArray();
    l.Key("relations");
    l.StartArray();
    for (const DocRelation& r : d.extraction.relations) {
        l.StartArray();
        l.Uint64(r.subject);
        put_compact(l, r.predicate);
        l.Uint64(r.object);
        put_compact_number(l, r.confidence);
        put_compact_span(l, r.evidence);
        if (!r.evidence.modality.empty() || r.evidence.negated || r.evidence.former) put_compact(l, r.evidence.modality);
        if (r.evidence.negated || r.evidence.former) l.Bool(r.evidence.negated);
        if (r.evidence.former) l.Bool(true);
        l.EndArray();
    }
    l.EndArray();
    l.EndObject();
}

void put_extraction(Writer& w, const KnowledgeGraph& graph, const WriteOptions& options) {
    w.StartObject();
    w.Key("format");
    w.Uint(3);  // 2: a relation may end with a former flag; 3: a span may end with its code-point start
    w.Key("nodes");
    w.Uint64(graph.num_entities());
    w.Key("edges");
    w.Uint64(graph.num_relations());
    w.Key("documents");
    w.StartArray();
    if (options.extraction) {
        rapidjson::StringBuffer line;
        for (const ExtractedDocument& d : *options.extraction) {
            line.Clear();
            LineWriter l(line);
            put_line(l, d);
            w.RawValue(line.GetString(), line.GetSize(), rapidjson::kObjectType);
        }
    } else {
        for (const std::string& line : *options.extraction_lines)
            w.RawValue(line.data(), line.size(), rapidjson::kObjectType);
    }
    w.EndArray();
    w.EndObject();
}

}  // namespace

std::string extraction_line(const ExtractedDocument& document) {
    rapidjson::StringBuffer line;
    LineWriter l(line);
    put_line(l, document);
    return std::string(line.GetString(), line.GetSize());
}

void write_json(const KnowledgeGraph& graph, std::ostream& out, const WriteOptions& options) {
    const Graph& g = graph.graph();
    const exportdetail::DocumentDays days(graph);
    exportdetail::OStreamSink sink(out);
    Writer w(sink);
    w.SetIndent(' ', 1);

    w.StartObject();
    w.Key("directed");
    w.Bool(true);
    w.Key("multigraph");
    w.Bool(true);

    w.Key("graph");
    w.StartObject();
    w.Key("documents");
    w.StartArray();
    for (const DocumentInfo& d : graph.documents()) {
        w.StartObject();
        w.Key("id");
        put(w, d.id);
        w.Key("source");
        put(w, d.source);
        w.Key("bytes");
        w.Uint64(d.bytes);
        // Metadata only when known, so graphs of plain text files keep their earlier bytes.
        for (const auto& [key, value] : {std::pair<const char*, const std::string*>{"title", &d.title},
                                         {"date", &d.date}, {"publisher", &d.publisher}, {"url", &d.url},
                                         {"duplicate_of", &d.duplicate_of}})
            if (!value->empty()) {
                w.Key(key);
                put(w, *value);
            }
        w.EndObject();
    }
    w.EndArray();
    w.Key("generator");
    put(w, std::string("libkg ") + kg::version());
    // Which offsets count what: Python slices text by code points, most C and Rust code by bytes.
    w.Key("offsets");
    w.StartObject();
    for (const auto& [key, unit] : {std::pair<const char*, const char*>{"start", "utf8_bytes"}, {"end", "utf8_bytes"},
                                    {"cp_start", "code_points"}, {"cp_end", "code_points"},
                                    {"salience.first", "utf8_bytes"}}) {
        w.Key(key);
        w.String(unit);
    }
    w.EndObject();
    w.EndObject();

    w.Key("nodes");
    w.StartArray();
    rapidjson::StringBuffer salience;
    for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
        const Entity& e = g[v];
        w.StartObject();
        w.Key("id");
        put(w, e.id);
        w.Key("label");
        put(w, e.label);
        w.Key("type");
        put(w, to_string(e.type));
        w.Key("aliases");
        w.StartArray();
        for (const auto& a : e.aliases) put(w, a);
        w.EndArray();
        w.Key("frequency");
        w.Uint64(e.frequency);
        if (days.any()) put_seen(w, days.seen(e.mentions));
        w.Key("mentions");
        put_spans(w, e.mentions);
        // Salience, per document: where the entity is first named and how often (derived from the mentions,
        // which are in document order and by start within one). On one line: a node named in thousands of
        // articles would otherwise add five indented lines for each.
        salience.Clear();
        {
            LineWriter l(salience);
            l.StartArray();
            for (std::size_t i = 0; i < e.mentions.size();) {
                std::size_t j = i, first = e.mentions[i].start;
                for (; j < e.mentions.size() && e.mentions[j].doc == e.mentions[i].doc; ++j)
                    first = std::min(first, e.mentions[j].start);
                l.StartObject();
                l.Key("doc");
                put_compact(l, e.mentions[i].doc);
                l.Key("first");
                l.Uint64(first);
                l.Key("count");
                l.Uint64(j - i);
                l.EndObject();
                i = j;
            }
            l.EndArray();
        }
        w.Key("salience");
        w.RawValue(salience.GetString(), salience.GetSize(), rapidjson::kArrayType);
        w.Key("joins");
        w.StartArray();
        for (const AliasJoin& j : e.joins) {
            w.StartObject();
            w.Key("alias");
            put(w, j.alias);
            w.Key("doc");
            put(w, j.doc);
            w.Key("confidence");
            put_number(w, j.confidence);
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
    }
    w.EndArray();

    put(w, options.links_key);  // as a key: RapidJSON writes a key with String()
    w.StartArray();
    for (Edge ed : exportdetail::edges_in_order(g)) {
        const Relation& r = g[ed];
        w.StartObject();
        w.Key("id");
        put(w, r.id);
        w.Key("source");
        put(w, g[boost::source(ed, g)].id);
        w.Key("target");
        put(w, g[boost::target(ed, g)].id);
        w.Key("key");
        put(w, r.id);
        w.Key("predicate");
        put(w, r.predicate);
        w.Key("weight");
        put_number(w, r.weight);
        w.Key("confidence");
        put_number(w, r.confidence);
        // Derived from the evidence below, for readers that filter edges without walking it (NetworkX).
        const exportdetail::Qualities q = exportdetail::qualities(r);
        for (const auto& [key, n] : {std::pair<const char*, std::size_t>{"asserted", q.asserted},
                                     {"hedged", q.hedged}, {"negated", q.negated}, {"former", q.former}}) {
            w.Key(key);
            w.Uint64(n);
        }
        if (days.any()) put_seen(w, days.seen(r.evidence));
        w.Key("evidence");
        put_evidence(w, r.evidence);
        w.EndObject();
    }
    w.EndArray();
    if (options.extraction || options.extraction_lines) {
        w.Key("extraction");
        put_extraction(w, graph, options);
    }
    w.EndObject();

    sink.Flush();
    out.put('\n');
}

}  // namespace kg
