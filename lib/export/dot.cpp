// Graphviz DOT, meant for `kg-export --dot | dot -Tsvg > graph.svg`.
#include <kg/export.hpp>

#include <kg/predicates.hpp>
#include <kg/version.hpp>

#include "export/provenance.hpp"
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

void write_dot(const KnowledgeGraph& graph, std::ostream& os, const WriteOptions& options) {
    const Graph& g = graph.graph();
    const exportdetail::DocumentDays days(graph);
    std::string out;
    out += "// libkg " + std::string(kg::version()) +
           ": render with `dot -Tsvg`; fill colour and shape show the entity type, line width the evidence, "
           "dashes a hedge\n"
           "digraph \"libkg\" {\n"
           "  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=10, nodesep=0.25, ranksep=0.6, labelloc=b];\n"
           "  node [shape=box, style=\"filled\", fontname=\"Helvetica\", fontsize=11, color=\"#333333\", "
           "penwidth=0.8, margin=\"0.12,0.04\"];\n"
           "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#555555\", fontcolor=\"#333333\", arrowsize=0.7];\n";

    // The edges as drawn: a relation the articles only deny is no relation in a picture, unless asked for.
    std::string edges;
    std::size_t dashed = 0, denied_drawn = 0, denied_left_out = 0;
    for (Edge ed : exportdetail::edges_in_order(g)) {
        const Relation& r = g[ed];
        const exportdetail::Qualities q = exportdetail::qualities(r);
        const exportdetail::Stroke stroke = exportdetail::stroke_of(q);
        if (stroke == exportdetail::Stroke::denied && !options.show_negated) {
            ++denied_left_out;
            continue;
        }
        // Line width grows with the evidence count, capped so one busy edge does not swamp the picture.
        const double w = std::isfinite(r.weight) ? std::clamp(r.weight, 1.0, 5.0) : 1.0;
        edges += "  " + quoted(g[boost::source(ed, g)].id, false) + " -> " + quoted(g[boost::target(ed, g)].id, false) +
                 " [label=" + quoted(r.predicate, true) + ", penwidth=" + exportdetail::format_double(0.6 + 0.4 * w);
        if (is_symmetric(r.predicate)) edges += ", dir=none";
        if (stroke == exportdetail::Stroke::dashed) {
            edges += ", style=dashed";
            ++dashed;
        } else if (stroke == exportdetail::Stroke::denied) {
            edges += ", style=dotted, color=\"#AAAAAA\", fontcolor=\"#888888\"";
            ++denied_drawn;
        }
        if (!r.evidence.empty()) edges += ", tooltip=" + quoted(r.evidence.front().text, true);
        // Data for readers of the DOT itself (pydot, NetworkX); Graphviz ignores attributes it does not know.
        edges += ", asserted=" + std::to_string(q.asserted) + ", hedged=" + std::to_string(q.hedged) +
                 ", negated=" + std::to_string(q.negated) + ", former=" + std::to_string(q.former);
        if (!r.evidence.empty())
            edges += ", evidence_quality=" + quoted(exportdetail::quality_label(r.evidence.front()), false);
        if (days.any()) {
            const exportdetail::Seen seen = days.seen(r.evidence);
            if (!seen.first.empty()) edges += ", first_seen=\"" + seen.first + "\", last_seen=\"" + seen.last + "\"";
        }
        edges += "];\n";
    }

    // The legend, as an HTML-like graph label (it adds no nodes): one column per type present with its fill
    // colour and shape, then what line width, dashes and dots mean.
    bool present[9] = {};
    for (Vertex v : boost::make_iterator_range(boost::vertices(g))) present[static_cast<unsigned>(g[v].type) % 9] = true;
    std::string types, shapes;
    unsigned columns = 0;
    for (unsigned t = 0; t < 9; ++t) {
        if (!present[t]) continue;
        ++columns;
        const auto& st = exportdetail::style_of(static_cast<EntityType>(t));
        types += std::string("<td bgcolor=\"") + st.hex + "\"><font color=\"" + st.font + "\">" +
                 std::string(to_string(static_cast<EntityType>(t))) + "</font></td>";
        shapes += std::string("<td><font point-size=\"8\">") + st.dot_shape + "</font></td>";
    }
    if (columns > 0) {
        std::string lines = "line width: evidence sentences (1 to 5 or more)";
        if (dashed > 0) lines += "; dashed: only hedged (&quot;expected to&quot;, &quot;may&quot;)";
        if (denied_drawn > 0) lines += "; dotted grey: denied by every sentence (&quot;did not&quot;)";
        if (denied_left_out > 0)
            lines += "; " + std::to_string(denied_left_out) + " denied relation" + (denied_left_out == 1 ? "" : "s") +
                     " not drawn (--show-negated draws them)";
        const std::string span = std::to_string(columns + 1);
        out += "  label=<<table border=\"0\" cellspacing=\"4\" cellpadding=\"3\">"
               "<tr><td align=\"right\">type (fill)</td>" + types + "</tr>"
               "<tr><td align=\"right\"><font point-size=\"8\">shape</font></td>" + shapes + "</tr>"
               "<tr><td colspan=\"" + span + "\"><font point-size=\"8\">" + lines + "</font></td></tr></table>>;\n";
    }

    for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
        const Entity& e = g[v];
        const auto& st = exportdetail::style_of(e.type);
        out += "  " + quoted(e.id, false) + " [label=" + quoted(e.label, true) + ", shape=" + st.dot_shape +
               ", fillcolor=\"" + st.hex + "\", fontcolor=\"" + st.font + "\", tooltip=" +
               quoted(std::string(to_string(e.type)), true);
        if (days.any()) {
            const exportdetail::Seen seen = days.seen(e.mentions);
            if (!seen.first.empty()) out += ", first_seen=\"" + seen.first + "\", last_seen=\"" + seen.last + "\"";
        }
        out += "];\n";
    }
    out += edges;
    out += "}\n";
    os.write(out.data(), static_cast<std::streamsize>(out.size()));
}

}  // namespace kg
