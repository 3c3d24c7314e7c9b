// GraphML, written by hand: pugixml would emit C0 controls as character references (&#1;), which XML 1.0
// forbids, and hand-written output keeps the bytes fully under our control.
#include <kg/export.hpp>

#include <kg/predicates.hpp>
#include <kg/version.hpp>

#include "export/provenance.hpp"
#include "export/style.hpp"
#include "export/text.hpp"

#include <algorithm>
#include <climits>
#include <string>

namespace kg {

namespace {

using exportdetail::TypeStyle;

std::string xml(std::string_view s, bool attr = false) { return exportdetail::xml_escape(s, attr); }

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
    "  <key id=\"n_first_seen\" for=\"node\" attr.name=\"first_seen\" attr.type=\"string\">\n"
    "    <desc>first day (YYYY-MM-DD) of the dated documents that mention it; absent when none is dated</desc>\n"
    "  </key>\n"
    "  <key id=\"n_last_seen\" for=\"node\" attr.name=\"last_seen\" attr.type=\"string\"/>\n"
    "  <key id=\"e_label\" for=\"edge\" attr.name=\"label\" attr.type=\"string\"/>\n"
    "  <key id=\"e_predicate\" for=\"edge\" attr.name=\"predicate\" attr.type=\"string\"/>\n"
    "  <key id=\"e_weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
    "  <key id=\"e_confidence\" for=\"edge\" attr.name=\"confidence\" attr.type=\"double\"/>\n"
    "  <key id=\"e_asserted\" for=\"edge\" attr.name=\"asserted\" attr.type=\"int\">\n"
    "    <desc>evidence sentences that state the relation plainly</desc>\n"
    "  </key>\n"
    "  <key id=\"e_hedged\" for=\"edge\" attr.name=\"hedged\" attr.type=\"int\">\n"
    "    <desc>evidence sentences that hedge it (\"is expected to\", \"may\") without denying it</desc>\n"
    "  </key>\n"
    "  <key id=\"e_negated\" for=\"edge\" attr.name=\"negated\" attr.type=\"int\">\n"
    "    <desc>evidence sentences that deny it (\"did not\"); asserted + hedged + negated = all of them</desc>\n"
    "  </key>\n"
    "  <key id=\"e_former\" for=\"edge\" attr.name=\"former\" attr.type=\"int\">\n"
    "    <desc>evidence sentences that say it held but has ended (\"former CEO\"), whatever their polarity</desc>\n"
    "  </key>\n"
    "  <key id=\"e_evidence\" for=\"edge\" attr.name=\"evidence\" attr.type=\"string\">\n"
    "    <desc>the first evidence sentence</desc>\n"
    "  </key>\n"
    "  <key id=\"e_evidence_quality\" for=\"edge\" attr.name=\"evidence_quality\" attr.type=\"string\">\n"
    "    <desc>how the first evidence sentence states it: asserted, hedged (modality) or negated, then \", former\" "
    "when it has ended</desc>\n"
    "  </key>\n"
    "  <key id=\"e_first_seen\" for=\"edge\" attr.name=\"first_seen\" attr.type=\"string\">\n"
    "    <desc>first day (YYYY-MM-DD) of the dated documents of its evidence; absent when none is dated</desc>\n"
    "  </key>\n"
    "  <key id=\"e_last_seen\" for=\"edge\" attr.name=\"last_seen\" attr.type=\"string\"/>\n";

// yEd reads drawing data only from keys with these yfiles.type values; they carry no attr.name because
// they are not attributes, and yEd itself declares them this way.
constexpr const char* kYedKeys =
    "  <key id=\"n_graphics\" for=\"node\" yfiles.type=\"nodegraphics\"/>\n"
    "  <key id=\"e_graphics\" for=\"edge\" yfiles.type=\"edgegraphics\"/>\n";

// yEd does not lay out on opening, so nodes get a grid position (Layout > ... rearranges them) and a width
// that fits the label roughly (yEd measures with the real font; this only avoids overlaps at first sight).
void yed_node_graphics(std::string& out, const Entity& e, std::size_t index, std::size_t columns) {
    const TypeStyle& st = exportdetail::style_of(e.type);
    std::size_t chars = 0;
    for (unsigned char c : e.label)
        if ((c & 0xC0) != 0x80) ++chars;  // count code points, not bytes
    const std::size_t width = std::max<std::size_t>(60, std::min<std::size_t>(chars, 60) * 7 + 20);
    const std::size_t x = (index % columns) * 200, y = (index / columns) * 80;
    out += "      <data key=\"n_graphics\">\n"
           "        <y:ShapeNode>\n"
           "          <y:Geometry height=\"40.0\" width=\"" + std::to_string(width) + ".0\" x=\"" +
           std::to_string(x) + ".0\" y=\"" + std::to_string(y) + ".0\"/>\n"
           "          <y:Fill color=\"" + st.hex + "\" transparent=\"false\"/>\n"
           "          <y:BorderStyle color=\"#333333\" type=\"line\" width=\"1.0\"/>\n"
           "          <y:NodeLabel alignment=\"center\" autoSizePolicy=\"content\" fontFamily=\"Dialog\" "
           "fontSize=\"12\" fontStyle=\"plain\" textColor=\"" + st.font + "\" visible=\"true\">" +
           xml(e.label) + "</y:NodeLabel>\n"
           "          <y:Shape type=\"" + st.yed_shape + "\"/>\n"
           "        </y:ShapeNode>\n"
           "      </data>\n";
}

// A hedged relation is drawn dashed, a denied one (only with show_negated) dotted and grey.
void yed_edge_graphics(std::string& out, const Relation& r, exportdetail::Stroke stroke) {
    const bool symmetric = is_symmetric(r.predicate);
    const char* line = stroke == exportdetail::Stroke::denied
                           ? "<y:LineStyle color=\"#AAAAAA\" type=\"dotted\" width=\"1.0\"/>"
                           : stroke == exportdetail::Stroke::dashed ? "<y:LineStyle color=\"#555555\" type=\"dashed\" width=\"1.0\"/>"
                                                                    : "<y:LineStyle color=\"#555555\" type=\"line\" width=\"1.0\"/>";
    out += "      <data key=\"e_graphics\">\n"
           "        <y:PolyLineEdge>\n"
           "          ";
    out += line;
    out += "\n"
           "          <y:Arrows source=\"none\" target=\"";
    out += symmetric ? "none" : "standard";
    out += "\"/>\n"
           "          <y:EdgeLabel alignment=\"center\" fontFamily=\"Dialog\" fontSize=\"10\" fontStyle=\"plain\" "
           "textColor=\"#333333\" visible=\"true\">" + xml(r.predicate) + "</y:EdgeLabel>\n"
           "          <y:BendStyle smoothed=\"false\"/>\n"
           "        </y:PolyLineEdge>\n"
           "      </data>\n";
}

// count as xs:int: clamped rather than a value the schema rejects.
std::string int_text(std::size_t n) { return std::to_string(std::min<std::size_t>(n, static_cast<std::size_t>(INT_MAX))); }

void write_graphml_flavour(const KnowledgeGraph& graph, std::ostream& os, bool yed, bool show_negated) {
    const Graph& g = graph.graph();
    const exportdetail::DocumentDays days(graph);
    std::string out;
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
           "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n";
    if (yed)
        out += "         xmlns:y=\"http://www.yworks.com/xml/graphml\"\n"
               "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
               "http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd\">\n";
    else
        out += "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
               "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
    out += kKeys;
    if (yed) out += kYedKeys;
    std::size_t columns = 1;
    while (columns * columns < boost::num_vertices(g)) ++columns;
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
        if (days.any()) {
            const exportdetail::Seen seen = days.seen(e.mentions);
            if (!seen.first.empty()) {
                data(out, "n_first_seen", seen.first);
                data(out, "n_last_seen", seen.last);
            }
        }
        if (yed) yed_node_graphics(out, e, v, columns);
        out += "    </node>\n";
    }

