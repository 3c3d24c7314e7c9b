// Streaming input, parallel extraction, near-duplicates, extraction records (map/reduce), dates.
#include <kg/corpus.hpp>
#include <kg/dedup.hpp>
#include <kg/export.hpp>
#include <kg/extract.hpp>
#include <kg/read.hpp>
#include <kg/records.hpp>
#include <kg/view.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <unistd.h>

namespace {

std::string json_of(const kg::KnowledgeGraph& g) {
    std::ostringstream out;
    kg::write_json(g, out);
    return out.str();
}

kg::KnowledgeGraph build(std::vector<kg::Document> docs, unsigned threads, bool keep_duplicates = false) {
    kg::BuildOptions o;
    o.threads = threads;
    o.keep_duplicates = keep_duplicates;
    kg::GraphBuilder b(o);
    for (auto& d : docs) b.add(std::move(d));
    return b.finish();
}

std::filesystem::path temp_file(const std::string& name, const std::string& content) {
    auto dir = std::filesystem::temp_directory_path() / ("kg-scale-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    auto p = dir / name;
    std::ofstream(p, std::ios::binary) << content;
    return p;
}

double total_weight(const kg::KnowledgeGraph& g) {
    double w = 0;
    for (auto e : boost::make_iterator_range(boost::edges(g.graph()))) w += g.graph()[e].weight;
    return w;
}

}  // namespace

TEST_CASE("jsonl documents carry id, text and metadata; bad lines name file and line") {
    kg::Document d = kg::parse_jsonl_document(
        R"({"id":"a1","text":"Hello.","title":"T","date":"2024-07-26","publisher":"P","url":"https://x"})", "f.jsonl", 7);
    CHECK(d.id == "a1");
    CHECK(d.text == "Hello.");
    CHECK(d.title == "T");
    CHECK(d.date == "2024-07-26");
    CHECK(d.publisher == "P");
    CHECK(d.url == "https://x");
    CHECK(d.source == "f.jsonl:7");
    auto message = [](const char* line) {
        try {
            kg::parse_jsonl_document(line, "f.jsonl", 3);
        } catch (const kg::Error& e) {
            CHECK(e.code() == kg::ExitCode::bad_input);
            return std::string(e.what());
        }
        return std::string("no error");
    };
    CHECK(message("{\"id\":\"a\"").rfind("f.jsonl:3: invalid JSON", 0) == 0);
    CHECK(message(R"({"id":"a"})") == "f.jsonl:3: no \"text\" string");
    CHECK(message(R"({"id":"a","text":"x","date":"26/07/2024"})").find("not ISO 8601") != std::string::npos);
    CHECK(kg::is_iso_date("2024"));
    CHECK(kg::is_iso_date("2024-07"));
    CHECK(kg::is_iso_date("2024-07-26T09:30:00Z"));
    CHECK_FALSE(kg::is_iso_date("2024-13-01"));
    CHECK_FALSE(kg::is_iso_date("July 2024"));
}

TEST_CASE("read_documents streams jsonl and skips bad lines only when asked") {
    auto p = temp_file("mixed.jsonl", "{\"id\":\"a\",\"text\":\"One.\"}\n\nnot json\n{\"id\":\"b\",\"text\":\"Two.\"}\n");
    std::vector<std::string> ids;
    kg::ReadOptions o;
    CHECK_THROWS_AS(kg::read_documents({p.string()}, o, [&](kg::Document&& d) { ids.push_back(d.id); }), kg::Error);
    ids.clear();
    o.skip_bad = true;
    std::vector<std::string> skipped;
    o.on_skip = [&](const kg::Error& e) { skipped.push_back(e.what()); };
    CHECK(kg::read_documents({p.string()}, o, [&](kg::Document&& d) { ids.push_back(d.id); }) == 1);
    CHECK(ids == std::vector<std::string>{"a", "b"});
    REQUIRE(skipped.size() == 1);
    CHECK(skipped[0].find("mixed.jsonl:3:") != std::string::npos);
}

TEST_CASE("fingerprints: copies are similar, different articles are not") {
    const auto seeds = kg::sample_documents();
    REQUIRE(seeds.size() >= 3);
    const kg::Fingerprint a = kg::fingerprint(seeds[1].text);
    CHECK(kg::similarity(a, kg::fingerprint(seeds[1].text)) == 1.0);
    CHECK(kg::similarity(a, kg::fingerprint("By Wire Staff\n" + seeds[1].text + "\n(c) Wire 2024")) >= 0.8);
    CHECK(kg::similarity(a, kg::fingerprint(seeds[2].text)) < 0.3);
    CHECK(kg::fingerprint("Too short to judge.").shingles < 10);
}

TEST_CASE("graph builder: same bytes for any thread count and arrival order") {
    auto docs = kg::sample_documents();
    const std::string one = json_of(build(docs, 1));
    CHECK(one == json_of(kg::build_graph(docs)));  // the streaming builder agrees with build_graph
    std::reverse(docs.begin(), docs.end());
    CHECK(json_of(build(docs, 2)) == one);
    std::shuffle(docs.begin(), docs.end(), std::mt19937(7));
    CHECK(json_of(build(docs, 3)) == one);
}

TEST_CASE("graph builder: a repeated id is an error, or dropped with skip_bad") {
    auto docs = kg::sample_documents();
    docs.push_back(docs[0]);
    CHECK_THROWS_AS(build(docs, 2), kg::Error);
    kg::BuildOptions o;
    o.skip_bad = true;
    int skipped = 0;
    o.on_skip = [&](const kg::Error&) { ++skipped; };
    kg::GraphBuilder b(o);
    for (auto& d : docs) b.add(d);
    CHECK(b.finish().documents().size() == docs.size() - 1);
    CHECK(skipped == 1);
}

TEST_CASE("near-duplicates count once in edge weights; keep_duplicates counts them") {
    auto docs = kg::sample_documents();
    const double base = total_weight(build(docs, 2));
    kg::Document copy = docs[1];
    copy.id = "zz-wire-copy";
    copy.text = "By Wire Staff\n" + copy.text;
    docs.push_back(copy);
    const kg::KnowledgeGraph g = build(docs, 2);
    CHECK(total_weight(g) == base);
    CHECK(g.documents().back().id == "zz-wire-copy");
    CHECK(g.documents().back().duplicate_of == docs[1].id);
    CHECK(total_weight(build(docs, 2, true)) > base);
}

TEST_CASE("records: map in two shards, shuffle, reduce = one run") {
    auto docs = kg::sample_documents();
    kg::Document copy = docs[0];
    copy.id = "zz-copy";
    copy.text = "REUTERS - " + copy.text;
    docs.push_back(copy);
    const std::string whole = json_of(build(docs, 2));
    std::string lines;
    for (std::size_t shard = 0; shard < 2; ++shard) {
        kg::BuildOptions o;
        o.threads = 2;
        kg::GraphBuilder map(o);
        for (std::size_t i = shard; i < docs.size(); i += 2) map.add(docs[i]);
        std::ostringstream out;
        for (const auto& x : map.take()) kg::write_records(x, out);
        lines += out.str();
    }
    std::vector<std::string> split;
    std::istringstream in(lines);
    for (std::string l; std::getline(in, l);) split.push_back(l + "\n");
    std::shuffle(split.begin(), split.end(), std::mt19937(11));
    std::string shuffled;
    for (const auto& l : split) shuffled += l;
    auto half = split.size() / 2;
    std::string part1, part2;
    for (std::size_t i = 0; i < split.size(); ++i) (i < half ? part1 : part2) += split[i];
    auto p1 = temp_file("part-00000", part1), p2 = temp_file("part-00001", part2);
    kg::GraphBuilder reduce;
    CHECK(kg::read_records({p1.string(), p2.string()}, {}, reduce) == 0);
    CHECK(json_of(reduce.finish()) == whole);
}

TEST_CASE("records: bad lines name file and line; TSV facts take types from extractions") {
    auto bad = temp_file("bad.records", "{\"record\":\"entity\",\"doc\":\"d\"}\n");
    kg::GraphBuilder b1;
    try {
        kg::read_records({bad.string()}, {}, b1);
        FAIL("no error");
    } catch (const kg::Error& e) {
        CHECK(std::string(e.what()).find("bad.records:1: no \"index\"") != std::string::npos);
    }
    auto facts = temp_file("facts.tsv", "# subject predicate object evidence\n"
                                        "Li Qiang\tattends\tWorld Artificial Intelligence Conference\tLi spoke there.\n"
                                        "Nobody Known\tmeets\tLi Qiang\n");
    kg::GraphBuilder b2;
    for (auto& d : kg::sample_documents()) b2.add(std::move(d));
    CHECK(kg::read_records({facts.string()}, {}, b2) == 0);
    const kg::KnowledgeGraph g = b2.finish();
    const auto li = g.lookup("Li Qiang");
    REQUIRE(li.size() == 1);
    CHECK(g.graph()[li[0]].type == kg::EntityType::PERSON);
    const auto nobody = g.lookup("Nobody Known");
    REQUIRE(nobody.size() == 1);
    CHECK(g.graph()[nobody[0]].type == kg::EntityType::UNKNOWN);
    CHECK(g.documents().back().id == "facts");
    bool found = false;
    for (auto e : boost::make_iterator_range(boost::out_edges(li[0], g.graph())))
        for (const auto& ev : g.graph()[e].evidence)
            if (ev.doc == "facts" && g.graph()[e].predicate == "attends") {  // meets (symmetric) is stored li-qiang -> nobody-known
                found = true;
                CHECK(ev.text == "Li spoke there.");
            }
    CHECK(found);
}

TEST_CASE("records: a repeated index, a missing entity or an unknown relation end names the line") {
    // One seed document's records, then the same document's records with one defect each.
    std::vector<kg::Document> one = {kg::sample_documents().front()};
    kg::BuildOptions o;
    o.threads = 1;
    kg::GraphBuilder map(o);
    map.add(one.front());
    std::ostringstream out;
    for (const auto& x : map.take()) kg::write_records(x, out);
    std::vector<std::string> lines;
    std::istringstream in(out.str());
    for (std::string l; std::getline(in, l);) lines.push_back(l);
    REQUIRE(lines.size() > 3);
    REQUIRE(lines[1].find("\"record\":\"entity\"") != std::string::npos);
    REQUIRE(lines[2].find("\"index\":1,") != std::string::npos);
    auto joined = [](const std::vector<std::string>& ls) {
        std::string s;
        for (const auto& l : ls) s += l + "\n";
        return s;
    };
    const std::string whole = json_of(build(one, 1));

    auto error_of = [&](const std::vector<std::string>& ls, const std::string& name) {
        auto f = temp_file(name, joined(ls));
        kg::GraphBuilder b;
        try {
            kg::read_records({f.string()}, {}, b);
        } catch (const kg::Error& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    // The second entity 1 (a copy of the first entity under index 1) comes last: the error names its line,
    // and with skip_bad the first one counts and the graph is the whole document's.
    std::vector<std::string> repeated = lines;
    std::string again = lines[1];
    again.replace(again.find("\"index\":0,"), 10, "\"index\":1,");
    repeated.push_back(again);
    const std::string n = std::to_string(repeated.size());
    CHECK(error_of(repeated, "rep.records").find("rep.records:" + n + ": second entity 1 of '") != std::string::npos);
    {
        auto f = temp_file("rep2.records", joined(repeated));
        kg::ReadOptions skip;
        skip.skip_bad = true;
        std::vector<std::string> skipped;
        skip.on_skip = [&](const kg::Error& e) { skipped.push_back(e.what()); };
        kg::GraphBuilder b(o);
        CHECK(kg::read_records({f.string()}, skip, b) == 1);
        REQUIRE(skipped.size() == 1);
        CHECK(skipped[0].find("rep2.records:" + n + ": second entity 1") != std::string::npos);
        CHECK(json_of(b.finish()) == whole);
    }
    // Without entity record 1 the document is incomplete; relations naming it point at their own line.
    std::vector<std::string> missing = lines;
    missing.erase(missing.begin() + 2);
    CHECK(error_of(missing, "miss.records").find("misses entity record 1") != std::string::npos);
    std::vector<std::string> unknown;
    for (const auto& l : lines)
        if (l.find("\"record\":\"entity\"") == std::string::npos) unknown.push_back(l);
    std::size_t first_relation = 0;
    while (unknown[first_relation].find("\"record\":\"relation\"") == std::string::npos) ++first_relation;
    CHECK(error_of(unknown, "unk.records")
              .find("unk.records:" + std::to_string(first_relation + 1) + ": relation names an entity with no entity record") !=
          std::string::npos);
}

TEST_CASE("document metadata survives a JSON round trip, and a date view filters evidence") {
    auto docs = kg::sample_documents();
    for (std::size_t i = 0; i < docs.size(); ++i) {
        docs[i].date = "2024-07-2" + std::to_string(i);
        docs[i].publisher = "Publisher " + std::to_string(i);
    }
    docs[0].title = "A \"quoted\" title";
    docs[0].url = "https://example.com/a";
    const kg::KnowledgeGraph g = build(docs, 2);
    const std::string text = json_of(g);
    CHECK(text.find("\"publisher\": \"Publisher 0\"") != std::string::npos);
    CHECK(json_of(kg::parse_json(text, "g.json")) == text);

    kg::ViewOptions o;
    o.since = "2024-07-21";
    o.until = "2024-07-22";
    const kg::KnowledgeGraph v = kg::make_view(g, o);
    REQUIRE(v.documents().size() == 2);
    CHECK(v.documents()[0].date == "2024-07-21");
    CHECK(v.num_relations() > 0);
    CHECK(v.num_relations() < g.num_relations());
    for (auto e : boost::make_iterator_range(boost::edges(v.graph())))
        for (const auto& ev : v.graph()[e].evidence) CHECK((ev.doc == docs[1].id || ev.doc == docs[2].id));
    o.since = "2025";
    o.until.clear();
    CHECK(kg::make_view(g, o).num_entities() == 0);
}
