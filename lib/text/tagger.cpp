#include "text/tagger.hpp"

#include "text/tagger_features.hpp"

#include <kg/error.hpp>

#include "data/embedded.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>
#include <fstream>
#include <sstream>

namespace kg::detail {

using namespace tagger;

namespace {

constexpr std::array<std::string_view, upos_count> upos_names = {
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT",
    "SCONJ", "SYM", "VERB", "X"};

/// Open addressing from 64-bit hashes (never 0) to small values, key and value in one slot so that a
/// lookup touches one cache line; hashes are already well mixed. A bitmap of used slots, small enough to
/// stay in cache, answers most lookups of absent keys (an unknown word's features) without touching
/// the table.
template <class V>
class FlatMap {
public:
    void reserve(std::size_t n) {
        std::size_t cap = 16;
        while (cap < n + n / 2) cap *= 2;
        slots_.assign(cap, Slot{});
        used_.assign(cap / 64 + 1, 0);
        mask_ = cap - 1;
    }
    void insert(std::uint64_t k, V v) {
        k = k ? k : 1;
        std::size_t i = k & mask_;
        while (slots_[i].key && slots_[i].key != k) i = (i + 1) & mask_;
        slots_[i].key = k;
        slots_[i].val = v;
        used_[i / 64] |= std::uint64_t(1) << (i % 64);
    }
    const V* find(std::uint64_t k) const {
        k = k ? k : 1;
        std::size_t i = k & mask_;
        if (!(used_[i / 64] >> (i % 64) & 1)) return nullptr;
        while (true) {
            const Slot& s = slots_[i];
            if (s.key == k) return &s.val;
            if (!s.key) return nullptr;
            i = (i + 1) & mask_;
        }
    }

private:
    struct Slot {
        std::uint64_t key = 0;
        V val{};
    };
    std::vector<Slot> slots_;
    std::vector<std::uint64_t> used_;
    std::size_t mask_ = 0;
};

struct Reader {
    std::string_view s;
    std::size_t pos = 0;
    void need(std::size_t n) const {
        if (pos + n > s.size()) throw Error(ExitCode::bad_input, "tagger model: truncated");
    }
    std::uint64_t uint(int bytes) {
        need(bytes);
        std::uint64_t v = 0;
        for (int i = 0; i < bytes; ++i) v |= std::uint64_t(static_cast<unsigned char>(s[pos + i])) << (8 * i);
        pos += bytes;
        return v;
    }
    std::string_view bytes(std::size_t n) {
        need(n);
        auto v = s.substr(pos, n);
        pos += n;
        return v;
    }
};

using Row = std::array<float, row_width>;

}  // namespace

struct Tagger::Model {
    struct Span { std::uint32_t begin = 0, end = 0; };
    struct Entry { float weight; std::uint32_t tag; };
    FlatMap<Span> features;
    std::vector<Entry> entries;
    std::size_t n_features = 0;
    FlatMap<std::uint32_t> amb;  ///< lower-case form → tag mask

    /// A word whose role rows were summed at load time; what the tag-dependent features need of it.
    struct Known {
        std::uint32_t rows = 0;  ///< index in `rows` of its n_roles rows
        int dict_tag = -1;       ///< frequent unambiguous word: this tag, no scoring
        std::uint32_t t1_begin = 0, t1_end = 0;  ///< its (previous tag, word) features in `t1_lower`
        std::uint64_t lower = 0, shape = 0;
    };
    struct T1Lower { std::uint32_t t1; Span span; };
    std::vector<T1Lower> t1_lower;
    std::uint64_t id = 0;        ///< tells per-thread caches which model filled them
    FlatMap<Known> known;        ///< normalized form → its rows
    std::vector<Row> rows;       ///< n_roles rows per known word, then per padding word
    std::uint32_t pad_rows = 0;  ///< rows of padding word p: pad_rows + p * n_roles
    alignas(16) float t1[start_tag + 1][row_width] = {};
    alignas(16) float t2[start_tag + 1][start_tag + 1][row_width] = {};

