#include <kg/centrality.hpp>

#include "query/csr.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <condition_variable>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <numeric>
#include <thread>
#include <utility>

namespace kg {

using detail::Csr;

namespace {

// Source blocks have a size that depends only on the number of sources, never on the thread count, and
// their partial sums are added in block order: that makes the floating-point result identical for any
// number of threads.
std::size_t source_block(std::size_t sources) { return std::max<std::size_t>(32, (sources + 255) / 256); }

// Vertex blocks for the per-round sweeps of PageRank and eigenvector, for the same reason.
constexpr std::size_t kVertexBlock = 4096;
// Every sweep wakes the workers and waits for them, so by default each must get enough vertices to be
// worth waking.
constexpr std::size_t kBlocksPerThread = 16;

// Workers that stay up for all the sweeps of an iteration: PageRank on a big sparse graph makes a few
// hundred sweeps of a few milliseconds each, and starting threads for every one cost as much as the sweep.
// Blocks go out in increasing order to whichever thread is free; each block writes only its own results.
class SweepPool {
public:
    explicit SweepPool(unsigned threads) {
        for (unsigned t = 1; t < threads; ++t) workers_.emplace_back([this] { work(); });
    }
    SweepPool(const SweepPool&) = delete;
    SweepPool& operator=(const SweepPool&) = delete;
    ~SweepPool() {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            stop_ = true;
            ++generation_;
        }
        wake_.notify_all();
        for (auto& w : workers_) w.join();
    }

    // body(b) for b in [0, blocks), on all the workers and the calling thread; returns when all are done.
    template <class Body>
    void run(std::size_t blocks, const Body& body) {
        if (workers_.empty()) {
            for (std::size_t b = 0; b < blocks; ++b) body(b);
            return;
        }
        const std::function<void(std::size_t)> f = std::cref(body);
        {
            std::lock_guard<std::mutex> lock(mutex_);
            body_ = &f;
            blocks_ = blocks;
            next_ = 0;
            busy_ = workers_.size();
            ++generation_;
        }
        wake_.notify_all();
        take();
        std::unique_lock<std::mutex> lock(mutex_);
        done_.wait(lock, [this] { return busy_ == 0; });
        body_ = nullptr;
        if (failure_) std::rethrow_exception(std::exchange(failure_, nullptr));
    }

private:
    void take() {
        try {
            for (std::size_t b; (b = next_.fetch_add(1)) < blocks_;) (*body_)(b);
        } catch (...) {
            std::lock_guard<std::mutex> lock(failure_mutex_);
            if (!failure_) failure_ = std::current_exception();
            next_ = blocks_;
        }
    }
    void work() {
        std::size_t seen = 0;
        std::unique_lock<std::mutex> lock(mutex_);
        for (;;) {
            wake_.wait(lock, [&] { return generation_ != seen; });
            seen = generation_;
            if (stop_) return;
            lock.unlock();
            take();
            lock.lock();
            if (--busy_ == 0) done_.notify_one();
        }
    }

    std::vector<std::thread> workers_;
    std::mutex mutex_, failure_mutex_;
    std::condition_variable wake_, done_;
    std::size_t generation_ = 0, busy_ = 0, blocks_ = 0;
    bool stop_ = false;
    std::atomic<std::size_t> next_{0};
    const std::function<void(std::size_t)>* body_ = nullptr;
    std::exception_ptr failure_;
};

// The sum over all vertices of per_vertex(v), added per block and then in block order, so that it is the
// same for any number of threads.
template <class PerVertex>
double sum_by_blocks(SweepPool& pool, std::size_t n, std::vector<double>& block_sum, const PerVertex& per_vertex) {
    pool.run(block_sum.size(), [&](std::size_t b) {
        double s = 0;
        const std::size_t end = std::min(n, (b + 1) * kVertexBlock);
        for (std::size_t v = b * kVertexBlock; v < end; ++v) s += per_vertex(v);
        block_sum[b] = s;
    });
    return std::accumulate(block_sum.begin(), block_sum.end(), 0.0);
}

std::uint64_t splitmix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

// One breadth-first search per source over the undirected view, with reusable buffers; reset() only
// clears what the last search touched, so many searches on a big sparse graph stay cheap.
struct Bfs {
    const Csr& c;
    std::vector<std::int32_t> dist;
    std::vector<std::uint32_t> order;  // vertices in the order they were reached
    explicit Bfs(const Csr& csr) : c(csr), dist(csr.n, -1) { order.reserve(csr.n); }

