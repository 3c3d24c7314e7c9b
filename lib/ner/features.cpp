#include "ner/features.hpp"

#include "extract/stages.hpp"

#include "text/util.hpp"

#include <algorithm>

namespace kg::detail::ner {

namespace {

std::uint64_t mix(std::uint64_t x) {
    x ^= x >> 31;
    x *= 0x7fb5d329728ea185ull;
    x ^= x >> 27;
    x *= 0x81dadef4bc2dd44dull;
    return x ^ (x >> 33);
}

/// A feature: template t over up to three strings (the hash is part of the model format).
std::uint64_t feat(std::uint32_t t, std::string_view a, std::string_view b = {}, std::string_view c = {}) {
    std::uint64_t h = mix(0x9E3779B97F4A7C15ull * (t + 1));
    h = mix(h ^ string_hash(a));
    if (!b.empty()) h = mix(h ^ (string_hash(b) + 1));
    if (!c.empty()) h = mix(h ^ (string_hash(c) + 2));
    return h ? h : 1;
}

/// feat() from the strings' string_hash() values (every string non-empty): the same feature.
std::uint64_t feat_h(std::uint32_t t, std::uint64_t a) {
    std::uint64_t h = mix(0x9E3779B97F4A7C15ull * (t + 1));
    h = mix(h ^ a);
    return h ? h : 1;
}
std::uint64_t feat_h(std::uint32_t t, std::uint64_t a, std::uint64_t b) {
    std::uint64_t h = mix(mix(0x9E3779B97F4A7C15ull * (t + 1)) ^ a);
    h = mix(h ^ (b + 1));
    return h ? h : 1;
}
std::uint64_t feat_h(std::uint32_t t, std::uint64_t a, std::uint64_t b, std::uint64_t c) {
    std::uint64_t h = mix(mix(0x9E3779B97F4A7C15ull * (t + 1)) ^ a);
    h = mix(h ^ (b + 1));
    h = mix(h ^ (c + 2));
    return h ? h : 1;
}

std::string_view small(unsigned v) {
    static constexpr std::string_view digits[] = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11",
                                                  "12", "13", "14", "15", "16", "17", "18", "19", "20"};
    return digits[std::min(v, 20u)];
}

constexpr std::string_view pos_names[] = {"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM",
                                          "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"};

/// The hashes of the constant strings of the features.
struct Hashes {
    std::uint64_t start = string_hash("<s>"), end = string_hash("</s>"), dash = string_hash("-"), bias = string_hash("bias");
    std::uint64_t role_before = string_hash("role-1"), role_here = string_hash("role0"), role_after = string_hash("role+1");
    std::uint64_t ctx[4] = {string_hash("A"), string_hash("T"), string_hash("S"), string_hash("N")};
    std::uint64_t small[21];
    std::uint64_t pos[17];
    Hashes() {
        for (unsigned v = 0; v <= 20; ++v) small[v] = string_hash(kg::detail::ner::small(v));
        for (int p = 0; p < 17; ++p) pos[p] = string_hash(pos_names[p]);
    }
};

std::uint8_t bucket(unsigned count) { return count == 0 ? 0 : count < 3 ? 1 : count < 20 ? 2 : 3; }

// A word's affixes by bytes, cut back to a whole UTF-8 character.
std::string_view prefix(std::string_view w, std::size_t n) {
    if (w.size() <= n) return w;
    while (n > 0 && (static_cast<unsigned char>(w[n]) & 0xC0) == 0x80) --n;
    return w.substr(0, n);
}
std::string_view suffix(std::string_view w, std::size_t n) {
    if (w.size() <= n) return w;
    std::size_t from = w.size() - n;
    while (from < w.size() && (static_cast<unsigned char>(w[from]) & 0xC0) == 0x80) ++from;
    return w.substr(from);
}


}  // namespace

