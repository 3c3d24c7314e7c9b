// GEXF 1.3, Gephi's native format, written by hand for the same reasons as GraphML (graphml.cpp).
// 1.3 because only it has the edge `kind`, which Gephi's importer takes as the edge type: without it two
// predicates between the same pair (announced, signed) collapse into one edge. The namespaces are
// gexf.net/1.3 and gexf.net/1.3/viz, as Gephi and NetworkX write them.
#include <kg/export.hpp>

#include <kg/version.hpp>

#include "export/provenance.hpp"
#include "export/style.hpp"
#include "export/text.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace kg {

namespace {

std::string attr(std::string_view s) { return exportdetail::xml_escape(s, true); }

void attvalue(std::string& out, const char* key, const std::string& escaped) {
    out += "          <attvalue for=\"";
    out += key;
    out += "\" value=\"";
    out += escaped;
    out += "\"/>\n";
}

// start/end of a node or edge in a dynamic graph; with no dated document it exists throughout, as GEXF says.
void lifetime(std::string& out, const exportdetail::Seen& seen) {
    if (seen.first.empty()) return;
    out += " start=\"" + seen.first + "\" end=\"" + seen.last + "\"";
}

// The same days as attributes too: Gephi's data table and NetworkX show attributes, not the timeline.
void seen_values(std::string& out, const exportdetail::Seen& seen) {
    if (seen.first.empty()) return;
    attvalue(out, "first_seen", seen.first);
    attvalue(out, "last_seen", seen.last);
}

// GEXF's integer is xs:int; clamp rather than write a value readers reject.
std::string int_text(std::size_t n) { return std::to_string(std::min<std::size_t>(n, 2147483647)); }

}  // namespace

void write_gexf(const KnowledgeGraph& graph, std::ostream& os) {
    const Graph& g = graph.graph();
    const std::vector<std::size_t> degree = exportdetail::degrees(g);
    // Dated documents make the graph dynamic, so Gephi's timeline shows when each node and edge was
    // reported: from the first to the last day of the documents that mention it or give evidence for it.
    const exportdetail::DocumentDays days(graph);
    const bool dynamic = days.any();
    std::string out;
    // No lastmodifieddate: a date would make two runs on the same input differ.
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\"\n"
           "      xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
           "      xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\"\n"
           "      version=\"1.3\">\n"
           "  <meta>\n"
           "    <creator>libkg " + attr(kg::version()) + "</creator>\n"
           "    <description>knowledge graph of news articles; node size grows with degree, colour shows the "
           "type</description>\n"
           "  </meta>\n"
           "  <graph defaultedgetype=\"directed\"" +
           std::string(dynamic ? " mode=\"dynamic\" timeformat=\"date\"" : " mode=\"static\"") + ">\n"
           "    <attributes class=\"node\" mode=\"static\">\n"
           "      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n"
           "      <attribute id=\"aliases\" title=\"aliases\" type=\"string\"/>\n"
           "      <attribute id=\"frequency\" title=\"frequency\" type=\"integer\"/>\n"
           "      <attribute id=\"first_seen\" title=\"first_seen\" type=\"string\"/>\n"
           "      <attribute id=\"last_seen\" title=\"last_seen\" type=\"string\"/>\n"
           "    </attributes>\n"
           "    <attributes class=\"edge\" mode=\"static\">\n"
           "      <attribute id=\"predicate\" title=\"predicate\" type=\"string\"/>\n"
           "      <attribute id=\"confidence\" title=\"confidence\" type=\"double\"/>\n"
           "      <attribute id=\"asserted\" title=\"asserted\" type=\"integer\"/>\n"
           "      <attribute id=\"hedged\" title=\"hedged\" type=\"integer\"/>\n"
           "      <attribute id=\"negated\" title=\"negated\" type=\"integer\"/>\n"
           "      <attribute id=\"former\" title=\"former\" type=\"integer\"/>\n"
           "      <attribute id=\"evidence\" title=\"evidence\" type=\"string\"/>\n"
           "      <attribute id=\"evidence_quality\" title=\"evidence_quality\" type=\"string\"/>\n"
           "      <attribute id=\"first_seen\" title=\"first_seen\" type=\"string\"/>\n"
           "      <attribute id=\"last_seen\" title=\"last_seen\" type=\"string\"/>\n"
           "    </attributes>\n"
           "    <nodes>\n";
    for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
        const Entity& e = g[v];
        const exportdetail::TypeStyle& st = exportdetail::style_of(e.type);
        out += "      <node id=\"" + attr(e.id) + "\" label=\"" + attr(e.label) + "\"";
        const exportdetail::Seen seen = dynamic ? days.seen(e.mentions) : exportdetail::Seen{};
        lifetime(out, seen);
        out += ">\n";
        out += "        <attvalues>\n";
        attvalue(out, "type", attr(to_string(e.type)));
        if (!e.aliases.empty()) {
            std::string joined;
            for (const auto& a : e.aliases) {
                if (!joined.empty()) joined += "; ";
                joined += a;
            }
            attvalue(out, "aliases", attr(joined));
        }
        attvalue(out, "frequency", int_text(e.frequency));
        seen_values(out, seen);
        out += "        </attvalues>\n";
        // Size grows with degree so hubs stand out before any Gephi ranking is applied.
        out += "        <viz:size value=\"" + std::to_string(10 + 4 * std::min<std::size_t>(degree[v], 100)) +
               ".0\"/>\n";
        out += "        <viz:color r=\"" + std::to_string(st.r) + "\" g=\"" + std::to_string(st.g) + "\" b=\"" +
               std::to_string(st.b) + "\"/>\n";
        out += "      </node>\n";
    }
    out += "    </nodes>\n    <edges>\n";
    for (Edge ed : exportdetail::edges_in_order(g)) {
        const Relation& r = g[ed];
        out += "      <edge id=\"" + attr(r.id) + "\" source=\"" + attr(g[boost::source(ed, g)].id) + "\" target=\"" +
               attr(g[boost::target(ed, g)].id) + "\" label=\"" + attr(r.predicate) + "\" kind=\"" +
               attr(r.predicate) + "\"";
        // GEXF has no NaN weight; leaving it out means Gephi's default of 1.
        if (std::isfinite(r.weight)) out += " weight=\"" + exportdetail::format_double(r.weight) + "\"";
        const exportdetail::Seen seen = dynamic ? days.seen(r.evidence) : exportdetail::Seen{};
        lifetime(out, seen);
        out += ">\n        <attvalues>\n";
        attvalue(out, "predicate", attr(r.predicate));
        attvalue(out, "confidence", exportdetail::format_double(r.confidence));
        // Every edge is kept, denied ones too: Gephi users filter on these counts.
        const exportdetail::Qualities q = exportdetail::qualities(r);
        attvalue(out, "asserted", int_text(q.asserted));
        attvalue(out, "hedged", int_text(q.hedged));
        attvalue(out, "negated", int_text(q.negated));
        attvalue(out, "former", int_text(q.former));
        if (!r.evidence.empty()) {
            attvalue(out, "evidence", attr(r.evidence.front().text));
            attvalue(out, "evidence_quality", attr(exportdetail::quality_label(r.evidence.front())));
        }
        seen_values(out, seen);
        out += "        </attvalues>\n      </edge>\n";
    }
    out += "    </edges>\n  </graph>\n</gexf>\n";
    os.write(out.data(), static_cast<std::streamsize>(out.size()));
}

}  // namespace kg
