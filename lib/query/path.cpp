#include <kg/query.hpp>

#include <kg/error.hpp>

#include <algorithm>
#include <deque>
#include <map>

namespace kg {

namespace {
// Best edge to each other endpoint of u: highest weight, ties to the first seen (out-edges before
// in-edges, insertion order), so the result does not depend on container details. Self-loops never help.
std::map<Vertex, std::pair<Edge, bool>> best_edges(const Graph& g, Vertex u) {
    std::map<Vertex, std::pair<Edge, bool>> best;
    auto offer = [&](Vertex other, Edge e, bool forward) {
        if (other == u) return;
        auto it = best.find(other);
        if (it == best.end())
            best.emplace(other, std::make_pair(e, forward));
        else if (g[e].weight > g[it->second.first].weight)
            it->second = {e, forward};
    };
    for (Edge e : boost::make_iterator_range(boost::out_edges(u, g))) offer(boost::target(e, g), e, true);
    for (Edge e : boost::make_iterator_range(boost::in_edges(u, g))) offer(boost::source(e, g), e, false);
    return best;
}
}  // namespace

std::optional<std::vector<PathStep>> shortest_path(const KnowledgeGraph& graph, Vertex a, Vertex b) {
    const Graph& g = graph.graph();
    const std::size_t n = boost::num_vertices(g);
    if (a >= n || b >= n) return std::nullopt;
    if (a == b) return std::vector<PathStep>{};

    struct Parent {
        bool seen = false;
        Vertex from{};
        Edge edge{};
        bool forward = true;
    };
    std::vector<Parent> parent(n);
    parent[a].seen = true;
    std::deque<Vertex> queue{a};
    while (!queue.empty() && !parent[b].seen) {
        Vertex u = queue.front();
        queue.pop_front();
        for (const auto& [other, choice] : best_edges(g, u)) {  // std::map: vertex order
            if (parent[other].seen) continue;
            parent[other] = Parent{true, u, choice.first, choice.second};
            queue.push_back(other);
        }
    }
    if (!parent[b].seen) return std::nullopt;

    std::vector<PathStep> path;
    for (Vertex v = b; v != a; v = parent[v].from) path.push_back(PathStep{parent[v].from, v, parent[v].edge, parent[v].forward});
    return std::vector<PathStep>(path.rbegin(), path.rend());
}

std::vector<Neighbor> neighbors(const KnowledgeGraph& graph, Vertex v) {
    const Graph& g = graph.graph();
    std::vector<Neighbor> out;
    if (v >= boost::num_vertices(g)) return out;
    for (Edge e : boost::make_iterator_range(boost::out_edges(v, g))) out.push_back(Neighbor{boost::target(e, g), e, true});
    for (Edge e : boost::make_iterator_range(boost::in_edges(v, g))) out.push_back(Neighbor{boost::source(e, g), e, false});
    return out;
}

Vertex resolve_entity(const KnowledgeGraph& graph, std::string_view name) {
    std::vector<Vertex> found = graph.lookup(name);
    const Graph& g = graph.graph();
    if (found.size() == 1) return found.front();
    // An id can fold to the same name as its label ("apple" vs "Apple"), so an exact id settles a tie.
    if (auto v = graph.find_id(name); v && std::find(found.begin(), found.end(), *v) != found.end()) return *v;
    std::string msg;
    if (found.empty()) {
        msg = "no entity named '" + std::string(name) + "'";
        std::vector<std::string> close = graph.closest_labels(name, 5);
        if (!close.empty()) {
            msg += "; closest labels:";
            for (const auto& l : close) msg += "\n  " + l;
        }
    } else {
        msg = "'" + std::string(name) + "' is ambiguous; it names " + std::to_string(found.size()) +
              " entities (give the id to choose one):";
        for (Vertex v : found)
            msg += "\n  " + g[v].label + " (" + std::string(to_string(g[v].type)) + ", id " + g[v].id + ")";
    }
    throw Error(ExitCode::no_result, msg);
}

}  // namespace kg