std::string word_class_shape(std::string_view w) {
    std::string out;
    char last = 0;
    for (std::size_t i = 0; i < w.size() && out.size() < 12; ++i) {
        const unsigned char c = static_cast<unsigned char>(w[i]);
        char k;
        if (c >= 'A' && c <= 'Z') k = 'X';
        else if (c >= 'a' && c <= 'z') k = 'x';
        else if (c >= '0' && c <= '9') k = 'd';
        else if (c >= 0x80) {
            if ((c & 0xC0) == 0x80) continue;  // continuation bytes: one class per character
            k = 'u';
        } else k = static_cast<char>(c);
        if (k != last) out += k;
        last = k;
    }
    return out;
}

void fill_facts(const Lexicons& lx, const std::string_view* words, std::size_t n, std::vector<TokenFacts>& out,
                const WordLex* const* low, const NameLex* const* written) {
    stages::Scope timed(stages::Stage::ner_facts);
    out.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        TokenFacts& f = out[i];
        // Field by field, so that the strings keep their memory from the last sentence.
        f.word = words[i].substr(0, 40);
        f.lower.clear();
        append_lower(f.lower, f.word);
        f.shape = word_class_shape(f.word);
        f.pos = Upos::X;
        f.gaz = f.demonym = f.first = f.last = 0;
        f.cue = -1;
        f.cap = !f.word.empty() && f.word[0] >= 'A' && f.word[0] <= 'Z';
        f.has_upper = std::any_of(f.word.begin(), f.word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
        // A lower-case word is the lexicons' key as it is: only words with capitals need the lookup again.
        const WordLex& wl = low && words[i].size() <= 40 ? *low[i] : lx.lex(f.lower);
        f.role = wl.role != nullptr;
        f.function = wl.function_word;
        if (wl.cue) f.cue = static_cast<std::int8_t>(wl.cue->type);
        f.lower_share = wl.info ? static_cast<std::uint8_t>(std::min(9.0f, wl.info->lower_share * 10.0f)) : 10;
        const NameLex& nl = written && words[i].size() <= 40 ? *written[i] : lx.name_lex(f.word);
        const std::string* cl = nl.cluster;
        if (!cl && f.has_upper) cl = lx.name_lex(f.lower).cluster;
        f.cluster = cl ? std::string_view(*cl) : std::string_view();
        f.h_word = string_hash(f.word);
        f.h_lower = string_hash(f.lower);
        f.h_shape = string_hash(f.shape);
        static constexpr std::size_t cluster_prefix[4] = {4, 8, 12, 20};
        for (int k = 0; k < 4; ++k)
            f.h_cluster[k] = string_hash(f.cluster.empty() ? std::string_view("?") : f.cluster.substr(0, cluster_prefix[k]));
        if (const auto* p = nl.person) {
            f.first = bucket(p->first);
            f.last = bucket(p->second);
        }
    }
    // Gazetteer matches: the longest from each position on, left to right.
    const std::size_t max_words = std::min<std::size_t>(lx.gazetteer_max_words, 6);
    std::string key;
    for (std::size_t i = 0; i < n;) {
        if (!(out[i].has_upper || (out[i].word.size() > 0 && static_cast<unsigned char>(out[i].word[0]) >= 0x80))) {
            ++i;
            continue;
        }
        key.clear();
        bool space = false;
        std::size_t best = 0;
        const GazEntry* best_g = nullptr;
        for (std::size_t k = 0; k < max_words && i + k < n; ++k) {
            if (k > 0) fold_append(key, space, " ");
            fold_append(key, space, words[i + k]);
            if (k == 0 && !lx.gazetteer_first_words.contains(key)) break;
            if (const auto* senses = lx.lookup_folded(key)) {
                const GazEntry* g = nullptr;
                for (const GazEntry& s : *senses)
                    if (!s.town && (!g || (g->demonym && !s.demonym))) g = &s;
                if (g && (out[i + k].has_upper || k == 0)) {
                    best = k + 1;
                    best_g = g;
                }
            }
        }
        if (!best) {
            ++i;
            continue;
        }
        for (std::size_t k = 0; k < best; ++k) {
            const int pos = best == 1 ? 3 : k == 0 ? 0 : k + 1 == best ? 2 : 1;
            if (best_g->demonym) out[i + k].demonym = static_cast<std::uint8_t>(1 + pos);
            else out[i + k].gaz = static_cast<std::uint8_t>(1 + 4 * static_cast<int>(best_g->type) + pos);
        }
        i += best;
    }
}

