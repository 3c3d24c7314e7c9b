// The interactive map (write_html, kg-export --html): the bytes of the page. What the browser makes of them
// (the page runs, search, selection, hostile text staying text, the time to lay out 5,000 entities) is
// tests/html_test.sh, in headless Chromium.
#include <doctest/doctest.h>

#include "helpers.hpp"

#include <kg/export.hpp>
#include <kg/limits.hpp>

#include <rapidjson/document.h>

#include <algorithm>
#include <cctype>
#include <sstream>
#include <string>
#include <vector>

namespace {

// Text that would end the data element, open a comment, run a script or end a JavaScript line if it were
// written as it is.
const std::string kHostile = "</script><script>alert(1)</script> <!-- x --> \xE2\x80\xA8 \xE2\x80\xA9 \"q\" 'a' & "
                             "&amp; <img src=x onerror=alert(2)> </SCRIPT > \\ \x01";

kg::KnowledgeGraph hostile_graph() {
    kg::KnowledgeGraph g;
    g.add_document(kg::DocumentInfo{"d1", "x", 10, kHostile, "2024-07-26", "<b>pub</b>", "javascript:alert(3)"});
    g.add_document(kg::DocumentInfo{"d2", "x", 10, "A fine title", "2024-07", "", "https://example.org/a?b=1&c=2"});
    g.add_document(kg::DocumentInfo{"unused", "x", 10, "Never cited", "", "", ""});
    const kg::Vertex a = g.add_entity(kHostile, kg::EntityType::PERSON);
    const kg::Vertex b = g.add_entity("China", kg::EntityType::COUNTRY);
    const kg::Vertex c = g.add_entity("World AI Conference", kg::EntityType::EVENT);
    g.add_alias(a, "<!--alias-->");
    g.add_relation(a, "leader_of", b, 0.9, kgtest::ev("d1", 0, kHostile));
    kg::Evidence hedged = kgtest::ev("d2", 5, "She is expected to attend.");
    hedged.modality = "expected";
    g.add_relation(a, "attends", c, 0.6, hedged);
    kg::Evidence denied = kgtest::ev("d2", 40, "China did not attend.");
    denied.negated = true;
    g.add_relation(b, "attends", c, 0.5, denied);
    kg::Evidence former = kgtest::ev("d1", 60, "the former leader");
    former.former = true;
    g.add_relation(c, "located_in", b, 0.8, former);
    return g;
}

std::string html_of(const kg::KnowledgeGraph& g, const kg::WriteOptions& options = {}) {
    std::ostringstream out;
    kg::write_html(g, out, options);
    return out.str();
}

std::size_t count(const std::string& text, const std::string& what, bool fold_case = false) {
    std::string hay = text, needle = what;
    if (fold_case) {
        for (std::string* s : {&hay, &needle})
            std::transform(s->begin(), s->end(), s->begin(), [](unsigned char ch) { return std::tolower(ch); });
    }
    std::size_t n = 0;
    for (std::size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) ++n;
    return n;
}

// The JSON of the page's data element, and where it starts and ends in the page.
struct Data {
    std::size_t begin = 0, end = 0;
    rapidjson::Document json;
};
Data data_of(const std::string& page) {
    Data d;
    const std::string open = "<script type=\"application/json\" id=\"kg-data\">";
    d.begin = page.find(open);
    REQUIRE(d.begin != std::string::npos);
    d.begin += open.size();
    d.end = page.find("</script>", d.begin);
    REQUIRE(d.end != std::string::npos);
    const std::string text = page.substr(d.begin, d.end - d.begin);
    d.json.Parse(text.c_str(), text.size());
    REQUIRE_FALSE(d.json.HasParseError());
    return d;
}

std::vector<std::string> node_labels(const rapidjson::Document& json) {
    std::vector<std::string> out;
    for (const auto& n : json["nodes"].GetArray()) out.emplace_back(n[1].GetString(), n[1].GetStringLength());
    return out;
}

}  // namespace

TEST_CASE("html: the format's name, and write() gives write_html's bytes") {
    REQUIRE(kg::parse_format("html").has_value());
    CHECK(*kg::parse_format("html") == kg::Format::html);
    CHECK(kg::to_string(kg::Format::html) == "html");
    const kg::KnowledgeGraph g = hostile_graph();
    std::ostringstream via_write;
    kg::write(g, kg::Format::html, via_write);
    CHECK(via_write.str() == html_of(g));
}

