// Internal to the dependency parser (lib/parse/parser.cpp) and its trainer (tools/train/train_parser.cpp):
// the arc-eager transition system, its feature templates and the model file layout. Both sides run exactly
// this code, so the shipped weights mean at parse time what they meant in training.
//
// Positions: 0 is the artificial ROOT, words are 1..n, n + 1 stands for "no word" in features.
#pragma once

#include "text/tagger_features.hpp"

#include <cstdint>
#include <string_view>
#include <vector>

namespace kg::detail::parse {

using tagger::mix;

inline constexpr char model_magic[8] = {'K', 'G', 'P', 'A', 'R', 'S', 'E', 'R'};
constexpr std::uint32_t model_version = 1;
constexpr int max_labels = 62;     ///< label sets are 64-bit masks; classes fit a byte
constexpr int root_tag = 17, none_tag = 18;

/// Actions: SHIFT, REDUCE, then LEFT-ARC per label, then RIGHT-ARC per label.
enum : int { a_shift = 0, a_reduce = 1, a_left = 2 };
inline int n_classes(int n_labels) { return 2 + 2 * n_labels; }

/// Hash of the form features read: curly quotes straightened as the tagger does, ASCII lower case, digits
/// as 0 (numbers behave alike whatever their value).
inline std::uint64_t word_hash(std::string_view w) {
    char buf[tagger::max_word];
    std::size_t n = tagger::normalize(w, buf);
    for (std::size_t i = 0; i < n; ++i) {
        char& c = buf[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
        else if (c >= '0' && c <= '9') c = '0';
    }
    return tagger::hash_bytes(buf, n, 0x5041525345ULL);
}
constexpr std::uint64_t root_word = 0x1F2E3D4C5B6A7988ULL, none_word = 0x2E3D4C5B6A798817ULL;

/// Per-position atoms, computed once per sentence.
struct Atoms {
    std::vector<std::uint64_t> w, wp;  ///< form hash; form and tag together
    std::vector<std::uint8_t> p;       ///< UPOS, root_tag, none_tag
    void reset(std::size_t n) {
        w.resize(n + 2);
        wp.resize(n + 2);
        p.resize(n + 2);
        set(0, root_word, root_tag);
        set(n + 1, none_word, none_tag);
    }
    void set(std::size_t i, std::uint64_t word, std::uint8_t tag) {
        w[i] = word;
        p[i] = tag;
        wp[i] = mix(word ^ (0x9E3779B97F4A7C15ULL * (tag + 1)));
    }
};

/// A parser configuration: stack, buffer front, and the arcs made so far with what features read of them.
struct State {
    int n = 0, b = 1, none = 1, root_child = -1;
    std::vector<int> stack;
    std::vector<int> head, lab, l1, l2, r1, r2;  ///< head, label; two leftmost / rightmost children
    std::vector<std::uint8_t> nl, nr;           ///< left / right child counts
    std::vector<std::uint64_t> ls, rs;          ///< left / right children's label sets

    void reset(int words, int no_label) {
        n = words;
        b = 1;
        none = n + 1;
        root_child = -1;
        stack.clear();
        stack.push_back(0);
        const std::size_t sz = static_cast<std::size_t>(n) + 2;
        head.assign(sz, -1);
        lab.assign(sz, no_label);
        lab[none] = no_label + 1;
        l1.assign(sz, none), l2.assign(sz, none), r1.assign(sz, none), r2.assign(sz, none);
        nl.assign(sz, 0), nr.assign(sz, 0);
        ls.assign(sz, 0), rs.assign(sz, 0);
    }
    bool terminal() const { return b > n; }
    int s0() const { return stack.back(); }

    void arc(int h, int d, int l) {
        head[d] = h;
        lab[d] = l;
        if (h == 0) root_child = d;
        if (d < h) {
            if (l1[h] == none || d < l1[h]) l2[h] = l1[h], l1[h] = d;
            else if (l2[h] == none || d < l2[h]) l2[h] = d;
            if (nl[h] < 255) ++nl[h];
            ls[h] |= std::uint64_t(1) << l;
        } else {
            if (r1[h] == none || d > r1[h]) r2[h] = r1[h], r1[h] = d;
            else if (r2[h] == none || d > r2[h]) r2[h] = d;
            if (nr[h] < 255) ++nr[h];
            rs[h] |= std::uint64_t(1) << l;
        }
    }
    /// Whether action `a` may be taken (n_labels labels, `root` the label of the root's child). The root
    /// gets exactly one child, by RIGHT-ARC with label `root`; no other arc carries that label.
    bool valid(int a, int n_labels, int root) const {
        const int s = s0();
        if (a == a_shift) return b <= n;
        if (a == a_reduce) return head[s] >= 0;
        if (b > n) return false;
        if (a < a_left + n_labels) return s != 0 && head[s] < 0 && a - a_left != root;
        const int l = a - a_left - n_labels;
        return s == 0 ? root_child < 0 && l == root : l != root;
    }
    void apply(int a, int n_labels) {
        if (a == a_shift) {
            stack.push_back(b++);
        } else if (a == a_reduce) {
            stack.pop_back();
        } else if (a < a_left + n_labels) {
            arc(b, s0(), a - a_left);
            stack.pop_back();
        } else {
            arc(s0(), b, a - a_left - n_labels);
            stack.push_back(b++);
        }
    }
};

/// Feature templates. Values are part of the model: append, never renumber.
enum Template : std::uint32_t {
    t_bias = 1,
    t_s0w, t_s0p, t_s0wp, t_n0w, t_n0p, t_n0wp, t_n1w, t_n1p, t_n1wp, t_n2w, t_n2p, t_n2wp,
    t_s0wp_n0wp, t_s0wp_n0w, t_s0w_n0wp, t_s0wp_n0p, t_s0p_n0wp, t_s0w_n0w, t_s0p_n0p, t_n0p_n1p,
    t_n0p_n1p_n2p, t_s0p_n0p_n1p, t_s0hp_s0p_n0p, t_s0p_s0lp_n0p, t_s0p_s0rp_n0p, t_s0p_n0p_n0lp,
    t_s0w_d, t_s0p_d, t_n0w_d, t_n0p_d, t_s0w_n0w_d, t_s0p_n0p_d,
    t_s0w_vr, t_s0p_vr, t_s0w_vl, t_s0p_vl, t_n0w_vl, t_n0p_vl,
    t_s0hw, t_s0hp, t_s0L, t_s0lw, t_s0lp, t_s0lL, t_s0rw, t_s0rp, t_s0rL, t_n0lw, t_n0lp, t_n0lL,
    t_s0h2w, t_s0h2p, t_s0hL, t_s0l2w, t_s0l2p, t_s0l2L, t_s0r2w, t_s0r2p, t_s0r2L, t_n0l2w, t_n0l2p, t_n0l2L,
    t_s0p_s0lp_s0l2p, t_s0p_s0rp_s0r2p, t_s0p_s0hp_s0h2p, t_n0p_n0lp_n0l2p,
    t_s0w_sr, t_s0p_sr, t_s0w_sl, t_s0p_sl, t_n0w_sl, t_n0p_sl,
    t_s1p, t_s1wp, t_s1p_s0p, t_s1p_s0p_n0p, t_s2p_s1p_s0p, t_s1wp_s0wp,
    t_s0p_n0p_L, t_s0wp_n0p_n1p, t_s0p_n0wp_n1p, t_n0wp_n1wp, t_p1p_n0p, t_s0p_p1s0p,
};
constexpr int max_features = 96;

inline std::uint64_t fk(std::uint32_t t, std::uint64_t a) {
    std::uint64_t k = mix(a ^ (std::uint64_t(t) * 0xD6E8FEB86659FD93ULL));
    return k ? k : 1;
}
inline std::uint64_t fk(std::uint32_t t, std::uint64_t a, std::uint64_t b) {
    return fk(t, a ^ mix(b + 0x632BE59BD9B4E019ULL));
}
inline std::uint64_t fk(std::uint32_t t, std::uint64_t a, std::uint64_t b, std::uint64_t c) {
    return fk(t, a ^ mix(b + 0x632BE59BD9B4E019ULL) ^ mix(c + 0x8CB92BA72F3D8DD7ULL));
}
/// Small values (tags, labels, counts, distances) packed into one atom.
constexpr std::uint64_t pk(std::uint64_t a, std::uint64_t b = 0xFF, std::uint64_t c = 0xFF, std::uint64_t d = 0xFF) {
    return a | b << 8 | c << 16 | d << 24;
}

/// Writes the feature keys of state `st` into `out` (at most max_features); returns how many.
inline int features(const State& st, const Atoms& at, std::uint64_t* out) {
    const int none = st.none;
    const std::size_t k = st.stack.size();
    const int s0 = st.stack[k - 1];
    const int s1 = k >= 2 ? st.stack[k - 2] : none, s2 = k >= 3 ? st.stack[k - 3] : none;
    const int n0 = st.b <= st.n ? st.b : none;
    const int n1 = n0 != none && n0 + 1 <= st.n ? n0 + 1 : none;
    const int n2 = n1 != none && n1 + 1 <= st.n ? n1 + 1 : none;
    const int s0h = st.head[s0] >= 0 ? st.head[s0] : none;
    const int s0h2 = s0h != none && st.head[s0h] >= 0 ? st.head[s0h] : none;
    const int s0l = st.l1[s0], s0l2 = st.l2[s0], s0r = st.r1[s0], s0r2 = st.r2[s0];
    const int n0l = st.l1[n0], n0l2 = st.l2[n0];
    const int p1 = n0 != none && n0 - 1 >= 1 ? n0 - 1 : none;        // the word before n0
    const int ps0 = s0 >= 2 ? s0 - 1 : none;                           // the word before s0
    const auto& w = at.w;
    const auto& wp = at.wp;
    const auto& p = at.p;
    int dist = 0;
    if (n0 != none && s0 != 0) {
        const int d = n0 - s0;
        dist = d <= 4 ? d : d <= 7 ? 5 : d <= 11 ? 6 : 7;
    }
    const std::uint64_t vl0 = st.nl[s0] < 7 ? st.nl[s0] : 7, vr0 = st.nr[s0] < 7 ? st.nr[s0] : 7;
    const std::uint64_t vln = st.nl[n0] < 7 ? st.nl[n0] : 7;
    int i = 0;
    auto e = [&](std::uint64_t key) { out[i++] = key; };
    e(fk(t_bias, 0));
    e(fk(t_s0w, w[s0])), e(fk(t_s0p, p[s0])), e(fk(t_s0wp, wp[s0]));
    e(fk(t_n0w, w[n0])), e(fk(t_n0p, p[n0])), e(fk(t_n0wp, wp[n0]));
    e(fk(t_n1w, w[n1])), e(fk(t_n1p, p[n1])), e(fk(t_n1wp, wp[n1]));
    e(fk(t_n2w, w[n2])), e(fk(t_n2p, p[n2])), e(fk(t_n2wp, wp[n2]));
    e(fk(t_s0wp_n0wp, wp[s0], wp[n0])), e(fk(t_s0wp_n0w, wp[s0], w[n0])), e(fk(t_s0w_n0wp, w[s0], wp[n0]));
    e(fk(t_s0wp_n0p, wp[s0], p[n0])), e(fk(t_s0p_n0wp, wp[n0], p[s0])), e(fk(t_s0w_n0w, w[s0], w[n0]));
    e(fk(t_s0p_n0p, pk(p[s0], p[n0]))), e(fk(t_n0p_n1p, pk(p[n0], p[n1])));
    e(fk(t_n0p_n1p_n2p, pk(p[n0], p[n1], p[n2]))), e(fk(t_s0p_n0p_n1p, pk(p[s0], p[n0], p[n1])));
    e(fk(t_s0hp_s0p_n0p, pk(p[s0h], p[s0], p[n0]))), e(fk(t_s0p_s0lp_n0p, pk(p[s0], p[s0l], p[n0])));
    e(fk(t_s0p_s0rp_n0p, pk(p[s0], p[s0r], p[n0]))), e(fk(t_s0p_n0p_n0lp, pk(p[s0], p[n0], p[n0l])));
    e(fk(t_s0w_d, w[s0], dist)), e(fk(t_s0p_d, pk(p[s0], dist))), e(fk(t_n0w_d, w[n0], dist));
    e(fk(t_n0p_d, pk(p[n0], dist))), e(fk(t_s0w_n0w_d, w[s0], w[n0], dist)), e(fk(t_s0p_n0p_d, pk(p[s0], p[n0], dist)));
    e(fk(t_s0w_vr, w[s0], vr0)), e(fk(t_s0p_vr, pk(p[s0], vr0))), e(fk(t_s0w_vl, w[s0], vl0));
    e(fk(t_s0p_vl, pk(p[s0], vl0))), e(fk(t_n0w_vl, w[n0], vln)), e(fk(t_n0p_vl, pk(p[n0], vln)));
    e(fk(t_s0hw, w[s0h])), e(fk(t_s0hp, p[s0h])), e(fk(t_s0L, st.lab[s0]));
    e(fk(t_s0lw, w[s0l])), e(fk(t_s0lp, p[s0l])), e(fk(t_s0lL, st.lab[s0l]));
    e(fk(t_s0rw, w[s0r])), e(fk(t_s0rp, p[s0r])), e(fk(t_s0rL, st.lab[s0r]));
    e(fk(t_n0lw, w[n0l])), e(fk(t_n0lp, p[n0l])), e(fk(t_n0lL, st.lab[n0l]));
    e(fk(t_s0h2w, w[s0h2])), e(fk(t_s0h2p, p[s0h2])), e(fk(t_s0hL, st.lab[s0h]));
    e(fk(t_s0l2w, w[s0l2])), e(fk(t_s0l2p, p[s0l2])), e(fk(t_s0l2L, st.lab[s0l2]));
    e(fk(t_s0r2w, w[s0r2])), e(fk(t_s0r2p, p[s0r2])), e(fk(t_s0r2L, st.lab[s0r2]));
    e(fk(t_n0l2w, w[n0l2])), e(fk(t_n0l2p, p[n0l2])), e(fk(t_n0l2L, st.lab[n0l2]));
    e(fk(t_s0p_s0lp_s0l2p, pk(p[s0], p[s0l], p[s0l2]))), e(fk(t_s0p_s0rp_s0r2p, pk(p[s0], p[s0r], p[s0r2])));
    e(fk(t_s0p_s0hp_s0h2p, pk(p[s0], p[s0h], p[s0h2]))), e(fk(t_n0p_n0lp_n0l2p, pk(p[n0], p[n0l], p[n0l2])));
    e(fk(t_s0w_sr, w[s0], st.rs[s0])), e(fk(t_s0p_sr, p[s0], st.rs[s0])), e(fk(t_s0w_sl, w[s0], st.ls[s0]));
    e(fk(t_s0p_sl, p[s0], st.ls[s0])), e(fk(t_n0w_sl, w[n0], st.ls[n0])), e(fk(t_n0p_sl, p[n0], st.ls[n0]));
    e(fk(t_s1p, p[s1])), e(fk(t_s1wp, wp[s1])), e(fk(t_s1p_s0p, pk(p[s1], p[s0])));
    e(fk(t_s1p_s0p_n0p, pk(p[s1], p[s0], p[n0]))), e(fk(t_s2p_s1p_s0p, pk(p[s2], p[s1], p[s0])));
    e(fk(t_s1wp_s0wp, wp[s1], wp[s0]));
    e(fk(t_s0p_n0p_L, pk(p[s0], p[n0], static_cast<std::uint64_t>(st.lab[s0]))));
    e(fk(t_s0wp_n0p_n1p, wp[s0], pk(p[n0], p[n1]))), e(fk(t_s0p_n0wp_n1p, wp[n0], pk(p[s0], p[n1])));
    e(fk(t_n0wp_n1wp, wp[n0], wp[n1])), e(fk(t_p1p_n0p, pk(p[p1], p[n0], p[s0])));
    e(fk(t_s0p_p1s0p, pk(p[s0], p[ps0], p[n0])));
    return i;
}

}  // namespace kg::detail::parse
