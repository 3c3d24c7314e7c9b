// write_json: NetworkX node-link shape, escaping of hostile text, edge order, determinism, NetworkX loading.
#include <doctest/doctest.h>

#include "helpers.hpp"

#include <kg/export.hpp>
#include <kg/extract.hpp>
#include <kg/version.hpp>

#include <rapidjson/document.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

namespace {

const std::string kHostile = "Acme \"Rockets\" & <Sons>, Ltd.\n\x01 \xF0\x9F\x9A\x80 back\\slash";
const std::string kHostileAlias = "Acme, \"the\" <firm>";

// A graph with hostile text, an invalid UTF-8 label, a symmetric predicate given in non-canonical direction,
// a relation with two evidences (and one repeated), and edges inserted out of source-vertex order.
kg::KnowledgeGraph hostile_graph() {
    kg::KnowledgeGraph g;
    g.add_document({"d1", "articles/d1.txt", 120});
    g.add_document({"d2", "-", 80});

    kg::DocExtraction x;
    x.doc = "d1";
    kg::DocEntity acme;
    acme.name = kHostile;
    acme.type = kg::EntityType::COMPANY;
    acme.aliases = {kHostileAlias, "Acme"};
    acme.mentions = {kgtest::ev("d1", 0, "Acme"), kgtest::ev("d1", 40, "Acme \"Rockets\"")};
    x.entities.push_back(acme);
    g.add(x);

    kg::Vertex acme_v = *g.find(kHostile, kg::EntityType::COMPANY);       // vertex 0
    kg::Vertex us = g.add_entity("United States", kg::EntityType::COUNTRY);  // vertex 1
    kg::Vertex cn = g.add_entity("China", kg::EntityType::COUNTRY);          // vertex 2
    kg::Vertex bad = g.add_entity("Bad\xFF\xFEName", kg::EntityType::PERSON);  // vertex 3

    // Inserted first although its source is vertex 1: edges() order per source would put it after acme's.
    g.add_relation(us, "competes_with", cn, 0.5, kgtest::ev("d2", 0, "The US races China."));
    g.add_relation(acme_v, "based_in", us, 0.75, kgtest::ev("d1", 10, "Acme, of the US, said \"hi\"."));
    g.add_relation(acme_v, "based_in", us, 0.9, kgtest::ev("d2", 20, "Acme is American.\tTab"));
    g.add_relation(acme_v, "based_in", us, 0.1, kgtest::ev("d2", 20, "Acme is American.\tTab"));  // repeat
    g.add_relation(bad, "works_for", acme_v, 1.0, kgtest::ev("d1", 60, "Bad\xFF works for Acme."));
    return g;
}

std::string to_json(const kg::KnowledgeGraph& g) {
    std::ostringstream out;
    kg::write_json(g, out);
    return out.str();
}

rapidjson::Document parse(const std::string& text) {
    rapidjson::Document d;
    d.Parse<rapidjson::kParseValidateEncodingFlag>(text.data(), text.size());
    REQUIRE_MESSAGE(!d.HasParseError(), "parse error " << d.GetParseError() << " at " << d.GetErrorOffset());
    return d;
}

std::vector<std::string> member_names(const rapidjson::Value& obj) {
    std::vector<std::string> names;
    for (auto it = obj.MemberBegin(); it != obj.MemberEnd(); ++it) names.emplace_back(it->name.GetString());
    return names;
}

std::string str(const rapidjson::Value& v) { return std::string(v.GetString(), v.GetStringLength()); }

}  // namespace

TEST_CASE("json: top-level shape and graph attributes") {
    const rapidjson::Document d = parse(to_json(hostile_graph()));
    CHECK(member_names(d) == std::vector<std::string>{"directed", "multigraph", "graph", "nodes", "edges"});
    CHECK(d["directed"].GetBool());
    CHECK(d["multigraph"].GetBool());
    const auto& graph = d["graph"];
    CHECK(member_names(graph) == std::vector<std::string>{"documents", "generator", "offsets"});
    CHECK(member_names(graph["offsets"]) ==
          std::vector<std::string>{"start", "end", "cp_start", "cp_end", "salience.first"});
    CHECK(str(graph["generator"]) == std::string("libkg ") + kg::version());
    const auto& docs = graph["documents"];
    REQUIRE(docs.Size() == 2);
    CHECK(member_names(docs[0]) == std::vector<std::string>{"id", "source", "bytes"});
    CHECK(str(docs[0]["id"]) == "d1");
    CHECK(str(docs[0]["source"]) == "articles/d1.txt");
    CHECK(docs[0]["bytes"].GetUint64() == 120);
    CHECK(str(docs[1]["source"]) == "-");
}

