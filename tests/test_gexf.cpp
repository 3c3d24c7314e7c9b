// GEXF 1.3 (issue 16): namespaces, `kind` on every edge, dynamic mode from document dates, and validity
// against the published 1.3 schema (tests/data/gexf-1.3) with the viz:* attributes checked against viz.xsd.
#include <doctest/doctest.h>

#include "helpers.hpp"

#include <kg/corpus.hpp>
#include <kg/export.hpp>
#include <kg/extract.hpp>
#include <kg/read.hpp>

#include <pugixml.hpp>

#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

namespace {

const char* const kGexfNs = "http://gexf.net/1.3";
const char* const kVizNs = "http://gexf.net/1.3/viz";

std::string gexf_of(const kg::KnowledgeGraph& g) {
    std::ostringstream out;
    kg::write_gexf(g, out);
    return out.str();
}

pugi::xml_document parse(const std::string& text) {
    pugi::xml_document doc;
    const pugi::xml_parse_result r = doc.load_string(text.c_str());
    REQUIRE_MESSAGE(r, r.description());
    return doc;
}

// The built-in sample, undated as shipped.
const kg::KnowledgeGraph& sample_graph() {
    static const kg::KnowledgeGraph g = kg::build_graph(kg::sample_documents());
    return g;
}

// The same articles with dates: whole days, a month alone (covers the whole month), one left undated.
const kg::KnowledgeGraph& dated_sample_graph() {
    static const kg::KnowledgeGraph g = [] {
        std::vector<kg::Document> docs = kg::sample_documents();
        const char* const dates[] = {"2024-07-26", "2024-07-28T09:30:00Z", "2024-08", "", "2025-01-03"};
        for (std::size_t i = 0; i < docs.size(); ++i) docs[i].date = dates[i % 5];
        return kg::build_graph(docs);
    }();
    return g;
}

// The prefix the root binds to namespace `ns` ("" for the default namespace); fails when none does.
std::string prefix_of(const pugi::xml_node& root, const std::string& ns) {
    for (const pugi::xml_attribute& a : root.attributes()) {
        const std::string name = a.name();
        if (ns != a.value()) continue;
        if (name == "xmlns") return "";
        if (name.rfind("xmlns:", 0) == 0) return name.substr(6);
    }
    FAIL("no prefix for " << ns);
    return {};
}

// Every element below `node` whose name has this prefix.
void collect(const pugi::xml_node& node, const std::string& prefix, std::vector<pugi::xml_node>& out) {
    for (pugi::xml_node c : node.children()) {
        if (c.type() != pugi::node_element) continue;
        if (std::string(c.name()).rfind(prefix + ":", 0) == 0) out.push_back(c);
        collect(c, prefix, out);
    }
}

// The document without its viz:* elements: the published 1.3 schema declares color, size, position,
// thickness and shape in the GEXF namespace instead of the viz one, so it rejects every real viz element.
std::string without_viz(const std::string& text) {
    pugi::xml_document doc = parse(text);
    std::vector<pugi::xml_node> viz;
    collect(doc.document_element(), prefix_of(doc.document_element(), kVizNs), viz);
    for (pugi::xml_node n : viz) n.parent().remove_child(n);
    std::ostringstream out;
    doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
    return out.str();
}

struct TempDir {
    std::string path;
    TempDir() {
        char tmpl[] = "/tmp/kg_gexf_XXXXXX";
        REQUIRE(mkdtemp(tmpl) != nullptr);
        path = tmpl;
    }
    ~TempDir() { kgtest::run("rm -rf '" + path + "'"); }
    std::string write(const std::string& name, const std::string& text) const {
        const std::string file = path + "/" + name;
        std::ofstream(file, std::ios::binary) << text;
        return file;
    }
};

const std::string kSchemaDir = std::string(KG_TEST_DATA) + "/gexf-1.3";

// xmllint's verdict on `file` against the 1.3 gexf.xsd: exit status and messages.
std::pair<int, std::string> xmllint(const std::string& file) {
    return kgtest::run("xmllint --noout --schema '" + kSchemaDir + "/gexf.xsd' '" + file + "' 2>&1");
}

void require_xmllint() {
    REQUIRE_MESSAGE(kgtest::run("command -v xmllint >/dev/null 2>&1").first == 0,
                    "xmllint is needed to validate GEXF: run scripts/deps.sh (Debian package libxml2-utils)");
}

// What viz.xsd declares, read from the file itself: attribute groups (attribute -> type, required) and
// the simple types they use (base type, inclusive bounds, enumerations).
struct VizSchema {
    struct Attribute {
        std::string type;
        bool required = false;
    };
    struct SimpleType {
        std::string base;
        std::string min, max;
        std::set<std::string> values;
    };
    std::map<std::string, std::map<std::string, Attribute>> groups;
    std::map<std::string, SimpleType> types;

