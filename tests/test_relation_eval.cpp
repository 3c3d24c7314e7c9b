// kg-eval redocred and fewrel: the Wikidata mapping, entity matching by byte overlap and the counts, on
// documents and sentences invented for this test, with extractions built by hand so that every count is
// known. The mapping table is this test's own predicates.tsv (the shipped one changes as predicates are
// added), loaded through kg::set_data_dir.
#include <doctest/doctest.h>

#include <kg/error.hpp>
#include <kg/lexicon.hpp>
#include <kg/score.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

namespace {

constexpr std::size_t none = static_cast<std::size_t>(-1);

struct TempDir {  // removed on scope exit, also when a REQUIRE aborts the test
    std::string path = (std::filesystem::temp_directory_path() / "kg-relation-eval-XXXXXX").string();
    TempDir() { REQUIRE(mkdtemp(path.data()) != nullptr); }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
};

void write(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

// Six predicates with the label specs the scorer must understand: plain, ":inv", ":S=TYPE", a symmetric one,
// and one without labels.
const char* const test_table =
    "# predicate\tsymmetric\tsubject\tobject\tmeaning\texample\twikidata\n"
    "works_for\tno\tPERSON\tORG|COUNTRY\tm\te\tP108\n"
    "leader_of\tno\tPERSON\tACTOR\tm\te\tP6:inv P35:inv\n"
    "part_of\tno\tORG|EVENT\tORG|EVENT\tm\te\tP361\n"
    "based_in\tno\tORG\tPLACE\tm\te\tP159 P17:S=ORG\n"
    "located_in\tno\tLOCATION\tPLACE\tm\te\tP131 P17:S=LOCATION\n"
    "family_of\tyes\tPERSON\tPERSON\tm\te\tP26 P40\n"
    "meets\tyes\tACTOR\tACTOR\tm\te\t\n";

// Uses `table` as predicates.tsv while alive; the built-in vocabulary comes back on scope exit.
struct TestTable {
    TempDir dir;
    explicit TestTable(const std::string& table = test_table) {
        write(dir.path + "/predicates.tsv", table);
        kg::set_data_dir(dir.path);
    }
    ~TestTable() { kg::set_data_dir(""); }
};

std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const kg::Error& e) {
        CHECK(e.code() == kg::ExitCode::bad_input);
        return e.what();
    }
    return "no error";
}

// A hand-made entity with mentions at the given occurrences of texts in `text` (n-th occurrence, 0-based).
kg::DocEntity entity(const std::string& text, const std::string& name, kg::EntityType type,
                     const std::vector<std::pair<std::string, int>>& mentions) {
    kg::DocEntity e;
    e.name = name;
    e.type = type;
    for (const auto& [surface, nth] : mentions) {
        std::size_t at = text.find(surface);
        for (int i = 0; i < nth && at != std::string::npos; ++i) at = text.find(surface, at + 1);
        REQUIRE_MESSAGE(at != std::string::npos, surface);
        e.mentions.push_back(kg::Mention{"d", at, at + surface.size(), surface});
    }
    return e;
}

kg::DocRelation relation(std::size_t s, const std::string& p, std::size_t o, double confidence = 0.9) {
    kg::DocRelation r;
    r.subject = s;
    r.predicate = p;
    r.object = o;
    r.confidence = confidence;
    return r;
}

