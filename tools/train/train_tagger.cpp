// kg-train-tagger: trains the averaged-perceptron POS tagger of lib/text/tagger.cpp on a CoNLL-U
// treebank (UD English EWT), picks the number of epochs on the dev set, writes data/tagger.model, and
// reports accuracy, model size, load time and tagging speed of the model as the library loads it.
// Run by scripts/train_tagger.sh, never by the build or the tests.
#include "text/tagger.hpp"
#include "text/tagger_features.hpp"
#include "text/tokenize.hpp"

#include <kg/error.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

using namespace kg::detail;
using namespace kg::detail::tagger;

namespace {

struct Sent {
    std::vector<std::string> words;
    std::vector<int> tags;
};

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// Syntactic words and UPOS of a CoNLL-U file (multiword-token ranges and empty nodes skipped).
std::vector<Sent> read_conllu(const std::string& path, std::vector<std::string>* texts = nullptr) {
    std::vector<Sent> out;
    std::istringstream in(read_file(path));
    std::string line;
    Sent cur;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) {
            if (!cur.words.empty()) out.push_back(std::move(cur));
            cur = Sent{};
            continue;
        }
        if (line[0] == '#') {
            if (texts && line.rfind("# text = ", 0) == 0) texts->push_back(line.substr(9));
            continue;
        }
        std::vector<std::string> c;
        std::size_t s = 0;
        for (std::size_t i = 0; i <= line.size(); ++i)
            if (i == line.size() || line[i] == '\t') {
                c.push_back(line.substr(s, i - s));
                s = i + 1;
            }
        if (c.size() < 4 || c[0].find_first_of("-.") != std::string::npos) continue;
        auto t = parse_upos(c[3]);
        if (!t) throw std::runtime_error(path + ": unknown UPOS " + c[3]);
        cur.words.push_back(c[1]);
        cur.tags.push_back(static_cast<int>(*t));
    }
    if (!cur.words.empty()) out.push_back(std::move(cur));
    return out;
}

std::string norm_lower(const std::string& w, bool lower) {
    char buf[max_word];
    std::size_t n = normalize(w, buf);
    std::string s(buf, n);
    if (lower)
        for (char& c : s)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    return s;
}

struct Options {
    std::string train, dev, test, out;
    std::vector<std::string> bench;
    std::uint64_t seed = 1;
    int max_epochs = 25, patience = 4;
    int amb_min = 3;           ///< a lower-case form needs this many occurrences for an ambiguity class
    int dict_min = 20;         ///< a form needs this many occurrences to be in the tag dictionary...
    double dict_share = 0.995; ///< ...and this share of one tag
    int vocab_min = 1;         ///< forms precomputed at load time
    double prune = 0.02;       ///< averaged weights below this (absolute) are dropped
};

/// The training state: rows of 17 weights per feature index, averaged lazily.
struct Perceptron {
    std::unordered_map<std::uint64_t, std::uint32_t> index;
    std::vector<std::uint64_t> keys;
    std::vector<std::int32_t> w;
    std::vector<double> total;
    std::vector<std::int64_t> stamp;
    std::int64_t now = 0;

    std::uint32_t get(std::uint64_t k, bool create) {
        auto it = index.find(k);
        if (it != index.end()) return it->second;
        if (!create) return UINT32_MAX;
        auto i = static_cast<std::uint32_t>(keys.size());
        index.emplace(k, i);
        keys.push_back(k);
        w.resize(w.size() + n_tags, 0);
        total.resize(total.size() + n_tags, 0);
        stamp.push_back(0);
        return i;
    }
    void update(std::uint32_t f, int tag, int delta) {
        std::int64_t age = now - stamp[f];
        if (age) {
            for (int t = 0; t < n_tags; ++t) total[f * n_tags + t] += static_cast<double>(age) * w[f * n_tags + t];
            stamp[f] = now;
        }
        w[f * n_tags + tag] += delta;
    }
    std::vector<float> averaged() const {
        std::vector<float> a(w.size());
        for (std::size_t f = 0; f < keys.size(); ++f)
            for (int t = 0; t < n_tags; ++t) {
                std::size_t i = f * n_tags + t;
                a[i] = static_cast<float>((total[i] + static_cast<double>(now - stamp[f]) * w[i]) / std::max<std::int64_t>(now, 1));
            }
        return a;
    }
};

struct Lexicon {
    std::unordered_map<std::uint64_t, std::uint32_t> amb;  ///< lower hash → mask
    std::unordered_map<std::uint64_t, int> dict;           ///< norm hash → tag
    std::vector<std::string> vocab;
};