    explicit VizSchema(const std::string& path) {
        pugi::xml_document doc;
        REQUIRE(doc.load_file(path.c_str()));
        pugi::xml_node schema = doc.child("xs:schema");
        REQUIRE(schema);
        for (pugi::xml_node g : schema.children("xs:attributeGroup"))
            for (pugi::xml_node a : g.children("xs:attribute"))
                groups[g.attribute("name").value()][a.attribute("name").value()] =
                    Attribute{a.attribute("type").value(), std::string(a.attribute("use").value()) == "required"};
        for (pugi::xml_node t : schema.children("xs:simpleType")) {
            pugi::xml_node r = t.child("xs:restriction");
            SimpleType& st = types[t.attribute("name").value()];
            st.base = r.attribute("base").value();
            st.min = r.child("xs:minInclusive").attribute("value").value();
            st.max = r.child("xs:maxInclusive").attribute("value").value();
            for (pugi::xml_node e : r.children("xs:enumeration")) st.values.insert(e.attribute("value").value());
        }
    }

    // Why `value` is not a valid `type`, or "" when it is. XML Schema trims surrounding whitespace first.
    std::string invalid(const std::string& type, std::string value) const {
        const auto b = value.find_first_not_of(" \t\r\n");
        value = b == std::string::npos ? std::string() : value.substr(b, value.find_last_not_of(" \t\r\n") - b + 1);
        const auto number = [&](double& v) {
            char* end = nullptr;
            v = std::strtod(value.c_str(), &end);
            return !value.empty() && end == value.c_str() + value.size();
        };
        const auto it = types.find(type);
        if (it == types.end()) {
            double v = 0;
            if (type == "xs:float" || type == "xs:double") return number(v) ? "" : "not a number";
            if (type == "xs:nonNegativeInteger")
                return !value.empty() && value.find_first_not_of("0123456789") == std::string::npos ? ""
                                                                                                    : "not a whole number";
            if (type == "xs:token" || type == "xs:anyURI" || type == "xs:string") return "";
            return "type " + type + " unknown to this check";
        }
        const SimpleType& st = it->second;
        if (!st.values.empty()) return st.values.count(value) ? "" : "not one of the enumerated values";
        if (std::string why = invalid(st.base, value); !why.empty()) return why;
        double v = 0, bound = 0;
        number(v);
        if (!st.min.empty() && (bound = std::strtod(st.min.c_str(), nullptr), v < bound)) return "below " + st.min;
        if (!st.max.empty() && (bound = std::strtod(st.max.c_str(), nullptr), v > bound)) return "above " + st.max;
        return "";
    }

    // Problems of one viz element (its local name, the name of its parent: node or edge), empty when none.
    // The element -> group pairs are those of dynamics.xsd's node-content and edge-content.
    std::vector<std::string> problems(const std::string& local, const std::string& parent,
                                      const pugi::xml_node& el) const {
        static const std::map<std::pair<std::string, std::string>, std::string> kGroup = {
            {{"node", "color"}, "color-content"},       {{"node", "position"}, "position-content"},
            {{"node", "size"}, "size-content"},         {{"node", "shape"}, "node-shape-content"},
            {{"edge", "color"}, "color-content"},       {{"edge", "thickness"}, "thickness-content"},
            {{"edge", "shape"}, "edge-shape-content"},
        };
        std::vector<std::string> out;
        const auto g = kGroup.find({parent, local});
        if (g == kGroup.end()) return {"viz:" + local + " is not allowed in a " + parent};
        const auto& declared = groups.at(g->second);
        for (const pugi::xml_attribute& a : el.attributes()) {
            const auto d = declared.find(a.name());
            if (d == declared.end()) out.push_back("viz:" + local + " has undeclared attribute " + a.name());
            else if (std::string why = invalid(d->second.type, a.value()); !why.empty())
                out.push_back("viz:" + local + " " + a.name() + "=\"" + a.value() + "\": " + why);
        }
        for (const auto& [name, attribute] : declared)
            if (attribute.required && !el.attribute(name.c_str()))
                out.push_back("viz:" + local + " lacks required attribute " + name);
        return out;
    }

