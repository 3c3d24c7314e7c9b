// read_json / read_graphml / read_graph: byte-identical round trips of libkg's files, foreign files from
// NetworkX and igraph, and errors that name the file and the place.
#include <doctest/doctest.h>

#include "helpers.hpp"

#include <kg/error.hpp>
#include <kg/export.hpp>
#include <kg/read.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

namespace {

// Names no format may break: markup, quotes, commas, semicolons, line breaks, tabs, controls, emoji,
// backslashes, "]]>", and the "; " libkg joins GraphML aliases with.
kg::KnowledgeGraph hostile() {
    kg::KnowledgeGraph g;
    g.add_document({"d 1", "in/\"d\".txt", 42});
    kg::DocExtraction x;
    x.doc = "d 1";
    kg::DocEntity a;
    a.name = "Acme \"Rockets\" & <Sons>, Ltd.\r\nline2\x01 \xF0\x9F\x9A\x80 back\\slash ]]>";
    a.type = kg::EntityType::COMPANY;
    a.aliases = {"A; B", "Acme", "x;y"};
    a.mentions = {kgtest::ev("d 1", 0, "Acme"), kgtest::ev("d 1", 9, "Rockets\t")};
    x.entities.push_back(a);
    g.add(x);
    kg::Vertex acme = *g.find(a.name, kg::EntityType::COMPANY);
    kg::Vertex us = g.add_entity("United States", kg::EntityType::COUNTRY);
    kg::Vertex cn = g.add_entity("China", kg::EntityType::COUNTRY);
    g.add_relation(us, "competes_with", cn, 0.1, kgtest::ev("d 1", 3, "US & China, \"racing\"\n"));
    g.add_relation(acme, "based_in", us, 1.0 / 3.0, kgtest::ev("d 1", 5, "Acme <US>"));
    g.add_relation(acme, "based_in", us, 0.7, kgtest::ev("d 1", 6, "again\x02"));
    g.set_frequency(*g.find("China", kg::EntityType::COUNTRY), 12);
    return g;
}

std::string as(const kg::KnowledgeGraph& g, kg::Format f) {
    std::ostringstream out;
    kg::write(g, f, out);
    return out.str();
}

std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const kg::Error& e) {
        CHECK(e.code() == kg::ExitCode::bad_input);
        return e.what();
    }
    FAIL("expected kg::Error");
    return "";
}

}  // namespace

TEST_CASE("read: libkg JSON reads back to the same bytes") {
    const std::string a = as(hostile(), kg::Format::json);
    const kg::KnowledgeGraph g = kg::parse_json(a, "a.json");
    CHECK(g.num_entities() == 3);
    CHECK(g.num_relations() == 2);
    CHECK(g.documents().size() == 1);
    CHECK(as(g, kg::Format::json) == a);
    // And again: a second generation is stable too.
    CHECK(as(kg::parse_json(as(g, kg::Format::json), "b.json"), kg::Format::json) == a);
}

TEST_CASE("read: libkg GraphML and yEd GraphML read back to the same bytes") {
    for (kg::Format f : {kg::Format::graphml, kg::Format::yed}) {
        const std::string a = as(hostile(), f);
        const kg::KnowledgeGraph g = kg::parse_graphml(a, "a.graphml");
        CHECK(g.num_entities() == 3);
        CHECK(g.num_relations() == 2);
        CHECK(as(g, f) == a);
        const kg::Entity& acme = g.graph()[0];
        CHECK(acme.aliases == std::vector<std::string>{"A", "B", "Acme", "x;y"});  // "; " is the joiner
        CHECK(acme.type == kg::EntityType::COMPANY);
        CHECK(acme.frequency == 2);
    }
}

TEST_CASE("read: GraphML keeps what GraphML carries") {
    const kg::KnowledgeGraph g = kg::parse_graphml(as(hostile(), kg::Format::graphml), "a.graphml");
    const kg::Graph& gr = g.graph();
    auto e = *boost::edges(gr).first;  // the first edge inserted
    CHECK(gr[e].id == "china--competes_with--united-states");
    CHECK(gr[e].weight == 1.0);
    CHECK(gr[e].confidence == 0.1);
    REQUIRE(gr[e].evidence.size() == 1);
    CHECK(gr[e].evidence[0].text == "US & China, \"racing\"\n");
    CHECK(gr[boost::source(e, gr)].id == "china");
    CHECK(gr[*g.find_id("china")].frequency == 12);
}

