// kg-train-relations: trains the relation classifier of lib/relations/classifier.cpp (multinomial logistic
// regression, AdaGrad, one pass order per epoch from a fixed seed) on the pairs that
// scripts/relation_data.py writes, reports precision, recall and calibration out of fold (ten folds by
// sentence), picks there each predicate's probability threshold for the target precision, then trains on
// everything and writes the model with those thresholds. Run by scripts/train_relations.sh, never by
// the build or the tests.
#include "relations/classifier.hpp"
#include "text/tagger.hpp"

#include <kg/error.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

using namespace kg::detail;
using namespace kg::detail::rel;

namespace {

struct Pair {
    int label = 0;
    std::size_t sentence = 0;
    std::vector<std::uint32_t> feats;  ///< indices into the kept features
};

struct Data {
    std::vector<std::string> labels{"none"};
    std::vector<Pair> pairs;
    std::size_t sentences = 0;
};

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::string cur;
    std::istringstream in(s);
    while (std::getline(in, cur, sep)) out.push_back(cur);
    return out;
}

Arg arg_of(const std::string& t, const std::string& where) {
    if (t == "PER") return Arg::PER;
    if (t == "ORG") return Arg::ORG;
    if (t == "LOC") return Arg::LOC;
    if (t == "MISC") return Arg::MISC;
    throw std::runtime_error(where + ": unknown argument type " + t);
}

/// The keys of the kept features, in index order (read() fills it).
std::vector<std::uint64_t>& keys_out() {
    static std::vector<std::uint64_t> k;
    return k;
}

/// Reads the pairs and computes their features; keeps the features seen in at least `min_count` pairs.
Data read(const std::string& path, int min_count) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    const Tagger& tagger = Tagger::get();
    std::vector<std::string> words, lowers;
    std::vector<std::string_view> wv, lv;
    std::vector<Upos> tags;
    std::vector<std::vector<std::uint64_t>> raw;
    std::vector<int> labels;
    std::vector<std::size_t> sent_of;
    std::map<std::string, int> label_index{{"none", 0}};
    std::vector<std::string> label_names;
    std::string line;
    std::size_t line_no = 0, sentences = 0;
    // Labels are numbered in sorted order after "none", whatever order the file lists them in.
    std::vector<std::string> label_text;
    while (std::getline(in, line)) {
        ++line_no;
        const std::string where = path + ":" + std::to_string(line_no);
        const auto cols = split(line, '\t');
        if (cols.size() == 3 && cols[0] == "S") {
            words = split(cols[2], ' ');
            lowers = words;
            for (auto& w : lowers)
                for (char& c : w) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
            wv.assign(words.begin(), words.end());
            lv.assign(lowers.begin(), lowers.end());
            tags = tagger.tag(wv);
            ++sentences;
        } else if (cols.size() == 8 && cols[0] == "P") {
            ArgSpan a{static_cast<std::uint32_t>(std::stoul(cols[2])), static_cast<std::uint32_t>(std::stoul(cols[3])), arg_of(cols[4], where)};
            ArgSpan b{static_cast<std::uint32_t>(std::stoul(cols[5])), static_cast<std::uint32_t>(std::stoul(cols[6])), arg_of(cols[7], where)};
            if (!(a.b < a.e && a.e <= b.b && b.b < b.e && b.e <= lv.size())) throw std::runtime_error(where + ": bad spans");
            if (b.b - a.e > max_gap) continue;
            std::vector<std::uint64_t> f;
            pair_features(SentenceView{&wv, &lv, &tags}, a, b, f);
            raw.push_back(std::move(f));
            label_text.push_back(cols[1]);
            sent_of.push_back(sentences - 1);
        } else {
            throw std::runtime_error(where + ": expected an S or P line");
        }
    }
    Data d;
    d.sentences = sentences;
    {
        std::vector<std::string> names(label_text.begin(), label_text.end());
        std::sort(names.begin(), names.end());
        names.erase(std::unique(names.begin(), names.end()), names.end());
        for (const auto& n : names)
            if (n != "none") {
                label_index[n] = static_cast<int>(d.labels.size());
                d.labels.push_back(n);
            }
    }
    std::unordered_map<std::uint64_t, int> count;
    for (const auto& f : raw)
        for (std::uint64_t k : f) ++count[k];
    std::vector<std::uint64_t> kept;
    for (const auto& [k, c] : count)
        if (c >= min_count) kept.push_back(k);
    std::sort(kept.begin(), kept.end());
    std::unordered_map<std::uint64_t, std::uint32_t> index;
    for (std::size_t i = 0; i < kept.size(); ++i) index[kept[i]] = static_cast<std::uint32_t>(i);
    for (std::size_t i = 0; i < raw.size(); ++i) {
        Pair p;
        p.label = label_index.at(label_text[i]);
        p.sentence = sent_of[i];
        for (std::uint64_t k : raw[i])
            if (auto it = index.find(k); it != index.end()) p.feats.push_back(it->second);
        std::sort(p.feats.begin(), p.feats.end());
        p.feats.erase(std::unique(p.feats.begin(), p.feats.end()), p.feats.end());
        d.pairs.push_back(std::move(p));
    }
    keys_out() = kept;
    return d;
}