    void run(std::uint32_t s) {
        for (std::uint32_t v : order) dist[v] = -1;
        order.clear();
        dist[s] = 0;
        order.push_back(s);
        for (std::size_t head = 0; head < order.size(); ++head) {
            const std::uint32_t u = order[head];
            for (std::size_t i = c.offset[u]; i < c.offset[u + 1]; ++i) {
                const std::uint32_t w = c.target[i];
                if (dist[w] < 0) {
                    dist[w] = dist[u] + 1;
                    order.push_back(w);
                }
            }
        }
    }
};

}  // namespace

std::vector<double> degree_centrality(const KnowledgeGraph& graph, DegreeMode mode, bool include_negated) {
    const Graph& g = graph.graph();
    std::vector<double> out(boost::num_vertices(g), 0.0);
    if (mode == DegreeMode::weighted) {
        for (Edge e : boost::make_iterator_range(boost::edges(g))) {
            if (!include_negated && negated_only(g[e])) continue;
            out[boost::source(e, g)] += g[e].weight;
            out[boost::target(e, g)] += g[e].weight;
        }
        return out;
    }
    for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
        double in = static_cast<double>(boost::in_degree(v, g));
        double outd = static_cast<double>(boost::out_degree(v, g));
        out[v] = mode == DegreeMode::in ? in : mode == DegreeMode::out ? outd : in + outd;
    }
    if (!include_negated)
        for (Edge e : boost::make_iterator_range(boost::edges(g)))
            if (negated_only(g[e])) {
                if (mode != DegreeMode::in) out[boost::source(e, g)] -= 1;
                if (mode != DegreeMode::out) out[boost::target(e, g)] -= 1;
            }
    return out;
}

std::vector<Vertex> betweenness_pivots(std::size_t n, std::size_t sample, std::uint64_t seed) {
    std::vector<Vertex> all(n);
    std::iota(all.begin(), all.end(), Vertex{0});
    if (sample >= n) return all;
    // A partial Fisher–Yates shuffle with our own generator: std::uniform_int_distribution differs
    // between standard libraries, and the pivots must not.
    std::uint64_t state = seed;
    for (std::size_t i = 0; i < sample; ++i) {
        const std::uint64_t range = n - i;
        const std::size_t j = i + static_cast<std::size_t>(splitmix64(state) % range);
        std::swap(all[i], all[j]);
    }
    all.resize(sample);
    std::sort(all.begin(), all.end());
    return all;
}