TEST_CASE("read: doubles are written shortest and read back exactly") {
    kg::KnowledgeGraph g;
    kg::Vertex a = g.add_entity("A", kg::EntityType::PERSON);
    kg::Vertex b = g.add_entity("B", kg::EntityType::PERSON);
    const double values[] = {0.1, 1.0 / 3.0, 1e-07, 123456.789, 5e-324, 1.7976931348623157e308, 2.0};
    for (std::size_t i = 0; i < std::size(values); ++i)
        g.add_relation(a, "praised", b, values[i], kgtest::ev("d", i, "s" + std::to_string(i)));
    const std::string json = as(g, kg::Format::json);
    const std::string graphml = as(g, kg::Format::graphml);
    for (const std::string& text : {json, graphml}) {
        const kg::KnowledgeGraph r = text[0] == '{' ? kg::parse_json(text, "x") : kg::parse_graphml(text, "x");
        CHECK(as(r, text[0] == '{' ? kg::Format::json : kg::Format::graphml) == text);
    }
    // Each value on its own edge, to see every spelling.
    kg::KnowledgeGraph h;
    for (std::size_t i = 0; i < std::size(values); ++i) {
        kg::Vertex s = h.add_entity("S" + std::to_string(i), kg::EntityType::PERSON);
        kg::Edge e = h.add_relation(s, "praised", b = h.add_entity("T", kg::EntityType::PERSON), values[i],
                                    kgtest::ev("d", i, "x"));
        h.set_weight(e, values[i]);
    }
    const std::string hj = as(h, kg::Format::json), hg = as(h, kg::Format::graphml);
    for (const char* s : {"0.1", "0.3333333333333333", "1e-07", "123456.789", "5e-324", "1.7976931348623157e+308"}) {
        CHECK(hj.find(std::string("\"weight\": ") + s + ",") != std::string::npos);
        CHECK(hg.find(std::string("\"e_weight\">") + s + "<") != std::string::npos);
    }
    CHECK(hj.find("\"weight\": 2.0,") != std::string::npos);  // a float for Python
    CHECK(hg.find("\"e_weight\">2<") != std::string::npos);   // xs:double needs no ".0"
    CHECK(as(kg::parse_json(hj, "h"), kg::Format::json) == hj);
    CHECK(as(kg::parse_graphml(hg, "h"), kg::Format::graphml) == hg);
}

TEST_CASE("read: a NaN weight survives JSON (null) and GraphML (NaN)") {
    kg::KnowledgeGraph g;
    kg::Edge e = g.add_relation(g.add_entity("A", kg::EntityType::PERSON), "praised",
                                g.add_entity("B", kg::EntityType::PERSON), 0.5, kgtest::ev("d", 0, "x"));
    g.set_weight(e, std::nan(""));
    const std::string j = as(g, kg::Format::json), x = as(g, kg::Format::graphml);
    CHECK(j.find("\"weight\": null") != std::string::npos);
    CHECK(std::isnan(g.graph()[*boost::edges(kg::parse_json(j, "j").graph()).first].weight));
    CHECK(as(kg::parse_json(j, "j"), kg::Format::json) == j);
    CHECK(as(kg::parse_graphml(x, "x"), kg::Format::graphml) == x);
}

