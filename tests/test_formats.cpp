// The drawing and database formats: yEd GraphML, GEXF, Cytoscape.js, DOT, neo4j CSV, JSON links key.
#include <doctest/doctest.h>

#include "helpers.hpp"

#include <kg/error.hpp>
#include <kg/export.hpp>

#include <pugixml.hpp>
#include <rapidjson/document.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace {

kg::KnowledgeGraph sample() {
    kg::KnowledgeGraph g;
    kg::Vertex li = g.add_entity("Li \"Q\" & <Co>, Ltd.\nNew\\line\x01", kg::EntityType::PERSON);
    kg::Vertex cn = g.add_entity("China", kg::EntityType::COUNTRY);
    kg::Vertex us = g.add_entity("United States", kg::EntityType::COUNTRY);
    kg::Vertex wc = g.add_entity("World AI Conference", kg::EntityType::EVENT);
    g.add_alias(li, "Li; Q");
    g.add_relation(li, "leader_of", cn, 0.9, kgtest::ev("d", 0, "Premier Li, \"of\" China\r\nsaid\t<x>"));
    g.add_relation(li, "attends", wc, 0.7, kgtest::ev("d", 5, "Li attends."));
    g.add_relation(li, "attends", wc, 0.7, kgtest::ev("d", 9, "Li attends again."));
    g.add_relation(us, "competes_with", cn, 0.5, kgtest::ev("d", 20, "Rivals."));
    return g;
}