std::vector<double> betweenness_centrality(const KnowledgeGraph& graph, const BetweennessOptions& options) {
    const Csr c = detail::make_view(graph.graph(), detail::View::undirected, options.include_negated);
    const std::size_t n = c.n;
    std::vector<double> total(n, 0.0);
    if (n == 0) return total;

    std::vector<Vertex> sources;
    if (!options.pivots.empty()) {
        for (Vertex v : options.pivots)
            if (v < n) sources.push_back(v);
        std::sort(sources.begin(), sources.end());
        sources.erase(std::unique(sources.begin(), sources.end()), sources.end());
    } else {
        sources = betweenness_pivots(n, options.sample ? options.sample : n, options.seed);
    }
    const std::size_t k = sources.size();
    const std::size_t block = source_block(k);
    const std::size_t blocks = (k + block - 1) / block;

    std::mutex merge_mutex;
    std::size_t next_merge = 0;
    std::map<std::size_t, std::vector<double>> pending;
    detail::parallel_blocks(blocks, detail::thread_count(options.threads, blocks), [&](std::size_t b) {
        std::vector<double> partial(n, 0.0), sigma(n, 0.0), delta(n, 0.0);
        Bfs bfs(c);
        const std::size_t end = std::min(k, (b + 1) * block);
        for (std::size_t si = b * block; si < end; ++si) {
            const auto s = static_cast<std::uint32_t>(sources[si]);
            for (std::uint32_t v : bfs.order) sigma[v] = 0, delta[v] = 0, bfs.dist[v] = -1;
            // Breadth-first search counting shortest paths (sigma) as it goes.
            auto& dist = bfs.dist;
            auto& order = bfs.order;
            order.clear();
            dist[s] = 0;
            sigma[s] = 1;
            order.push_back(s);
            for (std::size_t head = 0; head < order.size(); ++head) {
                const std::uint32_t u = order[head];
                const std::int32_t du = dist[u] + 1;
                const double su = sigma[u];
                for (std::size_t i = c.offset[u]; i < c.offset[u + 1]; ++i) {
                    const std::uint32_t w = c.target[i];
                    if (dist[w] < 0) {
                        dist[w] = du;
                        order.push_back(w);
                    }
                    if (dist[w] == du) sigma[w] += su;
                }
            }
            // Dependencies, farthest first; predecessors are the neighbours one step closer.
            for (std::size_t j = bfs.order.size(); j-- > 1;) {
                const std::uint32_t w = bfs.order[j];
                const double coeff = (1.0 + delta[w]) / sigma[w];
                for (std::size_t i = c.offset[w]; i < c.offset[w + 1]; ++i) {
                    const std::uint32_t v = c.target[i];
                    if (bfs.dist[v] == bfs.dist[w] - 1) delta[v] += sigma[v] * coeff;
                }
                partial[w] += delta[w];
            }
        }
        std::lock_guard<std::mutex> lock(merge_mutex);
        pending.emplace(b, std::move(partial));
        for (auto it = pending.find(next_merge); it != pending.end(); it = pending.find(next_merge)) {
            for (std::size_t v = 0; v < n; ++v) total[v] += it->second[v];
            pending.erase(it);
            ++next_merge;
        }
    });

    // NetworkX: the sum over sources counts each unordered pair twice; normalized by 1/((n-1)(n-2)),
    // times n/k when only k pivots were used; left raw for n <= 2 (where it is all zeros anyway).
    if (n > 2) {
        double scale = 1.0 / (static_cast<double>(n - 1) * static_cast<double>(n - 2));
        if (k < n) scale *= static_cast<double>(n) / static_cast<double>(k);
        for (double& x : total) x *= scale;
    }
    return total;
}

namespace {
// Per-source BFS distances reduced to one number per source; each source owns its output slot.
template <class Reduce>
std::vector<double> per_source(const KnowledgeGraph& graph, unsigned threads, bool include_negated, Reduce reduce) {
    const Csr c = detail::make_view(graph.graph(), detail::View::undirected, include_negated);
    std::vector<double> out(c.n, 0.0);
    const std::size_t block = source_block(c.n);
    const std::size_t blocks = (c.n + block - 1) / block;
    detail::parallel_blocks(blocks, detail::thread_count(threads, blocks), [&](std::size_t b) {
        Bfs bfs(c);
        for (std::size_t s = b * block; s < std::min(c.n, (b + 1) * block); ++s) {
            bfs.run(static_cast<std::uint32_t>(s));
            out[s] = reduce(bfs, c.n);
        }
    });
    return out;
}
}  // namespace

std::vector<double> harmonic_centrality(const KnowledgeGraph& graph, unsigned threads, bool include_negated) {
    return per_source(graph, threads, include_negated, [](const Bfs& bfs, std::size_t) {
        double sum = 0;
        for (std::size_t j = 1; j < bfs.order.size(); ++j) sum += 1.0 / bfs.dist[bfs.order[j]];
        return sum;
    });
}

std::vector<double> closeness_centrality(const KnowledgeGraph& graph, unsigned threads, bool include_negated) {
    return per_source(graph, threads, include_negated, [](const Bfs& bfs, std::size_t n) {
        std::uint64_t sum = 0;  // exact, as NetworkX sums integer distances
        for (std::uint32_t v : bfs.order) sum += static_cast<std::uint64_t>(bfs.dist[v]);
        if (sum == 0 || n < 2) return 0.0;
        const double reach = static_cast<double>(bfs.order.size() - 1);
        return (reach / static_cast<double>(sum)) * (reach / static_cast<double>(n - 1));
    });
}