TEST_CASE("read: NetworkX node-link JSON (links, numeric ids, no types or weights)") {
    const std::string nx = R"({"directed": true, "multigraph": true, "graph": {},
      "nodes": [{"id": "Alice"}, {"id": 7, "name": "Seven"}, {"id": "acme", "label": "Acme", "type": "COMPANY"}],
      "links": [{"source": "Alice", "target": 7, "key": 0},
                {"source": "Alice", "target": 7, "key": 0, "label": "likes", "weight": 3},
                {"source": 7, "target": "acme", "key": 1, "type": "x", "confidence": 0.25}]})";
    const kg::KnowledgeGraph g = kg::parse_json(nx, "nx.json");
    const kg::Graph& gr = g.graph();
    REQUIRE(g.num_entities() == 3);
    CHECK(gr[0].label == "Alice");
    CHECK(gr[0].type == kg::EntityType::UNKNOWN);
    CHECK(gr[1].id == "7");
    CHECK(gr[1].label == "Seven");
    CHECK(gr[2].type == kg::EntityType::COMPANY);
    std::vector<kg::Relation> rs;
    for (auto e : boost::make_iterator_range(boost::edges(gr))) rs.push_back(gr[e]);
    REQUIRE(rs.size() == 3);
    CHECK(rs[0].predicate == "related_to");
    CHECK(rs[0].weight == 1.0);
    CHECK(rs[0].confidence == 1.0);
    CHECK(rs[0].id == "Alice--related_to--7");
    CHECK(rs[1].predicate == "likes");
    CHECK(rs[1].weight == 3.0);
    CHECK(rs[1].id == "Alice--likes--7");
    CHECK(rs[2].confidence == 0.25);
}

TEST_CASE("read: node-link JSON with members in any order and repeated keys (the first counts)") {
    const std::string nodes = R"("nodes": [{"id": "a", "label": "A", "label": "B", "type": 5, "type": "PERSON"},
                {"id": 2, "aliases": ["x", 1, "y"], "mentions": "in d"}])";
    const std::string edges = R"("edges": [{"source": "a", "target": 2, "weight": "heavy", "weight": 2, "evidence": "said so"},
                {"source": 2, "target": "a", "id": "", "key": "k", "predicate": "p",
                 "evidence": [{"text": "t", "negated": true, "modality": "expected"}, 3]}])";
    const std::string graph = R"("graph": {"documents": [{"id": "d", "source": "s", "bytes": 3}, 7]})";
    const std::string in_order = "{" + graph + ",\n" + nodes + ",\n" + edges + "}";
    const kg::KnowledgeGraph g = kg::parse_json(in_order, "o.json");
    const kg::Graph& gr = g.graph();
    REQUIRE(g.num_entities() == 2);
    CHECK(gr[0].label == "A");
    CHECK(gr[0].type == kg::EntityType::UNKNOWN);
    CHECK(gr[1].label == "2");
    CHECK(gr[1].aliases == std::vector<std::string>{"x", "y"});
    REQUIRE(gr[1].mentions.size() == 1);
    CHECK(gr[1].mentions[0].text == "in d");
    std::vector<kg::Relation> rs;
    for (auto e : boost::make_iterator_range(boost::edges(gr))) rs.push_back(gr[e]);
    REQUIRE(rs.size() == 2);
    CHECK(std::isnan(rs[0].weight));
    CHECK(rs[0].id == "a--related_to--2");
    REQUIRE(rs[0].evidence.size() == 1);
    CHECK(rs[0].evidence[0].text == "said so");
    CHECK(rs[1].id == "k");
    CHECK(rs[1].predicate == "p");
    REQUIRE(rs[1].evidence.size() == 1);
    CHECK(rs[1].evidence[0].negated);
    CHECK(rs[1].evidence[0].modality == "expected");
    REQUIRE(g.documents().size() == 1);
    CHECK(g.documents()[0].bytes == 3);
    // Edges before nodes, a repeated top-level key, both edge list names: the same graph.
    const std::string expected = as(g, kg::Format::json);
    CHECK(as(kg::parse_json("{" + edges + ",\n" + nodes + ",\n" + graph + "}", "r.json"), kg::Format::json) == expected);
    CHECK(as(kg::parse_json("{" + graph + ",\n" + nodes + ",\n" + edges + ",\n\"graph\": {}}", "r.json"),
             kg::Format::json) == expected);
    CHECK(as(kg::parse_json("{\"links\": 5,\n" + graph + ",\n" + nodes + ",\n" + edges + "}", "r.json"),
             kg::Format::json) == expected);
    // A syntax error is reported even after a structural one.
    CHECK(error_of([] { kg::parse_json("{\"nodes\": [{\"id\": \"a\"}, {\"id\": \"a\"}],\n \"x\": }", "s.json"); })
              .rfind("s.json:2:7: invalid JSON", 0) == 0);
}