struct Model {
    std::size_t L = 0;
    std::vector<float> w, g;
    void scores(const Pair& p, std::vector<double>& prob) const {
        prob.assign(L, 0);
        for (std::uint32_t f : p.feats)
            for (std::size_t y = 0; y < L; ++y) prob[y] += w[f * L + y];
        const double top = *std::max_element(prob.begin(), prob.end());
        double z = 0;
        for (double& v : prob) z += (v = std::exp(v - top));
        for (double& v : prob) v /= z;
    }
};

Model train(const Data& d, const std::vector<std::size_t>& rows, std::size_t n_features, int epochs, double rate, double l2,
            unsigned seed) {
    Model m;
    m.L = d.labels.size();
    m.w.assign(n_features * m.L, 0);
    m.g.assign(n_features * m.L, 0);
    std::vector<std::size_t> order = rows;
    std::mt19937 rng(seed);
    std::vector<double> prob;
    for (int e = 0; e < epochs; ++e) {
        for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);  // Fisher-Yates
        for (std::size_t r : order) {
            const Pair& p = d.pairs[r];
            m.scores(p, prob);
            for (std::uint32_t f : p.feats)
                for (std::size_t y = 0; y < m.L; ++y) {
                    const std::size_t k = f * m.L + y;
                    const double grad = prob[y] - (static_cast<int>(y) == p.label ? 1.0 : 0.0) + l2 * m.w[k];
                    m.g[k] += static_cast<float>(grad * grad);
                    m.w[k] -= static_cast<float>(rate * grad / std::sqrt(m.g[k] + 1e-8));
                }
        }
    }
    return m;
}

/// Per pair, the label probabilities of a model that did not see its sentence.
using Probs = std::vector<std::vector<double>>;

