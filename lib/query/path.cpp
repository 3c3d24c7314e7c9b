#include <kg/error.hpp>
#include <kg/paths.hpp>
#include <kg/query.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <queue>

namespace kg {

bool negated_only(const Relation& r) noexcept {
    return !r.evidence.empty() &&
           std::all_of(r.evidence.begin(), r.evidence.end(), [](const Evidence& e) { return e.negated; });
}

double edge_cost(const Relation& r) {
    const double w = std::max(r.weight, 1.0);
    const double c = std::clamp(r.confidence, 0.05, 1.0);
    return 1.0 / (w * c);
}

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

bool same_cost(double x, double y) { return std::fabs(x - y) <= 1e-9 * std::max(1.0, std::fabs(y)); }

struct Hop {
    Vertex to;
    Edge edge;
    bool forward;
    double cost;
};

// The walkable graph under PathOptions: which hops leave a vertex, what they cost, which inner vertices
// are allowed.
class Walker {
public:
    Walker(const KnowledgeGraph& graph, const PathOptions& options, Vertex target)
        : g_(graph.graph()), opt_(options), allowed_(boost::num_vertices(g_), 1) {
        if (!options.via_types.empty())
            for (Vertex v : boost::make_iterator_range(boost::vertices(g_)))
                allowed_[v] = std::find(options.via_types.begin(), options.via_types.end(), g_[v].type) !=
                              options.via_types.end();
        for (Vertex v : options.avoid)
            if (v < allowed_.size()) allowed_[v] = 0;
        if (target < allowed_.size()) allowed_[target] = 1;  // an endpoint is never an inner vertex
    }

    std::size_t size() const { return allowed_.size(); }
    bool allowed(Vertex v) const { return allowed_[v] != 0; }
    const Graph& graph() const { return g_; }

    double cost(Edge e) const { return opt_.weighted ? edge_cost(g_[e]) : 1.0; }

    // Whether e is preferred to f between the same two vertices: cheaper, or (unweighted) heavier.
    bool better(Edge e, Edge f) const {
        if (opt_.weighted) return edge_cost(g_[e]) < edge_cost(g_[f]);
        return g_[e].weight > g_[f].weight;
    }

    // Whether e may be walked at all: a relation the articles only deny is no connection.
    bool walkable(Edge e) const { return opt_.include_negated || !negated_only(g_[e]); }

    // Every hop out of u (out-edges, then in-edges unless directed), self-loops and denied edges skipped.
    template <class F>
    void each_hop(Vertex u, F&& f) const {
        for (Edge e : boost::make_iterator_range(boost::out_edges(u, g_)))
            if (boost::target(e, g_) != u && walkable(e)) f(Hop{boost::target(e, g_), e, true, cost(e)});
        if (opt_.directed) return;
        for (Edge e : boost::make_iterator_range(boost::in_edges(u, g_)))
            if (boost::source(e, g_) != u && walkable(e)) f(Hop{boost::source(e, g_), e, false, cost(e)});
    }

    // One hop per neighbour (the preferred edge), sorted by neighbour.
    std::vector<Hop> best_hops(Vertex u) const {
        std::map<Vertex, Hop> best;
        each_hop(u, [&](const Hop& h) {
            auto [it, fresh] = best.emplace(h.to, h);
            if (!fresh && better(h.edge, it->second.edge)) it->second = h;
        });
        std::vector<Hop> out;
        out.reserve(best.size());
        for (const auto& kv : best) out.push_back(kv.second);
        return out;
    }

    // Dijkstra from s to t; `banned` marks extra vertices to skip, `banned_first` the vertices that may
    // not be the first hop (Yen's removed edges all leave the spur vertex).
    std::optional<Path> search(Vertex s, Vertex t, const std::vector<char>* banned = nullptr,
                               const std::vector<Vertex>* banned_first = nullptr) const {
        if (!opt_.weighted) return breadth_first(s, t, banned, banned_first);
        const std::size_t n = size();
        std::vector<double> dist(n, kInf);
        std::vector<Parent> parent(n);
        std::vector<char> done(n, 0);
        using Item = std::pair<double, Vertex>;
        std::priority_queue<Item, std::vector<Item>, std::greater<>> heap;
        dist[s] = 0;
        heap.emplace(0.0, s);
        while (!heap.empty()) {
            const double d = heap.top().first;  // not a structured binding: clang < 16 cannot capture those
            const Vertex u = heap.top().second;
            heap.pop();
            if (done[u]) continue;
            done[u] = 1;
            if (u == t) break;
            each_hop(u, [&](const Hop& h) {
                const Vertex v = h.to;
                if (done[v] || !allowed_[v] || (banned && (*banned)[v])) return;
                if (u == s && banned_first &&
                    std::find(banned_first->begin(), banned_first->end(), v) != banned_first->end())
                    return;
                const double nd = d + h.cost;
                if (nd < dist[v]) {
                    dist[v] = nd;
                    parent[v] = Parent{u, h.edge, h.forward};
                    heap.emplace(nd, v);
                } else if (nd == dist[v] && parent[v].from == u && better(h.edge, parent[v].edge)) {
                    parent[v] = Parent{u, h.edge, h.forward};
                }
            });
        }
        if (!done[t]) return std::nullopt;
        return trace(parent, s, t);
    }

