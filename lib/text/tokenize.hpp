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

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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
    std::unordered_set<std::string> after_comma;  ///< places ("calif"): the period is kept after "City," only
    std::unordered_set<std::string> openers;      ///< function words ("the", "he"): capitalized, they open a sentence
};

struct Tokenized {
    std::vector<Token> tokens;
    std::vector<Sentence> sentences;
    std::size_t cut_sentences = 0;  ///< sentences ended at kg::limits::max_sentence_tokens, not at punctuation
};

/// The end of the run of ASCII letters and digits at t[i...]: the first index from i whose byte is neither,
/// or t.size(). Clears `digits_only` when the run holds a letter. The plain definition, one byte at a time.
std::size_t alnum_run_end_plain(std::string_view t, std::size_t i, bool& digits_only);

/// alnum_run_end_plain(), sixteen bytes at a time while sixteen can be read: the run's end is found without
/// a branch per byte, which is mispredicted at the end of every word (most of a text's bytes are in runs).
inline std::size_t alnum_run_end(std::string_view t, std::size_t i, bool& digits_only) {
#if defined(__SSE2__)
    const std::size_t n = t.size();
    while (i + 16 <= n) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(t.data() + i));
        auto in = [&](char lo, char hi) {  // signed compares: bytes >= 0x80 are below every ASCII range
            return _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(static_cast<char>(lo - 1))),
                                 _mm_cmplt_epi8(v, _mm_set1_epi8(static_cast<char>(hi + 1))));
        };
        const unsigned digit = static_cast<unsigned>(_mm_movemask_epi8(in('0', '9')));
        const unsigned letter = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(in('a', 'z'), in('A', 'Z'))));
        const unsigned len = static_cast<unsigned>(__builtin_ctz(~(digit | letter)));  // at most 16
        if (letter & ((1u << len) - 1)) digits_only = false;
        i += len;
        if (len < 16) return i;
    }
#endif
    return alnum_run_end_plain(t, i, digits_only);
}

/// Tokenizes and splits a UTF-8 text.
Tokenized tokenize(std::string_view text, const Abbreviations& abbreviations);
/// The same into `out`, whose vectors keep their memory: the extractor reuses one per thread.
void tokenize(std::string_view text, const Abbreviations& abbreviations, Tokenized& out);

}  // namespace kg::detail