std::vector<double> pagerank(const KnowledgeGraph& graph, const PageRankOptions& options) {
    const Csr in = detail::make_view(graph.graph(), detail::View::in, options.include_negated);
    const std::size_t n = in.n;
    if (n == 0) return {};
    // Pull form: x'[v] = alpha * (sum over in-edges u->v of x[u] w(u,v) / W(u) + dangling / n) + (1-alpha)/n.
    std::vector<double> out_weight(n, 0.0);
    for (std::size_t v = 0; v < n; ++v)
        for (std::size_t i = in.offset[v]; i < in.offset[v + 1]; ++i)
            out_weight[in.target[i]] += options.weighted ? in.weight[i] : 1.0;
    std::vector<double> inv_out(n, 0.0);
    for (std::size_t u = 0; u < n; ++u)
        if (out_weight[u] > 0) inv_out[u] = 1.0 / out_weight[u];

    const double nd = static_cast<double>(n);
    std::vector<double> x(n, 1.0 / nd), next(n), share(n);
    const std::size_t blocks = (n + kVertexBlock - 1) / kVertexBlock;
    const unsigned threads = detail::thread_count(options.threads, options.threads ? blocks : blocks / kBlocksPerThread);
    std::vector<double> block_sum(blocks);
    SweepPool pool(threads);
    auto blocked_sum = [&](const auto& per_vertex) { return sum_by_blocks(pool, n, block_sum, per_vertex); };
    for (std::size_t round = 0; round < options.max_iterations; ++round) {
        const double dangling = blocked_sum([&](std::size_t u) {
            share[u] = x[u] * inv_out[u];
            return out_weight[u] > 0 ? 0.0 : x[u];
        });
        const double base = options.alpha * dangling / nd + (1.0 - options.alpha) / nd;
        const double change = blocked_sum([&](std::size_t v) {
            double s = 0;
            if (options.weighted)
                for (std::size_t i = in.offset[v]; i < in.offset[v + 1]; ++i) s += share[in.target[i]] * in.weight[i];
            else
                for (std::size_t i = in.offset[v]; i < in.offset[v + 1]; ++i) s += share[in.target[i]];
            next[v] = options.alpha * s + base;
            return std::fabs(next[v] - x[v]);
        });
        x.swap(next);
        if (change < nd * options.tolerance) break;
    }
    return x;
}

std::vector<double> eigenvector_centrality(const KnowledgeGraph& graph, const EigenvectorOptions& options) {
    const Csr c = detail::make_view(graph.graph(), detail::View::undirected, options.include_negated);
    const std::size_t n = c.n;
    if (n == 0) return {};
    const double nd = static_cast<double>(n);
    std::vector<double> x(n, 1.0 / nd), next(n);
    const std::size_t blocks = (n + kVertexBlock - 1) / kVertexBlock;
    const unsigned threads = detail::thread_count(options.threads, options.threads ? blocks : blocks / kBlocksPerThread);
    std::vector<double> block_sum(blocks);
    SweepPool pool(threads);
    auto blocked_sum = [&](const auto& per_vertex) { return sum_by_blocks(pool, n, block_sum, per_vertex); };
    for (std::size_t round = 0; round < options.max_iterations; ++round) {
        // (A + I) x, as NetworkX iterates, so bipartite graphs converge instead of oscillating.
        const double squares = blocked_sum([&](std::size_t v) {
            double s = x[v];
            for (std::size_t i = c.offset[v]; i < c.offset[v + 1]; ++i) s += x[c.target[i]];
            next[v] = s;
            return s * s;
        });
        double norm = std::sqrt(squares);
        if (norm == 0) norm = 1;
        const double change = blocked_sum([&](std::size_t v) {
            next[v] /= norm;
            return std::fabs(next[v] - x[v]);
        });
        x.swap(next);
        if (change < nd * options.tolerance) break;
    }
    return x;
}