Lexicon build_lexicon(const std::vector<Sent>& train, const Options& o) {
    std::map<std::string, std::array<int, n_tags>> low, exact;
    for (const auto& s : train)
        for (std::size_t i = 0; i < s.words.size(); ++i) {
            low[norm_lower(s.words[i], true)][s.tags[i]]++;
            exact[norm_lower(s.words[i], false)][s.tags[i]]++;
        }
    Lexicon lx;
    for (const auto& [w, c] : low) {
        int n = 0;
        for (int x : c) n += x;
        if (n < o.amb_min) continue;
        std::uint32_t mask = 0;
        for (int t = 0; t < n_tags; ++t)
            if (c[t] > 0 && c[t] * 100 >= n) mask |= 1u << t;
        lx.amb[hash_sv(w)] = mask;
    }
    for (const auto& [w, c] : exact) {
        int n = 0, best = 0;
        for (int t = 0; t < n_tags; ++t) {
            n += c[t];
            if (c[t] > c[best]) best = t;
        }
        if (n >= o.vocab_min) lx.vocab.push_back(w);
        if (n >= o.dict_min && c[best] >= o.dict_share * n) lx.dict[hash_sv(w)] = best;
    }
    return lx;
}

/// Static (tag-independent) feature keys of every token of a sentence.
std::vector<std::vector<std::uint64_t>> sentence_keys(const Sent& s, const Lexicon& lx, std::vector<WordInfo>& infos) {
    int n = static_cast<int>(s.words.size());
    auto amb = [&](std::uint64_t h) {
        auto it = lx.amb.find(h);
        return it == lx.amb.end() ? 0u : it->second;
    };
    infos.clear();
    for (const auto& w : s.words) infos.push_back(analyze(w, amb));
    auto at = [&](int i) { return i < 0 || i >= n ? pad_word(i, n) : infos[i]; };
    std::vector<std::vector<std::uint64_t>> out(n);
    for (int i = 0; i < n; ++i) {
        auto emit = [&](std::uint64_t k) { out[i].push_back(k); };
        role_keys(self, infos[i], emit);
        role_keys(prev1, at(i - 1), emit);
        role_keys(prev2, at(i - 2), emit);
        role_keys(next1, at(i + 1), emit);
        role_keys(next2, at(i + 2), emit);
    }
    return out;
}

struct Prepared {
    std::vector<std::vector<std::vector<std::uint32_t>>> feats;  ///< sentence → token → feature indices
    std::vector<std::vector<WordInfo>> infos;
    std::vector<std::vector<int>> dict;                          ///< tag dictionary tag or -1
};

Prepared prepare(const std::vector<Sent>& data, const Lexicon& lx, Perceptron& p, bool create) {
    Prepared pr;
    for (const auto& s : data) {
        std::vector<WordInfo> infos;
        auto keys = sentence_keys(s, lx, infos);
        std::vector<std::vector<std::uint32_t>> f(keys.size());
        std::vector<int> d;
        for (std::size_t i = 0; i < keys.size(); ++i) {
            for (auto k : keys[i]) {
                auto x = p.get(k, create);
                if (x != UINT32_MAX) f[i].push_back(x);
            }
            auto it = lx.dict.find(infos[i].norm);
            d.push_back(it == lx.dict.end() ? -1 : it->second);
        }
        pr.feats.push_back(std::move(f));
        pr.infos.push_back(std::move(infos));
        pr.dict.push_back(std::move(d));
    }
    return pr;
}

/// Greedy decoding with weights `wt` (rows of n_tags); `on_token(i, guess, dyn)` sees each decision.
template <class Weight, class OnToken>
void decode(Perceptron& p, const Prepared& pr, std::size_t si, Weight&& wt, OnToken&& on_token) {
    const auto& feats = pr.feats[si];
    int t1 = start_tag, t2 = start_tag;
    std::uint64_t dyn[4];
    for (std::size_t i = 0; i < feats.size(); ++i) {
        const WordInfo& wi = pr.infos[si][i];
        dyn[0] = t1_key(t1);
        dyn[1] = t2_key(t2, t1);
        dyn[2] = t1_lower_key(t1, wi);
        dyn[3] = t1_shape_key(t1, wi);
        int guess = pr.dict[si][i];
        if (guess < 0) {
            double sc[n_tags] = {};
            auto add = [&](std::uint32_t f) {
                for (int t = 0; t < n_tags; ++t) sc[t] += wt(f, t);
            };
            for (auto f : feats[i]) add(f);
            for (auto k : dyn) {
                auto f = p.get(k, false);
                if (f != UINT32_MAX) add(f);
            }
            guess = 0;
            for (int t = 1; t < n_tags; ++t)
                if (sc[t] > sc[guess]) guess = t;
        }
        on_token(i, guess, dyn);
        t2 = t1;
        t1 = guess;
    }
}

