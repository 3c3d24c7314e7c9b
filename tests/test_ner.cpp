// The entity recognizer (lib/ner) and the boundaries and types the mention stage draws from it, on
// sentences written for these tests (none is from the sample or from any dev or test set).
#include <doctest/doctest.h>

#include "core/lexicons.hpp"
#include "ner/ner.hpp"

#include <kg/error.hpp>
#include <kg/extract.hpp>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <vector>

namespace {

using kg::EntityType;
using namespace kg::detail;

struct Result {
    kg::DocExtraction x;
    const kg::DocEntity* find(const std::string& name) const {
        for (const auto& e : x.entities)
            if (e.name == name) return &e;
        return nullptr;
    }
    bool typed(const std::string& name, EntityType t) const {
        const kg::DocEntity* e = find(name);
        return e && e->type == t;
    }
};

Result extract(const std::string& text) {
    static const kg::Extractor extractor;
    return Result{extractor(kg::Document{"doc", "test", text})};
}

/// The recognizer's spans of one sentence given as words.
std::vector<ner::Span> spans_of(const std::vector<std::string_view>& words) {
    const Lexicons& lx = Lexicons::get();
    std::vector<ner::TokenFacts> facts;
    ner::fill_facts(lx, words.data(), words.size(), facts);
    std::vector<Upos> tags(words.size());
    Tagger::get().tag(words.data(), words.size(), tags.data());
    for (std::size_t i = 0; i < words.size(); ++i) facts[i].pos = tags[i];
    ner::Memory memory;
    std::vector<ner::Span> out;
    ner::Recognizer::get().recognize(lx, facts, memory, out);
    return out;
}

/// Every BILOU path of n labels, the best by brute force.
float path_score(const std::vector<float>& em, const std::vector<float>& trans, const std::vector<int>& y) {
    constexpr int L = ner::n_labels;
    float s = 0;
    for (std::size_t i = 0; i < y.size(); ++i) s += em[i * L + y[i]] + trans[(i == 0 ? 0 : y[i - 1] + 1) * L + y[i]];
    return s + trans[(L + 1) * L + y.back()];
}
bool valid(const std::vector<int>& y) {
    for (std::size_t i = 0; i < y.size(); ++i)
        if (!ner::allowed(i == 0 ? -1 : y[i - 1], y[i])) return false;
    return ner::allowed(y.back(), -1);
}

}  // namespace

TEST_CASE("ner: Viterbi and the max-marginals agree with brute force over every valid BILOU path") {
    constexpr int L = ner::n_labels;
    std::mt19937 rng(7);
    std::uniform_real_distribution<float> u(-3, 3);
    for (int round = 0; round < 30; ++round) {
        const std::size_t n = 1 + round % 4;
        std::vector<float> em(n * L), trans((L + 2) * L);
        for (float& v : em) v = u(rng);
        for (float& v : trans) v = u(rng);
        float best = -1e30f;
        std::vector<int> best_y, y(n, 0);
        std::vector<float> marg_bf(n * L, -1e30f);
        for (;;) {  // odometer over L^n label sequences
            if (valid(y)) {
                const float s = path_score(em, trans, y);
                if (s > best) best = s, best_y = y;
                for (std::size_t i = 0; i < n; ++i) marg_bf[i * L + y[i]] = std::max(marg_bf[i * L + y[i]], s);
            }
            std::size_t k = 0;
            while (k < n && ++y[k] == L) y[k++] = 0;
            if (k == n) break;
        }
        std::vector<int> got(n), got2(n);
        std::vector<float> work, marg;
        ner::viterbi(em.data(), n, trans.data(), got.data(), work);
        CHECK(got == best_y);
        ner::max_marginals(em.data(), n, trans.data(), marg, work, got2.data());
        CHECK(got2 == best_y);
        for (std::size_t k = 0; k < n * L; ++k)
            if (marg_bf[k] > -1e29f) CHECK(marg[k] == doctest::Approx(marg_bf[k]).epsilon(1e-4));
    }
}