    // The unweighted search: level by level, each level in vertex order, which settles vertices in the
    // same order as Dijkstra keyed on (hops, vertex) without a heap.
    std::optional<Path> breadth_first(Vertex s, Vertex t, const std::vector<char>* banned,
                                      const std::vector<Vertex>* banned_first) const {
        const std::size_t n = size();
        std::vector<char> seen(n, 0);
        std::vector<Parent> parent(n);
        std::vector<Vertex> frontier{s}, next;
        seen[s] = 1;
        bool found = false;
        while (!frontier.empty() && !found) {
            std::sort(frontier.begin(), frontier.end());
            next.clear();
            for (Vertex u : frontier) {
                each_hop(u, [&](const Hop& h) {
                    const Vertex v = h.to;
                    if (!allowed_[v] || (banned && (*banned)[v])) return;
                    if (u == s && banned_first &&
                        std::find(banned_first->begin(), banned_first->end(), v) != banned_first->end())
                        return;
                    if (!seen[v]) {
                        seen[v] = 1;
                        parent[v] = Parent{u, h.edge, h.forward};
                        next.push_back(v);
                        if (v == t) found = true;
                    } else if (v != s && parent[v].from == u && better(h.edge, parent[v].edge)) {
                        parent[v] = Parent{u, h.edge, h.forward};
                    }
                });
                if (found) break;
            }
            frontier.swap(next);
        }
        if (!found) return std::nullopt;
        return trace(parent, s, t);
    }

    double total_cost(const std::vector<PathStep>& steps) const {
        double c = 0;
        for (const PathStep& s : steps) c += cost(s.edge);
        return c;
    }

private:
    struct Parent {
        Vertex from{};
        Edge edge{};
        bool forward = true;
    };

    Path trace(const std::vector<Parent>& parent, Vertex s, Vertex t) const {
        Path p;
        for (Vertex v = t; v != s; v = parent[v].from) p.steps.push_back(PathStep{parent[v].from, v, parent[v].edge, parent[v].forward});
        std::reverse(p.steps.begin(), p.steps.end());
        p.cost = total_cost(p.steps);
        return p;
    }

    const Graph& g_;
    const PathOptions& opt_;
    std::vector<char> allowed_;
};

std::vector<Vertex> vertices_of(const Path& p, Vertex a) {
    std::vector<Vertex> v{a};
    for (const PathStep& s : p.steps) v.push_back(s.to);
    return v;
}

bool valid(const KnowledgeGraph& graph, Vertex a, Vertex b) {
    const std::size_t n = graph.num_entities();
    return a < n && b < n;
}

}  // namespace

std::optional<Path> shortest_path(const KnowledgeGraph& graph, Vertex a, Vertex b, const PathOptions& options) {
    if (!valid(graph, a, b)) return std::nullopt;
    if (a == b) return Path{};
    return Walker(graph, options, b).search(a, b);
}

std::optional<std::vector<PathStep>> shortest_path(const KnowledgeGraph& graph, Vertex a, Vertex b) {
    auto p = shortest_path(graph, a, b, PathOptions{});
    if (!p) return std::nullopt;
    return std::move(p->steps);
}