    // Problems of every viz:* element of a GEXF text; `count` receives how many were checked.
    std::vector<std::string> check(const std::string& text, std::size_t& count) const {
        pugi::xml_document doc = parse(text);
        const std::string prefix = prefix_of(doc.document_element(), kVizNs);
        std::vector<pugi::xml_node> viz;
        collect(doc.document_element(), prefix, viz);
        count = viz.size();
        std::vector<std::string> out;
        for (pugi::xml_node n : viz) {
            const std::string parent = n.parent().name();
            const std::string parent_local = parent.substr(parent.find(':') + 1);
            for (std::string& p : problems(std::string(n.name()).substr(prefix.size() + 1), parent_local, n))
                out.push_back(std::move(p));
        }
        return out;
    }
};

// Names and texts with every character XML and GEXF make hard (tests/data/hostile.json).
const kg::KnowledgeGraph& hostile_graph() {
    static const kg::KnowledgeGraph g = kg::read_json(std::string(KG_TEST_DATA) + "/hostile.json");
    return g;
}

// id -> (start, end) of every node or edge (element name `what`) of a GEXF document.
std::map<std::string, std::pair<std::string, std::string>> lifetimes(const pugi::xml_document& doc, const char* what) {
    std::map<std::string, std::pair<std::string, std::string>> out;
    pugi::xml_node graph = doc.child("gexf").child("graph");
    const std::string list = std::string(what) + "s";
    for (pugi::xml_node n : graph.child(list.c_str()).children(what))
        out[n.attribute("id").value()] = {n.attribute("start").value(), n.attribute("end").value()};
    return out;
}

}  // namespace

TEST_CASE("gexf: version 1.3 with its namespaces and kind = predicate on every edge") {
    const pugi::xml_document doc = parse(gexf_of(sample_graph()));
    pugi::xml_node gexf = doc.child("gexf");
    CHECK(std::string(gexf.attribute("xmlns").value()) == kGexfNs);
    CHECK(std::string(gexf.attribute("xmlns:viz").value()) == kVizNs);
    CHECK(std::string(gexf.attribute("version").value()) == "1.3");
    CHECK(std::string(gexf.attribute("xsi:schemaLocation").value()) == "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd");
    std::size_t edges = 0;
    for (pugi::xml_node e : gexf.child("graph").child("edges").children("edge")) {
        ++edges;
        const std::string predicate =
            e.child("attvalues").find_child_by_attribute("attvalue", "for", "predicate").attribute("value").value();
        CHECK(!predicate.empty());
        CHECK(std::string(e.attribute("kind").value()) == predicate);
        CHECK(std::string(e.attribute("label").value()) == predicate);
    }
    CHECK(edges == sample_graph().num_relations());
    CHECK(edges > 0);
}

TEST_CASE("gexf: two predicates between the same pair are two kinds, so Gephi keeps both edges") {
    kg::KnowledgeGraph g;
    const kg::Vertex trump = g.add_entity("Donald Trump", kg::EntityType::PERSON);
    const kg::Vertex plan = g.add_entity("AI Action Plan", kg::EntityType::POLICY);
    g.add_relation(trump, "announced", plan, 0.9, kgtest::ev("d", 0, "Trump announced the plan."));
    g.add_relation(trump, "signed", plan, 0.9, kgtest::ev("d", 30, "Trump signed the plan."));
    const pugi::xml_document doc = parse(gexf_of(g));
    std::vector<std::string> kinds;
    for (pugi::xml_node e : doc.child("gexf").child("graph").child("edges").children("edge")) {
        CHECK(std::string(e.attribute("source").value()) == "donald-trump");
        CHECK(std::string(e.attribute("target").value()) == "ai-action-plan");
        kinds.emplace_back(e.attribute("kind").value());
    }
    CHECK(kinds == std::vector<std::string>{"announced", "signed"});
}

