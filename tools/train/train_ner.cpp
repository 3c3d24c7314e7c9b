// kg-train-ner: trains the entity recognizer of lib/ner (data/ner.model) from the token files that
// scripts/ner_data.py writes: an averaged structured perceptron over BILOU labels (exact Viterbi
// decoding, document memory from its own earlier predictions), and an averaged multiclass perceptron for
// the fine type of ORG, LOC and MISC spans. The number of epochs is chosen on held-out training
// documents (every twentieth); test files are only scored. Deterministic: a fixed seed, one thread.
// Run by scripts/train_ner.sh, never by the build or the tests.
#include "data/embedded.hpp"
#include "core/lexicons.hpp"
#include "ner/features.hpp"
#include "ner/ner.hpp"
#include "text/tagger.hpp"

#include <kg/error.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

using namespace kg::detail;
using namespace kg::detail::ner;

namespace {

struct Sent {
    std::vector<std::string> words;
    std::vector<int> labels;     ///< BILOU
    std::vector<int> fine;       ///< per token: Fine, -1 unknown
    std::vector<TokenFacts> facts;
};
struct Doc {
    std::string source, id;
    std::vector<Sent> sents;
};

int fine_of(const std::string& s) {
    static const std::map<std::string, int> m = {{"COMPANY", int(Fine::COMPANY)}, {"ORGANIZATION", int(Fine::ORGANIZATION)},
                                                 {"COUNTRY", int(Fine::COUNTRY)}, {"LOCATION", int(Fine::LOCATION)},
                                                 {"EVENT", int(Fine::EVENT)},     {"PRODUCT", int(Fine::PRODUCT)},
                                                 {"WORK", int(Fine::WORK)}};
    auto it = m.find(s);
    return it == m.end() ? -1 : it->second;
}

int coarse_of(const std::string& s) {
    if (s == "PER") return 0;
    if (s == "ORG") return 1;
    if (s == "LOC") return 2;
    if (s == "MISC") return 3;
    throw std::runtime_error("unknown class " + s);
}

/// BIO tags to BILOU labels.
std::vector<int> bilou(const std::vector<std::string>& bio) {
    std::vector<int> out(bio.size(), 0);
    for (std::size_t i = 0; i < bio.size();) {
        if (bio[i] == "O") {
            ++i;
            continue;
        }
        const std::string cls = bio[i].substr(2);
        std::size_t e = i + 1;
        while (e < bio.size() && bio[e] == "I-" + cls) ++e;
        const Coarse c = static_cast<Coarse>(coarse_of(cls));
        if (e == i + 1) out[i] = label(c, 3);
        else {
            out[i] = label(c, 0);
            for (std::size_t k = i + 1; k + 1 < e; ++k) out[k] = label(c, 1);
            out[e - 1] = label(c, 2);
        }
        i = e;
    }
    return out;
}

std::vector<Doc> read_docs(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::vector<Doc> docs;
    std::string line;
    std::vector<std::string> bio;
    Sent cur;
    auto flush = [&] {
        if (!cur.words.empty()) {
            if (docs.empty()) docs.push_back(Doc{"?", "?", {}});
            cur.labels = bilou(bio);
            docs.back().sents.push_back(std::move(cur));
        }
        cur = Sent{};
        bio.clear();
    };
    std::size_t lineno = 0;
    while (std::getline(in, line)) {
        ++lineno;
        if (line.empty()) {
            flush();
            continue;
        }
        std::vector<std::string> c;
        std::size_t s = 0;
        for (std::size_t i = 0; i <= line.size(); ++i)
            if (i == line.size() || line[i] == '\t') {
                c.push_back(line.substr(s, i - s));
                s = i + 1;
            }
        if (c[0] == "-DOCSTART-") {
            flush();
            docs.push_back(Doc{c.size() > 1 ? c[1] : "?", c.size() > 2 ? c[2] : "?", {}});
            continue;
        }
        if (c.size() < 3) throw std::runtime_error(path + ":" + std::to_string(lineno) + ": expected three columns");
        cur.words.push_back(c[0]);
        bio.push_back(c[1]);
        cur.fine.push_back(fine_of(c[2]));
    }
    flush();
    return docs;
}

void prepare(const Lexicons& lx, const Tagger& tagger, std::vector<Doc>& docs) {
    std::vector<std::string_view> views;
    std::vector<Upos> tags;
    for (Doc& d : docs)
        for (Sent& s : d.sents) {
            views.assign(s.words.begin(), s.words.end());
            fill_facts(lx, views.data(), views.size(), s.facts);
            tags.resize(views.size());
            tagger.tag(views.data(), views.size(), tags.data());
            for (std::size_t i = 0; i < views.size(); ++i) s.facts[i].pos = tags[i];
        }
}

/// Whether the recognizer reads the sentence at all (ner::may_hold_name()): trained as it is run.
bool worth_reading(const Sent& s) {
    return may_hold_name(
        s.facts.size(), [&](std::size_t i) { return s.facts[i].has_upper; }, [&](std::size_t i) { return s.facts[i].function; });
}

/// Averaged perceptron weights: w, and u = the sum of c * update, so that the average is w - u / c.
struct Weights {
    int width;
    std::unordered_map<std::uint64_t, std::uint32_t> index;
    std::vector<float> w;
    std::vector<double> u;
    explicit Weights(int wd) : width(wd) {}
    const float* row(std::uint64_t k) const {
        auto it = index.find(k);
        return it == index.end() ? nullptr : w.data() + std::size_t(it->second) * width;
    }
    std::size_t add_row(std::uint64_t k) {
        auto [it, inserted] = index.emplace(k, static_cast<std::uint32_t>(index.size()));
        if (inserted) {
            w.resize(w.size() + width, 0.0f);
            u.resize(u.size() + width, 0.0);
        }
        return std::size_t(it->second) * width;
    }
    void update(std::uint64_t k, int y, float v, double c) {
        const std::size_t r = add_row(k);
        w[r + y] += v;
        u[r + y] += c * v;
    }
    std::vector<float> averaged(double c) const {
        std::vector<float> a(w.size());
        for (std::size_t i = 0; i < w.size(); ++i) a[i] = static_cast<float>(w[i] - u[i] / c);
        return a;
    }
};

struct SeqModel {
    Weights em{n_labels};
    std::vector<float> trans = std::vector<float>((n_labels + 2) * n_labels, 0.0f);
    std::vector<double> trans_u = std::vector<double>((n_labels + 2) * n_labels, 0.0);
    double c = 1;
    // Averaged copies used for decoding held-out text.
    const std::vector<float>* avg_em = nullptr;
    const std::vector<float>* avg_trans = nullptr;
};

/// Decodes one document (in order: memory), filling pred; with `gold`, updates the model per sentence.
struct Decoder {
    std::vector<float> em, work;
    std::vector<std::uint64_t> feats;
    std::vector<std::vector<std::uint64_t>> sent_feats;

