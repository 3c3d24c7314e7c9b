// kg-eval parse and the shared CoNLL-U reader (text/conllu.hpp) it, kg-eval coref and kg-train-parser use:
// which lines are words, SpaceAfter inside multiword tokens, documents, the counts of score_parse and its
// errors. The sentences are invented for this test.
#include <doctest/doctest.h>

#include "text/conllu.hpp"

#include <kg/error.hpp>
#include <kg/score.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

struct TempDir {  // removed on scope exit, also when a REQUIRE aborts the test
    std::string path = (std::filesystem::temp_directory_path() / "kg-parse-eval-XXXXXX").string();
    TempDir() { REQUIRE(mkdtemp(path.data()) != nullptr); }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
};

void write(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

std::string w(const std::string& id, const std::string& form, const std::string& upos, const std::string& head,
              const std::string& rel, const std::string& misc = "_") {
    return id + "\t" + form + "\t_\t" + upos + "\t_\t_\t" + head + "\t" + rel + "\t_\t" + misc + "\n";
}

// Two documents, three sentences, 11 syntactic words: a multiword token (not a word) and an empty node
// (not a word either) in the second sentence.
const std::string treebank =
    "# newdoc id = first\n"
    "# text = Tom Ash sleeps.\n" +
    w("1", "Tom", "PROPN", "3", "nsubj") + w("2", "Ash", "PROPN", "1", "flat") +
    w("3", "sleeps", "VERB", "0", "root", "SpaceAfter=No") + w("4", ".", "PUNCT", "3", "punct") + "\n" +
    "# text = I can't swim.\n" + w("1", "I", "PRON", "4", "nsubj") +
    "2-3\tcan't\t_\t_\t_\t_\t_\t_\t_\t_\n" + w("2", "ca", "AUX", "4", "aux") + w("3", "n't", "PART", "4", "advmod") +
    "3.1\tghost\t_\tX\t_\t_\t_\t_\t4:dep\t_\n" + w("4", "swim", "VERB", "0", "root", "SpaceAfter=No") +
    w("5", ".", "PUNCT", "4", "punct") + "\n" +
    "# newdoc id = second\n" + w("1", "Ilse", "PROPN", "2", "nsubj") + w("2", "waved", "VERB", "0", "root") + "\n";

}  // namespace

TEST_CASE("conllu: words, sentences, documents and SpaceAfter inside multiword tokens") {
    const auto docs = kg::detail::parse_conllu(treebank, "t.conllu");
    REQUIRE(docs.size() == 2);
    CHECK(docs[0].id == "first");
    CHECK(docs[0].line == 1);
    REQUIRE(docs[0].sentences.size() == 2);
    CHECK(docs[1].id == "second");
    const auto& s2 = docs[0].sentences[1].words;
    REQUIRE(s2.size() == 5);  // I ca n't swim .
    CHECK(s2[1].form == "ca");
    CHECK_FALSE(s2[1].space_after);  // inside "can't"
    CHECK(s2[2].space_after);        // the range's last word takes the range's SpaceAfter (none: a space)
    CHECK_FALSE(s2[3].space_after);  // SpaceAfter=No
    CHECK(s2[3].head == 0);
    CHECK(s2[0].head == 4);
    CHECK(s2[0].line == 9);
    CHECK(s2[4].deprel == "punct");
    CHECK(kg::detail::conllu_misc_value("Entity=(1-person)|SpaceAfter=No", "SpaceAfter") == "No");
    CHECK(kg::detail::conllu_misc_value("SpaceAfter=No", "Space").empty());

    auto error = [](const std::string& text) {
        try {
            kg::detail::parse_conllu(text, "bad.conllu");
        } catch (const kg::Error& e) {
            CHECK(e.code() == kg::ExitCode::bad_input);
            return std::string(e.what());
        }
        return std::string("no error");
    };
    std::string m = error(w("1", "A", "X", "0", "root") + "2\tB\tX\n");
    CHECK_MESSAGE(m.find("bad.conllu:2: expected ten tab-separated columns") != std::string::npos, m);
    m = error("\n" + w("x", "A", "X", "0", "root"));
    CHECK_MESSAGE(m.find("bad.conllu:2: bad token id 'x'") != std::string::npos, m);
    m = error("3-2\tAB\t_\t_\t_\t_\t_\t_\t_\t_\n");
    CHECK_MESSAGE(m.find("bad.conllu:1: bad token id '3-2'") != std::string::npos, m);
}

TEST_CASE("score_parse: counts every syntactic word, with predicted and gold tags") {
    TempDir tmp;
    const std::string path = tmp.path + "/t.conllu";
    write(path, treebank);
    const kg::ParseScore s = kg::score_parse({path});
    CHECK(s.files == 1);
    CHECK(s.sentences == 3);
    CHECK(s.words == 11);
    for (const kg::AttachmentScore* a : {&s.predicted_tags, &s.gold_tags}) {
        CHECK(a->subtypes_right <= a->labels_right);
        CHECK(a->labels_right <= a->heads_right);
        CHECK(a->heads_right <= 11);
        CHECK(a->uas == doctest::Approx(a->heads_right / 11.0));
        CHECK(a->las == doctest::Approx(a->labels_right / 11.0));
    }
    CHECK(s.tag_accuracy == doctest::Approx(s.tags_right / 11.0));
    // Two files: the counts add up.
    const kg::ParseScore twice = kg::score_parse({path, path});
    CHECK(twice.files == 2);
    CHECK(twice.words == 22);
    CHECK(twice.gold_tags.heads_right == 2 * s.gold_tags.heads_right);
    const std::string text = kg::parse_eval_text(s);
    CHECK_MESSAGE(text.find("1 file, 3 sentences, 11 tokens") != std::string::npos, text);
    CHECK(kg::parse_eval_json(s).find("\"tokens\": 11") != std::string::npos);
}

TEST_CASE("score_parse: unknown UPOS, bad HEAD and unreadable files are bad input naming file:line") {
    TempDir tmp;
    auto error = [&](const std::string& text) {
        const std::string path = tmp.path + "/bad.conllu";
        write(path, text);
        try {
            kg::score_parse({path});
        } catch (const kg::Error& e) {
            CHECK(e.code() == kg::ExitCode::bad_input);
            return std::string(e.what());
        }
        return std::string("no error");
    };
    std::string m = error(w("1", "A", "NOUNISH", "0", "root"));
    CHECK_MESSAGE(m.find("bad.conllu:1: unknown UPOS 'NOUNISH'") != std::string::npos, m);
    m = error(w("1", "A", "NOUN", "0", "root") + w("2", "B", "NOUN", "_", "dep"));
    CHECK_MESSAGE(m.find("bad.conllu:2: HEAD is not a number") != std::string::npos, m);
    m = error(w("1", "A", "NOUN", "0", "root") + w("2", "B", "NOUN", "7", "dep"));
    CHECK_MESSAGE(m.find("bad.conllu:2: HEAD 7 is not a word of the sentence") != std::string::npos, m);
    m = error(w("1", "A", "NOUN", "0", "root") + "2\tB\n");
    CHECK_MESSAGE(m.find("bad.conllu:2: expected ten tab-separated columns") != std::string::npos, m);
    try {
        kg::score_parse({tmp.path + "/missing.conllu"});
        FAIL("no error");
    } catch (const kg::Error& e) {
        CHECK(e.code() == kg::ExitCode::bad_input);
        CHECK(std::string(e.what()).find("missing.conllu: cannot open") != std::string::npos);
    }
}
