// kg-eval coref (links between proper-name mentions of GUM chains) and the split / joined entities of
// kg-eval gold. The documents are invented for this test.
#include <doctest/doctest.h>

#include <kg/error.hpp>
#include <kg/graph.hpp>
#include <kg/score.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

struct TempDir {  // removed on scope exit, also when a REQUIRE aborts the test
    std::string path = (std::filesystem::temp_directory_path() / "kg-coref-eval-XXXXXX").string();
    TempDir() { REQUIRE(mkdtemp(path.data()) != nullptr); }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
};

void write(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

// One CoNLL-U word line: only ID, FORM, UPOS, HEAD and MISC matter to the scorer.
std::string w(const std::string& id, const std::string& form, const std::string& upos, const std::string& head,
              const std::string& misc = "_") {
    return id + "\t" + form + "\t_\t" + upos + "\t_\t_\t" + head + "\tdep\t_\t" + misc + "\n";
}

// coref-a: "Maria Okafor joined Nordvale Bank in Lagos.\nOn Monday, Okafor's bank opened an office.\n
// Nordvale Bank praised Okafor.\n" Chain 1 Maria Okafor (3 proper-name mentions), chain 2 Nordvale Bank
// (2, plus "Okafor's bank", whose head is the noun), chain 3 Lagos; Monday is a time (left out), "an
// office" has a noun head. coref-b: two namesakes in chains 1 and 2, chain ids reused, Lagos again.
const std::string doc_a =
    "# newdoc id = coref-a\n"
    "# sent_id = coref-a-1\n" +
    w("1", "Maria", "PROPN", "3", "Entity=(1-person-new-coref-Maria_Okafor") +
    w("2", "Okafor", "PROPN", "1", "Entity=1)") +
    w("3", "joined", "VERB", "0") +
    w("4", "Nordvale", "PROPN", "5", "Entity=(2-organization-new-coref") +
    w("5", "Bank", "PROPN", "3", "Entity=2)") +
    w("6", "in", "ADP", "7") +
    w("7", "Lagos", "PROPN", "3", "Entity=(3-place-new-sgl)|SpaceAfter=No") +
    w("8", ".", "PUNCT", "3") +
    "\n# sent_id = coref-a-2\n" +
    w("1", "On", "ADP", "2") +
    w("2", "Monday", "PROPN", "7", "Entity=(4-time-new-coref)|SpaceAfter=No") +
    w("3", ",", "PUNCT", "2") +
    "4-5\tOkafor's\t_\t_\t_\t_\t_\t_\t_\t_\n" +
    w("4", "Okafor", "PROPN", "6", "Entity=(2-organization-giv-coref(1-person-giv-coref)") +
    w("5", "'s", "PART", "4") +
    w("6", "bank", "NOUN", "7", "Entity=2)") +
    w("7", "opened", "VERB", "0") +
    w("8", "an", "DET", "9", "Entity=(5-object-new-sgl") +
    w("9", "office", "NOUN", "7", "Entity=5)|SpaceAfter=No") +
    w("10", ".", "PUNCT", "7") +
    "\n# sent_id = coref-a-3\n" +
    w("1", "Nordvale", "PROPN", "2", "Entity=(2-organization-giv-coref") +
    w("2", "Bank", "PROPN", "3", "Entity=2)") +
    w("3", "praised", "VERB", "0") +
    w("4", "Okafor", "PROPN", "3", "Entity=(1-person-giv-coref)|SpaceAfter=No") +
    w("5", ".", "PUNCT", "3") + "\n";

const std::string doc_b =
    "# newdoc id = coref-b\n"
    "# sent_id = coref-b-1\n" +
    w("1", "Anna", "PROPN", "7", "Entity=(1-person-new-coref") +
    w("2", "Berg", "PROPN", "1", "Entity=1)|SpaceAfter=No") +
    w("3", ",", "PUNCT", "5") +
    w("4", "a", "DET", "5", "Entity=(1-person-giv-appos") +
    w("5", "teacher", "NOUN", "1", "Entity=1)|SpaceAfter=No") +
    w("6", ",", "PUNCT", "5") +
    w("7", "met", "VERB", "0") +
    w("8", "Anna", "PROPN", "7", "Entity=(2-person-new-coref") +
    w("9", "Berg", "PROPN", "8", "Entity=2)|SpaceAfter=No") +
    w("10", ",", "PUNCT", "12") +
    w("11", "a", "DET", "12", "Entity=(2-person-giv-appos") +
    w("12", "lawyer", "NOUN", "8", "Entity=2)|SpaceAfter=No") +
    w("13", ",", "PUNCT", "12") +
    w("14", "in", "ADP", "15") +
    w("15", "Lagos", "PROPN", "7", "Entity=(3-place-giv-sgl)|SpaceAfter=No") +
    w("16", ".", "PUNCT", "7") + "\n";

std::string error_of(const std::string& path) {
    try {
        kg::score_coref({path});
    } catch (const kg::Error& e) {
        CHECK(e.code() == kg::ExitCode::bad_input);
        return e.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("score_coref: links between proper-name mentions, by hand") {
    TempDir tmp;
    const std::string path = tmp.path + "/tiny.conllu";
    write(path, doc_a + doc_b);
    const kg::CorefScore s = kg::score_coref({path});
    CHECK(s.documents == 2);
    CHECK(s.mentions == 14);  // 9 in coref-a, 5 in coref-b
    // Proper-name mentions: Maria Okafor, Okafor, Okafor, Nordvale Bank twice, Lagos; Anna Berg twice, Lagos.
    CHECK(s.proper_mentions == 9);
    // Gold links: the three pairs of chain 1 and the one of chain 2 in coref-a; none in coref-b, whose chain
    // ids are its own, and none between the documents' Lagos.
    CHECK(s.links.gold == 4);
    // The extractor finds every name, resolves "Okafor" to Maria Okafor and merges the namesakes (same name,
    // same type): the four gold links plus Anna Berg ~ Anna Berg, a false one.
    CHECK(s.matched == 9);
    CHECK(s.links.true_positives == 4);
    CHECK(s.links.predicted == 5);
    CHECK(s.links.precision == doctest::Approx(0.8));
    CHECK(s.links.recall == doctest::Approx(1.0));
    CHECK(s.links.f1 == doctest::Approx(2 * 0.8 / 1.8));
    CHECK(s.missed_links.empty());
    REQUIRE(s.false_links.size() == 1);
    CHECK(s.false_links[0] == "coref-b: 'Anna Berg' ~ 'Anna Berg'");

    // A folder stands for its GUM_news_*.conllu files only.
    std::filesystem::create_directory(tmp.path + "/gum");
    write(tmp.path + "/gum/GUM_news_tiny.conllu", doc_a);
    write(tmp.path + "/gum/GUM_bio_other.conllu", doc_b);
    const kg::CorefScore d = kg::score_coref({tmp.path + "/gum"});
    CHECK(d.documents == 1);
    CHECK(d.links.gold == 4);
    CHECK(d.links.true_positives <= d.links.predicted);
    CHECK(d.links.recall == doctest::Approx(static_cast<double>(d.links.true_positives) / 4.0));
}

TEST_CASE("score_coref: a document without a newdoc id is named after its file; chains are per document") {
    TempDir tmp;
    const std::string path = tmp.path + "/namesakes.conllu";
    const std::string body = doc_b.substr(doc_b.find('\n') + 1);  // coref-b without its newdoc line
    // Twice in one document: chain 1 (and 2, and 3) now have two proper-name mentions each.
    write(path, body + body);
    const kg::CorefScore one = kg::score_coref({path});
    CHECK(one.documents == 1);
    CHECK(one.proper_mentions == 6);
    CHECK(one.links.gold == 3);
    CHECK(one.links.true_positives <= one.links.gold);
    CHECK(one.links.predicted == one.links.true_positives + one.false_links.size());
    CHECK(one.links.gold == one.links.true_positives + one.missed_links.size());
    for (const auto& l : one.false_links) CHECK(l.rfind("namesakes: ", 0) == 0);
    // Twice as two documents: the same chain ids are different chains.
    write(path, "# newdoc id = first\n" + body + "# newdoc id = second\n" + body);
    const kg::CorefScore two = kg::score_coref({path});
    CHECK(two.documents == 2);
    CHECK(two.proper_mentions == 6);
    CHECK(two.links.gold == 0);
    CHECK(two.links.true_positives == 0);
}

TEST_CASE("score_coref: unreadable files and malformed annotations are bad input naming file:line") {
    TempDir tmp;
    const std::string path = tmp.path + "/bad.conllu";
    const std::string head = "# newdoc id = d\n" + w("1", "Ada", "PROPN", "0", "Entity=(1-person-new-coref)");
    auto check = [&](const std::string& text, int line) {
        write(path, text);
        const std::string what = error_of(path);
        CHECK_MESSAGE(what.rfind(path + ":" + std::to_string(line) + ": ", 0) == 0, what);
    };
    check(head + w("2", "Lin", "PROPN", "1", "Entity=(x-person-new)"), 3);      // no chain number
    check(head + w("2", "Lin", "PROPN", "1", "Entity=(2)"), 3);                 // no '-' after the number
    check(head + w("2", "Lin", "PROPN", "1", "Entity=2)"), 3);                  // closes what is not open
    check(head + w("2", "Lin", "PROPN", "1", "Entity=(2-person-new-coref)x"), 3);  // trailing junk
    check(head + w("2", "Lin", "PROPN", "1", "Entity=(2-person-new-coref") + "\n", 3);  // never closed
    check(head + w("2", "Lin", "PROPN", "1", "Entity=(2-person") + "\n# newdoc id = e\n", 3);  // not across documents
    check(head + "2\tLin\t_\tPROPN\n", 3);                                          // too few columns
    CHECK(error_of(tmp.path + "/missing.conllu").find("missing.conllu") != std::string::npos);
    CHECK(error_of(tmp.path).rfind(tmp.path + ": ", 0) == 0);  // a folder without GUM_news_*.conllu
}

TEST_CASE("score: gold entities split over nodes and nodes joining gold entities") {
    kg::Gold gold = kg::parse_gold(R"({"entities": [
      {"id": "dt", "name": "Donald Trump", "type": "PERSON", "aliases": ["Trump"]},
      {"id": "ge", "name": "Georgia", "type": "COUNTRY"},
      {"id": "gs", "name": "State of Georgia", "type": "LOCATION"},
      {"id": "ac", "name": "Acme", "type": "COMPANY", "aliases": ["Acme Corp"]},
      {"id": "bj", "name": "Beijing", "type": "LOCATION"},
      {"id": "cn", "name": "China", "type": "COUNTRY", "aliases": ["Beijing"]}
    ]})");
    kg::KnowledgeGraph g;
    using T = kg::EntityType;
    g.add_entity("Donald Trump", T::PERSON);
    g.add_entity("Trump", T::PERSON);              // the short form became a node of its own
    auto georgia = g.add_entity("Georgia", T::COUNTRY);  // the country and the state in one node
    g.add_alias(georgia, "State of Georgia");
    g.add_entity("Beijing", T::LOCATION);          // a name the gold gives two entities: evidence for neither
    g.add_alias(g.add_entity("China", T::COUNTRY), "Beijing");
    auto acme = g.add_entity("Acme Corp.", T::COMPANY);
    g.add_alias(acme, "Acme");                     // two names of one gold entity on one node: neither
    g.add_entity("Trump Tower", T::LOCATION);      // matches nothing
    const kg::Score s = kg::score(g, gold);
    CHECK(s.split_entities == std::vector<std::string>{"Donald Trump: Donald Trump | Trump"});
    CHECK(s.joined_nodes == std::vector<std::string>{"Georgia: Georgia | State of Georgia"});
    // The one-to-one matching is unchanged: Trump and State of Georgia count as false / missed.
    CHECK(s.entities.true_positives == 5);
}