    void run(SeqModel& m, Doc& d, bool train, std::vector<std::vector<int>>& pred) {
        Memory memory;
        pred.assign(d.sents.size(), {});
        for (std::size_t si = 0; si < d.sents.size(); ++si) {
            Sent& s = d.sents[si];
            const std::size_t n = s.words.size();
            pred[si].assign(n, 0);
            if (!worth_reading(s)) continue;
            const SentenceFacts sf = sentence_facts(s.facts);
            sent_feats.resize(n);
            em.assign(n * n_labels, 0.0f);
            for (std::size_t i = 0; i < n; ++i) {
                sent_feats[i].clear();
                token_features(s.facts, sf, i, memory.get(s.facts[i].word), sent_feats[i]);
                float* row = em.data() + i * n_labels;
                for (std::uint64_t k : sent_feats[i]) {
                    auto it = m.em.index.find(k);
                    if (it == m.em.index.end()) continue;
                    const float* w = (train ? m.em.w.data() : m.avg_em->data()) + std::size_t(it->second) * n_labels;
                    for (int y = 0; y < n_labels; ++y) row[y] += w[y];
                }
            }
            viterbi(em.data(), n, train ? m.trans.data() : m.avg_trans->data(), pred[si].data(), work);
            if (train && pred[si] != s.labels) {
                const std::vector<int>& g = s.labels;
                const std::vector<int>& p = pred[si];
                for (std::size_t i = 0; i < n; ++i) {
                    if (g[i] != p[i])
                        for (std::uint64_t k : sent_feats[i]) {
                            m.em.update(k, g[i], 1.0f, m.c);
                            m.em.update(k, p[i], -1.0f, m.c);
                        }
                    const int ga = i == 0 ? 0 : g[i - 1] + 1, pa = i == 0 ? 0 : p[i - 1] + 1;
                    if (ga != pa || g[i] != p[i]) {
                        m.trans[ga * n_labels + g[i]] += 1;
                        m.trans_u[ga * n_labels + g[i]] += m.c;
                        m.trans[pa * n_labels + p[i]] -= 1;
                        m.trans_u[pa * n_labels + p[i]] -= m.c;
                    }
                }
                const int end = (n_labels + 1) * n_labels;
                if (g[n - 1] != p[n - 1]) {
                    m.trans[end + g[n - 1]] += 1;
                    m.trans_u[end + g[n - 1]] += m.c;
                    m.trans[end + p[n - 1]] -= 1;
                    m.trans_u[end + p[n - 1]] -= m.c;
                }
            }
            if (train) m.c += 1;
            memory.note(s.facts, pred[si].data());
        }
    }
};

struct Prf {
    std::size_t tp = 0, fp = 0, fn = 0;
    double p() const { return tp + fp ? double(tp) / double(tp + fp) : 0; }
    double r() const { return tp + fn ? double(tp) / double(tp + fn) : 0; }
    double f() const { return p() + r() > 0 ? 2 * p() * r() / (p() + r()) : 0; }
};

std::vector<std::tuple<std::size_t, std::size_t, int>> spans(const std::vector<int>& y) {
    std::vector<std::tuple<std::size_t, std::size_t, int>> out;
    for (std::size_t i = 0; i < y.size(); ++i) {
        if (y[i] == 0) continue;
        const int b = label_bilu(y[i]);
        if (b == 3) out.emplace_back(i, i + 1, int(label_class(y[i])));
        else if (b == 0) {
            std::size_t e = i + 1;
            while (e < y.size() && label_bilu(y[e]) != 2) ++e;
            out.emplace_back(i, e + 1, int(label_class(y[i])));
            i = e;
        }
    }
    return out;
}

void score(const std::vector<int>& gold, const std::vector<int>& pred, Prf& all, Prf* per) {
    auto g = spans(gold), p = spans(pred);
    std::sort(g.begin(), g.end());
    std::sort(p.begin(), p.end());
    std::vector<std::tuple<std::size_t, std::size_t, int>> both;
    std::set_intersection(g.begin(), g.end(), p.begin(), p.end(), std::back_inserter(both));
    all.tp += both.size();
    all.fp += p.size() - both.size();
    all.fn += g.size() - both.size();
    if (per) {
        for (auto& t : both) per[std::get<2>(t)].tp++;
        for (auto& t : p) per[std::get<2>(t)].fp++;
        for (auto& t : g) per[std::get<2>(t)].fn++;
        for (auto& t : both) {
            per[std::get<2>(t)].fp--;
            per[std::get<2>(t)].fn--;
        }
    }
}

Prf evaluate(SeqModel& m, std::vector<Doc*>& docs, Prf* per = nullptr) {
    Decoder dec;
    Prf all;
    std::vector<std::vector<int>> pred;
    for (Doc* d : docs) {
        dec.run(m, *d, false, pred);
        for (std::size_t si = 0; si < d->sents.size(); ++si) score(d->sents[si].labels, pred[si], all, per);
    }
    return all;
}

// --- the fine-type classifier ---------------------------------------------------------------------------

struct FineExample {
    std::vector<std::uint64_t> feats;
    Coarse coarse;
    int fine;
};

/// Spans of known fine type whose source says it. COUNTRY vs LOCATION only from sources that tell the
/// two apart (others call countries locations); ORG spans of legal filings are companies.
std::vector<FineExample> fine_examples(const Lexicons& lx, const std::vector<Doc*>& docs) {
    std::vector<FineExample> out;
    for (const Doc* d : docs) {
        const bool sec = d->source.find("sec") != std::string::npos;
        const bool crossner = d->source.find("crossner") != std::string::npos;
        for (const Sent& s : d->sents)
            for (auto [b, e, c] : spans(s.labels)) {
                int fine = s.fine[b];
                const Coarse cc = static_cast<Coarse>(c);
                if (cc == Coarse::ORG && sec && fine < 0) fine = int(Fine::COMPANY);
                if (cc == Coarse::LOC && !crossner) fine = -1;
                if (fine < 0 || !fine_allowed(cc, fine)) continue;
                FineExample ex{{}, cc, fine};
                span_features(lx, s.facts, b, e, cc, ex.feats);
                out.push_back(std::move(ex));
            }
    }
    return out;
}

/// The gazetteer's companies and organizations as spans without context: the annotated text has few
/// companies (most of its organizations are parties and groups), the gazetteer thousands of each, whose
/// words ("Motors", "Holdings", "Ministry", "Party") tell the two apart.
std::vector<FineExample> gazetteer_examples(const Lexicons& lx) {
    std::vector<FineExample> out;
    std::istringstream in(kg::detail::data_file("gazetteer.tsv"));
    std::string line;
    std::vector<std::string> words;
    std::vector<std::string_view> views;
    std::vector<TokenFacts> facts;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        const std::size_t t1 = line.find('\t'), t2 = line.find('\t', t1 + 1);
        if (t1 == std::string::npos || t2 == std::string::npos) continue;
        const std::string type = line.substr(t1 + 1, t2 - t1 - 1);
        const int fine = type == "COMPANY" ? int(Fine::COMPANY) : type == "ORGANIZATION" ? int(Fine::ORGANIZATION) : -1;
        if (fine < 0) continue;
        words.clear();
        std::istringstream ws(line.substr(0, t1));
        for (std::string w; ws >> w;) words.push_back(w);
        if (words.empty()) continue;
        views.assign(words.begin(), words.end());
        fill_facts(lx, views.data(), views.size(), facts);
        for (TokenFacts& f : facts) f.pos = Upos::PROPN;
        FineExample ex{{}, Coarse::ORG, fine};
        for (TokenFacts& f : facts) f.gaz = 0;
        span_features(lx, facts, 0, facts.size(), Coarse::ORG, ex.feats, false);
        out.push_back(std::move(ex));
    }
    return out;
}

