// Every centrality measure, k-shortest and all-shortest paths, and community modularity checked against
// NetworkX (tests/nx_reference.py) on random multigraphs: directed, disconnected, with parallel edges,
// reversed twins, self-loops and varied weights. Skipped, with a message, when no python3 has networkx.
#include <doctest/doctest.h>

#include "helpers.hpp"

#include <kg/query.hpp>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <unistd.h>

using kgtest::ev;

namespace {

// The first interpreter that imports networkx (preferring one that also has scipy, which nx.pagerank
// needs): the PATH's python3 may be a separate install, Debian's is /usr/bin/python3.
std::string find_python(bool& has_scipy) {
    const char* candidates[] = {"python3", "/usr/bin/python3"};
    for (const char* py : candidates)
        if (kgtest::run(std::string(py) + " -c 'import networkx, scipy' 2>/dev/null").first == 0) {
            has_scipy = true;
            return py;
        }
    has_scipy = false;
    for (const char* py : candidates)
        if (kgtest::run(std::string(py) + " -c 'import networkx' 2>/dev/null").first == 0) return py;
    return "";
}

struct TempDir {
    std::string path = (std::filesystem::temp_directory_path() / "kgnx-XXXXXX").string();
    TempDir() { REQUIRE(mkdtemp(path.data()) != nullptr); }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
};

// A random multigraph: `n` vertices, about `m` relations, some repeated (weight > 1), some parallel with
// another predicate, some reversed, a few self-loops; isolated vertices and small components arise when
// m is small.
kg::KnowledgeGraph random_graph(std::mt19937& rng, std::size_t n, std::size_t m) {
    kg::KnowledgeGraph g;
    for (std::size_t i = 0; i < n; ++i) g.add_entity("N" + std::to_string(i), kg::EntityType(i % 8));
    std::uniform_int_distribution<std::size_t> pick(0, n - 1);
    std::uniform_int_distribution<int> coin(0, 99);
    const char* preds[] = {"supports", "praised", "part_of", "attends"};
    const double conf[] = {1.0, 0.8, 0.5, 0.3};
    std::size_t at = 0;
    for (std::size_t k = 0; k < m; ++k) {
        std::size_t u = pick(rng), v = pick(rng);
        if (coin(rng) < 3) v = u;  // a self-loop now and then
        const std::string p = preds[coin(rng) % 4];
        const double c = conf[coin(rng) % 4];
        const int repeats = 1 + (coin(rng) < 25) + (coin(rng) < 10) * 2;
        for (int r = 0; r < repeats; ++r) g.add_relation(u, p, v, c, ev("d", at++, "e"));
        if (coin(rng) < 15) g.add_relation(v, "supports", u, 0.9, ev("d", at++, "r"));  // reversed twin
    }
    return g;
}

std::string json_input(const kg::KnowledgeGraph& kg, std::size_t k, unsigned seed, const std::vector<std::size_t>& comm,
                       const std::vector<std::pair<kg::Vertex, kg::Vertex>>& pairs, std::size_t paths_k) {
    const kg::Graph& g = kg.graph();
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    w.StartObject();
    w.Key("n"), w.Uint64(boost::num_vertices(g));
    w.Key("edges");
    w.StartArray();
    for (kg::Edge e : boost::make_iterator_range(boost::edges(g))) {
        w.StartArray();
        w.Uint64(boost::source(e, g)), w.Uint64(boost::target(e, g)), w.Double(g[e].weight),
            w.Double(kg::edge_cost(g[e]));
        w.EndArray();
    }
    w.EndArray();
    w.Key("k"), w.Uint64(k);
    w.Key("seed"), w.Uint(seed);
    w.Key("communities");
    w.StartArray();
    for (std::size_t c : comm) w.Uint64(c);
    w.EndArray();
    w.Key("pairs");
    w.StartArray();
    for (auto [a, b] : pairs) w.StartArray(), w.Uint64(a), w.Uint64(b), w.EndArray();
    w.EndArray();
    w.Key("paths_k"), w.Uint64(paths_k);
    w.EndObject();
    return buf.GetString();
}

double max_diff(const std::vector<double>& ours, const rapidjson::Value& want) {
    REQUIRE(want.IsArray());
    REQUIRE(ours.size() == want.Size());
    double worst = 0;
    for (std::size_t i = 0; i < ours.size(); ++i) worst = std::max(worst, std::fabs(ours[i] - want[i].GetDouble()));
    return worst;
}

}  // namespace

