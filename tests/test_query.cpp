// Paths, neighbours, stats and rendering on hand-built graphs; kg-query exit codes on a tiny corpus.
#include <doctest/doctest.h>

#include "helpers.hpp"

#include <kg/error.hpp>
#include <kg/query.hpp>
#include <kg/version.hpp>

#include <rapidjson/document.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

using kgtest::ev;

namespace {

kg::Vertex V(kg::KnowledgeGraph& g, const std::string& name, kg::EntityType t = kg::EntityType::ORGANIZATION) {
    return g.add_entity(name, t);
}

kg::Edge E(kg::KnowledgeGraph& g, kg::Vertex s, const std::string& p, kg::Vertex o, const std::string& doc = "d",
           std::size_t at = 0) {
    return g.add_relation(s, p, o, 0.9, ev(doc, at, g.graph()[s].label + " " + p + " " + g.graph()[o].label));
}

std::string pred(const kg::KnowledgeGraph& g, const kg::PathStep& s) { return g.graph()[s.edge].predicate; }

// Removed on scope exit, also when a REQUIRE aborts the test.
struct TempDir {
    std::string path = (std::filesystem::temp_directory_path() / "kgq-XXXXXX").string();
    TempDir() { REQUIRE(mkdtemp(path.data()) != nullptr); }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
};

}  // namespace

TEST_CASE("shortest_path: minimal hops, true directions and predicates") {
    kg::KnowledgeGraph g;
    auto li = V(g, "Li Qiang", kg::EntityType::PERSON);
    auto cn = V(g, "China", kg::EntityType::COUNTRY);
    auto gs = V(g, "Global South", kg::EntityType::LOCATION);
    auto un = V(g, "United Nations");
    auto x = V(g, "Far Away");
    E(g, li, "leader_of", cn);
    E(g, cn, "focuses_on", gs);
    E(g, un, "supports", gs);   // points into Global South: walking gs -> un goes against it
    E(g, li, "attends", x);     // li -> x -> y -> un ties with li -> cn -> gs <- un
    auto y = V(g, "Detour");
    E(g, x, "part_of", y);
    E(g, y, "part_of", un);

    auto p = kg::shortest_path(g, li, gs);
    REQUIRE(p);
    REQUIRE(p->size() == 2);
    CHECK((*p)[0].from == li);
    CHECK((*p)[0].to == cn);
    CHECK((*p)[0].forward);
    CHECK(pred(g, (*p)[0]) == "leader_of");
    CHECK((*p)[1].from == cn);
    CHECK((*p)[1].to == gs);
    CHECK((*p)[1].forward);
    CHECK(pred(g, (*p)[1]) == "focuses_on");

    // Reverse query walks every edge backwards.
    auto back = kg::shortest_path(g, gs, li);
    REQUIRE(back);
    REQUIRE(back->size() == 2);
    CHECK_FALSE((*back)[0].forward);
    CHECK_FALSE((*back)[1].forward);
    CHECK((*back)[1].to == li);

    // Mixed direction: cn -> gs <- un.
    auto mixed = kg::shortest_path(g, cn, un);
    REQUIRE(mixed);
    REQUIRE(mixed->size() == 2);
    CHECK((*mixed)[0].forward);
    CHECK_FALSE((*mixed)[1].forward);
    CHECK((*mixed)[1].from == gs);
    CHECK(pred(g, (*mixed)[1]) == "supports");

    auto tie = kg::shortest_path(g, li, un);
    REQUIRE(tie);
    CHECK(tie->size() == 3);
    CHECK((*tie)[0].to == cn);  // cn (vertex 1) is discovered before x (vertex 4)
}

TEST_CASE("shortest_path: edge cases and tie-breaking") {
    kg::KnowledgeGraph g;
    auto a = V(g, "A"), b = V(g, "B"), c = V(g, "C"), d = V(g, "D"), lone = V(g, "Lone");
    E(g, a, "supports", c);  // inserted before a->b, but b comes first in vertex order
    E(g, a, "supports", b);
    E(g, c, "supports", d);
    E(g, b, "supports", d);

    auto same = kg::shortest_path(g, a, a);
    REQUIRE(same);
    CHECK(same->empty());
    CHECK_FALSE(kg::shortest_path(g, a, lone));
    CHECK_FALSE(kg::shortest_path(g, lone, d));

    auto p = kg::shortest_path(g, a, d);
    REQUIRE(p);
    REQUIRE(p->size() == 2);
    CHECK((*p)[0].to == b);  // BFS over vertices in order
}

