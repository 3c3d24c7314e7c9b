// Stage 1 alone: tokens and sentences.
#include <doctest/doctest.h>

#include "core/lexicons.hpp"
#include "text/tokenize.hpp"

#include <algorithm>
#include <string>
#include <vector>

using namespace kg::detail;

namespace {
std::vector<std::string> words(const Tokenized& t) {
    std::vector<std::string> out;
    for (const auto& tok : t.tokens) out.emplace_back(tok.text);
    return out;
}
std::vector<std::string> sentences(const std::string& text, const Tokenized& t) {
    std::vector<std::string> out;
    for (const auto& s : t.sentences) out.push_back(text.substr(s.start, s.stop - s.start));
    return out;
}
const Abbreviations& abbr() { return Lexicons::get().abbreviations; }
}  // namespace

TEST_CASE("tokenize: abbreviations keep their period, sentences do not break after them") {
    std::string text = "The U.S. fined Acme Ltd. on Monday. Mr. Smith left.";
    auto t = tokenize(text, abbr());
    auto w = words(t);
    CHECK(w == std::vector<std::string>{"The", "U.S.", "fined", "Acme", "Ltd.", "on", "Monday", ".", "Mr.", "Smith", "left", "."});
    auto s = sentences(text, t);
    REQUIRE(s.size() == 2);
    CHECK(s[0] == "The U.S. fined Acme Ltd. on Monday.");
    CHECK(s[1] == "Mr. Smith left.");
}

TEST_CASE("tokenize: a middle initial keeps its period and the name its sentence; a numeral I does not") {
    std::string text = "Senator Maria T. Okafor spoke first. It ended World War I. Then came peace.";
    auto t = tokenize(text, abbr());
    auto w = words(t);
    CHECK(std::find(w.begin(), w.end(), "T.") != w.end());
    auto s = sentences(text, t);
    REQUIRE(s.size() == 3);
    CHECK(s[0] == "Senator Maria T. Okafor spoke first.");
    CHECK(s[1] == "It ended World War I.");
}

TEST_CASE("tokenize: an initial after a lower-case word or a comma keeps its period and the name its sentence") {
    std::string text = "Earlier, council secretary A. Rajendran and forwards N. Bell, K. Vale left.";
    auto t = tokenize(text, abbr());
    auto w = words(t);
    CHECK(std::find(w.begin(), w.end(), "A.") != w.end());
    CHECK(std::find(w.begin(), w.end(), "K.") != w.end());
    CHECK(sentences(text, t).size() == 1);
}

TEST_CASE("tokenize: zero-width characters are no part of a word") {
    std::string text = "Nordvale\xE2\x80\x8D said \xEF\xBB\xBFso\xE2\x80\x8B.";
    auto w = words(tokenize(text, abbr()));
    CHECK(w == std::vector<std::string>{"Nordvale", "said", "so", "."});
}

TEST_CASE("tokenize: curly quotes, possessives, dashes and byte offsets") {
    std::string text = "Beijing\xE2\x80\x99s \xE2\x80\x9Cplan\xE2\x80\x9D \xE2\x80\x94 US-China ties";
    auto t = tokenize(text, abbr());
    auto w = words(t);
    CHECK(w == std::vector<std::string>{"Beijing", "\xE2\x80\x99s", "\xE2\x80\x9C", "plan", "\xE2\x80\x9D", "\xE2\x80\x94", "US", "-", "China", "ties"});
    for (const auto& tok : t.tokens) CHECK(text.substr(tok.start, tok.end - tok.start) == std::string(tok.text));
    CHECK(t.tokens[1].space_before == false);
    CHECK(t.tokens[7].space_before == false);
}

TEST_CASE("tokenize: newlines end sentences; numbers and domains stay whole") {
    std::string text = "Headline Here\nIt costs $100 billion, or 3,000.5 units at example.com today!";
    auto t = tokenize(text, abbr());
    auto s = sentences(text, t);
    REQUIRE(s.size() == 2);
    CHECK(s[0] == "Headline Here");
    auto w = words(t);
    CHECK(std::find(w.begin(), w.end(), "3,000.5") != w.end());
    CHECK(std::find(w.begin(), w.end(), "example.com") != w.end());
    CHECK(std::find(w.begin(), w.end(), "100") != w.end());
}

TEST_CASE("tokenize: empty and punctuation-only text") {
    CHECK(tokenize("", abbr()).tokens.empty());
    CHECK(tokenize("", abbr()).sentences.empty());
    auto t = tokenize("?!... --", abbr());
    CHECK(!t.tokens.empty());
    for (const auto& tok : t.tokens) CHECK(tok.kind == TokKind::punct);
}

TEST_CASE("tokenize: a function word after an abbreviation opens a sentence; a name or an acronym does not") {
    std::string text = "She joined Nordvale Corp. The firm grew in the U.S. It hired Jon Bell of Acme Inc. Tom Vale praised the U.S. IT sector.";
    auto s = sentences(text, tokenize(text, abbr()));
    REQUIRE(s.size() == 3);
    CHECK(s[0] == "She joined Nordvale Corp.");
    CHECK(s[1] == "The firm grew in the U.S.");
    CHECK(s[2] == "It hired Jon Bell of Acme Inc. Tom Vale praised the U.S. IT sector.");
}

TEST_CASE("tokenize: a place's press abbreviation keeps its period after a comma only") {
    std::string text = "He lives in Tellburg, Minn. She attended Mass. on Sunday.";
    auto w = words(tokenize(text, abbr()));
    CHECK(std::find(w.begin(), w.end(), "Minn.") != w.end());
    CHECK(std::find(w.begin(), w.end(), "Mass.") == w.end());
    CHECK(std::find(w.begin(), w.end(), "Mass") != w.end());
}