TEST_CASE("json: nodes in vertex order with hostile text round-tripped") {
    const rapidjson::Document d = parse(to_json(hostile_graph()));
    const auto& nodes = d["nodes"];
    REQUIRE(nodes.Size() == 4);
    CHECK(member_names(nodes[0]) ==
          std::vector<std::string>{"id", "label", "type", "aliases", "frequency", "mentions", "salience", "joins"});
    CHECK(str(nodes[0]["id"]) == "acme-rockets-sons-ltd-back-slash");
    CHECK(str(nodes[0]["label"]) == kHostile);  // quotes, <, &, newline, \x01, emoji, backslash survive
    CHECK(str(nodes[0]["type"]) == "COMPANY");
    REQUIRE(nodes[0]["aliases"].Size() == 2);
    CHECK(str(nodes[0]["aliases"][0]) == "Acme");  // aliases are kept sorted bytewise
    CHECK(str(nodes[0]["aliases"][1]) == kHostileAlias);
    CHECK(nodes[0]["frequency"].GetUint64() == 2);
    const auto& m = nodes[0]["mentions"];
    REQUIRE(m.Size() == 2);
    CHECK(member_names(m[1]) == std::vector<std::string>{"doc", "start", "end", "text"});
    CHECK(str(m[1]["doc"]) == "d1");
    CHECK(m[1]["start"].GetUint64() == 40);
    CHECK(m[1]["end"].GetUint64() == 40 + std::string("Acme \"Rockets\"").size());
    CHECK(str(m[1]["text"]) == "Acme \"Rockets\"");

    CHECK(str(nodes[1]["id"]) == "united-states");
    CHECK(str(nodes[2]["id"]) == "china");
    CHECK(nodes[2]["aliases"].Size() == 0);
    CHECK(nodes[2]["frequency"].GetUint64() == 0);
    CHECK(str(nodes[3]["id"]) == "bad-name");
    CHECK(str(nodes[3]["label"]) == "Bad\xEF\xBF\xBD\xEF\xBF\xBDName");  // each invalid byte -> U+FFFD
}

TEST_CASE("json: control characters are escaped, never raw") {
    const std::string text = to_json(hostile_graph());
    CHECK(text.find('\x01') == std::string::npos);
    CHECK(text.find("\\u0001") != std::string::npos);
    CHECK(text.find("\\n") != std::string::npos);
    CHECK(text.find("\\\"Rockets\\\"") != std::string::npos);
    CHECK(text.find("\\\\slash") != std::string::npos);
    CHECK(text.find('\xFF') == std::string::npos);
    CHECK(text.back() == '\n');
}

TEST_CASE("json: edges in insertion order with weight, confidence and evidence") {
    const rapidjson::Document d = parse(to_json(hostile_graph()));
    const auto& edges = d["edges"];
    REQUIRE(edges.Size() == 3);
    CHECK(member_names(edges[0]) == std::vector<std::string>{"id", "source", "target", "key", "predicate", "weight",
                                                             "confidence", "asserted", "hedged", "negated", "former",
                                                             "evidence"});
    // Symmetric predicate stored with subject id < object id, whatever order it was given in.
    CHECK(str(edges[0]["id"]) == "china--competes_with--united-states");
    CHECK(str(edges[0]["source"]) == "china");
    CHECK(str(edges[0]["target"]) == "united-states");
    CHECK(str(edges[0]["key"]) == str(edges[0]["id"]));
    CHECK(edges[0]["weight"].GetDouble() == 1.0);

    const auto& based = edges[1];
    CHECK(str(based["id"]) == "acme-rockets-sons-ltd-back-slash--based_in--united-states");
    CHECK(str(based["source"]) == "acme-rockets-sons-ltd-back-slash");
    CHECK(str(based["predicate"]) == "based_in");
    CHECK(based["weight"].IsDouble());
    CHECK(based["weight"].GetDouble() == 2.0);  // two distinct evidences; the repeat is not counted
    CHECK(based["confidence"].GetDouble() == 0.9);
    REQUIRE(based["evidence"].Size() == 2);
    CHECK(str(based["evidence"][0]["text"]) == "Acme, of the US, said \"hi\".");
    CHECK(str(based["evidence"][1]["doc"]) == "d2");
    CHECK(based["evidence"][1]["start"].GetUint64() == 20);
    CHECK(str(based["evidence"][1]["text"]) == "Acme is American.\tTab");

    CHECK(str(edges[2]["source"]) == "bad-name");
    CHECK(str(edges[2]["evidence"][0]["text"]) == "Bad\xEF\xBF\xBD works for Acme.");
}

