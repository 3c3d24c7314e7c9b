// Internal to the POS tagger and its trainer (tools/train/train_tagger.cpp): word analysis, feature keys
// and the model file layout. Both sides must compute features with exactly these functions, or the
// shipped weights would not mean what they meant in training.
//
// Features are 64-bit hashes of (template, value) and never strings, so tagging allocates nothing per
// feature. Every feature that does not depend on predicted tags belongs to one word in one *role* (the
// word itself, or the word one/two to the left/right), so the tagger can sum a known word's weights once
// at load time and tag with a handful of vector additions per token.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace kg::detail::tagger {

constexpr int n_tags = 17;     ///< UPOS
constexpr int row_width = 20;  ///< padded so score rows stay aligned for vectorized additions
constexpr int start_tag = 17;  ///< "previous tag" before the first word
constexpr int max_word = 64;   ///< longer words are analyzed by their first bytes only

inline constexpr char model_magic[8] = {'K', 'G', 'T', 'A', 'G', 'G', 'E', 'R'};
constexpr std::uint32_t model_version = 1;

inline std::uint64_t mix(std::uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

/// Hash of a byte string; byte order fixed to little endian so models are portable.
inline std::uint64_t hash_bytes(const char* p, std::size_t n, std::uint64_t seed = 0) {
    std::uint64_t h = mix(seed + 0x9E3779B97F4A7C15ULL * (n + 1));
    while (n >= 8) {
        std::uint64_t v;
        std::memcpy(&v, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        v = __builtin_bswap64(v);
#endif
        h = mix(h ^ v) * 0x9E3779B97F4A7C15ULL;
        p += 8;
        n -= 8;
    }
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < n; ++i) v |= std::uint64_t(static_cast<unsigned char>(p[i])) << (8 * i);
    return mix(h ^ v);
}
inline std::uint64_t hash_sv(std::string_view s, std::uint64_t seed = 0) { return hash_bytes(s.data(), s.size(), seed); }

/// Feature templates. Values are part of the model: append, never renumber.
enum Template : std::uint32_t {
    f_bias = 1, f_word, f_lower, f_pre1, f_pre2, f_pre3, f_pre4, f_suf1, f_suf2, f_suf3, f_suf4, f_shape,
    f_flags, f_amb,
    f_p1_lower, f_p1_suf3, f_p1_shape, f_p1_amb,
    f_p2_lower, f_p2_amb,
    f_n1_lower, f_n1_suf3, f_n1_shape, f_n1_amb,
    f_n2_lower, f_n2_amb,
    f_t1, f_t2, f_t1_lower, f_t1_shape,
};

inline std::uint64_t key(std::uint32_t tmpl, std::uint64_t value) {
    return mix(value ^ (std::uint64_t(tmpl) * 0xD6E8FEB86659FD93ULL));
}

/// What the features need to know about one word.
struct WordInfo {
    std::uint64_t norm = 0, lower = 0, shape = 0;  ///< hashes of the normalized form, its lower case, its shape
    std::uint64_t pre[4] = {}, suf[4] = {};        ///< hashes of 1–4 byte prefixes/suffixes of the lower case
    std::uint32_t len = 0;                         ///< bytes of the normalized form
    std::uint32_t flags = 0;
    std::uint32_t amb = 0;                         ///< tags seen with the lower-case form (bit mask), 0 if rare
    bool pseudo = false;                           ///< sentence padding, not a word
};

/// Writes the form the model was trained on: curly quotes as the straight ones EWT mostly uses (news
/// uses ’ “ ” where EWT has ' "), `` and '' as ". Returns its length (at most max_word).
inline std::size_t normalize(std::string_view w, char* out) {
    std::size_t n = 0;
    if (w == "``" || w == "''") {
        out[0] = '"';
        return 1;
    }
    for (std::size_t i = 0; i < w.size() && n < static_cast<std::size_t>(max_word);) {
        auto c = static_cast<unsigned char>(w[i]);
        if (c == 0xE2 && i + 2 < w.size() && static_cast<unsigned char>(w[i + 1]) == 0x80) {
            auto d = static_cast<unsigned char>(w[i + 2]);
            if (d == 0x98 || d == 0x99 || d == 0x9B) { out[n++] = '\''; i += 3; continue; }  // ‘ ’ ‛
            if (d == 0x9C || d == 0x9D || d == 0x9E || d == 0x9F) { out[n++] = '"'; i += 3; continue; }  // “ ” „ ‟
        }
        if (c == 0xC2 && i + 1 < w.size() && (static_cast<unsigned char>(w[i + 1]) == 0xAB || static_cast<unsigned char>(w[i + 1]) == 0xBB)) {
            out[n++] = '"';  // « »
            i += 2;
            continue;
        }
        out[n++] = static_cast<char>(c);
        ++i;
    }
    return n;
}

enum Flag : std::uint32_t { fl_upper_first = 1, fl_all_upper = 2, fl_digit = 4, fl_hyphen = 8, fl_alpha = 16, fl_period = 32 };

/// Analyzes one word. `amb(lower_hash)` returns the ambiguity class of a lower-case form (0 if unknown).
template <class Amb>
WordInfo analyze(std::string_view raw, Amb&& amb) {
    char norm[max_word], low[max_word], shape[max_word];
    std::size_t n = normalize(raw, norm);
    WordInfo wi;
    wi.len = static_cast<std::uint32_t>(n);
    std::size_t sn = 0;
    char last = 0;
    int run = 0;
    bool any_lower = false, any_upper = false;
    for (std::size_t i = 0; i < n; ++i) {
        char c = norm[i];
        char cls;
        if (c >= 'A' && c <= 'Z') { cls = 'X'; any_upper = true; wi.flags |= fl_alpha; low[i] = static_cast<char>(c + 32); }
        else {
            low[i] = c;
            if (c >= 'a' && c <= 'z') { cls = 'x'; any_lower = true; wi.flags |= fl_alpha; }
            else if (c >= '0' && c <= '9') { cls = 'd'; wi.flags |= fl_digit; }
            else if (static_cast<unsigned char>(c) >= 0x80) { cls = 'u'; }
            else { cls = c; if (c == '-') wi.flags |= fl_hyphen; if (c == '.') wi.flags |= fl_period; }
        }
        // Runs of one class longer than two collapse, so "Washington" and "Xi" differ but lengths 3+ do not.
        run = cls == last ? run + 1 : 1;
        last = cls;
        if (run <= 2 && !(cls == 'u' && run > 1)) shape[sn++] = cls;
    }
    if (n && norm[0] >= 'A' && norm[0] <= 'Z') wi.flags |= fl_upper_first;
    if (any_upper && !any_lower) wi.flags |= fl_all_upper;
    wi.norm = hash_bytes(norm, n);
    wi.lower = hash_bytes(low, n);
    wi.shape = hash_bytes(shape, sn);
    for (std::size_t k = 1; k <= 4 && k <= n; ++k) {
        wi.pre[k - 1] = hash_bytes(low, k, 1) | 1;  // | 1: non-zero means present
        wi.suf[k - 1] = hash_bytes(low + n - k, k, 2) | 1;
    }
    wi.amb = amb(wi.lower);
    return wi;
}

/// Sentence padding: -2, -1, n, n+1.
inline WordInfo pseudo_word(int which) {
    WordInfo wi;
    wi.pseudo = true;
    wi.lower = mix(0xABCDEF0000ULL + static_cast<std::uint64_t>(which));
    return wi;
}

/// The padding word at position `pos` (-2, -1, n or n+1) of a sentence of `n` words.
inline WordInfo pad_word(int pos, int n) { return pseudo_word(pos == -1 ? 0 : pos == -2 ? 1 : pos == n ? 2 : 3); }

enum Role { self, prev1, prev2, next1, next2 };
constexpr int n_roles = 5;

/// Keys of the tag-independent features `wi` contributes in `role`.
template <class Emit>
void role_keys(Role role, const WordInfo& wi, Emit&& emit) {
    switch (role) {
    case self:
        emit(key(f_bias, 0));
        emit(key(f_word, wi.norm));
        emit(key(f_lower, wi.lower));
        emit(key(f_shape, wi.shape));
        emit(key(f_flags, wi.flags));
        for (int k = 0; k < 4; ++k) {
            if (wi.pre[k]) emit(key(f_pre1 + k, wi.pre[k]));
            if (wi.suf[k]) emit(key(f_suf1 + k, wi.suf[k]));
        }
        emit(key(f_amb, wi.amb));
        break;
    case prev1:
    case next1: {
        bool p = role == prev1;
        emit(key(p ? f_p1_lower : f_n1_lower, wi.lower));
        if (wi.pseudo) break;
        if (wi.suf[2]) emit(key(p ? f_p1_suf3 : f_n1_suf3, wi.suf[2]));
        emit(key(p ? f_p1_shape : f_n1_shape, wi.shape));
        emit(key(p ? f_p1_amb : f_n1_amb, wi.amb));
        break;
    }
    case prev2:
    case next2: {
        bool p = role == prev2;
        emit(key(p ? f_p2_lower : f_n2_lower, wi.lower));
        if (wi.pseudo) break;
        emit(key(p ? f_p2_amb : f_n2_amb, wi.amb));
        break;
    }
    }
}

/// Keys of the features that depend on the previous tags (t1: previous, t2: the one before).
inline std::uint64_t t1_key(int t1) { return key(f_t1, static_cast<std::uint64_t>(t1)); }
inline std::uint64_t t2_key(int t2, int t1) { return key(f_t2, static_cast<std::uint64_t>(t2 * 32 + t1)); }
inline std::uint64_t t1_lower_key(int t1, const WordInfo& wi) { return key(f_t1_lower, wi.lower + 0x9E3779B97F4A7C15ULL * (t1 + 1)); }
inline std::uint64_t t1_shape_key(int t1, const WordInfo& wi) { return key(f_t1_shape, wi.shape + 0x9E3779B97F4A7C15ULL * (t1 + 1)); }

}  // namespace kg::detail::tagger