TEST_CASE("gexf: undated graphs stay static") {
    const kg::KnowledgeGraph empty;
    for (const kg::KnowledgeGraph* g : {&sample_graph(), &empty}) {
        const std::string text = gexf_of(*g);
        const pugi::xml_document doc = parse(text);
        pugi::xml_node graph = doc.child("gexf").child("graph");
        CHECK(std::string(graph.attribute("mode").value()) == "static");
        CHECK_FALSE(graph.attribute("timeformat"));
        CHECK(text.find(" start=\"") == std::string::npos);
        CHECK(text.find(" end=\"") == std::string::npos);
    }
}

TEST_CASE("gexf: dated documents make a dynamic graph; start and end are the first and last days") {
    kg::KnowledgeGraph g;
    g.add_document({"a", "a.txt", 100, "", "2024-07-26"});
    g.add_document({"b", "b.txt", 100, "", "2024-08"});           // a month: from its first to its last day
    g.add_document({"c", "c.txt", 100, "", ""});                  // undated
    g.add_document({"d", "d.txt", 100, "", "2024-02-30"});        // no such day: counts as undated
    g.add_document({"e", "e.txt", 100, "", "2023-12-31T23:00:00-05:00"});  // the day the publisher wrote
    auto extraction = [](const std::string& doc, std::vector<std::string> names, bool relate) {
        kg::DocExtraction x;
        x.doc = doc;
        for (const std::string& n : names) {
            kg::DocEntity e;
            e.name = n;
            e.type = kg::EntityType::COMPANY;
            e.mentions.push_back(kg::Mention{doc, 0, n.size(), n});
            x.entities.push_back(e);
        }
        if (relate) {
            kg::DocRelation r;
            r.subject = 0;
            r.predicate = "partners_with";
            r.object = 1;
            r.evidence = kgtest::ev(doc, 0, names[0] + " and " + names[1]);
            x.relations.push_back(r);
        }
        return x;
    };
    g.add(extraction("a", {"Acme", "Globex"}, true));
    g.add(extraction("b", {"Acme", "Initech"}, true));
    g.add(extraction("c", {"Umbrella", "Initech"}, false));
    g.add(extraction("d", {"Hooli"}, false));
    g.add(extraction("e", {"Acme"}, false));
    const pugi::xml_document doc = parse(gexf_of(g));
    pugi::xml_node graph = doc.child("gexf").child("graph");
    CHECK(std::string(graph.attribute("mode").value()) == "dynamic");
    CHECK(std::string(graph.attribute("timeformat").value()) == "date");
    using Span = std::pair<std::string, std::string>;
    const auto nodes = lifetimes(doc, "node");
    CHECK(nodes.at("acme") == Span{"2023-12-31", "2024-08-31"});
    CHECK(nodes.at("globex") == Span{"2024-07-26", "2024-07-26"});
    CHECK(nodes.at("initech") == Span{"2024-08-01", "2024-08-31"});  // c is undated
    CHECK(nodes.at("umbrella") == Span{"", ""});                     // only undated: there throughout
    CHECK(nodes.at("hooli") == Span{"", ""});
    const auto edges = lifetimes(doc, "edge");
    CHECK(edges.at("acme--partners_with--globex") == Span{"2024-07-26", "2024-07-26"});
    CHECK(edges.at("acme--partners_with--initech") == Span{"2024-08-01", "2024-08-31"});
}

TEST_CASE("gexf: the dated sample is dynamic, every edge within its ends' lifetimes") {
    const pugi::xml_document doc = parse(gexf_of(dated_sample_graph()));
    pugi::xml_node graph = doc.child("gexf").child("graph");
    CHECK(std::string(graph.attribute("mode").value()) == "dynamic");
    const auto nodes = lifetimes(doc, "node");
    std::size_t timed = 0;
    for (const auto& [id, span] : nodes) {
        CHECK_MESSAGE(span.first <= span.second, id);
        timed += !span.first.empty();
    }
    CHECK(timed > nodes.size() / 2);
    for (pugi::xml_node e : graph.child("edges").children("edge")) {
        const std::string start = e.attribute("start").value(), end = e.attribute("end").value();
        if (start.empty()) continue;
        for (const char* end_of : {"source", "target"}) {
            const auto& n = nodes.at(e.attribute(end_of).value());
            CHECK_MESSAGE((n.first <= start && end <= n.second), e.attribute("id").value());
        }
    }
}

