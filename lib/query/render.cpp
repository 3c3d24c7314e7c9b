#include <kg/predicates.hpp>
#include <kg/query.hpp>

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace kg {

namespace {
using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

void key(Writer& w, const char* k) { w.Key(k); }
void str(Writer& w, const std::string& s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }
void str(Writer& w, std::string_view s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }

std::string finish(rapidjson::StringBuffer& buf) { return std::string(buf.GetString(), buf.GetSize()) + "\n"; }

// Evidence sentences may span lines in the article; a text line must not.
std::string one_line(std::string_view s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = true;
        } else {
            if (space && !out.empty()) out += ' ';
            space = false;
            out += c;
        }
    }
    return out;
}

// "-pred->" read from `from` to `to`; "<-pred-" when the edge points against the walk; "-pred-" when the
// predicate has no direction (stored one way only by convention).
std::string arrow(const std::string& predicate, bool forward) {
    if (is_symmetric(predicate)) return " -" + predicate + "- ";
    return forward ? " -" + predicate + "-> " : " <-" + predicate + "- ";
}

std::string format_number(double x, bool integral) {
    char buf[64];
    if (integral && std::isfinite(x) && std::floor(x) == x)
        std::snprintf(buf, sizeof buf, "%.0f", x);
    else
        std::snprintf(buf, sizeof buf, "%.6g", x);
    return buf;
}

void write_number(Writer& w, double x) {
    if (std::isfinite(x) && std::floor(x) == x && std::fabs(x) < 9e15)
        w.Int64(static_cast<std::int64_t>(x));
    else
        w.Double(x);
}

void write_entity_fields(Writer& w, const Entity& e) {
    key(w, "id"), str(w, e.id);
    key(w, "label"), str(w, e.label);
    key(w, "type"), str(w, to_string(e.type));
}

void write_hops(Writer& w, const Graph& g, const std::vector<PathStep>& path) {
    key(w, "hops");
    w.StartArray();
    for (const PathStep& s : path) {
        const Relation& r = g[s.edge];
        w.StartObject();
        key(w, "source"), str(w, g[s.from].label);
        key(w, "target"), str(w, g[s.to].label);
        key(w, "source_id"), str(w, g[s.from].id);
        key(w, "target_id"), str(w, g[s.to].id);
        key(w, "edge"), str(w, r.id);
        key(w, "predicate"), str(w, r.predicate);
        key(w, "direction"), w.String(s.forward ? "forward" : "backward");
        key(w, "weight"), write_number(w, r.weight);
        key(w, "evidence");
        if (r.evidence.empty()) {
            w.Null();
        } else {
            const Evidence& e = r.evidence.front();
            w.StartObject();
            key(w, "doc"), str(w, e.doc);
            key(w, "start"), w.Uint64(e.start);
            key(w, "end"), w.Uint64(e.end);
            key(w, "text"), str(w, e.text);
            w.EndObject();
        }
        w.EndObject();
    }
    w.EndArray();
}

std::string path_text(const Graph& g, Vertex a, const std::vector<PathStep>& path) {
    std::string out = g[a].label;
    for (const PathStep& s : path) out += arrow(g[s.edge].predicate, s.forward) + g[s.to].label;
    out += "\n";
    for (const PathStep& s : path) {
        const Relation& r = g[s.edge];
        out += "  " + g[s.from].label + arrow(r.predicate, s.forward) + g[s.to].label;
        if (!r.evidence.empty())
            out += "   [doc " + r.evidence.front().doc + "] \"" + one_line(r.evidence.front().text) + "\"";
        out += "\n";
    }
    return out;
}

void write_ends(Writer& w, const Graph& g, Vertex a, Vertex b) {
    key(w, "from"), str(w, g[a].label);
    key(w, "to"), str(w, g[b].label);
    key(w, "from_id"), str(w, g[a].id);
    key(w, "to_id"), str(w, g[b].id);
}
}  // namespace

std::string render_path(const KnowledgeGraph& graph, Vertex a, Vertex b, const std::vector<PathStep>& path,
                        bool json) {
    const Graph& g = graph.graph();
    if (!json) return path_text(g, a, path);
    rapidjson::StringBuffer buf;
    Writer w(buf);
    w.SetIndent(' ', 2);
    w.StartObject();
    write_ends(w, g, a, b);
    key(w, "length"), w.Uint64(path.size());
    write_hops(w, g, path);
    w.EndObject();
    return finish(buf);
}