TEST_CASE("html: hostile text stays inside the data, as escaped JSON that reads back to the same text") {
    const std::string page = html_of(hostile_graph());
    // The template's two script elements and nothing else: no text can end the data element or open one.
    CHECK(count(page, "<script", true) == 2);
    CHECK(count(page, "</script", true) == 2);
    CHECK(count(page, "<!--") == 0);
    CHECK(count(page, "<img", true) == 0);
    CHECK(count(page, "\xE2\x80\xA8") == 0);
    CHECK(count(page, "\xE2\x80\xA9") == 0);
    CHECK(page.find('\x01') == std::string::npos);

    const Data d = data_of(page);
    const std::string data = page.substr(d.begin, d.end - d.begin);
    CHECK(data.find('<') == std::string::npos);
    CHECK(data.find('>') == std::string::npos);
    CHECK(data.find('&') == std::string::npos);
    CHECK(data.find("\\u2028") != std::string::npos);
    CHECK(data.find("\\u2029") != std::string::npos);
    // Outside the data element the page is the template: no hostile text there.
    const std::string outside = page.substr(0, d.begin) + page.substr(d.end);
    CHECK(outside.find("alert(") == std::string::npos);
    CHECK(outside.find("<b>") == std::string::npos);

    // Escaped, not altered: the JSON gives back every byte (the control character as itself).
    const auto labels = node_labels(d.json);
    REQUIRE(labels.size() == 3);
    CHECK(labels[0] == kHostile);
    const auto& first = d.json["edges"][0];
    CHECK(std::string(first[5][0][1].GetString()) == kHostile);
    CHECK(std::string(d.json["nodes"][0][3][0].GetString()) == "<!--alias-->");
    const auto& doc = d.json["documents"][0];
    CHECK(std::string(doc[1].GetString()) == kHostile);
    CHECK(std::string(doc[4].GetString()) == "javascript:alert(3)");  // kept as data; the page links http(s) only
}

TEST_CASE("html: the data holds what the page shows: types, predicates, cited documents, evidence qualities") {
    const Data d = data_of(html_of(hostile_graph()));
    const auto& j = d.json;
    CHECK(j["format"].GetInt() == 1);
    CHECK(j["total"]["nodes"].GetInt() == 3);
    CHECK(j["shown"]["edges"].GetInt() == 4);
    CHECK(j["show_negated"].GetInt() == 0);
    // All nine types with the colours of the other drawings (lib/export/style.hpp).
    REQUIRE(j["types"].Size() == 9);
    CHECK(std::string(j["types"][0][0].GetString()) == "PERSON");
    CHECK(std::string(j["types"][0][1].GetString()) == "#4E79A7");
    CHECK(std::string(j["types"][3][1].GetString()) == "#E15759");
    // Predicates present, bytewise, with symmetry and meaning.
    REQUIRE(j["predicates"].Size() == 3);
    CHECK(std::string(j["predicates"][0][0].GetString()) == "attends");
    CHECK(std::string(j["predicates"][1][0].GetString()) == "leader_of");
    CHECK(std::string(j["predicates"][2][0].GetString()) == "located_in");
    CHECK(j["predicates"][0][1].GetInt() == 0);
    CHECK(j["predicates"][1][2].GetStringLength() > 0);
    // Only the documents the evidence cites, in the graph's order.
    REQUIRE(j["documents"].Size() == 2);
    CHECK(std::string(j["documents"][1][0].GetString()) == "d2");
    CHECK(std::string(j["documents"][1][2].GetString()) == "2024-07");
    CHECK(std::string(j["documents"][1][4].GetString()) == "https://example.org/a?b=1&c=2");
    // Edges: [source, target, predicate, weight, confidence, [[document, sentence, modality, flags]]].
    REQUIRE(j["edges"].Size() == 4);
    const auto& attends = j["edges"][1];
    CHECK(attends[0].GetInt() == 0);
    CHECK(attends[1].GetInt() == 2);
    CHECK(attends[2].GetInt() == 0);
    CHECK(std::string(attends[5][0][2].GetString()) == "expected");
    CHECK(attends[5][0][3].GetInt() == 0);
    const auto& denied = j["edges"][2];
    CHECK(denied[3].GetDouble() == 0.0);  // a denial adds no weight
    CHECK(denied[5][0][3].GetInt() == 1);
    CHECK(denied[5][0][0].GetInt() == 1);
    CHECK(j["edges"][3][5][0][3].GetInt() == 2);  // former

    kg::WriteOptions show;
    show.show_negated = true;
    CHECK(data_of(html_of(hostile_graph(), show)).json["show_negated"].GetInt() == 1);
}

