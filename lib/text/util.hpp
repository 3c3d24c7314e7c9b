// Internal string helpers shared by the stages (ASCII-only case folding: names in news are mostly
// ASCII, and non-ASCII bytes are kept as they are).
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace kg::detail {

/// Splits on '\n' (a trailing '\r' is dropped); views point into `text`.
std::vector<std::string_view> split_lines(std::string_view text);
/// Splits on one separator character.
std::vector<std::string_view> split(std::string_view text, char sep);
/// The same into `out` (cleared first), so that a loop over many lines reuses one vector.
void split_into(std::string_view text, char sep, std::vector<std::string_view>& out);
/// ASCII lower-case copy.
std::string lower(std::string_view s);
/// Appends to `out` the ASCII lower case of `s` (no allocation when `out` has room).
void append_lower(std::string& out, std::string_view s);
/// kg::fold_name() of a text fed piece by piece, appended to `out` (which holds the fold so far, empty at
/// the start; `space` carries the state between pieces, false at the start). The fold of a prefix of the
/// text is a prefix of the fold of the whole text, so the folds of a token span and of all its leading
/// sub-spans come from one pass. fold_name() itself is this over the whole text.
void fold_append(std::string& out, bool& space, std::string_view piece);
/// The same into a raw buffer for the hot loops: writes the fold of `piece` at out[n...] (room for
/// 2 * piece.size() bytes is the caller's business) and returns the new length.
std::size_t fold_into(char* out, std::size_t n, bool& space, std::string_view piece);
/// Trims ASCII whitespace.
std::string_view trim(std::string_view s);

// Shapes of a word, used by several stages to judge whether it looks like (part of) a name.
/// CamelCase ("DeepMind", "iPhone"): a capital after the first letter in a word that also has lower case.
bool has_upper_inside(std::string_view w);
/// Contains an ASCII digit.
bool has_digit(std::string_view w);
/// Contains an ASCII letter.
bool has_alpha(std::string_view w);
/// At least two letters, none lower case ("NATO", "U.S.").
bool all_caps(std::string_view w);
/// The possessive token the tokenizer splits off: 's or ’s.
inline bool is_possessive(std::string_view w) {
    return w == "'s" || w == "'S" || w == "\xE2\x80\x99s" || w == "\xE2\x80\x99S";
}
/// One capital then lower-case letters ("Hinton"); hyphens and apostrophes allowed.
bool plain_cap(std::string_view w);

/// All the shape tests above for one word, in one pass over it (the extractor asks them of every token).
struct WordShape {
    bool upper_inside = false, digit = false, alpha = false, all_caps = false, possessive = false, plain_cap = false;
    bool fold_is_lower = false;  ///< fold_name(w) == lower(w): no ASCII punctuation or blank in w
};

namespace shape_detail {
// Byte classes for word_shape(), one table lookup per byte.
enum : unsigned char { k_lower = 1, k_upper = 2, k_digit = 4, k_plain_rest = 8, k_ascii_punct = 16 };
constexpr std::array<unsigned char, 256> make_table() {
    std::array<unsigned char, 256> cls{};
    for (int c = 0; c < 256; ++c) {
        unsigned char f = 0;
        if (c >= 'a' && c <= 'z') f = k_lower | k_plain_rest;
        else if (c >= 'A' && c <= 'Z') f = k_upper;
        else if (c >= '0' && c <= '9') f = k_digit;
        else if (c < 0x80) f = k_ascii_punct;
        if (c == '-' || c == '\'') f |= k_plain_rest;
        cls[static_cast<std::size_t>(c)] = f;
    }
    return cls;
}
inline constexpr std::array<unsigned char, 256> table = make_table();
}  // namespace shape_detail

/// Inline: the extractor asks it of every token, and a call returning the seven answers cost as much as
/// the loop over the word.
inline WordShape word_shape(std::string_view w) {
    using namespace shape_detail;
    WordShape out;
    out.possessive = (w.size() == 2 || w.size() == 4) && is_possessive(w);
    if (w.empty()) {
        out.fold_is_lower = true;
        return out;
    }
    const unsigned char* cls = table.data();
    const unsigned char first = cls[static_cast<unsigned char>(w[0])];
    unsigned any = first, rest_any = 0, rest_all = k_plain_rest;
    int upper = (first & k_upper) ? 1 : 0;
    for (std::size_t i = 1; i < w.size(); ++i) {
        const unsigned char f = cls[static_cast<unsigned char>(w[i])];
        rest_any |= f;
        rest_all &= f;
        upper += (f & k_upper) ? 1 : 0;
    }
    any |= rest_any;
    const bool lower = any & k_lower;
    out.upper_inside = lower && (rest_any & k_upper);
    out.digit = any & k_digit;
    out.alpha = any & (k_lower | k_upper);
    out.all_caps = !lower && upper >= 2;
    out.plain_cap = w.size() >= 2 && (first & k_upper) && (rest_all & k_plain_rest);
    out.fold_is_lower = !(any & k_ascii_punct);
    return out;
}

#if defined(__SSE2__)
#define KG_WORD_SHAPE16 1
/// word_shape() of the n <= 16 bytes at p, which must have 16 readable bytes: every byte classified at
/// once, without the loop whose exit, at a different length for every word, is mispredicted.
inline WordShape word_shape16(const char* p, std::size_t n) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    // Signed compares: bytes >= 0x80 are negative, so never inside an ASCII range.
    auto in = [&](char lo, char hi) {
        const __m128i m = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(static_cast<char>(lo - 1))),
                                        _mm_cmplt_epi8(v, _mm_set1_epi8(static_cast<char>(hi + 1))));
        return static_cast<unsigned>(_mm_movemask_epi8(m));
    };
    const unsigned len = (1u << n) - 1;  // one bit per byte of the word
    const unsigned lower = in('a', 'z') & len, upper = in('A', 'Z') & len, digit = in('0', '9') & len;
    const unsigned high = static_cast<unsigned>(_mm_movemask_epi8(v)) & len;
    const unsigned joiner = static_cast<unsigned>(_mm_movemask_epi8(
                                _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('-')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\''))))) &
                            len;
    WordShape out;
    // is_possessive(), without its four string comparisons: ' or ’ then s or S.
    out.possessive = (n == 2 && p[0] == '\'' && (p[1] | 0x20) == 's') ||
                     (n == 4 && p[0] == '\xE2' && p[1] == '\x80' && p[2] == '\x99' && (p[3] | 0x20) == 's');
    out.upper_inside = lower && (upper & ~1u);
    out.digit = digit != 0;
    out.alpha = (lower | upper) != 0;
    out.all_caps = !lower && (upper & (upper - 1)) != 0;  // at least two capitals
    out.plain_cap = n >= 2 && (upper & 1) && ((lower | joiner | 1u) & len) == len;
    out.fold_is_lower = (len & ~(lower | upper | digit | high)) == 0;  // no ASCII punctuation or blank
    return out;
}
#endif

}  // namespace kg::detail
