#include "parse/parser.hpp"

#include "data/embedded.hpp"
#include "data/model_reader.hpp"
#include "extract/stages.hpp"
#include "parse/parser_features.hpp"
#include "text/flat_map.hpp"

#include <kg/error.hpp>

#include <algorithm>
#include <cstring>

namespace kg::detail {

using namespace parse;

struct Parser::Model {
    /// A feature's weights: most features have one or two classes, kept in the slot itself (so a lookup
    /// is one cache miss, not two); others a range of `entries`, or, with many classes (tag-only
    /// features), a dense row of `dense`, added with vector instructions instead of one scattered
    /// addition per class. Inline when bit 31 of `a` is set: then each half holds a class (bits 16-22) and
    /// an int16 weight (bits 0-15); dense when bit 30 is set: the row's index in the low bits.
    struct Slot { std::uint32_t a = 0, b = 0; };
    static constexpr std::size_t dense_min = 16;  ///< classes from which a feature's row is dense
    int width = 0;                                 ///< of a dense row: n_classes rounded up to 16
    /// One class's weight, in units of the file's scale: integer sums are exact, so a parse does not
    /// depend on the order of additions.
    struct Entry {
        std::int16_t w;
        std::uint8_t cls, pad;
    };
    std::vector<std::string> labels;
    int n_labels = 0, n_classes = 0, root = -1, fallback = 0;
    FlatMap<Slot> features;
    std::vector<Entry> entries;
    std::vector<std::int16_t> dense;
    std::size_t n_features = 0;
};


Parser Parser::from_bytes(std::string_view bytes, const std::string& name) {
    auto m = std::make_shared<Model>();
    ModelReader r{bytes, name, "parser model"};
    auto bad = [&](const std::string& what) { return r.bad(what); };
    r.header(model_magic, model_version);
    m->n_labels = static_cast<int>(r.uint(1));
    if (m->n_labels < 1 || m->n_labels > max_labels) throw bad("bad label count");
    m->n_classes = n_classes(m->n_labels);
    m->width = (m->n_classes + 15) / 16 * 16;
    for (int l = 0; l < m->n_labels; ++l) {
        m->labels.emplace_back(r.bytes(r.uint(1)));
        if (m->labels.back() == "root") m->root = l;
        if (m->labels.back() == "parataxis") m->fallback = l;
    }
    if (m->root < 0) throw bad("no root label");
    const std::size_t n_feat = r.uint(4);
    r.need(n_feat * 9);  // before reserving: a corrupt count fails here
    const std::string_view keys = r.bytes(n_feat * 8), nnz = r.bytes(n_feat);
    std::size_t total = 0;
    for (char c : nnz) total += static_cast<unsigned char>(c);
    r.need(total * 3);
    const std::string_view cls = r.bytes(total), weights = r.bytes(total * 2);
    if (r.pos != bytes.size()) throw bad("trailing bytes");
    m->n_features = n_feat;
    m->features.reserve(n_feat);
    auto entry = [&](std::size_t i) {
        const auto c = static_cast<unsigned char>(cls[i]);
        if (c >= m->n_classes) throw bad("bad class at entry " + std::to_string(i));
        const auto w = static_cast<std::uint16_t>(static_cast<unsigned char>(weights[2 * i]) |
                                                  static_cast<unsigned char>(weights[2 * i + 1]) << 8);
        return Model::Entry{static_cast<std::int16_t>(w), c, 0};
    };
    auto half = [](const Model::Entry& e) { return std::uint32_t(e.cls) << 16 | static_cast<std::uint16_t>(e.w); };
    // Sized once: the entries and dense rows the counts call for (growing them copied megabytes).
    std::size_t n_entries = 0, n_dense = 0;
    for (char c : nnz) {
        const std::size_t cnt = static_cast<unsigned char>(c);
        if (cnt >= Model::dense_min) ++n_dense;
        else if (cnt > 2) n_entries += cnt;
    }
    m->entries.reserve(n_entries);
    m->dense.reserve(n_dense * static_cast<std::size_t>(m->width));
    std::size_t e = 0;
    constexpr std::size_t ahead = 16;  // slots prefetched this many keys before their insertion
    for (std::size_t i = 0; i < n_feat; ++i) {
        if (i + ahead < n_feat) m->features.prefetch(load_le(keys.data() + (i + ahead) * 8, 8));
        const std::uint64_t k = load_le(keys.data() + i * 8, 8);
        if (k == 0) throw bad("zero feature key");
        const std::size_t cnt = static_cast<unsigned char>(nnz[i]);
        Model::Slot slot;
        if (cnt == 0) throw bad("feature without weights");
        if (cnt >= Model::dense_min) {
            const std::size_t row = m->dense.size() / static_cast<std::size_t>(m->width);
            if (row >= 0x40000000u) throw bad("too many dense rows");
            m->dense.resize(m->dense.size() + static_cast<std::size_t>(m->width), 0);
            for (std::size_t j = 0; j < cnt; ++j) {
                const Model::Entry x = entry(e + j);
                m->dense[row * static_cast<std::size_t>(m->width) + x.cls] = x.w;
            }
            slot = {0x40000000u | static_cast<std::uint32_t>(row), 0};
        } else if (cnt <= 2) {
            const Model::Entry e0 = entry(e), e1 = cnt == 2 ? entry(e + 1) : Model::Entry{0, e0.cls, 0};
            slot = {0x80000000u | half(e0), half(e1)};
        } else {
            slot = {static_cast<std::uint32_t>(m->entries.size()), static_cast<std::uint32_t>(m->entries.size() + cnt)};
            for (std::size_t j = 0; j < cnt; ++j) m->entries.push_back(entry(e + j));
        }
        e += cnt;
        m->features.insert(k, slot);
    }
    return Parser(std::move(m));
}

const Parser& Parser::get() {
    static const Parser p = [] {
        const ModelBytes m = model_bytes("parser.model");
        return from_bytes(m.bytes(), m.source);
    }();
    return p;
}

std::size_t Parser::label_count() const { return m_->labels.size(); }
std::string_view Parser::label_name(std::uint8_t label) const {
    return label < m_->labels.size() ? std::string_view(m_->labels[label]) : std::string_view("dep");
}
int Parser::label_id(std::string_view name) const {
    for (std::size_t l = 0; l < m_->labels.size(); ++l)
        if (m_->labels[l] == name) return static_cast<int>(l);
    return -1;
}
std::size_t Parser::feature_count() const { return m_->n_features; }

void Parser::parse(const std::string_view* words, const Upos* tags, std::size_t n, Arc* out) const {
    if (n == 0) return;
    stages::Scope timed(stages::Stage::parser);
    const Model& m = *m_;
    thread_local State st;
    thread_local Atoms at;
    at.reset(n);
    for (std::size_t i = 0; i < n; ++i) at.set(i + 1, word_hash(words[i]), static_cast<std::uint8_t>(tags[i]));
    st.reset(static_cast<int>(n), m.n_labels);
    const int nl = m.n_labels, nc = m.n_classes;
    std::uint64_t keys[max_features];
    const Model::Slot* slots[max_features];
    alignas(64) std::int32_t sc[(2 + 2 * max_labels + 15) / 16 * 16];
    const int width = m.width;
    const int la = a_left, ra = a_left + nl;
    while (!st.terminal()) {
        const int nk = features(st, at, keys);
        // All slots first, then their entries: the lookups' cache misses overlap instead of queueing.
        for (int i = 0; i < nk; ++i) m.features.prefetch(keys[i]);
        for (int i = 0; i < nk; ++i)
            if ((slots[i] = m.features.find(keys[i])) && !(slots[i]->a >> 30)) __builtin_prefetch(&m.entries[slots[i]->a]);
        std::memset(sc, 0, sizeof(sc));
        for (int i = 0; i < nk; ++i)
            if (const Model::Slot* sl = slots[i]) {
                if (sl->a >> 31) {
                    sc[sl->a >> 16 & 0x7F] += static_cast<std::int16_t>(sl->a & 0xFFFF);
                    sc[sl->b >> 16 & 0x7F] += static_cast<std::int16_t>(sl->b & 0xFFFF);
                } else if (sl->a >> 30) {
                    const std::int16_t* row = &m.dense[(sl->a & 0x3FFFFFFFu) * static_cast<std::size_t>(width)];
                    for (int j = 0; j < width; ++j) sc[j] += row[j];
                } else {
                    for (std::uint32_t e = sl->a; e < sl->b; ++e) sc[m.entries[e].cls] += m.entries[e].w;
                }
            }
        // The first best valid action (State::valid(), by ranges): SHIFT is valid while words remain.
        const int s0 = st.s0();
        int best = a_shift;
        if (st.head[s0] >= 0 && sc[a_reduce] > sc[best]) best = a_reduce;
        if (s0 != 0 && st.head[s0] < 0)
            for (int a = la; a < ra; ++a)
                if (sc[a] > sc[best] && a - la != m.root) best = a;
        if (s0 != 0) {
            for (int a = ra; a < nc; ++a)
                if (sc[a] > sc[best] && a - ra != m.root) best = a;
        } else if (st.root_child < 0 && sc[ra + m.root] > sc[best]) {
            best = ra + m.root;
        }
        st.apply(best, nl);
    }
    // Words left without a head (the model never learned to leave any, but nothing forbids it): the
    // first becomes the root if there is none, the others its dependents.
    for (std::size_t i = 1; i <= n; ++i)
        if (st.head[i] < 0) {
            if (st.root_child < 0) st.arc(0, static_cast<int>(i), m.root);
            else st.arc(st.root_child, static_cast<int>(i), m.fallback);
        }
    for (std::size_t i = 0; i < n; ++i)
        out[i] = {st.head[i + 1] - 1, static_cast<std::uint8_t>(st.lab[i + 1])};
}

std::vector<Arc> Parser::parse(const std::vector<std::string_view>& words, const std::vector<Upos>& tags) const {
    std::vector<Arc> out(words.size());
    parse(words.data(), tags.data(), std::min(words.size(), tags.size()), out.data());
    return out;
}

}  // namespace kg::detail