TEST_CASE("read: igraph-style GraphML (name attribute, no edge ids, key defaults)") {
    const std::string ig = R"(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="v_name" for="node" attr.name="name" attr.type="string"/>
  <key id="e_weight" for="edge" attr.name="weight" attr.type="double"><default>2.5</default></key>
  <key id="e_rel" for="edge" attr.name="predicate" attr.type="string"/>
  <graph id="G" edgedefault="directed">
    <node id="n0"><data key="v_name">Li &amp; Co</data></node>
    <node id="n1"><data key="v_name"><![CDATA[<Beijing>]]></data></node>
    <node id="n2"/>
    <edge source="n0" target="n1"><data key="e_rel">based_in</data></edge>
    <edge source="n0" target="n1"><data key="e_rel">based_in</data><data key="e_weight">4</data></edge>
  </graph>
</graphml>
)";
    const kg::KnowledgeGraph g = kg::parse_graphml(ig, "ig.graphml");
    const kg::Graph& gr = g.graph();
    REQUIRE(g.num_entities() == 3);
    CHECK(gr[0].label == "Li & Co");
    CHECK(gr[1].label == "<Beijing>");
    CHECK(gr[2].label == "n2");
    CHECK(gr[2].type == kg::EntityType::UNKNOWN);
    std::vector<kg::Relation> rs;
    for (auto e : boost::make_iterator_range(boost::edges(gr))) rs.push_back(gr[e]);
    REQUIRE(rs.size() == 2);
    CHECK(rs[0].weight == 2.5);  // the key's default
    CHECK(rs[1].weight == 4.0);
    CHECK(rs[0].id == "n0--based_in--n1");
    CHECK(rs[1].id == "n0--based_in--n1-2");  // generated ids stay unique
}

TEST_CASE("read: malformed files name the file and the place") {
    CHECK(error_of([] { kg::parse_json("{\"nodes\": [\n  {\"id\": }]}", "bad.json"); })
              .rfind("bad.json:2:10: invalid JSON", 0) == 0);
    CHECK(error_of([] { kg::parse_json("[]", "a.json"); }).find("a.json") == 0);
    CHECK(error_of([] { kg::parse_json("{\"edges\": []}", "a.json"); }).find("\"nodes\"") != std::string::npos);
    CHECK(error_of([] { kg::parse_json(R"({"nodes": [{"id": "a"}, {"id": "a"}]})", "d.json"); }) ==
          "d.json: nodes[1]: duplicate node id 'a'");
    CHECK(error_of([] { kg::parse_json(R"({"nodes": [{"label": "a"}]})", "d.json"); }).find("nodes[0]") !=
          std::string::npos);
    CHECK(error_of([] { kg::parse_json(R"({"nodes": [{"id": "a"}], "edges": [{"source": "a", "target": "b"}]})",
                                       "e.json"); }) == "e.json: edges[0]: target 'b' is not a node");
    CHECK(error_of([] { kg::parse_json("{\"nodes\": [{\"id\": \"\xFF\"}]}", "u.json"); }).rfind("u.json:1:", 0) == 0);
    CHECK(error_of([] { kg::parse_graphml("<graphml>\n<graph>\n<node id='a'>\n</graph>", "x.graphml"); })
              .rfind("x.graphml:4:", 0) == 0);
    CHECK(error_of([] { kg::parse_graphml("<?xml version='1.0'?>\n<gexf/>", "x.graphml"); }) ==
          "x.graphml:2:1: root element is <gexf>, not <graphml>");
    CHECK(error_of([] {
              kg::parse_graphml("<graphml><key id='f' for='node' attr.name='frequency'/><graph>\n"
                                "<node id='a'><data key='f'>many</data></node></graph></graphml>",
                                "f.graphml");
          }).rfind("f.graphml:2:1: node 'a': frequency 'many'", 0) == 0);
    CHECK(error_of([] { kg::parse_graphml("<graphml><graph><edge source='a' target='b'/></graph></graphml>", "e.graphml"); })
              .find("e.graphml:1:17: edge source 'a' is not a node") == 0);
}

