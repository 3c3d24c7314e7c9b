// write_graphml: typed keys, ids equal to JSON ids, escaping, schema validity, NetworkX loading, determinism.
#include <doctest/doctest.h>

#include "helpers.hpp"

#include <kg/export.hpp>
#include <kg/version.hpp>

#include <pugixml.hpp>

#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <unistd.h>

namespace {

const std::string kHostile = "Acme \"Rockets\" & <Sons>, Ltd.\n\x01 \xF0\x9F\x9A\x80 ]]> end";
const std::string kReplaced = "Acme \"Rockets\" & <Sons>, Ltd.\n\xEF\xBF\xBD \xF0\x9F\x9A\x80 ]]> end";

kg::KnowledgeGraph hostile_graph() {
    kg::KnowledgeGraph g;
    g.add_document({"d1", "d1.txt", 100});
    kg::DocExtraction x;
    x.doc = "d1";
    kg::DocEntity acme;
    acme.name = kHostile;
    acme.type = kg::EntityType::COMPANY;
    acme.aliases = {"Acme", "Acme, \"the\" <firm>"};
    acme.mentions = {kgtest::ev("d1", 0, "Acme"), kgtest::ev("d1", 30, "Acme"), kgtest::ev("d1", 50, "Acme")};
    x.entities.push_back(acme);
    g.add(x);
    kg::Vertex acme_v = *g.find(kHostile, kg::EntityType::COMPANY);
    kg::Vertex us = g.add_entity("United States", kg::EntityType::COUNTRY);
    kg::Vertex cn = g.add_entity("China", kg::EntityType::COUNTRY);
    kg::Vertex bad = g.add_entity("Bad\xFF\x02Name\xEF\xBF\xBF", kg::EntityType::PERSON);  // invalid, C0, U+FFFF
    g.add_relation(us, "competes_with", cn, 0.5, kgtest::ev("d1", 5, "US races China."));
    g.add_relation(acme_v, "based_in", us, 0.75, kgtest::ev("d1", 10, "Acme & co.\r\nof the <US>\x01"));
    g.add_relation(acme_v, "based_in", us, 0.25, kgtest::ev("d1", 60, "Acme is American."));
    g.add_relation(bad, "works_for", acme_v, 1.0, kgtest::ev("d1", 70, "Bad works for Acme."));
    return g;
}

const kg::KnowledgeGraph& hostile_graph_instance() {
    static const kg::KnowledgeGraph g = hostile_graph();
    return g;
}

std::string to_graphml(const kg::KnowledgeGraph& g) {
    std::ostringstream out;
    kg::write_graphml(g, out);
    return out.str();
}

void load(pugi::xml_document& doc, const std::string& text) {
    pugi::xml_parse_result r = doc.load_buffer(text.data(), text.size(), pugi::parse_default | pugi::parse_declaration,
                                               pugi::encoding_utf8);
    REQUIRE_MESSAGE(r, "XML parse error: " << r.description() << " at " << r.offset);
}

// key id -> data text of an element's <data> children
std::map<std::string, std::string> data_of(const pugi::xml_node& n) {
    std::map<std::string, std::string> out;
    for (pugi::xml_node d : n.children("data")) out[d.attribute("key").value()] = d.text().get();
    return out;
}

struct TempDir {
    std::string path;
    TempDir() {
        char tmpl[] = "/tmp/kg_graphml_XXXXXX";
        REQUIRE(mkdtemp(tmpl) != nullptr);
        path = tmpl;
    }
    ~TempDir() { kgtest::run("rm -rf '" + path + "'"); }
};

std::string write_temp(const TempDir& dir, const std::string& name, const std::string& text) {
    const std::string file = dir.path + "/" + name;
    std::ofstream f(file, std::ios::binary);
    f << text;
    return file;
}

}  // namespace

