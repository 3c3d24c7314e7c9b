#include "text/tagger.hpp"

#include "text/flat_map.hpp"
#include "text/tagger_features.hpp"

#include <kg/error.hpp>

#include "data/embedded.hpp"
#include "data/model_reader.hpp"
#include "extract/stages.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>
#include <limits>
#include <string>
#include <thread>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace kg::detail {

using namespace tagger;

namespace {

constexpr std::array<std::string_view, upos_count> upos_names = {
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT",
    "SCONJ", "SYM", "VERB", "X"};


using Row = std::array<float, row_width>;

/// Bits of a t1 mask below `t1`: where that previous tag's row sits among a word's rows.
inline std::uint32_t rank(std::uint32_t mask, int t1) {
    std::uint32_t x = mask & ((std::uint32_t(1) << t1) - 1);
    // Inline: without -mpopcnt, __builtin_popcount is a library call on the hot path.
    x = x - ((x >> 1) & 0x55555555u);
    x = (x & 0x33333333u) + ((x >> 2) & 0x33333333u);
    x = (x + (x >> 4)) & 0x0F0F0F0Fu;
    return (x * 0x01010101u) >> 24;
}

/// hash_bytes(p, n), and whether the word is free of the bytes that normalize() may rewrite or that
/// mark a contraction (non-ASCII, ' and `): such a word is hashed and looked up as it is. One pass over
/// 8-byte loads, with the tail read without a loop, as most words are shorter than 8 bytes.
inline std::uint64_t hash_plain(const char* p, std::size_t n, bool& plain) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    auto special = [&](std::uint64_t v) {
        std::uint64_t q = v ^ (ones * '\''), b = v ^ (ones * '`');
        return (v | ((q - ones) & ~q) | ((b - ones) & ~b)) & highs;
    };
    // hash_bytes() starts from a mix of the length: looked up for the lengths of words.
    static const std::array<std::uint64_t, 65> start = [] {
        std::array<std::uint64_t, 65> t{};
        for (std::size_t i = 0; i < t.size(); ++i) t[i] = mix(0x9E3779B97F4A7C15ULL * (i + 1));
        return t;
    }();
    std::uint64_t h = n < start.size() ? start[n] : mix(0x9E3779B97F4A7C15ULL * (n + 1)), any = 0;
    while (n >= 8) {
        std::uint64_t v;
        std::memcpy(&v, p, 8);
        any |= special(v);
        h = mix(h ^ v) * 0x9E3779B97F4A7C15ULL;
        p += 8;
        n -= 8;
    }
    std::uint64_t v = 0;
    if (n >= 4) {
        std::uint32_t lo, hi;
        std::memcpy(&lo, p, 4);
        std::memcpy(&hi, p + n - 4, 4);
        v = lo | std::uint64_t(hi) << (8 * (n - 4));
    } else if (n) {
        auto byte = [&](std::size_t i) { return std::uint64_t(static_cast<unsigned char>(p[i])) << (8 * i); };
        v = byte(0) | byte(n / 2) | byte(n - 1);
    }
    // The zero bytes above the tail are neither ' nor ` nor high.
    any |= special(v);
    plain = !any;
    return mix(h ^ v);
#else
    plain = true;
    for (std::size_t i = 0; i < n; ++i) {
        auto c = static_cast<unsigned char>(p[i]);
        plain &= c < 0x80 && c != '\'' && c != '`';
    }
    return hash_bytes(p, n);
#endif
}

}  // namespace

struct Tagger::Model {
    struct Span { std::uint32_t begin = 0, end = 0; };
    struct Entry { float weight; std::uint32_t tag; };
    FlatMap<Span> features;
    std::vector<Entry> entries;
    std::size_t n_features = 0;
    FlatMap<std::uint32_t> amb;  ///< lower-case form → tag mask