void report(const Data& d, const Probs& probs, const std::vector<std::size_t>& rows) {
    const double thresholds[] = {0.3, 0.4, 0.5, 0.6, 0.7, 0.8};
    std::printf("out of fold: %zu pairs\n threshold   P      R      F1  (label and direction exact) | pair P  pair R\n", rows.size());
    for (double t : thresholds) {
        std::size_t tp = 0, fp = 0, gold = 0, ptp = 0;
        for (std::size_t r : rows) {
            const Pair& p = d.pairs[r];
            const std::vector<double>& prob = probs[r];
            const int best = static_cast<int>(std::max_element(prob.begin(), prob.end()) - prob.begin());
            if (p.label) ++gold;
            if (best == 0 || prob[best] < t) continue;
            if (best == p.label) ++tp; else ++fp;
            if (p.label) ++ptp;
        }
        const double P = tp + fp ? double(tp) / double(tp + fp) : 0, R = gold ? double(tp) / double(gold) : 0;
        std::printf("   %.1f    %.3f  %.3f  %.3f                                   | %.3f   %.3f\n", t, P, R, P + R ? 2 * P * R / (P + R) : 0,
                    tp + fp ? double(ptp) / double(tp + fp) : 0, gold ? double(ptp) / double(gold) : 0);
    }
    std::printf(" calibration of predicted relations (probability bin: precision, count)\n");
    std::size_t hit[10] = {}, all[10] = {};
    std::map<int, std::array<std::size_t, 3>> per;  // label: tp, fp, gold
    for (std::size_t r : rows) {
        const Pair& p = d.pairs[r];
        const std::vector<double>& prob = probs[r];
        const int best = static_cast<int>(std::max_element(prob.begin(), prob.end()) - prob.begin());
        if (p.label) ++per[p.label][2];
        if (best == 0) continue;
        const int bin = std::min(9, static_cast<int>(prob[best] * 10));
        ++all[bin];
        if (best == p.label) ++hit[bin], ++per[best][0]; else ++per[best][1];
    }
    for (int b = 0; b < 10; ++b)
        if (all[b]) std::printf("   [%.1f, %.1f): %.3f  %zu\n", b / 10.0, (b + 1) / 10.0, double(hit[b]) / double(all[b]), all[b]);
    std::printf(" per label at any probability: tp fp gold\n");
    for (const auto& [y, c] : per) std::printf("   %-16s %4zu %4zu %4zu\n", d.labels[y].c_str(), c[0], c[1], c[2]);
}

/// Per label, the lowest probability at which the out-of-fold predictions of its predicate (both directions)
/// reach `target` precision; labels whose predicate never does, or is predicted fewer than `min_seen`
/// times, get `fallback`.
std::vector<float> thresholds(const Data& d, const Probs& probs, const std::vector<std::size_t>& rows, double target, float fallback,
                              std::size_t min_seen) {
    std::map<std::string, std::vector<std::pair<double, bool>>> seen;  // predicate: (probability, right)
    auto pred_of = [&](int y) { return d.labels[y].substr(0, d.labels[y].size() - 1); };
    for (std::size_t r : rows) {
        const Pair& p = d.pairs[r];
        const std::vector<double>& prob = probs[r];
        const int best = static_cast<int>(std::max_element(prob.begin(), prob.end()) - prob.begin());
        if (best) seen[pred_of(best)].push_back({prob[best], best == p.label});
    }
    std::map<std::string, float> chosen;
    std::printf(" thresholds for %.2f out-of-fold precision (predicate: threshold, predictions at or above it, precision)\n", target);
    for (auto& [pred, v] : seen) {
        float t = fallback;
        if (v.size() >= min_seen)
            for (int step = 0; step <= 9; ++step) {
                const double cut = 0.5 + 0.05 * step;
                std::size_t n = 0, ok = 0;
                for (const auto& [pr, right] : v)
                    if (pr >= cut) ++n, ok += right;
                if (n >= 3 && double(ok) >= target * double(n)) {
                    t = static_cast<float>(cut);
                    break;
                }
            }
        chosen[pred] = t;
        std::size_t n = 0, ok = 0;
        for (const auto& [pr, right] : v)
            if (pr >= t) ++n, ok += right;
        std::printf("   %-16s %.2f  %3zu  %.3f\n", pred.c_str(), t, n, n ? double(ok) / double(n) : 0.0);
    }
    std::vector<float> out(d.labels.size(), fallback);
    out[0] = 1;
    for (std::size_t y = 1; y < d.labels.size(); ++y)
        if (auto it = chosen.find(pred_of(static_cast<int>(y))); it != chosen.end()) out[y] = it->second;
    return out;
}