int classify(const std::vector<float>& w, const Weights& wt, const FineExample& ex) {
    float sc[n_fine] = {};
    for (std::uint64_t k : ex.feats) {
        auto it = wt.index.find(k);
        if (it == wt.index.end()) continue;
        for (int y = 0; y < n_fine; ++y) sc[y] += w[std::size_t(it->second) * n_fine + y];
    }
    int best = -1;
    for (int y = 0; y < n_fine; ++y)
        if (fine_allowed(ex.coarse, y) && (best < 0 || sc[y] > sc[best])) best = y;
    return best;
}

// --- output ---------------------------------------------------------------------------------------------

void put(std::string& out, std::uint64_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}
void put_f32(std::string& out, float f) {
    std::uint32_t bits;
    std::memcpy(&bits, &f, 4);
    put(out, bits, 4);
}

/// A table of int16 rows scaled by one factor; rows whose weights all round to zero are left out, in key
/// order so that the file does not depend on hash-table order.
std::size_t put_table(std::string& out, const Weights& wt, const std::vector<float>& avg, float prune) {
    float mx = 0;
    for (float v : avg) mx = std::max(mx, std::fabs(v));
    const float scale = mx > 0 ? mx / 32767.0f : 1.0f;
    std::vector<std::pair<std::uint64_t, std::uint32_t>> keys(wt.index.begin(), wt.index.end());
    std::sort(keys.begin(), keys.end());
    std::string body;
    std::size_t kept = 0;
    for (auto [k, r] : keys) {
        float rmax = 0;
        for (int y = 0; y < wt.width; ++y) rmax = std::max(rmax, std::fabs(avg[std::size_t(r) * wt.width + y]));
        if (rmax <= prune * mx || std::lround(rmax / scale) == 0) continue;
        put(body, k, 8);
        for (int y = 0; y < wt.width; ++y)
            put(body, static_cast<std::uint16_t>(static_cast<std::int16_t>(std::lround(avg[std::size_t(r) * wt.width + y] / scale))), 2);
        ++kept;
    }
    put_f32(out, scale);
    put(out, kept, 4);
    out += body;
    return kept;
}