TEST_CASE("gexf: the sample and a dated graph validate against the GEXF 1.3 schema without viz elements") {
    require_xmllint();
    TempDir dir;
    const kg::KnowledgeGraph empty;
    const std::pair<const char*, const kg::KnowledgeGraph*> graphs[] = {
        {"sample", &sample_graph()}, {"dated", &dated_sample_graph()}, {"hostile", &hostile_graph()}, {"empty", &empty}};
    for (const auto& [name, graph] : graphs) {
        const std::string text = gexf_of(*graph);
        const std::string file = dir.write(std::string(name) + ".gexf", without_viz(text));
        const auto [status, out] = xmllint(file);
        CHECK_MESSAGE(status == 0, name << ": " << out);
        CHECK(out.find("validates") != std::string::npos);
        if (graph != &empty) {
            // Why viz elements go first: the published schema expects them in the GEXF namespace.
            const auto [raw_status, raw_out] = xmllint(dir.write(std::string(name) + ".raw.gexf", text));
            CHECK(raw_status != 0);
            CHECK(raw_out.find("{http://gexf.net/1.3/viz}") != std::string::npos);
        }
    }
    // The check can fail: a bad mode and a malformed date are rejected.
    std::string broken = without_viz(gexf_of(sample_graph()));
    broken.replace(broken.find("mode=\"static\""), 13, "mode=\"sliding\"");
    CHECK(xmllint(dir.write("broken.gexf", broken)).first != 0);
    std::string bad_date = without_viz(gexf_of(dated_sample_graph()));
    bad_date.replace(bad_date.find("start=\"") + 7, 10, "2024-13-01");
    CHECK(xmllint(dir.write("bad-date.gexf", bad_date)).first != 0);
}

TEST_CASE("gexf: viz attributes are the ones viz.xsd declares, within its ranges") {
    const VizSchema schema(kSchemaDir + "/viz.xsd");
    REQUIRE(schema.groups.count("color-content"));
    REQUIRE(schema.groups.count("size-content"));
    CHECK(schema.types.at("color-channel").max == "255");
    for (const kg::KnowledgeGraph* graph : {&sample_graph(), &dated_sample_graph(), &hostile_graph()}) {
        std::size_t count = 0;
        const std::vector<std::string> problems = schema.check(gexf_of(*graph), count);
        for (const std::string& p : problems) FAIL_CHECK(p);
        CHECK(count == 2 * graph->num_entities());  // a colour and a size per node
    }
    // The check can fail: a channel above 255, a negative size, an undeclared attribute, a missing one.
    const std::string bad =
        "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:v=\"http://gexf.net/1.3/viz\"><graph><nodes><node id=\"x\">"
        "<v:color r=\"256\" g=\"0\" b=\"0\" alpha=\"1\"/><v:size value=\"-1\"/><v:position x=\"1\"/>"
        "<v:shape value=\"disc\"/><v:thickness value=\"1\"/></node></nodes></graph></gexf>";
    std::size_t count = 0;
    const std::vector<std::string> problems = schema.check(bad, count);
    CHECK(count == 5);
    std::ostringstream all;
    for (const std::string& p : problems) all << p << "\n";
    CHECK_MESSAGE(problems.size() == 5, all.str());
    CHECK(all.str().find("viz:color r=\"256\": above 255") != std::string::npos);
    CHECK(all.str().find("viz:color has undeclared attribute alpha") != std::string::npos);
    CHECK(all.str().find("viz:size value=\"-1\": below 0.0") != std::string::npos);
    CHECK(all.str().find("viz:position lacks required attribute y") != std::string::npos);
    CHECK(all.str().find("viz:thickness is not allowed in a node") != std::string::npos);
}
