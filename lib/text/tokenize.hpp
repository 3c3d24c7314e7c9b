// Stage 1: text → tokens and sentences.
//
// Contract: tokens are half-open byte ranges into the text, in order, never overlapping; whitespace is
// never part of a token. Curly quotes, dashes and bullets are tokens of their own; a possessive ’s / 's
// is split off ("China’s" → "China", "’s"); abbreviations listed in data/abbreviations.txt and dotted
// initials ("U.S.") keep their final period. Every newline ends a sentence (headlines, bullets), as do
// . ! ? followed by space and a capital, unless the period belongs to a title abbreviation ("Mr.").
#pragma once

#include <cstdint>
#include <string_view>
#include <unordered_set>
#include <string>
#include <vector>

namespace kg::detail {

enum class TokKind : std::uint8_t { word, number, punct };

struct Token {
    std::uint32_t start = 0, end = 0;  ///< byte range
    TokKind kind = TokKind::word;
    bool space_before = false;         ///< whitespace (or text start) precedes it
    std::string_view text;             ///< view into the document text
    bool cap() const { return !text.empty() && text[0] >= 'A' && text[0] <= 'Z'; }  ///< starts upper-case
    bool lower() const { return !text.empty() && text[0] >= 'a' && text[0] <= 'z'; }  ///< starts lower-case
};

struct Sentence {
    std::uint32_t begin = 0, end = 0;  ///< token index range
    std::uint32_t start = 0, stop = 0; ///< byte range (trimmed)
    bool title_case = false;           ///< a headline in Title Case: capitals carry no name evidence
};

struct Abbreviations {
    std::unordered_set<std::string> all;          ///< lower-case, without the final period ("ltd", "mr")
    std::unordered_set<std::string> never_final;  ///< titles that do not end sentences ("mr", "dr")
};

struct Tokenized {
    std::vector<Token> tokens;
    std::vector<Sentence> sentences;
    std::size_t cut_sentences = 0;  ///< sentences ended at kg::limits::max_sentence_tokens, not at punctuation
};

/// Tokenizes and splits a UTF-8 text.
Tokenized tokenize(std::string_view text, const Abbreviations& abbreviations);
/// The same into `out`, whose vectors keep their memory: the extractor reuses one per thread.
void tokenize(std::string_view text, const Abbreviations& abbreviations, Tokenized& out);

}  // namespace kg::detail
