// DOT that stays readable on real graphs (issue 16): entities without a drawn relation are left out unless
// keep_isolated, a graph over dot_max_nodes is cut to the entities of highest degree (ties by id), what was
// left out is reported (DotSummary, a comment, the legend), and the graph attributes pick a force layout.
#include <doctest/doctest.h>

#include "helpers.hpp"

#include <kg/export.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

namespace {

struct Drawing {
    std::string dot;
    kg::DotSummary summary;
};

Drawing draw(const kg::KnowledgeGraph& g, const kg::WriteOptions& options = {}) {
    std::ostringstream out;
    Drawing d;
    d.summary = kg::write_dot(g, out, options);
    d.dot = out.str();
    return d;
}

// The ids of the node statements: lines `  "id" [label=...`.
std::set<std::string> node_ids(const std::string& dot) {
    std::set<std::string> ids;
    std::istringstream in(dot);
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("  \"", 0) != 0) continue;
        const std::size_t end = line.find('"', 3);
        if (end != std::string::npos && line.compare(end, 9, "\" [label=") == 0) ids.insert(line.substr(3, end - 3));
    }
    return ids;
}

std::size_t edge_lines(const std::string& dot) {
    std::size_t n = 0;
    for (std::size_t at = dot.find("\" -> \""); at != std::string::npos; at = dot.find("\" -> \"", at + 1)) ++n;
    return n;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

kg::Evidence denied(const std::string& doc, std::size_t at, const std::string& text) {
    kg::Evidence e = kgtest::ev(doc, at, text);
    e.negated = true;
    return e;
}

// Acme -based_in-> China; Lone has no relation; Google's only relation is denied.
kg::KnowledgeGraph with_isolated() {
    kg::KnowledgeGraph g;
    g.add_entity("Lone", kg::EntityType::PERSON);
    const kg::Vertex acme = g.add_entity("Acme", kg::EntityType::COMPANY);
    const kg::Vertex china = g.add_entity("China", kg::EntityType::COUNTRY);
    const kg::Vertex google = g.add_entity("Google", kg::EntityType::COMPANY);
    const kg::Vertex wac = g.add_entity("World AI Conference", kg::EntityType::EVENT);
    g.add_relation(acme, "based_in", china, 0.9, kgtest::ev("d", 0, "Acme, based in China."));
    g.add_relation(google, "attends", wac, 0.7, denied("d", 30, "Google did not attend the World AI Conference."));
    return g;
}

// A hub with `leaves` leaves, added in the given order ("n0000", "n0001", ...).
kg::KnowledgeGraph star(std::size_t leaves, bool reversed) {
    kg::KnowledgeGraph g;
    const kg::Vertex hub = g.add_entity("Hub", kg::EntityType::ORGANIZATION);
    for (std::size_t k = 0; k < leaves; ++k) {
        const std::size_t i = reversed ? leaves - 1 - k : k;
        char name[16];
        std::snprintf(name, sizeof name, "n%04zu", i);
        const kg::Vertex leaf = g.add_entity(name, kg::EntityType::PERSON);
        g.add_relation(leaf, "member_of", hub, 0.8, kgtest::ev("d", 10 * i, std::string(name) + " is a member."));
    }
    return g;
}

}  // namespace

TEST_CASE("dot: entities without a drawn relation are left out unless keep_isolated") {
    const kg::KnowledgeGraph g = with_isolated();
    const Drawing d = draw(g);
    // Google's only relation is denied, so it is not drawn and Google has none: isolated like Lone.
    CHECK(node_ids(d.dot) == std::set<std::string>{"acme", "china"});
    CHECK(edge_lines(d.dot) == 1);
    CHECK(d.summary.entities == 5);
    CHECK(d.summary.drawn == 2);
    CHECK(d.summary.isolated == 3);
    CHECK(d.summary.cut == 0);
    CHECK(d.summary.relations == 1);
    CHECK(d.summary.note == "the drawing shows 2 of 5 entities; 3 without relations left out (--keep-isolated draws them)");
    CHECK(has(d.dot, "\n// " + d.summary.note + "\n"));                                     // a comment
    CHECK(has(d.dot, "<font point-size=\"8\">" + d.summary.note + "</font>"));               // the legend
    // The legend lists only the types drawn.
    CHECK(has(d.dot, ">COMPANY</font>"));
    CHECK_FALSE(has(d.dot, ">PERSON</font>"));
    CHECK_FALSE(has(d.dot, ">EVENT</font>"));

    kg::WriteOptions keep;
    keep.keep_isolated = true;
    const Drawing all = draw(g, keep);
    CHECK(node_ids(all.dot) == std::set<std::string>{"lone", "acme", "china", "google", "world-ai-conference"});
    CHECK(edge_lines(all.dot) == 1);  // the denial is still not drawn
    CHECK(all.summary.isolated == 0);
    CHECK(all.summary.note.empty());
    CHECK_FALSE(has(all.dot, "the drawing shows"));
    CHECK(has(all.dot, ">PERSON</font>"));

    // Drawn dotted, the denial relates Google and the conference: only Lone stays out.
    kg::WriteOptions negated;
    negated.show_negated = true;
    const Drawing shown = draw(g, negated);
    CHECK(node_ids(shown.dot) == std::set<std::string>{"acme", "china", "google", "world-ai-conference"});
    CHECK(shown.summary.isolated == 1);
    CHECK(shown.summary.relations == 2);
}

