// Internal: the features of the entity recognizer (lib/ner/ner.cpp) and of its trainer
// (tools/train/train_ner.cpp). One definition for both, so that a model scores at run time exactly the
// features it was trained on. Features are 64-bit hashes of a template number and a string; they are
// computed from the words of a sentence and what the lexicons say about them (TokenFacts), never from
// the document's bytes around them, since training text comes pre-tokenized.
#pragma once

#include "core/lexicons.hpp"
#include "text/tagger.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kg::detail::ner {

/// Coarse entity classes the sequence model tells apart.
enum class Coarse : std::uint8_t { PER, ORG, LOC, MISC };
constexpr int n_coarse = 4;
/// BILOU labels: 0 is O; then B, I, L, U of each coarse class.
constexpr int n_labels = 1 + 4 * n_coarse;
inline int label(Coarse c, int bilu) { return 1 + 4 * static_cast<int>(c) + bilu; }  ///< bilu: 0 B, 1 I, 2 L, 3 U
inline int label_bilu(int y) { return (y - 1) % 4; }
inline Coarse label_class(int y) { return static_cast<Coarse>((y - 1) / 4); }
/// Whether label b may follow label a (BILOU); a = -1 is the sentence start, b = -1 its end.
inline bool allowed(int a, int b) {
    const bool a_open = a > 0 && (label_bilu(a) == 0 || label_bilu(a) == 1);  // B or I: the span goes on
    if (b < 0) return !a_open;
    if (a_open) return b > 0 && label_class(b) == label_class(a) && (label_bilu(b) == 1 || label_bilu(b) == 2);
    return b == 0 || label_bilu(b) == 0 || label_bilu(b) == 3;
}

/// What the lexicons and the word's form say about one token (label-independent).
struct TokenFacts {
    std::string_view word;    ///< as written
    std::string lower;        ///< ASCII lower case
    std::string shape;        ///< word_class_shape()
    std::string_view cluster; ///< Brown cluster bit string of the word (as written, else in lower case), empty if none
    /// string_hash() of the word, its lower case, its shape and its cluster's prefixes of 4, 8, 12 and 20
    /// bits ("?" without a cluster): the features of the token and of its neighbours are made of them.
    std::uint64_t h_word = 0, h_lower = 0, h_shape = 0, h_cluster[4] = {};
    Upos pos = Upos::X;       ///< the tagger's tag
    std::uint8_t gaz = 0;     ///< gazetteer match covering the token: 1 + 4 * type + position (BILU), 0 none
    std::uint8_t demonym = 0; ///< 1 + position when a demonym match covers it, 0 none
    std::uint8_t first = 0, last = 0;  ///< person-name list counts as first / last name, bucketed 0..3
    std::uint8_t lower_share = 10;     ///< words.tsv lower-case share in tenths (0..9), 10 for a word it lacks
    bool role = false;        ///< a one-word title or role noun ("president", "minister")
    std::int8_t cue = -1;     ///< cues.tsv type of the word, -1 none
    bool function = false;    ///< a function word, usually written in lower case (WordLex::function_word)
    bool cap = false;         ///< starts with an upper-case ASCII letter
    bool has_upper = false;   ///< holds an upper-case ASCII letter
};

/// Whether a sentence may hold a name, and is worth the model's time: some token has a capital, other
/// than a capitalized function word opening the sentence ("The", "It", "In"). `upper(i)` and
/// `function(i)` tell about word i of n. The model is trained and run only on such sentences.
template <class Upper, class Function>
bool may_hold_name(std::size_t n, Upper&& upper, Function&& function) {
    for (std::size_t i = 0; i < n; ++i)
        if (upper(i) && !(i == 0 && function(i))) return true;
    return false;
}

/// Sentence-level context of the features.
struct SentenceFacts {
    bool title_case = false;  ///< every word capitalized (a headline): capitals carry no evidence
    bool all_caps = false;    ///< no lower-case letter at all
};

/// "Xxxx" → "Xx", "U.S." → "X.X.", "2024" → "d", "McDonald" → "XxXx": letters by case, digits, ASCII
/// punctuation as itself, other bytes as "u"; runs of one class written once.
std::string word_class_shape(std::string_view w);

/// Fills facts for `n` words (the tags are left to the caller): lower case, shape, lexicon records and
/// gazetteer matches (longest first, left to right, over at most six words).
/// `low` and `written`, when given, are the words' records already looked up (Lexicons::lex() of the lower
/// case, Lexicons::name_lex() as written), as the extractor has them: the same facts, fewer lookups.
void fill_facts(const Lexicons& lx, const std::string_view* words, std::size_t n, std::vector<TokenFacts>& out,
                const WordLex* const* low = nullptr, const NameLex* const* written = nullptr);
SentenceFacts sentence_facts(const std::vector<TokenFacts>& f);

/// Which of a token's features token_features() gives: all of them, or the part that depends only on the
/// word itself, its context class (local_context()), its gazetteer match and demonym (the same for every
/// occurrence of a word, so the recognizer can keep their sum), or the rest.
enum class FeaturePart : std::uint8_t { all, local, context };

/// The context class of token i that local features read: all caps, title case, sentence start, other.
inline int local_context(const SentenceFacts& s, std::size_t i) { return s.all_caps ? 0 : s.title_case ? 1 : i == 0 ? 2 : 3; }

/// The label-independent features of token i, appended to out. `memory` is how the same word (as
/// written) was last labelled earlier in the document: 0 never, 1 + coarse class when in a name, 5 outside one.
void token_features(const std::vector<TokenFacts>& f, const SentenceFacts& s, std::size_t i, std::uint8_t memory,
                    std::vector<std::uint64_t>& out, FeaturePart part = FeaturePart::all);

/// Features of the fine-type classifier for a span [b, e) of coarse class c.
/// `gazetteer` false leaves out what the gazetteer says (for training on the gazetteer's own names).
void span_features(const Lexicons& lx, const std::vector<TokenFacts>& f, std::size_t b, std::size_t e, Coarse c,
                   std::vector<std::uint64_t>& out, bool gazetteer = true);

/// Fine types the second stage chooses between, per coarse class.
enum class Fine : std::uint8_t { COMPANY, ORGANIZATION, COUNTRY, LOCATION, EVENT, PRODUCT, WORK };
constexpr int n_fine = 7;
/// The fine types a span of class c may take (PER has none: always PERSON).
inline bool fine_allowed(Coarse c, int fine) {
    switch (c) {
        case Coarse::ORG: return fine == int(Fine::COMPANY) || fine == int(Fine::ORGANIZATION);
        case Coarse::LOC: return fine == int(Fine::COUNTRY) || fine == int(Fine::LOCATION);
        case Coarse::MISC: return fine == int(Fine::EVENT) || fine == int(Fine::PRODUCT) || fine == int(Fine::WORK);
        default: return false;
    }
}

}  // namespace kg::detail::ner