TEST_CASE("shortest_path: among parallel edges the heavier one is used") {
    kg::KnowledgeGraph g;
    auto x = V(g, "X"), y = V(g, "Y");
    E(g, x, "supports", y, "d1", 0);
    E(g, y, "praised", x, "d1", 10);
    E(g, y, "praised", x, "d2", 0);  // weight 2, and it points y -> x
    auto p = kg::shortest_path(g, x, y);
    REQUIRE(p);
    REQUIRE(p->size() == 1);
    CHECK(pred(g, (*p)[0]) == "praised");
    CHECK_FALSE((*p)[0].forward);
    CHECK(g.graph()[(*p)[0].edge].weight == 2);
}

TEST_CASE("neighbors lists outgoing then incoming edges") {
    kg::KnowledgeGraph g;
    auto a = V(g, "A"), b = V(g, "B"), c = V(g, "C");
    E(g, a, "supports", b);
    E(g, c, "praised", a);
    E(g, a, "praised", b);  // parallel to a -supports-> b
    auto n = kg::neighbors(g, a);
    REQUIRE(n.size() == 3);
    CHECK(n[0].other == b);
    CHECK(n[0].outgoing);
    CHECK(n[1].other == b);
    CHECK(n[1].outgoing);
    CHECK(n[2].other == c);
    CHECK_FALSE(n[2].outgoing);
    CHECK(g.graph()[n[2].edge].predicate == "praised");
    auto nb = kg::neighbors(g, b);
    REQUIRE(nb.size() == 2);
    CHECK_FALSE(nb[0].outgoing);
    CHECK(kg::neighbors(g, c).size() == 1);
}

TEST_CASE("stats counts entities, relations, weights and weak components") {
    kg::KnowledgeGraph g;
    g.add_document({"d1", "d1.txt", 10});
    g.add_document({"d2", "d2.txt", 20});
    auto a = V(g, "A", kg::EntityType::PERSON), b = V(g, "B"), c = V(g, "C"), d = V(g, "D", kg::EntityType::PERSON);
    V(g, "Isolated", kg::EntityType::COUNTRY);
    E(g, a, "works_for", b, "d1", 0);
    E(g, a, "works_for", b, "d2", 0);  // same edge, weight 2
    E(g, c, "supports", b);
    (void)d;
    auto s = kg::stats(g);
    CHECK(s.documents == 2);
    CHECK(s.entities == 5);
    CHECK(s.relations == 2);
    CHECK(s.total_weight == 3);
    CHECK(s.density == doctest::Approx(2.0 / 20.0));
    CHECK(s.components == 3);  // {A,B,C}, {D}, {Isolated}
    CHECK(s.by_type.at("PERSON") == 2);
    CHECK(s.by_type.at("ORGANIZATION") == 2);
    CHECK(s.by_type.at("COUNTRY") == 1);
    CHECK(s.by_predicate.at("works_for") == 1);
    CHECK(s.by_predicate.at("supports") == 1);

    kg::KnowledgeGraph empty;
    auto e = kg::stats(empty);
    CHECK(e.entities == 0);
    CHECK(e.components == 0);
    CHECK(e.density == 0);
}

TEST_CASE("resolve_entity: unknown and ambiguous names are no_result errors") {
    kg::KnowledgeGraph g;
    auto apple = V(g, "Apple", kg::EntityType::COMPANY);
    V(g, "Apple", kg::EntityType::PRODUCT);
    auto li = V(g, "Li Qiang", kg::EntityType::PERSON);
    g.add_alias(li, "Premier Li");
    CHECK(kg::resolve_entity(g, "li qiang") == li);
    CHECK(kg::resolve_entity(g, "Premier Li") == li);
    auto apple_product = *g.find("Apple", kg::EntityType::PRODUCT);
    CHECK(g.graph()[apple].id == "apple");  // folds like the label "Apple", yet must still select
    CHECK(kg::resolve_entity(g, "apple") == apple);
    CHECK(kg::resolve_entity(g, g.graph()[apple_product].id) == apple_product);
    try {
        kg::resolve_entity(g, "Li Qiangg");
        FAIL("expected an error");
    } catch (const kg::Error& e) {
        CHECK(e.code() == kg::ExitCode::no_result);
        CHECK(std::string(e.what()).find("Li Qiang") != std::string::npos);
    }
    try {
        kg::resolve_entity(g, "APPLE");
        FAIL("expected an error");
    } catch (const kg::Error& e) {
        CHECK(e.code() == kg::ExitCode::no_result);
        const std::string msg = e.what();
        CHECK(msg.find("COMPANY") != std::string::npos);
        CHECK(msg.find("PRODUCT") != std::string::npos);
    }
}

