// Incremental update (issue 6): a saved JSON graph keeps the extraction it was merged from, so adding
// documents to it later gives the graph of one run over all documents, byte for byte.
#include <kg/corpus.hpp>
#include <kg/dedup.hpp>
#include <kg/export.hpp>
#include <kg/extract.hpp>
#include <kg/read.hpp>

#include <doctest/doctest.h>

#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

std::vector<kg::Document> seeds() {
    std::vector<kg::Document> docs = kg::sample_documents();
    std::sort(docs.begin(), docs.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    return docs;
}

std::vector<kg::ExtractedDocument> extract(std::vector<kg::Document> docs) {
    kg::BuildOptions o;
    o.threads = 1;
    kg::GraphBuilder b(o);
    for (auto& d : docs) b.add(std::move(d));
    return b.take();
}

// What kg-export --json writes: the merged graph plus the documents it was merged from.
std::string saved_json(std::vector<kg::ExtractedDocument> docs, const kg::BuildOptions& o = {}) {
    const std::vector<kg::ExtractedDocument> kept = docs;
    kg::KnowledgeGraph g = kg::merge_documents(std::move(docs), o);
    kg::WriteOptions w;
    w.extraction = &kept;
    std::ostringstream out;
    kg::write_json(g, out, w);
    // kg-export renders the lines before merging, to free the documents: the bytes must not differ.
    std::vector<std::string> lines;
    for (const auto& d : kept) lines.push_back(kg::extraction_line(d));
    kg::WriteOptions by_lines;
    by_lines.extraction_lines = &lines;
    std::ostringstream out2;
    kg::write_json(g, out2, by_lines);
    CHECK(out2.str() == out.str());
    return out.str();
}

// What kg-export --graph OLD NEW --json does: OLD's documents first, then NEW, merged as one run.
std::string updated_json(const std::string& old_json, std::vector<kg::ExtractedDocument> added,
                         kg::BuildOptions o = {}) {
    kg::SavedGraph saved = kg::parse_saved_json(old_json, "old.json");
    REQUIRE(saved.extraction);
    o.threads = 1;
    kg::GraphBuilder b(o);
    for (auto& d : *saved.extraction) b.add(std::move(d));
    for (auto& d : added) b.add(std::move(d));
    return saved_json(b.take(), o);
}

std::vector<kg::ExtractedDocument> pick(const std::vector<kg::ExtractedDocument>& all, std::vector<std::size_t> which) {
    std::vector<kg::ExtractedDocument> out;
    for (std::size_t i : which) out.push_back(all.at(i));
    return out;
}

// A hand-made document: one entity per (name, type, confidence), a relation from the first to the second.
kg::ExtractedDocument doc(const std::string& id, std::vector<std::tuple<std::string, kg::EntityType, double>> es) {
    kg::ExtractedDocument x;
    x.info = kg::DocumentInfo{id, id + ".txt", 100, {}, {}, {}, {}, {}};
    x.extraction.doc = id;
    std::size_t at = 0;
    for (auto& [name, type, conf] : es) {
        kg::DocEntity e;
        e.name = name;
        e.type = type;
        e.type_confidence = conf;
        e.mentions.push_back(kg::Mention{id, at, at + name.size(), name});
        at += name.size() + 1;
        x.extraction.entities.push_back(std::move(e));
    }
    if (x.extraction.entities.size() >= 2) {
        kg::DocRelation r;
        r.subject = 0;
        r.object = 1;
        r.predicate = "partner_of";
        r.confidence = 0.75;
        r.evidence = kg::Evidence{{id, 0, at, "a sentence"}, "", false};
        x.extraction.relations.push_back(std::move(r));
    }
    return x;
}

}  // namespace