// Three invented sentences; entity 5 (a year) is TIME, which no predicate admits.
const std::string redocred_doc = R"([{
  "title": "Orlan test",
  "sents": [["Mara", "Velt", "works", "for", "Orlan", "Systems", "."],
            ["Orlan", "Systems", "is", "based", "in", "Dunmore", ",", "Kestria", "."],
            ["Velt", "married", "Ilse", "Brand", "in", "2001", "."]],
  "vertexSet": [
    [{"name": "Mara Velt", "sent_id": 0, "pos": [0, 2], "type": "PER"}, {"name": "Velt", "sent_id": 2, "pos": [0, 1], "type": "PER"}],
    [{"name": "Orlan Systems", "sent_id": 0, "pos": [4, 6], "type": "ORG"}, {"name": "Orlan Systems", "sent_id": 1, "pos": [0, 2], "type": "ORG"}],
    [{"name": "Dunmore", "sent_id": 1, "pos": [5, 6], "type": "LOC"}],
    [{"name": "Kestria", "sent_id": 1, "pos": [7, 8], "type": "LOC"}],
    [{"name": "Ilse Brand", "sent_id": 2, "pos": [2, 4], "type": "PER"}],
    [{"name": "2001", "sent_id": 2, "pos": [5, 6], "type": "TIME"}]],
  "labels": [
    {"h": 0, "t": 1, "r": "P108", "evidence": [0]},
    {"h": 1, "t": 2, "r": "P159", "evidence": [1]},
    {"h": 1, "t": 3, "r": "P17", "evidence": [1]},
    {"h": 2, "t": 3, "r": "P17", "evidence": [1]},
    {"h": 2, "t": 3, "r": "P131", "evidence": [1]},
    {"h": 2, "t": 3, "r": "P361", "evidence": [1]},
    {"h": 1, "t": 2, "r": "P131", "evidence": [1]},
    {"h": 0, "t": 4, "r": "P26", "evidence": [2]},
    {"h": 4, "t": 0, "r": "P26", "evidence": [2]},
    {"h": 0, "t": 5, "r": "P108", "evidence": [2]},
    {"h": 0, "t": 1, "r": "P999", "evidence": [0]},
    {"h": 1, "t": 0, "r": "P6", "evidence": [0]}]
}])";

}  // namespace

TEST_CASE("map_wikidata: inverse, subject-type and type-fit specs, and the two adjustments") {
    TestTable table;
    auto map = [](const char* p, const char* s, const char* o, bool check = true) {
        const kg::WikidataMapping m = kg::map_wikidata(p, s, o, check);
        return m.predicate + (m.inverse ? ":inv" : "");
    };
    CHECK(map("P108", "PER", "ORG") == "works_for");
    CHECK(map("P108", "PER", "TIME") == "");                   // TIME fits no predicate
    CHECK(map("P108", "PER", "TIME", false) == "works_for");   // ... unless types are not checked
    CHECK(map("P6", "LOC", "PER") == "leader_of:inv");         // the property's subject is our object
    CHECK(map("P6", "PER", "LOC") == "");                      // a place leads nothing
    CHECK(map("P17", "ORG", "LOC") == "based_in");             // S=ORG
    CHECK(map("P17", "LOC", "LOC") == "located_in");           // S=ORG fails, S=LOCATION holds
    CHECK(map("P17", "PER", "LOC") == "");
    CHECK(map("P17", "", "LOC", false) == "");                 // an unknown subject type fails every S=
    CHECK(map("P361", "LOC", "LOC") == "located_in");          // part_of between places
    CHECK(map("P361", "ORG", "ORG") == "part_of");
    CHECK(map("P131", "ORG", "LOC") == "based_in");            // located_in of an organization
    CHECK(map("P26", "PER", "PER") == "family_of");
    CHECK(map("P999", "PER", "PER") == "");
    CHECK(kg::coarse_class(kg::EntityType::COUNTRY) == "LOC");
    CHECK(kg::coarse_class(kg::EntityType::POLICY) == "MISC");
    CHECK(kg::coarse_class(kg::EntityType::UNKNOWN) == "");
}

TEST_CASE("map_wikidata: an S= type the table does not know is bad input naming the predicate") {
    TestTable table("# t\nworks_for\tno\tPERSON\tORG\tm\te\tP108:S=PEOPLE\n");
    const std::string message = error_of([] { kg::map_wikidata("P108", "PER", "ORG", true); });
    CHECK_MESSAGE(message.find("works_for") != std::string::npos, message);
    CHECK_MESSAGE(message.find("PEOPLE") != std::string::npos, message);
}