std::uint64_t splitmix(std::uint64_t& s) {
    std::uint64_t z = (s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

void put(std::string& out, std::uint64_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

std::string write_model(const Perceptron& p, const std::vector<float>& avg, const Lexicon& lx, double prune) {
    float maxw = 0;
    for (float x : avg) maxw = std::max(maxw, std::fabs(x));
    float scale = maxw > 0 ? maxw / 32767.f : 1.f;
    std::vector<std::pair<std::uint64_t, std::uint32_t>> order;
    for (std::uint32_t f = 0; f < p.keys.size(); ++f) order.emplace_back(p.keys[f], f);
    std::sort(order.begin(), order.end());
    std::string keys, nnz, tags, weights;
    std::size_t n_feat = 0;
    for (auto [k, f] : order) {
        int cnt = 0;
        for (int t = 0; t < n_tags; ++t) {
            float x = avg[f * n_tags + t];
            long q = std::lround(x / scale);
            if (std::fabs(x) < prune || q == 0) continue;
            ++cnt;
            tags.push_back(static_cast<char>(t));
            put(weights, static_cast<std::uint16_t>(static_cast<std::int16_t>(q)), 2);
        }
        if (!cnt) continue;
        put(keys, k, 8);
        nnz.push_back(static_cast<char>(cnt));
        ++n_feat;
    }
    std::string out(model_magic, 8);
    put(out, model_version, 4);
    put(out, n_tags, 4);
    std::uint32_t sb;
    std::memcpy(&sb, &scale, 4);
    put(out, sb, 4);
    std::vector<std::pair<std::uint64_t, std::uint32_t>> amb(lx.amb.begin(), lx.amb.end());
    std::sort(amb.begin(), amb.end());
    put(out, amb.size(), 4);
    for (auto [h, m] : amb) {
        put(out, h, 8);
        put(out, m, 4);
    }
    std::vector<std::pair<std::uint64_t, int>> dict(lx.dict.begin(), lx.dict.end());
    std::sort(dict.begin(), dict.end());
    put(out, dict.size(), 4);
    for (auto [h, t] : dict) {
        put(out, h, 8);
        put(out, t, 1);
    }
    std::size_t n_vocab = 0;
    std::string vocab;
    for (const auto& w : lx.vocab)
        if (w.size() < 256) {
            put(vocab, w.size(), 1);
            vocab += w;
            ++n_vocab;
        }
    put(out, n_vocab, 4);
    out += vocab;
    put(out, n_feat, 4);
    out += keys;
    out += nnz;
    out += tags;
    out += weights;
    return out;
}

/// Where --dump writes every tag the library's tagger assigns (one sentence a line), so that a faster
/// tagger can be checked to give exactly the tags of the one before.
std::FILE* dump_file = nullptr;

void dump_tags(const char* name, const Upos* tags, std::size_t n) {
    if (!dump_file) return;
    std::fprintf(dump_file, "%s", name);
    for (std::size_t i = 0; i < n; ++i) std::fprintf(dump_file, " %s", std::string(to_string(tags[i])).c_str());
    std::fputc('\n', dump_file);
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

/// CPU time of this thread: the machine the model is trained on may be busy with other work.
double cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9;
}

/// Accuracy of the library's tagger on gold-tokenized sentences; also prints the confusions.
double evaluate(const Tagger& tg, const std::vector<Sent>& data, const char* name, bool details) {
    std::size_t ok = 0, all = 0;
    std::map<std::pair<int, int>, int> conf;
    for (const auto& s : data) {
        std::vector<std::string_view> w(s.words.begin(), s.words.end());
        auto tags = tg.tag(w);
        dump_tags(name, tags.data(), tags.size());
        for (std::size_t i = 0; i < tags.size(); ++i) {
            ++all;
            if (static_cast<int>(tags[i]) == s.tags[i]) ++ok;
            else ++conf[{s.tags[i], static_cast<int>(tags[i])}];
        }
    }
    double acc = all ? double(ok) / all : 0;
    std::printf("%s: UPOS accuracy %.4f (%zu/%zu tokens)\n", name, acc, ok, all);
    if (details) {
        std::vector<std::pair<int, std::pair<int, int>>> top;
        for (auto& [k, v] : conf) top.push_back({v, k});
        std::sort(top.rbegin(), top.rend());
        std::printf("  most frequent confusions (gold→guess):");
        for (std::size_t i = 0; i < top.size() && i < 10; ++i)
            std::printf(" %s→%s %d", std::string(to_string(static_cast<Upos>(top[i].second.first))).c_str(),
                        std::string(to_string(static_cast<Upos>(top[i].second.second))).c_str(), top[i].first);
        std::printf("\n");
    }
    return acc;
}

void bench(const Tagger& tg, const std::vector<std::string>& files) {
    std::string text;
    std::vector<std::string> paths;
    for (const auto& f : files) {
        if (std::filesystem::is_directory(f)) {
            std::vector<std::string> in_dir;
            for (const auto& e : std::filesystem::directory_iterator(f))
                if (e.path().extension() == ".txt") in_dir.push_back(e.path().string());
            std::sort(in_dir.begin(), in_dir.end());
            paths.insert(paths.end(), in_dir.begin(), in_dir.end());
        } else {
            paths.push_back(f);
        }
    }
    for (const auto& f : paths) {
        if (f.size() > 7 && f.compare(f.size() - 7, 7, ".conllu") == 0) {
            std::vector<std::string> texts;
            read_conllu(f, &texts);
            for (auto& t : texts) text += t + "\n";
        } else {
            text += read_file(f) + "\n";
        }
    }
    Abbreviations abbr;
    for (const char* a : {"mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "st", "inc", "ltd", "corp", "co", "jr"})
        abbr.all.insert(a);
    double c0 = cpu_seconds();
    Tokenized tk = tokenize(text, abbr);
    double tok_s = cpu_seconds() - c0;
    std::vector<std::vector<std::string_view>> sents;
    for (const auto& s : tk.sentences) {
        sents.emplace_back();
        for (auto i = s.begin; i < s.end; ++i) sents.back().push_back(tk.tokens[i].text);
    }
    std::vector<Upos> out(tk.tokens.size());
    // The first pass sees every unknown word for the first time; later passes find them in the
    // tagger's per-thread cache, so they flatter a small text.
    c0 = cpu_seconds();
    for (const auto& s : sents) tg.tag(s.data(), s.size(), out.data());
    double first = cpu_seconds() - c0;
    if (dump_file) {
        std::size_t at = 0;
        for (const auto& s : sents) {
            tg.tag(s.data(), s.size(), out.data() + at);
            dump_tags("bench", out.data() + at, s.size());
            at += s.size();
        }
    }
    std::printf("speed, first pass: %.2f M tokens/s, %.1f MB/s\n", tk.tokens.size() / first / 1e6, text.size() / first / 1e6);
    int reps = 0;
    c0 = cpu_seconds();
    double el = 0;
    while (el < 2.0) {
        for (const auto& s : sents) tg.tag(s.data(), s.size(), out.data());
        ++reps;
        el = cpu_seconds() - c0;
    }
    double per = el / reps;
    std::printf("speed, repeated: %.1f MB raw text, %zu tokens, %zu sentences; tagging alone %.2f M tokens/s, %.1f MB/s "
                "(tokenizing alone %.1f MB/s), one thread\n",
                text.size() / 1e6, tk.tokens.size(), sents.size(), tk.tokens.size() / per / 1e6, text.size() / per / 1e6,
                text.size() / tok_s / 1e6);
}

int usage() {
    std::fprintf(stderr,
                 "usage: kg-train-tagger --train TRAIN.conllu --dev DEV.conllu [--test TEST.conllu] --out MODEL\n"
                 "                       [--seed N] [--max-epochs N] [--prune X] [--bench FILE]...\n"
                 "                       [--dump FILE]   (every tag of dev, test and bench, for comparing taggers)\n"
                 "       kg-train-tagger --model MODEL [--dev F] [--test F] [--bench FILE]...   (evaluate only)\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) try {
    Options o;
    std::string model_path;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto val = [&]() -> std::string {
            if (i + 1 >= argc) throw std::runtime_error(a + " needs a value");
            return argv[++i];
        };
        if (a == "--train") o.train = val();
        else if (a == "--dev") o.dev = val();
        else if (a == "--test") o.test = val();
        else if (a == "--out") o.out = val();
        else if (a == "--model") model_path = val();
        else if (a == "--bench") o.bench.push_back(val());
        else if (a == "--dump") {
            std::string f = val();
            dump_file = std::fopen(f.c_str(), "w");
            if (!dump_file) throw std::runtime_error("cannot write " + f);
        }
        else if (a == "--seed") o.seed = std::stoull(val());
        else if (a == "--max-epochs") o.max_epochs = std::stoi(val());
        else if (a == "--prune") o.prune = std::stod(val());
        else if (a == "--amb-min") o.amb_min = std::stoi(val());
        else if (a == "--dict-min") o.dict_min = std::stoi(val());
        else if (a == "--dict-share") o.dict_share = std::stod(val());
        else if (a == "--vocab-min") o.vocab_min = std::stoi(val());
        else return usage();
    }
    std::string bytes;
    if (model_path.empty()) {
        if (o.train.empty() || o.dev.empty() || o.out.empty()) return usage();
        auto t_start = std::chrono::steady_clock::now();
        auto train = read_conllu(o.train), dev = read_conllu(o.dev);
        Lexicon lx = build_lexicon(train, o);
        Perceptron p;
        Prepared tr = prepare(train, lx, p, true), dv = prepare(dev, lx, p, false);
        std::printf("%zu training sentences, %zu static features, %zu ambiguity classes, %zu dictionary words\n",
                    train.size(), p.keys.size(), lx.amb.size(), lx.dict.size());
        std::vector<std::size_t> order(train.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::uint64_t rng = o.seed;
        std::vector<float> best_avg;
        double best = -1;
        int best_epoch = 0;
        for (int epoch = 1; epoch <= o.max_epochs && epoch - best_epoch <= o.patience; ++epoch) {
            for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[splitmix(rng) % i]);
            std::size_t wrong = 0;
            for (std::size_t si : order) {
                decode(p, tr, si, [&](std::uint32_t f, int t) { return double(p.w[f * n_tags + t]); },
                       [&](std::size_t i, int guess, const std::uint64_t* dyn) {
                           ++p.now;
                           int gold = train[si].tags[i];
                           if (guess == gold || tr.dict[si][i] >= 0) return;
                           ++wrong;
                           auto upd = [&](std::uint32_t f) {
                               p.update(f, gold, 1);
                               p.update(f, guess, -1);
                           };
                           for (auto f : tr.feats[si][i]) upd(f);
                           for (int d = 0; d < 4; ++d) upd(p.get(dyn[d], true));
                       });
            }
            auto avg = p.averaged();
            std::size_t ok = 0, all = 0;
            for (std::size_t si = 0; si < dev.size(); ++si)
                decode(p, dv, si, [&](std::uint32_t f, int t) { return double(avg[f * n_tags + t]); },
                       [&](std::size_t i, int guess, const std::uint64_t*) {
                           ++all;
                           ok += guess == dev[si].tags[i];
                       });
            double acc = double(ok) / all;
            std::printf("epoch %2d: training errors %zu, dev accuracy %.4f, %zu features\n", epoch, wrong, acc, p.keys.size());
            std::fflush(stdout);
            if (acc > best) {
                best = acc;
                best_epoch = epoch;
                best_avg = std::move(avg);
            }
        }
        std::printf("best epoch %d (dev %.4f); training took %.1f s\n", best_epoch, best, seconds_since(t_start));
        bytes = write_model(p, best_avg, lx, o.prune);
        std::ofstream out(o.out, std::ios::binary);
        out << bytes;
        if (!out.flush()) throw std::runtime_error("cannot write " + o.out);
        std::printf("wrote %s: %.2f MB\n", o.out.c_str(), bytes.size() / 1e6);
    } else {
        bytes = read_file(model_path);
    }
    double c0 = cpu_seconds();
    Tagger tg = Tagger::from_bytes(bytes);
    std::printf("model: %.2f MB, %zu features, loads in %.1f ms (CPU time)\n", bytes.size() / 1e6, tg.feature_count(),
                (cpu_seconds() - c0) * 1e3);
    if (!o.dev.empty()) evaluate(tg, read_conllu(o.dev), "dev (shipped model)", false);
    if (!o.test.empty()) evaluate(tg, read_conllu(o.test), "test (shipped model)", true);
    if (!o.bench.empty()) bench(tg, o.bench);
    if (dump_file && std::fclose(dump_file) != 0) throw std::runtime_error("cannot write the --dump file");
    return 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "kg-train-tagger: %s\n", e.what());
    return 1;
}