TEST_CASE("incremental: the extraction section reads back into the documents it was written from") {
    const auto docs = extract(seeds());
    const std::string json = saved_json(docs);
    kg::SavedGraph saved = kg::parse_saved_json(json, "g.json");
    REQUIRE(saved.extraction);
    REQUIRE(saved.extraction->size() == docs.size());
    for (std::size_t i = 0; i < docs.size(); ++i) {
        const auto& a = docs[i];
        const auto& b = (*saved.extraction)[i];
        CHECK(a.info.id == b.info.id);
        CHECK(a.info.source == b.info.source);
        CHECK(a.info.bytes == b.info.bytes);
        CHECK(b.info.duplicate_of.empty());
        CHECK(a.fingerprint.bins == b.fingerprint.bins);
        CHECK(a.fingerprint.shingles == b.fingerprint.shingles);
        REQUIRE(a.extraction.entities.size() == b.extraction.entities.size());
        for (std::size_t k = 0; k < a.extraction.entities.size(); ++k) {
            CHECK(a.extraction.entities[k].name == b.extraction.entities[k].name);
            CHECK(a.extraction.entities[k].type == b.extraction.entities[k].type);
            CHECK(a.extraction.entities[k].type_confidence == b.extraction.entities[k].type_confidence);
            CHECK(a.extraction.entities[k].aliases == b.extraction.entities[k].aliases);
            CHECK(a.extraction.entities[k].mentions == b.extraction.entities[k].mentions);
        }
        REQUIRE(a.extraction.relations.size() == b.extraction.relations.size());
        for (std::size_t k = 0; k < a.extraction.relations.size(); ++k) {
            const auto &ra = a.extraction.relations[k], &rb = b.extraction.relations[k];
            CHECK(ra.subject == rb.subject);
            CHECK(ra.object == rb.object);
            CHECK(ra.predicate == rb.predicate);
            CHECK(ra.confidence == rb.confidence);
            CHECK(ra.evidence == rb.evidence);
            CHECK(ra.evidence.modality == rb.evidence.modality);
            CHECK(ra.evidence.negated == rb.evidence.negated);
        }
    }
    // Written again, the same bytes: a saved graph converted JSON -> JSON keeps what updates need.
    kg::WriteOptions w;
    w.extraction = &*saved.extraction;
    std::ostringstream again;
    kg::write_json(saved.graph, again, w);
    CHECK(again.str() == json);
    // NetworkX ignores the section; plain parse_json() does too, and the plain writer leaves it out.
    std::ostringstream plain;
    kg::write_json(kg::parse_json(json, "g.json"), plain);
    CHECK(plain.str().find("\"extraction\"") == std::string::npos);
    CHECK(json.find("\n \"extraction\": {") != std::string::npos);
}

TEST_CASE("incremental: seeds added to a saved graph in any split give the single run's bytes") {
    const auto all = extract(seeds());
    REQUIRE(all.size() == 5);
    const std::string once = saved_json(all);
    const std::vector<std::pair<std::vector<std::size_t>, std::vector<std::size_t>>> splits = {
        {{0, 1, 2}, {3, 4}},  // new documents after the old ones
        {{3, 4}, {0, 1, 2}},  // new documents sort before the old ones
        {{0, 2, 4}, {1, 3}},  // interleaved
        {{}, {0, 1, 2, 3, 4}},
        {{0, 1, 2, 3, 4}, {}},
    };
    for (const auto& [old_ids, new_ids] : splits) {
        CAPTURE(old_ids.size());
        CHECK(updated_json(saved_json(pick(all, old_ids)), pick(all, new_ids)) == once);
    }
    SUBCASE("two successive updates") {
        const std::string a = saved_json(pick(all, {2, 4}));
        const std::string ab = updated_json(a, pick(all, {0}));
        CHECK(updated_json(ab, pick(all, {1, 3})) == once);
    }
    SUBCASE("with --keep-duplicates") {
        kg::BuildOptions keep;
        keep.keep_duplicates = true;
        CHECK(updated_json(saved_json(pick(all, {1, 3}), keep), pick(all, {0, 2, 4}), keep) == saved_json(all, keep));
    }
}

