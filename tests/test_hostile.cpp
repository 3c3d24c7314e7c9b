// Hostile input at the library level (issue 7): readers reject what they must with a message naming the
// file and place, deep nesting parses without recursion, the caps of kg/limits.hpp turn pathological input
// into a warning, and extraction is the same whatever the thread count. tests/hostile_test.sh covers the
// same table through the tools (exit codes, files left behind, permissions, full disks).
#include <doctest/doctest.h>

#include <kg/corpus.hpp>
#include <kg/error.hpp>
#include <kg/export.hpp>
#include <kg/extract.hpp>
#include <kg/limits.hpp>
#include <kg/read.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

namespace {

// A scratch directory, removed at the end of the test.
struct TempDir {
    fs::path path;
    TempDir() {
        path = fs::temp_directory_path() / ("kg-hostile-" + std::to_string(::getpid()));
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    fs::path write(const std::string& name, const std::string& bytes) const {
        fs::path p = path / name;
        std::ofstream(p, std::ios::binary) << bytes;
        return p;
    }
};

// The message of the kg::Error `f` throws, checked to carry `code`.
template <class F>
std::string error_of(F&& f, kg::ExitCode code = kg::ExitCode::bad_input) {
    try {
        f();
    } catch (const kg::Error& e) {
        CHECK(static_cast<int>(e.code()) == static_cast<int>(code));
        return e.what();
    }
    FAIL("no kg::Error thrown");
    return {};
}

// Collects warnings for the duration of a test.
struct Warnings {
    std::vector<std::string> messages;
    kg::WarningHandler previous;
    Warnings() {
        previous = kg::set_warning_handler([this](const std::string& m) { messages.push_back(m); });
    }
    ~Warnings() { kg::set_warning_handler(std::move(previous)); }
    bool any(const std::string& part) const {
        for (const auto& m : messages)
            if (m.find(part) != std::string::npos) return true;
        return false;
    }
};

std::string nested(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

}  // namespace

TEST_CASE("hostile text: invalid UTF-8, CESU-8 surrogates, NUL bytes, punctuation, empty") {
    TempDir dir;
    auto invalid = dir.write("bad.txt", "Acme \xC3\x28 Corp.");
    CHECK(error_of([&] { kg::load_documents({invalid.string()}); }).find("bad.txt: invalid UTF-8 at byte offset 5") !=
          std::string::npos);
    // U+D800 encoded as CESU-8 / WTF-8 does (ED A0 80), and a surrogate pair as two such sequences.
    auto cesu = dir.write("cesu.txt", "ok \xED\xA0\x80\xED\xB0\x80 x");
    CHECK(error_of([&] { kg::load_documents({cesu.string()}); }).find("cesu.txt: invalid UTF-8 at byte offset 3") !=
          std::string::npos);
    CHECK(kg::find_invalid_utf8("\xC0\x80") == 0);            // overlong NUL (Java's modified UTF-8)
    CHECK(kg::find_invalid_utf8("\xF4\x90\x80\x80") == 0);    // above U+10FFFF
    CHECK(error_of([] { kg::parse_jsonl_document(R"({"id":"x","text":"\ud800"})", "in.jsonl", 7); })
              .find("in.jsonl:7") != std::string::npos);

    // NUL is valid UTF-8: kept in the text, escaped or replaced on output, never a crash or a cut string.
    kg::Document nul{"nul", "nul.txt", std::string("Acme Corp.\0 hired Jane Roe.\0", 29)};
    kg::KnowledgeGraph g = kg::build_graph({nul});
    std::ostringstream json, graphml;
    kg::write_json(g, json);
    kg::write_graphml(g, graphml);
    CHECK(graphml.str().find('\0') == std::string::npos);
    CHECK_NOTHROW(kg::parse_json(json.str(), "nul.json"));

    kg::Document punct{"p", "p.txt", "!!! ... ??? --- ;;; ,,, ((( ))) \"\"\" ''' \xE2\x80\xA6 \xE2\x80\x94 \xE2\x80\xA2"};
    CHECK(kg::build_graph({punct}).num_entities() == 0);
    kg::Document empty{"e", "e.txt", ""};
    CHECK(kg::build_graph({empty}).num_entities() == 0);
}

TEST_CASE("hostile JSON: 10,000 nested arrays parse iteratively and fail cleanly") {
    const std::string deep = nested(10000);
    CHECK(error_of([&] { kg::parse_json(deep, "deep.json"); }).find("deep.json: expected a node-link JSON object") !=
          std::string::npos);
    CHECK(error_of([&] { kg::parse_json("{\"nodes\":" + deep + "}", "deep.json"); })
              .find("deep.json: nodes[0]: not an object") != std::string::npos);
    CHECK(error_of([&] { kg::parse_jsonl_document("{\"id\":\"d\",\"text\":" + deep + "}", "deep.jsonl", 3); })
              .find("deep.jsonl:3: \"text\" is not a string") != std::string::npos);
    // Deeper still: a million levels would overflow any recursive parser's stack.
    CHECK(error_of([&] { kg::parse_json(nested(1000000), "deeper.json"); }).find("deeper.json") != std::string::npos);
    CHECK(error_of([&] { kg::parse_json(std::string(100000, '['), "open.json"); }).find("open.json:1:100001: invalid JSON") !=
          std::string::npos);
}

TEST_CASE("hostile GraphML: DOCTYPE and billion laughs refused, dangling edges, duplicate ids, empty") {
    const std::string laughs =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
        " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
        " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n]>\n"
        "<graphml><graph><node id=\"a\"><data key=\"d0\">&lol2;</data></node></graph></graphml>\n";
    CHECK(error_of([&] { kg::parse_graphml(laughs, "lol.graphml"); }).find("lol.graphml:2:") != std::string::npos);
    CHECK(error_of([&] { kg::parse_graphml(laughs, "lol.graphml"); }).find("a DOCTYPE is not allowed") != std::string::npos);
    // An external entity (XXE) is refused the same way: nothing is ever fetched or read.
    CHECK_THROWS_AS(kg::parse_graphml("<!DOCTYPE g [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><graphml><graph>"
                                      "<node id=\"&x;\"/></graph></graphml>", "xxe.graphml"), kg::Error);

    const std::string dangling = "<graphml>\n<graph>\n<node id=\"a\"/>\n<edge source=\"a\" target=\"b\"/>\n</graph>\n</graphml>";
    CHECK(error_of([&] { kg::parse_graphml(dangling, "d.graphml"); }) == "d.graphml:4:1: edge target 'b' is not a node");
    const std::string dup = "<graphml>\n<graph>\n<node id=\"a\"/>\n<node id=\"a\"/>\n</graph>\n</graphml>";
    CHECK(error_of([&] { kg::parse_graphml(dup, "d.graphml"); }) == "d.graphml:4:1: duplicate node id 'a'");
    CHECK(error_of([] { kg::parse_json(R"({"nodes":[{"id":"a"},{"id":"a"}]})", "d.json"); }) ==
          "d.json: nodes[1]: duplicate node id 'a'");
    CHECK(error_of([] { kg::parse_graphml("", "e.graphml"); }).find("e.graphml:1:1: invalid XML") != std::string::npos);
    CHECK(error_of([] { kg::parse_json("", "e.json"); }).find("e.json:1:1: invalid JSON") != std::string::npos);
    // 10,000 nested elements: pugixml parses without recursion; the reader only looks at <graph>'s children.
    std::string deep_xml = "<graphml><graph><node id=\"a\">";
    for (int i = 0; i < 10000; ++i) deep_xml += "<x>";
    for (int i = 0; i < 10000; ++i) deep_xml += "</x>";
    deep_xml += "</node></graph></graphml>";
    CHECK(kg::parse_graphml(deep_xml, "deep.graphml").num_entities() == 1);
}

TEST_CASE("limits: a document over max_document_bytes is cut at a character boundary, with a warning") {
    std::string s = "ab \xE2\x80\x94xyz";  // "ab —xyz": the dash is 3 bytes at offsets 3..5
    CHECK(kg::truncate_text(s, 5));
    CHECK(s == "ab ");                     // back to the last whitespace, never inside the dash
    std::string w(10, 'a');
    w += "\xC3\xA9";                       // é at offsets 10..11, no whitespace at all
    CHECK(kg::truncate_text(w, 11));
    CHECK(w == std::string(10, 'a'));
    std::string small = "short";
    CHECK_FALSE(kg::truncate_text(small, 5));

    TempDir dir;
    std::string text;
    while (text.size() <= kg::limits::max_document_bytes) text += "Acme Corp. hired Jane Roe. ";
    auto big = dir.write("big.txt", text);
    Warnings warnings;
    auto docs = kg::load_documents({big.string()});
    REQUIRE(docs.size() == 1);
    CHECK(docs[0].text.size() <= kg::limits::max_document_bytes);
    CHECK(docs[0].text.size() > kg::limits::max_document_bytes - 64);
    CHECK(warnings.any("big.txt: " + std::to_string(text.size()) + " bytes of text; only the first"));
}

TEST_CASE("limits: pathological 5 MB sentences finish, with a warning (nothing is timed)") {
    // ctest's timeout is the only safety net; what is asserted is that these return at all.
    kg::Extractor extract;
    Warnings warnings;
    std::string caps;
    for (int i = 0; caps.size() < 5'000'000; ++i) caps += "Alpha" + std::to_string(i) + " Beta Gamma ";
    kg::DocExtraction x = extract(kg::Document{"caps", "caps.txt", caps});
    CHECK(warnings.any("caps.txt: "));
    CHECK(warnings.any("tokens were split (kg::limits::max_sentence_tokens)"));
    for (const kg::DocEntity& e : x.entities) {
        CAPTURE(e.name);
        CHECK(std::count(e.name.begin(), e.name.end(), ' ') < static_cast<long>(kg::limits::max_name_tokens));
    }
    std::string commas;
    while (commas.size() < 5'000'000) commas += "a, ";
    warnings.messages.clear();
    extract(kg::Document{"commas", "commas.txt", commas});
    CHECK(warnings.any("commas.txt: "));
}

TEST_CASE("determinism: extraction is the same for 1 and 2 threads and across runs") {
    std::vector<kg::Document> docs = kg::sample_documents();
    docs.push_back(kg::Document{"zz-hostile", "zz.txt", std::string("Acme Corp.\0 and Globex Inc. met in Paris.", 41)});
    auto run = [&](unsigned threads) {
        kg::BuildOptions options;
        options.threads = threads;
        kg::GraphBuilder builder(options);
        for (const kg::Document& d : docs) builder.add(d);
        std::ostringstream out;
        kg::write_json(builder.finish(), out);
        return out.str();
    };
    const std::string one = run(1);
    CHECK(one == run(2));
    CHECK(one == run(2));
    CHECK(one == run(1));
}