TEST_CASE("json: exact bytes of a small graph") {
    kg::KnowledgeGraph g;
    g.add_document({"a", "a.txt", 9});
    kg::Vertex x = g.add_entity("X", kg::EntityType::PERSON);
    kg::Vertex y = g.add_entity("Y", kg::EntityType::COMPANY);
    g.add_relation(x, "works_for", y, 0.5, kgtest::ev("a", 0, "X at Y."));
    g.set_mentions(y, {kg::Mention{"a", 5, 6, "Y"}, kg::Mention{"a", 0, 1, "X"}, kg::Mention{"b", 3, 4, "Y"}});
    g.add_join(x, kg::AliasJoin{"Ex", "b", 0.6});
    const std::string expected = std::string(R"({
 "directed": true,
 "multigraph": true,
 "graph": {
  "documents": [
   {
    "id": "a",
    "source": "a.txt",
    "bytes": 9
   }
  ],
  "generator": "libkg )") + kg::version() + R"(",
  "offsets": {
   "start": "utf8_bytes",
   "end": "utf8_bytes",
   "cp_start": "code_points",
   "cp_end": "code_points",
   "salience.first": "utf8_bytes"
  }
 },
 "nodes": [
  {
   "id": "x",
   "label": "X",
   "type": "PERSON",
   "aliases": [
    "Ex"
   ],
   "frequency": 0,
   "mentions": [],
   "salience": [],
   "joins": [
    {
     "alias": "Ex",
     "doc": "b",
     "confidence": 0.6
    }
   ]
  },
  {
   "id": "y",
   "label": "Y",
   "type": "COMPANY",
   "aliases": [],
   "frequency": 0,
   "mentions": [
    {
     "doc": "a",
     "start": 5,
     "end": 6,
     "text": "Y"
    },
    {
     "doc": "a",
     "start": 0,
     "end": 1,
     "text": "X"
    },
    {
     "doc": "b",
     "start": 3,
     "end": 4,
     "text": "Y"
    }
   ],
   "salience": [{"doc":"a","first":0,"count":2},{"doc":"b","first":3,"count":1}],
   "joins": []
  }
 ],
 "edges": [
  {
   "id": "x--works_for--y",
   "source": "x",
   "target": "y",
   "key": "x--works_for--y",
   "predicate": "works_for",
   "weight": 1.0,
   "confidence": 0.5,
   "asserted": 1,
   "hedged": 0,
   "negated": 0,
   "former": 0,
   "evidence": [
    {
     "doc": "a",
     "start": 0,
     "end": 7,
     "text": "X at Y."
    }
   ]
  }
 ]
}
)";
    CHECK(to_json(g) == expected);
}

TEST_CASE("json: empty graph is valid") {
    kg::KnowledgeGraph g;
    const rapidjson::Document d = parse(to_json(g));
    CHECK(d["nodes"].Size() == 0);
    CHECK(d["edges"].Size() == 0);
    CHECK(d["graph"]["documents"].Size() == 0);
}

TEST_CASE("json: deterministic bytes") {
    const std::string a = to_json(hostile_graph());
    const std::string b = to_json(hostile_graph());
    const kg::KnowledgeGraph g = hostile_graph();
    CHECK(a == b);
    CHECK(to_json(g) == to_json(g));
    std::ostringstream via_write;
    kg::write(g, kg::Format::json, via_write);
    CHECK(via_write.str() == a);
}