std::vector<std::pair<Vertex, double>> top_n(const std::vector<double>& scores, std::size_t n) {
    std::vector<std::size_t> order(scores.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    auto better = [&](std::size_t a, std::size_t b) { return scores[a] > scores[b] || (scores[a] == scores[b] && a < b); };
    if (order.size() > n) {
        std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(n), order.end(), better);
        order.resize(n);
    } else {
        std::sort(order.begin(), order.end(), better);
    }
    std::vector<std::pair<Vertex, double>> out;
    out.reserve(order.size());
    for (std::size_t i : order) out.emplace_back(static_cast<Vertex>(i), scores[i]);
    return out;
}

std::vector<std::pair<Vertex, double>> top_n(const KnowledgeGraph& graph, const std::vector<double>& scores,
                                             std::size_t n, const std::vector<EntityType>& types) {
    if (types.empty()) return top_n(scores, n);
    const Graph& g = graph.graph();
    std::vector<double> kept;
    std::vector<Vertex> ids;
    for (std::size_t v = 0; v < scores.size() && v < boost::num_vertices(g); ++v)
        if (std::find(types.begin(), types.end(), g[v].type) != types.end()) kept.push_back(scores[v]), ids.push_back(v);
    auto ranked = top_n(kept, n);
    for (auto& r : ranked) r.first = ids[r.first];
    return ranked;
}

std::optional<Measure> parse_measure(std::string_view name) {
    static const std::pair<std::string_view, Measure> names[] = {
        {"degree", Measure::degree},           {"total", Measure::degree},
        {"in", Measure::in_degree},            {"in-degree", Measure::in_degree},
        {"out", Measure::out_degree},          {"out-degree", Measure::out_degree},
        {"weighted", Measure::weighted_degree}, {"weighted-degree", Measure::weighted_degree},
        {"betweenness", Measure::betweenness}, {"closeness", Measure::closeness},
        {"harmonic", Measure::harmonic},       {"pagerank", Measure::pagerank},
        {"eigenvector", Measure::eigenvector},
    };
    for (const auto& [k, m] : names)
        if (k == name) return m;
    return std::nullopt;
}

const char* to_string(Measure measure) {
    switch (measure) {
        case Measure::degree: return "degree";
        case Measure::in_degree: return "in-degree";
        case Measure::out_degree: return "out-degree";
        case Measure::weighted_degree: return "weighted-degree";
        case Measure::betweenness: return "betweenness";
        case Measure::closeness: return "closeness";
        case Measure::harmonic: return "harmonic";
        case Measure::pagerank: return "pagerank";
        case Measure::eigenvector: return "eigenvector";
    }
    return "?";
}

std::vector<double> centrality(const KnowledgeGraph& graph, Measure measure, const CentralityOptions& options) {
    switch (measure) {
        case Measure::degree: return degree_centrality(graph, DegreeMode::total, options.include_negated);
        case Measure::in_degree: return degree_centrality(graph, DegreeMode::in, options.include_negated);
        case Measure::out_degree: return degree_centrality(graph, DegreeMode::out, options.include_negated);
        case Measure::weighted_degree: return degree_centrality(graph, DegreeMode::weighted, options.include_negated);
        case Measure::betweenness: {
            BetweennessOptions b;
            b.sample = options.sample;
            b.seed = options.seed;
            b.threads = options.threads;
            b.include_negated = options.include_negated;
            return betweenness_centrality(graph, b);
        }
        case Measure::closeness: return closeness_centrality(graph, options.threads, options.include_negated);
        case Measure::harmonic: return harmonic_centrality(graph, options.threads, options.include_negated);
        case Measure::pagerank: {
            PageRankOptions p;
            p.weighted = options.weighted;
            p.threads = options.threads;
            p.include_negated = options.include_negated;
            return pagerank(graph, p);
        }
        case Measure::eigenvector: {
            EigenvectorOptions e;
            e.threads = options.threads;
            e.include_negated = options.include_negated;
            return eigenvector_centrality(graph, e);
        }
    }
    return {};
}

}  // namespace kg
