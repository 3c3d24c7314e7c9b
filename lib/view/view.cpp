#include <kg/view.hpp>

#include <algorithm>
#include <cstdint>
#include <deque>
#include <numeric>
#include <set>

#include <kg/error.hpp>

namespace kg {

namespace {

// "2024-07-26T09:00Z" is within [since, until] when its first len(bound) bytes are: a day bound then
// takes in every time of that day, a month bound every day of the month.
bool in_range(const std::string& date, const std::string& since, const std::string& until) {
    if (date.empty()) return false;
    if (!since.empty() && date.compare(0, since.size(), since) < 0) return false;
    if (!until.empty() && date.compare(0, until.size(), until) > 0) return false;
    return true;
}

KnowledgeGraph date_view(const KnowledgeGraph& graph, const std::string& since, const std::string& until) {
    const Graph& g = graph.graph();
    KnowledgeGraph view;
    std::set<std::string, std::less<>> docs;
    for (const DocumentInfo& d : graph.documents())
        if (in_range(d.date, since, until)) {
            docs.insert(d.id);
            view.add_document(d);
        }
    const std::size_t n = boost::num_vertices(g);
    std::vector<Entity> entities(n);
    std::vector<bool> keep_v(n, false);
    for (Vertex v = 0; v < n; ++v) {
        Entity e = g[v];
        e.mentions.clear();
        for (const Mention& m : g[v].mentions)
            if (docs.count(m.doc)) e.mentions.push_back(m);
        e.frequency = e.mentions.size();
        keep_v[v] = !e.mentions.empty();
        entities[v] = std::move(e);
    }
    std::vector<std::pair<Edge, Relation>> edges;
    for (Edge e : boost::make_iterator_range(boost::edges(g))) {
        Relation r = g[e];
        r.evidence.clear();
        r.weight = 0;
        for (const Evidence& ev : g[e].evidence)
            if (docs.count(ev.doc)) {
                r.evidence.push_back(ev);
                if (!ev.negated) r.weight += 1;
            }
        if (r.evidence.empty()) continue;
        keep_v[boost::source(e, g)] = keep_v[boost::target(e, g)] = true;
        edges.emplace_back(e, std::move(r));
    }
    std::vector<Vertex> map(n);
    for (Vertex v = 0; v < n; ++v)
        if (keep_v[v]) map[v] = view.insert_entity(std::move(entities[v]));
    for (auto& [e, r] : edges) view.insert_relation(map[boost::source(e, g)], map[boost::target(e, g)], std::move(r));
    return view;
}

}  // namespace

KnowledgeGraph make_view(const KnowledgeGraph& graph, const ViewOptions& options) {
    if (!options.since.empty() || !options.until.empty()) {
        KnowledgeGraph dated = date_view(graph, options.since, options.until);
        ViewOptions rest = options;
        rest.since.clear();
        rest.until.clear();
        if (rest.ego) {  // the ego is a vertex of the full graph: find it again by id
            const std::string& id = graph.graph()[*rest.ego].id;
            rest.ego = dated.find_id(id);
            if (!rest.ego) throw Error(ExitCode::no_result, "'" + graph.graph()[*options.ego].label + "' has no evidence in the date range");
        }
        return make_view(dated, rest);
    }
    const ViewOptions& o = options;
    const Graph& g = graph.graph();
    const std::size_t n = boost::num_vertices(g);

    std::vector<bool> keep_v(n, true);
    if (!o.types.empty())
        for (Vertex v = 0; v < n; ++v)
            keep_v[v] = std::find(o.types.begin(), o.types.end(), g[v].type) != o.types.end();
    if (o.ego) keep_v[*o.ego] = true;

    std::vector<Edge> edges;  // insertion order, like the exporters
    for (Edge e : boost::make_iterator_range(boost::edges(g))) {
        const Relation& r = g[e];
        if (!keep_v[boost::source(e, g)] || !keep_v[boost::target(e, g)]) continue;
        if (!o.predicates.empty() && std::find(o.predicates.begin(), o.predicates.end(), r.predicate) == o.predicates.end())
            continue;
        if (o.min_weight && !(r.weight >= *o.min_weight)) continue;
        edges.push_back(e);
    }
    if (!o.predicates.empty() || o.min_weight) {
        std::vector<bool> touched(n, false);
        for (Edge e : edges) touched[boost::source(e, g)] = touched[boost::target(e, g)] = true;
        for (Vertex v = 0; v < n; ++v) keep_v[v] = keep_v[v] && (touched[v] || (o.ego && *o.ego == v));
    }

    if (o.ego) {
        std::vector<std::vector<Vertex>> adj(n);
        for (Edge e : edges) {
            adj[boost::source(e, g)].push_back(boost::target(e, g));
            adj[boost::target(e, g)].push_back(boost::source(e, g));
        }
        std::vector<std::size_t> dist(n, SIZE_MAX);
        std::deque<Vertex> queue{*o.ego};
        dist[*o.ego] = 0;
        while (!queue.empty()) {
            Vertex v = queue.front();
            queue.pop_front();
            if (dist[v] >= o.depth) continue;
            for (Vertex w : adj[v])
                if (dist[w] == SIZE_MAX) {
                    dist[w] = dist[v] + 1;
                    queue.push_back(w);
                }
        }
        for (Vertex v = 0; v < n; ++v) keep_v[v] = keep_v[v] && dist[v] != SIZE_MAX;
    }

    auto kept_edge = [&](Edge e) { return keep_v[boost::source(e, g)] && keep_v[boost::target(e, g)]; };
    if (o.top > 0) {
        std::vector<std::size_t> degree(n, 0);
        for (Edge e : edges)
            if (kept_edge(e)) ++degree[boost::source(e, g)], ++degree[boost::target(e, g)];
        std::vector<Vertex> order;
        for (Vertex v = 0; v < n; ++v)
            if (keep_v[v]) order.push_back(v);
        std::stable_sort(order.begin(), order.end(), [&](Vertex a, Vertex b) { return degree[a] > degree[b]; });
        std::vector<bool> top(n, false);
        for (std::size_t i = 0; i < order.size() && i < o.top; ++i) top[order[i]] = true;
        keep_v = top;
    }

    KnowledgeGraph view;
    for (const DocumentInfo& d : graph.documents()) view.add_document(d);
    std::vector<Vertex> map(n);
    for (Vertex v = 0; v < n; ++v)
        if (keep_v[v]) map[v] = view.insert_entity(g[v]);
    for (Edge e : edges)
        if (kept_edge(e)) view.insert_relation(map[boost::source(e, g)], map[boost::target(e, g)], g[e]);
    return view;
}

}  // namespace kg