TEST_CASE("json: NetworkX loads it as a directed multigraph") {
    if (kgtest::run("python3 -c 'import networkx' 2>/dev/null").first != 0) {
        MESSAGE("python3 with networkx not available; skipping");
        return;
    }
    char dir[] = "/tmp/kg_json_XXXXXX";
    REQUIRE(mkdtemp(dir) != nullptr);
    const std::string file = std::string(dir) + "/g.json";
    {
        std::ofstream f(file, std::ios::binary);
        kg::write_json(hostile_graph(), f);
    }
    const std::string script = std::string(
        "import json, networkx as nx\n"
        "G = nx.node_link_graph(json.load(open('") + file + "', encoding='utf-8')), edges='edges')\n"
        "assert G.is_directed() and G.is_multigraph()\n"
        "assert G.number_of_nodes() == 4 and G.number_of_edges() == 3, (G.number_of_nodes(), G.number_of_edges())\n"
        "a = 'acme-rockets-sons-ltd-back-slash'\n"
        "e = G.edges[a, 'united-states', a + '--based_in--united-states']\n"
        "assert e['weight'] == 2.0 and e['predicate'] == 'based_in', e\n"
        "assert G.nodes[a]['label'] == 'Acme \"Rockets\" & <Sons>, Ltd.\\n\\x01 \\U0001F680 back\\\\slash'\n"
        "assert G.nodes['bad-name']['label'] == 'Bad\\ufffd\\ufffdName'\n"
        "assert G.has_edge('china', 'united-states') and not G.has_edge('united-states', 'china')\n"
        "assert G.graph['documents'][0]['id'] == 'd1'\n"
        "print('ok')\n";
    const std::string py = std::string(dir) + "/check.py";
    {
        std::ofstream f(py);
        f << script;
    }
    auto [status, out] = kgtest::run("python3 " + py + " 2>&1");
    CHECK_MESSAGE(status == 0, out);
    CHECK(out == "ok\n");
    std::remove(py.c_str());
    std::remove(file.c_str());
    rmdir(dir);
}

TEST_CASE("json: code-point offsets slice the document as Python does; byte offsets as C does") {
    // Two-byte (é, ë), three-byte (中文) and four-byte (an emoji) characters before and inside names.
    std::vector<kg::Document> docs(1);
    docs[0].id = "u";
    docs[0].text = "Zo\xC3\xAB Martin, \xE4\xB8\xAD\xE6\x96\x87 \xF0\x9F\x98\x80 analyst: Microsoft attended the World AI "
                   "Conference in Shanghai. \xC3\x89lodie Dupont of Soci\xC3\xA9t\xC3\xA9 G\xC3\xA9n\xC3\xA9rale met Xi Jinping in "
                   "Beijing.";
    const std::string& text = docs[0].text;
    std::u32string cps;  // the text as Python's str holds it
    std::vector<std::size_t> byte_of;  // byte offset of each code point, and of the end
    for (std::size_t i = 0; i < text.size();) {
        const auto b = static_cast<unsigned char>(text[i]);
        const std::size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        char32_t c = len == 1 ? b : b & (0xFF >> (len + 1));
        for (std::size_t k = 1; k < len; ++k) c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        cps.push_back(c);
        byte_of.push_back(i);
        i += len;
    }
    byte_of.push_back(text.size());
    const std::string json = to_json(kg::build_graph(docs));
    rapidjson::Document d;
    d.Parse(json.c_str());
    REQUIRE_FALSE(d.HasParseError());
    CHECK(std::string(d["graph"]["offsets"]["start"].GetString()) == "utf8_bytes");
    CHECK(std::string(d["graph"]["offsets"]["cp_start"].GetString()) == "code_points");
    std::size_t spans = 0, shifted = 0;
    auto check = [&](const rapidjson::Value& s) {
        REQUIRE(s.HasMember("cp_start"));
        const std::size_t cs = s["cp_start"].GetUint64(), ce = s["cp_end"].GetUint64();
        const std::string want = s["text"].GetString();
        REQUIRE(ce <= cps.size());
        CHECK(text.substr(s["start"].GetUint64(), s["end"].GetUint64() - s["start"].GetUint64()) == want);
        CHECK(byte_of[cs] == s["start"].GetUint64());
        CHECK(byte_of[ce] == s["end"].GetUint64());
        ++spans;
        shifted += cs != s["start"].GetUint64();
    };
    for (const auto& n : d["nodes"].GetArray())
        for (const auto& m : n["mentions"].GetArray()) check(m);
    for (const auto& e : d["edges"].GetArray())
        for (const auto& ev : e["evidence"].GetArray()) check(ev);
    CHECK(spans >= 6);
    CHECK(shifted >= 4);  // most spans come after a multi-byte character: bytes and code points differ
}