TEST_CASE("redocred: text, gold triples, entity matching and the counts, by hand") {
    TestTable table;
    const auto docs = kg::parse_redocred(redocred_doc, "mini.json");
    REQUIRE(docs.size() == 1);
    const kg::RedocredDocument& doc = docs[0];
    CHECK(doc.title == "Orlan test");
    std::vector<std::vector<std::size_t>> starts;
    const std::string text = kg::redocred_text(doc, &starts);
    CHECK(text ==
          "Mara Velt works for Orlan Systems .\n"
          "Orlan Systems is based in Dunmore , Kestria .\n"
          "Velt married Ilse Brand in 2001 .");
    REQUIRE(starts.size() == 3);
    CHECK(starts[1][0] == 36);
    CHECK(starts[2][2] == text.find("Ilse"));

    // Ten of the twelve labels map (P999 is unknown, works_for a year does not fit); the P17, P131 and P361
    // labels of Dunmore and Kestria give one located_in, P131 of the company is based_in, the two P26 one
    // family_of, and P6 (inverse) makes Mara Velt the leader.
    std::size_t mapped = 0;
    const auto gold = kg::redocred_gold_triples(doc, &mapped);
    CHECK(mapped == 10);
    const std::vector<kg::EntityTriple> expected = {
        {0, "family_of", 4}, {0, "leader_of", 1}, {0, "works_for", 1},
        {1, "based_in", 2},  {1, "based_in", 3},  {2, "located_in", 3}};
    CHECK(gold == expected);

    kg::DocExtraction x;
    x.doc = "d";
    using T = kg::EntityType;
    x.entities.push_back(entity(text, "Mara Velt", T::PERSON, {{"Mara Velt", 0}, {"Velt", 1}}));     // gold 0
    x.entities.push_back(entity(text, "Orlan Systems", T::COMPANY, {{"Orlan Systems", 0}, {"Orlan Systems", 1}}));  // 1
    x.entities.push_back(entity(text, "Dunmore", T::LOCATION, {{"Dunmore", 0}}));                    // 2
    x.entities.push_back(entity(text, "Kestria", T::COUNTRY, {{"Kestria", 0}}));                     // 3
    x.entities.push_back(entity(text, "Brand", T::PERSON, {{"Brand", 0}}));       // a part of Ilse Brand: 4
    x.entities.push_back(entity(text, "Married", T::PERSON, {{"married", 0}}));   // overlaps no gold: none
    // "Dunmore , Kestria" overlaps Dunmore and Kestria by 7 bytes each: the lower index, 2, wins.
    x.entities.push_back(entity(text, "Dunmore, Kestria", T::LOCATION, {{"Dunmore , Kestria", 0}}));
    CHECK(kg::redocred_entity_map(doc, x) == std::vector<std::size_t>{0, 1, 2, 3, 4, none, 2});

    x.relations = {relation(0, "works_for", 1),  relation(0, "works_for", 1),  // said twice: one triple
                   relation(1, "based_in", 2),   relation(3, "located_in", 2),  // the wrong way round
                   relation(4, "family_of", 0),                                  // symmetric: either way
                   relation(0, "meets", 5),                                      // an end without gold entity
                   relation(6, "located_in", 3)};
    const kg::RedocredScore s = kg::score_redocred_extractions(docs, {x});
    CHECK(s.documents == 1);
    CHECK(s.labels == 12);
    CHECK(s.labels_mapped == 10);
    CHECK(s.predicted_entities == 7);
    CHECK(s.matched_entities == 6);
    CHECK(s.unmatched_relations == 1);
    // Predicted: works_for, based_in(1,2), located_in(3,2), family_of, located_in(2,3), and meets with no
    // gold end; four are right.
    CHECK(s.typed.gold == 6);
    CHECK(s.typed.predicted == 6);
    CHECK(s.typed.true_positives == 4);
    CHECK(s.typed.precision == doctest::Approx(4.0 / 6));
    CHECK(s.typed.recall == doctest::Approx(4.0 / 6));
    // Pairs: {0,1} {1,2} {2,3} {0,4} predicted (located_in both ways is one pair); gold adds {1,3}.
    CHECK(s.pairs.gold == 5);
    CHECK(s.pairs.predicted == 4);
    CHECK(s.pairs.true_positives == 4);
    CHECK(s.pairs.precision == doctest::Approx(1.0));
    CHECK(s.pairs.recall == doctest::Approx(0.8));
    // Per predicate, in the table's order; part_of has neither gold nor predictions.
    std::vector<std::string> names;
    for (const auto& row : s.predicates) names.push_back(row.predicate);
    CHECK(names == std::vector<std::string>{"works_for", "leader_of", "based_in", "located_in", "family_of", "meets"});
    auto row = [&](const std::string& p) {
        for (const auto& r : s.predicates)
            if (r.predicate == p) return r.prf;
        return kg::PRF{};
    };
    CHECK(row("based_in").true_positives == 1);
    CHECK(row("based_in").gold == 2);
    CHECK(row("located_in").predicted == 2);
    CHECK(row("located_in").true_positives == 1);
    CHECK(row("leader_of").gold == 1);
    CHECK(row("leader_of").predicted == 0);
    CHECK(row("meets").predicted == 1);
    CHECK(row("meets").gold == 0);
    CHECK(s.missed == std::vector<std::string>{"Orlan test: 'Mara Velt' leader_of 'Orlan Systems'",
                                               "Orlan test: 'Orlan Systems' based_in 'Kestria'"});
    CHECK(s.false_triples == std::vector<std::string>{"Orlan test: 'Kestria' located_in 'Dunmore'",
                                                      "Orlan test: 'Mara Velt' meets 'Married' (no gold entity)"});

    const std::string txt = kg::redocred_eval_text(s, false);
    CHECK(txt.find("1 documents, 12 labels, 10 mapped to a predicate (6 distinct triples)") != std::string::npos);
    CHECK(txt.find("missed triples") == std::string::npos);
    CHECK(kg::redocred_eval_text(s, true).find("missed triples (first 2)") != std::string::npos);
    const std::string json = kg::redocred_eval_json(s);
    CHECK(json.find("\"unmatched_relations\": 1") != std::string::npos);
    CHECK(json.find("\"located_in\": {") != std::string::npos);
}