SentenceFacts sentence_facts(const std::vector<TokenFacts>& f) {
    SentenceFacts s;
    int words = 0, caps = 0, lowers = 0;
    bool any_lower_letter = false;
    for (const TokenFacts& t : f) {
        for (char c : t.word) any_lower_letter = any_lower_letter || (c >= 'a' && c <= 'z');
        if (t.word.empty() || !((t.word[0] >= 'A' && t.word[0] <= 'Z') || (t.word[0] >= 'a' && t.word[0] <= 'z'))) continue;
        ++words;
        if (t.cap) ++caps;
        else if (t.pos != Upos::ADP && t.pos != Upos::DET && t.pos != Upos::CCONJ && t.pos != Upos::PART) ++lowers;
    }
    s.all_caps = words >= 2 && !any_lower_letter;
    s.title_case = !s.all_caps && words >= 3 && lowers == 0;
    return s;
}

void token_features(const std::vector<TokenFacts>& f, const SentenceFacts& s, std::size_t i, std::uint8_t memory,
                    std::vector<std::uint64_t>& out, FeaturePart part) {
    // The same features as feat() over the strings, from hashes each token computed once (fill_facts()):
    // a token's strings are read by its neighbours' features too.
    static const Hashes H;
    const std::size_t n = f.size();
    const TokenFacts& t = f[i];
    auto at = [&](std::ptrdiff_t k) -> const TokenFacts* {
        const std::ptrdiff_t j = static_cast<std::ptrdiff_t>(i) + k;
        return j < 0 || j >= static_cast<std::ptrdiff_t>(n) ? nullptr : &f[static_cast<std::size_t>(j)];
    };
    auto low = [&](std::ptrdiff_t k) {
        const TokenFacts* x = at(k);
        return x ? x->h_lower : k < 0 ? H.start : H.end;
    };
    auto shp = [&](std::ptrdiff_t k) {
        const TokenFacts* x = at(k);
        return x ? x->h_shape : k < 0 ? H.start : H.end;
    };
    auto pos = [&](std::ptrdiff_t k) {
        const TokenFacts* x = at(k);
        return x ? H.pos[static_cast<int>(x->pos)] : k < 0 ? H.start : H.end;
    };
    auto gaz = [&](std::ptrdiff_t k) {
        const TokenFacts* x = at(k);
        return x ? H.small[x->gaz] : H.dash;
    };
    auto cl = [&](std::ptrdiff_t k, int which) {  // cluster prefix 4, 8, 12, 20
        const TokenFacts* x = at(k);
        return x ? x->h_cluster[which] : H.dash;
    };
    auto sm = [&](unsigned v) { return H.small[std::min(v, 20u)]; };
    // How strongly the context says "capitals here mean nothing": headline, all caps, sentence start.
    const std::uint64_t ctx = H.ctx[local_context(s, i)];
    if (part != FeaturePart::context) {  // what depends on the word, its place in the sentence and gazetteer match only
        out.push_back(feat_h(0, H.bias));
        out.push_back(feat_h(1, t.h_word));
        out.push_back(feat_h(2, t.h_lower));
        out.push_back(feat_h(3, t.h_shape, ctx));
        out.push_back(feat_h(4, string_hash(prefix(t.lower, 3))));
        out.push_back(feat_h(5, string_hash(suffix(t.lower, 3))));
        out.push_back(feat_h(6, string_hash(suffix(t.lower, 2))));
        out.push_back(feat_h(7, string_hash(suffix(t.lower, 4))));
        out.push_back(feat_h(19, gaz(0)));
        out.push_back(feat_h(20, gaz(0), t.h_shape));
        out.push_back(feat_h(22, sm(t.first), sm(t.last)));
        out.push_back(feat_h(23, sm(t.first), sm(t.last), t.h_shape));
        out.push_back(feat_h(24, sm(t.lower_share), ctx, t.h_shape));
        out.push_back(feat_h(25, ctx, t.h_lower));
        out.push_back(feat_h(26, sm(t.demonym)));
        if (t.role) out.push_back(feat_h(27, H.role_here, ctx));
        if (t.cue >= 0) out.push_back(feat_h(28, sm(static_cast<unsigned>(t.cue))));
        // Word clusters learned from unlabelled text: prefixes of the bit string are coarser classes.
        out.push_back(feat_h(40, cl(0, 0)));
        out.push_back(feat_h(41, cl(0, 1)));
        out.push_back(feat_h(42, cl(0, 2)));
        out.push_back(feat_h(43, cl(0, 3)));
        out.push_back(feat_h(46, cl(0, 2), t.h_shape));
    }
    if (part == FeaturePart::local) return;
    out.push_back(feat_h(8, low(-1)));
    out.push_back(feat_h(9, low(1)));
    out.push_back(feat_h(10, low(-2)));
    out.push_back(feat_h(11, low(2)));
    out.push_back(feat_h(12, shp(-1), t.h_shape));
    out.push_back(feat_h(13, t.h_shape, shp(1)));
    out.push_back(feat_h(14, low(-1), t.h_lower));
    out.push_back(feat_h(15, t.h_lower, low(1)));
    out.push_back(feat_h(16, pos(0)));
    out.push_back(feat_h(17, pos(-1), pos(0)));
    out.push_back(feat_h(18, pos(0), pos(1)));
    out.push_back(feat_h(21, gaz(-1), gaz(1)));
    if (i > 0 && f[i - 1].role) out.push_back(feat_h(27, H.role_before, t.h_shape));
    if (i + 1 < n && f[i + 1].role) out.push_back(feat_h(27, H.role_after, t.h_shape));
    // The cue word closing a multi-word name ("... Ministry", "... Ltd") reaches back over the name.
    for (std::size_t j = i + 1; j < n && j < i + 5 && f[j].has_upper; ++j)
        if (f[j].cue >= 0) {
            out.push_back(feat_h(29, sm(static_cast<unsigned>(f[j].cue)), sm(static_cast<unsigned>(j - i))));
            break;
        }
    out.push_back(feat_h(44, cl(-1, 1), cl(0, 1)));
    out.push_back(feat_h(45, cl(0, 1), cl(1, 1)));
    out.push_back(feat_h(30, sm(memory), t.h_shape));
    out.push_back(feat_h(31, sm(memory), ctx));
}

