// Neighbourhoods, components, statistics, Louvain communities, and thread-count independence of the
// parallel measures. (NetworkX agreement of every measure: test_networkx.cpp.)
#include <doctest/doctest.h>

#include "helpers.hpp"

#include <kg/query.hpp>

#include <random>

using kgtest::ev;

namespace {

kg::KnowledgeGraph random_graph(std::size_t n, std::size_t m, unsigned seed) {
    std::mt19937 rng(seed);
    kg::KnowledgeGraph g;
    for (std::size_t i = 0; i < n; ++i) {
        kg::Entity e;
        e.id = "n" + std::to_string(i);
        e.label = e.id;
        g.insert_entity(std::move(e));
    }
    std::uniform_int_distribution<std::size_t> pick(0, n - 1);
    for (std::size_t k = 0; k < m; ++k) {
        kg::Relation r;
        r.id = "e" + std::to_string(k);
        r.predicate = "supports";
        r.weight = 1 + static_cast<double>(k % 3);
        g.insert_relation(pick(rng), pick(rng), std::move(r));
    }
    return g;
}

}  // namespace

TEST_CASE("neighbors: --predicates filters the incident edges") {
    kg::KnowledgeGraph g;
    auto a = g.add_entity("A", kg::EntityType::PERSON), b = g.add_entity("B", kg::EntityType::COMPANY);
    auto c = g.add_entity("C", kg::EntityType::COUNTRY);
    g.add_relation(a, "works_for", b, 1, ev("d", 0, "x"));
    g.add_relation(a, "based_in", c, 1, ev("d", 1, "x"));
    g.add_relation(b, "based_in", a, 1, ev("d", 2, "x"));
    CHECK(kg::neighbors(g, a).size() == 3);
    auto only = kg::neighbors(g, a, {"based_in"});
    REQUIRE(only.size() == 2);
    CHECK(only[0].other == c);
    CHECK(only[1].other == b);
    CHECK_FALSE(only[1].outgoing);
    CHECK(kg::neighbors(g, a, {"leader_of"}).empty());
}

TEST_CASE("neighborhood: depth, predicates, order and the edge that first reached each vertex") {
    kg::KnowledgeGraph g;
    std::vector<kg::Vertex> v;
    for (auto n : {"Root", "P", "Q", "R", "S", "T"}) v.push_back(g.add_entity(n, kg::EntityType::ORGANIZATION));
    g.add_relation(v[0], "part_of", v[2], 1, ev("d", 0, "x"));  // Root -> Q
    g.add_relation(v[1], "part_of", v[0], 1, ev("d", 1, "x"));  // P -> Root
    g.add_relation(v[2], "supports", v[3], 1, ev("d", 2, "x")); // Q -> R
    g.add_relation(v[4], "part_of", v[1], 1, ev("d", 3, "x"));  // S -> P
    g.add_relation(v[3], "part_of", v[4], 1, ev("d", 4, "x"));  // R -> S (S is reached at depth 2 via P)
    g.add_relation(v[4], "part_of", v[5], 1, ev("d", 5, "x"));  // S -> T, depth 3
    auto one = kg::neighborhood(g, v[0], 1);
    REQUIRE(one.size() == 2);
    CHECK(one[0].vertex == v[1]);  // by vertex index within a depth
    CHECK_FALSE(one[0].forward);
    CHECK(one[1].vertex == v[2]);
    auto two = kg::neighborhood(g, v[0], 2);
    REQUIRE(two.size() == 4);
    CHECK(two[2].vertex == v[3]);
    CHECK(two[2].depth == 2);
    CHECK(two[3].vertex == v[4]);
    CHECK(two[3].from == v[1]);  // P (index 1) before Q's R (index 3)
    CHECK(kg::neighborhood(g, v[0], 10).size() == 5);
    auto filtered = kg::neighborhood(g, v[0], 10, {"part_of"});
    REQUIRE(filtered.size() == 5);  // R is not reached from Q (supports) but, later, from S (part_of)
    CHECK(filtered[2].vertex == v[4]);
    CHECK(filtered[3].vertex == v[3]);
    CHECK(filtered[3].depth == 3);
    CHECK(filtered[3].from == v[4]);
    CHECK(kg::neighborhood(g, v[0], 0).empty());
}

TEST_CASE("weak components: largest first, ties by smallest member") {
    kg::KnowledgeGraph g;
    std::vector<kg::Vertex> v;
    for (int i = 0; i < 7; ++i) v.push_back(g.add_entity("V" + std::to_string(i), kg::EntityType::PERSON));
    g.add_relation(v[5], "supports", v[6], 1, ev("d", 0, "x"));
    g.add_relation(v[1], "supports", v[3], 1, ev("d", 1, "x"));
    g.add_relation(v[4], "supports", v[3], 1, ev("d", 2, "x"));
    auto p = kg::weak_components(g);
    REQUIRE(p.groups.size() == 4);
    CHECK(p.groups[0] == std::vector<kg::Vertex>{1, 3, 4});
    CHECK(p.groups[1] == std::vector<kg::Vertex>{5, 6});
    CHECK(p.groups[2] == std::vector<kg::Vertex>{0});
    CHECK(p.groups[3] == std::vector<kg::Vertex>{2});
    CHECK(p.group_of[4] == 0);
}