TEST_CASE("ner: the built-in model finds names, with classes and calibrated confidences") {
    CHECK(ner::Recognizer::get().feature_count() > 10000);
    const auto s = spans_of({"Keir", "Starmer", "met", "Rachel", "Reeves", "in", "London", "on", "Monday", "."});
    REQUIRE(s.size() == 3);
    CHECK(s[0].b == 0);
    CHECK(s[0].e == 2);
    CHECK(s[0].coarse == ner::Coarse::PER);
    CHECK(s[1].coarse == ner::Coarse::PER);
    CHECK(s[2].coarse == ner::Coarse::LOC);
    for (const auto& sp : s) {
        CHECK(sp.confidence > 0.0f);
        CHECK(sp.confidence < 1.0f);
    }
    // A sentence with no capital, or whose only capital is an opening function word, is not read.
    CHECK(spans_of({"shares", "fell", "sharply", "."}).empty());
    CHECK(spans_of({"The", "shares", "fell", "sharply", "."}).empty());
}

TEST_CASE("ner: a one-word name opening a sentence, people typed as people, particles inside names") {
    auto r = extract("Apple said on Monday it would cut jobs.");
    CHECK(r.typed("Apple", EntityType::COMPANY));
    CHECK(!r.find("Monday"));
    r = extract("Keir Starmer met Rachel Reeves and Kylian Mbappe in London.");
    CHECK(r.typed("Keir Starmer", EntityType::PERSON));
    CHECK(r.typed("Rachel Reeves", EntityType::PERSON));
    CHECK(r.typed("Kylian Mbappe", EntityType::PERSON));
    r = extract("Ursula von der Leyen spoke in Brussels on Dec 18.");
    CHECK(r.typed("Ursula von der Leyen", EntityType::PERSON));
    CHECK(!r.find("Leyen"));
    CHECK(!r.find("Dec 18"));
    r = extract("Satya Nadella, the CEO of Microsoft, said the storm could reach Category 3.");
    CHECK(r.typed("Satya Nadella", EntityType::PERSON));
    CHECK(r.typed("Microsoft", EntityType::COMPANY));
    CHECK(!r.find("of Microsoft"));
    CHECK(!r.find("Category 3"));
}

TEST_CASE("ner: titles and honorifics stay outside the name, kept as its role") {
    auto r = extract("Tan Sri Dr Noor Hisham Abdullah said the ministry would act.");
    CHECK(r.typed("Noor Hisham Abdullah", EntityType::PERSON));
    CHECK(!r.find("Tan Sri Dr Noor Hisham Abdullah"));
    r = extract("President Andres Manuel Lopez Obrador met NATO Secretary General Jens Stoltenberg.");
    CHECK(r.typed("Andres Manuel Lopez Obrador", EntityType::PERSON));
    CHECK(r.typed("Jens Stoltenberg", EntityType::PERSON));
    CHECK(r.find("NATO"));
    r = extract("Mr. Okonkwo Adeyemi joined the board on Friday.");
    CHECK(r.typed("Okonkwo Adeyemi", EntityType::PERSON));
    CHECK(!r.find("Mr. Okonkwo Adeyemi"));
}

TEST_CASE("ner: a company's name and a country side by side name its national arm, one company") {
    auto r = extract("HANOI, Dec 7 — Toyota Vietnam has officially launched the new Vios sedan.");
    CHECK(r.typed("Toyota Vietnam", EntityType::COMPANY));  // the model reads "Toyota" and "Vietnam" here
    CHECK(!r.find("Vietnam"));
    r = extract("KUALA LUMPUR, Dec 7 — Kestrel Motors Vietnam has launched a new hatchback. Kestrel Motors in Japan "
                "decides on suppliers.");
    CHECK(r.find("Kestrel Motors Vietnam"));
    CHECK(!r.typed("Kestrel Motors Vietnam", EntityType::LOCATION));
    CHECK(r.typed("Kestrel Motors", EntityType::COMPANY));
    CHECK(r.typed("Japan", EntityType::COUNTRY));
}

TEST_CASE("ner: boundaries: hyphenated words, articles, model codes, postcodes, bullets") {
    // A name never starts inside a hyphenated word; an English word hyphenated onto one stays outside.
    auto r = extract("Delegates at the Pan-African Trade Forum backed the U.S.-led plan.");
    CHECK(r.find("Pan-African Trade Forum"));
    CHECK(!r.find("African Trade Forum"));
    CHECK(!r.find("U.S.-led"));
    // A model code after a maker's name is a product; after a place it is a postcode.
    r = extract("Corvane unveiled the Falcon X9 drone at its office in London E14.");
    CHECK(r.typed("Falcon X9", EntityType::PRODUCT));
    CHECK(r.typed("London", EntityType::LOCATION));
    CHECK(!r.find("London E14"));
    // A bullet opening a line is layout.
    r = extract("- Brightwave Labs raised new funds.\n- Quorvia Systems hired staff.");
    CHECK(r.find("Brightwave Labs"));
    CHECK(r.find("Quorvia Systems"));
}