void span_features(const Lexicons& lx, const std::vector<TokenFacts>& f, std::size_t b, std::size_t e, Coarse c,
                   std::vector<std::uint64_t>& out, bool gazetteer) {
    const std::string_view cls = small(static_cast<unsigned>(c));
    out.push_back(feat(100, cls));
    std::string key;
    bool space = false;
    for (std::size_t k = b; k < e; ++k) {
        out.push_back(feat(101, cls, f[k].lower));
        if (k > b) fold_append(key, space, " ");
        fold_append(key, space, f[k].word);
        if (f[k].cue >= 0) out.push_back(feat(102, cls, small(static_cast<unsigned>(f[k].cue)), k + 1 == e ? "last" : "in"));
    }
    const TokenFacts& last = f[e - 1];
    out.push_back(feat(103, cls, last.lower));
    out.push_back(feat(104, cls, suffix(last.lower, 3)));
    out.push_back(feat(105, cls, f[b].lower));
    out.push_back(feat(106, cls, b > 0 ? std::string_view(f[b - 1].lower) : "<s>"));
    out.push_back(feat(107, cls, e < f.size() ? std::string_view(f[e].lower) : "</s>"));
    out.push_back(feat(108, cls, b > 1 ? std::string_view(f[b - 2].lower) : "<s>"));
    out.push_back(feat(109, cls, small(static_cast<unsigned>(std::min<std::size_t>(e - b, 5)))));
    out.push_back(feat(110, cls, word_class_shape(f[b].word)));
    if (!gazetteer) return;
    // What the gazetteer says about the whole span.
    if (const auto* senses = lx.lookup_folded(key)) {
        for (const GazEntry& g : *senses)
            out.push_back(feat(111, cls, small(static_cast<unsigned>(g.type)), g.demonym ? "d" : "n"));
    } else {
        out.push_back(feat(111, cls, "none"));
    }
    out.push_back(feat(112, cls, small(last.gaz)));
}

}  // namespace kg::detail::ner
