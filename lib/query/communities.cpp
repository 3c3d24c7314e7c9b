#include <kg/communities.hpp>

#include "query/csr.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace kg {

namespace {

// A weighted undirected graph with self-loop weights, as Louvain's aggregation produces.
struct Level {
    std::size_t n = 0;
    std::vector<std::size_t> offset;
    std::vector<std::uint32_t> target;
    std::vector<double> weight;
    std::vector<double> loop;    // weight of the self-loop (edges inside an aggregated node)
    std::vector<double> degree;  // weighted degree, a self-loop counting twice (as NetworkX)
};

Level base_level(const KnowledgeGraph& graph, const CommunityOptions& options) {
    const bool weighted = options.weighted;
    detail::Csr c = detail::make_view(graph.graph(), detail::View::undirected, options.include_negated);
    Level l;
    l.n = c.n;
    l.offset = std::move(c.offset);
    l.target = std::move(c.target);
    l.weight = weighted ? std::move(c.weight) : std::vector<double>(l.target.size(), 1.0);
    l.loop.assign(l.n, 0.0);
    l.degree.assign(l.n, 0.0);
    for (std::size_t v = 0; v < l.n; ++v)
        for (std::size_t i = l.offset[v]; i < l.offset[v + 1]; ++i) l.degree[v] += l.weight[i];
    return l;
}

// One local-moving phase; returns whether any vertex moved. `comm` is updated in place.
bool move_nodes(const Level& l, std::vector<std::size_t>& comm, double m2, double gamma) {
    std::vector<double> tot(l.n, 0.0), to_comm(l.n, 0.0);
    std::vector<char> listed(l.n, 0);
    for (std::size_t v = 0; v < l.n; ++v) tot[comm[v]] += l.degree[v];
    std::vector<std::size_t> touched;
    bool any = false;
    for (std::size_t sweep = 0; sweep < 1000; ++sweep) {
        bool moved = false;
        for (std::size_t v = 0; v < l.n; ++v) {
            const std::size_t own = comm[v];
            const double k = l.degree[v];
            touched.clear();
            touched.push_back(own);
            listed[own] = 1;
            for (std::size_t i = l.offset[v]; i < l.offset[v + 1]; ++i) {
                const std::size_t c = comm[l.target[i]];
                if (!listed[c]) listed[c] = 1, touched.push_back(c);
                to_comm[c] += l.weight[i];
            }
            tot[own] -= k;
            std::size_t best = own;
            double best_gain = to_comm[own] - gamma * tot[own] * k / m2;
            for (std::size_t c : touched) {
                const double gain = to_comm[c] - gamma * tot[c] * k / m2;
                if (gain > best_gain + 1e-12 * std::max(1.0, std::fabs(best_gain))) best = c, best_gain = gain;
            }
            tot[best] += k;
            for (std::size_t c : touched) to_comm[c] = 0, listed[c] = 0;
            if (best != own) {
                comm[v] = best;
                moved = any = true;
            }
        }
        if (!moved) break;
    }
    return any;
}

// Relabels communities 0..C-1 in order of their lowest member; returns C.
std::size_t relabel(std::vector<std::size_t>& comm) {
    std::vector<std::size_t> map(comm.size(), comm.size());
    std::size_t next = 0;
    for (std::size_t& c : comm) {
        if (map[c] == comm.size()) map[c] = next++;
        c = map[c];
    }
    return next;
}

Level aggregate(const Level& l, const std::vector<std::size_t>& comm, std::size_t count) {
    std::vector<std::vector<std::pair<std::uint32_t, double>>> rows(count);
    Level a;
    a.n = count;
    a.loop.assign(count, 0.0);
    a.degree.assign(count, 0.0);
    for (std::size_t v = 0; v < l.n; ++v) {
        const std::size_t cv = comm[v];
        a.loop[cv] += l.loop[v];
        a.degree[cv] += l.degree[v];
        for (std::size_t i = l.offset[v]; i < l.offset[v + 1]; ++i) {
            const std::size_t cw = comm[l.target[i]];
            if (cw == cv) a.loop[cv] += l.weight[i] / 2;  // each inner edge is seen from both ends
            else rows[cv].emplace_back(static_cast<std::uint32_t>(cw), l.weight[i]);
        }
    }
    a.offset.assign(count + 1, 0);
    for (std::size_t c = 0; c < count; ++c) {
        auto& r = rows[c];
        std::stable_sort(r.begin(), r.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
        for (const auto& [t, w] : r) {
            if (a.target.size() > a.offset[c] && a.target.back() == t) a.weight.back() += w;
            else a.target.push_back(t), a.weight.push_back(w);
        }
        a.offset[c + 1] = a.target.size();
    }
    return a;
}

}  // namespace

double modularity(const KnowledgeGraph& graph, const std::vector<std::size_t>& group_of, const CommunityOptions& options) {
    const Level l = base_level(graph, options);
    const double m2 = std::accumulate(l.degree.begin(), l.degree.end(), 0.0);
    if (m2 == 0 || group_of.size() != l.n) return 0.0;
    std::size_t groups = 0;
    for (std::size_t c : group_of) groups = std::max(groups, c + 1);
    std::vector<double> inner(groups, 0.0), tot(groups, 0.0);
    for (std::size_t v = 0; v < l.n; ++v) {
        tot[group_of[v]] += l.degree[v];
        for (std::size_t i = l.offset[v]; i < l.offset[v + 1]; ++i)
            if (group_of[l.target[i]] == group_of[v]) inner[group_of[v]] += l.weight[i];  // both ends: 2 x weight
    }
    double q = 0;
    for (std::size_t c = 0; c < groups; ++c) q += inner[c] / m2 - options.resolution * (tot[c] / m2) * (tot[c] / m2);
    return q;
}

Communities louvain_communities(const KnowledgeGraph& graph, const CommunityOptions& options) {
    Level level = base_level(graph, options);
    const std::size_t n = level.n;
    const double m2 = std::accumulate(level.degree.begin(), level.degree.end(), 0.0);
    std::vector<std::size_t> member(n);  // community of each original vertex
    std::iota(member.begin(), member.end(), std::size_t{0});
    if (m2 > 0) {
        for (std::size_t round = 0; round < 100; ++round) {
            std::vector<std::size_t> comm(level.n);
            std::iota(comm.begin(), comm.end(), std::size_t{0});
            if (!move_nodes(level, comm, m2, options.resolution)) break;
            const std::size_t count = relabel(comm);
            for (std::size_t& c : member) c = comm[c];
            level = aggregate(level, comm, count);
        }
    }
    Communities out;
    std::vector<std::vector<Vertex>> groups;
    std::vector<std::size_t> index(n, n);
    for (std::size_t v = 0; v < n; ++v) {
        if (index[member[v]] == n) index[member[v]] = groups.size(), groups.emplace_back();
        groups[index[member[v]]].push_back(v);
    }
    std::stable_sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
    out.partition.group_of.assign(n, 0);
    for (std::size_t i = 0; i < groups.size(); ++i)
        for (Vertex v : groups[i]) out.partition.group_of[v] = i;
    out.partition.groups = std::move(groups);
    out.modularity = modularity(graph, out.partition.group_of, options);
    return out;
}

}  // namespace kg