TEST_CASE("redocred: malformed JSON and missing fields are bad input naming the file") {
    auto err = [](const std::string& json) { return error_of([&] { kg::parse_redocred(json, "bad.json"); }); };
    std::string m = err("[{\"sents\": [[\"A\"]],\n \"vertexSet\": [}]");
    CHECK_MESSAGE(m.find("bad.json:2:") != std::string::npos, m);
    CHECK_MESSAGE(m.find("malformed JSON") != std::string::npos, m);
    m = err("{\"sents\": []}");
    CHECK_MESSAGE(m.find("bad.json: expected a JSON array") != std::string::npos, m);
    m = err("[{\"title\": \"T\", \"sents\": [[\"A\"]], \"labels\": []}]");
    CHECK_MESSAGE(m.find("bad.json: document 0 ('T'): missing or malformed \"vertexSet\"") != std::string::npos, m);
    m = err("[{\"sents\": [[\"A\"]], \"vertexSet\": [[{\"sent_id\": 0, \"pos\": [0, 1], \"type\": \"PER\"}]]}]");
    CHECK_MESSAGE(m.find("bad.json: document 0: missing or malformed \"labels\"") != std::string::npos, m);
    m = err("[{\"sents\": [[\"A\"]], \"vertexSet\": [[{\"sent_id\": 0, \"pos\": [0, 2], \"type\": \"PER\"}]], \"labels\": []}]");
    CHECK_MESSAGE(m.find("entity 0: pos [0, 2) is not a token span of sentence 0") != std::string::npos, m);
    m = err("[{\"sents\": [[\"A\"]], \"vertexSet\": [[{\"sent_id\": 1, \"pos\": [0, 1], \"type\": \"PER\"}]], \"labels\": []}]");
    CHECK_MESSAGE(m.find("sent_id 1 is not a sentence") != std::string::npos, m);
    m = err("[{\"sents\": [[\"A\"]], \"vertexSet\": [[{\"sent_id\": 0, \"pos\": [0, 1]}]], \"labels\": []}]");
    CHECK_MESSAGE(m.find("missing or malformed \"type\"") != std::string::npos, m);
    m = err("[{\"sents\": [[\"A\"]], \"vertexSet\": [[{\"sent_id\": 0, \"pos\": [0, 1], \"type\": \"PER\"}]], "
            "\"labels\": [{\"h\": 0, \"t\": 3, \"r\": \"P108\"}]}]");
    CHECK_MESSAGE(m.find("label 0: \"h\" or \"t\" is not an entity") != std::string::npos, m);
    m = err("[{\"sents\": [[\"A\"]], \"vertexSet\": [], \"labels\": [{\"h\": 0, \"t\": 0}]}]");
    CHECK_MESSAGE(m.find("label 0:") != std::string::npos, m);
    m = error_of([] { kg::read_redocred("/nonexistent/kg-redocred.json"); });
    CHECK_MESSAGE(m.find("/nonexistent/kg-redocred.json: cannot open") != std::string::npos, m);
}