TEST_CASE("render_path: text arrows and JSON hops") {
    kg::KnowledgeGraph g;
    auto li = V(g, "Li Qiang", kg::EntityType::PERSON);
    auto cn = V(g, "China", kg::EntityType::COUNTRY);
    auto us = V(g, "United States", kg::EntityType::COUNTRY);
    g.add_relation(li, "leader_of", cn, 0.9, ev("000_x", 5, "Chinese Premier Li Qiang\nspoke."));
    E(g, us, "sanctions", cn, "001_y", 7);
    auto p = kg::shortest_path(g, li, us);
    REQUIRE(p);
    const std::string text = kg::render_path(g, li, us, *p, false);
    CHECK(text ==
          "Li Qiang -leader_of-> China <-sanctions- United States\n"
          "  Li Qiang -leader_of-> China   [doc 000_x] \"Chinese Premier Li Qiang spoke.\"\n"
          "  China <-sanctions- United States   [doc 001_y] \"United States sanctions China\"\n");

    rapidjson::Document d;
    d.Parse(kg::render_path(g, li, us, *p, true).c_str());
    REQUIRE_FALSE(d.HasParseError());
    CHECK(std::string(d["from"].GetString()) == "Li Qiang");
    CHECK(std::string(d["to"].GetString()) == "United States");
    const auto& hops = d["hops"];
    REQUIRE(hops.Size() == 2);
    CHECK(std::string(hops[0]["direction"].GetString()) == "forward");
    CHECK(std::string(hops[1]["direction"].GetString()) == "backward");
    CHECK(std::string(hops[1]["source"].GetString()) == "China");
    CHECK(std::string(hops[1]["target"].GetString()) == "United States");
    CHECK(std::string(hops[1]["predicate"].GetString()) == "sanctions");
    CHECK(hops[0]["weight"].GetDouble() == 1.0);
    CHECK(std::string(hops[0]["evidence"]["doc"].GetString()) == "000_x");
    CHECK(hops[0]["evidence"]["start"].GetUint64() == 5);
    CHECK(std::string(hops[0]["evidence"]["text"].GetString()) == "Chinese Premier Li Qiang\nspoke.");

    // Symmetric predicates have no arrow head.
    kg::KnowledgeGraph h;
    auto a = V(h, "Alibaba", kg::EntityType::COMPANY), t = V(h, "Tencent", kg::EntityType::COMPANY);
    E(h, t, "competes_with", a);
    auto q = kg::shortest_path(h, a, t);
    REQUIRE(q);
    CHECK(kg::render_path(h, a, t, *q, false).rfind("Alibaba -competes_with- Tencent\n", 0) == 0);
}

TEST_CASE("render_neighbors, render_centrality and render_stats produce parseable JSON") {
    kg::KnowledgeGraph g;
    auto a = V(g, "A"), b = V(g, "B");
    E(g, a, "supports", b);
    E(g, b, "praised", a);
    rapidjson::Document d;
    d.Parse(kg::render_neighbors(g, a, kg::neighbors(g, a), true).c_str());
    REQUIRE_FALSE(d.HasParseError());
    REQUIRE(d["neighbors"].Size() == 2);
    CHECK(std::string(d["neighbors"][0]["direction"].GetString()) == "out");
    CHECK(std::string(d["neighbors"][1]["direction"].GetString()) == "in");
    CHECK(kg::render_neighbors(g, a, kg::neighbors(g, a), false).find("A <-praised- B") != std::string::npos);

    d.Parse(kg::render_centrality(g, kg::top_n(kg::degree_centrality(g, kg::DegreeMode::total), 5), "degree", true)
                .c_str());
    REQUIRE_FALSE(d.HasParseError());
    REQUIRE(d["results"].Size() == 2);
    CHECK(d["results"][0]["score"].GetInt() == 2);

    d.Parse(kg::render_stats(kg::stats(g), true).c_str());
    REQUIRE_FALSE(d.HasParseError());
    CHECK(d["relations"].GetUint() == 2);
    CHECK(d["by_predicate"]["praised"].GetUint() == 1);
}