    void add(std::uint64_t k, float* row) const {
        if (const Span* sp = features.find(k))
            for (std::uint32_t e = sp->begin; e < sp->end; ++e) row[entries[e].tag] += entries[e].weight;
    }
    void fill(const WordInfo& wi, Row* out) const {
        for (int r = 0; r < n_roles; ++r) {
            out[r].fill(0.f);
            role_keys(static_cast<Role>(r), wi, [&](std::uint64_t k) { add(k, out[r].data()); });
        }
    }
    WordInfo analyze_word(std::string_view w) const {
        return analyze(w, [&](std::uint64_t lower) {
            const std::uint32_t* m = amb.find(lower);
            return m ? *m : 0u;
        });
    }
};

std::string_view to_string(Upos tag) { return upos_names[static_cast<std::size_t>(tag)]; }

std::optional<Upos> parse_upos(std::string_view name) {
    for (std::size_t i = 0; i < upos_count; ++i)
        if (upos_names[i] == name) return static_cast<Upos>(i);
    return std::nullopt;
}

Tagger Tagger::from_bytes(std::string_view bytes) {
    auto m = std::make_shared<Model>();
    static std::atomic<std::uint64_t> models{0};
    m->id = ++models;
    Reader r{bytes};
    if (r.bytes(8) != std::string_view(model_magic, 8)) throw Error(ExitCode::bad_input, "tagger model: bad magic");
    if (r.uint(4) != model_version) throw Error(ExitCode::bad_input, "tagger model: unsupported version");
    if (r.uint(4) != n_tags) throw Error(ExitCode::bad_input, "tagger model: wrong tag count");
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
        if (t >= n_tags) throw Error(ExitCode::bad_input, "tagger model: bad tag");
        dict.insert(k, t);
    }
    std::size_t n_vocab = r.uint(4);
    std::vector<std::string_view> vocab(n_vocab);
    for (auto& w : vocab) w = r.bytes(r.uint(1));

    std::size_t n_feat = r.uint(4);
    r.need(n_feat * 9);
    std::string_view keys = r.bytes(n_feat * 8), nnz = r.bytes(n_feat);
    std::size_t total = 0;
    for (char c : nnz) total += static_cast<unsigned char>(c);
    std::string_view tags = r.bytes(total), weights = r.bytes(total * 2);
    if (r.pos != bytes.size()) throw Error(ExitCode::bad_input, "tagger model: trailing bytes");
    m->n_features = n_feat;
    m->features.reserve(n_feat);
    m->entries.resize(total);
    Reader kr{keys};
    std::uint32_t e = 0;
    for (std::size_t i = 0; i < n_feat; ++i) {
        std::uint32_t b = e;
        e += static_cast<unsigned char>(nnz[i]);
        m->features.insert(kr.uint(8), {b, e});
    }
    for (std::size_t i = 0; i < total; ++i) {
        auto t = static_cast<std::uint32_t>(static_cast<unsigned char>(tags[i]));
        if (t >= n_tags) throw Error(ExitCode::bad_input, "tagger model: bad tag");
        auto w = static_cast<std::uint16_t>(static_cast<unsigned char>(weights[2 * i]) |
                                            static_cast<unsigned char>(weights[2 * i + 1]) << 8);
        m->entries[i] = {static_cast<float>(static_cast<std::int16_t>(w)) * scale, t};
    }

    for (int a = 0; a <= start_tag; ++a) {
        m->add(t1_key(a), m->t1[a]);
        for (int b = 0; b <= start_tag; ++b) m->add(t2_key(a, b), m->t2[a][b]);
    }
    m->rows.resize((n_vocab + 4) * n_roles);
    m->known.reserve(n_vocab);
    for (std::size_t i = 0; i < n_vocab; ++i) {
        WordInfo wi = m->analyze_word(vocab[i]);
        Model::Known kw;
        kw.rows = static_cast<std::uint32_t>(i * n_roles);
        kw.lower = wi.lower;
        kw.shape = wi.shape;
        if (const int* t = dict.find(wi.norm)) kw.dict_tag = *t;
        m->fill(wi, &m->rows[kw.rows]);
        // Resolved now: a random probe per token into the feature table costs more than this short scan.
        kw.t1_begin = static_cast<std::uint32_t>(m->t1_lower.size());
        for (int t = 0; t <= start_tag; ++t)
            if (const Model::Span* sp = m->features.find(t1_lower_key(t, wi)))
                m->t1_lower.push_back({static_cast<std::uint32_t>(t), *sp});
        kw.t1_end = static_cast<std::uint32_t>(m->t1_lower.size());
        m->known.insert(wi.norm, kw);
    }
    m->pad_rows = static_cast<std::uint32_t>(n_vocab * n_roles);
    for (int p = 0; p < 4; ++p) m->fill(pseudo_word(p), &m->rows[m->pad_rows + p * n_roles]);
    return Tagger(std::move(m));
}