TEST_CASE("graphml: declaration, namespace, typed keys") {
    const std::string text = to_graphml(hostile_graph());
    CHECK(text.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", 0) == 0);
    pugi::xml_document doc;
    load(doc, text);
    pugi::xml_node root = doc.child("graphml");
    REQUIRE(root);
    CHECK(std::string(root.attribute("xmlns").value()) == "http://graphml.graphdrawing.org/xmlns");
    CHECK(std::string(root.attribute("xsi:schemaLocation").value()).find("graphml.xsd") != std::string::npos);

    std::set<std::string> ids;
    std::set<std::pair<std::string, std::string>> declared;
    std::map<std::string, std::string> type_of;
    for (pugi::xml_node k : root.children("key")) {
        const std::string id = k.attribute("id").value();
        const std::string type = k.attribute("attr.type").value();
        const std::string for_ = k.attribute("for").value();
        const std::string name = k.attribute("attr.name").value();
        CHECK_MESSAGE(ids.insert(id).second, "duplicate key id " << id);
        CHECK_MESSAGE(declared.insert({for_, name}).second, "key declared twice: " << for_ << " " << name);
        CHECK(id != "d3");
        CHECK(id != "d7");
        CHECK((type == "int" || type == "double" || type == "string" || type == "boolean"));
        type_of[for_ + ":" + name] = type;
    }
    CHECK(type_of["node:label"] == "string");
    CHECK(type_of["node:type"] == "string");
    CHECK(type_of["node:aliases"] == "string");
    CHECK(type_of["node:frequency"] == "int");
    CHECK(type_of["edge:label"] == "string");
    CHECK(type_of["edge:predicate"] == "string");
    CHECK(type_of["edge:weight"] == "double");
    CHECK(type_of["edge:confidence"] == "double");
    CHECK(type_of["edge:evidence"] == "string");

    pugi::xml_node graph = root.child("graph");
    CHECK(std::string(graph.attribute("edgedefault").value()) == "directed");
    CHECK(data_of(graph)["g_generator"] == std::string("libkg ") + kg::version());
}

TEST_CASE("graphml: nodes and edges carry the JSON ids and values") {
    pugi::xml_document doc;
    load(doc, to_graphml(hostile_graph()));
    pugi::xml_node graph = doc.child("graphml").child("graph");

    std::vector<pugi::xml_node> nodes;
    for (pugi::xml_node n : graph.children("node")) nodes.push_back(n);
    REQUIRE(nodes.size() == 4);
    CHECK(std::string(nodes[0].attribute("id").value()) == "acme-rockets-sons-ltd-end");
    auto acme = data_of(nodes[0]);
    CHECK(acme["n_label"] == kReplaced);  // \x01 is not allowed in XML 1.0
    CHECK(acme["n_type"] == "COMPANY");
    CHECK(acme["n_aliases"] == "Acme; Acme, \"the\" <firm>");
    CHECK(acme["n_frequency"] == "3");
    CHECK(std::string(nodes[1].attribute("id").value()) == "united-states");
    CHECK(data_of(nodes[1]).count("n_aliases") == 0);
    CHECK(data_of(nodes[1])["n_frequency"] == "0");
    CHECK(std::string(nodes[2].attribute("id").value()) == "china");
    CHECK(data_of(nodes[3])["n_label"] == "Bad\xEF\xBF\xBD\xEF\xBF\xBDName\xEF\xBF\xBD");

    std::vector<pugi::xml_node> edges;
    for (pugi::xml_node e : graph.children("edge")) edges.push_back(e);
    REQUIRE(edges.size() == 3);
    // Insertion order, symmetric predicate in canonical direction.
    CHECK(std::string(edges[0].attribute("id").value()) == "china--competes_with--united-states");
    CHECK(std::string(edges[0].attribute("source").value()) == "china");
    CHECK(std::string(edges[0].attribute("target").value()) == "united-states");

    CHECK(std::string(edges[1].attribute("id").value()) == "acme-rockets-sons-ltd-end--based_in--united-states");
    CHECK(std::string(edges[1].attribute("source").value()) == "acme-rockets-sons-ltd-end");
    auto based = data_of(edges[1]);
    CHECK(based["e_label"] == "based_in");
    CHECK(based["e_predicate"] == "based_in");
    CHECK(std::stod(based["e_weight"]) == 2.0);
    CHECK(std::stod(based["e_confidence"]) == 0.75);
    // CR survives as a reference; the C0 control does not.
    CHECK(based["e_evidence"] == "Acme & co.\r\nof the <US>\xEF\xBF\xBD");
    CHECK(std::string(edges[2].attribute("source").value()) == "bad-name");
}

TEST_CASE("graphml: raw text never contains forbidden characters or unescaped markup") {
    const std::string text = to_graphml(hostile_graph());
    CHECK(text.find('\x01') == std::string::npos);
    CHECK(text.find('\x02') == std::string::npos);
    CHECK(text.find('\r') == std::string::npos);
    CHECK(text.find("]]>") == std::string::npos);
    CHECK(text.find("&lt;Sons&gt;") != std::string::npos);
    CHECK(text.find("\xEF\xBF\xBF") == std::string::npos);
    CHECK(text.find("\"d3\"") == std::string::npos);
    CHECK(text.find("\"d7\"") == std::string::npos);
}

TEST_CASE("graphml: hostile ids are escaped in attributes") {
    kg::KnowledgeGraph g;
    kg::Entity a;
    a.id = "a\"<b>&c\td\ne";
    a.label = "A";
    kg::Entity b;
    b.id = "b";
    b.label = "B";
    kg::Vertex va = g.insert_entity(a);
    kg::Vertex vb = g.insert_entity(b);
    kg::Relation r;
    r.id = "e\"1'";
    r.predicate = "supports";
    r.weight = 1;
    g.insert_relation(va, vb, r);
    pugi::xml_document doc;
    load(doc, to_graphml(g));
    pugi::xml_node graph = doc.child("graphml").child("graph");
    CHECK(std::string(graph.child("node").attribute("id").value()) == a.id);  // tab and newline not normalized
    CHECK(std::string(graph.child("edge").attribute("id").value()) == r.id);
    CHECK(std::string(graph.child("edge").attribute("source").value()) == a.id);
}

TEST_CASE("graphml: validates against graphml.xsd") {
    if (kgtest::run("command -v xmllint >/dev/null 2>&1").first != 0) {
        MESSAGE("xmllint not installed; skipping schema validation");
        return;
    }
    TempDir dir;
    const std::string schema = std::string(KG_TEST_DATA) + "/graphml/graphml.xsd";
    const kg::KnowledgeGraph empty;
    for (const auto* graph : {&hostile_graph_instance(), &empty}) {
        const std::string file = write_temp(dir, graph == &empty ? "empty.graphml" : "hostile.graphml",
                                            to_graphml(*graph));
        auto [status, out] = kgtest::run("xmllint --noout --schema '" + schema + "' '" + file + "' 2>&1");
        CHECK_MESSAGE(status == 0, out);
        CHECK(out.find("validates") != std::string::npos);
    }
    // The check can fail: a bad edgedefault is rejected.
    std::string broken = to_graphml(hostile_graph());
    broken.replace(broken.find("edgedefault=\"directed\""), 22, "edgedefault=\"sideways\"");
    const std::string file = write_temp(dir, "broken.graphml", broken);
    CHECK(kgtest::run("xmllint --noout --schema '" + schema + "' '" + file + "' 2>/dev/null").first != 0);
}

TEST_CASE("graphml: NetworkX reads it with typed attributes") {
    if (kgtest::run("python3 -c 'import networkx' 2>/dev/null").first != 0) {
        MESSAGE("python3 with networkx not available; skipping");
        return;
    }
    TempDir dir;
    const std::string file = write_temp(dir, "g.graphml", to_graphml(hostile_graph()));
    const std::string py = write_temp(dir, "check.py",
        "import networkx as nx\n"
        "G = nx.read_graphml('" + file + "')\n"
        "assert G.is_directed()\n"
        "assert G.number_of_nodes() == 4 and G.number_of_edges() == 3\n"
        "a = 'acme-rockets-sons-ltd-end'\n"
        "assert G.nodes[a]['frequency'] == 3 and isinstance(G.nodes[a]['frequency'], int)\n"
        "assert G.nodes[a]['type'] == 'COMPANY'\n"
        "d = G.get_edge_data(a, 'united-states')\n"
        "d = d.get(a + '--based_in--united-states', d)\n"
        "assert d['weight'] == 2.0 and isinstance(d['weight'], float), d\n"
        "assert d['label'] == 'based_in' and d['predicate'] == 'based_in', d\n"
        "print('ok')\n");
    auto [status, out] = kgtest::run("python3 '" + py + "' 2>&1");
    CHECK_MESSAGE(status == 0, out);
    CHECK(out == "ok\n");
}

TEST_CASE("graphml: deterministic bytes, same via write()") {
    const kg::KnowledgeGraph g = hostile_graph();
    const std::string a = to_graphml(g);
    CHECK(a == to_graphml(hostile_graph()));
    std::ostringstream via_write;
    kg::write(g, kg::Format::graphml, via_write);
    CHECK(via_write.str() == a);
}
