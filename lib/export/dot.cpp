// Graphviz DOT, meant for `kg-export --dot | dot -Tsvg > graph.svg`.
#include <kg/export.hpp>

#include <kg/predicates.hpp>
#include <kg/version.hpp>

#include "export/style.hpp"
#include "export/text.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace kg {

namespace {

// A double-quoted DOT string. The lexer only knows \" and line continuations, but labels are then
// escString-expanded (\n, \l, \N, \G, \\ ...) and entity-decoded (&amp;), so for labels a backslash is
// doubled, '&' becomes &amp; (Graphviz would otherwise read "&lt;" in a name as "<"), and line breaks
// become \n (CR LF or a lone CR count as one). Ids are not expanded: only quotes and backslashes are
// escaped, which keeps distinct ids distinct. C0 controls and ill-formed UTF-8 become U+FFFD in both.
std::string quoted(std::string_view s, bool label) {
    const std::string clean = exportdetail::sanitize_utf8(s, true);
    std::string out = "\"";
    for (std::size_t i = 0; i < clean.size(); ++i) {
        const char c = clean[i];
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '&': out += label ? "&amp;" : "&"; break;
        case '\r':
            if (!label) out += c;
            else if (i + 1 >= clean.size() || clean[i + 1] != '\n') out += "\\n";
            break;
        case '\n': out += label ? "\\n" : "\n"; break;
        default: out += c;
        }
    }
    out += '"';
    return out;
}

}  // namespace

void write_dot(const KnowledgeGraph& graph, std::ostream& os) {
    const Graph& g = graph.graph();
    std::string out;
    out += "// libkg " + std::string(kg::version()) +
           ": render with `dot -Tsvg`; fill colour and shape show the entity type\n"
           "digraph \"libkg\" {\n"
           "  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=10, nodesep=0.25, ranksep=0.6, labelloc=b];\n"
           "  node [shape=box, style=\"filled\", fontname=\"Helvetica\", fontsize=11, color=\"#333333\", "
           "penwidth=0.8, margin=\"0.12,0.04\"];\n"
           "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#555555\", fontcolor=\"#333333\", arrowsize=0.7];\n";

    // A legend of the types present, as an HTML-like graph label: it adds no nodes to the graph.
    bool present[9] = {};
    for (Vertex v : boost::make_iterator_range(boost::vertices(g))) present[static_cast<unsigned>(g[v].type) % 9] = true;
    std::string legend;
    for (unsigned t = 0; t < 9; ++t) {
        if (!present[t]) continue;
        const auto& st = exportdetail::style_of(static_cast<EntityType>(t));
        legend += std::string("<td bgcolor=\"") + st.hex + "\"><font color=\"" + st.font + "\">" +
                  std::string(to_string(static_cast<EntityType>(t))) + "</font></td>";
    }
    if (!legend.empty())
        out += "  label=<<table border=\"0\" cellspacing=\"4\" cellpadding=\"3\"><tr>" + legend + "</tr></table>>;\n";

    for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
        const Entity& e = g[v];
        const auto& st = exportdetail::style_of(e.type);
        out += "  " + quoted(e.id, false) + " [label=" + quoted(e.label, true) + ", shape=" + st.dot_shape +
               ", fillcolor=\"" + st.hex + "\", fontcolor=\"" + st.font + "\", tooltip=" +
               quoted(std::string(to_string(e.type)), true) + "];\n";
    }
    for (Edge ed : exportdetail::edges_in_order(g)) {
        const Relation& r = g[ed];
        // Line width grows with the evidence count, capped so one busy edge does not swamp the picture.
        const double w = std::isfinite(r.weight) ? std::clamp(r.weight, 1.0, 5.0) : 1.0;
        out += "  " + quoted(g[boost::source(ed, g)].id, false) + " -> " + quoted(g[boost::target(ed, g)].id, false) +
               " [label=" + quoted(r.predicate, true) + ", penwidth=" + exportdetail::format_double(0.6 + 0.4 * w);
        if (is_symmetric(r.predicate)) out += ", dir=none";
        if (!r.evidence.empty()) out += ", tooltip=" + quoted(r.evidence.front().text, true);
        out += "];\n";
    }
    out += "}\n";
    os.write(out.data(), static_cast<std::streamsize>(out.size()));
}

}  // namespace kg