TEST_CASE("ner: the words around a name decide between classes the model confuses") {
    // A legal suffix makes a company, whatever the model read.
    auto r = extract("Talvoren Oy did not attend the fair.");
    CHECK(r.typed("Talvoren", EntityType::COMPANY));
    // An unambiguous event head makes an event of an organization-like name.
    r = extract("The Baltic Robotics Expo opens in Riga this week.");
    CHECK(r.typed("Baltic Robotics Expo", EntityType::EVENT));
    // A context noun, even opening the sentence ("Firms like X"), and a product cue after the name.
    r = extract("Firms like Valtrexa and Sorni Group will attend. Its Zephyra robot can climb stairs.");
    CHECK(r.typed("Valtrexa", EntityType::COMPANY));
    CHECK(r.typed("Zephyra", EntityType::PRODUCT));
    // A law's head word makes a policy.
    r = extract("Lawmakers passed the Coastal Fisheries Act on Thursday.");
    CHECK(r.typed("Coastal Fisheries Act", EntityType::POLICY));
}

TEST_CASE("ner: one class per name in a document, and type confidences rounded") {
    const auto r = extract(
        "Halvorsen Marine said profits rose. Analysts at Halvorsen Marine expect more. "
        "Halvorsen Marine shares gained in Oslo.");
    int kept = 0;
    for (const auto& e : r.x.entities)
        if (e.name == "Halvorsen Marine") {
            ++kept;
            // Two decimals at most: the same bytes on every build.
            CHECK(std::round(e.type_confidence * 100) / 100 == e.type_confidence);
            CHECK(e.type_confidence > 0.0);
            CHECK(e.type_confidence <= 1.0);
        }
    CHECK(kept == 1);
}

TEST_CASE("ner: a truncated or corrupt model file is refused with its name") {
    auto fails = [](const std::string& bytes, const std::string& needle) {
        try {
            ner::Recognizer::from_bytes(bytes, "/tmp/x/ner.model");
        } catch (const kg::Error& e) {
            CHECK(e.code() == kg::ExitCode::bad_input);
            CHECK(std::string(e.what()).find("/tmp/x/ner.model") != std::string::npos);
            CHECK(std::string(e.what()).find(needle) != std::string::npos);
            return true;
        }
        return false;
    };
    CHECK(fails("", "truncated"));
    CHECK(fails("NOTAMODEL-AT-ALL", "bad magic"));
    std::string header(ner::format::magic, 8);
    header += std::string("\x02\x00\x00\x00", 4);  // version 2
    CHECK(fails(header, "version 2"));
    std::string v1(ner::format::magic, 8);
    v1 += std::string("\x01\x00\x00\x00\x11\x00\x00\x00\x07\x00\x00\x00", 12);
    v1 += std::string(40, '\0');  // transitions cut short
    CHECK(fails(v1, "truncated"));
}

TEST_CASE("mentions: two person spans with nothing between them are one long name the model cut") {
    static const kg::Extractor extractor;
    const auto x = extractor(kg::Document{"doc", "test", "The plan was announced by Prime Minister Tan Sri Ismail Faizal Osman on Monday."});
    bool whole = false;
    for (const auto& e : x.entities) {
        CHECK(e.name != "Ismail");
        whole |= e.name == "Ismail Faizal Osman";
    }
    CHECK(whole);
}

TEST_CASE("mentions: a person's hyphenated given name keeps its lower-case last syllable ('Kwok-hung')") {
    static const kg::Extractor extractor;
    const auto x = extractor(kg::Document{"doc", "test", "Legislators Leung Kwok-hung and Wong Pik-wan protested on Monday."});
    std::vector<std::string> names;
    for (const auto& e : x.entities) names.push_back(e.name);
    CHECK(std::find(names.begin(), names.end(), "Leung Kwok-hung") != names.end());
    CHECK(std::find(names.begin(), names.end(), "Wong Pik-wan") != names.end());
    // An English word joined on is no part of the name.
    const auto led = extractor(kg::Document{"doc", "test", "Critics said the Jon Bell-led effort failed."});
    for (const auto& e : led.entities) CHECK(e.name.find("led") == std::string::npos);
}