TEST_CASE("incremental: a wire copy is found across old and new documents, the earlier id being the original") {
    std::vector<kg::Document> docs = seeds();
    const kg::Document original = docs[2];
    auto copy = [&](const std::string& id) {
        return kg::Document{id, id + ".txt", "By Wire Staff\n" + original.text, {}, {}, {}, {}};
    };
    for (const std::string id : {std::string("0-wire"), std::string("zz-wire")}) {
        CAPTURE(id);
        std::vector<kg::Document> with_copy = docs;
        with_copy.push_back(copy(id));
        const auto all = extract(with_copy);
        const std::string once = saved_json(all);
        // The copy counts once in the single run...
        kg::KnowledgeGraph g = kg::parse_json(once, "once");
        std::size_t copies = 0;
        for (const auto& d : g.documents()) copies += !d.duplicate_of.empty();
        CHECK(copies == 1);
        // ...and the same when either the copy or its original is the new document.
        const auto copy_doc = extract({copy(id)});
        CHECK(updated_json(saved_json(extract(docs)), copy_doc) == once);
        std::vector<kg::Document> without_original = docs;
        without_original.erase(without_original.begin() + 2);
        without_original.push_back(copy(id));
        CHECK(updated_json(saved_json(extract(without_original)), extract({original})) == once);
    }
}

TEST_CASE("incremental: types reconcile across old and new documents from the per-document confidences") {
    using T = kg::EntityType;
    // Old: "Zorblat" read ORGANIZATION at 0.3 in a and COMPANY at 0.6 in b: COMPANY wins the vote (60 to 30).
    // New: c reads PRODUCT at 0.9. One run over all three gives every uncertain reading PRODUCT (90 to 60 and
    // 30), which only the pre-reconciliation confidences saved with the old graph can reproduce.
    auto a = doc("a", {{"Zorblat", T::ORGANIZATION, 0.3}, {"Quux Ltd", T::COMPANY, 1.0}});
    auto b = doc("b", {{"Zorblat", T::COMPANY, 0.6}, {"Quux Ltd", T::COMPANY, 1.0}});
    auto c = doc("c", {{"Zorblat", T::PRODUCT, 0.9}});
    const std::string once = saved_json({a, b, c});
    const std::string updated = updated_json(saved_json({a, b}), {c});
    CHECK(updated == once);
    kg::KnowledgeGraph g = kg::parse_json(updated, "u");
    CHECK(g.find("Zorblat", T::PRODUCT));
    CHECK(!g.find("Zorblat", T::COMPANY));
    CHECK(!g.find("Zorblat", T::ORGANIZATION));
    // Before c, the old graph itself had COMPANY.
    kg::KnowledgeGraph old = kg::parse_json(saved_json({a, b}), "o");
    CHECK(old.find("Zorblat", T::COMPANY));
    CHECK(!old.find("Zorblat", T::ORGANIZATION));
    // The guess of a new document takes the type an old one established.
    auto d = doc("d", {{"Quux Ltd", T::LOCATION, 0.2}});
    CHECK(updated_json(saved_json({a, b}), {d}) == saved_json({a, b, d}));
}

TEST_CASE("incremental: short forms join across old and new documents as in one run") {
    using T = kg::EntityType;
    // a writes the full name and uses the surname alone; b (old) and c (new) write only the surname, and
    // share an entity with a. d (new) brings a second Okafor of the same context: from then on the bare
    // surname joins neither.
    auto a = doc("a", {{"Maria Okafor", T::PERSON, 0.9}, {"Nordvale Bank", T::COMPANY, 0.9}});
    a.extraction.entities[0].aliases = {"Okafor"};
    auto b = doc("b", {{"Okafor", T::PERSON, 0.8}, {"Nordvale Bank", T::COMPANY, 0.9}});
    auto c = doc("c", {{"Nordvale Bank", T::COMPANY, 0.9}, {"Okafor", T::PERSON, 0.7}});
    auto d = doc("d", {{"Tunde Okafor", T::PERSON, 0.9}, {"Nordvale Bank", T::COMPANY, 0.9}});
    const std::string once = saved_json({a, b, c});
    CHECK(updated_json(saved_json({a, b}), {c}) == once);
    CHECK(updated_json(saved_json({a}), {b, c}) == once);
    kg::KnowledgeGraph g = kg::parse_json(once, "g");
    REQUIRE(g.find("Maria Okafor", T::PERSON));
    CHECK(!g.find("Okafor", T::PERSON));
    const kg::Entity& maria = g.graph()[*g.find("Maria Okafor", T::PERSON)];
    REQUIRE(maria.joins.size() == 2);
    CHECK(maria.joins[0].doc == "b");
    CHECK(maria.joins[1].doc == "c");
    const std::string with_d = saved_json({a, b, c, d});
    CHECK(updated_json(once, {d}) == with_d);
    kg::KnowledgeGraph h = kg::parse_json(with_d, "h");
    CHECK(h.find("Okafor", T::PERSON));
    CHECK(h.graph()[*h.find("Maria Okafor", T::PERSON)].joins.empty());
}