TEST_CASE("read: read_graph tells JSON from GraphML by content, and reports unreadable files") {
    char dir[] = "/tmp/kg_read_XXXXXX";
    REQUIRE(mkdtemp(dir) != nullptr);
    const std::string d = dir;
    const kg::KnowledgeGraph g = hostile();
    kg::write_file(g, kg::Format::json, d + "/g.data");
    kg::write_file(g, kg::Format::yed, d + "/h.data");
    CHECK(as(kg::read_graph(d + "/g.data"), kg::Format::json) == as(g, kg::Format::json));
    CHECK(as(kg::read_json(d + "/g.data"), kg::Format::json) == as(g, kg::Format::json));
    CHECK(as(kg::read_graph(d + "/h.data"), kg::Format::yed) == as(g, kg::Format::yed));
    CHECK(as(kg::read_graphml(d + "/h.data"), kg::Format::yed) == as(g, kg::Format::yed));
    { std::ofstream(d + "/t.data") << "\n  hello"; }
    CHECK(error_of([&] { kg::read_graph(d + "/t.data"); }) ==
          d + "/t.data:2:3: not a saved graph: expected node-link JSON ('{') or GraphML ('<')");
    { std::ofstream(d + "/e.data") << ""; }
    CHECK(error_of([&] { kg::read_graph(d + "/e.data"); }).find("empty file") != std::string::npos);
    CHECK(error_of([&] { kg::read_graph(d + "/missing.json"); }).rfind(d + "/missing.json: ", 0) == 0);
    kgtest::run("rm -rf '" + d + "'");
}

TEST_CASE("read: GraphML files are UTF-8 through the whole window, and bad bytes are refused with their place") {
    // Labels dense in 2-, 3- and 4-byte sequences over several megabytes, so the streaming reader's
    // window boundaries fall inside sequences.
    kg::KnowledgeGraph g;
    const std::string word = "\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x9A\x80";  // é 中 🚀
    kg::Vertex prev{};
    for (int i = 0; i < 60000; ++i) {
        std::string label = "n" + std::to_string(i) + " ";
        for (int k = 0; k < 6 + i % 5; ++k) label += word;
        kg::Vertex v = g.add_entity(label, kg::EntityType::PERSON);
        if (i) g.add_relation(prev, "meets", v, 1.0, {});
        prev = v;
    }
    std::ostringstream out;
    kg::write_graphml(g, out);
    const std::string text = out.str();
    REQUIRE(text.size() > 9u * 1024 * 1024);

    char dir[] = "/tmp/kg_utf8_XXXXXX";
    REQUIRE(mkdtemp(dir) != nullptr);
    const std::string good = std::string(dir) + "/good.graphml", bad = std::string(dir) + "/bad.graphml";
    std::ofstream(good, std::ios::binary) << text;
    std::ostringstream again;
    kg::write_graphml(kg::read_graphml(good), again);
    CHECK(again.str() == text);

    // One byte of a sequence cut off deep in the file: refused on both paths, with its line.
    std::string broken = text;
    const std::size_t at = broken.rfind(word);
    REQUIRE(at != std::string::npos);
    REQUIRE(at > 5u * 1024 * 1024);
    broken.erase(at + 1, 1);
    std::ofstream(bad, std::ios::binary) << broken;
    const std::string line = std::to_string(1 + std::count(broken.begin(), broken.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
    CHECK(error_of([&] { kg::read_graphml(bad); }).find("bad.graphml:" + line + ":") != std::string::npos);
    CHECK(error_of([&] { kg::read_graphml(bad); }).find("invalid UTF-8") != std::string::npos);
    CHECK(error_of([&] { kg::parse_graphml(broken, "b"); }).find("b:" + line + ":") != std::string::npos);
    std::remove(good.c_str());
    std::remove(bad.c_str());
    rmdir(dir);
}