std::vector<Path> k_shortest_paths(const KnowledgeGraph& graph, Vertex a, Vertex b, std::size_t k,
                                   const PathOptions& options) {
    std::vector<Path> found;
    if (k == 0 || !valid(graph, a, b)) return found;
    if (a == b) return {Path{}};
    const Walker walker(graph, options, b);
    auto first = walker.search(a, b);
    if (!first) return found;
    found.push_back(std::move(*first));

    // Candidates ordered by (cost, hops, vertex sequence), keyed by vertex sequence so none repeats.
    struct Key {
        double cost;
        std::vector<Vertex> seq;
        bool operator<(const Key& o) const {
            if (cost != o.cost) return cost < o.cost;
            if (seq.size() != o.seq.size()) return seq.size() < o.seq.size();
            return seq < o.seq;
        }
    };
    std::map<Key, Path> candidates;
    std::vector<std::vector<Vertex>> accepted{vertices_of(found.front(), a)};
    std::vector<char> banned(walker.size(), 0);
    while (found.size() < k) {
        const Path& last = found.back();
        const std::vector<Vertex> seq = vertices_of(last, a);
        for (std::size_t i = 0; i + 1 < seq.size(); ++i) {
            const Vertex spur = seq[i];
            std::vector<Vertex> banned_first;  // next vertices of accepted paths sharing this root
            for (const auto& other : accepted)
                if (other.size() > i + 1 && std::equal(seq.begin(), seq.begin() + static_cast<std::ptrdiff_t>(i + 1), other.begin()))
                    banned_first.push_back(other[i + 1]);
            for (std::size_t j = 0; j < i; ++j) banned[seq[j]] = 1;
            auto tail = walker.search(spur, b, &banned, &banned_first);
            for (std::size_t j = 0; j < i; ++j) banned[seq[j]] = 0;
            if (!tail) continue;
            Path whole;
            whole.steps.assign(last.steps.begin(), last.steps.begin() + static_cast<std::ptrdiff_t>(i));
            whole.steps.insert(whole.steps.end(), tail->steps.begin(), tail->steps.end());
            whole.cost = walker.total_cost(whole.steps);
            Key key{whole.cost, vertices_of(whole, a)};
            if (std::find(accepted.begin(), accepted.end(), key.seq) != accepted.end()) continue;
            candidates.emplace(std::move(key), std::move(whole));
        }
        if (candidates.empty()) break;
        auto best = candidates.begin();
        accepted.push_back(best->first.seq);
        found.push_back(std::move(best->second));
        candidates.erase(best);
    }
    return found;
}

std::vector<Path> all_shortest_paths(const KnowledgeGraph& graph, Vertex a, Vertex b, const PathOptions& options,
                                     std::size_t limit) {
    std::vector<Path> out;
    if (!valid(graph, a, b) || limit == 0) return out;
    if (a == b) return {Path{}};
    const Walker walker(graph, options, b);
    const std::size_t n = walker.size();

    // Distances from a, settled in cost order, up to b's distance.
    std::vector<double> dist(n, kInf);
    std::vector<Vertex> settled;
    std::vector<char> done(n, 0);
    using Item = std::pair<double, Vertex>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> heap;
    dist[a] = 0;
    heap.emplace(0.0, a);
    while (!heap.empty()) {
        const double d = heap.top().first;  // not a structured binding: clang < 16 cannot capture those
        const Vertex u = heap.top().second;
        heap.pop();
        if (done[u]) continue;
        if (done[b] && !same_cost(d, dist[b]) && d > dist[b]) break;
        done[u] = 1;
        settled.push_back(u);
        if (u == b) continue;  // b is an end, not a way through
        walker.each_hop(u, [&](const Hop& h) {
            if (!walker.allowed(h.to) || done[h.to]) return;
            if (d + h.cost < dist[h.to]) {
                dist[h.to] = d + h.cost;
                heap.emplace(dist[h.to], h.to);
            }
        });
    }
    if (!done[b]) return out;

    // The shortest-path DAG restricted to vertices that lead to b: walk back from b.
    std::map<Vertex, std::vector<Hop>> next;  // u -> tight hops u->v with v leading to b
    std::vector<char> leads(n, 0);
    leads[b] = 1;
    for (auto it = settled.rbegin(); it != settled.rend(); ++it) {
        const Vertex u = *it;
        if (u == b) continue;
        for (const Hop& h : walker.best_hops(u)) {
            if (!leads[h.to] || h.to == a || !done[h.to]) continue;
            if (same_cost(dist[u] + h.cost, dist[h.to])) {
                next[u].push_back(h);
                leads[u] = 1;
            }
        }
    }
    if (!leads[a]) return out;

    // Depth-first from a, successors by vertex index: paths come out in vertex-sequence order.
    std::vector<PathStep> stack;
    std::function<void(Vertex)> walk = [&](Vertex u) {
        if (out.size() >= limit) return;
        if (u == b) {
            Path p{stack, walker.total_cost(stack)};
            out.push_back(std::move(p));
            return;
        }
        for (const Hop& h : next[u]) {
            stack.push_back(PathStep{u, h.to, h.edge, h.forward});
            walk(h.to);
            stack.pop_back();
        }
    };
    walk(a);
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
        if (close.empty()) msg += "; no similar names";
        else msg += "; closest labels:";
        for (const auto& l : close) msg += "\n  " + l;
    } else {
        msg = "'" + std::string(name) + "' is ambiguous; it names " + std::to_string(found.size()) +
              " entities (give the id to choose one):";
        for (Vertex v : found)
            msg += "\n  " + g[v].label + " (" + std::string(to_string(g[v].type)) + ", id " + g[v].id + ")";
    }
    throw Error(ExitCode::no_result, msg);
}

}  // namespace kg
