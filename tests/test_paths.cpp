// Path search options on hand-built graphs: direction, the weighted cost formula, --via-types, --avoid,
// Yen's k shortest loop-free paths and all shortest paths. (NetworkX agreement: test_networkx.cpp.)
#include <doctest/doctest.h>

#include "helpers.hpp"

#include <kg/paths.hpp>

#include <set>

using kgtest::ev;

namespace {

struct G {
    kg::KnowledgeGraph g;
    std::size_t at = 0;
    kg::Vertex v(const std::string& name, kg::EntityType t = kg::EntityType::ORGANIZATION) { return g.add_entity(name, t); }
    // `times` evidence sentences, so weight == times.
    kg::Edge e(kg::Vertex s, kg::Vertex o, double confidence = 1.0, int times = 1, const std::string& p = "supports") {
        kg::Edge out{};
        for (int i = 0; i < times; ++i) out = g.add_relation(s, p, o, confidence, ev("d", at++, "x"));
        return out;
    }
};

std::vector<kg::Vertex> seq(const kg::Path& p, kg::Vertex a) {
    std::vector<kg::Vertex> out{a};
    for (const auto& s : p.steps) out.push_back(s.to);
    return out;
}

}  // namespace

TEST_CASE("edge_cost: 1 / (max(weight, 1) * clamp(confidence, 0.05, 1))") {
    kg::Relation r;
    r.weight = 1, r.confidence = 1;
    CHECK(kg::edge_cost(r) == 1.0);
    r.weight = 4;
    CHECK(kg::edge_cost(r) == 0.25);
    r.weight = 2, r.confidence = 0.5;
    CHECK(kg::edge_cost(r) == 1.0);
    r.weight = 0, r.confidence = 0;  // foreign files: no evidence count, no confidence
    CHECK(kg::edge_cost(r) == doctest::Approx(20.0));
}

TEST_CASE("path: --directed follows subject to object only") {
    G t;
    auto a = t.v("A"), b = t.v("B"), c = t.v("C"), d = t.v("D");
    t.e(a, b), t.e(b, c), t.e(d, c);
    auto undirected = kg::shortest_path(t.g, a, d, kg::PathOptions{});
    REQUIRE(undirected);
    CHECK(seq(*undirected, a) == std::vector<kg::Vertex>{a, b, c, d});
    CHECK_FALSE(undirected->steps[2].forward);
    kg::PathOptions directed;
    directed.directed = true;
    CHECK_FALSE(kg::shortest_path(t.g, a, d, directed));
    auto forward = kg::shortest_path(t.g, a, c, directed);
    REQUIRE(forward);
    CHECK(forward->steps.size() == 2);
    CHECK_FALSE(kg::shortest_path(t.g, c, a, directed));
}

TEST_CASE("path: --weighted prefers well-attested, confident edges") {
    G t;
    auto a = t.v("A"), b = t.v("B"), c = t.v("C");
    t.e(a, b), t.e(b, c);
    auto direct = t.e(a, c, 0.3);  // one doubtful sentence: cost 1/0.3 > 2
    kg::PathOptions weighted;
    weighted.weighted = true;
    auto hops = kg::shortest_path(t.g, a, c, kg::PathOptions{});
    REQUIRE(hops);
    CHECK(hops->steps.size() == 1);
    CHECK(hops->cost == 1.0);
    auto w = kg::shortest_path(t.g, a, c, weighted);
    REQUIRE(w);
    CHECK(w->steps.size() == 2);
    CHECK(w->cost == doctest::Approx(2.0));
    // Three more sentences make the direct edge cheap (weight 4, confidence 0.3: 1/1.2).
    t.e(a, c, 0.3, 3);
    auto w2 = kg::shortest_path(t.g, a, c, weighted);
    REQUIRE(w2);
    CHECK(w2->steps.size() == 1);
    CHECK(w2->steps[0].edge == direct);
    CHECK(w2->cost == doctest::Approx(1.0 / 1.2));
}

TEST_CASE("path: --via-types and --avoid steer the inner vertices, never the ends") {
    G t;
    auto a = t.v("A", kg::EntityType::PERSON), x = t.v("X", kg::EntityType::COMPANY);
    auto y = t.v("Y", kg::EntityType::COUNTRY), z = t.v("Z", kg::EntityType::COUNTRY);
    auto b = t.v("B", kg::EntityType::PERSON);
    t.e(a, x), t.e(x, b), t.e(a, y), t.e(y, z), t.e(z, b);
    auto plain = kg::shortest_path(t.g, a, b, kg::PathOptions{});
    REQUIRE(plain);
    CHECK(seq(*plain, a) == std::vector<kg::Vertex>{a, x, b});
    kg::PathOptions via;
    via.via_types = {kg::EntityType::COUNTRY};  // A and B are PERSON: ends are exempt
    auto v = kg::shortest_path(t.g, a, b, via);
    REQUIRE(v);
    CHECK(seq(*v, a) == std::vector<kg::Vertex>{a, y, z, b});
    kg::PathOptions avoid;
    avoid.avoid = {x};
    auto av = kg::shortest_path(t.g, a, b, avoid);
    REQUIRE(av);
    CHECK(seq(*av, a) == std::vector<kg::Vertex>{a, y, z, b});
    avoid.avoid = {x, z};
    CHECK_FALSE(kg::shortest_path(t.g, a, b, avoid));
    CHECK(kg::k_shortest_paths(t.g, a, b, 5, via).size() == 1);
}