void write(const std::string& path, const Data& d, const Model& m, const std::vector<std::uint64_t>& keys,
           const std::vector<float>& cut) {
    float top = 0;
    for (float v : m.w) top = std::max(top, std::fabs(v));
    const float scale = top > 0 ? top / 32767.0f : 1.0f;
    std::vector<std::size_t> kept;
    for (std::size_t f = 0; f < keys.size(); ++f) {
        bool any = false;
        for (std::size_t y = 0; y < m.L; ++y) any |= std::lround(m.w[f * m.L + y] / scale) != 0;
        if (any) kept.push_back(f);
    }
    std::string out(format::magic, 8);
    auto put = [&](std::uint64_t v, int bytes) {
        for (int i = 0; i < bytes; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
    };
    put(format::version, 4);
    put(m.L, 1);
    std::uint32_t bits;
    for (std::size_t y = 0; y < d.labels.size(); ++y) {
        put(d.labels[y].size(), 1);
        out += d.labels[y];
        std::memcpy(&bits, &cut[y], 4);
        put(bits, 4);
    }
    std::memcpy(&bits, &scale, 4);
    put(bits, 4);
    put(kept.size(), 4);
    for (std::size_t f : kept) {
        put(keys[f], 8);
        for (std::size_t y = 0; y < m.L; ++y)
            put(static_cast<std::uint16_t>(static_cast<std::int16_t>(std::lround(m.w[f * m.L + y] / scale))), 2);
    }
    std::ofstream o(path + ".tmp", std::ios::binary);
    o.write(out.data(), static_cast<std::streamsize>(out.size()));
    o.close();
    if (!o || std::rename((path + ".tmp").c_str(), path.c_str()) != 0) throw std::runtime_error("cannot write " + path);
    std::printf("wrote %s: %zu features, %zu labels, %.1f MB\n", path.c_str(), kept.size(), m.L, static_cast<double>(out.size()) / 1e6);
}

}  // namespace

int main(int argc, char** argv) {
    std::string train_path, out_path;
    int epochs = 10, min_count = 2;
    double rate = 0.05, l2 = 1e-4, target = 0.85;
    unsigned seed = 1;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) throw std::runtime_error(a + " needs a value");
            return argv[++i];
        };
        if (a == "--train") train_path = next();
        else if (a == "--out") out_path = next();
        else if (a == "--epochs") epochs = std::stoi(next());
        else if (a == "--min-count") min_count = std::stoi(next());
        else if (a == "--rate") rate = std::stod(next());
        else if (a == "--l2") l2 = std::stod(next());
        else if (a == "--target") target = std::stod(next());
        else if (a == "--seed") seed = static_cast<unsigned>(std::stoul(next()));
        else {
            std::fprintf(stderr, "usage: kg-train-relations --train PAIRS --out MODEL [--epochs N] [--min-count N] [--rate R] [--l2 L] [--target P] [--seed S]\n");
            return a == "--help" ? 0 : 2;
        }
    }
    if (train_path.empty() || out_path.empty()) {
        std::fprintf(stderr, "kg-train-relations: --train and --out are required (see --help)\n");
        return 2;
    }
    try {
        Data d = read(train_path, min_count);
        const auto& keys = keys_out();
        std::printf("%zu sentences, %zu pairs, %zu labels, %zu features\n", d.sentences, d.pairs.size(), d.labels.size(), keys.size());
        // Ten folds by sentence: every pair is scored by a model trained without its sentence, so the report
        // and the thresholds rest on all the data rather than on a tenth of it.
        std::vector<std::size_t> all;
        Probs probs(d.pairs.size());
        for (std::size_t i = 0; i < d.pairs.size(); ++i) all.push_back(i);
        for (std::size_t fold = 0; fold < 10; ++fold) {
            std::vector<std::size_t> fit;
            for (std::size_t i : all)
                if (d.pairs[i].sentence % 10 != fold) fit.push_back(i);
            const Model m = train(d, fit, keys.size(), epochs, rate, l2, seed);
            for (std::size_t i : all)
                if (d.pairs[i].sentence % 10 == fold) m.scores(d.pairs[i], probs[i]);
        }
        report(d, probs, all);
        const std::vector<float> cut = thresholds(d, probs, all, target, 2.0f, 5);  // 2: never
        write(out_path, d, train(d, all, keys.size(), epochs, rate, l2, seed), keys, cut);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "kg-train-relations: %s\n", e.what());
        return 1;
    }
    return 0;
}