const Tagger& Tagger::get() {
    static const Tagger t = [] {
        if (!data_dir().empty()) {
            std::ifstream in(data_dir() + "/tagger.model", std::ios::binary);
            if (in) {
                std::ostringstream ss;
                ss << in.rdbuf();
                return from_bytes(ss.str());
            }
        }
        return from_bytes(embedded_file("data/tagger.model"));
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

/// Unknown words recently seen on this thread (news repeats its new names), direct-mapped by hash.
struct OovCache {
    static constexpr std::size_t size = 4096;
    struct Entry {
        std::uint64_t norm = 0, lower = 0, shape = 0;
        Row rows[n_roles];
    };
    std::uint64_t model = 0;
    std::vector<Entry> entries;
};

struct Scratch {
    std::vector<std::string_view> words;
    std::vector<std::uint32_t> first;  ///< index in `words` of each input word's first part
    std::vector<const Row*> rows;      ///< per padded position: its n_roles rows
    std::vector<std::uint64_t> lower, shape;
    std::vector<int> dict;
    std::vector<const Tagger::Model::Known*> known;
    std::vector<Row> oov_rows;
    std::vector<std::uint8_t> out;
};

}  // namespace

void Tagger::tag(const std::string_view* input, std::size_t n_in, Upos* out) const {
    const Model& m = *m_;
    thread_local Scratch s;
    s.words.clear();
    s.first.clear();
    for (std::size_t i = 0; i < n_in; ++i) {
        s.first.push_back(static_cast<std::uint32_t>(s.words.size()));
        std::string_view w = input[i];
        if (std::size_t cut = contraction_split(w)) {
            s.words.push_back(w.substr(0, cut));
            s.words.push_back(w.substr(cut));
        } else {
            s.words.push_back(w);
        }
    }
    const std::size_t n = s.words.size();
    s.rows.resize(n + 4);
    s.lower.resize(n);
    s.shape.resize(n);
    s.dict.resize(n);
    // Unknown words are analyzed into these; sized first so pointers into them stay valid.
    if (s.oov_rows.size() < n * n_roles) s.oov_rows.resize(n * n_roles);
    std::size_t n_oov = 0;
    s.rows[0] = &m.rows[m.pad_rows + 1 * n_roles];  // position -2
    s.rows[1] = &m.rows[m.pad_rows + 0 * n_roles];  // position -1
    s.rows[n + 2] = &m.rows[m.pad_rows + 2 * n_roles];
    s.rows[n + 3] = &m.rows[m.pad_rows + 3 * n_roles];
    s.known.resize(n);
    thread_local OovCache cache;
    if (cache.model != m.id) {
        cache.entries.assign(OovCache::size, OovCache::Entry{});
        cache.model = m.id;
    }
    char buf[max_word];
    for (std::size_t i = 0; i < n; ++i) {
        std::size_t len = normalize(s.words[i], buf);
        std::uint64_t h = hash_bytes(buf, len);
        if (const Model::Known* kw = m.known.find(h)) {
            s.rows[i + 2] = &m.rows[kw->rows];
            s.lower[i] = kw->lower;
            s.shape[i] = kw->shape;
            s.dict[i] = kw->dict_tag;
            s.known[i] = kw;
            continue;
        }
        OovCache::Entry& ce = cache.entries[h & (OovCache::size - 1)];
        if (ce.norm != h || !h) {
            WordInfo wi = m.analyze_word(s.words[i]);
            m.fill(wi, ce.rows);
            ce.norm = h;
            ce.lower = wi.lower;
            ce.shape = wi.shape;
        }
        // Copied: a later word of this sentence may evict the cache entry.
        Row* r = &s.oov_rows[n_oov++ * n_roles];
        std::copy(ce.rows, ce.rows + n_roles, r);
        s.rows[i + 2] = r;
        s.lower[i] = ce.lower;
        s.shape[i] = ce.shape;
        s.dict[i] = -1;
        s.known[i] = nullptr;
    }
    s.out.resize(n);
    int t1 = start_tag, t2 = start_tag;
    WordInfo cur;
    for (std::size_t i = 0; i < n; ++i) {
        int best = s.dict[i];
        if (best < 0) {
            alignas(16) float sc[row_width];
            const float* a = s.rows[i + 2][self].data();
            const float* b = s.rows[i + 1][prev1].data();
            const float* c = s.rows[i][prev2].data();
            const float* d = s.rows[i + 3][next1].data();
            const float* e = s.rows[i + 4][next2].data();
            const float* f = m.t1[t1];
            const float* g = m.t2[t2][t1];
            for (int j = 0; j < row_width; ++j) sc[j] = a[j] + b[j] + c[j] + d[j] + e[j] + f[j] + g[j];
            cur.lower = s.lower[i];
            cur.shape = s.shape[i];
            if (const Model::Known* kw = s.known[i]) {
                for (std::uint32_t k = kw->t1_begin; k < kw->t1_end; ++k)
                    if (m.t1_lower[k].t1 == static_cast<std::uint32_t>(t1)) {
                        const Model::Span& sp = m.t1_lower[k].span;
                        for (std::uint32_t x = sp.begin; x < sp.end; ++x) sc[m.entries[x].tag] += m.entries[x].weight;
                        break;
                    }
            } else {
                m.add(t1_lower_key(t1, cur), sc);
            }
            m.add(t1_shape_key(t1, cur), sc);
            best = 0;
            for (int j = 1; j < n_tags; ++j)
                if (sc[j] > sc[best]) best = j;
        }
        s.out[i] = static_cast<std::uint8_t>(best);
        t2 = t1;
        t1 = best;
    }
    for (std::size_t i = 0; i < n_in; ++i) out[i] = static_cast<Upos>(s.out[s.first[i]]);
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