TEST_CASE("every measure, path and modularity agrees with NetworkX on random multigraphs") {
    bool has_scipy = false;
    const std::string py = find_python(has_scipy);
    if (py.empty()) {
        MESSAGE("no python3 with networkx found (python3, /usr/bin/python3); skipping the NetworkX cross-check");
        return;
    }
    if (!has_scipy) MESSAGE("scipy missing next to networkx; skipping the PageRank cross-check");
    TempDir tmp;
    const std::string input = tmp.path + "/graph.json";
    const std::string script = std::string(KG_SOURCE_DIR) + "/tests/nx_reference.py";

    std::mt19937 rng(20240611);
    std::map<std::string, double> worst;
    std::string version;
    auto note = [&](const std::string& what, double d) { worst[what] = std::max(worst[what], d); };
    const std::size_t sizes[][2] = {{30, 25}, {40, 60}, {60, 90}, {50, 150}, {80, 120}};
    for (const auto& size : sizes) {
        const std::size_t n = size[0];
        CAPTURE(n);
        kg::KnowledgeGraph g = random_graph(rng, n, size[1]);
        const std::size_t k = n / 3;
        const unsigned seed = 7 + static_cast<unsigned>(n);
        const kg::Communities comm = kg::louvain_communities(g);
        std::vector<std::pair<kg::Vertex, kg::Vertex>> pairs;
        std::uniform_int_distribution<kg::Vertex> pick(0, n - 1);
        while (pairs.size() < 8) {
            kg::Vertex a = pick(rng), b = pick(rng);
            if (a != b) pairs.emplace_back(a, b);
        }
        const std::size_t paths_k = 6;
        std::ofstream(input) << json_input(g, k, seed, comm.partition.group_of, pairs, paths_k);
        auto [rc, text] = kgtest::run(py + " '" + script + "' '" + input + "'");
        REQUIRE(rc == 0);
        rapidjson::Document want;
        want.Parse(text.c_str());
        REQUIRE_FALSE(want.HasParseError());
        version = want["networkx"].GetString();

        note("in-degree", max_diff(kg::degree_centrality(g, kg::DegreeMode::in), want["in"]));
        note("out-degree", max_diff(kg::degree_centrality(g, kg::DegreeMode::out), want["out"]));
        note("degree", max_diff(kg::degree_centrality(g, kg::DegreeMode::total), want["total"]));
        note("weighted-degree", max_diff(kg::degree_centrality(g, kg::DegreeMode::weighted), want["weighted"]));
        note("betweenness", max_diff(kg::betweenness_centrality(g), want["betweenness"]));
        kg::BetweennessOptions sampled;
        for (const auto& p : want["pivots"].GetArray()) sampled.pivots.push_back(p.GetUint64());
        REQUIRE(sampled.pivots.size() == k);
        if (want["betweenness_k"].IsNull())
            MESSAGE("NetworkX " << version << " samples k pivots its own new way; skipping that comparison");
        else
            note("betweenness (k pivots)", max_diff(kg::betweenness_centrality(g, sampled), want["betweenness_k"]));
        note("closeness (Wasserman-Faust)", max_diff(kg::closeness_centrality(g), want["closeness"]));
        note("harmonic", max_diff(kg::harmonic_centrality(g), want["harmonic"]));
        kg::EigenvectorOptions eo;
        eo.tolerance = 1e-12;
        eo.max_iterations = 100000;
        note("eigenvector", max_diff(kg::eigenvector_centrality(g, eo), want["eigenvector"]));
        if (has_scipy) {
            kg::PageRankOptions po;
            po.tolerance = 1e-12;
            po.max_iterations = 100000;
            auto pr = kg::pagerank(g, po);
            note("pagerank", max_diff(pr, want["pagerank"]));
            double sum = 0;
            for (double x : pr) sum += x;
            CHECK(sum == doctest::Approx(1.0).epsilon(1e-9));
            po.weighted = true;
            note("pagerank --weighted", max_diff(kg::pagerank(g, po), want["pagerank_weighted"]));
        }
        note("modularity", std::fabs(comm.modularity - want["modularity"].GetDouble()));
        if (want.HasMember("louvain_best")) {
            CAPTURE(comm.modularity);
            CAPTURE(want["louvain_best"].GetDouble());
            CHECK(comm.modularity >= want["louvain_best"].GetDouble() - 0.03);
        }

        const auto& paths = want["paths"];
        for (std::size_t i = 0; i < pairs.size(); ++i) {
            CAPTURE(i);
            const auto [a, b] = pairs[i];
            const auto& ref = paths[static_cast<rapidjson::SizeType>(i)];
            auto hops = kg::k_shortest_paths(g, a, b, paths_k);
            REQUIRE(hops.size() == ref["hops"].Size());
            for (std::size_t j = 0; j < hops.size(); ++j) {
                CHECK(hops[j].steps.size() == ref["hops"][static_cast<rapidjson::SizeType>(j)].GetUint64());
                CHECK(hops[j].cost == hops[j].steps.size());
            }
            kg::PathOptions weighted;
            weighted.weighted = true;
            auto costs = kg::k_shortest_paths(g, a, b, paths_k, weighted);
            REQUIRE(costs.size() == ref["costs"].Size());
            for (std::size_t j = 0; j < costs.size(); ++j)
                note("k-shortest weighted cost",
                     std::fabs(costs[j].cost - ref["costs"][static_cast<rapidjson::SizeType>(j)].GetDouble()));
            kg::PathOptions directed;
            directed.directed = true;
            auto dir = kg::k_shortest_paths(g, a, b, paths_k, directed);
            REQUIRE(dir.size() == ref["directed_hops"].Size());
            for (std::size_t j = 0; j < dir.size(); ++j) {
                CHECK(dir[j].steps.size() == ref["directed_hops"][static_cast<rapidjson::SizeType>(j)].GetUint64());
                for (const auto& s : dir[j].steps) CHECK(s.forward);
            }
            auto all = kg::all_shortest_paths(g, a, b);
            REQUIRE(all.size() == ref["all"].Size());
            for (std::size_t j = 0; j < all.size(); ++j) {
                const auto& seq = ref["all"][static_cast<rapidjson::SizeType>(j)];
                REQUIRE(seq.Size() == all[j].steps.size() + 1);
                CHECK(seq[0].GetUint64() == a);
                for (std::size_t h = 0; h < all[j].steps.size(); ++h)
                    CHECK(all[j].steps[h].to == seq[static_cast<rapidjson::SizeType>(h + 1)].GetUint64());
            }
            // The single shortest path has the minimal cost in each mode.
            auto one = kg::shortest_path(g, a, b, weighted);
            CHECK(static_cast<bool>(one) == !costs.empty());
            if (one && !costs.empty()) CHECK(one->cost == doctest::Approx(costs.front().cost).epsilon(1e-12));
        }
    }
    std::string report = "NetworkX " + version + " (" + py + ")" + " max abs differences:";
    for (const auto& [what, d] : worst) {
        char line[128];
        std::snprintf(line, sizeof line, "\n  %-28s %.3g", what.c_str(), d);
        report += line;
        CHECK_MESSAGE(d <= 1e-6, what);
    }
    MESSAGE(report);
}