TEST_CASE("kg-query tool: exit codes for help, usage errors and unknown entities") {
    const std::string bin = KG_QUERY_BIN;
    TempDir tmp;
    const std::string& dir = tmp.path;
    {
        std::ofstream(dir + "/a.txt") << "Chinese Premier Li Qiang spoke in Shanghai on Saturday. "
                                         "China supports the Global South, he said.\n";
        std::ofstream(dir + "/b.txt") << "Alibaba and Tencent compete in artificial intelligence.\n";
    }
    auto [help_rc, help] = kgtest::run(bin + " --help 2>&1");
    CHECK(help_rc == 0);
    CHECK(help.find("Usage: kg-query") != std::string::npos);
    CHECK(help.find("betweenness") != std::string::npos);

    auto [ver_rc, ver] = kgtest::run(bin + " --version 2>&1");
    CHECK(ver_rc == 0);
    CHECK(ver == std::string("kg-query ") + kg::version() + "\n");

    CHECK(kgtest::run(bin + " '" + dir + "' 2>/dev/null").first == 2);                   // no command
    CHECK(kgtest::run(bin + " '" + dir + "' path 'Li Qiang' 2>/dev/null").first == 2);    // one name short
    CHECK(kgtest::run(bin + " '" + dir + "' stats extra 2>/dev/null").first == 2);
    CHECK(kgtest::run(bin + " '" + dir + "' centrality --measure bogus 2>/dev/null").first == 2);
    CHECK(kgtest::run(bin + " '" + dir + "' centrality --top -3 2>/dev/null").first == 2);
    CHECK(kgtest::run(bin + " '" + dir + "' stats --format xml 2>/dev/null").first == 2);
    CHECK(kgtest::run(bin + " '" + dir + "' stats --no-such-option 2>/dev/null").first == 2);

    auto [unk_rc, unk] = kgtest::run(bin + " -q '" + dir + "' neighbors 'Zzyzx Qwerty Nobody' 2>&1");
    CHECK(unk_rc == 1);
    CHECK(unk.find("Zzyzx Qwerty Nobody") != std::string::npos);

    auto [st_rc, st] = kgtest::run(bin + " -q '" + dir + "' stats --format json 2>/dev/null");
    CHECK(st_rc == 0);
    rapidjson::Document d;
    d.Parse(st.c_str());
    REQUIRE_FALSE(d.HasParseError());
    CHECK(d["documents"].GetUint() == 2);

    CHECK(kgtest::run(bin + " '" + dir + "/missing.txt' stats 2>/dev/null").first == 3);

    // Issue 5's commands and options: misplaced or malformed options are usage errors before extraction.
    for (const char* bad : {"paths 'Li Qiang' China --k 0", "path 'Li Qiang' China --k 2",
                            "centrality --measure betweenness --weighted", "centrality --measure pagerank --sample 5",
                            "centrality --types NOT_A_TYPE", "neighbors China --depth 0", "stats --depth 2",
                            "path 'Li Qiang' China --via-types BOGUS", "components --weighted",
                            "centrality --measure closeness --mode in"}) {
        CAPTURE(bad);
        CHECK(kgtest::run(bin + " -q '" + dir + "' " + bad + " 2>/dev/null").first == 2);
    }
    CHECK(kgtest::run(bin + " -q '" + dir + "' neighbors China --predicates no_such_predicate 2>/dev/null").first == 2);
    CHECK(kgtest::run(bin + " -q '" + dir + "' paths 'Li Qiang' 'Zzyzx Qwerty' 2>/dev/null").first == 1);
    CHECK(kgtest::run(bin + " -q '" + dir + "' path 'Li Qiang' Alibaba 2>/dev/null").first == 1);  // two components
    for (const char* good : {"components", "communities", "centrality --measure pagerank --weighted",
                             "centrality --measure eigenvector", "centrality --measure harmonic --types PERSON",
                             "centrality --measure betweenness --sample 3 --seed 4 --threads 2",
                             "paths 'Li Qiang' China --all-shortest", "neighbors China --depth 2"}) {
        CAPTURE(good);
        auto [rc, out] = kgtest::run(bin + " -q '" + dir + "' " + good + " --format json 2>/dev/null");
        CHECK(rc == 0);
        rapidjson::Document j;
        j.Parse(out.c_str());
        CHECK_FALSE(j.HasParseError());
    }
    auto [hrc, h] = kgtest::run(bin + " --help");
    CHECK(hrc == 0);
    for (const char* documented : {"paths A B", "--all-shortest", "--via-types", "--avoid", "--depth", "--predicates",
                                   "components", "communities", "Louvain", "pagerank", "eigenvector", "harmonic",
                                   "Wasserman-Faust", "parallel edges collapsed", "1 / (max(weight, 1) * clamp(confidence, 0.05, 1))",
                                   "--sample", "self-loops dropped"}) {
        CAPTURE(documented);
        CHECK(h.find(documented) != std::string::npos);
    }
}
