#include "extract/stages.hpp"

#include <chrono>
#include <mutex>

namespace kg::detail::stages {

std::atomic<bool> Scope::on{false};

namespace {

std::int64_t now_ns() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

struct Sums {
    std::array<std::int64_t, stage_count> ns{};
    std::array<std::uint64_t, stage_count> calls{};
    void add(const Sums& o) {
        for (std::size_t k = 0; k < stage_count; ++k) ns[k] += o.ns[k], calls[k] += o.calls[k];
    }
};

std::mutex ended_mutex;
Sums ended;  // of the threads that have ended, under ended_mutex

// One thread's sums; created on the thread's first measured stage, added to `ended` when it ends.
struct Local {
    Sums sums;
    Stage current = Stage::outside;
    std::int64_t since = now_ns();
    ~Local() {
        std::lock_guard<std::mutex> lock(ended_mutex);
        ended.add(sums);
    }
    // Charges the time since the last event to the running stage and makes `next` the running one.
    void change(Stage next) {
        const std::int64_t t = now_ns();
        sums.ns[static_cast<std::size_t>(current)] += t - since;
        since = t;
        current = next;
    }
};

Local& local() {
    thread_local Local l;
    return l;
}

}  // namespace

const char* name(Stage s) {
    static const char* const names[stage_count] = {"outside",   "tokenize", "lexicon",  "tagger",    "ner facts", "ner",
                                                   "mentions",  "resolve",  "parser",   "relations", "output"};
    return s < Stage::count ? names[static_cast<std::size_t>(s)] : "?";
}

void enable(bool on) { Scope::on.store(on, std::memory_order_relaxed); }

Times totals() {
    Sums s;
    {
        std::lock_guard<std::mutex> lock(ended_mutex);
        s = ended;
    }
    s.add(local().sums);
    Times t;
    for (std::size_t k = 0; k < stage_count; ++k) {
        t.seconds[k] = static_cast<double>(s.ns[k]) / 1e9;
        t.calls[k] = s.calls[k];
    }
    return t;
}

Stage Scope::enter(Stage s) noexcept {
    Local& l = local();
    const Stage prev = l.current;
    l.change(s);
    ++l.sums.calls[static_cast<std::size_t>(s)];
    return prev;
}

void Scope::leave(Stage back) noexcept { local().change(back); }

}  // namespace kg::detail::stages