TEST_CASE("paths: Yen's k shortest loop-free paths, ordered by cost, hops, vertex sequence") {
    G t;
    // A 2x4 ladder: many routes of different lengths from corner to corner.
    std::vector<kg::Vertex> top, bottom;
    for (int i = 0; i < 4; ++i) top.push_back(t.v("T" + std::to_string(i)));
    for (int i = 0; i < 4; ++i) bottom.push_back(t.v("B" + std::to_string(i)));
    for (int i = 0; i < 3; ++i) t.e(top[i], top[i + 1]), t.e(bottom[i + 1], bottom[i]);  // mixed directions
    for (int i = 0; i < 4; ++i) t.e(top[i], bottom[i]);
    t.e(top[0], bottom[0], 1.0, 1, "praised");  // a parallel edge must not yield a duplicate path
    const kg::Vertex a = top[0], b = bottom[3];
    auto paths = kg::k_shortest_paths(t.g, a, b, 20);
    // Simple paths from T0 to B3 in a 2x4 ladder: one per rung used to cross (4), plus zig-zags.
    REQUIRE(paths.size() >= 4);
    std::set<std::vector<kg::Vertex>> distinct;
    for (std::size_t i = 0; i < paths.size(); ++i) {
        auto s = seq(paths[i], a);
        CHECK(std::set<kg::Vertex>(s.begin(), s.end()).size() == s.size());  // loop-free
        CHECK(s.back() == b);
        distinct.insert(s);
        if (i) CHECK(paths[i - 1].cost <= paths[i].cost);
    }
    CHECK(distinct.size() == paths.size());
    CHECK(paths[0].cost == 4);
    CHECK(paths[1].cost == 4);
    CHECK(paths[2].cost == 4);
    CHECK(paths[3].cost == 4);
    CHECK(seq(paths[0], a) < seq(paths[1], a));  // equal cost: vertex sequence order
    CHECK(paths.size() == kg::k_shortest_paths(t.g, a, b, 100).size());  // all of them, and no more
    CHECK(kg::k_shortest_paths(t.g, a, b, 2).size() == 2);
    CHECK(kg::k_shortest_paths(t.g, a, b, 0).empty());
    auto self = kg::k_shortest_paths(t.g, a, a, 3);
    REQUIRE(self.size() == 1);
    CHECK(self[0].steps.empty());
}

TEST_CASE("paths --all-shortest: every minimal path, in vertex order, up to a limit") {
    G t;
    auto a = t.v("A"), b = t.v("B"), c = t.v("C"), d = t.v("D"), e = t.v("E");
    t.e(a, c), t.e(c, d), t.e(a, b), t.e(d, b), t.e(b, e), t.e(e, d), t.e(a, e, 1.0, 1, "praised");
    // A-B-D, A-C-D, A-E-D: three 2-hop paths.
    auto all = kg::all_shortest_paths(t.g, a, d);
    REQUIRE(all.size() == 3);
    CHECK(seq(all[0], a) == std::vector<kg::Vertex>{a, b, d});
    CHECK(seq(all[1], a) == std::vector<kg::Vertex>{a, c, d});
    CHECK(seq(all[2], a) == std::vector<kg::Vertex>{a, e, d});
    CHECK(kg::all_shortest_paths(t.g, a, d, {}, 2).size() == 2);
    kg::PathOptions directed;
    directed.directed = true;
    auto dir = kg::all_shortest_paths(t.g, a, d, directed);  // A->C->D and A->E->D (D->B points away)
    REQUIRE(dir.size() == 2);
    CHECK(seq(dir[0], a) == std::vector<kg::Vertex>{a, c, d});
    kg::PathOptions weighted;
    weighted.weighted = true;
    t.e(a, c, 1.0, 3);  // A-C now costs 1/4
    auto w = kg::all_shortest_paths(t.g, a, d, weighted);
    REQUIRE(w.size() == 1);
    CHECK(seq(w[0], a) == std::vector<kg::Vertex>{a, c, d});
    CHECK(w[0].cost == doctest::Approx(1.25));
    CHECK(kg::all_shortest_paths(t.g, a, t.v("Lone")).empty());
}