TEST_CASE("incremental: a document id the saved graph already has is an error, or skipped keeping the old one") {
    const auto all = extract(seeds());
    const std::string old_json = saved_json(pick(all, {0, 1}));
    auto again = pick(all, {1});
    again[0].info.source = "elsewhere/" + again[0].info.id + ".txt";
    kg::SavedGraph saved = kg::parse_saved_json(old_json, "old.json");
    {
        kg::BuildOptions o;
        o.threads = 1;
        kg::GraphBuilder b(o);
        for (auto& x : *saved.extraction) b.add(std::move(x));
        b.add(again[0]);
        try {
            b.take();
            FAIL("a repeated id was accepted");
        } catch (const kg::Error& e) {
            CHECK(e.code() == kg::ExitCode::bad_input);
            CHECK(std::string(e.what()).find("duplicate document id '" + all[1].info.id + "'") != std::string::npos);
        }
    }
    kg::BuildOptions skip;
    skip.skip_bad = true;
    std::size_t skipped = 0;
    skip.on_skip = [&](const kg::Error&) { ++skipped; };
    CHECK(updated_json(old_json, again, skip) == old_json);
    CHECK(skipped == 1);
}

TEST_CASE("incremental: a saved graph without a matching extraction section has none to offer") {
    const auto all = extract(seeds());
    const std::string json = saved_json(pick(all, {0, 1, 2}));
    SUBCASE("no section: plain JSON, foreign JSON, GraphML") {
        std::ostringstream plain;
        kg::write_json(kg::parse_json(json, "g"), plain);
        CHECK(!kg::parse_saved_json(plain.str(), "plain.json").extraction);
        CHECK(!kg::parse_saved_json(R"({"nodes": [{"id": 1}], "links": []})", "nx.json").extraction);
    }
    auto bad = [&](const std::string& text, const std::string& message) {
        CAPTURE(message);
        try {
            kg::parse_saved_json(text, "g.json");
            FAIL("accepted");
        } catch (const kg::Error& e) {
            CHECK(e.code() == kg::ExitCode::bad_input);
            CHECK(std::string(e.what()).find(message) != std::string::npos);
        }
    };
    auto replace = [&](std::string s, const std::string& from, const std::string& to) {
        const auto at = s.find(from);
        REQUIRE(at != std::string::npos);
        return s.replace(at, from.size(), to);
    };
    SUBCASE("a graph changed after it was saved") {
        kg::KnowledgeGraph g = kg::parse_json(json, "g");
        const auto section = json.find("\n \"extraction\"");
        const auto nodes = json.find("\"nodes\": " + std::to_string(g.num_entities()) + ",", section);
        REQUIRE(nodes != std::string::npos);
        std::string edited = json;
        edited.replace(nodes, 9 + std::to_string(g.num_entities()).size(), "\"nodes\": 1");
        bad(edited, "g.json: extraction: written for a graph of 1 nodes");
    }
    SUBCASE("documents that do not match graph.documents") {
        bad(replace(json, "{\"id\":\"" + all[1].info.id + "\"", "{\"id\":\"other\""),
            "g.json: extraction.documents[1]: is not document '" + all[1].info.id + "'");
    }
    SUBCASE("a malformed fingerprint or entity") {
        bad(replace(json, "\"minhash\":\"", "\"minhash\":\"X"), "extraction.documents[0]: \"minhash\" is not 512");
        bad(replace(json, "\"entities\":[[", "\"entities\":[[1,"), "extraction.documents[0]: an entity is not");
        bad(replace(json, "\"format\": 3", "\"format\": 4"), "g.json: extraction: format 4 is not one this libkg reads (1, 2 or 3)");
        // Format 2 has no code-point starts: a fourth span element there is an error, not a guess.
        bad(replace(json, "\"format\": 3", "\"format\": 2"), "extraction.documents[0]: a span is not [start, end, text]");
    }
}