TEST_CASE("dot: a graph over dot_max_nodes is cut to the entities of highest degree, ties by id") {
    // 1,201 entities: the hub (degree 1,200) and its leaves (degree 1 each).
    const kg::KnowledgeGraph g = star(1200, false);
    const Drawing d = draw(g);  // the default: 200
    const std::set<std::string> ids = node_ids(d.dot);
    CHECK(ids.size() == 200);
    CHECK(ids.count("hub"));
    CHECK(ids.count("n0000"));
    CHECK(ids.count("n0198"));   // the hub and the first 199 leaves by id
    CHECK_FALSE(ids.count("n0199"));
    CHECK(edge_lines(d.dot) == 199);
    CHECK(d.summary.entities == 1201);
    CHECK(d.summary.drawn == 200);
    CHECK(d.summary.cut == 1001);
    CHECK(d.summary.isolated == 0);
    CHECK(d.summary.relations == 199);
    CHECK(d.summary.note == "the drawing shows the 200 of 1,201 entities of highest degree (--max-nodes N draws more, 0 all)");
    CHECK(has(d.dot, "\n// " + d.summary.note + "\n"));
    CHECK(has(d.dot, d.summary.note + "</font>"));

    // The same entities whatever order the input gave them in: ties go by id, not by vertex order.
    CHECK(node_ids(draw(star(1200, true)).dot) == ids);

    kg::WriteOptions ten;
    ten.dot_max_nodes = 10;
    CHECK(node_ids(draw(g, ten).dot).size() == 10);
    kg::WriteOptions unlimited;
    unlimited.dot_max_nodes = 0;
    const Drawing all = draw(g, unlimited);
    CHECK(node_ids(all.dot).size() == 1201);
    CHECK(all.summary.note.empty());
}

TEST_CASE("dot: an entity whose relations all go to cut ones gives its place to the next related one") {
    // Degrees: hub 3 (x, y, z), a 1 (to zz), x, y, z 1, zz 1. By degree then id: hub, a, x, y, z, zz. The top
    // four are hub, a, x, y; but a's only partner zz is cut, so a would stand alone: z takes its place.
    kg::KnowledgeGraph g;
    const kg::Vertex zz = g.add_entity("zz", kg::EntityType::PERSON);
    const kg::Vertex a = g.add_entity("a", kg::EntityType::PERSON);
    const kg::Vertex hub = g.add_entity("hub", kg::EntityType::COUNTRY);
    g.add_relation(a, "works_for", zz, 0.9, kgtest::ev("d", 0, "a works for zz"));
    for (const char* leaf : {"z", "y", "x"})
        g.add_relation(g.add_entity(leaf, kg::EntityType::LOCATION), "located_in", hub, 0.9,
                       kgtest::ev("d", 20, std::string(leaf) + " is in hub"));
    kg::WriteOptions four;
    four.dot_max_nodes = 4;
    const Drawing d = draw(g, four);
    CHECK(node_ids(d.dot) == std::set<std::string>{"hub", "x", "y", "z"});
    CHECK(edge_lines(d.dot) == 3);
    CHECK(d.summary.cut == 2);
    CHECK(d.summary.drawn == 4);
    // Asked for lone entities, the cut is the plain top four.
    four.keep_isolated = true;
    CHECK(node_ids(draw(g, four).dot) == std::set<std::string>{"hub", "a", "x", "y"});
}

TEST_CASE("dot: graph attributes pick a force layout that spreads, whatever engine the command names") {
    const Drawing small = draw(with_isolated());
    CHECK(has(small.dot, "graph [layout=sfdp, overlap=prism, sep=\"+24\", overlap_scaling=-2, splines=polyline, "
                         "outputorder=edgesfirst"));
    // Past 100 entities, straight lines (routing around nodes grows with nodes times edges) and tighter packing.
    const Drawing big = draw(star(150, false));
    CHECK(has(big.dot, "graph [layout=sfdp, overlap=prism, sep=\"+16\", overlap_scaling=-2, splines=line, "
                       "outputorder=edgesfirst"));
    CHECK(has(draw(star(99, false)).dot, "splines=polyline"));  // 100 entities
    CHECK(has(draw(star(100, false)).dot, "splines=line"));
    // The same graph gives the same bytes.
    CHECK(draw(star(150, false)).dot == big.dot);
    CHECK(draw(with_isolated()).dot == small.dot);
}

TEST_CASE("dot: Graphviz renders a cut drawing with its legend, node for node") {
    if (kgtest::run("command -v dot >/dev/null 2>&1").first != 0) {
        MESSAGE("graphviz not installed; skipping rendering");
        return;
    }
    char dir[] = "/tmp/kg_dot_cut_XXXXXX";
    REQUIRE(mkdtemp(dir) != nullptr);
    const std::string file = std::string(dir) + "/g.dot";
    kg::WriteOptions forty;
    forty.dot_max_nodes = 40;
    const Drawing d = draw(star(60, false), forty);
    std::ofstream(file) << d.dot;
    auto [status, out] = kgtest::run("dot -Tsvg '" + file + "' -o '" + file + ".svg' 2>&1");
    CHECK(status == 0);
    CHECK_MESSAGE(out.empty(), out);  // no warnings
    const std::string svg = kgtest::run("cat '" + file + ".svg'").second;
    std::size_t nodes = 0, edges = 0;
    for (std::size_t at = svg.find("class=\"node\""); at != std::string::npos; at = svg.find("class=\"node\"", at + 1))
        ++nodes;
    for (std::size_t at = svg.find("class=\"edge\""); at != std::string::npos; at = svg.find("class=\"edge\"", at + 1))
        ++edges;
    CHECK(nodes == 40);
    CHECK(edges == 39);
    CHECK(has(svg, "the drawing shows the 40 of 61 entities of highest degree"));  // the legend is drawn
    kgtest::run("rm -rf '" + std::string(dir) + "'");
}
