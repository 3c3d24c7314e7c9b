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
#include <vector>

namespace kg {

namespace {

// Up to this many entities, edges are routed around nodes and nodes keep a gap wide enough for an edge
// label. Beyond, routing grows with nodes times edges (Wikinews: 2 s for 100 entities, 8 s for 200) and such
// gaps push 200 entities to 4,500 px: straight lines and a narrower gap. Routing is polyline because
// Graphviz 2.43 routes splines=true differently from one run to the next (polylines are stable).
constexpr std::size_t kSmallDrawing = 100;

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

// 1912 -> "1,912": the note's counts are read by people.
std::string with_commas(std::size_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

// Which entities a drawing keeps (see write_dot in kg/export.hpp). `drawn` marks the edges drawn, in
// edges_in_order; degrees count those only, so an entity known only through denials is isolated too.
std::vector<bool> choose_entities(const Graph& g, const std::vector<Edge>& edges, const std::vector<bool>& drawn,
                                  const WriteOptions& options, DotSummary& summary) {
    const std::size_t n = boost::num_vertices(g);
    std::vector<std::size_t> degree(n, 0);
    std::vector<std::vector<Vertex>> neighbours(n);
    for (std::size_t i = 0; i < edges.size(); ++i) {
        if (!drawn[i]) continue;
        const Vertex s = boost::source(edges[i], g), t = boost::target(edges[i], g);
        ++degree[s], ++degree[t];
        neighbours[s].push_back(t);
        neighbours[t].push_back(s);
    }
    std::vector<bool> keep(n, false);
    std::vector<Vertex> candidates;
    for (Vertex v = 0; v < n; ++v)
        if (degree[v] > 0 || options.keep_isolated) {
            keep[v] = true;
            candidates.push_back(v);
        }
    summary.isolated = n - candidates.size();
    const std::size_t limit = options.dot_max_nodes;
    if (limit == 0 || candidates.size() <= limit) return keep;

    // The best-connected entities, ties by id so that the choice does not depend on the order of the input.
    std::sort(candidates.begin(), candidates.end(), [&](Vertex a, Vertex b) {
        return degree[a] != degree[b] ? degree[a] > degree[b] : g[a].id < g[b].id;
    });
    std::fill(keep.begin(), keep.end(), false);
    for (std::size_t i = 0; i < limit; ++i) keep[candidates[i]] = true;
    if (!options.keep_isolated) {
        // An entity whose every relation goes to one cut would stand alone, a shape that says nothing: its
        // place goes to the next by degree that relates to a kept one. Neither step can leave another alone.
        auto related = [&](Vertex v) {
            return std::any_of(neighbours[v].begin(), neighbours[v].end(), [&](Vertex w) { return keep[w]; });
        };
        std::size_t kept = limit;
        for (std::size_t i = 0; i < limit; ++i)
            if (!related(candidates[i])) keep[candidates[i]] = false, --kept;
        for (std::size_t i = limit; i < candidates.size() && kept < limit; ++i)
            if (related(candidates[i])) keep[candidates[i]] = true, ++kept;
    }
    return keep;
}

// The note for the file, the legend and stderr; empty when everything is drawn.
std::string note_of(const DotSummary& s) {
    if (s.isolated == 0 && s.cut == 0) return "";
    std::string note = "the drawing shows ";
    if (s.cut > 0)
        note += "the " + with_commas(s.drawn) + " of " + with_commas(s.entities) +
                " entities of highest degree (--max-nodes N draws more, 0 all)";
    else
        note += with_commas(s.drawn) + " of " + with_commas(s.entities) + " entities";
    if (s.isolated > 0)
        note += "; " + with_commas(s.isolated) + " without relations left out (--keep-isolated draws them)";
    return note;
}

}  // namespace

DotSummary write_dot(const KnowledgeGraph& graph, std::ostream& os, const WriteOptions& options) {
    const Graph& g = graph.graph();
    const exportdetail::DocumentDays days(graph);

    // The edges as drawn: a relation the articles only deny is no relation in a picture, unless asked for.
    const std::vector<Edge> order = exportdetail::edges_in_order(g);
    std::vector<bool> drawn(order.size(), true);
    std::size_t denied_left_out = 0;
    for (std::size_t i = 0; i < order.size(); ++i)
        if (!options.show_negated &&
            exportdetail::stroke_of(exportdetail::qualities(g[order[i]])) == exportdetail::Stroke::denied) {
            drawn[i] = false;
            ++denied_left_out;
        }
    DotSummary summary;
    summary.entities = boost::num_vertices(g);
    const std::vector<bool> keep = choose_entities(g, order, drawn, options, summary);
    summary.drawn = static_cast<std::size_t>(std::count(keep.begin(), keep.end(), true));
    summary.cut = summary.entities - summary.drawn - summary.isolated;

    std::string edges;
    std::size_t dashed = 0, denied_drawn = 0;
    for (std::size_t i = 0; i < order.size(); ++i) {
        const Edge ed = order[i];
        const Vertex source = boost::source(ed, g), target = boost::target(ed, g);
        if (!drawn[i] || !keep[source] || !keep[target]) continue;
        ++summary.relations;
        const Relation& r = g[ed];
        const exportdetail::Qualities q = exportdetail::qualities(r);
        const exportdetail::Stroke stroke = exportdetail::stroke_of(q);
        // Line width grows with the evidence count, capped so one busy edge does not swamp the picture.
        const double w = std::isfinite(r.weight) ? std::clamp(r.weight, 1.0, 5.0) : 1.0;
        edges += "  " + quoted(g[source].id, false) + " -> " + quoted(g[target].id, false) +
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
    summary.note = note_of(summary);

    // A force layout (sfdp: fast on thousands of nodes) whatever engine the command names, node overlaps
    // removed (prism), edges under nodes so that lines never hide a name. rankdir, nodesep and ranksep serve
    // `dot -Glayout=dot`, the layered drawing of earlier versions.
    std::string out;
    out += "// libkg " + std::string(kg::version()) +
           ": render with `dot -Tsvg`; fill colour and shape show the entity type, line width the evidence, "
           "dashes a hedge\n";
    if (!summary.note.empty()) out += "// " + summary.note + "\n";
    out += "digraph \"libkg\" {\n"
           "  graph [layout=sfdp, overlap=prism, " +
           std::string(summary.drawn <= kSmallDrawing ? "sep=\"+24\", overlap_scaling=-2, splines=polyline"
                                                      : "sep=\"+16\", overlap_scaling=-2, splines=line") +
           ", outputorder=edgesfirst, rankdir=LR, nodesep=0.25, ranksep=0.6, fontname=\"Helvetica\", fontsize=10, "
           "labelloc=b];\n"
           "  node [shape=box, style=\"filled\", fontname=\"Helvetica\", fontsize=11, color=\"#333333\", "
           "penwidth=0.8, margin=\"0.12,0.04\"];\n"
           "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#555555\", fontcolor=\"#333333\", arrowsize=0.7];\n";

    // The legend, as an HTML-like graph label (it adds no nodes, so every layout engine places it below the
    // drawing): one column per type drawn with its fill colour and shape, then what line width, dashes and
    // dots mean, then what was left out.
    bool present[9] = {};
    for (Vertex v : boost::make_iterator_range(boost::vertices(g)))
        if (keep[v]) present[static_cast<unsigned>(g[v].type) % 9] = true;
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
    if (columns > 0 || !summary.note.empty()) {
        std::string lines = "line width: evidence sentences (1 to 5 or more)";
        if (dashed > 0) lines += "; dashed: only hedged (&quot;expected to&quot;, &quot;may&quot;)";
        if (denied_drawn > 0) lines += "; dotted grey: denied by every sentence (&quot;did not&quot;)";
        if (denied_left_out > 0)
            lines += "; " + std::to_string(denied_left_out) + " denied relation" + (denied_left_out == 1 ? "" : "s") +
                     " not drawn (--show-negated draws them)";
        const std::string span = std::to_string(columns + 1);
        out += "  label=<<table border=\"0\" cellspacing=\"4\" cellpadding=\"3\">";
        if (columns > 0)
            out += "<tr><td align=\"right\">type (fill)</td>" + types + "</tr>"
                   "<tr><td align=\"right\"><font point-size=\"8\">shape</font></td>" + shapes + "</tr>"
                   "<tr><td colspan=\"" + span + "\"><font point-size=\"8\">" + lines + "</font></td></tr>";
        if (!summary.note.empty())
            out += "<tr><td colspan=\"" + span + "\"><font point-size=\"8\">" + summary.note + "</font></td></tr>";
        out += "</table>>;\n";
    }

    for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
        if (!keep[v]) continue;
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
    return summary;
}

}  // namespace kg
