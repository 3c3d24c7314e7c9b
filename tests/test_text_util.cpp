// The extractor's fast string helpers (lib/text/util) against the plain definitions they replace: the
// piecewise fold must equal the specified fold of the whole text, and word_shape must equal the single
// shape tests, or lookups silently miss names.
#include <doctest/doctest.h>

#include "text/util.hpp"

#include <kg/graph.hpp>

#include <random>
#include <string>
#include <string_view>
#include <vector>

using namespace kg::detail;

namespace {

// Words from an alphabet rich in what folding and shape tests treat specially.
std::vector<std::string> tricky_words(std::size_t n) {
    static const std::vector<std::string> pieces = {"a", "Z", "q", "7", ".", "-", "'", "’", " ", "\t", ",", "&",
                                                    "é", "É", "中", "s", "'s", "’s", "U.S.", "Mc", "\xff", "_"};
    std::mt19937 rng(12345);
    std::vector<std::string> out;
    for (std::size_t i = 0; i < n; ++i) {
        std::string w;
        const std::size_t len = rng() % 7;
        for (std::size_t k = 0; k < len; ++k) w += pieces[rng() % pieces.size()];
        out.push_back(w);
    }
    return out;
}

// The fold as specified (kg/graph.hpp): letters and digits lower-cased, non-ASCII bytes kept, blanks,
// hyphens and underscores one break, other punctuation dropped. fold_name is built on the fast code, so
// this plain loop is what both are checked against.
std::string reference_fold(std::string_view name) {
    std::string out;
    bool space = false;
    for (unsigned char c : name) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (alnum || c >= 0x80) {
            if (space && !out.empty()) out += ' ';
            space = false;
            out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
        } else if (c == ' ' || c == '\t' || c == '\n' || c == '-' || c == '_') {
            space = true;
        }
    }
    return out;
}

}  // namespace

TEST_CASE("piecewise folding equals fold_name of the joined text") {
    const std::vector<std::string> words = tricky_words(4000);
    std::mt19937 rng(7);
    for (std::size_t i = 0; i + 4 < words.size(); i += 4) {
        // A span of 1-4 words joined by spaces, as the mention finder folds token spans.
        const std::size_t k = 1 + rng() % 4;
        std::string joined, appended;
        bool space = false, space_raw = false;
        std::vector<char> raw(64 * 2 + 16);
        std::size_t n = 0;
        for (std::size_t j = 0; j < k; ++j) {
            const std::string piece = (j ? " " : "") + words[i + j];
            joined += piece;
            fold_append(appended, space, piece);
            if (raw.size() < n + 2 * piece.size()) raw.resize(n + 2 * piece.size());
            n = fold_into(raw.data(), n, space_raw, piece);
            // The fold of every prefix is available on the way, as the finder relies on.
            CHECK_MESSAGE(appended == reference_fold(joined), "text: [" << joined << "]");
            CHECK(kg::fold_name(joined) == appended);
            CHECK(std::string(raw.data(), n) == appended);
        }
    }
}

TEST_CASE("word_shape agrees with the single shape tests") {
    for (const std::string& w : tricky_words(3000)) {
        const WordShape s = word_shape(w);
        CHECK_MESSAGE(s.upper_inside == has_upper_inside(w), w);
        CHECK_MESSAGE(s.digit == has_digit(w), w);
        CHECK_MESSAGE(s.alpha == has_alpha(w), w);
        CHECK_MESSAGE(s.all_caps == all_caps(w), w);
        CHECK_MESSAGE(s.possessive == is_possessive(w), w);
        CHECK_MESSAGE(s.plain_cap == plain_cap(w), w);
        // A promise, not an equivalence: when set, the finder uses the lower case as the fold.
        if (s.fold_is_lower) CHECK_MESSAGE(kg::fold_name(w) == lower(w), w);
    }
}

#if KG_WORD_SHAPE16
TEST_CASE("word_shape16 equals word_shape, whatever bytes follow the word") {
    std::mt19937 rng(16);
    std::vector<std::string> words = tricky_words(3000);
    for (int c = 0; c < 256; ++c) words.push_back(std::string(1, static_cast<char>(c)) + "x" + static_cast<char>(c));
    for (const char* w : {"", "Hinton", "O'Brien-Smith", "ABCDEFGHIJKLMNOP", "Abcdefghijklmnop", "abcdefghijklmnoP",
                          "A", "AB", "Ab", "aB", "X1", "'s", "'S", "'t", "\xE2\x80\x99s", "\xE2\x80\x99S", "\xE2\x80\x98s", "Ab-cd'ef", "DeepMind", "iPhone"})
        words.push_back(w);
    for (const std::string& w : words) {
        if (w.size() > 16) continue;
        for (int round = 0; round < 3; ++round) {
            std::string buf = w;
            for (int i = 0; i < 16; ++i) buf += static_cast<char>(round == 0 ? 'A' + rng() % 26 : round == 1 ? '\'' : rng() % 256);
            const WordShape a = word_shape16(buf.data(), w.size()), b = word_shape(w);
            CHECK_MESSAGE(a.upper_inside == b.upper_inside, w);
            CHECK_MESSAGE(a.digit == b.digit, w);
            CHECK_MESSAGE(a.alpha == b.alpha, w);
            CHECK_MESSAGE(a.all_caps == b.all_caps, w);
            CHECK_MESSAGE(a.possessive == b.possessive, w);
            CHECK_MESSAGE(a.plain_cap == b.plain_cap, w);
            CHECK_MESSAGE(a.fold_is_lower == b.fold_is_lower, w);
        }
    }
}
#endif
