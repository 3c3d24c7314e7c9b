// Evidence qualities and dates in every export, and denied relations in the queries (issue 16): per edge the
// counts of asserted, hedged, negated and former evidence and the first sentence with its qualities; per
// node and edge first_seen / last_seen; pictures (DOT, yEd) draw hedges dashed and leave out what is only
// denied unless asked; paths, neighbours, centralities, components and communities skip denied relations
// unless include_negated.
#include <doctest/doctest.h>

#include "helpers.hpp"

#include <kg/export.hpp>
#include <kg/extract.hpp>
#include <kg/query.hpp>
#include <kg/read.hpp>

#include <pugixml.hpp>
#include <rapidjson/document.h>

#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

namespace {

kg::Evidence item(const std::string& doc, std::size_t start, const std::string& text, const std::string& modality = "",
                  bool negated = false, bool former = false) {
    kg::Evidence e = kgtest::ev(doc, start, text);
    e.modality = modality;
    e.negated = negated;
    e.former = former;
    return e;
}

kg::DocEntity entity(const std::string& name, kg::EntityType type, const std::string& doc, std::size_t at) {
    kg::DocEntity e;
    e.name = name;
    e.type = type;
    e.mentions = {kgtest::ev(doc, at, name)};
    return e;
}

// Three documents: d1 dated a day, d2 a month, d3 undated.
//   Google -attends-> World AI Conference    only denied (d1): "Google did not attend ..."
//   Li Qiang -attends-> World AI Conference  only hedged (d2): "is expected to attend"
//   Li Qiang -leader_of-> China              asserted (d1) and former (d3)
//   Acme -based_in-> China                   asserted (d3 only, undated)
kg::KnowledgeGraph qualities_graph() {
    kg::KnowledgeGraph g;
    g.add_document({"d1", "d1.txt", 100, "", "2024-07-26"});
    g.add_document({"d2", "d2.txt", 100, "", "2024-08"});
    g.add_document({"d3", "d3.txt", 100});
    kg::DocExtraction x1;
    x1.doc = "d1";
    x1.entities = {entity("Google", kg::EntityType::COMPANY, "d1", 0),
                   entity("World AI Conference", kg::EntityType::EVENT, "d1", 23),
                   entity("Li Qiang", kg::EntityType::PERSON, "d1", 50),
                   entity("China", kg::EntityType::COUNTRY, "d1", 70)};
    x1.relations.push_back({0, "attends", 1, 0.8, item("d1", 0, "Google did not attend the World AI Conference.", "", true)});
    x1.relations.push_back({2, "leader_of", 3, 0.9, item("d1", 50, "Premier Li Qiang of China spoke.")});
    g.add(x1);
    kg::DocExtraction x2;
    x2.doc = "d2";
    x2.entities = {entity("Li Qiang", kg::EntityType::PERSON, "d2", 0),
                   entity("World AI Conference", kg::EntityType::EVENT, "d2", 30)};
    x2.relations.push_back({0, "attends", 1, 0.6, item("d2", 0, "Li Qiang is expected to attend the World AI Conference.", "expected")});
    g.add(x2);
    kg::DocExtraction x3;
    x3.doc = "d3";
    x3.entities = {entity("Acme", kg::EntityType::COMPANY, "d3", 0), entity("China", kg::EntityType::COUNTRY, "d3", 20),
                   entity("Li Qiang", kg::EntityType::PERSON, "d3", 40)};
    x3.relations.push_back({0, "based_in", 1, 1.0, item("d3", 0, "Acme of China.")});
    x3.relations.push_back({2, "leader_of", 1, 0.9, item("d3", 40, "Former premier Li Qiang of China.", "", false, true)});
    g.add(x3);
    return g;
}

const kg::KnowledgeGraph& graph() {
    static const kg::KnowledgeGraph g = qualities_graph();
    return g;
}

const char* const kDenied = "google--attends--world-ai-conference";
const char* const kHedged = "li-qiang--attends--world-ai-conference";
const char* const kLeader = "li-qiang--leader_of--china";
const char* const kBased = "acme--based_in--china";

std::string as(const kg::KnowledgeGraph& g, kg::Format f, const kg::WriteOptions& o = {}) {
    std::ostringstream out;
    kg::write(g, f, out, o);
    return out.str();
}

pugi::xml_document xml(const std::string& text) {
    pugi::xml_document doc;
    const pugi::xml_parse_result r = doc.load_string(text.c_str());
    REQUIRE_MESSAGE(r, r.description());
    return doc;
}

// GraphML <data> of an element by attr.name.
std::map<std::string, std::string> graphml_data(const pugi::xml_node& root, const pugi::xml_node& n) {
    std::map<std::string, std::string> names;
    for (pugi::xml_node k : root.children("key")) names[k.attribute("id").value()] = k.attribute("attr.name").value();
    std::map<std::string, std::string> out;
    for (pugi::xml_node d : n.children("data"))
        if (names.count(d.attribute("key").value())) out[names[d.attribute("key").value()]] = d.text().get();
    return out;
}

struct TempDir {
    std::string path;
    TempDir() {
        char tmpl[] = "/tmp/kg_qualities_XXXXXX";
        REQUIRE(mkdtemp(tmpl) != nullptr);
        path = tmpl;
    }
    ~TempDir() { kgtest::run("rm -rf '" + path + "'"); }
    std::string write(const std::string& name, const std::string& text) const {
        std::ofstream(path + "/" + name, std::ios::binary) << text;
        return path + "/" + name;
    }
};

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("qualities: counts, first sentence and dates in GraphML, which keeps denied edges and validates") {
    const std::string text = as(graph(), kg::Format::graphml);
    pugi::xml_document doc = xml(text);
    pugi::xml_node root = doc.child("graphml");
    std::map<std::string, std::map<std::string, std::string>> edges, nodes;
    for (pugi::xml_node e : root.child("graph").children("edge")) edges[e.attribute("id").value()] = graphml_data(root, e);
    for (pugi::xml_node n : root.child("graph").children("node")) nodes[n.attribute("id").value()] = graphml_data(root, n);
    REQUIRE(edges.size() == 4);  // the denied one too: GraphML is data
    CHECK(edges[kDenied]["asserted"] == "0");
    CHECK(edges[kDenied]["negated"] == "1");
    CHECK(edges[kDenied]["evidence_quality"] == "negated");
    CHECK(edges[kDenied]["weight"] == "0");
    CHECK(edges[kHedged]["hedged"] == "1");
    CHECK(edges[kHedged]["evidence_quality"] == "hedged (expected)");
    CHECK(edges[kLeader]["asserted"] == "2");  // the former item is asserted too: time is its own quality
    CHECK(edges[kLeader]["former"] == "1");
    CHECK(edges[kLeader]["evidence_quality"] == "asserted");
    // Dates: a month covers all its days; undated documents give none.
    CHECK(nodes["li-qiang"]["first_seen"] == "2024-07-26");
    CHECK(nodes["li-qiang"]["last_seen"] == "2024-08-31");
    CHECK(nodes["acme"].count("first_seen") == 0);
    CHECK(edges[kHedged]["first_seen"] == "2024-08-01");
    CHECK(edges[kLeader]["first_seen"] == "2024-07-26");
    CHECK(edges[kLeader]["last_seen"] == "2024-07-26");
    CHECK(edges[kBased].count("first_seen") == 0);
    if (kgtest::run("command -v xmllint >/dev/null 2>&1").first != 0) {
        MESSAGE("xmllint not installed; skipping schema validation");
        return;
    }
    TempDir dir;
    const std::string data = std::string(KG_TEST_DATA) + "/graphml/";
    auto [status, out] = kgtest::run("xmllint --noout --schema '" + data + "graphml.xsd' '" +
                                     dir.write("g.graphml", text) + "' 2>&1");
    CHECK_MESSAGE(status == 0, out);
    kg::WriteOptions show;
    show.show_negated = true;
    for (const kg::WriteOptions& o : {kg::WriteOptions{}, show}) {
        auto [ys, yout] = kgtest::run("xmllint --noout --schema '" + data + "graphml-yfiles-lax.xsd' '" +
                                      dir.write("g.yed.graphml", as(graph(), kg::Format::yed, o)) + "' 2>&1");
        CHECK_MESSAGE(ys == 0, yout);
    }
}

TEST_CASE("qualities: yEd draws hedges dashed and leaves denied relations out unless show_negated") {
    auto styles = [](const std::string& text) {
        pugi::xml_document doc = xml(text);
        std::map<std::string, std::string> out;
        for (pugi::xml_node e : doc.child("graphml").child("graph").children("edge"))
            out[e.attribute("id").value()] = e.find_child_by_attribute("data", "key", "e_graphics")
                                                 .child("y:PolyLineEdge").child("y:LineStyle").attribute("type").value();
        return out;
    };
    std::map<std::string, std::string> drawn = styles(as(graph(), kg::Format::yed));
    CHECK(drawn.size() == 3);
    CHECK(drawn.count(kDenied) == 0);
    CHECK(drawn[kHedged] == "dashed");
    CHECK(drawn[kLeader] == "line");
    kg::WriteOptions show;
    show.show_negated = true;
    drawn = styles(as(graph(), kg::Format::yed, show));
    CHECK(drawn.size() == 4);
    CHECK(drawn[kDenied] == "dotted");
}

TEST_CASE("qualities: DOT styles, attributes and a legend for colours, shapes, width and dashes") {
    const std::string dot = as(graph(), kg::Format::dot);
    CHECK_FALSE(has(dot, "\"google\" -> \"world-ai-conference\""));
    CHECK(has(dot, "1 denied relation not drawn (--show-negated draws them)"));
    CHECK(has(dot, "\"li-qiang\" -> \"world-ai-conference\" [label=\"attends\", penwidth=1, style=dashed"));
    CHECK(has(dot, "hedged=1, negated=0, former=0, evidence_quality=\"hedged (expected)\", first_seen=\"2024-08-01\", "
                   "last_seen=\"2024-08-31\"]"));
    CHECK(has(dot, "asserted=2, hedged=0, negated=0, former=1, evidence_quality=\"asserted\""));
    CHECK(has(dot, "\"li-qiang\" [label=\"Li Qiang\", shape=ellipse"));
    CHECK(has(dot, "first_seen=\"2024-07-26\", last_seen=\"2024-08-31\"];"));  // a node's days
    // The legend: type colours, their shapes, line width, dashes.
    CHECK(has(dot, "<td bgcolor=\"#4E79A7\"><font color=\"#FFFFFF\">PERSON</font></td>"));
    CHECK(has(dot, "<font point-size=\"8\">ellipse</font>"));
    CHECK(has(dot, "line width: evidence sentences"));
    CHECK(has(dot, "dashed: only hedged"));
    CHECK_FALSE(has(dot, "dotted grey"));
    kg::WriteOptions show;
    show.show_negated = true;
    const std::string all = as(graph(), kg::Format::dot, show);
    CHECK(has(all, "\"google\" -> \"world-ai-conference\" [label=\"attends\", penwidth=1, style=dotted, color=\"#AAAAAA\""));
    CHECK(has(all, "dotted grey: denied by every sentence"));
    CHECK_FALSE(has(all, "not drawn"));
    if (kgtest::run("command -v dot >/dev/null 2>&1").first != 0) {
        MESSAGE("graphviz not installed; skipping rendering");
        return;
    }
    TempDir dir;
    for (const std::string& text : {dot, all}) {
        const std::string file = dir.write("g.dot", text);
        auto [status, out] = kgtest::run("dot -Tsvg '" + file + "' -o '" + file + ".svg' 2>&1");
        CHECK(status == 0);
        CHECK_MESSAGE(out.empty(), out);  // no warnings, unknown attributes included
    }
}

TEST_CASE("qualities: GEXF, Cytoscape and JSON keep every edge with its counts and dates") {
    // GEXF (its schema validity is checked in test_gexf.cpp).
    pugi::xml_document doc = xml(as(graph(), kg::Format::gexf));
    std::map<std::string, std::map<std::string, std::string>> gexf;
    for (pugi::xml_node e : doc.child("gexf").child("graph").child("edges").children("edge"))
        for (pugi::xml_node v : e.child("attvalues").children("attvalue"))
            gexf[e.attribute("id").value()][v.attribute("for").value()] = v.attribute("value").value();
    CHECK(gexf.size() == 4);
    CHECK(gexf[kDenied]["negated"] == "1");
    CHECK(gexf[kDenied]["evidence_quality"] == "negated");
    CHECK(gexf[kLeader]["former"] == "1");
    CHECK(gexf[kHedged]["last_seen"] == "2024-08-31");
    CHECK(gexf[kBased].count("first_seen") == 0);
    std::map<std::string, std::string> li;
    for (pugi::xml_node n : doc.child("gexf").child("graph").child("nodes").children("node"))
        if (std::string(n.attribute("id").value()) == "li-qiang")
            for (pugi::xml_node v : n.child("attvalues").children("attvalue"))
                li[v.attribute("for").value()] = v.attribute("value").value();
    CHECK(li["first_seen"] == "2024-07-26");

    // Cytoscape.js
    rapidjson::Document cy;
    cy.Parse(as(graph(), kg::Format::cytoscape).c_str());
    REQUIRE_FALSE(cy.HasParseError());
    std::map<std::string, const rapidjson::Value*> cyedges;
    for (const auto& e : cy["elements"]["edges"].GetArray()) cyedges[e["data"]["id"].GetString()] = &e["data"];
    REQUIRE(cyedges.size() == 4);
    CHECK((*cyedges[kDenied])["negated"].GetUint() == 1);
    CHECK((*cyedges[kDenied])["asserted"].GetUint() == 0);
    CHECK(std::string((*cyedges[kHedged])["evidence_quality"].GetString()) == "hedged (expected)");
    CHECK(std::string((*cyedges[kLeader])["first_seen"].GetString()) == "2024-07-26");
    CHECK_FALSE(cyedges[kBased]->HasMember("first_seen"));
    for (const auto& n : cy["elements"]["nodes"].GetArray())
        if (std::string(n["data"]["id"].GetString()) == "li-qiang")
            CHECK(std::string(n["data"]["last_seen"].GetString()) == "2024-08-31");

    // Node-link JSON: the counts beside the evidence array, which keeps every item's flags.
    rapidjson::Document js;
    js.Parse(as(graph(), kg::Format::json).c_str());
    REQUIRE_FALSE(js.HasParseError());
    std::map<std::string, const rapidjson::Value*> jedges;
    for (const auto& e : js["edges"].GetArray()) jedges[e["id"].GetString()] = &e;
    REQUIRE(jedges.size() == 4);
    const rapidjson::Value& denied = *jedges[kDenied];
    CHECK(denied["negated"].GetUint() == 1);
    CHECK(denied["evidence"][0]["negated"].GetBool());
    const rapidjson::Value& leader = *jedges[kLeader];
    CHECK(leader["asserted"].GetUint() == 2);
    CHECK(leader["former"].GetUint() == 1);
    CHECK(leader["evidence"].Size() == 2);
    CHECK(std::string(leader["first_seen"].GetString()) == "2024-07-26");
    CHECK_FALSE(jedges[kBased]->HasMember("first_seen"));
    for (const auto& n : js["nodes"].GetArray())
        if (std::string(n["id"].GetString()) == "li-qiang") {
            CHECK(std::string(n["first_seen"].GetString()) == "2024-07-26");
            CHECK(std::string(n["last_seen"].GetString()) == "2024-08-31");
        }
}

TEST_CASE("qualities: neo4j CSV has former and the first sentence's quality") {
    std::ostringstream rels;
    kg::write_csv_relationships(graph(), rels);
    const std::string r = rels.str();
    CHECK(r.rfind(":START_ID,:END_ID,:TYPE,id,predicate,weight:double,confidence:double,asserted:int,hedged:int,"
                  "negated:int,former:int,documents:string[],first_seen:date,last_seen:date,evidence,evidence_quality\n",
                  0) == 0);
    CHECK(has(r, "\"ATTENDS\",\"google--attends--world-ai-conference\",\"attends\",0,0.8,0,0,1,0,\"d1\",2024-07-26,"
                 "2024-07-26,\"Google did not attend the World AI Conference.\",\"negated\"\n"));
    CHECK(has(r, ",2,0,0,1,\"d1;d3\",2024-07-26,2024-07-26,\"Premier Li Qiang of China spoke.\",\"asserted\"\n"));
}

TEST_CASE("qualities: GraphML and JSON read back keep the qualities, so a denied edge stays denied") {
    for (kg::Format f : {kg::Format::graphml, kg::Format::json}) {
        const std::string text = as(graph(), f);
        const kg::KnowledgeGraph back = f == kg::Format::json ? kg::parse_json(text, "g") : kg::parse_graphml(text, "g");
        if (f == kg::Format::json) {
            CHECK(as(back, f) == text);
        } else {
            // GraphML keeps no documents, so their days go; every other byte comes back.
            std::istringstream in(text);
            std::string undated, line;
            while (std::getline(in, line))
                if (!has(line, "_first_seen\">") && !has(line, "_last_seen\">")) undated += line + "\n";
            CHECK(undated.size() < text.size());
            CHECK(as(back, f) == undated);
        }
        const kg::Graph& g = back.graph();
        std::map<std::string, bool> denied;
        for (kg::Edge e : boost::make_iterator_range(boost::edges(g))) denied[g[e].id] = kg::negated_only(g[e]);
        CHECK(denied[kDenied]);
        CHECK_FALSE(denied[kHedged]);
        CHECK_FALSE(denied[kLeader]);
    }
    // A GraphML edge whose counts disagree with its first sentence is bad input, named.
    std::string broken = as(graph(), kg::Format::graphml);
    const std::string negated_one = "<data key=\"e_negated\">1</data>";
    broken.replace(broken.find(negated_one), negated_one.size(), "<data key=\"e_negated\">0</data>");
    try {
        kg::parse_graphml(broken, "broken.graphml");
        FAIL("expected an error");
    } catch (const kg::Error& e) {
        CHECK(e.code() == kg::ExitCode::bad_input);
        CHECK(has(e.what(), "broken.graphml"));
        CHECK(has(e.what(), "disagree with its evidence_quality"));
    }
    // A hostile count is refused rather than allocated.
    std::string huge = as(graph(), kg::Format::graphml);
    const std::string asserted = "<data key=\"e_asserted\">2</data>";
    huge.replace(huge.find(asserted), asserted.size(), "<data key=\"e_asserted\">2000000000</data>");
    CHECK_THROWS_AS(kg::parse_graphml(huge, "huge.graphml"), kg::Error);
}

TEST_CASE("qualities: quality labels read back exactly") {
    for (const kg::Evidence& e : {item("d", 0, "x"), item("d", 0, "x", "expected"), item("d", 0, "x", "", true),
                                  item("d", 0, "x", "possible", true), item("d", 0, "x", "", false, true),
                                  item("d", 0, "x", "odd (one), former", true, true)}) {
        kg::KnowledgeGraph g;
        g.add_relation(g.add_entity("A", kg::EntityType::PERSON), "meets", g.add_entity("B", kg::EntityType::PERSON),
                       0.5, e);
        const std::string text = as(g, kg::Format::graphml);
        const kg::KnowledgeGraph back = kg::parse_graphml(text, "g");
        const kg::Evidence& r = back.graph()[*boost::edges(back.graph()).first].evidence.at(0);
        CHECK(r.modality == e.modality);
        CHECK(r.negated == e.negated);
        CHECK(r.former == e.former);
        CHECK(as(back, kg::Format::graphml) == text);
    }
}

// ---- queries ------------------------------------------------------------------------------------------

namespace {

// A -attends-> B only denied; A -x-> C -x-> B asserted; D -meets-> E only denied (its own component
// otherwise); F -plans-> B only hedged; G -visits-> B without evidence (as read from a foreign file).
struct Denied {
    kg::KnowledgeGraph g;
    kg::Vertex a, b, c, d, e, f, h;
    Denied() {
        a = g.add_entity("A", kg::EntityType::COMPANY);
        b = g.add_entity("B", kg::EntityType::EVENT);
        c = g.add_entity("C", kg::EntityType::PERSON);
        d = g.add_entity("D", kg::EntityType::PERSON);
        e = g.add_entity("E", kg::EntityType::PERSON);
        f = g.add_entity("F", kg::EntityType::PERSON);
        h = g.add_entity("G", kg::EntityType::PERSON);
        g.add_relation(a, "attends", b, 0.9, item("d", 0, "A did not attend B.", "", true));
        g.add_relation(a, "works_with", c, 0.9, item("d", 10, "A works with C."));
        g.add_relation(c, "attends", b, 0.9, item("d", 20, "C attends B."));
        g.add_relation(d, "meets", e, 0.9, item("d", 30, "D did not meet E.", "", true));
        g.add_relation(f, "attends", b, 0.5, item("d", 40, "F is expected to attend B.", "expected"));
        kg::Relation foreign;
        foreign.id = "g--visits--b";
        foreign.predicate = "visits";
        foreign.weight = 1;
        foreign.confidence = 1;
        g.insert_relation(h, b, foreign);
    }
};

std::vector<kg::Vertex> others(const std::vector<kg::Neighbor>& list) {
    std::vector<kg::Vertex> out;
    for (const kg::Neighbor& n : list) out.push_back(n.other);
    return out;
}

}  // namespace

TEST_CASE("queries: paths skip denied relations unless include_negated; hedged and foreign edges stay") {
    Denied t;
    kg::PathOptions o;
    auto p = kg::shortest_path(t.g, t.a, t.b, o);
    REQUIRE(p);
    CHECK(p->steps.size() == 2);  // A - C - B, not the denied A -attends-> B
    CHECK(p->steps[0].to == t.c);
    CHECK_FALSE(kg::shortest_path(t.g, t.d, t.e, o));
    CHECK(kg::shortest_path(t.g, t.f, t.b, o)->steps.size() == 1);  // hedged: a hop
    CHECK(kg::shortest_path(t.g, t.h, t.b, o)->steps.size() == 1);  // no evidence: asserted
    for (const kg::Path& path : kg::k_shortest_paths(t.g, t.a, t.b, 5, o)) CHECK(path.steps.size() >= 2);
    CHECK(kg::all_shortest_paths(t.g, t.a, t.b, o).front().steps.size() == 2);
    o.include_negated = true;
    CHECK(kg::shortest_path(t.g, t.a, t.b, o)->steps.size() == 1);
    CHECK(kg::shortest_path(t.g, t.d, t.e, o)->steps.size() == 1);
    CHECK(kg::k_shortest_paths(t.g, t.a, t.b, 5, o).front().steps.size() == 1);
}

TEST_CASE("queries: neighbours, neighbourhoods and components skip denied relations unless asked") {
    Denied t;
    CHECK(others(kg::neighbors(t.g, t.a)) == std::vector<kg::Vertex>{t.c});
    CHECK(others(kg::neighbors(t.g, t.a, {}, true)) == std::vector<kg::Vertex>{t.b, t.c});
    CHECK(kg::neighbors(t.g, t.d).empty());
    CHECK(others(kg::neighbors(t.g, t.b)).size() == 3);  // C, F (hedged), G (foreign)
    const auto near = kg::neighborhood(t.g, t.a, 1);
    REQUIRE(near.size() == 1);
    CHECK(near[0].vertex == t.c);
    CHECK(kg::neighborhood(t.g, t.a, 1, {}, true).size() == 2);
    CHECK(kg::neighborhood(t.g, t.a, 2).size() == 2);  // C, then B (not through the denial)
    CHECK(kg::neighborhood(t.g, t.a, 3).size() == 4);  // and B's neighbours F and G
    CHECK(kg::weak_components(t.g).groups.size() == 3);  // {A,B,C,F,G}, {D}, {E}
    CHECK(kg::weak_components(t.g, true).groups.size() == 2);
    CHECK(kg::stats(t.g).components == 2);  // stats describes what is stored
}

TEST_CASE("queries: every centrality and communities leave denied relations out unless include_negated") {
    Denied t;
    CHECK(kg::degree_centrality(t.g, kg::DegreeMode::total)[t.a] == 1);
    CHECK(kg::degree_centrality(t.g, kg::DegreeMode::total, true)[t.a] == 2);
    CHECK(kg::degree_centrality(t.g, kg::DegreeMode::out)[t.d] == 0);
    CHECK(kg::degree_centrality(t.g, kg::DegreeMode::in)[t.e] == 0);
    CHECK(kg::degree_centrality(t.g, kg::DegreeMode::in, true)[t.e] == 1);
    kg::CentralityOptions with, without;
    with.include_negated = true;
    // C is on the only path from A to B once the denial is no link.
    CHECK(kg::centrality(t.g, kg::Measure::betweenness, without)[t.c] > 0);
    CHECK(kg::centrality(t.g, kg::Measure::betweenness, with)[t.c] == 0);
    // (Weighted degree cannot tell: a denial adds no weight.)
    for (kg::Measure m : {kg::Measure::closeness, kg::Measure::harmonic, kg::Measure::pagerank, kg::Measure::eigenvector,
                          kg::Measure::in_degree, kg::Measure::out_degree}) {
        CAPTURE(kg::to_string(m));
        CHECK(kg::centrality(t.g, m, without) != kg::centrality(t.g, m, with));
    }
    // With every denial kept, the default and the explicit option agree with NetworkX's view of the multigraph.
    CHECK(kg::centrality(t.g, kg::Measure::harmonic, with) == kg::harmonic_centrality(t.g, 0, true));
    CHECK(kg::centrality(t.g, kg::Measure::closeness, without) == kg::closeness_centrality(t.g));
    kg::CommunityOptions co;
    const kg::Communities apart = kg::louvain_communities(t.g, co);
    CHECK(apart.partition.group_of[t.d] != apart.partition.group_of[t.e]);
    co.include_negated = true;
    const kg::Communities joined = kg::louvain_communities(t.g, co);
    CHECK(joined.partition.group_of[t.d] == joined.partition.group_of[t.e]);
}

TEST_CASE("qualities: the extractor's denial reaches the exports and the queries") {
    std::vector<kg::Document> docs(2);
    docs[0].id = "a";
    docs[0].text = "Google did not attend the World AI Conference.";
    docs[1].id = "b";
    docs[1].text = "Microsoft attended the World AI Conference in Shanghai. Google and Microsoft signed a deal.";
    const kg::KnowledgeGraph g = kg::build_graph(docs);
    const kg::Graph& gr = g.graph();
    std::optional<kg::Edge> denied;
    for (kg::Edge e : boost::make_iterator_range(boost::edges(gr)))
        if (gr[e].predicate == "attends" && gr[boost::source(e, gr)].label == "Google") denied = e;
    REQUIRE_MESSAGE(denied, "the extractor gave no attends edge for Google: " << as(g, kg::Format::json));
    CHECK(kg::negated_only(gr[*denied]));
    const std::string graphml = as(g, kg::Format::graphml);
    CHECK(has(graphml, "<edge id=\"google--attends--world-ai-conference\""));
    CHECK(has(graphml, "<data key=\"e_evidence_quality\">negated</data>"));
    CHECK_FALSE(has(as(g, kg::Format::dot), "\"google\" -> \"world-ai-conference\""));
    CHECK_FALSE(has(as(g, kg::Format::yed), "<edge id=\"google--attends--world-ai-conference\""));
    const kg::Vertex google = kg::resolve_entity(g, "Google"), waic = kg::resolve_entity(g, "World AI Conference");
    kg::PathOptions o;
    auto p = kg::shortest_path(g, google, waic, o);
    CHECK((!p || p->steps.size() > 1));
    o.include_negated = true;
    CHECK(kg::shortest_path(g, google, waic, o)->steps.size() == 1);
}
