// Cytoscape.js elements JSON, in the shape Cytoscape desktop's .cyjs and NetworkX's cytoscape_graph() read.
#include <kg/export.hpp>

#include <kg/version.hpp>

#include "export/json_writer.hpp"
#include "export/provenance.hpp"
#include "export/text.hpp"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <cmath>
#include <set>
#include <string>

namespace kg {

namespace {

using Writer = exportdetail::JsonWriter;
using exportdetail::put;
using exportdetail::put_number;
using exportdetail::put_seen;


}  // namespace

void write_cytoscape(const KnowledgeGraph& graph, std::ostream& out) {
    const Graph& g = graph.graph();
    const exportdetail::DocumentDays days(graph);
    exportdetail::OStreamSink sink(out);
    Writer w(sink);
    w.SetIndent(' ', 1);

    // Cytoscape.js keeps nodes and edges in one id space. libkg's edge ids contain "--", which a slug never
    // does, but ids read from foreign files might collide: those edges get an "edge:" prefix (and a
    // counter) so every id stays unique.
    std::set<std::string, std::less<>> used;
    for (Vertex v : boost::make_iterator_range(boost::vertices(g))) used.insert(exportdetail::sanitize_utf8(g[v].id, false));

    w.StartObject();
    w.Key("data");
    w.StartObject();
    w.Key("name");
    put(w, "libkg");
    w.Key("generator");
    put(w, std::string("libkg ") + kg::version());
    w.EndObject();
    w.Key("directed");
    w.Bool(true);
    w.Key("multigraph");
    w.Bool(true);
    w.Key("elements");
    w.StartObject();
    w.Key("nodes");
    w.StartArray();
    for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
        const Entity& e = g[v];
        w.StartObject();
        w.Key("data");
        w.StartObject();
        w.Key("id");
        put(w, e.id);
        w.Key("value");  // NetworkX's cytoscape_graph() keys nodes by this
        put(w, e.id);
        w.Key("name");  // Cytoscape desktop labels nodes with "name"
        put(w, e.label);
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
        w.EndObject();
        w.Key("classes");  // so a stylesheet can colour by type: node.PERSON { ... }
        put(w, to_string(e.type));
        w.EndObject();
    }
    w.EndArray();
    w.Key("edges");
    w.StartArray();
    for (Edge ed : exportdetail::edges_in_order(g)) {
        const Relation& r = g[ed];
        std::string id = exportdetail::sanitize_utf8(r.id, false);
        if (used.count(id)) {
            const std::string base = "edge:" + id;
            id = base;
            for (std::size_t n = 2; used.count(id); ++n) id = base + "-" + std::to_string(n);
        }
        used.insert(id);
        w.StartObject();
        w.Key("data");
        w.StartObject();
        w.Key("id");
        put(w, id);
        w.Key("source");
        put(w, g[boost::source(ed, g)].id);
        w.Key("target");
        put(w, g[boost::target(ed, g)].id);
        w.Key("key");  // NetworkX's cytoscape_graph() keeps parallel edges apart by this
        put(w, id);
        w.Key("label");
        put(w, r.predicate);
        w.Key("interaction");  // Cytoscape desktop's name for the edge type
        put(w, r.predicate);
        w.Key("predicate");
        put(w, r.predicate);
        w.Key("weight");
        put_number(w, r.weight);
        w.Key("confidence");
        put_number(w, r.confidence);
        // Every edge is kept, denied ones too, with the counts to filter on.
        const exportdetail::Qualities q = exportdetail::qualities(r);
        for (const auto& [key, n] : {std::pair<const char*, std::size_t>{"asserted", q.asserted},
                                     {"hedged", q.hedged}, {"negated", q.negated}, {"former", q.former}}) {
            w.Key(key);
            w.Uint64(n);
        }
        w.Key("evidence");
        put(w, r.evidence.empty() ? std::string() : r.evidence.front().text);
        w.Key("evidence_quality");
        put(w, r.evidence.empty() ? std::string() : exportdetail::quality_label(r.evidence.front()));
        if (days.any()) put_seen(w, days.seen(r.evidence));
        w.EndObject();
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    w.EndObject();
    sink.Flush();
    out.put('\n');
}

}  // namespace kg