TEST_CASE("merge_documents refuses documents out of id order") {
    using T = kg::EntityType;
    CHECK_THROWS_AS(kg::merge_documents({doc("b", {{"X", T::PERSON, 1.0}}), doc("a", {{"Y", T::PERSON, 1.0}})}),
                    kg::Error);
    CHECK_THROWS_AS(kg::merge_documents({doc("a", {}), doc("a", {})}), kg::Error);
}

TEST_CASE("incremental: read_saved_documents streams the documents read_saved_graph returns, in any layout") {
    const auto all = extract(seeds());
    const std::string json = saved_json(all);
    const auto dir = std::filesystem::temp_directory_path() / ("kg-saved-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    auto file = [&](const std::string& name, const std::string& text) {
        const auto p = (dir / name).string();
        std::ofstream(p, std::ios::binary) << text;
        return p;
    };
    auto lines_of = [](const std::vector<kg::ExtractedDocument>& docs) {
        std::vector<std::string> out;
        for (const auto& d : docs) out.push_back(kg::extraction_line(d));
        return out;
    };
    const std::vector<std::string> expected = lines_of(*kg::parse_saved_json(json, "g.json").extraction);
    REQUIRE(expected.size() == all.size());
    // Pretty-printed by another tool; and with a section key written with an escape, which the DOM reads.
    rapidjson::Document dom;
    dom.Parse(json.data(), json.size());
    rapidjson::StringBuffer buffer;
    rapidjson::PrettyWriter<rapidjson::StringBuffer> pretty(buffer);
    pretty.SetIndent(' ', 3);
    dom.Accept(pretty);
    std::string escaped = json;
    escaped.replace(escaped.find("\"format\": 3"), 8, "\"\\u0066ormat\"");
    for (const std::string& text : {json, std::string(buffer.GetString(), buffer.GetSize()), escaped}) {
        const std::string path = file("saved.json", text);
        std::vector<kg::ExtractedDocument> docs;
        const kg::SavedDocuments found =
            kg::read_saved_documents(path, [&](kg::ExtractedDocument&& d) { docs.push_back(std::move(d)); });
        CHECK(found.has_extraction);
        CHECK(found.generator.rfind("libkg ", 0) == 0);
        CHECK(lines_of(docs) == expected);
        // With the graph too: the graph read_saved_graph() reads.
        kg::KnowledgeGraph graph;
        docs.clear();
        kg::read_saved_documents(path, [&](kg::ExtractedDocument&& d) { docs.push_back(std::move(d)); }, &graph);
        CHECK(lines_of(docs) == expected);
        std::ostringstream a, b;
        kg::write_json(graph, a);
        kg::write_json(kg::read_saved_graph(path).graph, b);
        CHECK(a.str() == b.str());
    }
    // The same refusals as read_saved_graph(), whether or not the graph is built.
    std::string edited = json;
    const auto section = edited.find("\n \"extraction\"");
    const auto nodes = edited.find("\"nodes\": ", section);
    edited.replace(nodes, edited.find(',', nodes) - nodes, "\"nodes\": 1");
    const std::string bad = file("edited.json", edited);
    CHECK_THROWS_WITH_AS(kg::read_saved_documents(bad, [](kg::ExtractedDocument&&) {}),
                         doctest::Contains("extraction: written for a graph of 1 nodes"), kg::Error);
    kg::KnowledgeGraph ignored;
    CHECK_THROWS_WITH_AS(kg::read_saved_documents(bad, [](kg::ExtractedDocument&&) {}, &ignored),
                         doctest::Contains("extraction: written for a graph of 1 nodes"), kg::Error);
    // No section: GraphML, plain JSON. `each` is not called.
    std::ostringstream graphml, plain;
    kg::write_graphml(kg::parse_json(json, "g"), graphml);
    kg::write_json(kg::parse_json(json, "g"), plain);
    for (const std::string& path : {file("g.graphml", graphml.str()), file("plain.json", plain.str())}) {
        std::size_t calls = 0;
        CHECK(!kg::read_saved_documents(path, [&](kg::ExtractedDocument&&) { ++calls; }).has_extraction);
        CHECK(calls == 0);
    }
    std::filesystem::remove_all(dir);
}

