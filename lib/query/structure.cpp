#include <kg/structure.hpp>

#include <kg/paths.hpp>

#include <algorithm>
#include <numeric>

namespace kg {

namespace {
bool wanted(const std::vector<std::string>& predicates, const Relation& r, bool include_negated) {
    if (!include_negated && negated_only(r)) return false;
    return predicates.empty() || std::find(predicates.begin(), predicates.end(), r.predicate) != predicates.end();
}

// Union-find with path halving; union by index keeps the smaller vertex as root (deterministic).
std::size_t find_root(std::vector<std::size_t>& parent, std::size_t v) {
    while (parent[v] != v) v = parent[v] = parent[parent[v]];
    return v;
}
}  // namespace

std::vector<Neighbor> neighbors(const KnowledgeGraph& graph, Vertex v) { return neighbors(graph, v, {}); }

std::vector<Neighbor> neighbors(const KnowledgeGraph& graph, Vertex v, const std::vector<std::string>& predicates,
                                bool include_negated) {
    const Graph& g = graph.graph();
    std::vector<Neighbor> out;
    if (v >= boost::num_vertices(g)) return out;
    for (Edge e : boost::make_iterator_range(boost::out_edges(v, g)))
        if (wanted(predicates, g[e], include_negated)) out.push_back(Neighbor{boost::target(e, g), e, true});
    for (Edge e : boost::make_iterator_range(boost::in_edges(v, g)))
        if (wanted(predicates, g[e], include_negated)) out.push_back(Neighbor{boost::source(e, g), e, false});
    return out;
}

std::vector<Reached> neighborhood(const KnowledgeGraph& graph, Vertex v, std::size_t depth,
                                  const std::vector<std::string>& predicates, bool include_negated) {
    const Graph& g = graph.graph();
    const std::size_t n = boost::num_vertices(g);
    std::vector<Reached> out;
    if (v >= n || depth == 0) return out;
    std::vector<char> seen(n, 0);
    seen[v] = 1;
    std::vector<Vertex> frontier{v};
    for (std::size_t d = 1; d <= depth && !frontier.empty(); ++d) {
        // Frontier in vertex order, so each vertex is reached from its lowest-index predecessor.
        std::sort(frontier.begin(), frontier.end());
        std::vector<Reached> level;
        for (Vertex u : frontier) {
            auto offer = [&](Vertex w, Edge e, bool forward) {
                if (seen[w] || !wanted(predicates, g[e], include_negated)) return;
                seen[w] = 1;
                level.push_back(Reached{w, d, u, e, forward});
            };
            for (Edge e : boost::make_iterator_range(boost::out_edges(u, g))) offer(boost::target(e, g), e, true);
            for (Edge e : boost::make_iterator_range(boost::in_edges(u, g))) offer(boost::source(e, g), e, false);
        }
        std::sort(level.begin(), level.end(), [](const Reached& a, const Reached& b) { return a.vertex < b.vertex; });
        frontier.clear();
        for (const Reached& r : level) frontier.push_back(r.vertex);
        out.insert(out.end(), level.begin(), level.end());
    }
    return out;
}

Partition weak_components(const KnowledgeGraph& graph, bool include_negated) {
    const Graph& g = graph.graph();
    const std::size_t n = boost::num_vertices(g);
    std::vector<std::size_t> parent(n);
    std::iota(parent.begin(), parent.end(), std::size_t{0});
    for (Edge e : boost::make_iterator_range(boost::edges(g))) {
        if (!include_negated && negated_only(g[e])) continue;
        std::size_t a = find_root(parent, boost::source(e, g)), b = find_root(parent, boost::target(e, g));
        if (a == b) continue;
        if (b < a) std::swap(a, b);
        parent[b] = a;
    }
    Partition p;
    p.group_of.assign(n, 0);
    std::vector<std::size_t> root_group(n, n);
    for (std::size_t v = 0; v < n; ++v) {
        const std::size_t r = find_root(parent, v);
        if (root_group[r] == n) {
            root_group[r] = p.groups.size();
            p.groups.emplace_back();
        }
        p.groups[root_group[r]].push_back(v);
    }
    // Groups were created in order of their smallest member; a stable sort by size keeps that as the tie rule.
    std::stable_sort(p.groups.begin(), p.groups.end(),
                     [](const auto& a, const auto& b) { return a.size() > b.size(); });
    for (std::size_t i = 0; i < p.groups.size(); ++i)
        for (Vertex v : p.groups[i]) p.group_of[v] = i;
    return p;
}

GraphStats stats(const KnowledgeGraph& graph) {
    const Graph& g = graph.graph();
    GraphStats st;
    st.documents = graph.documents().size();
    st.entities = boost::num_vertices(g);
    st.relations = boost::num_edges(g);
    for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
        ++st.by_type[std::string(to_string(g[v].type))];
        const std::size_t d = boost::in_degree(v, g) + boost::out_degree(v, g);
        ++st.degree_distribution[d];
        st.max_degree = std::max(st.max_degree, d);
        if (d == 0) ++st.isolated;
    }
    for (Edge e : boost::make_iterator_range(boost::edges(g))) {
        st.total_weight += g[e].weight;
        ++st.by_predicate[g[e].predicate];
        if (boost::source(e, g) == boost::target(e, g)) ++st.self_loops;
    }
    const double n = static_cast<double>(st.entities);
    st.density = st.entities > 1 ? static_cast<double>(st.relations) / (n * (n - 1)) : 0.0;
    st.mean_degree = st.entities ? 2.0 * static_cast<double>(st.relations) / n : 0.0;
    const Partition weak = weak_components(graph, true);  // the stored graph, as every other count here
    st.components = weak.groups.size();
    st.largest_component = weak.groups.empty() ? 0 : weak.groups.front().size();
    return st;
}

}  // namespace kg