void usage() {
    std::cerr << "usage: kg-train-ner --train FILE --out MODEL [--test FILE]... [--epochs N] [--seed N] [--prune X]\n";
}

}  // namespace

int main(int argc, char** argv) {
    std::string train_path, out_path;
    std::vector<std::string> tests;
    int max_epochs = 12, fine_epochs = 10;
    unsigned seed = 1;
    float prune = 0.0f;
    bool gazetteer_fine = true;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) {
                usage();
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--train") train_path = next();
        else if (a == "--out") out_path = next();
        else if (a == "--test") tests.push_back(next());
        else if (a == "--epochs") max_epochs = std::stoi(next());
        else if (a == "--seed") seed = static_cast<unsigned>(std::stoul(next()));
        else if (a == "--prune") prune = std::stof(next());
        else if (a == "--no-gazetteer-fine") gazetteer_fine = false;
        else {
            usage();
            return 2;
        }
    }
    if (train_path.empty() || out_path.empty()) {
        usage();
        return 2;
    }
    try {
        const auto t0 = std::chrono::steady_clock::now();
        const Lexicons& lx = Lexicons::get();
        const Tagger& tagger = Tagger::get();
        std::vector<Doc> docs = read_docs(train_path);
        prepare(lx, tagger, docs);
        std::vector<Doc*> train, held;
        for (std::size_t i = 0; i < docs.size(); ++i) (i % 20 == 19 ? held : train).push_back(&docs[i]);
        std::size_t tokens = 0;
        for (const Doc& d : docs)
            for (const Sent& s : d.sents) tokens += s.words.size();
        std::fprintf(stderr, "%zu documents (%zu for training, %zu held out), %zu tokens; prepared in %.1f s\n", docs.size(),
                     train.size(), held.size(), tokens,
                     std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());

        SeqModel m;
        Decoder dec;
        std::mt19937 rng(seed);
        std::vector<std::vector<int>> pred;
        double best_f = -1;
        int best_epoch = 0;
        std::vector<float> best_em, best_trans;
        std::unordered_map<std::uint64_t, std::uint32_t> best_index;
        for (int epoch = 1; epoch <= max_epochs; ++epoch) {
            // Fisher-Yates with the generator's raw output: the same order on every standard library.
            for (std::size_t i = train.size(); i > 1; --i) std::swap(train[i - 1], train[rng() % i]);
            for (Doc* d : train) dec.run(m, *d, true, pred);
            std::vector<float> avg_em = m.em.averaged(m.c), avg_trans(m.trans.size());
            for (std::size_t i = 0; i < m.trans.size(); ++i) avg_trans[i] = static_cast<float>(m.trans[i] - m.trans_u[i] / m.c);
            m.avg_em = &avg_em;
            m.avg_trans = &avg_trans;
            const Prf f = evaluate(m, held);
            std::fprintf(stderr, "epoch %d: held-out span F1 %.4f (P %.4f R %.4f), %zu features, %.0f s\n", epoch, f.f(), f.p(),
                         f.r(), m.em.index.size(), std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
            if (f.f() > best_f) {
                best_f = f.f();
                best_epoch = epoch;
                best_em = std::move(avg_em);
                best_trans = std::move(avg_trans);
            } else if (epoch >= best_epoch + 2) {
                break;
            }
            m.avg_em = m.avg_trans = nullptr;
        }
        std::fprintf(stderr, "best epoch %d (held-out F1 %.4f)\n", best_epoch, best_f);
        // The rows added after the best epoch have a zero average up to it; trim the averaged copy's view.
        best_em.resize(m.em.w.size(), 0.0f);

        // Fine types.
        std::vector<Doc*> all;
        for (Doc& d : docs) all.push_back(&d);
        std::vector<FineExample> fx_train = fine_examples(lx, train), fx_held = fine_examples(lx, held);
        if (gazetteer_fine) {
            std::vector<FineExample> g = gazetteer_examples(lx);
            std::fprintf(stderr, "fine types: %zu gazetteer companies and organizations\n", g.size());
            for (FineExample& ex : g) fx_train.push_back(std::move(ex));
        }
        Weights fw(n_fine);
        double fc = 1;
        std::vector<std::size_t> order(fx_train.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        for (int epoch = 1; epoch <= fine_epochs; ++epoch) {
            for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
            for (std::size_t k : order) {
                const FineExample& ex = fx_train[k];
                const int y = classify(fw.w, fw, ex);
                if (y != ex.fine)
                    for (std::uint64_t f : ex.feats) {
                        fw.update(f, ex.fine, 1.0f, fc);
                        fw.update(f, y, -1.0f, fc);
                    }
                fc += 1;
            }
        }
        const std::vector<float> fine_avg = fw.averaged(fc);
        {
            std::size_t ok = 0;
            for (const FineExample& ex : fx_held) ok += classify(fine_avg, fw, ex) == ex.fine;
            std::fprintf(stderr, "fine types: %zu training spans, held-out accuracy %.4f on %zu\n", fx_train.size(),
                         fx_held.empty() ? 0.0 : double(ok) / double(fx_held.size()), fx_held.size());
        }

        std::string out(format::magic, 8);
        put(out, format::version, 4);
        put(out, n_labels, 4);
        put(out, n_fine, 4);
        for (float t : best_trans) put_f32(out, t);
        const std::size_t calibration_at = out.size();
        for (int k = 0; k < 4; ++k) put_f32(out, k % 2 == 0 ? 1.0f : 0.0f);  // fitted below
        const std::size_t kept_seq = put_table(out, m.em, best_em, prune);
        const std::size_t kept_fine = put_table(out, fw, fine_avg, 0.0f);
        {
            // Platt scaling: P(right) = 1 / (1 + exp(-(a * margin + b))), fitted on the held-out documents'
            // spans (right: the exact span and class of the gold) and fine types.
            const Recognizer raw = Recognizer::from_bytes(out, out_path);
            std::vector<std::pair<float, int>> span_pts, fine_pts;
            for (Doc* d : held) {
                Memory memory;
                std::vector<Span> found;
                for (Sent& s : d->sents) {
                    found.clear();
                    raw.recognize(lx, s.facts, memory, found);
                    auto gold = spans(s.labels);
                    for (const Span& sp : found) {
                        const bool right = std::find(gold.begin(), gold.end(), std::make_tuple(std::size_t(sp.b), std::size_t(sp.e), int(sp.coarse))) != gold.end();
                        span_pts.emplace_back(sp.margin, right);
                    }
                }
            }
            for (const FineExample& ex : fx_held) {
                float sc[n_fine] = {};
                for (std::uint64_t k : ex.feats)
                    if (auto it = fw.index.find(k); it != fw.index.end())
                        for (int y = 0; y < n_fine; ++y) sc[y] += fine_avg[std::size_t(it->second) * n_fine + y];
                int best = -1;
                float second = -1e30f;
                for (int y = 0; y < n_fine; ++y) {
                    if (!fine_allowed(ex.coarse, y)) continue;
                    if (best < 0 || sc[y] > sc[best]) {
                        if (best >= 0) second = std::max(second, sc[best]);
                        best = y;
                    } else second = std::max(second, sc[y]);
                }
                fine_pts.emplace_back(sc[best] - second, best == ex.fine);
            }
            auto platt = [](const std::vector<std::pair<float, int>>& pts, float& a, float& b) {
                // Gradient descent on the log loss, margins scaled to unit spread first.
                double mean = 0, sd = 0;
                for (auto& p : pts) mean += p.first;
                mean /= std::max<std::size_t>(1, pts.size());
                for (auto& p : pts) sd += (p.first - mean) * (p.first - mean);
                sd = std::sqrt(sd / std::max<std::size_t>(1, pts.size())) + 1e-9;
                double A = 1, B = 0;
                for (int it = 0; it < 3000; ++it) {
                    double ga = 0, gb = 0;
                    for (auto& p : pts) {
                        const double z = (p.first - mean) / sd, q = 1 / (1 + std::exp(-(A * z + B)));
                        ga += (q - p.second) * z;
                        gb += q - p.second;
                    }
                    A -= 0.5 * ga / double(pts.size());
                    B -= 0.5 * gb / double(pts.size());
                }
                a = static_cast<float>(A / sd);
                b = static_cast<float>(B - A * mean / sd);
            };
            float cal[4];
            platt(span_pts, cal[0], cal[1]);
            platt(fine_pts, cal[2], cal[3]);
            std::string patch;
            for (float c : cal) put_f32(patch, c);
            out.replace(calibration_at, 16, patch);
            std::fprintf(stderr, "calibration: spans a=%.4f b=%.4f (%zu held-out spans), fine a=%.4f b=%.4f (%zu)\n", cal[0], cal[1],
                         span_pts.size(), cal[2], cal[3], fine_pts.size());
            // Binned reliability of the span confidences on the held-out spans.
            int nb[5] = {}, ok[5] = {};
            for (auto& p : span_pts) {
                const double q = 1 / (1 + std::exp(-(cal[0] * p.first + cal[1])));
                const int k = std::min(4, int(q * 5));
                nb[k]++;
                ok[k] += p.second;
            }
            for (int k = 0; k < 5; ++k)
                if (nb[k]) std::fprintf(stderr, "  confidence %.1f-%.1f: %d spans, %.3f right\n", k / 5.0, (k + 1) / 5.0, nb[k], double(ok[k]) / nb[k]);
        }
        {
            std::ofstream f(out_path, std::ios::binary);
            f.write(out.data(), static_cast<std::streamsize>(out.size()));
            if (!f) throw std::runtime_error("cannot write " + out_path);
        }
        std::fprintf(stderr, "wrote %s: %.2f MB, %zu sequence features, %zu fine-type features\n", out_path.c_str(),
                     double(out.size()) / 1e6, kept_seq, kept_fine);

        // The model as the library loads it: load time, and scores on the test files.
        const auto l0 = std::chrono::steady_clock::now();
        const Recognizer rec = Recognizer::from_bytes(out, out_path);
        std::fprintf(stderr, "load time %.1f ms (%zu features)\n",
                     std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - l0).count(), rec.feature_count());
        for (const std::string& tp : tests) {
            std::vector<Doc> td = read_docs(tp);
            prepare(lx, tagger, td);
            Prf all_prf, per[n_coarse];
            std::size_t fine_ok[n_fine] = {}, fine_n[n_fine] = {};
            std::vector<Span> found;
            for (Doc& d : td) {
                Memory memory;
                for (Sent& s : d.sents) {
                    found.clear();
                    rec.recognize(lx, s.facts, memory, found);
                    std::vector<int> p(s.words.size(), 0);
                    for (const Span& sp : found) {
                        if (sp.e - sp.b == 1) p[sp.b] = label(sp.coarse, 3);
                        else {
                            p[sp.b] = label(sp.coarse, 0);
                            for (std::uint32_t k = sp.b + 1; k + 1 < sp.e; ++k) p[k] = label(sp.coarse, 1);
                            p[sp.e - 1] = label(sp.coarse, 2);
                        }
                        if (sp.fine >= 0 && s.fine[sp.b] >= 0 && fine_allowed(sp.coarse, s.fine[sp.b])) {
                            fine_n[s.fine[sp.b]]++;
                            fine_ok[s.fine[sp.b]] += sp.fine == s.fine[sp.b];
                        }
                    }
                    score(s.labels, p, all_prf, per);
                }
            }
            std::fprintf(stderr, "%s: span F1 %.4f (P %.4f R %.4f) | PER %.3f ORG %.3f LOC %.3f MISC %.3f", tp.c_str(), all_prf.f(),
                         all_prf.p(), all_prf.r(), per[0].f(), per[1].f(), per[2].f(), per[3].f());
            const char* names[n_fine] = {"COMPANY", "ORGANIZATION", "COUNTRY", "LOCATION", "EVENT", "PRODUCT", "WORK"};
            for (int y = 0; y < n_fine; ++y)
                if (fine_n[y]) std::fprintf(stderr, " | %s %zu/%zu", names[y], fine_ok[y], fine_n[y]);
            std::fprintf(stderr, "\n");
        }
    } catch (const std::exception& e) {
        std::cerr << "kg-train-ner: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