    for (Edge ed : exportdetail::edges_in_order(g)) {
        const Relation& r = g[ed];
        const exportdetail::Qualities q = exportdetail::qualities(r);
        const exportdetail::Stroke stroke = exportdetail::stroke_of(q);
        // yEd is a picture: a relation the articles only deny is not drawn unless asked for. Plain GraphML is
        // data and keeps every edge with its counts, for the reader to filter.
        if (yed && stroke == exportdetail::Stroke::denied && !show_negated) continue;
        out += "    <edge id=\"" + xml(r.id, true) + "\" source=\"" + xml(g[boost::source(ed, g)].id, true) +
               "\" target=\"" + xml(g[boost::target(ed, g)].id, true) + "\">\n";
        const std::string predicate = xml(r.predicate);
        data(out, "e_label", predicate);
        data(out, "e_predicate", predicate);
        data(out, "e_weight", exportdetail::format_double(r.weight));
        data(out, "e_confidence", exportdetail::format_double(r.confidence));
        data(out, "e_asserted", int_text(q.asserted));
        data(out, "e_hedged", int_text(q.hedged));
        data(out, "e_negated", int_text(q.negated));
        data(out, "e_former", int_text(q.former));
        if (!r.evidence.empty()) {
            data(out, "e_evidence", xml(r.evidence.front().text));
            data(out, "e_evidence_quality", xml(exportdetail::quality_label(r.evidence.front())));
        }
        if (days.any()) {
            const exportdetail::Seen seen = days.seen(r.evidence);
            if (!seen.first.empty()) {
                data(out, "e_first_seen", seen.first);
                data(out, "e_last_seen", seen.last);
            }
        }
        if (yed) yed_edge_graphics(out, r, stroke);
        out += "    </edge>\n";
    }

    out += "  </graph>\n</graphml>\n";
    os.write(out.data(), static_cast<std::streamsize>(out.size()));
}

}  // namespace

void write_graphml(const KnowledgeGraph& graph, std::ostream& os) { write_graphml_flavour(graph, os, false, true); }

void write_yed(const KnowledgeGraph& graph, std::ostream& os, const WriteOptions& options) {
    write_graphml_flavour(graph, os, true, options.show_negated);
}

}  // namespace kg