    /// The features of one word that depend on the previous tag: for each t1 in `mask`, a dense row in
    /// `dyn_rows` (rows + rank(mask, t1)). A dense row adds 0 to the other tags, which leaves every score
    /// exactly as the sparse additions of training would. `lookup` marks a form the load did not see:
    /// its features are looked up per token.
    struct Dyn {
        static constexpr std::uint32_t lookup = 1u << 31;
        std::uint32_t mask = 0, rows = 0;
    };
    /// All that tagging needs of one word, in one block of whole cache lines: its rows are read as often
    /// as the rest (once per role) and arrive with it.
    struct alignas(64) Word {
        Dyn lower, shape;
        std::int32_t dict_tag = -1;  ///< frequent unambiguous word: this tag, no scoring
        /// Whether `rows` are filled (see ensure_rows()); read and written with atomic builtins.
        std::uint8_t state = unfilled;
        Row rows[n_roles];           ///< the sums of its tag-independent features in each role
        static constexpr std::uint8_t unfilled = 0, filling = 1, ready = 2;
    };
    std::uint64_t id = 0;               ///< tells per-thread caches which model filled them
    FlatMap<std::uint32_t> known;       ///< normalized form → index in `words`
    /// The vocabulary, then the 4 padding words. Mutable: a word's rows are filled on its first use
    /// (ensure_rows()), once, by whichever thread gets there first.
    mutable std::vector<Word> words;
    std::string bytes;                   ///< a copy of the model file: `vocab` points into it
    std::vector<std::string_view> vocab; ///< the form of each vocabulary word, for ensure_rows()
    std::uint32_t pad = 0;              ///< index of the first padding word
    std::vector<Row> dyn_rows = {Row{}};  ///< row 0: no feature
    FlatMap<Dyn> lower_dyn, shape_dyn;  ///< every lower-case form and shape of the vocabulary
    alignas(16) float t1[start_tag + 1][row_width] = {};
    alignas(16) float t2[start_tag + 1][start_tag + 1][row_width] = {};

