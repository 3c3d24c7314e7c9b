// The per-stage clock that kg-bench-corpus reads (lib/extract/stages.hpp): stages are counted only while
// measuring is on, a nested stage's time is its own and not its caller's, and measuring changes no output.
#include <doctest/doctest.h>

#include "extract/stages.hpp"

#include <kg/extract.hpp>

#include <chrono>
#include <string>
#include <thread>

namespace st = kg::detail::stages;

namespace {

std::size_t idx(st::Stage s) { return static_cast<std::size_t>(s); }

std::string summary(const kg::DocExtraction& x) {
    std::string out;
    for (const auto& e : x.entities) out += e.name + "|" + std::to_string(e.mentions.size()) + ";";
    for (const auto& r : x.relations) out += x.entities[r.subject].name + " " + r.predicate + " " + x.entities[r.object].name + ";";
    return out;
}

// Turns measuring off again when a check fails, so that no other test runs measured.
struct Measuring {
    Measuring() { st::enable(true); }
    ~Measuring() { st::enable(false); }
};

}  // namespace

TEST_CASE("stages: counted only while measuring, with the same extraction") {
    const kg::Extractor extract;
    const kg::Document doc{"d", "test",
                           "Acme Corp. said on Monday that its chief executive, Jane Doe, would visit Berlin. "
                           "The company makes robots in Ohio."};
    const st::Times before = st::totals();
    const std::string plain = summary(extract(doc));
    const st::Times unmeasured = st::totals();
    for (std::size_t k = 0; k < st::stage_count; ++k) CHECK(unmeasured.calls[k] == before.calls[k]);

    std::string measured;
    {
        Measuring on;
        measured = summary(extract(doc));
    }
    const st::Times after = st::totals();
    CHECK(measured == plain);
    CHECK(!plain.empty());
    for (st::Stage s : {st::Stage::tokenize, st::Stage::lexicon, st::Stage::mentions, st::Stage::resolve,
                        st::Stage::relations, st::Stage::output}) {
        INFO(st::name(s));
        CHECK(after.calls[idx(s)] == before.calls[idx(s)] + 1);  // once per document
        CHECK(after.seconds[idx(s)] >= before.seconds[idx(s)]);
    }
    CHECK(after.calls[idx(st::Stage::tagger)] > before.calls[idx(st::Stage::tagger)]);  // called from the stages
    CHECK(after.calls[idx(st::Stage::ner)] > before.calls[idx(st::Stage::ner)]);
}

TEST_CASE("stages: a nested stage's time is charged to it, not to its caller") {
    const st::Times before = st::totals();
    {
        Measuring on;
        st::Scope outer(st::Stage::relations);
        st::Scope inner(st::Stage::parser);
        std::this_thread::sleep_for(std::chrono::milliseconds(60));
    }
    const st::Times after = st::totals();
    const double parser = after.seconds[idx(st::Stage::parser)] - before.seconds[idx(st::Stage::parser)];
    const double relations = after.seconds[idx(st::Stage::relations)] - before.seconds[idx(st::Stage::relations)];
    CHECK(parser >= 0.06);
    CHECK(relations < parser / 2);  // the outer scope itself did next to nothing
    CHECK(after.calls[idx(st::Stage::parser)] == before.calls[idx(st::Stage::parser)] + 1);
    CHECK(std::string(st::name(st::Stage::parser)) == "parser");
}

TEST_CASE("stages: a thread's sums are added to the totals when it ends") {
    const st::Times before = st::totals();
    {
        Measuring on;
        std::thread t([] { st::Scope s(st::Stage::tokenize); });
        t.join();
    }
    CHECK(st::totals().calls[idx(st::Stage::tokenize)] == before.calls[idx(st::Stage::tokenize)] + 1);
}