TEST_CASE("html: the same graph gives the same bytes; another graph other bytes") {
    const std::string a = html_of(hostile_graph()), b = html_of(hostile_graph());
    CHECK(a == b);
    kg::KnowledgeGraph other = hostile_graph();
    other.add_entity("Someone Else", kg::EntityType::PERSON);
    CHECK(html_of(other) != a);
    // The script and its Content-Security-Policy hash do not depend on the graph.
    const auto csp = [](const std::string& page) {
        const std::size_t at = page.find("'sha256-");
        REQUIRE(at != std::string::npos);
        return page.substr(at, page.find('\'', at + 1) - at);
    };
    CHECK(csp(a) == csp(html_of(other)));
    CHECK(csp(a).size() == std::string("'sha256-").size() + 44);
}

TEST_CASE("html: a graph over the limit keeps the entities of highest degree, and says so") {
    // A hub with six spokes, one pair linked twice, and three loners: 12 entities.
    kg::KnowledgeGraph g;
    const kg::Vertex hub = g.add_entity("Hub", kg::EntityType::COUNTRY);
    std::vector<kg::Vertex> spokes;
    for (int i = 0; i < 6; ++i) {
        spokes.push_back(g.add_entity("Spoke " + std::to_string(i), kg::EntityType::PERSON));
        g.add_relation(spokes.back(), "based_in", hub, 0.8, kgtest::ev("d", 10 * i, "s" + std::to_string(i)));
    }
    g.add_relation(spokes[4], "meets", spokes[5], 0.8, kgtest::ev("d", 100, "they met"));
    g.add_relation(spokes[4], "works_for", spokes[5], 0.8, kgtest::ev("d", 120, "works for"));
    for (int i = 0; i < 5; ++i) g.add_entity("Loner " + std::to_string(i), kg::EntityType::LOCATION);

    std::vector<std::string> warnings;
    auto previous = kg::set_warning_handler([&](const std::string& m) { warnings.push_back(m); });
    kg::WriteOptions options;
    options.html_max_nodes = 3;
    const std::string page = html_of(g, options);
    kg::set_warning_handler(std::move(previous));

    const Data d = data_of(page);
    CHECK(d.json["total"]["nodes"].GetInt() == 12);
    CHECK(d.json["total"]["edges"].GetInt() == 8);
    CHECK(d.json["shown"]["nodes"].GetInt() == 3);
    CHECK(d.json["limit"].GetInt() == 3);
    CHECK(node_labels(d.json) == std::vector<std::string>{"Hub", "Spoke 4", "Spoke 5"});
    CHECK(d.json["shown"]["edges"].GetInt() == 4);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].find("12 entities") != std::string::npos);
    CHECK(warnings[0].find("writing the 3 ") != std::string::npos);

    // Within the limit (and with 0, no limit) nothing is cut and nothing is said.
    warnings.clear();
    previous = kg::set_warning_handler([&](const std::string& m) { warnings.push_back(m); });
    options.html_max_nodes = 12;
    CHECK(data_of(html_of(g, options)).json["shown"]["nodes"].GetInt() == 12);
    options.html_max_nodes = 0;
    CHECK(data_of(html_of(g, options)).json["shown"]["nodes"].GetInt() == 12);
    kg::set_warning_handler(std::move(previous));
    CHECK(warnings.empty());
}

TEST_CASE("html: an empty graph still gives a page") {
    const kg::KnowledgeGraph g;
    const Data d = data_of(html_of(g));
    CHECK(d.json["nodes"].Size() == 0);
    CHECK(d.json["edges"].Size() == 0);
    CHECK(d.json["documents"].Size() == 0);
}