TEST_CASE("incremental: code-point offsets survive a saved graph; a format 2 file is read without them") {
    std::vector<kg::Document> docs(2);
    docs[0].id = "a";
    docs[0].text = "Zo\xC3\xAB said Microsoft attended the World AI Conference in Shanghai \xF0\x9F\x98\x80.";
    docs[1].id = "b";
    docs[1].text = "\xE4\xB8\xAD\xE6\x96\x87 news: Google did not attend the World AI Conference.";
    const auto all = extract(docs);
    bool non_ascii_before = false;  // some span starts after a multi-byte character
    for (const auto& d : all)
        for (const auto& e : d.extraction.entities)
            for (const auto& m : e.mentions) {
                REQUIRE(m.cp_start != kg::Span::unknown);
                non_ascii_before = non_ascii_before || m.cp_start < m.start;
            }
    CHECK(non_ascii_before);
    const std::string json = saved_json(all);
    const kg::SavedGraph saved = kg::parse_saved_json(json, "g.json");
    REQUIRE(saved.extraction);
    for (std::size_t i = 0; i < all.size(); ++i) {
        CHECK(kg::extraction_line((*saved.extraction)[i]) == kg::extraction_line(all[i]));
        for (std::size_t k = 0; k < all[i].extraction.entities.size(); ++k)
            CHECK((*saved.extraction)[i].extraction.entities[k].mentions.front().cp_start ==
                  all[i].extraction.entities[k].mentions.front().cp_start);
    }
    // Added to, the saved graph gives what one run gives, code points included.
    CHECK(updated_json(saved_json({all[0]}), {all[1]}) == json);

    // The same file as libkg 0.4 wrote it: format 2, spans of three elements, no cp_start in the graph.
    rapidjson::Document dom;
    dom.Parse(json.data(), json.size());
    REQUIRE_FALSE(dom.HasParseError());
    dom["extraction"]["format"].SetUint(2);
    auto strip = [](rapidjson::Value& span) {
        if (span.IsArray() && span.Size() == 4) span.PopBack();
    };
    for (auto& d : dom["extraction"]["documents"].GetArray()) {
        for (auto& e : d["entities"].GetArray())
            for (auto& m : e[4].GetArray()) strip(m);
        for (auto& r : d["relations"].GetArray()) strip(r[4]);
    }
    for (const char* kind : {"nodes", "edges"})
        for (auto& item : dom[kind].GetArray())
            for (auto& s : item[kind[0] == 'n' ? "mentions" : "evidence"].GetArray()) {
                s.RemoveMember("cp_start");
                s.RemoveMember("cp_end");
            }
    rapidjson::StringBuffer buffer;
    rapidjson::PrettyWriter<rapidjson::StringBuffer> writer(buffer);
    dom.Accept(writer);
    const std::string old(buffer.GetString(), buffer.GetSize());
    const kg::SavedGraph older = kg::parse_saved_json(old, "old.json");
    REQUIRE(older.extraction);
    for (const auto& d : *older.extraction)
        for (const auto& e : d.extraction.entities)
            for (const auto& m : e.mentions) CHECK(m.cp_start == kg::Span::unknown);
    // Updated with a new document: the old spans stay without code points, the new one has them.
    const std::string updated = updated_json(old, extract({[] {
        kg::Document d;
        d.id = "c";
        d.text = "\xC3\x89lodie said Microsoft attended the World AI Conference.";
        return d;
    }()}));
    CHECK(updated.find("\"extraction\": {\n  \"format\": 3") != std::string::npos);
    const kg::KnowledgeGraph g = kg::parse_json(updated, "u.json");
    std::size_t with = 0, without = 0;
    for (kg::Vertex v : boost::make_iterator_range(boost::vertices(g.graph())))
        for (const auto& m : g.graph()[v].mentions) (m.cp_start == kg::Span::unknown ? without : with) += 1;
    CHECK(with > 0);
    CHECK(without > 0);
}