std::string as(const kg::KnowledgeGraph& g, kg::Format f, const kg::WriteOptions& o = {}) {
    std::ostringstream out;
    kg::write(g, f, out, o);
    return out.str();
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("formats: names parse and print both ways") {
    for (const char* n : {"graphml", "json", "yed", "gexf", "cytoscape", "dot", "csv"}) {
        auto f = kg::parse_format(n);
        REQUIRE(f.has_value());
        CHECK(kg::to_string(*f) == n);
    }
    CHECK_FALSE(kg::parse_format("GEXF").has_value());
    std::ostringstream out;
    CHECK_THROWS_AS(kg::write(sample(), kg::Format::csv, out), kg::Error);
}

TEST_CASE("formats: yEd GraphML has a shape, fill and label per node and an arrow and label per edge") {
    pugi::xml_document doc;
    const std::string text = as(sample(), kg::Format::yed);
    REQUIRE(doc.load_string(text.c_str()));
    pugi::xml_node graph = doc.child("graphml").child("graph");
    CHECK(std::string(doc.child("graphml").attribute("xmlns:y").value()) == "http://www.yworks.com/xml/graphml");
    int nodes = 0;
    for (pugi::xml_node n : graph.children("node")) {
        ++nodes;
        pugi::xml_node shape = n.find_child_by_attribute("data", "key", "n_graphics").child("y:ShapeNode");
        REQUIRE(shape);
        CHECK(std::string(shape.child("y:Fill").attribute("color").value()).size() == 7);
        CHECK(shape.child("y:Shape").attribute("type"));
        CHECK(std::string(shape.child_value("y:NodeLabel")) ==
              std::string(n.find_child_by_attribute("data", "key", "n_label").child_value()));
    }
    CHECK(nodes == 4);
    std::vector<std::string> targets;
    for (pugi::xml_node e : graph.children("edge")) {
        pugi::xml_node line = e.find_child_by_attribute("data", "key", "e_graphics").child("y:PolyLineEdge");
        REQUIRE(line);
        targets.emplace_back(line.child("y:Arrows").attribute("target").value());
        CHECK(std::string(line.child_value("y:EdgeLabel")) ==
              e.find_child_by_attribute("data", "key", "e_predicate").child_value());
    }
    CHECK(targets == std::vector<std::string>{"standard", "standard", "none"});  // competes_with is symmetric
    // Persons and countries look different.
    CHECK(text.find("<y:Shape type=\"ellipse\"/>") != std::string::npos);
    CHECK(text.find("<y:Shape type=\"octagon\"/>") != std::string::npos);
    // The plain flavour carries none of it.
    CHECK(as(sample(), kg::Format::graphml).find("y:") == std::string::npos);
}

TEST_CASE("formats: GEXF 1.3 with typed attributes, weights, colours and sizes by degree") {
    pugi::xml_document doc;
    REQUIRE(doc.load_string(as(sample(), kg::Format::gexf).c_str()));
    pugi::xml_node gexf = doc.child("gexf");
    CHECK(std::string(gexf.attribute("xmlns").value()) == "http://gexf.net/1.3");
    CHECK(std::string(gexf.attribute("version").value()) == "1.3");
    pugi::xml_node graph = gexf.child("graph");
    CHECK(std::string(graph.attribute("defaultedgetype").value()) == "directed");
    std::set<std::string> ids;
    for (pugi::xml_node a : graph.children("attributes"))
        for (pugi::xml_node at : a.children("attribute")) {
            CHECK(ids.insert(std::string(a.attribute("class").value()) + at.attribute("id").value()).second);
            CHECK(at.attribute("type"));
        }
    std::vector<double> sizes;
    std::vector<std::string> colours, labels;
    for (pugi::xml_node n : graph.child("nodes").children("node")) {
        sizes.push_back(n.child("viz:size").attribute("value").as_double());
        colours.push_back(std::string(n.child("viz:color").attribute("r").value()) + "," +
                          n.child("viz:color").attribute("g").value() + "," + n.child("viz:color").attribute("b").value());
        CHECK_FALSE(n.child("viz:color").attribute("a"));
        labels.emplace_back(n.attribute("label").value());
    }
    REQUIRE(sizes.size() == 4);
    CHECK(sizes[0] == sizes[1]);  // Li and China: 2 edges each (a second "attends" adds weight, not an edge)
    CHECK(sizes[1] > sizes[3]);   // the conference: 1 edge
    CHECK(colours[1] == colours[2]);  // both countries
    CHECK(colours[0] != colours[1]);
    CHECK(labels[0] == "Li \"Q\" & <Co>, Ltd.\nNew\\line\xEF\xBF\xBD");  // attribute newline survives as &#10;
    std::vector<std::string> weights;
    for (pugi::xml_node e : graph.child("edges").children("edge")) weights.emplace_back(e.attribute("weight").value());
    CHECK(weights == std::vector<std::string>{"1", "2", "1"});
}

TEST_CASE("formats: Cytoscape.js ids are unique across nodes and edges") {
    kg::KnowledgeGraph g;
    kg::Entity a;
    a.id = "a--p--b";  // a foreign node id equal to the edge id below
    a.label = "A";
    kg::Entity b;
    b.id = "b";
    b.label = "B";
    kg::Vertex va = g.insert_entity(a), vb = g.insert_entity(b);
    kg::Relation r;
    r.id = "a--p--b";
    r.predicate = "p";
    r.weight = 1;
    g.insert_relation(va, vb, r);
    r.id = "b";
    g.insert_relation(vb, va, r);
    rapidjson::Document d;
    d.Parse(as(g, kg::Format::cytoscape).c_str());
    REQUIRE_FALSE(d.HasParseError());
    std::set<std::string> ids;
    for (const char* kind : {"nodes", "edges"})
        for (const auto& el : d["elements"][kind].GetArray()) CHECK(ids.insert(el["data"]["id"].GetString()).second);
    CHECK(ids.count("edge:a--p--b"));
    CHECK(ids.count("edge:b"));
    const auto& e0 = d["elements"]["edges"][0]["data"];
    CHECK(std::string(e0["source"].GetString()) == "a--p--b");  // ends still name the node ids
    CHECK(e0["weight"].GetDouble() == 1.0);
}

TEST_CASE("formats: DOT escapes labels and ids, colours types, labels predicates") {
    const std::string dot = as(sample(), kg::Format::dot);
    CHECK(dot.rfind("// libkg", 0) == 0);
    CHECK(dot.find("digraph \"libkg\" {") != std::string::npos);
    // Quote, backslash, newline and '&' in a label; the control character replaced.
    CHECK(dot.find("label=\"Li \\\"Q\\\" &amp; <Co>, Ltd.\\nNew\\\\line\xEF\xBF\xBD\"") != std::string::npos);
    // CR LF is one line break in the evidence tooltip.
    CHECK(dot.find("China\\nsaid\t<x>") != std::string::npos);
    CHECK(dot.find("\"li-q-co-ltd-new-line\" -> \"china\" [label=\"leader_of\"") != std::string::npos);
    CHECK(dot.find("[label=\"competes_with\", penwidth=1, dir=none") != std::string::npos);
    CHECK(dot.find("label=\"attends\", penwidth=1.4") != std::string::npos);  // weight 2 draws thicker
    CHECK(dot.find("fillcolor=\"#E15759\"") != std::string::npos);           // countries
    CHECK(dot.find("<td bgcolor=\"#4E79A7\"><font color=\"#FFFFFF\">PERSON</font></td>") != std::string::npos);
    if (kgtest::run("command -v dot >/dev/null 2>&1").first != 0) {
        MESSAGE("graphviz not installed; skipping rendering");
        return;
    }
    char dir[] = "/tmp/kg_dot_XXXXXX";
    REQUIRE(mkdtemp(dir) != nullptr);
    const std::string file = std::string(dir) + "/g.dot";
    std::ofstream(file) << dot;
    auto [status, out] = kgtest::run("dot -Tsvg '" + file + "' -o '" + file + ".svg' 2>&1");
    CHECK(status == 0);
    CHECK_MESSAGE(out.empty(), out);  // no warnings
    kgtest::run("rm -rf '" + std::string(dir) + "'");
}

TEST_CASE("formats: neo4j CSV headers, quoting and deliberate replacements") {
    std::ostringstream nodes, rels;
    const kg::KnowledgeGraph g = sample();
    kg::write_csv_nodes(g, nodes);
    kg::write_csv_relationships(g, rels);
    // No mentions and no documents here: those arrays and dates are empty fields (null), never "".
    CHECK(nodes.str() ==
          "id:ID,label,type,aliases:string[],frequency:int,documents:string[],first_seen:date,last_seen:date,:LABEL\n"
          "\"li-q-co-ltd-new-line\",\"Li \"\"Q\"\" & <Co>, Ltd. New\\line \",\"PERSON\",\"Li, Q\",0,,,,"
          "\"Entity;PERSON\"\n"
          "\"china\",\"China\",\"COUNTRY\",,0,,,,\"Entity;COUNTRY\"\n"
          "\"united-states\",\"United States\",\"COUNTRY\",,0,,,,\"Entity;COUNTRY\"\n"
          "\"world-ai-conference\",\"World AI Conference\",\"EVENT\",,0,,,,\"Entity;EVENT\"\n");
    const std::string r = rels.str();
    CHECK(r.rfind(":START_ID,:END_ID,:TYPE,id,predicate,weight:double,confidence:double,asserted:int,hedged:int,"
                  "negated:int,former:int,documents:string[],first_seen:date,last_seen:date,evidence,evidence_quality\n",
                  0) == 0);
    CHECK(r.find("\"li-q-co-ltd-new-line\",\"china\",\"LEADER_OF\",\"li-q-co-ltd-new-line--leader_of--china\","
                 "\"leader_of\",1,0.9,1,0,0,0,\"d\",,,\"Premier Li, \"\"of\"\" China  said <x>\",\"asserted\"\n") !=
          std::string::npos);
    CHECK(r.find(",2,0.7,2,0,0,0,\"d\",,,") != std::string::npos);
}

TEST_CASE("formats: write_csv_dir creates a directory whole, updates an existing one, fails cleanly") {
    char tmpl[] = "/tmp/kg_csv_XXXXXX";
    REQUIRE(mkdtemp(tmpl) != nullptr);
    const std::string d = tmpl;
    const kg::KnowledgeGraph g = sample();
    std::ostringstream nodes;
    kg::write_csv_nodes(g, nodes);
    kg::write_file(g, kg::Format::csv, d + "/new");
    CHECK(slurp(d + "/new/nodes.csv") == nodes.str());
    CHECK(kgtest::run("ls -A '" + d + "' | tr '\\n' ' '").second == "new ");  // no temporary directory left
    CHECK(kgtest::run("ls -A '" + d + "/new' | tr '\\n' ' '").second == "nodes.csv relationships.csv ");
    std::ofstream(d + "/new/nodes.csv") << "old";
    std::ofstream(d + "/new/keep.txt") << "mine";
    kg::write_csv_dir(g, d + "/new");
    CHECK(slurp(d + "/new/nodes.csv") == nodes.str());
    CHECK(slurp(d + "/new/keep.txt") == "mine");
    CHECK(kgtest::run("ls -A '" + d + "/new' | wc -l").second == "3\n");
    try {
        kg::write_csv_dir(g, d + "/missing/parent");
        FAIL("expected an error");
    } catch (const kg::Error& e) {
        CHECK(e.code() == kg::ExitCode::output);
        CHECK(std::string(e.what()).find(d + "/missing/parent") != std::string::npos);
    }
    std::ofstream(d + "/file") << "x";
    CHECK_THROWS_AS(kg::write_csv_dir(g, d + "/file"), kg::Error);
    CHECK(kgtest::run("ls -A '" + d + "' | tr '\\n' ' '").second == "file new ");
    kgtest::run("rm -rf '" + d + "'");
}

TEST_CASE("formats: JSON links key") {
    kg::WriteOptions o;
    o.links_key = "links";
    const std::string text = as(sample(), kg::Format::json, o);
    CHECK(text.find("\n \"links\": [") != std::string::npos);
    CHECK(text.find("\"edges\"") == std::string::npos);
    CHECK(as(sample(), kg::Format::json).find("\n \"edges\": [") != std::string::npos);
}

TEST_CASE("formats: every format is deterministic") {
    for (kg::Format f : {kg::Format::graphml, kg::Format::yed, kg::Format::gexf, kg::Format::json,
                         kg::Format::cytoscape, kg::Format::dot})
        CHECK(as(sample(), f) == as(sample(), f));
}