namespace {

// Invented FewRel instances: four properties, the P17 ones twice (the head found or not).
const std::string fewrel_json = R"({
  "P108": [{"tokens": ["Mara", "Velt", "joined", "Orlan", "Systems", "in", "May", "."],
            "h": ["Mara Velt", "Q1", [[0, 1]]], "t": ["Orlan Systems", "Q2", [[3, 4]]]}],
  "P6":   [{"tokens": ["Kestria", "is", "led", "by", "Ilse", "Brand", "."],
            "h": ["Kestria", "Q3", [[0]]], "t": ["Ilse Brand", "Q4", [[4, 5]]]}],
  "P17":  [{"tokens": ["Orlan", "Systems", "opened", "in", "Kestria", "."],
            "h": ["Orlan Systems", "Q2", [[0, 1]]], "t": ["Kestria", "Q3", [[4]]]},
           {"tokens": ["The", "mill", "stands", "in", "Kestria", "."],
            "h": ["mill", "Q5", [[1]]], "t": ["Kestria", "Q3", [[4]]]}],
  "P26":  [{"tokens": ["Ilse", "Brand", "wed", "Tom", "Ash", "."],
            "h": ["Ilse Brand", "Q4", [[0, 1]]], "t": ["Tom Ash", "Q6", [[3, 4]]]}],
  "P999": [{"tokens": ["Tom", "Ash", "met", "Ilse", "Brand", "."],
            "h": ["Tom Ash", "Q6", [[0, 1]]], "t": ["Ilse Brand", "Q4", [[3, 4]]]}]
})";

std::string joined(const kg::FewrelInstance& inst) {
    std::string t;
    for (const auto& tok : inst.tokens) t += (t.empty() ? "" : " ") + tok;
    return t;
}

}  // namespace

