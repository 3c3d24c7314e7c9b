// The built-in sample against its hand-made gold graph (tests/data/seeds.gold.json). The figures are
// floors: a change that lowers them fails here instead of silently making the graph worse.
#include <doctest/doctest.h>

#include <kg/corpus.hpp>
#include <kg/extract.hpp>
#include <kg/query.hpp>
#include <kg/predicates.hpp>
#include <kg/score.hpp>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace {

const kg::Gold& gold() {
    static const kg::Gold g = [] {
        std::ifstream in(std::string(KG_TEST_DATA) + "/seeds.gold.json");
        std::stringstream ss;
        ss << in.rdbuf();
        return kg::parse_gold(ss.str(), "seeds.gold.json");
    }();
    return g;
}

const kg::KnowledgeGraph& seeds_graph() {
    static const kg::KnowledgeGraph g = kg::build_graph(kg::sample_documents());
    return g;
}

}  // namespace

// Floors since the trained recognizer (stop 12): the sample is five articles of one topic, and the
// recognizer is tuned for news it has not seen (mean typed F1 on the dev sets 0.47 -> 0.72), which costs
// the sample's typing (0.928 -> 0.855: start-ups the model reads as organizations or places). Relations are
// scored against the schema v2 gold (place-in-place is located_in, which the v1 relation stage does not
// give yet; the stop-11 extractor scored 0.695 on it). Since the joins across documents (stop 13) the short
// forms of articles that never write the full name (Trump, Xi, Liang) are no nodes of their own, and an unsure
// name takes the type of a list neighbour the gazetteer knows (OpenAI beside Google): entity F1 0.935 ->
// 0.959, typed 0.855 -> 0.893.
TEST_CASE("seeds: entity F1 >= 0.95, typed F1 >= 0.88, relation F1 >= 0.65, core recall >= 0.90 against the gold graph") {
    kg::Score s = kg::score(seeds_graph(), gold());
    MESSAGE("entities P=" << s.entities.precision << " R=" << s.entities.recall << " F1=" << s.entities.f1);
    MESSAGE("typed entities P=" << s.typed_entities.precision << " R=" << s.typed_entities.recall
                                << " F1=" << s.typed_entities.f1);
    MESSAGE("relations P=" << s.relations.precision << " R=" << s.relations.recall << " F1=" << s.relations.f1);
    MESSAGE("core recall=" << s.core_recall);
    for (const auto& m : s.missed_core) MESSAGE("missed core: " << m);
    CHECK(s.entities.f1 >= 0.95);
    CHECK(s.typed_entities.f1 >= 0.88);
    CHECK(s.relations.f1 >= 0.65);
    CHECK(s.core_recall >= 0.90);
}

// Names joined within and across the articles. Two gold entities are still split, and not by a short form:
// the World AI Conference is also "the annual Shanghai AI Forum" in one article, and "April Politburo
// meeting" is "April Politburo study session" in another.
TEST_CASE("seeds: no gold entity split by a short form, no node joining two gold entities") {
    kg::Score s = kg::score(seeds_graph(), gold());
    for (const auto& m : s.split_entities) MESSAGE("split: " << m);
    for (const auto& m : s.joined_nodes) MESSAGE("joined: " << m);
    CHECK(s.joined_nodes.empty());
    CHECK(s.split_entities.size() <= 2);
    for (const char* full : {"Donald Trump", "Xi Jinping", "Liang Wenfeng"})
        for (const auto& m : s.split_entities) CHECK(m.rfind(full, 0) == std::string::npos);
    const auto& g = seeds_graph();
    for (const char* shortform : {"Trump", "Xi", "Liang"}) {
        const auto vs = g.lookup(shortform);
        REQUIRE(vs.size() == 1);
        CHECK(g.graph()[vs[0]].label != shortform);  // found as an alias of the full name
    }
    const auto xi = g.lookup("Xi"), li = g.lookup("Li Qiang");
    REQUIRE(xi.size() == 1);
    REQUIRE(li.size() == 1);
    const auto path = kg::shortest_path(g, xi[0], li[0]);
    REQUIRE(path);
    CHECK_FALSE(path->empty());
}

TEST_CASE("seeds: the path from Li Qiang to Global South uses only edges the gold graph has") {
    const auto& g = seeds_graph();
    auto a = g.lookup("Li Qiang");
    auto b = g.lookup("Global South");
    REQUIRE(a.size() == 1);
    REQUIRE(b.size() == 1);
    auto path = kg::shortest_path(g, a[0], b[0]);
    REQUIRE(path);
    REQUIRE(!path->empty());
    // Map predicted labels to gold ids by name or alias, as the scorer does.
    std::map<std::string, std::string> gold_id;
    for (const auto& e : gold().entities) {
        gold_id[kg::fold_name(e.name)] = e.id;
        for (const auto& al : e.aliases) gold_id.emplace(kg::fold_name(al), e.id);
    }
    std::set<std::tuple<std::string, std::string, std::string>> triples;
    for (const auto& r : gold().relations) triples.emplace(r.subject, r.predicate, r.object);
    const auto& G = g.graph();
    for (const auto& step : *path) {
        auto s = boost::source(step.edge, G), o = boost::target(step.edge, G);
        auto si = gold_id.find(kg::fold_name(G[s].label));
        auto oi = gold_id.find(kg::fold_name(G[o].label));
        REQUIRE(si != gold_id.end());
        REQUIRE(oi != gold_id.end());
        const std::string& p = G[step.edge].predicate;
        bool in_gold = triples.count({si->second, p, oi->second}) ||
                       (kg::is_symmetric(p) && triples.count({oi->second, p, si->second}));
        CHECK_MESSAGE(in_gold, G[s].label << " " << p << " " << G[o].label);
    }
}
