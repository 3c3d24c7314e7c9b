// The POS tagger: the shipped model loads, tags clear cases in news-like sentences written for this test,
// is deterministic, and keeps its accuracy on a sample of the EWT test set it never trained on.
#include <doctest/doctest.h>

#include "text/tagger.hpp"

#include <kg/error.hpp>

#include "core/lexicons.hpp"

#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

using namespace kg::detail;

namespace {

std::vector<std::string> tags_of(const std::string& text) {
    Tokenized t = tokenize(text, Lexicons::get().abbreviations);
    std::vector<std::string> out;
    for (const auto& s : t.sentences)
        for (Upos u : Tagger::get().tag(t.tokens, s)) out.emplace_back(to_string(u));
    return out;
}

std::vector<std::string> tags_of(const std::vector<std::string_view>& words) {
    std::vector<std::string> out;
    for (Upos u : Tagger::get().tag(words)) out.emplace_back(to_string(u));
    return out;
}

}  // namespace

TEST_CASE("tagger: tag names round-trip") {
    for (std::size_t i = 0; i < upos_count; ++i) {
        auto u = static_cast<Upos>(i);
        CHECK(parse_upos(to_string(u)) == u);
    }
    CHECK(!parse_upos("NN"));
}

TEST_CASE("tagger: the built-in model loads; malformed models are rejected") {
    CHECK(Tagger::get().feature_count() > 10000);
    CHECK(&Tagger::get() == &Tagger::get());
    CHECK_THROWS_AS(Tagger::from_bytes("not a model"), kg::Error);
    CHECK_THROWS_AS(Tagger::from_bytes(std::string("KGTAGGER\x01\0\0\0\x11\0\0\0", 16)), kg::Error);
    try {  // the message names the file, as the other models' do
        Tagger::from_bytes(std::string("KGTAGGER\x01\0\0\0\x11\0\0\0", 16), "/data/tagger.model");
        FAIL("no error");
    } catch (const kg::Error& e) {
        CHECK(std::string(e.what()).find("/data/tagger.model: truncated tagger model") != std::string::npos);
    }
}

TEST_CASE("tagger: determiners, nouns, verbs and proper nouns in plain sentences") {
    CHECK(tags_of({"The", "minister", "signed", "the", "agreement", "in", "Paris", "on", "Monday", "."}) ==
          std::vector<std::string>{"DET", "NOUN", "VERB", "DET", "NOUN", "ADP", "PROPN", "ADP", "PROPN", "PUNCT"});
    CHECK(tags_of({"A", "new", "factory", "will", "open", "next", "year", "."}) ==
          std::vector<std::string>{"DET", "ADJ", "NOUN", "AUX", "VERB", "ADJ", "NOUN", "PUNCT"});
    auto t = tags_of({"Maria", "Lopez", "visited", "three", "hospitals", "and", "met", "doctors", "."});
    CHECK(t == std::vector<std::string>{"PROPN", "PROPN", "VERB", "NUM", "NOUN", "CCONJ", "VERB", "NOUN", "PUNCT"});
}

TEST_CASE("tagger: tokens from the tokenizer, with curly quotes, possessives and contractions") {
    // Germany ’s chancellor said “ we will not back down ” .
    auto t = tags_of("Germany’s chancellor said “we will not back down”.");
    REQUIRE(t.size() == 12);
    CHECK(t[0] == "PROPN");
    CHECK(t[1] == "PART");
    CHECK(t[2] == "NOUN");
    CHECK(t[3] == "VERB");
    CHECK(t[4] == "PUNCT");
    CHECK(t[5] == "PRON");
    CHECK(t[6] == "AUX");
    CHECK(t[7] == "PART");
    CHECK(t[10] == "PUNCT");
    // The tokenizer keeps "don't" whole; it is tagged as EWT's "do" + "n't".
    auto c = tags_of("They don’t expect a deal soon.");
    REQUIRE(c.size() == 7);
    CHECK(c[0] == "PRON");
    CHECK(c[1] == "AUX");
    CHECK(c[2] == "VERB");
    CHECK(c[3] == "DET");
    CHECK(c[4] == "NOUN");
}

TEST_CASE("tagger: deterministic, also across threads") {
    std::vector<std::string_view> words = {"Officials", "in", "Nairobi", "said", "the", "talks", "had", "stalled", "."};
    auto a = Tagger::get().tag(words);
    CHECK(Tagger::get().tag(words) == a);
    std::vector<Upos> b;
    std::thread th([&] { b = Tagger::get().tag(words); });
    th.join();
    CHECK(b == a);
    CHECK(Tagger::get().tag(std::vector<std::string_view>{}).empty());
}

TEST_CASE("tagger: UPOS accuracy on a held-out sample of EWT test sentences") {
    std::ifstream in(std::string(KG_TEST_DATA) + "/ewt-sample.conllu");
    REQUIRE(in);
    std::vector<std::string> forms;
    std::vector<std::string> gold;
    std::size_t ok = 0, all = 0, sentences = 0;
    auto flush = [&] {
        if (forms.empty()) return;
        std::vector<std::string_view> words(forms.begin(), forms.end());
        auto tags = Tagger::get().tag(words);
        for (std::size_t i = 0; i < tags.size(); ++i, ++all) ok += to_string(tags[i]) == gold[i];
        ++sentences;
        forms.clear();
        gold.clear();
    };
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty()) {
            flush();
            continue;
        }
        if (line[0] == '#') continue;
        std::vector<std::string> c;
        std::istringstream ls(line);
        for (std::string f; std::getline(ls, f, '\t');) c.push_back(f);
        REQUIRE(c.size() == 10);
        if (c[0].find_first_of("-.") != std::string::npos) continue;
        forms.push_back(c[1]);
        gold.push_back(c[3]);
    }
    flush();
    CHECK(sentences > 150);
    double acc = double(ok) / double(all);
    INFO("accuracy " << acc << " on " << all << " tokens");
    CHECK(acc >= 0.93);
}
