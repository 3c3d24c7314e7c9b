#include <kg/query.hpp>

#include <boost/graph/betweenness_centrality.hpp>
#include <boost/property_map/property_map.hpp>

#include <algorithm>
#include <numeric>
#include <set>

namespace kg {

std::vector<double> degree_centrality(const KnowledgeGraph& graph, DegreeMode mode) {
    const Graph& g = graph.graph();
    std::vector<double> out(boost::num_vertices(g), 0.0);
    for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
        double in = static_cast<double>(boost::in_degree(v, g));
        double outd = static_cast<double>(boost::out_degree(v, g));
        out[v] = mode == DegreeMode::in ? in : mode == DegreeMode::out ? outd : in + outd;
    }
    return out;
}

std::vector<double> betweenness_centrality(const KnowledgeGraph& graph) {
    using Simple = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
    const Graph& g = graph.graph();
    const std::size_t n = boost::num_vertices(g);
    Simple s(n);
    std::set<std::pair<Vertex, Vertex>> seen;
    for (Edge e : boost::make_iterator_range(boost::edges(g))) {
        Vertex u = boost::source(e, g), v = boost::target(e, g);
        if (u == v) continue;
        if (v < u) std::swap(u, v);
        if (seen.emplace(u, v).second) boost::add_edge(u, v, s);
    }
    std::vector<double> score(n, 0.0);
    if (n == 0) return score;
    boost::brandes_betweenness_centrality(
        s, boost::centrality_map(boost::make_iterator_property_map(score.begin(), boost::get(boost::vertex_index, s))));
    // Boost (1.74) already halves undirected sums, so each unordered pair counts once here; NetworkX's
    // normalized value is that sum times 2/((n-1)(n-2)), and is left raw (all zeros) for n <= 2.
    if (n > 2) {
        const double scale = 2.0 / (static_cast<double>(n - 1) * static_cast<double>(n - 2));
        for (double& x : score) x *= scale;
    }
    return score;
}

std::vector<std::pair<Vertex, double>> top_n(const std::vector<double>& scores, std::size_t n) {
    std::vector<std::size_t> order(scores.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });
    if (order.size() > n) order.resize(n);
    std::vector<std::pair<Vertex, double>> out;
    out.reserve(order.size());
    for (std::size_t i : order) out.emplace_back(static_cast<Vertex>(i), scores[i]);
    return out;
}

}  // namespace kg
