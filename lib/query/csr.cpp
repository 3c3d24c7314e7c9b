#include "query/csr.hpp"

#include <atomic>
#include <exception>
#include <mutex>

namespace kg::detail {

Csr make_view(const Graph& g, View view, bool include_negated) {
    Csr c;
    c.n = boost::num_vertices(g);
    auto skipped = [&](Edge e) {
        return boost::source(e, g) == boost::target(e, g) || (!include_negated && negated_only(g[e]));
    };
    std::vector<std::size_t> start(c.n + 1, 0);
    for (Edge e : boost::make_iterator_range(boost::edges(g))) {
        const Vertex u = boost::source(e, g), v = boost::target(e, g);
        if (skipped(e)) continue;
        if (view != View::in) ++start[u + 1];
        if (view != View::out) ++start[v + 1];
    }
    for (std::size_t v = 0; v < c.n; ++v) start[v + 1] += start[v];
    std::vector<std::pair<std::uint32_t, double>> cell(start[c.n]);
    std::vector<std::size_t> cursor(start.begin(), start.end() - 1);
    for (Edge e : boost::make_iterator_range(boost::edges(g))) {
        const Vertex u = boost::source(e, g), v = boost::target(e, g);
        if (skipped(e)) continue;
        const double w = g[e].weight;
        if (view != View::in) cell[cursor[u]++] = {static_cast<std::uint32_t>(v), w};
        if (view != View::out) cell[cursor[v]++] = {static_cast<std::uint32_t>(u), w};
    }
    // Sort each row by neighbour and merge parallel edges; rows are filled in edge order, so the
    // weight sums are formed in a fixed order.
    c.offset.assign(c.n + 1, 0);
    c.target.reserve(cell.size());
    c.weight.reserve(cell.size());
    for (std::size_t v = 0; v < c.n; ++v) {
        auto first = cell.begin() + static_cast<std::ptrdiff_t>(start[v]);
        auto last = cell.begin() + static_cast<std::ptrdiff_t>(start[v + 1]);
        std::stable_sort(first, last, [](const auto& a, const auto& b) { return a.first < b.first; });
        for (auto it = first; it != last; ++it) {
            if (c.target.size() > c.offset[v] && c.target.back() == it->first) {
                c.weight.back() += it->second;
            } else {
                c.target.push_back(it->first);
                c.weight.push_back(it->second);
            }
        }
        c.offset[v + 1] = c.target.size();
    }
    return c;
}

unsigned thread_count(unsigned requested, std::size_t work) {
    unsigned t = requested ? requested : std::max(1u, std::thread::hardware_concurrency());
    if (work < t) t = static_cast<unsigned>(std::max<std::size_t>(work, 1));
    return t;
}

void parallel_blocks(std::size_t blocks, unsigned threads, const std::function<void(std::size_t)>& body) {
    if (threads <= 1 || blocks <= 1) {
        for (std::size_t b = 0; b < blocks; ++b) body(b);
        return;
    }
    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;
    std::mutex failure_mutex;
    // An exception must not escape a std::thread (that terminates); the first one is rethrown here.
    auto worker = [&] {
        try {
            for (std::size_t b; (b = next.fetch_add(1)) < blocks;) body(b);
        } catch (...) {
            std::lock_guard<std::mutex> lock(failure_mutex);
            if (!failure) failure = std::current_exception();
            next = blocks;
        }
    };
    std::vector<std::thread> pool;
    pool.reserve(threads - 1);
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
    worker();
    for (auto& t : pool) t.join();
    if (failure) std::rethrow_exception(failure);
}

}  // namespace kg::detail
