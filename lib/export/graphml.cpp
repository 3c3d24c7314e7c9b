// GraphML, written by hand: pugixml would emit C0 controls as character references (&#1;), which XML 1.0
// forbids, and hand-written output keeps the bytes fully under our control.
#include <kg/export.hpp>

#include <kg/version.hpp>

#include "export/text.hpp"

#include <algorithm>
#include <climits>
#include <string>

namespace kg {

namespace {

// Escapes for element content (attr = false) or a double-quoted attribute value. CR is written as a
// reference because parsers turn a literal CR into LF; in attributes tab and LF are too, since attribute
// normalization would turn them into spaces.
std::string xml(std::string_view s, bool attr = false) {
    const std::string clean = exportdetail::sanitize_utf8(s, true);
    std::string out;
    out.reserve(clean.size() + clean.size() / 8);
    for (char c : clean) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;  // so "]]>" never appears in content
        case '\r': out += "&#13;"; break;
        case '"': out += attr ? "&quot;" : "\""; break;
        case '\t': out += attr ? "&#9;" : "\t"; break;
        case '\n': out += attr ? "&#10;" : "\n"; break;
        default: out += c;
        }
    }
    return out;
}

void data(std::string& out, const char* key, std::string_view escaped_value) {
    out += "      <data key=\"";
    out += key;
    out += "\">";
    out += escaped_value;
    out += "</data>\n";
}

// Ids are readable slugs in practice; keys avoid "d3"/"d7", which Gephi reads as labels.
constexpr const char* kKeys =
    "  <key id=\"g_generator\" for=\"graph\" attr.name=\"generator\" attr.type=\"string\"/>\n"
    "  <key id=\"n_label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
    "  <key id=\"n_type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
    "  <key id=\"n_aliases\" for=\"node\" attr.name=\"aliases\" attr.type=\"string\">\n"
    "    <desc>other names of the entity, joined with \"; \"</desc>\n"
    "  </key>\n"
    "  <key id=\"n_frequency\" for=\"node\" attr.name=\"frequency\" attr.type=\"int\"/>\n"
    "  <key id=\"e_label\" for=\"edge\" attr.name=\"label\" attr.type=\"string\"/>\n"
    "  <key id=\"e_predicate\" for=\"edge\" attr.name=\"predicate\" attr.type=\"string\"/>\n"
    "  <key id=\"e_weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
    "  <key id=\"e_confidence\" for=\"edge\" attr.name=\"confidence\" attr.type=\"double\"/>\n"
    "  <key id=\"e_evidence\" for=\"edge\" attr.name=\"evidence\" attr.type=\"string\">\n"
    "    <desc>the first evidence sentence</desc>\n"
    "  </key>\n";

}  // namespace

void write_graphml(const KnowledgeGraph& graph, std::ostream& os) {
    const Graph& g = graph.graph();
    std::string out;
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
           "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
           "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
           "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
    out += kKeys;
    out += "  <graph id=\"G\" edgedefault=\"directed\">\n";
    out += "    <data key=\"g_generator\">libkg ";
    out += xml(kg::version());
    out += "</data>\n";

    for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
        const Entity& e = g[v];
        out += "    <node id=\"" + xml(e.id, true) + "\">\n";
        data(out, "n_label", xml(e.label));
        data(out, "n_type", xml(to_string(e.type)));
        if (!e.aliases.empty()) {
            std::string joined;
            for (const auto& a : e.aliases) {
                if (!joined.empty()) joined += "; ";
                joined += a;
            }
            data(out, "n_aliases", xml(joined));
        }
        // xs:int is 32-bit; clamp rather than write a value the schema rejects.
        const auto freq = std::min<std::size_t>(e.frequency, static_cast<std::size_t>(INT_MAX));
        data(out, "n_frequency", std::to_string(freq));
        out += "    </node>\n";
    }

    for (Edge ed : exportdetail::edges_in_order(g)) {
        const Relation& r = g[ed];
        out += "    <edge id=\"" + xml(r.id, true) + "\" source=\"" + xml(g[boost::source(ed, g)].id, true) +
               "\" target=\"" + xml(g[boost::target(ed, g)].id, true) + "\">\n";
        const std::string predicate = xml(r.predicate);
        data(out, "e_label", predicate);
        data(out, "e_predicate", predicate);
        data(out, "e_weight", exportdetail::format_double(r.weight));
        data(out, "e_confidence", exportdetail::format_double(r.confidence));
        if (!r.evidence.empty()) data(out, "e_evidence", xml(r.evidence.front().text));
        out += "    </edge>\n";
    }

    out += "  </graph>\n</graphml>\n";
    os.write(out.data(), static_cast<std::streamsize>(out.size()));
}

}  // namespace kg