TEST_CASE("stats: degree distribution, isolated vertices, self-loops, largest component") {
    kg::KnowledgeGraph g;
    auto a = g.add_entity("A", kg::EntityType::PERSON), b = g.add_entity("B", kg::EntityType::PERSON);
    g.add_entity("C", kg::EntityType::PERSON);
    g.add_relation(a, "supports", b, 1, ev("d", 0, "x"));
    g.add_relation(a, "praised", b, 1, ev("d", 1, "x"));
    kg::Relation loop;
    loop.id = "a-loop";
    loop.predicate = "part_of";
    loop.weight = 1;
    g.insert_relation(a, a, loop);
    auto s = kg::stats(g);
    CHECK(s.self_loops == 1);
    CHECK(s.isolated == 1);
    CHECK(s.largest_component == 2);
    CHECK(s.max_degree == 4);  // two edges to B, and the loop counted at both ends
    CHECK(s.mean_degree == doctest::Approx(2.0));
    CHECK(s.degree_distribution == std::map<std::size_t, std::size_t>{{0, 1}, {2, 1}, {4, 1}});
}

TEST_CASE("Louvain: two cliques joined by a bridge, modularity as NetworkX defines it") {
    kg::KnowledgeGraph g;
    for (int i = 0; i < 8; ++i) g.add_entity("V" + std::to_string(i), kg::EntityType::PERSON);
    std::size_t at = 0;
    for (int base : {0, 4})
        for (int i = 0; i < 4; ++i)
            for (int j = i + 1; j < 4; ++j) g.add_relation(base + i, "supports", base + j, 1, ev("d", at++, "x"));
    g.add_relation(3, "supports", 4, 1, ev("d", at++, "x"));
    g.add_relation(4, "praised", 3, 1, ev("d", at++, "x"));  // parallel: collapsed
    auto c = kg::louvain_communities(g);
    REQUIRE(c.partition.groups.size() == 2);
    CHECK(c.partition.groups[0] == std::vector<kg::Vertex>{0, 1, 2, 3});
    CHECK(c.partition.groups[1] == std::vector<kg::Vertex>{4, 5, 6, 7});
    // 13 edges; each side: 6 inner edges, degree sum 13.  Q = 2 (6/13 - (13/26)^2).
    CHECK(c.modularity == doctest::Approx(12.0 / 13.0 - 0.5));
    CHECK(kg::modularity(g, std::vector<std::size_t>(8, 0)) == doctest::Approx(0.0));
    auto again = kg::louvain_communities(g);
    CHECK(again.partition.group_of == c.partition.group_of);
    CHECK(kg::louvain_communities(kg::KnowledgeGraph{}).partition.groups.empty());
}

TEST_CASE("parallel measures give bit-identical results for any thread count") {
    const kg::KnowledgeGraph g = random_graph(1500, 3000, 5);
    kg::BetweennessOptions one, two, three;
    one.threads = 1, two.threads = 2, three.threads = 3;
    const auto b1 = kg::betweenness_centrality(g, one);
    CHECK(b1 == kg::betweenness_centrality(g, two));
    CHECK(b1 == kg::betweenness_centrality(g, three));
    one.sample = two.sample = 200;
    one.seed = two.seed = 9;
    CHECK(kg::betweenness_centrality(g, one) == kg::betweenness_centrality(g, two));
    CHECK(kg::betweenness_pivots(1500, 200, 9).size() == 200);
    CHECK(kg::betweenness_pivots(1500, 200, 9) == kg::betweenness_pivots(1500, 200, 9));
    CHECK(kg::closeness_centrality(g, 1) == kg::closeness_centrality(g, 3));
    CHECK(kg::harmonic_centrality(g, 1) == kg::harmonic_centrality(g, 2));

    const kg::KnowledgeGraph big = random_graph(20000, 60000, 6);  // five vertex blocks
    kg::PageRankOptions p1, p3;
    p1.threads = 1, p3.threads = 3;
    p1.weighted = p3.weighted = true;
    CHECK(kg::pagerank(big, p1) == kg::pagerank(big, p3));
    kg::EigenvectorOptions e1, e2;
    e1.threads = 1, e2.threads = 2;
    CHECK(kg::eigenvector_centrality(big, e1) == kg::eigenvector_centrality(big, e2));
}

TEST_CASE("PageRank: ranks sum to 1, dangling rank is spread, weights matter only when asked") {
    kg::KnowledgeGraph g;
    auto a = g.add_entity("A", kg::EntityType::PERSON), b = g.add_entity("B", kg::EntityType::PERSON);
    auto c = g.add_entity("C", kg::EntityType::PERSON);
    g.add_relation(a, "supports", b, 1, ev("d", 0, "x"));
    g.add_relation(a, "praised", c, 1, ev("d", 1, "x"));
    for (int i = 0; i < 5; ++i) g.add_relation(a, "supports", c, 1, ev("e", i, "x"));  // weight 5 on a->c
    auto pr = kg::pagerank(g);
    double sum = pr[0] + pr[1] + pr[2];
    CHECK(sum == doctest::Approx(1.0));
    CHECK(pr[1] == doctest::Approx(pr[2]));  // a->c collapsed: same as a->b
    kg::PageRankOptions w;
    w.weighted = true;
    auto pw = kg::pagerank(g, w);
    CHECK(pw[2] > pw[1]);  // a->c weighs 1 + 5 against 1
}
