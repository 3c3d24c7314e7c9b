// NetworkX node-link JSON (json_graph.node_link_graph(data, edges="edges")).
#include <kg/export.hpp>

#include <kg/version.hpp>

#include "export/json_writer.hpp"
#include "export/text.hpp"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <cmath>
#include <string>

namespace kg {

namespace {

using Writer = exportdetail::JsonWriter;
using exportdetail::put;
using exportdetail::put_number;

void put_span_fields(Writer& w, const Span& s) {
    w.Key("doc");
    put(w, s.doc);
    w.Key("start");
    w.Uint64(s.start);
    w.Key("end");
    w.Uint64(s.end);
    w.Key("text");
    put(w, s.text);
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
        w.EndObject();
    }
    w.EndArray();
}

}  // namespace

void write_json(const KnowledgeGraph& graph, std::ostream& out, const WriteOptions& options) {
    const Graph& g = graph.graph();
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
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
    w.EndObject();

    w.Key("nodes");
    w.StartArray();
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
        w.Key("mentions");
        put_spans(w, e.mentions);
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
        w.Key("evidence");
        put_evidence(w, r.evidence);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();

    out.write(buffer.GetString(), static_cast<std::streamsize>(buffer.GetSize()));
    out.put('\n');
}

}  // namespace kg
