#include "relations/classifier.hpp"

#include "data/embedded.hpp"
#include "data/model_reader.hpp"
#include "text/flat_map.hpp"
#include "text/tagger_features.hpp"

#include <algorithm>
#include <cmath>

namespace kg::detail::rel {

const char* arg_name(Arg a) {
    static const char* const names[] = {"PER", "ORG", "LOC", "MISC"};
    return names[static_cast<int>(a)];
}

namespace {

/// Feature templates. Values are part of the model: append, never renumber.
enum Template : std::uint32_t {
    t_bias = 1, t_types, t_between, t_between_typed, t_first_between, t_last_between, t_gap, t_bigram,
    t_short_between, t_left1, t_left2, t_right1, t_right2, t_head1, t_head2, t_verb, t_verb_typed, t_pos_between,
    t_no_verb, t_first_word1, t_first_word2, t_names_between,
};

constexpr std::uint32_t max_between = 15;  // beyond it the words between are a bag too diluted to say much

/// Numbers and years say little by their value.
std::string_view norm_word(std::string_view w) {
    for (char c : w)
        if (c >= '0' && c <= '9') return "<num>";
    return w;
}

}  // namespace

void pair_features(const SentenceView& s, const ArgSpan& a, const ArgSpan& b, std::vector<std::uint64_t>& out) {
    using tagger::hash_sv;
    using tagger::key;
    const auto& w = *s.lower;
    const auto& tags = *s.tags;
    const std::uint32_t n = static_cast<std::uint32_t>(w.size());
    const std::uint64_t types = static_cast<std::uint64_t>(a.type) * 4 + static_cast<std::uint64_t>(b.type) + 1;
    auto h = [](std::string_view x) { return hash_sv(norm_word(x)); };
    auto typed = [&](std::uint64_t v) { return v * 0x9E3779B97F4A7C15ULL + types; };
    out.push_back(key(t_bias, 0));
    out.push_back(key(t_types, types));
    const std::uint32_t gap = b.b - a.e;
    static const std::uint32_t buckets[] = {0, 1, 2, 3, 4, 6, 9, 13, 20};
    std::uint32_t bucket = 0;
    while (bucket + 1 < std::size(buckets) && gap >= buckets[bucket + 1]) ++bucket;
    out.push_back(key(t_gap, typed(bucket)));
    bool verb = false;
    if (gap <= max_between) {
        std::string pattern, words;
        for (std::uint32_t i = a.e; i < b.b; ++i) {
            const std::uint64_t hw = h(w[i]);
            out.push_back(key(t_between, hw));
            out.push_back(key(t_between_typed, typed(hw)));
            if (i + 1 < b.b) out.push_back(key(t_bigram, hw * 31 + h(w[i + 1])));
            const Upos t = tags[i];
            if (t == Upos::VERB || (t == Upos::AUX && gap <= 4)) {
                verb = true;
                out.push_back(key(t_verb, hw));
                out.push_back(key(t_verb_typed, typed(hw)));
            }
            pattern += static_cast<char>('A' + static_cast<int>(t));
            if (gap <= 4) {
                words += norm_word(w[i]);
                words += ' ';
            }
        }
        if (gap > 0) {
            out.push_back(key(t_first_between, typed(h(w[a.e]))));
            out.push_back(key(t_last_between, typed(h(w[b.b - 1]))));
        }
        if (gap <= 6) out.push_back(key(t_pos_between, typed(hash_sv(pattern))));
        if (gap <= 4) out.push_back(key(t_short_between, typed(hash_sv(words))));
    }
    if (!verb) out.push_back(key(t_no_verb, types));
    // Another name between the two usually takes the relation for itself ("U.S. President X" after "China"):
    // counted as runs of capitalized words, which training text and run-time text show alike.
    std::uint64_t runs = 0;
    for (std::uint32_t i = a.e; i < b.b; ++i)
        if ((*s.written)[i].size() && (*s.written)[i][0] >= 'A' && (*s.written)[i][0] <= 'Z' &&
            (i == a.e || !((*s.written)[i - 1].size() && (*s.written)[i - 1][0] >= 'A' && (*s.written)[i - 1][0] <= 'Z')))
            ++runs;
    out.push_back(key(t_names_between, typed(std::min<std::uint64_t>(runs, 3))));
    if (a.b > 0) out.push_back(key(t_left1, typed(h(w[a.b - 1]))));
    if (a.b > 1) out.push_back(key(t_left2, typed(h(w[a.b - 2]) * 31 + h(w[a.b - 1]))));
    if (b.e < n) out.push_back(key(t_right1, typed(h(w[b.e]))));
    if (b.e + 1 < n) out.push_back(key(t_right2, typed(h(w[b.e]) * 31 + h(w[b.e + 1]))));
    // The last word of a name often says what it is ("party", "university", "fc"), the first whom.
    out.push_back(key(t_head1, typed(h(w[a.e - 1]))));
    out.push_back(key(t_head2, typed(h(w[b.e - 1]))));
    if (a.e - a.b > 1) out.push_back(key(t_first_word1, typed(h(w[a.b]))));
    if (b.e - b.b > 1) out.push_back(key(t_first_word2, typed(h(w[b.b]))));
}

struct Classifier::Model {
    std::vector<std::string> labels, predicates;
    std::vector<bool> first_subject;
    std::vector<float> thresholds;
    FlatMap<std::uint32_t> features;
    std::vector<std::int16_t> rows;
    float scale = 1;
    std::size_t n_features = 0;
};

Classifier Classifier::from_bytes(std::string_view bytes, const std::string& name) {
    auto m = std::make_shared<Model>();
    ModelReader r{bytes, name, "relation model"};
    r.header(format::magic, format::version);
    const std::size_t n_labels = r.uint(1);
    if (n_labels < 2) throw r.bad("fewer than two labels");
    for (std::size_t y = 0; y < n_labels; ++y) {
        std::string label(r.bytes(r.uint(1)));
        m->thresholds.push_back(r.f32());
        const char dir = label.empty() ? 0 : label.back();
        if (y == 0 ? label != "none" : (dir != '>' && dir != '<') || label.size() < 2)
            throw r.bad("bad label '" + label + "'");
        m->predicates.push_back(y == 0 ? label : label.substr(0, label.size() - 1));
        m->first_subject.push_back(dir == '>');
        m->labels.push_back(std::move(label));
    }
    m->scale = r.f32();
    m->n_features = r.uint(4);
    r.need(m->n_features * (8 + 2 * n_labels));  // before reserving: a corrupt count fails here
    m->features.reserve(m->n_features);
    m->rows.resize(m->n_features * n_labels);
    for (std::size_t k = 0; k < m->n_features; ++k) {
        const std::uint64_t key = r.uint(8);
        if (key == 0) throw r.bad("zero feature key");
        m->features.insert(key, static_cast<std::uint32_t>(k));
        for (std::size_t y = 0; y < n_labels; ++y) m->rows[k * n_labels + y] = static_cast<std::int16_t>(r.uint(2));
    }
    if (r.pos != bytes.size()) throw r.bad("trailing bytes");
    return Classifier(std::move(m));
}

const Classifier& Classifier::get() {
    static const Classifier c = [] {
        const ModelBytes m = model_bytes("relations.model");
        return from_bytes(m.bytes(), m.source);
    }();
    return c;
}

Verdict Classifier::classify(const std::vector<std::uint64_t>& features) const {
    const std::size_t L = m_->labels.size();
    thread_local std::vector<std::int32_t> sum;
    sum.assign(L, 0);
    for (std::uint64_t f : features)
        if (const std::uint32_t* k = m_->features.find(f)) {
            const std::int16_t* row = &m_->rows[*k * L];
            for (std::size_t y = 0; y < L; ++y) sum[y] += row[y];
        }
    const int best = static_cast<int>(std::max_element(sum.begin(), sum.end()) - sum.begin());
    double z = 0;
    for (std::size_t y = 0; y < L; ++y) z += std::exp(static_cast<double>(sum[y] - sum[best]) * m_->scale);
    return Verdict{best, static_cast<float>(1.0 / z)};
}

const std::vector<std::string>& Classifier::labels() const { return m_->labels; }
const std::string& Classifier::predicate(int y) const { return m_->predicates[static_cast<std::size_t>(y)]; }
float Classifier::threshold(int y) const { return m_->thresholds[static_cast<std::size_t>(y)]; }
bool Classifier::first_is_subject(int y) const { return m_->first_subject[static_cast<std::size_t>(y)]; }
std::size_t Classifier::feature_count() const { return m_->n_features; }

}  // namespace kg::detail::rel
