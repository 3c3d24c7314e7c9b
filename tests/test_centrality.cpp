// Degree and betweenness centrality, the latter checked against NetworkX's definitions and output.
#include <doctest/doctest.h>

#include "helpers.hpp"

#include <kg/query.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <unistd.h>

using kgtest::ev;

namespace {

kg::KnowledgeGraph chain(const std::vector<std::string>& names) {
    kg::KnowledgeGraph g;
    for (const auto& n : names) g.add_entity(n, kg::EntityType::ORGANIZATION);
    for (std::size_t i = 0; i + 1 < names.size(); ++i)
        g.add_relation(i, "supports", i + 1, 1.0, ev("d", i, names[i] + " supports " + names[i + 1]));
    return g;
}

}  // namespace

TEST_CASE("degree centrality: in, out and total count parallel edges") {
    kg::KnowledgeGraph g;
    auto a = g.add_entity("A", kg::EntityType::PERSON);
    auto b = g.add_entity("B", kg::EntityType::COMPANY);
    auto c = g.add_entity("C", kg::EntityType::COMPANY);
    g.add_relation(a, "works_for", b, 1, ev("d", 0, "A works for B"));
    g.add_relation(a, "founder_of", b, 1, ev("d", 20, "A founded B"));  // parallel to works_for
    g.add_relation(a, "works_for", b, 1, ev("d2", 0, "A works for B"));  // same edge again: weight, not degree
    g.add_relation(c, "competes_with", b, 1, ev("d", 40, "C competes with B"));  // stored as b -> c (b < c)
    auto in = kg::degree_centrality(g, kg::DegreeMode::in);
    auto out = kg::degree_centrality(g, kg::DegreeMode::out);
    auto tot = kg::degree_centrality(g, kg::DegreeMode::total);
    REQUIRE(in.size() == 3);
    CHECK(in[a] == 0);
    CHECK(out[a] == 2);
    CHECK(in[b] == 2);
    CHECK(out[b] == 1);
    CHECK(in[c] == 1);
    CHECK(out[c] == 0);
    CHECK(tot[a] == 2);
    CHECK(tot[b] == 3);
    CHECK(tot[c] == 1);
}

TEST_CASE("top_n orders by score, ties by vertex order") {
    auto t = kg::top_n({1.0, 3.0, 2.0, 3.0, 0.0}, 3);
    REQUIRE(t.size() == 3);
    CHECK(t[0].first == 1);
    CHECK(t[1].first == 3);
    CHECK(t[2].first == 2);
    CHECK(t[2].second == 2.0);
    CHECK(kg::top_n({1.0, 2.0}, 10).size() == 2);
    CHECK(kg::top_n({}, 3).empty());
}

TEST_CASE("betweenness on a path graph matches NetworkX") {
    auto g = chain({"a", "b", "c", "d"});
    auto bc = kg::betweenness_centrality(g);
    REQUIRE(bc.size() == 4);
    CHECK(bc[0] == doctest::Approx(0.0));
    CHECK(bc[1] == doctest::Approx(2.0 / 3.0));
    CHECK(bc[2] == doctest::Approx(2.0 / 3.0));
    CHECK(bc[3] == doctest::Approx(0.0));

    // Five nodes: b lies on 3 pairs, c on 4, d on 3; normalized by (n-1)(n-2)/2 = 6.
    auto five = kg::betweenness_centrality(chain({"a", "b", "c", "d", "e"}));
    CHECK(five[1] == doctest::Approx(0.5));
    CHECK(five[2] == doctest::Approx(4.0 / 6.0));
    CHECK(five[3] == doctest::Approx(0.5));
}

TEST_CASE("betweenness on a star: the hub has 1, leaves 0") {
    kg::KnowledgeGraph g;
    auto hub = g.add_entity("Hub", kg::EntityType::COUNTRY);
    for (int i = 0; i < 5; ++i) {
        auto leaf = g.add_entity("Leaf " + std::to_string(i), kg::EntityType::COMPANY);
        // Alternate directions: betweenness ignores them.
        if (i % 2) g.add_relation(hub, "supports", leaf, 1, ev("d", i, "x"));
        else g.add_relation(leaf, "based_in", hub, 1, ev("d", i, "x"));
    }
    auto bc = kg::betweenness_centrality(g);
    CHECK(bc[hub] == doctest::Approx(1.0));
    for (std::size_t v = 1; v < bc.size(); ++v) CHECK(bc[v] == doctest::Approx(0.0));
}

