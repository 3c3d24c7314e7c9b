// kg-eval ner: the token-file parser, mentions mapped to token ranges, the figures (by hand on made-up
// predictions, and on the real extractor against gold written from its own output), and the errors.
// The sentences are invented for this test.
#include <doctest/doctest.h>

#include <kg/error.hpp>
#include <kg/extract.hpp>
#include <kg/score.hpp>

#include <rapidjson/document.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

namespace {

// Two documents, four sentences; gold of every kind the scorer distinguishes.
const char* const tiny_file =
    "-DOCSTART-\tnews\tdoc-a\n"
    "Maria\tB-PER\tPERSON\n"        // 0
    "Okonkwo\tI-PER\tPERSON\n"      // 1
    "flew\tO\t-\n"
    "to\tO\t-\n"
    "Lisbon\tB-LOC\tLOCATION\n"     // 4
    "on\tO\t-\n"
    "Tuesday\tO\t-\n"
    ".\tO\t-\n"
    "\n"
    "She\tO\t-\n"                   // 8
    "met\tO\t-\n"
    "the\tO\t-\n"
    "board\tO\t-\n"
    "of\tO\t-\n"
    "Tellurian\tB-ORG\tCOMPANY\n"   // 13
    "Motors\tI-ORG\tCOMPANY\n"
    "in\tO\t-\n"
    "Portugal\tB-LOC\tCOUNTRY\n"    // 16
    "yesterday\tO\t-\n"
    ".\tO\t-\n"
    "\n"
    "-DOCSTART-\tnews\tdoc-b\n"
    "The\tO\t-\n"                   // 0
    "Harbor\tB-ORG\tORGANIZATION\n"
    "Workers\tI-ORG\tORGANIZATION\n"
    "Union\tI-ORG\tORGANIZATION\n"
    "called\tO\t-\n"
    "a\tO\t-\n"
    "strike\tO\t-\n"
    "in\tO\t-\n"
    "Rotterdam\tB-LOC\t-\n"         // 8
    ".\tO\t-\n"
    "\n"
    "Dutch\tB-MISC\t-\n"            // 10
    "minister\tO\t-\n"
    "Pieter\tB-PER\tPERSON\n"       // 12
    "van\tI-PER\tPERSON\n"
    "Damme\tI-PER\tPERSON\n"
    "said\tO\t-\n"
    "Belgium\tB-LOC\tCOUNTRY\n"     // 16
    "would\tO\t-\n"
    "send\tO\t-\n"
    "mediators\tO\t-\n"
    ".\tO\t-\n"
    "\n";

struct TempDir {  // removed on scope exit, also when a REQUIRE aborts the test
    std::string path = (std::filesystem::temp_directory_path() / "kg-ner-eval-XXXXXX").string();
    TempDir() { REQUIRE(mkdtemp(path.data()) != nullptr); }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
};

void write(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

kg::NerPrediction at(std::size_t start, std::size_t end, kg::EntityType t) {
    kg::NerPrediction p;
    p.aligned = true;
    p.start = start;
    p.end = end;
    p.type = t;
    return p;
}

kg::Mention mention(const std::string& text, const std::string& surface, std::size_t from = 0) {
    const std::size_t at = text.find(surface, from);
    REQUIRE(at != std::string::npos);
    return kg::Mention{"doc-a", at, at + surface.size(), surface};
}

// A token file with the given gold spans (start, end, coarse, fine) per document.
std::string token_file(const std::vector<kg::NerDocument>& docs, const std::vector<std::vector<kg::NerSpan>>& gold) {
    std::string out;
    for (std::size_t k = 0; k < docs.size(); ++k) {
        const auto& d = docs[k];
        out += "-DOCSTART-\t" + d.source + "\t" + d.id + "\n";
        std::vector<std::string> tags(d.tokens.size(), "O\t-");
        for (const auto& g : gold[k])
            for (std::size_t i = g.start; i < g.end; ++i) tags[i] = (i == g.start ? "B-" : "I-") + g.coarse + "\t" + g.fine;
        std::size_t s = 0;
        for (std::size_t i = 0; i < d.tokens.size(); ++i) {
            out += d.tokens[i] + "\t" + tags[i] + "\n";
            if (s < d.sentence_ends.size() && d.sentence_ends[s] == i + 1) {
                out += "\n";
                ++s;
            }
        }
    }
    return out;
}

kg::NerSpan gold_of(std::size_t start, std::size_t end, kg::EntityType t) {
    switch (t) {
        case kg::EntityType::PERSON: return {start, end, "PER", "PERSON"};
        case kg::EntityType::COMPANY: return {start, end, "ORG", "COMPANY"};
        case kg::EntityType::ORGANIZATION: return {start, end, "ORG", "ORGANIZATION"};
        case kg::EntityType::COUNTRY: return {start, end, "LOC", "COUNTRY"};
        case kg::EntityType::LOCATION: return {start, end, "LOC", "LOCATION"};
        case kg::EntityType::EVENT: return {start, end, "MISC", "EVENT"};
        case kg::EntityType::PRODUCT: return {start, end, "MISC", "PRODUCT"};
        default: return {start, end, "MISC", "-"};
    }
}

bool per_org_loc(kg::EntityType t) { return t <= kg::EntityType::LOCATION; }

}  // namespace

TEST_CASE("parse_ner_tokens: documents, sentences, BIO spans, document text") {
    auto docs = kg::parse_ner_tokens(tiny_file, "tiny.txt");
    REQUIRE(docs.size() == 2);
    CHECK(docs[0].source == "news");
    CHECK(docs[0].id == "doc-a");
    CHECK(docs[0].line == 1);
    CHECK(docs[1].id == "doc-b");
    CHECK(docs[1].line == 23);
    CHECK(docs[0].tokens.size() == 19);
    CHECK(docs[0].sentence_ends == std::vector<std::size_t>{8, 19});
    CHECK(docs[1].tokens.size() == 21);
    CHECK(docs[1].sentence_ends == std::vector<std::size_t>{10, 21});
    REQUIRE(docs[0].gold.size() == 4);
    CHECK(docs[0].gold[0].start == 0);
    CHECK(docs[0].gold[0].end == 2);
    CHECK(docs[0].gold[0].coarse == "PER");
    CHECK(docs[0].gold[0].fine == "PERSON");
    CHECK(docs[0].gold[2].start == 13);
    CHECK(docs[0].gold[2].end == 15);
    CHECK(docs[0].gold[2].fine == "COMPANY");
    REQUIRE(docs[1].gold.size() == 5);
    CHECK(docs[1].gold[0].start == 1);
    CHECK(docs[1].gold[0].end == 4);
    CHECK(docs[1].gold[1].coarse == "LOC");
    CHECK(docs[1].gold[1].fine == "-");
    CHECK(docs[1].gold[2].coarse == "MISC");
    CHECK(docs[1].gold[3].start == 12);
    CHECK(docs[1].gold[3].end == 15);

    std::vector<std::size_t> starts;
    const std::string text = kg::ner_document_text(docs[0], &starts);
    CHECK(text == "Maria Okonkwo flew to Lisbon on Tuesday .\nShe met the board of Tellurian Motors in Portugal yesterday .");
    REQUIRE(starts.size() == 19);
    CHECK(starts[1] == 6);
    CHECK(starts[8] == 42);  // "She", after the line break
    CHECK(text.compare(starts[13], 9, "Tellurian") == 0);

    // A byte-order mark and CRLF line ends are tolerated; an empty file has no documents.
    auto crlf = kg::parse_ner_tokens("\xEF\xBB\xBF-DOCSTART-\tx\ty\r\nParis\tB-LOC\t-\r\n\r\n", "crlf.txt");
    REQUIRE(crlf.size() == 1);
    CHECK(crlf[0].tokens == std::vector<std::string>{"Paris"});
    CHECK(kg::parse_ner_tokens("", "empty.txt").empty());
}

TEST_CASE("parse_ner_tokens: malformed lines are bad input naming file:line") {
    auto error_of = [](const std::string& text) -> std::string {
        try {
            kg::parse_ner_tokens(text, "bad.txt");
        } catch (const kg::Error& e) {
            CHECK(e.code() == kg::ExitCode::bad_input);
            return e.what();
        }
        return "no error";
    };
    const std::string head = "-DOCSTART-\tnews\td\nOne\tO\t-\n";
    CHECK(error_of(head + "Two\tO\n").rfind("bad.txt:3: ", 0) == 0);                     // two fields
    CHECK(error_of(head + "Two\tB-FOO\t-\n").rfind("bad.txt:3: ", 0) == 0);              // unknown class
    CHECK(error_of(head + "Two\tB-PER\tPEOPLE\n").rfind("bad.txt:3: ", 0) == 0);         // unknown fine type
    CHECK(error_of(head + "Two\tO\tPERSON\n").rfind("bad.txt:3: ", 0) == 0);             // fine type on O
    CHECK(error_of(head + "Two\tI-PER\tPERSON\n").rfind("bad.txt:3: ", 0) == 0);         // I- after O
    CHECK(error_of(head + "Two\tB-PER\t-\nThree\tI-PER\tPERSON\n").rfind("bad.txt:4: ", 0) == 0);  // fine type changes
    CHECK(error_of(head + "Two\tB-ORG\t-\n\nThree\tI-ORG\t-\n").rfind("bad.txt:5: ", 0) == 0);     // across sentences
    CHECK(error_of("Paris\tB-LOC\t-\n").rfind("bad.txt:1: ", 0) == 0);                   // before -DOCSTART-

    TempDir tmp;
    const std::string path = tmp.path + "/test_wnut.txt";
    write(path, head + "\n\nTwo\tB-PER\n");
    try {
        kg::score_ner(tmp.path);
        FAIL("expected an error");
    } catch (const kg::Error& e) {
        CHECK(e.code() == kg::ExitCode::bad_input);
        CHECK(std::string(e.what()).rfind(path + ":5: ", 0) == 0);
    }
    try {
        kg::read_ner_tokens(tmp.path + "/missing.txt");
        FAIL("expected an error");
    } catch (const kg::Error& e) {
        CHECK(e.code() == kg::ExitCode::bad_input);
        CHECK(std::string(e.what()).find("missing.txt") != std::string::npos);
    }
    std::filesystem::remove(path);
    try {  // a folder without any of the four test files
        kg::score_ner(tmp.path);
        FAIL("expected an error");
    } catch (const kg::Error& e) {
        CHECK(e.code() == kg::ExitCode::bad_input);
        CHECK(std::string(e.what()).rfind(tmp.path + ": ", 0) == 0);
    }
}

TEST_CASE("ner_predictions: mentions to token ranges, duplicates, unaligned mentions") {
    auto docs = kg::parse_ner_tokens(tiny_file, "tiny.txt");
    const std::string text = kg::ner_document_text(docs[0]);
    kg::DocExtraction x;
    x.doc = "doc-a";
    x.entities.resize(5);
    x.entities[0].type = kg::EntityType::PERSON;
    x.entities[0].mentions = {mention(text, "Maria Okonkwo"), mention(text, "aria"), mention(text, "Okonkwo")};
    x.entities[1].type = kg::EntityType::LOCATION;  // the same range as a PERSON mention: the first entity keeps it
    x.entities[1].mentions = {mention(text, "Lisbon"), mention(text, "Maria Okonkwo")};
    x.entities[2].type = kg::EntityType::COMPANY;  // ends inside a token
    x.entities[2].mentions = {mention(text, "Tellurian Motor")};
    x.entities[3].type = kg::EntityType::UNKNOWN;  // left out
    x.entities[3].mentions = {mention(text, "yesterday")};
    x.entities[4].type = kg::EntityType::ORGANIZATION;  // across the line break: still on token boundaries
    x.entities[4].mentions = {mention(text, "Tuesday .\nShe"), mention(text, "Portugal")};
    const auto p = kg::ner_predictions(docs[0], x);
    REQUIRE(p.size() == 7);
    struct Want {
        const char* surface;
        bool aligned;
        std::size_t start, end;
        kg::EntityType type;
    };
    const Want want[] = {
        {"Maria Okonkwo", true, 0, 2, kg::EntityType::PERSON},
        {"aria", false, 0, 0, kg::EntityType::PERSON},
        {"Okonkwo", true, 1, 2, kg::EntityType::PERSON},
        {"Lisbon", true, 4, 5, kg::EntityType::LOCATION},
        {"Tuesday .\nShe", true, 6, 9, kg::EntityType::ORGANIZATION},
        {"Tellurian Motor", false, 0, 0, kg::EntityType::COMPANY},
        {"Portugal", true, 16, 17, kg::EntityType::ORGANIZATION},
    };
    for (std::size_t i = 0; i < p.size(); ++i) {
        CAPTURE(i);
        CHECK(text.substr(p[i].byte_start, p[i].byte_end - p[i].byte_start) == want[i].surface);
        CHECK(p[i].aligned == want[i].aligned);
        if (want[i].aligned) {
            CHECK(p[i].start == want[i].start);
            CHECK(p[i].end == want[i].end);
        }
        CHECK(p[i].type == want[i].type);
    }
}

TEST_CASE("score_ner_predictions: the figures, by hand") {
    using T = kg::EntityType;
    auto docs = kg::parse_ner_tokens(tiny_file, "tiny.txt");
    kg::NerPrediction unaligned;
    unaligned.type = T::PERSON;
    std::vector<std::vector<kg::NerPrediction>> pred = {
        {at(0, 2, T::PERSON), at(4, 5, T::COUNTRY), at(13, 15, T::ORGANIZATION), at(16, 17, T::COUNTRY),
         at(13, 14, T::COMPANY), unaligned},
        {at(1, 4, T::COMPANY), at(8, 9, T::LOCATION), at(10, 11, T::EVENT), at(13, 15, T::PERSON),
         at(16, 17, T::PERSON), at(19, 20, T::PRODUCT)},
    };
    const kg::NerFileScore s = kg::score_ner_predictions(docs, pred, "tiny.txt");
    CHECK(s.file == "tiny.txt");
    CHECK(s.documents == 2);
    CHECK(s.sentences == 4);
    CHECK(s.tokens == 40);
    CHECK(s.gold_spans == std::array<std::size_t, 4>{2, 2, 4, 1});
    CHECK(s.predicted_spans == 12);
    CHECK(s.unaligned_spans == 1);
    // Typed, PER/ORG/LOC: 6 right of 10 predicted (EVENT and PRODUCT left out) and 8 gold.
    CHECK(s.typed.true_positives == 6);
    CHECK(s.typed.predicted == 10);
    CHECK(s.typed.gold == 8);
    CHECK(s.typed.precision == doctest::Approx(0.6));
    CHECK(s.typed.recall == doctest::Approx(0.75));
    CHECK(s.typed.f1 == doctest::Approx(2.0 / 3.0));
    CHECK(s.classes[0].true_positives == 1);  // PER: Maria Okonkwo; Pieter van Damme cut short
    CHECK(s.classes[0].predicted == 4);
    CHECK(s.classes[0].gold == 2);
    CHECK(s.classes[0].f1 == doctest::Approx(1.0 / 3.0));
    CHECK(s.classes[1].true_positives == 2);  // ORG: either fine type counts
    CHECK(s.classes[1].predicted == 3);
    CHECK(s.classes[1].gold == 2);
    CHECK(s.classes[1].f1 == doctest::Approx(0.8));
    CHECK(s.classes[2].true_positives == 3);  // LOC: Belgium predicted PERSON is missed
    CHECK(s.classes[2].predicted == 3);
    CHECK(s.classes[2].gold == 4);
    CHECK(s.classes[2].f1 == doctest::Approx(6.0 / 7.0));
    // Untyped: Belgium's boundaries were found.
    CHECK(s.untyped.true_positives == 7);
    CHECK(s.untyped.predicted == 10);
    CHECK(s.untyped.gold == 8);
    CHECK(s.untyped.f1 == doctest::Approx(2 * 0.7 * 0.875 / 1.575));
    // Confusion: rows PERSON … WORK, PER, ORG, LOC, MISC; columns PERSON … POLICY.
    REQUIRE(s.confusion.size() == 12);
    auto row = [&](const char* gold) -> const kg::NerConfusionRow& {
        for (const auto& r : s.confusion)
            if (r.gold == gold) return r;
        FAIL("no row " << gold);
        return s.confusion.front();
    };
    CHECK(row("PERSON").predicted == std::array<std::size_t, 8>{1, 0, 0, 0, 0, 0, 0, 0});
    CHECK(row("PERSON").not_found == 1);
    CHECK(row("COMPANY").predicted == std::array<std::size_t, 8>{0, 0, 1, 0, 0, 0, 0, 0});
    CHECK(row("ORGANIZATION").predicted == std::array<std::size_t, 8>{0, 1, 0, 0, 0, 0, 0, 0});
    CHECK(row("COUNTRY").predicted == std::array<std::size_t, 8>{1, 0, 0, 1, 0, 0, 0, 0});
    CHECK(row("LOCATION").predicted == std::array<std::size_t, 8>{0, 0, 0, 1, 0, 0, 0, 0});
    CHECK(row("LOC").predicted == std::array<std::size_t, 8>{0, 0, 0, 0, 1, 0, 0, 0});
    CHECK(row("MISC").predicted == std::array<std::size_t, 8>{0, 0, 0, 0, 0, 1, 0, 0});
    CHECK(row("WORK").predicted == std::array<std::size_t, 8>{});
    CHECK(s.confusion[0].gold == "PERSON");
    CHECK(s.confusion[8].gold == "PER");
    // Second stage: Tellurian Motors (COMPANY → ORGANIZATION) and Harbor Workers Union (ORGANIZATION →
    // COMPANY) are both wrong; Lisbon (LOCATION → COUNTRY) wrong, Portugal right, Belgium predicted PERSON.
    CHECK(s.company_vs_organization.gold == 2);
    CHECK(s.company_vs_organization.not_found == 0);
    CHECK(s.company_vs_organization.scored == 2);
    CHECK(s.company_vs_organization.right == 0);
    CHECK(s.company_vs_organization.accuracy == 0.0);
    CHECK(s.country_vs_location.gold == 3);
    CHECK(s.country_vs_location.not_found == 0);
    CHECK(s.country_vs_location.other_type == 1);
    CHECK(s.country_vs_location.scored == 2);
    CHECK(s.country_vs_location.right == 1);
    CHECK(s.country_vs_location.accuracy == doctest::Approx(0.5));

    // The JSON report: fixed keys, four decimals.
    kg::NerEvalReport report;
    report.files.push_back(s);
    report.files.back().file = "dir/test_wnut.txt";
    const std::string json = kg::ner_eval_json(report);
    CHECK(json.find("\"precision\": 0.6000") != std::string::npos);
    CHECK(json.find("\"f1\": 0.6667") != std::string::npos);
    rapidjson::Document d;
    d.Parse(json.c_str());
    REQUIRE_FALSE(d.HasParseError());
    CHECK(d["files"][0u]["typed"]["true_positives"].GetUint() == 6);
    CHECK(d["files"][0u]["classes"]["LOC"]["f1"].GetDouble() == doctest::Approx(0.8571));
    CHECK(d["files"][0u]["confusion"]["rows"][3u]["gold"] == "COUNTRY");
    CHECK(d["second_stage"]["company_vs_organization"]["file"] == "dir/test_wnut.txt");
    CHECK(d["second_stage"]["country_vs_location"].IsNull());
    CHECK(kg::ner_eval_json(report) == json);
    const std::string text = kg::ner_eval_text(report);
    CHECK(text.find("typed    0.6000  0.7500  0.6667") != std::string::npos);
    CHECK(text.find("COMPANY vs ORGANIZATION, WNUT-17 test corporation/group: accuracy 0.0000 (0/2)") !=
          std::string::npos);
}

TEST_CASE("score_ner: the real extractor against gold written from its own output") {
    // Tokens only, to see what the extractor finds in them.
    auto docs = kg::parse_ner_tokens(tiny_file, "tiny.txt");
    for (auto& d : docs) d.gold.clear();
    kg::Extractor extract;
    std::vector<std::vector<kg::NerSpan>> self(docs.size());
    std::size_t predicted = 0, gold = 0;
    std::vector<std::set<std::size_t>> covered(docs.size());
    for (std::size_t k = 0; k < docs.size(); ++k) {
        const auto& d = docs[k];
        const auto p = kg::ner_predictions(d, extract(kg::Document{d.id, "test", kg::ner_document_text(d)}));
        std::size_t last_end = 0;
        for (const auto& q : p) {
            if (per_org_loc(q.type)) ++predicted;
            if (!q.aligned) continue;
            for (std::size_t i = q.start; i < q.end; ++i) covered[k].insert(i);
            // Gold spans cannot overlap or cross a sentence end: such predictions stay unmatched.
            bool crosses = false;
            for (auto e : d.sentence_ends) crosses |= q.start < e && e < q.end;
            if (q.start < last_end || crosses) continue;
            last_end = q.end;
            self[k].push_back(gold_of(q.start, q.end, q.type));
            if (per_org_loc(q.type)) ++gold;
        }
    }
    MESSAGE(predicted << " PER/ORG/LOC predictions, " << gold << " of them kept as gold");
    REQUIRE(gold >= 3);  // Maria Okonkwo, Lisbon, Portugal, Rotterdam, Belgium, … : most of them at least

    // The same tokens with one gold span retyped and one added where nothing was predicted.
    auto changed = self;
    std::size_t retyped = 0;
    for (auto& spans : changed)
        for (auto& g : spans) {
            if (retyped || g.coarse == "MISC") continue;
            g = g.coarse == "PER" ? kg::NerSpan{g.start, g.end, "LOC", "LOCATION"} : kg::NerSpan{g.start, g.end, "PER", "PERSON"};
            ++retyped;
        }
    REQUIRE(retyped == 1);
    std::size_t free_token = 0;
    while (covered[1].count(free_token) || docs[1].tokens[free_token] == ".") ++free_token;
    REQUIRE(free_token < docs[1].tokens.size());
    changed[1].push_back(kg::NerSpan{free_token, free_token + 1, "ORG", "-"});

    TempDir tmp;
    write(tmp.path + "/test_gum_news.txt", token_file(docs, self));
    write(tmp.path + "/changed.txt", token_file(docs, changed));
    const kg::NerEvalReport r = kg::score_ner(tmp.path, {tmp.path + "/changed.txt"});
    REQUIRE(r.files.size() == 2);
    CHECK(r.files[0].file == (std::filesystem::path(tmp.path) / "test_gum_news.txt").string());
    const kg::NerFileScore& same = r.files[0];
    CHECK(same.typed.true_positives == gold);
    CHECK(same.typed.gold == gold);
    CHECK(same.typed.predicted == predicted);
    CHECK(same.typed.recall == 1.0);
    CHECK(same.untyped.true_positives == gold);
    for (const auto& row : same.confusion) {  // everything on the diagonal
        CHECK(row.not_found == 0);
        for (std::size_t t = 0; t < 8; ++t)
            if (row.predicted[t]) CHECK(kg::to_string(static_cast<kg::EntityType>(t)) == (row.gold == "MISC" ? "POLICY" : row.gold));
    }
    if (same.company_vs_organization.scored) CHECK(same.company_vs_organization.accuracy == 1.0);
    if (same.country_vs_location.scored) CHECK(same.country_vs_location.accuracy == 1.0);
    if (predicted == gold) CHECK(same.typed.f1 == 1.0);

    const kg::NerFileScore& other = r.files[1];
    CHECK(other.file == tmp.path + "/changed.txt");
    CHECK(other.typed.true_positives == gold - 1);
    CHECK(other.typed.gold == gold + 1);
    CHECK(other.typed.predicted == predicted);
    CHECK(other.untyped.true_positives == gold);
    CHECK(other.gold_spans[0] + other.gold_spans[1] + other.gold_spans[2] == gold + 1);
}