std::string render_neighbors(const KnowledgeGraph& graph, Vertex v, const std::vector<Neighbor>& list, bool json) {
    const Graph& g = graph.graph();
    if (!json) {
        std::string out = g[v].label + " (" + std::string(to_string(g[v].type)) + "): " +
                          std::to_string(list.size()) + (list.size() == 1 ? " relation\n" : " relations\n");
        for (const Neighbor& nb : list) {
            const Relation& r = g[nb.edge];
            out += "  " + g[v].label + arrow(r.predicate, nb.outgoing) + g[nb.other].label + " (" +
                   std::string(to_string(g[nb.other].type)) + ")  weight " + format_number(r.weight, true) + "\n";
        }
        return out;
    }
    rapidjson::StringBuffer buf;
    Writer w(buf);
    w.SetIndent(' ', 2);
    w.StartObject();
    key(w, "entity");
    w.StartObject();
    write_entity_fields(w, g[v]);
    w.EndObject();
    key(w, "neighbors");
    w.StartArray();
    for (const Neighbor& nb : list) {
        const Relation& r = g[nb.edge];
        w.StartObject();
        write_entity_fields(w, g[nb.other]);
        key(w, "edge"), str(w, r.id);
        key(w, "predicate"), str(w, r.predicate);
        key(w, "direction"), w.String(nb.outgoing ? "out" : "in");
        key(w, "weight"), write_number(w, r.weight);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return finish(buf);
}

std::string render_paths(const KnowledgeGraph& graph, Vertex a, Vertex b, const std::vector<Path>& paths, bool json) {
    const Graph& g = graph.graph();
    if (!json) {
        std::string out;
        std::size_t i = 0;
        for (const Path& p : paths) {
            out += "path " + std::to_string(++i) + ": " + std::to_string(p.steps.size()) +
                   (p.steps.size() == 1 ? " hop" : " hops") + ", cost " + format_number(p.cost, false) + "\n";
            out += path_text(g, a, p.steps);
        }
        return out;
    }
    rapidjson::StringBuffer buf;
    Writer w(buf);
    w.SetIndent(' ', 2);
    w.StartObject();
    write_ends(w, g, a, b);
    key(w, "paths");
    w.StartArray();
    for (const Path& p : paths) {
        w.StartObject();
        key(w, "length"), w.Uint64(p.steps.size());
        key(w, "cost"), w.Double(p.cost);
        write_hops(w, g, p.steps);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return finish(buf);
}

std::string render_neighborhood(const KnowledgeGraph& graph, Vertex v, const std::vector<Reached>& list, bool json) {
    const Graph& g = graph.graph();
    if (!json) {
        std::string out = g[v].label + " (" + std::string(to_string(g[v].type)) + "): " + std::to_string(list.size()) +
                          (list.size() == 1 ? " entity" : " entities") + " within reach\n";
        for (const Reached& r : list) {
            out += "  " + std::to_string(r.depth) + "  " + g[r.vertex].label + " (" +
                   std::string(to_string(g[r.vertex].type)) + ")   via " + g[r.from].label +
                   arrow(g[r.edge].predicate, r.forward) + g[r.vertex].label + "\n";
        }
        return out;
    }
    rapidjson::StringBuffer buf;
    Writer w(buf);
    w.SetIndent(' ', 2);
    w.StartObject();
    key(w, "entity");
    w.StartObject();
    write_entity_fields(w, g[v]);
    w.EndObject();
    key(w, "reached");
    w.StartArray();
    for (const Reached& r : list) {
        w.StartObject();
        write_entity_fields(w, g[r.vertex]);
        key(w, "depth"), w.Uint64(r.depth);
        key(w, "from_id"), str(w, g[r.from].id);
        key(w, "edge"), str(w, g[r.edge].id);
        key(w, "predicate"), str(w, g[r.edge].predicate);
        key(w, "direction"), w.String(r.forward ? "forward" : "backward");
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return finish(buf);
}

std::string render_partition(const KnowledgeGraph& graph, const Partition& partition, const std::string& what,
                             std::size_t top, double modularity, bool json) {
    const Graph& g = graph.graph();
    const std::size_t shown = top == 0 ? partition.groups.size() : std::min(top, partition.groups.size());
    if (!json) {
        const std::size_t count = partition.groups.size();
        std::string noun = what;
        if (count != 1) noun = what.back() == 'y' ? what.substr(0, what.size() - 1) + "ies" : what + "s";
        std::string out = std::to_string(count) + " " + noun;
        if (!std::isnan(modularity)) out += ", modularity " + format_number(modularity, false);
        out += "\n";
        for (std::size_t i = 0; i < shown; ++i) {
            const auto& members = partition.groups[i];
            out += std::to_string(i + 1) + "  " + std::to_string(members.size()) + ":";
            for (std::size_t j = 0; j < members.size() && j < 10; ++j) out += (j ? ", " : " ") + g[members[j]].label;
            if (members.size() > 10) out += ", …";
            out += "\n";
        }
        return out;
    }
    rapidjson::StringBuffer buf;
    Writer w(buf);
    w.SetIndent(' ', 2);
    w.StartObject();
    key(w, "count"), w.Uint64(partition.groups.size());
    if (!std::isnan(modularity)) key(w, "modularity"), w.Double(modularity);
    key(w, "groups");
    w.StartArray();
    for (std::size_t i = 0; i < shown; ++i) {
        w.StartObject();
        key(w, "rank"), w.Uint64(i + 1);
        key(w, "size"), w.Uint64(partition.groups[i].size());
        key(w, "members");
        w.StartArray();
        for (Vertex v : partition.groups[i]) {
            w.StartObject();
            write_entity_fields(w, g[v]);
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return finish(buf);
}

std::string render_centrality(const KnowledgeGraph& graph, const std::vector<std::pair<Vertex, double>>& ranking,
                              const std::string& measure, bool json) {
    const Graph& g = graph.graph();
    const bool integral = measure.find("degree") != std::string::npos;
    if (!json) {
        std::string out;
        char line[64];
        std::snprintf(line, sizeof line, "%-5s %-15s ", "rank", measure.c_str());
        out += line + std::string("entity\n");
        std::size_t rank = 0;
        for (const auto& [v, score] : ranking) {
            std::snprintf(line, sizeof line, "%-5zu %-15s ", ++rank, format_number(score, integral).c_str());
            out += line + g[v].label + " (" + std::string(to_string(g[v].type)) + ")\n";
        }
        return out;
    }
    rapidjson::StringBuffer buf;
    Writer w(buf);
    w.SetIndent(' ', 2);
    w.StartObject();
    key(w, "measure"), str(w, measure);
    key(w, "results");
    w.StartArray();
    std::size_t rank = 0;
    for (const auto& [v, score] : ranking) {
        w.StartObject();
        key(w, "rank"), w.Uint64(++rank);
        write_entity_fields(w, g[v]);
        key(w, "score");
        if (integral)
            write_number(w, score);
        else
            w.Double(score);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return finish(buf);
}

std::string render_stats(const GraphStats& st, bool json) {
    if (!json) {
        std::string out;
        std::size_t width = 14;  // widen for long predicate names so the counts stay in one column
        for (const auto& kv : st.by_predicate) width = std::max(width, kv.first.size() + 2);
        for (const auto& kv : st.by_type) width = std::max(width, kv.first.size() + 2);
        auto row = [&](const std::string& name, const std::string& value) {
            out += name + std::string(width + 1 - std::min(width, name.size()), ' ') + value + "\n";
        };
        row("documents", std::to_string(st.documents));
        row("entities", std::to_string(st.entities));
        row("relations", std::to_string(st.relations));
        row("total weight", format_number(st.total_weight, true));
        row("density", format_number(st.density, false));
        row("components", std::to_string(st.components));
        row("largest comp.", std::to_string(st.largest_component));
        row("isolated", std::to_string(st.isolated));
        row("self-loops", std::to_string(st.self_loops));
        row("mean degree", format_number(st.mean_degree, false));
        row("max degree", std::to_string(st.max_degree));
        out += "entities by type:\n";
        for (const auto& [t, n] : st.by_type) row("  " + t, std::to_string(n));
        out += "relations by predicate:\n";
        for (const auto& [p, n] : st.by_predicate) row("  " + p, std::to_string(n));
        out += "degree distribution (total degree: entities):\n";
        for (const auto& [d, n] : st.degree_distribution) row("  " + std::to_string(d), std::to_string(n));
        return out;
    }
    rapidjson::StringBuffer buf;
    Writer w(buf);
    w.SetIndent(' ', 2);
    w.StartObject();
    key(w, "documents"), w.Uint64(st.documents);
    key(w, "entities"), w.Uint64(st.entities);
    key(w, "relations"), w.Uint64(st.relations);
    key(w, "total_weight"), write_number(w, st.total_weight);
    key(w, "density"), w.Double(st.density);
    key(w, "components"), w.Uint64(st.components);
    key(w, "largest_component"), w.Uint64(st.largest_component);
    key(w, "isolated"), w.Uint64(st.isolated);
    key(w, "self_loops"), w.Uint64(st.self_loops);
    key(w, "mean_degree"), w.Double(st.mean_degree);
    key(w, "max_degree"), w.Uint64(st.max_degree);
    key(w, "degree_distribution");
    w.StartObject();
    for (const auto& [d, n] : st.degree_distribution) str(w, std::to_string(d)), w.Uint64(n);
    w.EndObject();
    key(w, "by_type");
    w.StartObject();
    for (const auto& [t, n] : st.by_type) key(w, t.c_str()), w.Uint64(n);
    w.EndObject();
    key(w, "by_predicate");
    w.StartObject();
    for (const auto& [p, n] : st.by_predicate) str(w, p), w.Uint64(n);
    w.EndObject();
    w.EndObject();
    return finish(buf);
}

}  // namespace kg