    void add(std::uint64_t k, float* row) const {
        if (const Span* sp = features.find(k))
            for (std::uint32_t e = sp->begin; e < sp->end; ++e) row[entries[e].tag] += entries[e].weight;
    }
    void fill(const WordInfo& wi, Row* out) const {
        // All keys first, their slots and then their weights prefetched: the ~26 lookups of a word miss
        // the cache together instead of one after another (most of the model's load time).
        constexpr int most = 32;
        std::uint64_t keys[most];
        std::uint8_t role[most];
        int n = 0;
        for (int r = 0; r < n_roles; ++r)
            role_keys(static_cast<Role>(r), wi, [&](std::uint64_t k) {
                features.prefetch(k);
                keys[n] = k;
                role[n++] = static_cast<std::uint8_t>(r);
            });
        const Span* spans[most];
        for (int i = 0; i < n; ++i)
            if ((spans[i] = features.find(keys[i]))) __builtin_prefetch(&entries[spans[i]->begin]);
        for (int r = 0; r < n_roles; ++r) out[r].fill(0.f);
        for (int i = 0; i < n; ++i)
            if (const Span* sp = spans[i])
                for (std::uint32_t e = sp->begin; e < sp->end; ++e) out[role[i]][entries[e].tag] += entries[e].weight;
    }
    /// Fills the rows of vocabulary word k unless that is done. Filling them all at load time was most
    /// of the load (tens of thousands of words, ~26 feature lookups each), paid by every process, while a
    /// corpus of a few MB uses a fraction of the vocabulary. The rows are the same whenever they are
    /// filled (they depend on the word and the model only), so the tags are too.
    void ensure_rows(std::uint32_t k) const {
        Word& w = words[k];
        if (__atomic_load_n(&w.state, __ATOMIC_ACQUIRE) == Word::ready) return;
        std::uint8_t expected = Word::unfilled;
        if (__atomic_compare_exchange_n(&w.state, &expected, Word::filling, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
            fill(analyze_word(vocab[k]), w.rows);
            __atomic_store_n(&w.state, Word::ready, __ATOMIC_RELEASE);
            return;
        }
        while (__atomic_load_n(&w.state, __ATOMIC_ACQUIRE) != Word::ready) std::this_thread::yield();  // another thread fills it
    }
    WordInfo analyze_word(std::string_view w) const {
        return analyze(w, [&](std::uint64_t lower) {
            const std::uint32_t* m = amb.find(lower);
            return m ? *m : 0u;
        });
    }
    /// The (t1, form) features of a form, as dense rows appended to dyn_rows.
    template <class Key>
    Dyn make_dyn(Key&& key) {
        Dyn d;
        d.rows = static_cast<std::uint32_t>(dyn_rows.size());
        std::uint64_t keys[start_tag + 1];
        for (int t = 0; t <= start_tag; ++t) features.prefetch(keys[t] = key(t));
        for (int t = 0; t <= start_tag; ++t)
            if (const Span* sp = features.find(keys[t])) {
                d.mask |= 1u << t;
                Row& r = dyn_rows.emplace_back();
                r.fill(0.f);
                for (std::uint32_t e = sp->begin; e < sp->end; ++e) r[entries[e].tag] = entries[e].weight;
            }
        return d;
    }
    /// For a word outside the vocabulary: the shared rows of its lower case or shape when the vocabulary
    /// has them, else whether any feature exists at all (the model may hold some for forms it dropped).
    template <class Key>
    Dyn oov_dyn(const FlatMap<Dyn>& known_forms, std::uint64_t form, Key&& key) const {
        if (const Dyn* d = known_forms.find(form)) return *d;
        Dyn d;
        for (int t = 0; t <= start_tag; ++t)
            if (features.find(key(t))) d.mask = Dyn::lookup;
        return d;
    }
};

std::string_view to_string(Upos tag) { return upos_names[static_cast<std::size_t>(tag)]; }

std::optional<Upos> parse_upos(std::string_view name) {
    for (std::size_t i = 0; i < upos_count; ++i)
        if (upos_names[i] == name) return static_cast<Upos>(i);
    return std::nullopt;
}

Tagger Tagger::from_bytes(std::string_view bytes, const std::string& name) {
    auto m = std::make_shared<Model>();
    static std::atomic<std::uint64_t> models{0};
    m->id = ++models;
    m->bytes = std::string(bytes);  // the vocabulary's forms are read again when their rows are filled
    bytes = m->bytes;
    ModelReader r{bytes, name, "tagger model"};
    r.header(model_magic, model_version);
    if (r.uint(4) != n_tags) throw r.bad("wrong tag count");
    std::uint32_t scale_bits = static_cast<std::uint32_t>(r.uint(4));
    float scale;
    std::memcpy(&scale, &scale_bits, 4);

    std::size_t n_amb = r.uint(4);
    m->amb.reserve(n_amb);
    for (std::size_t i = 0; i < n_amb; ++i) {
        std::uint64_t k = r.uint(8);
        m->amb.insert(k, static_cast<std::uint32_t>(r.uint(4)));
    }
    std::size_t n_dict = r.uint(4);
    FlatMap<int> dict;
    dict.reserve(n_dict);
    for (std::size_t i = 0; i < n_dict; ++i) {
        std::uint64_t k = r.uint(8);
        int t = static_cast<int>(r.uint(1));
        if (t >= n_tags) throw r.bad("bad tag");
        dict.insert(k, t);
    }
    std::size_t n_vocab = r.uint(4);
    std::vector<std::string_view>& vocab = m->vocab;
    vocab.resize(n_vocab);
    for (auto& w : vocab) w = r.bytes(r.uint(1));

    std::size_t n_feat = r.uint(4);
    r.need(n_feat * 9);
    std::string_view keys = r.bytes(n_feat * 8), nnz = r.bytes(n_feat);
    std::size_t total = 0;
    for (char c : nnz) total += static_cast<unsigned char>(c);
    std::string_view tags = r.bytes(total), weights = r.bytes(total * 2);
    if (r.pos != bytes.size()) throw r.bad("trailing bytes");
    m->n_features = n_feat;
    m->features.reserve(n_feat);
    m->entries.resize(total);
    ModelReader kr{keys, name, "tagger model"};
    std::uint32_t e = 0;
    constexpr std::size_t ahead = 16;  // slots prefetched this many keys before their insertion
    for (std::size_t i = 0; i < n_feat; ++i) {
        if (i + ahead < n_feat) m->features.prefetch(ModelReader{keys, name, "tagger model", (i + ahead) * 8}.uint(8));
        std::uint32_t b = e;
        e += static_cast<unsigned char>(nnz[i]);
        m->features.insert(kr.uint(8), {b, e});
    }
    for (std::size_t i = 0; i < total; ++i) {
        auto t = static_cast<std::uint32_t>(static_cast<unsigned char>(tags[i]));
        if (t >= n_tags) throw r.bad("bad tag");
        auto w = static_cast<std::uint16_t>(static_cast<unsigned char>(weights[2 * i]) |
                                            static_cast<unsigned char>(weights[2 * i + 1]) << 8);
        m->entries[i] = {static_cast<float>(static_cast<std::int16_t>(w)) * scale, t};
    }

    for (int a = 0; a <= start_tag; ++a) {
        m->add(t1_key(a), m->t1[a]);
        for (int b = 0; b <= start_tag; ++b) m->add(t2_key(a, b), m->t2[a][b]);
    }
    m->words.resize(n_vocab + 4);
    // Sparse: a word found at its first probe is not a mispredicted branch, and most tokens are found.
    m->known.reserve(2 * n_vocab);
    m->lower_dyn.reserve(n_vocab);
    m->shape_dyn.reserve(n_vocab);
    for (std::size_t i = 0; i < n_vocab; ++i) {
        WordInfo wi = m->analyze_word(vocab[i]);
        Model::Word& w = m->words[i];
        if (const int* t = dict.find(wi.norm)) w.dict_tag = *t;
        // w.rows: on first use (ensure_rows()).
        // Shared by the forms of one lower case ("The", "the") and by the many words of one shape.
        if (const Model::Dyn* d = m->lower_dyn.find(wi.lower)) w.lower = *d;
        else m->lower_dyn.insert(wi.lower, w.lower = m->make_dyn([&](int t) { return t1_lower_key(t, wi); }));
        if (const Model::Dyn* d = m->shape_dyn.find(wi.shape)) w.shape = *d;
        else m->shape_dyn.insert(wi.shape, w.shape = m->make_dyn([&](int t) { return t1_shape_key(t, wi); }));
        m->known.insert(wi.norm, static_cast<std::uint32_t>(i));
    }
    m->pad = static_cast<std::uint32_t>(n_vocab);
    for (int p = 0; p < 4; ++p) {
        m->fill(pseudo_word(p), m->words[m->pad + p].rows);
        m->words[m->pad + p].state = Model::Word::ready;
    }
    return Tagger(std::move(m));
}

const Tagger& Tagger::get() {
    static const Tagger t = [] {
        const ModelBytes m = model_bytes("tagger.model");
        return from_bytes(m.bytes(), m.source);
    }();
    return t;
}

std::size_t Tagger::feature_count() const { return m_->n_features; }

namespace {

/// Where a token the tokenizer keeps whole is split in EWT ("do|n't", "I|'m", "can|not"); 0 if not.
std::size_t contraction_split(std::string_view w) {
    auto ends = [&](std::string_view suf) {
        if (w.size() <= suf.size()) return false;
        for (std::size_t i = 0; i < suf.size(); ++i) {
            char c = w[w.size() - suf.size() + i];
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
            if (c != suf[i]) return false;
        }
        return true;
    };
    if (w.find('\'') == std::string_view::npos && w.find("\xE2\x80\x99") == std::string_view::npos) {
        if (w.size() == 6 && ends("cannot")) return 3;
        if (w.size() == 5 && (ends("gonna") || ends("wanna") || ends("gotta"))) return 3;
        return 0;
    }
    if (ends("n't")) return w.size() - 3;
    if (ends("n\xE2\x80\x99t")) return w.size() - 5;
    for (std::string_view s : {"'m", "'s", "'d", "'re", "'ve", "'ll"})
        if (ends(s)) return w.size() - s.size();
    for (std::string_view s : {"\xE2\x80\x99m", "\xE2\x80\x99s", "\xE2\x80\x99" "d", "\xE2\x80\x99re", "\xE2\x80\x99ve", "\xE2\x80\x99ll"})
        if (ends(s)) return w.size() - s.size();
    return 0;
}

using Model = Tagger::Model;
static_assert(Tagger::Progress{}.t1 == start_tag && Tagger::Progress{}.t2 == start_tag);

/// Unknown words recently seen on this thread (news repeats its new names): two ways per set, the least
/// recently used replaced, as two names of one story often share a set in a direct-mapped cache.
struct OovCache {
    static constexpr std::size_t sets = 4096;
    struct Entry {
        Model::Word word;
        std::uint64_t lower = 0, shape = 0;
    };
    /// The two ways' keys, apart from the entries so that a lookup reads one cache line.
    struct Set {
        std::uint64_t norm[2] = {};
        std::uint64_t sentence[2] = {};  ///< last sentence that used it: one that points at its word keeps it
    };
    std::uint64_t model = 0;
    std::uint64_t sentence = 0;
    std::vector<Set> sets_;
    std::vector<Entry> entries;
};

struct Scratch {
    std::vector<std::string_view> words;
    std::vector<std::uint64_t> hashes;
    std::vector<std::uint32_t> first;  ///< index in `words` of each input word's first part
    std::vector<const Model::Word*> at;  ///< per padded position (two before, two after)
    std::vector<const OovCache::Entry*> oov;  ///< per word: its cache entry if unknown
    std::vector<OovCache::Entry> spill;  ///< unknown words whose cache entry this sentence already uses
    std::vector<Row> base;             ///< per word: the sum of its tag-independent rows
    std::vector<std::uint8_t> out;
};

void fill_oov(const Model& m, std::string_view word, OovCache::Entry& ce) {
    WordInfo wi = m.analyze_word(word);
    m.fill(wi, ce.word.rows);
    ce.lower = wi.lower;
    ce.shape = wi.shape;
    ce.word.lower = m.oov_dyn(m.lower_dyn, wi.lower, [&](int t) { return t1_lower_key(t, wi); });
    ce.word.shape = m.oov_dyn(m.shape_dyn, wi.shape, [&](int t) { return t1_shape_key(t, wi); });
}

/// Adds the row of previous tag t1 if the word has one; `key` for a form the load did not see.
template <class Key>
inline void add_dyn(const Model& m, const Model::Dyn& d, int t1, float* sc, Key&& key) {
    if (__builtin_expect(d.mask & Model::Dyn::lookup, 0)) {
        m.add(key(), sc);
        return;
    }
    // Without a branch, which would guess wrong a third of the time: no row for t1 adds row 0, all zeros.
    std::uint32_t has = d.mask >> t1 & 1;
    const float* r = m.dyn_rows[(d.rows + rank(d.mask, t1)) & (0u - has)].data();
    for (int j = 0; j < row_width; ++j) sc[j] += r[j];
}

/// The first tag with the highest score, as a left-to-right scan with `>` finds it.
inline int best_tag(const float* sc) {
#if defined(__SSE2__)
    __m128 v0 = _mm_load_ps(sc), v1 = _mm_load_ps(sc + 4), v2 = _mm_load_ps(sc + 8), v3 = _mm_load_ps(sc + 12);
    // Lane 0 of the last vector is tag 16; the padding lanes must not win.
    __m128 v4 = _mm_move_ss(_mm_set1_ps(-std::numeric_limits<float>::infinity()), _mm_load_ps(sc + 16));
    __m128 mx = _mm_max_ps(_mm_max_ps(_mm_max_ps(v0, v1), _mm_max_ps(v2, v3)), v4);
    mx = _mm_max_ps(mx, _mm_shuffle_ps(mx, mx, _MM_SHUFFLE(2, 3, 0, 1)));
    mx = _mm_max_ps(mx, _mm_shuffle_ps(mx, mx, _MM_SHUFFLE(1, 0, 3, 2)));
    unsigned eq = static_cast<unsigned>(_mm_movemask_ps(_mm_cmpeq_ps(v0, mx))) |
                  static_cast<unsigned>(_mm_movemask_ps(_mm_cmpeq_ps(v1, mx))) << 4 |
                  static_cast<unsigned>(_mm_movemask_ps(_mm_cmpeq_ps(v2, mx))) << 8 |
                  static_cast<unsigned>(_mm_movemask_ps(_mm_cmpeq_ps(v3, mx))) << 12 |
                  static_cast<unsigned>(_mm_movemask_ps(_mm_cmpeq_ps(v4, mx))) << 16;
    return __builtin_ctz(eq);
#else
    int best = 0;
    for (int j = 1; j < n_tags; ++j)
        if (sc[j] > sc[best]) best = j;
    return best;
#endif
}

/// Scores and tags parts [from, to) once Scratch::at and Scratch::oov are filled (Scratch::at[i + 2] is
/// part i), continuing greedy decoding from the previous tags t1, t2, which it advances.
__attribute__((always_inline)) inline void score(const Model& m, Scratch& s, std::size_t from, std::size_t to, int& t1,
                                                 int& t2) {
    // The tag-independent part of every score first: with no tag to wait for, the loads of the rows of
    // many words overlap, where the decoding loop would wait for each in turn. Dictionary words too: the
    // branch to skip them is mispredicted more often than the sums cost.
    for (std::size_t i = from; i < to; ++i) {
        const float* a = s.at[i + 2]->rows[self].data();
        const float* b = s.at[i + 1]->rows[prev1].data();
        const float* c = s.at[i]->rows[prev2].data();
        const float* d = s.at[i + 3]->rows[next1].data();
        const float* e = s.at[i + 4]->rows[next2].data();
        float* o = s.base[i].data();
        // Left to right, as training summed them: float addition is not associative.
        for (int j = 0; j < row_width; ++j) o[j] = a[j] + b[j] + c[j] + d[j] + e[j];
    }
    for (std::size_t i = from; i < to; ++i) {
        const Model::Word& w = *s.at[i + 2];
        int best = w.dict_tag;
        if (best < 0) {
            alignas(16) float sc[row_width];
            const float* a = s.base[i].data();
            const float* f = m.t1[t1];
            const float* g = m.t2[t2][t1];
            for (int j = 0; j < row_width; ++j) sc[j] = a[j] + f[j] + g[j];
            WordInfo cur;
            auto oov_info = [&] {
                cur.lower = s.oov[i]->lower;
                cur.shape = s.oov[i]->shape;
            };
            add_dyn(m, w.lower, t1, sc, [&] { oov_info(); return t1_lower_key(t1, cur); });
            add_dyn(m, w.shape, t1, sc, [&] { oov_info(); return t1_shape_key(t1, cur); });
            best = best_tag(sc);
        }
        s.out[i] = static_cast<std::uint8_t>(best);
        t2 = t1;
        t1 = best;
    }
}

#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__)) && !defined(__AVX2__)
#define KG_TAGGER_AVX2 1
// The same additions in the same order, eight lanes at a time: every score is bit for bit what the SSE
// build computes. No "fma": a fused multiply-add would round differently (not that any is summed here).
__attribute__((target("avx2"))) void score_avx2(const Model& m, Scratch& s, std::size_t from, std::size_t to, int& t1, int& t2) {
    score(m, s, from, to, t1, t2);
}
#else
#define KG_TAGGER_AVX2 0
#endif

}  // namespace

void Tagger::tag(const std::string_view* input, std::size_t n_in, Upos* out) const {
    Progress p;
    tag_prefix(input, n_in, n_in, p, out);
}

void Tagger::tag_prefix(const std::string_view* words, std::size_t n_sentence, std::size_t upto, Progress& progress,
                        Upos* out) const {
    upto = std::min(upto, n_sentence);
    if (upto <= progress.done) return;
    stages::Scope timed(stages::Stage::tagger);
    // Decoding word k reads the features of words k - 2 to k + 2 and the tags before it: the words from
    // two before the first untagged one to two after the last wanted one, with the sentence padding where
    // they reach its ends, give every part the scores a run over the whole sentence gives it.
    const std::size_t lo = progress.done >= 2 ? progress.done - 2 : 0;
    const std::size_t hi = std::min(n_sentence, upto + 2);
    const std::string_view* input = words + lo;
    const std::size_t n_in = hi - lo;
    const Model& m = *m_;
    thread_local Scratch s;
    thread_local OovCache cache;
    if (cache.model != m.id) {
        cache.sets_.assign(OovCache::sets, OovCache::Set{});
        cache.entries.assign(2 * OovCache::sets, OovCache::Entry{});
        cache.model = m.id;
    }
    const std::uint64_t sentence = ++cache.sentence;
    s.spill.clear();
    // Spilled entries are pointed at, so the vector must not move: at most one per word.
    if (s.spill.capacity() < 2 * n_in) s.spill.reserve(2 * n_in);
    char buf[max_word];
    // Hashed and prefetched for the whole sentence first, so that the lookups' cache misses overlap.
    // Sized for the most parts (two per word), written by index: push_back's checks cost more here.
    if (s.words.size() < 2 * n_in) {
        s.words.resize(2 * n_in);
        s.hashes.resize(2 * n_in);
    }
    if (s.first.size() < n_in) s.first.resize(n_in);
    std::size_t n = 0;
    auto push = [&](std::string_view part, std::uint64_t h) {
        m.known.prefetch(h);
        s.words[n] = part;
        s.hashes[n++] = h;
    };
    for (std::size_t i = 0; i < n_in; ++i) {
        s.first[i] = static_cast<std::uint32_t>(n);
        std::string_view w = input[i];
        bool plain;
        std::uint64_t h = hash_plain(w.data(), w.size(), plain);
        plain &= w.size() <= static_cast<std::size_t>(max_word);
        if (plain) {
            // normalize() would copy it unchanged, and contraction_split() finds no cut: its "cannot",
            // "gonna"... tests need a longer word than the suffix, so those words stay whole, as always.
            push(w, h);
            continue;
        }
        std::size_t cut = contraction_split(w);
        for (std::string_view part : {cut ? w.substr(0, cut) : w, w.substr(cut)}) {
            std::size_t len = normalize(part, buf);
            push(part, hash_bytes(buf, len));
            if (!cut) break;
        }
    }
    s.at.resize(n + 4);
    s.oov.resize(n);
    // Padding, read only where the words above reach the sentence's ends (else parts stand there).
    s.at[0] = &m.words[m.pad + 1];  // position -2
    s.at[1] = &m.words[m.pad + 0];  // position -1
    s.at[n + 2] = &m.words[m.pad + 2];
    s.at[n + 3] = &m.words[m.pad + 3];
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint64_t h = s.hashes[i];
        const Model::Word* w;
        const OovCache::Entry* oov = nullptr;
        if (const std::uint32_t* k = m.known.find(h)) {
            m.ensure_rows(*k);
            w = &m.words[*k];
        } else {
            const std::size_t set = h & (OovCache::sets - 1);
            OovCache::Set& st = cache.sets_[set];
            int way = st.norm[1] == h;
            OovCache::Entry* ce = &cache.entries[2 * set + way];
            if (st.norm[way] != h || !h) {
                way = st.sentence[0] > st.sentence[1];
                ce = &cache.entries[2 * set + way];
                if (st.sentence[way] == sentence) ce = &s.spill.emplace_back();
                else st.norm[way] = h;
                fill_oov(m, s.words[i], *ce);
            }
            st.sentence[way] = sentence;
            w = &ce->word;
            oov = ce;
        }
        // Its rows are read by the next pass, as this word and as the neighbour of four others.
        for (std::size_t b = 0; b < sizeof(Model::Word); b += 64) __builtin_prefetch(reinterpret_cast<const char*>(w) + b);
        s.at[i + 2] = w;
        s.oov[i] = oov;
    }
    // Parts of the words [progress.done, upto); the words lo, lo + 1 before them give at least two parts,
    // and so do the words upto, upto + 1 after them unless the sentence ends.
    const std::size_t from = s.first[progress.done - lo];
    const std::size_t to = upto - lo < n_in ? s.first[upto - lo] : n;
    s.out.resize(n);
    s.base.resize(n);
    int t1 = progress.t1, t2 = progress.t2;
#if KG_TAGGER_AVX2
    static const bool avx2 = __builtin_cpu_supports("avx2");
    if (avx2) score_avx2(m, s, from, to, t1, t2);
    else score(m, s, from, to, t1, t2);
#else
    score(m, s, from, to, t1, t2);
#endif
    for (std::size_t i = progress.done; i < upto; ++i) out[i] = static_cast<Upos>(s.out[s.first[i - lo]]);
    progress.done = static_cast<std::uint32_t>(upto);
    progress.t1 = static_cast<std::uint8_t>(t1);
    progress.t2 = static_cast<std::uint8_t>(t2);
}

std::vector<Upos> Tagger::tag(const std::vector<std::string_view>& words) const {
    std::vector<Upos> out(words.size());
    tag(words.data(), words.size(), out.data());
    return out;
}

std::vector<Upos> Tagger::tag(const std::vector<Token>& tokens, const Sentence& sentence) const {
    std::vector<std::string_view> words;
    words.reserve(sentence.end - sentence.begin);
    for (std::uint32_t i = sentence.begin; i < sentence.end; ++i) words.push_back(tokens[i].text);
    return tag(words);
}

}  // namespace kg::detail