TEST_CASE("fewrel: head and tail by overlap, the most confident relation, direction, none, by hand") {
    TestTable table;
    const auto inst = kg::parse_fewrel(fewrel_json, "mini.json");
    REQUIRE(inst.size() == 6);
    CHECK(inst[0].property == "P108");
    CHECK(inst[3].property == "P17");
    CHECK(inst[3].index == 1);
    CHECK(inst[1].head.occurrences == std::vector<std::vector<std::size_t>>{{0}});
    using T = kg::EntityType;
    std::vector<kg::FewrelOutcome> out;

    {  // P108: works_for, the head the subject. Two relations between the pair: the more confident counts.
        const std::string t = joined(inst[0]);
        kg::DocExtraction x;
        x.entities = {entity(t, "Mara Velt", T::PERSON, {{"Velt", 0}}), entity(t, "Orlan Systems", T::COMPANY, {{"Orlan Systems", 0}})};
        x.relations = {relation(0, "meets", 1, 0.5), relation(0, "works_for", 1, 0.8)};
        out.push_back(kg::fewrel_outcome(inst[0], x));
        CHECK(out.back().head_entity == 0);
        CHECK(out.back().tail_entity == 1);
        CHECK(out.back().gold == "works_for");
        CHECK(out.back().predicted == "works_for");
        CHECK(out.back().right);
    }
    {  // P6 (inverse): the tail leads the head; predicted the same way round.
        const std::string t = joined(inst[1]);
        kg::DocExtraction x;
        x.entities = {entity(t, "Ilse Brand", T::PERSON, {{"Ilse Brand", 0}}), entity(t, "Kestria", T::COUNTRY, {{"Kestria", 0}})};
        x.relations = {relation(0, "leader_of", 1)};
        out.push_back(kg::fewrel_outcome(inst[1], x));
        CHECK(out.back().head_entity == 1);
        CHECK(out.back().gold == "leader_of");
        CHECK_FALSE(out.back().gold_head_is_subject);
        CHECK_FALSE(out.back().predicted_head_is_subject);
        CHECK(out.back().right);
    }
    {  // P17 with an ORG head: based_in; located_in predicted is wrong.
        const std::string t = joined(inst[2]);
        kg::DocExtraction x;
        x.entities = {entity(t, "Orlan Systems", T::COMPANY, {{"Orlan Systems", 0}}), entity(t, "Kestria", T::COUNTRY, {{"Kestria", 0}})};
        x.relations = {relation(0, "located_in", 1)};
        out.push_back(kg::fewrel_outcome(inst[2], x));
        CHECK(out.back().gold == "based_in");
        CHECK(out.back().predicted == "located_in");
        CHECK_FALSE(out.back().right);
    }
    {  // P17 with no entity for the head: every S= spec fails, so the gold is none; nothing predicted: right.
        const std::string t = joined(inst[3]);
        kg::DocExtraction x;
        x.entities = {entity(t, "Kestria", T::COUNTRY, {{"Kestria", 0}})};
        out.push_back(kg::fewrel_outcome(inst[3], x));
        CHECK(out.back().head_entity == none);
        CHECK(out.back().tail_entity == 0);
        CHECK(out.back().gold.empty());
        CHECK(out.back().right);
    }
    {  // P26: family_of is symmetric, so the reverse direction is right.
        const std::string t = joined(inst[4]);
        kg::DocExtraction x;
        x.entities = {entity(t, "Ilse Brand", T::PERSON, {{"Ilse Brand", 0}}), entity(t, "Tom Ash", T::PERSON, {{"Tom Ash", 0}})};
        x.relations = {relation(1, "family_of", 0)};
        out.push_back(kg::fewrel_outcome(inst[4], x));
        CHECK(out.back().gold == "family_of");
        CHECK_FALSE(out.back().predicted_head_is_subject);
        CHECK(out.back().right);
    }
    {  // P999 maps to nothing: a predicted relation is a wrong "none". One entity covers both ends.
        const std::string t = joined(inst[5]);
        kg::DocExtraction x;
        x.entities = {entity(t, "Tom Ash met Ilse Brand", T::PERSON, {{"Tom Ash met Ilse Brand", 0}}),
                      entity(t, "Ash", T::PERSON, {{"Ash", 0}})};
        x.relations = {relation(0, "meets", 1)};
        out.push_back(kg::fewrel_outcome(inst[5], x));
        CHECK(out.back().head_entity == 0);  // 7 bytes with entity 0 against 3 with entity 1
        CHECK(out.back().tail_entity == 0);
        CHECK(out.back().predicted.empty());  // head and tail one entity: no relation between them
        CHECK(out.back().right);
    }

    const kg::FewrelScore s = kg::score_fewrel_outcomes(inst, out);
    CHECK(s.instances == 6);
    CHECK(s.mapped == 4);
    CHECK(s.mapped_right == 3);
    CHECK(s.accuracy == doctest::Approx(0.75));
    CHECK(s.unmapped == 2);
    CHECK(s.unmapped_none == 2);
    CHECK(s.none_rate == doctest::Approx(1.0));
    CHECK(s.no_entity == 1);
    CHECK(s.same_entity == 1);
    REQUIRE(s.properties.size() == 5);
    CHECK(s.properties[2].property == "P17");
    CHECK(s.properties[2].instances == 2);
    CHECK(s.properties[2].right == 1);
    CHECK(s.properties[2].predicates == "based_in/none");
    CHECK(s.properties[4].predicates == "none");
    CHECK(kg::fewrel_eval_text(s).find("accuracy on mapped labels   0.750  (3 of 4") != std::string::npos);
    CHECK(kg::fewrel_eval_json(s).find("\"none_rate\": 1.0000") != std::string::npos);
}