TEST_CASE("betweenness collapses parallel and reversed edges and ignores self-loops") {
    // a - b - c, with b-c present three times (two predicates, one reversed) and a self-loop on b.
    kg::KnowledgeGraph g = chain({"a", "b", "c"});
    g.add_relation(1, "praised", 2, 1, ev("d", 50, "b praised c"));
    g.add_relation(2, "supports", 1, 1, ev("d", 60, "c supports b"));
    kg::Relation loop;
    loop.id = "b--part_of--b";
    loop.predicate = "part_of";
    loop.weight = 1;
    g.insert_relation(1, 1, loop);
    // A fourth vertex hanging off c: if the parallel b-c edges were counted as separate paths the
    // (a, d) pair would still split evenly, so also compare with the clean chain.
    auto d = g.add_entity("d", kg::EntityType::ORGANIZATION);
    g.add_relation(d, "part_of", 2, 1, ev("d", 70, "d part of c"));
    auto bc = kg::betweenness_centrality(g);
    auto clean = kg::betweenness_centrality(chain({"a", "b", "c", "d"}));
    REQUIRE(bc.size() == clean.size());
    for (std::size_t v = 0; v < bc.size(); ++v) CHECK(bc[v] == doctest::Approx(clean[v]).epsilon(1e-12));

    // Parallel routes must not be weighted by multiplicity: a square a-b-d, a-c-d with a-b doubled.
    kg::KnowledgeGraph sq;
    for (auto n : {"a", "b", "c", "d"}) sq.add_entity(n, kg::EntityType::ORGANIZATION);
    sq.add_relation(0, "supports", 1, 1, ev("d", 0, "x"));
    sq.add_relation(1, "praised", 0, 1, ev("d", 1, "x"));
    sq.add_relation(0, "supports", 2, 1, ev("d", 2, "x"));
    sq.add_relation(1, "supports", 3, 1, ev("d", 3, "x"));
    sq.add_relation(2, "supports", 3, 1, ev("d", 4, "x"));
    auto s = kg::betweenness_centrality(sq);
    // Each of b, c carries half of pair (a, d): 0.5 * 2/(3*2) = 1/6.
    CHECK(s[1] == doctest::Approx(1.0 / 6.0));
    CHECK(s[2] == doctest::Approx(1.0 / 6.0));
}

TEST_CASE("betweenness: tiny graphs are all zero") {
    CHECK(kg::betweenness_centrality(kg::KnowledgeGraph{}).empty());
    auto two = kg::betweenness_centrality(chain({"a", "b"}));
    CHECK(two == std::vector<double>{0.0, 0.0});
}

TEST_CASE("betweenness agrees with python3 networkx on random multigraphs") {
    if (kgtest::run("python3 -c 'import networkx' 2>/dev/null").first != 0) {
        MESSAGE("python3 networkx not available; skipping the cross-check");
        return;
    }
    struct TempDir {  // removed on scope exit, also when a REQUIRE aborts the test
        std::string path = (std::filesystem::temp_directory_path() / "kgbc-XXXXXX").string();
        ~TempDir() {
            std::error_code ec;
            std::filesystem::remove_all(path, ec);
        }
    } tmp;
    REQUIRE(mkdtemp(tmp.path.data()) != nullptr);
    const std::string& dir = tmp.path;
    const std::string edges_path = dir + "/edges.txt", script_path = dir + "/bc.py";
    std::ofstream(script_path) << "import sys, networkx as nx\n"
                                  "lines = open(sys.argv[1]).read().split('\\n')\n"
                                  "n = int(lines[0])\n"
                                  "G = nx.Graph()\n"
                                  "G.add_nodes_from(range(n))\n"
                                  "for l in lines[1:]:\n"
                                  "    if l.strip():\n"
                                  "        u, v = map(int, l.split())\n"
                                  "        if u != v: G.add_edge(u, v)\n"
                                  "bc = nx.betweenness_centrality(G)\n"
                                  "print('\\n'.join(repr(bc[i]) for i in range(n)))\n";

    std::mt19937 rng(20240601);
    const char* preds[] = {"supports", "praised", "part_of"};
    for (int round = 0; round < 4; ++round) {
        CAPTURE(round);
        const std::size_t n = 26 + 2 * round;
        const std::size_t m = 30 + 15 * round;  // sparse rounds leave several components
        kg::KnowledgeGraph g;
        for (std::size_t i = 0; i < n; ++i) g.add_entity("N" + std::to_string(i), kg::EntityType::ORGANIZATION);
        std::uniform_int_distribution<std::size_t> pick(0, n - 1);
        std::ostringstream lines;
        lines << n << "\n";
        for (std::size_t k = 0; k < m; ++k) {
            std::size_t u = pick(rng), v = pick(rng);
            if (u == v) continue;  // add_relation is fine with loops, but keep them for the explicit test
            const std::string p = preds[k % 3];
            g.add_relation(u, p, v, 1, ev("d", k, "e"));
            lines << u << " " << v << "\n";
            if (k % 5 == 0) {  // a reversed twin
                g.add_relation(v, "supports", u, 1, ev("d", 1000 + k, "r"));
                lines << v << " " << u << "\n";
            }
        }
        std::ofstream(edges_path) << lines.str();
        auto [rc, out] = kgtest::run("python3 '" + script_path + "' '" + edges_path + "'");
        REQUIRE(rc == 0);
        std::istringstream in(out);
        auto ours = kg::betweenness_centrality(g);
        REQUIRE(ours.size() == n);
        double nonzero = 0;
        for (std::size_t i = 0; i < n; ++i) {
            double want = 0;
            REQUIRE(static_cast<bool>(in >> want));
            CAPTURE(i);
            CHECK(std::fabs(ours[i] - want) < 1e-9);
            nonzero += want;
        }
        CHECK(nonzero > 0);  // the graph is not trivially edgeless
    }
}
