// kg-train-parser: trains the arc-eager dependency parser of lib/parse/parser.cpp (averaged perceptron,
// dynamic oracle of Goldberg & Nivre 2012 with exploration) on CoNLL-U treebanks, picks the epoch on the
// dev set, writes data/parser.model, and reports UAS/LAS of the shipped (pruned, quantized) model with gold
// and predicted tags, its size, load time and parsing speed. Run by scripts/train_parser.sh, never by the
// build or the tests.
#include "parse/parser.hpp"
#include "parse/parser_features.hpp"
#include "text/conllu.hpp"
#include "text/tagger.hpp"

#include <kg/error.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

using namespace kg::detail;
using namespace kg::detail::parse;

namespace {

struct Sent {
    std::vector<std::string> words;
    std::vector<Upos> gold_tags, tags;  ///< tags: what the parser trains on / is evaluated with
    std::vector<int> heads;             ///< 0 = root, else 1-based
    std::vector<std::string> rels;
};

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// Syntactic words of a CoNLL-U file (multiword-token ranges and empty nodes skipped), read by the library's
/// reader (text/conllu.hpp) so that training and kg-eval parse see the same words.
std::vector<Sent> read_treebank(const std::string& path) {
    std::vector<Sent> out;
    for (const auto& doc : kg::detail::read_conllu(path))
        for (const auto& sentence : doc.sentences) {
            Sent cur;
            for (const auto& w : sentence.words) {
                auto t = parse_upos(w.upos);
                if (!t) throw std::runtime_error(path + ":" + std::to_string(w.line) + ": unknown UPOS " + w.upos);
                if (w.head == kg::detail::conllu_no_head)
                    throw std::runtime_error(path + ":" + std::to_string(w.line) + ": HEAD is not a number");
                cur.words.push_back(w.form);
                cur.gold_tags.push_back(*t);
                cur.heads.push_back(static_cast<int>(w.head));
                cur.rels.push_back(w.deprel);
            }
            if (!cur.words.empty()) out.push_back(std::move(cur));
        }
    return out;
}

std::string base_rel(const std::string& r) { return r.substr(0, r.find(':')); }

double seconds_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

std::uint64_t splitmix(std::uint64_t& x) {
    std::uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/// Lifts non-projective arcs (the shortest first) to the head's head until the tree is projective
/// (Nivre & Nilsson 2005, no label encoding): the arc-eager system builds projective trees only.
int projectivize(std::vector<int>& h) {  // h[1..n], 0 = root
    const int n = static_cast<int>(h.size()) - 1;
    int lifted = 0;
    auto dominated = [&](int k, int by) {
        for (int x = k; x != 0; x = h[x])
            if (x == by) return true;
        return by == 0;
    };
    while (true) {
        int best = -1, best_len = 1 << 30;
        for (int d = 1; d <= n; ++d) {
            const int hd = h[d], lo = std::min(hd, d), hi = std::max(hd, d);
            if (hi - lo >= best_len) continue;
            for (int k = lo + 1; k < hi; ++k)
                if (!dominated(k, hd)) {
                    best = d, best_len = hi - lo;
                    break;
                }
        }
        if (best < 0) return lifted;
        h[best] = h[h[best]];
        ++lifted;
    }
}

struct Labels {
    std::vector<std::string> names;
    std::map<std::string, int> id;
    int of(const std::string& rel) const {
        auto it = id.find(rel);
        if (it != id.end()) return it->second;
        it = id.find(base_rel(rel));
        if (it != id.end()) return it->second;
        return id.at("dep");
    }
};

/// Base relations always; a subtype when it is frequent enough to learn ("nsubj:pass", "obl:agent").
Labels make_labels(const std::vector<Sent>& train, int min_count) {
    std::map<std::string, int> full;
    for (const auto& s : train)
        for (const auto& r : s.rels) ++full[r];
    std::map<std::string, int> keep;
    for (const auto& [r, c] : full) {
        keep[base_rel(r)] += 0;
        if (r.find(':') != std::string::npos && c >= min_count) keep[r] += c;
    }
    keep["dep"] += 0;
    keep["root"] += 0;
    Labels L;
    for (const auto& [r, c] : keep) L.names.push_back(r);
    if (static_cast<int>(L.names.size()) > max_labels) throw std::runtime_error("too many labels; raise --label-min");
    for (std::size_t i = 0; i < L.names.size(); ++i) L.id[L.names[i]] = static_cast<int>(i);
    return L;
}

/// The training state: per feature, the classes it has weights for, averaged lazily.
struct Perceptron {
    struct Param {
        float w = 0;
        std::uint32_t stamp = 0;
        double total = 0;
        int cls = 0;
    };
    std::unordered_map<std::uint64_t, std::uint32_t> index;
    std::vector<std::vector<Param>> rows;
    std::uint32_t now = 0;

    void score(const std::uint64_t* keys, int nk, float* sc) const {
        for (int i = 0; i < nk; ++i) {
            auto it = index.find(keys[i]);
            if (it == index.end()) continue;
            for (const Param& p : rows[it->second]) sc[p.cls] += p.w;
        }
    }
    void update(const std::uint64_t* keys, int nk, int good, int bad) {
        for (int i = 0; i < nk; ++i) {
            auto [it, fresh] = index.emplace(keys[i], static_cast<std::uint32_t>(rows.size()));
            if (fresh) rows.emplace_back();
            auto& row = rows[it->second];
            for (auto [cls, delta] : {std::pair{good, 1.f}, std::pair{bad, -1.f}}) {
                Param* p = nullptr;
                for (auto& q : row)
                    if (q.cls == cls) p = &q;
                if (!p) {
                    row.push_back(Param{0, now, 0, cls});
                    p = &row.back();
                }
                p->total += double(now - p->stamp) * p->w;
                p->stamp = now;
                p->w += delta;
            }
        }
    }
};

void put(std::string& out, std::uint64_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

/// The model file: averaged weights, those below `prune` (absolute) dropped, the rest as int16.
std::string write_model(const Perceptron& p, const Labels& L, double prune) {
    struct E { int cls; float w; };
    std::vector<std::pair<std::uint64_t, std::vector<E>>> feats;
    float most = 0;
    const double now = std::max<double>(p.now, 1);
    for (const auto& [key, row] : p.index) {
        std::vector<E> es;
        for (const auto& q : p.rows[row]) {
            const double avg = (q.total + double(p.now - q.stamp) * q.w) / now;
            if (std::fabs(avg) >= prune) es.push_back({q.cls, static_cast<float>(avg)});
        }
        if (es.empty()) continue;
        std::sort(es.begin(), es.end(), [](const E& a, const E& b) { return a.cls < b.cls; });
        for (const E& e : es) most = std::max(most, std::fabs(e.w));
        feats.emplace_back(key, std::move(es));
    }
    std::sort(feats.begin(), feats.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    const float scale = most > 0 ? most / 32767.f : 1.f;
    // Rounded weights of 0 are dropped, and so are features left with none.
    std::string keys, nnz, cls, ws;
    std::size_t n_feat = 0;
    for (const auto& [key, es] : feats) {
        std::string c, w;
        for (const E& e : es) {
            const long q = std::lround(e.w / scale);
            if (q == 0) continue;
            c.push_back(static_cast<char>(e.cls));
            put(w, static_cast<std::uint16_t>(static_cast<std::int16_t>(q)), 2);
            if (c.size() == 255) break;
        }
        if (c.empty()) continue;
        put(keys, key, 8);
        nnz.push_back(static_cast<char>(c.size()));
        cls += c;
        ws += w;
        ++n_feat;
    }
    std::string out(model_magic, 8);
    put(out, model_version, 4);
    put(out, L.names.size(), 1);
    for (const auto& n : L.names) {
        put(out, n.size(), 1);
        out += n;
    }
    put(out, n_feat, 4);
    return out + keys + nnz + cls + ws;
}

/// The model with weights below `min_q` (in the file's int16 units) dropped: a smaller file from a trained
/// one without training again.
std::string reprune(const std::string& bytes, int min_q) {
    std::size_t pos = 12;
    auto u = [&](std::size_t at, int n) {
        std::uint64_t v = 0;
        for (int i = 0; i < n; ++i) v |= std::uint64_t(static_cast<unsigned char>(bytes.at(at + i))) << (8 * i);
        return v;
    };
    const int nl = static_cast<int>(u(pos, 1));
    pos += 1;
    for (int l = 0; l < nl; ++l) pos += 1 + u(pos, 1);
    const std::size_t n_feat = u(pos, 4), head_end = pos;
    pos += 4;
    const std::size_t keys = pos, nnz = keys + 8 * n_feat;
    std::size_t total = 0;
    for (std::size_t i = 0; i < n_feat; ++i) total += u(nnz + i, 1);
    const std::size_t cls = nnz + n_feat, ws = cls + total;
    std::string k, z, c, w;
    std::size_t e = 0, kept = 0;
    for (std::size_t i = 0; i < n_feat; ++i) {
        std::string fc, fw;
        for (std::size_t j = 0, cnt = u(nnz + i, 1); j < cnt; ++j, ++e) {
            const auto q = static_cast<std::int16_t>(u(ws + 2 * e, 2));
            if (std::abs(q) < min_q) continue;
            fc.push_back(bytes[cls + e]);
            put(fw, static_cast<std::uint16_t>(q), 2);
        }
        if (fc.empty()) continue;
        k.append(bytes, keys + 8 * i, 8);
        z.push_back(static_cast<char>(fc.size()));
        c += fc;
        w += fw;
        ++kept;
    }
    std::string out = bytes.substr(0, head_end);
    put(out, kept, 4);
    return out + k + z + c + w;
}

struct Scores {
    std::size_t words = 0, uas = 0, las = 0, las_full = 0;
    std::size_t np_words = 0, np_uas = 0, np_las = 0;  ///< punctuation excluded
    double las_pct() const { return double(las) / std::max<std::size_t>(words, 1); }
};

Scores evaluate(const Parser& parser, const std::vector<Sent>& data, bool gold_tags) {
    Scores s;
    std::vector<std::string_view> words;
    std::vector<Arc> arcs;
    for (const auto& sent : data) {
        words.assign(sent.words.begin(), sent.words.end());
        arcs = parser.parse(words, gold_tags ? sent.gold_tags : sent.tags);
        for (std::size_t i = 0; i < words.size(); ++i) {
            const bool head_ok = arcs[i].head + 1 == sent.heads[i];
            const std::string pred(parser.label_name(arcs[i].label));
            const bool lab_ok = head_ok && base_rel(pred) == base_rel(sent.rels[i]);
            ++s.words, s.uas += head_ok, s.las += lab_ok, s.las_full += head_ok && pred == sent.rels[i];
            if (sent.gold_tags[i] != Upos::PUNCT) ++s.np_words, s.np_uas += head_ok, s.np_las += lab_ok;
        }
    }
    return s;
}

void report(const char* what, const Scores& s) {
    std::printf("%-34s UAS %.4f  LAS %.4f  (LAS with subtypes %.4f; punctuation excluded: UAS %.4f LAS %.4f), %zu words\n",
                what, double(s.uas) / s.words, double(s.las) / s.words, double(s.las_full) / s.words,
                double(s.np_uas) / s.np_words, double(s.np_las) / s.np_words, s.words);
}

struct Options {
    std::vector<std::string> train;
    std::string dev, test, out, model;
    std::uint64_t seed = 1;
    int max_epochs = 20, patience = 3, label_min = 100, explore_from = 2;
    double explore = 0.9, prune = 0.1, max_mb = 0;
    bool train_gold_tags = false;
    int min_q = 0;
    std::vector<std::string> fold_taggers;  ///< jackknife: tagger k tags sentences i % K == k of the first --train
};

void tag_all(std::vector<Sent>& data) {
    std::vector<std::string_view> w;
    for (auto& s : data) {
        w.assign(s.words.begin(), s.words.end());
        s.tags = Tagger::get().tag(w);
    }
}

/// Trains; returns the bytes of the model of the best dev epoch.
std::string train(const Options& o, std::vector<Sent>& data, const std::vector<Sent>& dev) {
    const auto t0 = std::chrono::steady_clock::now();
    const Labels L = make_labels(data, o.label_min);
    const int nl = static_cast<int>(L.names.size()), nc = n_classes(nl), root = L.id.at("root");
    struct Gold { std::vector<int> h, l; };  // 0 = ROOT position, words 1..n (index 0 unused)
    std::vector<Gold> gold(data.size());
    std::size_t lifted = 0, words = 0;
    for (std::size_t i = 0; i < data.size(); ++i) {
        const auto& s = data[i];
        Gold& g = gold[i];
        g.h.assign(s.words.size() + 2, -1);
        g.l.assign(s.words.size() + 2, -1);
        for (std::size_t k = 0; k < s.words.size(); ++k) g.h[k + 1] = s.heads[k], g.l[k + 1] = L.of(s.rels[k]);
        std::vector<int> h(g.h.begin(), g.h.end() - 1);
        h[0] = 0;
        lifted += projectivize(h);
        for (std::size_t k = 1; k < h.size(); ++k) g.h[k] = h[k];
        words += s.words.size();
    }
    std::printf("%zu training sentences, %zu words, %d labels, %zu arcs lifted to projectivize\n", data.size(), words, nl,
                lifted);
    Perceptron p;
    std::vector<std::size_t> order(data.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::uint64_t rng = o.seed;
    State st;
    Atoms at;
    std::uint64_t keys[max_features];
    std::vector<float> sc(static_cast<std::size_t>(nc));
    std::vector<int> cost(static_cast<std::size_t>(nc));
    std::vector<char> in_stack;
    std::string best_bytes;
    double prune = o.prune, best = -1;
    int best_epoch = 0;
    for (int epoch = 1; epoch <= o.max_epochs && epoch - best_epoch <= o.patience; ++epoch) {
        const auto te = std::chrono::steady_clock::now();
        for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[splitmix(rng) % i]);
        std::size_t errors = 0, steps = 0;
        for (std::size_t si : order) {
            const Sent& s = data[si];
            const auto& gh = gold[si].h;
            const auto& gl = gold[si].l;
            const int n = static_cast<int>(s.words.size());
            at.reset(s.words.size());
            const auto& tags = o.train_gold_tags ? s.gold_tags : s.tags;
            for (int i = 0; i < n; ++i) at.set(i + 1, word_hash(s.words[i]), static_cast<std::uint8_t>(tags[i]));
            st.reset(n, nl);
            in_stack.assign(static_cast<std::size_t>(n) + 2, 0);
            in_stack[0] = 1;
            while (!st.terminal()) {
                ++p.now;
                ++steps;
                const int nk = features(st, at, keys);
                std::fill(sc.begin(), sc.end(), 0.f);
                p.score(keys, nk, sc.data());
                // Costs (Goldberg & Nivre 2012): gold arcs each action makes unreachable.
                const int s0 = st.s0(), b = st.b;
                int c_sh = 0, c_re = 0, c_la = 0, c_ra = 0;
                for (int k : st.stack) {
                    if (gh[b] == k) ++c_sh;
                    if (st.head[k] < 0 && gh[k] == b) ++c_sh, ++c_ra;
                }
                for (int k = b; k <= n; ++k)
                    if (gh[k] == s0) ++c_re;
                c_la = c_re + (gh[s0] > b ? 1 : 0);
                if (gh[b] != s0 && (gh[b] > b || (gh[b] >= 0 && in_stack[gh[b]]))) ++c_ra;
                int pred = -1, best_ok = -1, min_cost = 1 << 30;
                for (int a = 0; a < nc; ++a) {
                    if (!st.valid(a, nl, root)) {
                        cost[a] = -1;
                        continue;
                    }
                    int c;
                    if (a == a_shift) c = c_sh;
                    else if (a == a_reduce) c = c_re;
                    else if (a < a_left + nl) c = c_la + (gh[s0] == b && gl[s0] != a - a_left);
                    else c = c_ra + (gh[b] == s0 && gl[b] != a - a_left - nl);
                    cost[a] = c;
                    min_cost = std::min(min_cost, c);
                    if (pred < 0 || sc[a] > sc[pred]) pred = a;
                }
                for (int a = 0; a < nc; ++a)
                    if (cost[a] == min_cost && (best_ok < 0 || sc[a] > sc[best_ok])) best_ok = a;
                int next = best_ok;
                if (cost[pred] != min_cost) {
                    ++errors;
                    p.update(keys, nk, best_ok, pred);
                    if (epoch > o.explore_from && double(splitmix(rng) >> 11) / double(1ULL << 53) < o.explore) next = pred;
                }
                if (next == a_shift || next >= a_left + nl) in_stack[b] = 1;
                else in_stack[s0] = 0;
                st.apply(next, nl);
            }
        }
        const double train_s = seconds_since(te);
        // Pruned harder until the file fits --max-mb: the dev score is the shipped model's.
        std::string bytes = write_model(p, L, prune);
        while (o.max_mb > 0 && bytes.size() > o.max_mb * 1e6) bytes = write_model(p, L, prune *= 1.25);
        const Parser parser = Parser::from_bytes(bytes, "epoch model");
        const Scores d = evaluate(parser, dev, false);
        std::printf("epoch %2d: %.1f s, errors %.4f of %zu steps, %zu features; dev LAS %.4f (predicted tags), model %.1f MB (prune %.3g)\n",
                    epoch, train_s, double(errors) / steps, steps, p.index.size(), d.las_pct(), bytes.size() / 1e6, prune);
        std::fflush(stdout);
        if (d.las_pct() > best) {
            best = d.las_pct();
            best_epoch = epoch;
            best_bytes = std::move(bytes);
        }
    }
    std::printf("best epoch %d (dev LAS %.4f); training took %.1f s\n", best_epoch, best, seconds_since(t0));
    return best_bytes;
}

double cpu_seconds() { return double(std::clock()) / CLOCKS_PER_SEC; }

void bench(const Parser& parser, const std::vector<Sent>& data) {
    std::vector<std::vector<std::string_view>> words(data.size());
    std::size_t tokens = 0;
    for (std::size_t i = 0; i < data.size(); ++i) {
        words[i].assign(data[i].words.begin(), data[i].words.end());
        tokens += data[i].words.size();
    }
    std::vector<Arc> out(512);
    std::size_t check = 0;
    const int reps = 5;
    const double c0 = cpu_seconds();
    for (int r = 0; r < reps; ++r)
        for (std::size_t i = 0; i < data.size(); ++i) {
            if (out.size() < words[i].size()) out.resize(words[i].size());
            parser.parse(words[i].data(), data[i].tags.data(), words[i].size(), out.data());
            check += static_cast<std::size_t>(out[0].head + 1);
        }
    const double el = cpu_seconds() - c0;
    std::printf("speed: %zu sentences, %zu tokens x %d, CPU %.2f s: %.0f tokens/s, %.0f sentences/s, one thread "
                "(parsing alone, tags given; checksum %zu)\n",
                data.size(), tokens, reps, el, tokens * reps / el, data.size() * reps / el, check);
}

int usage() {
    std::fprintf(stderr,
                 "usage: kg-train-parser --train FILE.conllu... --dev DEV.conllu [--test TEST.conllu] --out MODEL\n"
                 "                       [--seed N] [--max-epochs N] [--patience N] [--prune X] [--max-mb MB] [--label-min N]\n"
                 "                       [--explore P] [--explore-from EPOCH] [--gold-tags] [--fold-tagger MODEL]...\n"
                 "       kg-train-parser --model MODEL [--dev F] [--test F] [--min-weight Q --out SMALLER]   (evaluate only)\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) try {
    Options o;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto val = [&]() -> std::string {
            if (i + 1 >= argc) throw std::runtime_error(a + " needs a value");
            return argv[++i];
        };
        if (a == "--train") o.train.push_back(val());
        else if (a == "--dev") o.dev = val();
        else if (a == "--test") o.test = val();
        else if (a == "--out") o.out = val();
        else if (a == "--model") o.model = val();
        else if (a == "--seed") o.seed = std::stoull(val());
        else if (a == "--max-epochs") o.max_epochs = std::stoi(val());
        else if (a == "--patience") o.patience = std::stoi(val());
        else if (a == "--prune") o.prune = std::stod(val());
        else if (a == "--max-mb") o.max_mb = std::stod(val());
        else if (a == "--label-min") o.label_min = std::stoi(val());
        else if (a == "--explore") o.explore = std::stod(val());
        else if (a == "--explore-from") o.explore_from = std::stoi(val());
        else if (a == "--gold-tags") o.train_gold_tags = true;
        else if (a == "--min-weight") o.min_q = std::stoi(val());
        else if (a == "--fold-tagger") o.fold_taggers.push_back(val());
        else return usage();
    }
    std::vector<Sent> dev, test;
    if (!o.dev.empty()) dev = read_treebank(o.dev), tag_all(dev);
    if (!o.test.empty()) test = read_treebank(o.test), tag_all(test);
    std::string bytes;
    if (o.model.empty()) {
        if (o.train.empty() || dev.empty() || o.out.empty()) return usage();
        // The runtime parses the tagger's tags, so training reads them too, errors included. The library's
        // tagger learned EWT train: tagging it would give the parser tags more accurate than it ever sees,
        // so with --fold-tagger that file is tagged by taggers that did not learn the sentence (jackknife).
        std::vector<Sent> data;
        for (std::size_t fi = 0; fi < o.train.size(); ++fi) {
            auto part = read_treebank(o.train[fi]);
            if (fi == 0 && !o.fold_taggers.empty()) {
                std::vector<Tagger> folds;
                for (const auto& f : o.fold_taggers) folds.push_back(Tagger::from_bytes(read_file(f)));
                std::vector<std::string_view> w;
                for (std::size_t i = 0; i < part.size(); ++i) {
                    w.assign(part[i].words.begin(), part[i].words.end());
                    part[i].tags = folds[i % folds.size()].tag(w);
                }
            } else {
                tag_all(part);
            }
            for (auto& s : part) data.push_back(std::move(s));
        }
        std::size_t right = 0, all = 0;
        for (const auto& s : data)
            for (std::size_t i = 0; i < s.tags.size(); ++i) ++all, right += s.tags[i] == s.gold_tags[i];
        std::printf("training tags: accuracy %.4f%s\n", double(right) / all, o.fold_taggers.empty() ? "" : " (jackknifed)");
        bytes = train(o, data, dev);
        std::ofstream out(o.out, std::ios::binary);
        out << bytes;
        if (!out.flush()) throw std::runtime_error("cannot write " + o.out);
        std::printf("wrote %s: %.2f MB\n", o.out.c_str(), bytes.size() / 1e6);
    } else {
        bytes = read_file(o.model);
        if (o.min_q > 0) {
            bytes = reprune(bytes, o.min_q);
            if (!o.out.empty()) {
                std::ofstream out(o.out, std::ios::binary);
                out << bytes;
                if (!out.flush()) throw std::runtime_error("cannot write " + o.out);
            }
        }
    }
    const double c0 = cpu_seconds();
    const Parser parser = Parser::from_bytes(bytes, "model");
    std::printf("model: %.2f MB, %zu features, %zu labels, loads in %.1f ms (CPU time)\n", bytes.size() / 1e6,
                parser.feature_count(), parser.label_count(), (cpu_seconds() - c0) * 1e3);
    for (auto [data, name] : {std::pair{&dev, "dev"}, std::pair{&test, "test"}}) {
        if (data->empty()) continue;
        report((std::string(name) + ", gold tags:").c_str(), evaluate(parser, *data, true));
        report((std::string(name) + ", predicted tags (library tagger):").c_str(), evaluate(parser, *data, false));
    }
    if (!test.empty()) bench(parser, test);
    return 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "kg-train-parser: %s\n", e.what());
    return 1;
}
