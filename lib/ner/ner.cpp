#include "ner/ner.hpp"

#include "data/embedded.hpp"
#include "data/model_reader.hpp"
#include "extract/stages.hpp"
#include "text/flat_map.hpp"

#include <kg/error.hpp>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <limits>

namespace kg::detail::ner {

struct Recognizer::Model {
    FlatMap<std::uint32_t> seq;            ///< feature → row in seq_rows
    std::vector<std::int16_t> seq_rows;    ///< n_labels per row, in units of seq_scale (half the bytes of floats to fetch)
    float seq_scale = 1;
    std::vector<float> trans;              ///< (n_labels + 1) × n_labels, then n_labels end scores
    FlatMap<std::uint32_t> fine;           ///< feature → row in fine_rows
    std::vector<float> fine_rows;          ///< n_fine per row
    std::size_t n_seq = 0, n_fine_features = 0;
    float span_a = 1, span_b = 0, fine_a = 1, fine_b = 0;  ///< Platt scaling of the margins (trainer's held-out fit)
    std::uint64_t id = 0;  ///< unique per loaded model, for the per-thread caches of its sums
};

namespace {

/// The transition scores with the moves BILOU forbids at minus infinity, so that the decoders' inner loops
/// have no branch: (n_labels + 1) rows of n_labels (row 0 from the start), then the end scores.
struct Transitions {
    float t[(n_labels + 2) * n_labels];
    explicit Transitions(const float* trans) {
        constexpr float none = -std::numeric_limits<float>::infinity();
        for (int a = -1; a < n_labels; ++a)
            for (int b = 0; b < n_labels; ++b) t[(a + 1) * n_labels + b] = allowed(a, b) ? trans[(a + 1) * n_labels + b] : none;
        for (int y = 0; y < n_labels; ++y) t[(n_labels + 1) * n_labels + y] = allowed(y, -1) ? trans[(n_labels + 1) * n_labels + y] : none;
    }
};

/// The moves BILOU allows, as lists: into each label, the labels that may precede it (ascending), and out
/// of each, those that may follow. A label opening or outside a name follows 9 labels, one inside a name
/// 2, out of 17: the decoders visit these instead of every pair.
struct Moves {
    std::uint8_t from[n_labels][n_labels], n_from[n_labels] = {};
    std::uint8_t to[n_labels][n_labels], n_to[n_labels] = {};
    Moves() {
        for (int b = 0; b < n_labels; ++b)
            for (int a = 0; a < n_labels; ++a)
                if (allowed(a, b)) {
                    from[b][n_from[b]++] = static_cast<std::uint8_t>(a);
                    to[a][n_to[a]++] = static_cast<std::uint8_t>(b);
                }
    }
};
const Moves moves;

}  // namespace

void viterbi(const float* em, std::size_t n, const float* trans, int* out, std::vector<float>& work) {
    constexpr int L = n_labels;
    const Transitions tr(trans);
    work.resize(n * L * 2);
    float* score = work.data();
    std::int32_t* back = reinterpret_cast<std::int32_t*>(work.data() + n * L);  // same size as float
    for (int y = 0; y < L; ++y) {
        score[y] = tr.t[y] + em[y];
        back[y] = -1;
    }
    for (std::size_t i = 1; i < n; ++i) {
        const float* prev = score + (i - 1) * L;
        for (int y = 0; y < L; ++y) {
            // The first best of the allowed predecessors, in ascending order (a forbidden one scores -inf).
            float best = -std::numeric_limits<float>::infinity();
            int arg = 0;
            for (int k = 0; k < moves.n_from[y]; ++k) {
                const int a = moves.from[y][k];
                const float v = prev[a] + tr.t[(a + 1) * L + y];
                if (v > best) {
                    best = v;
                    arg = a;
                }
            }
            score[i * L + y] = best + em[i * L + y];
            back[i * L + y] = arg;
        }
    }
    const float* end = tr.t + (L + 1) * L;
    float best = score[(n - 1) * L] + end[0];
    int arg = 0;
    for (int y = 1; y < L; ++y) {
        const float v = score[(n - 1) * L + y] + end[y];
        if (v > best) {
            best = v;
            arg = y;
        }
    }
    for (std::size_t i = n; i-- > 0;) {
        out[i] = arg;
        arg = back[i * L + arg];
    }
}

void max_marginals(const float* em, std::size_t n, const float* trans, std::vector<float>& out, std::vector<float>& work,
                   int* path) {
    constexpr int L = n_labels;
    const Transitions tr(trans);
    out.resize(n * L);
    work.resize(n * L * (path ? 2 : 1));
    float* fwd = out.data();   // best score of a prefix ending in y at i, its emission included
    float* bwd = work.data();  // best score of the rest after label y at i
    std::int32_t* back = path ? reinterpret_cast<std::int32_t*>(work.data() + n * L) : nullptr;
    for (int y = 0; y < L; ++y) fwd[y] = tr.t[y] + em[y];
    for (std::size_t i = 1; i < n; ++i)
        for (int y = 0; y < L; ++y) {
            float best = -std::numeric_limits<float>::infinity();
            int arg = 0;
            for (int k = 0; k < moves.n_from[y]; ++k) {
                const int a = moves.from[y][k];
                const float v = fwd[(i - 1) * L + a] + tr.t[(a + 1) * L + y];
                if (v > best) {
                    best = v;
                    arg = a;
                }
            }
            fwd[i * L + y] = best + em[i * L + y];
            if (back) back[i * L + y] = arg;
        }
    if (path) {  // the best path, as viterbi() gives it (the same comparisons in the same order)
        const float* end = tr.t + (L + 1) * L;
        float best = fwd[(n - 1) * L] + end[0];
        int arg = 0;
        for (int y = 1; y < L; ++y)
            if (const float v = fwd[(n - 1) * L + y] + end[y]; v > best) {
                best = v;
                arg = y;
            }
        for (std::size_t i = n; i-- > 0;) {
            path[i] = arg;
            if (i > 0) arg = back[i * L + arg];
        }
    }
    for (int y = 0; y < L; ++y) bwd[(n - 1) * L + y] = tr.t[(L + 1) * L + y];
    for (std::size_t i = n - 1; i-- > 0;)
        for (int y = 0; y < L; ++y) {
            const float* row = tr.t + (y + 1) * L;
            float best = -std::numeric_limits<float>::infinity();
            for (int k = 0; k < moves.n_to[y]; ++k) {
                const int b = moves.to[y][k];
                best = std::max(best, row[b] + em[(i + 1) * L + b] + bwd[(i + 1) * L + b]);
            }
            bwd[i * L + y] = best;
        }
    for (std::size_t k = 0; k < n * L; ++k) fwd[k] += bwd[k];
}

void Memory::note(const std::vector<TokenFacts>& f, const int* labels) {
    for (std::size_t i = 0; i < f.size(); ++i) {
        if (!f[i].cap) continue;
        const std::uint8_t v = labels[i] == 0 ? 5 : static_cast<std::uint8_t>(1 + static_cast<int>(label_class(labels[i])));
        seen_[f[i].word] = v;
    }
}

namespace {


/// Reads a table of rows kept as the file's int16 weights, in units of `scale`.
void read_table(ModelReader& r, FlatMap<std::uint32_t>& map, std::vector<std::int16_t>& rows, float& scale, int width, std::size_t& count) {
    scale = r.f32();
    count = r.uint(4);
    const std::size_t record = 8 + 2 * static_cast<std::size_t>(width);  // the key, then the row
    r.need(count * record);  // before reserving: a corrupt count fails here
    map.reserve(count);
    rows.resize(count * static_cast<std::size_t>(width));
    // Read from the checked block directly, and each slot prefetched some keys before its insertion: the
    // table is larger than the cache, and waiting for each slot in turn was most of the model's load.
    const char* table = r.s.data() + r.pos;
    constexpr std::size_t ahead = 16;
    for (std::size_t k = 0; k < count; ++k) {
        if (k + ahead < count) map.prefetch(load_le(table + (k + ahead) * record, 8));
        const char* p = table + k * record;
        const std::uint64_t key = load_le(p, 8);
        if (key == 0) throw r.bad("zero feature key");
        map.insert(key, static_cast<std::uint32_t>(k));
        for (int y = 0; y < width; ++y) rows[k * width + y] = static_cast<std::int16_t>(load_le(p + 8 + 2 * y, 2));
    }
    r.pos += count * record;
}


float squash(float margin) { return 1.0f / (1.0f + std::exp(-margin)); }

}  // namespace

Recognizer Recognizer::from_bytes(std::string_view bytes, const std::string& name) {
    auto m = std::make_shared<Model>();
    static std::atomic<std::uint64_t> models{0};
    m->id = ++models;
    ModelReader r{bytes, name, "entity recognizer model"};
    r.header(format::magic, format::version);
    if (r.uint(4) != n_labels || r.uint(4) != n_fine)
        throw Error(ExitCode::bad_input, name + ": entity recognizer model: wrong label counts");
    m->trans.resize((n_labels + 2) * n_labels);
    for (float& t : m->trans) t = r.f32();
    m->span_a = r.f32();
    m->span_b = r.f32();
    m->fine_a = r.f32();
    m->fine_b = r.f32();
    read_table(r, m->seq, m->seq_rows, m->seq_scale, n_labels, m->n_seq);
    {
        // The fine-type table is small and read once per name: its weights as floats.
        std::vector<std::int16_t> q;
        float scale = 1;
        read_table(r, m->fine, q, scale, n_fine, m->n_fine_features);
        m->fine_rows.resize(q.size());
        for (std::size_t k = 0; k < q.size(); ++k) m->fine_rows[k] = static_cast<float>(q[k]) * scale;
    }
    if (r.pos != bytes.size()) throw Error(ExitCode::bad_input, name + ": entity recognizer model: trailing bytes");
    return Recognizer(std::move(m));
}

const Recognizer& Recognizer::get() {
    static const Recognizer rec = [] {
        const ModelBytes m = model_bytes("ner.model");
        return from_bytes(m.bytes(), m.source);
    }();
    return rec;
}

std::size_t Recognizer::feature_count() const { return m_->n_seq + m_->n_fine_features; }

void Recognizer::recognize(const Lexicons& lx, const std::vector<TokenFacts>& f, Memory& memory, std::vector<Span>& out) const {
    const std::size_t n = f.size();
    if (n == 0) return;
    if (!may_hold_name(n, [&](std::size_t i) { return f[i].has_upper; }, [&](std::size_t i) { return f[i].function; })) return;
    stages::Scope timed(stages::Stage::ner);
    thread_local std::vector<float> em, work, marg;
    thread_local std::vector<std::uint64_t> feats, local;
    thread_local std::vector<std::uint32_t> owner;  // the token of each feature
    thread_local std::vector<const std::int16_t*> rows;
    thread_local std::vector<int> labels;
    const SentenceFacts sf = sentence_facts(f);
    em.assign(n * n_labels, 0.0f);
    // All the sentence's features first, then their rows: the table is far larger than the cache, and
    // asking for a slot and a row several features ahead overlaps the misses instead of waiting for each.
    // The features that depend on the word alone (and its context class and gazetteer match) are half of a
    // token's, the same for every occurrence of the word: their sum is kept per thread. A token's row is
    // that sum, then its other features in order, so the scores do not depend on what the cache held.
    struct LocalSum {
        std::uint64_t key = 0, check = 0;
        float row[n_labels];
    };
    constexpr std::size_t cache_bits = 14;
    thread_local std::vector<LocalSum> cache;
    thread_local std::uint64_t cache_model = 0;
    if (cache_model != m_->id) {
        cache.assign(std::size_t(1) << cache_bits, LocalSum{});
        cache_model = m_->id;
    }
    feats.clear();
    owner.clear();
    for (std::size_t i = 0; i < n; ++i) {
        const TokenFacts& t = f[i];
        const std::uint64_t key = (t.h_word ^ (std::uint64_t(local_context(sf, i)) << 62 ^ std::uint64_t(t.gaz) << 54 ^
                                               std::uint64_t(t.demonym) << 50)) | 1;
        LocalSum& slot = cache[(key * 0x9E3779B97F4A7C15ull) >> (64 - cache_bits)];
        if (slot.key != key || slot.check != t.h_lower) {
            local.clear();
            token_features(f, sf, i, 0, local, FeaturePart::local);
            std::fill(slot.row, slot.row + n_labels, 0.0f);
            for (std::uint64_t k : local)
                if (const std::uint32_t* at = m_->seq.find(k)) {
                    const std::int16_t* w = m_->seq_rows.data() + std::size_t(*at) * n_labels;
                    for (int y = 0; y < n_labels; ++y) slot.row[y] += static_cast<float>(w[y]) * m_->seq_scale;
                }
            slot.key = key;
            slot.check = t.h_lower;
        }
        std::copy(slot.row, slot.row + n_labels, em.data() + i * n_labels);
        token_features(f, sf, i, memory.get(t.word), feats, FeaturePart::context);
        owner.resize(feats.size(), static_cast<std::uint32_t>(i));
    }
    constexpr std::size_t ahead = 8;
    const std::size_t nf = feats.size();
    rows.resize(nf);
    for (std::size_t j = 0; j < nf + 2 * ahead; ++j) {
        if (j < nf) m_->seq.prefetch(feats[j]);
        if (j >= ahead && j - ahead < nf) {
            const std::uint32_t* at = m_->seq.find(feats[j - ahead]);
            rows[j - ahead] = at ? m_->seq_rows.data() + std::size_t(*at) * n_labels : nullptr;
            if (at) __builtin_prefetch(rows[j - ahead]), __builtin_prefetch(rows[j - ahead] + n_labels - 1);
        }
        if (j >= 2 * ahead) {
            const std::size_t k = j - 2 * ahead;
            if (const std::int16_t* w = rows[k]) {
                float* row = em.data() + std::size_t(owner[k]) * n_labels;
                for (int y = 0; y < n_labels; ++y) row[y] += static_cast<float>(w[y]) * m_->seq_scale;
            }
        }
    }
    labels.resize(n);
    max_marginals(em.data(), n, m_->trans.data(), marg, work, labels.data());
    memory.note(f, labels.data());
    for (std::size_t i = 0; i < n; ++i) {
        if (labels[i] == 0) continue;
        const int bilu = label_bilu(labels[i]);
        if (bilu != 0 && bilu != 3) continue;
        std::size_t e = i + 1;
        if (bilu == 0)
            while (e < n && label_bilu(labels[e]) != 2) ++e;
        e = std::min(e + (bilu == 0 ? 1 : 0), n);
        Span s;
        s.b = static_cast<std::uint32_t>(i);
        s.e = static_cast<std::uint32_t>(e);
        s.coarse = label_class(labels[i]);
        // The weakest token's margin: the best path against the best one giving it another label.
        float margin = std::numeric_limits<float>::infinity();
        for (std::size_t k = i; k < e; ++k) {
            const float* row = marg.data() + k * n_labels;
            float other = -std::numeric_limits<float>::infinity();
            for (int y = 0; y < n_labels; ++y)
                if (y != labels[k]) other = std::max(other, row[y]);
            margin = std::min(margin, row[labels[k]] - other);
        }
        s.margin = margin;
        s.confidence = squash(m_->span_a * margin + m_->span_b);
        if (s.coarse != Coarse::PER) {
            feats.clear();
            span_features(lx, f, i, e, s.coarse, feats);
            float sc[n_fine] = {};
            for (std::uint64_t k : feats)
                if (const std::uint32_t* at = m_->fine.find(k)) {
                    const float* w = m_->fine_rows.data() + std::size_t(*at) * n_fine;
                    for (int y = 0; y < n_fine; ++y) sc[y] += w[y];
                }
            int best = -1;
            float second = -std::numeric_limits<float>::infinity();
            for (int y = 0; y < n_fine; ++y) {
                if (!fine_allowed(s.coarse, y)) continue;
                if (best < 0 || sc[y] > sc[best]) {
                    if (best >= 0) second = std::max(second, sc[best]);
                    best = y;
                } else {
                    second = std::max(second, sc[y]);
                }
            }
            s.fine = best;
            s.fine_margin = sc[best] - second;
            s.fine_confidence = squash(m_->fine_a * s.fine_margin + m_->fine_b);
        }
        out.push_back(s);
        i = e - 1;
    }
}

}  // namespace kg::detail::ner