TEST_CASE("fewrel: malformed JSON and missing fields are bad input naming the file") {
    auto err = [](const std::string& json) { return error_of([&] { kg::parse_fewrel(json, "few.json"); }); };
    std::string m = err("{\"P1\": [\n\n{\"tokens\": [\"A\"],}]}");
    CHECK_MESSAGE(m.find("few.json:3:") != std::string::npos, m);
    m = err("[]");
    CHECK_MESSAGE(m.find("few.json: expected a JSON object") != std::string::npos, m);
    m = err("{\"P1\": {}}");
    CHECK_MESSAGE(m.find("few.json: property P1: not a list") != std::string::npos, m);
    m = err("{\"P1\": [{\"h\": [\"A\", \"Q\", [[0]]], \"t\": [\"A\", \"Q\", [[0]]]}]}");
    CHECK_MESSAGE(m.find("few.json: property P1, instance 0: missing or malformed \"tokens\"") != std::string::npos, m);
    m = err("{\"P1\": [{\"tokens\": [\"A\"], \"h\": [\"A\", \"Q\", [[0]]]}]}");
    CHECK_MESSAGE(m.find("missing or malformed \"t\"") != std::string::npos, m);
    m = err("{\"P1\": [{\"tokens\": [\"A\"], \"h\": [\"A\", \"Q\", [[0]]], \"t\": [\"A\", \"Q\", [[1]]]}]}");
    CHECK_MESSAGE(m.find("\"t\" names token 1, beyond the sentence's 1") != std::string::npos, m);
    m = error_of([] { kg::read_fewrel("/nonexistent/kg-fewrel.json"); });
    CHECK_MESSAGE(m.find("/nonexistent/kg-fewrel.json: cannot open") != std::string::npos, m);
}

TEST_CASE("redocred, fewrel: the extractor end to end on invented text") {
    // With the built-in vocabulary and models: the counts of the input are exact, the scores only sane.
    TempDir tmp;
    write(tmp.path + "/r.json", redocred_doc);
    const kg::RedocredScore r = kg::score_redocred(tmp.path + "/r.json");
    CHECK(r.documents == 1);
    CHECK(r.labels == 12);
    CHECK(r.typed.true_positives <= r.typed.predicted);
    CHECK(r.predicted_entities >= r.matched_entities);
    write(tmp.path + "/f.json", fewrel_json);
    const kg::FewrelScore f = kg::score_fewrel(tmp.path + "/f.json");
    CHECK(f.instances == 6);
    CHECK(f.mapped + f.unmapped == 6);
    CHECK(f.properties.size() == 5);
}
