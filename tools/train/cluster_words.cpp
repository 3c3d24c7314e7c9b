// kg-cluster-words: Brown word clusters (Brown et al. 1992) from unlabelled text, with the window
// algorithm of Liang (2005, "Semi-supervised learning for natural language", MIT M.Eng. thesis): the
// words, most frequent first, enter a window of C clusters one at a time; each entry is followed by the
// merge of the two clusters whose union loses the least average mutual information between adjacent
// clusters; when every word is in, the C clusters are merged down to one. A word's bit string is its
// cluster's path from the root of that merge tree, so prefixes of the bit string are coarser clusters.
//
// Input: UTF-8 text, one sentence or paragraph per line; bigrams never cross a line. With --tokenize
// each line is split by the library's tokenizer (lib/text/tokenize.cpp), so that the clustered words are
// the ones it sees at run time (punctuation and hyphens split off, possessive 's split, "U.S." and the
// abbreviations of data/abbreviations.txt keep their period);
// otherwise on white space. Words are kept as written (case kept). Only words seen --min-count times
// (at most --max-words of them) are clustered; bigrams touching another word are left out.
//
// Output: "# " comment lines, then word<TAB>bits (every word of a cluster has the cluster's bit string),
// sorted by bit string, then by falling frequency, then bytewise. The token "#" is clustered but not
// written (the line would read as a comment).
//
// Cost: O(V C^2) in the worst case; the updates touch only the pairs that have a bigram with the smaller
// of the two merged clusters (or with the entering word), the other pairs' L provably stays the same
// (about 1.5 min for V = 18k, C = 1000 on one core). Deterministic: no randomness, one thread, ties go to
// the first pair in slot order; the same binary on the same machine writes the same file byte for byte
// (another libm or compiler may break a near-tie differently). Build with -DKG_CLUSTER_CHECK to compare
// every incremental L with its definition (slow). Run by scripts/build_clusters.sh,
// never by the build or the tests.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <limits>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "text/tokenize.hpp"
#include "text/util.hpp"

namespace {

bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

/// The abbreviations of a file in data/abbreviations.txt's format (word, optional "title" column).
kg::detail::Abbreviations read_abbreviations(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    kg::detail::Abbreviations a;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::string w = line.substr(0, line.find('\t'));
        while (!w.empty() && is_space(static_cast<unsigned char>(w.back()))) w.pop_back();
        std::size_t b = 0;
        while (b < w.size() && is_space(static_cast<unsigned char>(w[b]))) ++b;
        if (b < w.size()) a.all.insert(kg::detail::lower(w.substr(b)));
    }
    return a;
}

// ------------------------------------------------------------------------------------------------
// Brown clustering.

/// p log(p / (l r)), 0 when p is 0. Written without a branch so that the pair loops vectorise: l r is
/// kept above 0 (a word never seen on one side has l or r 0, and then p is 0 too).
inline double h(double p, double l, double r) {
    constexpr double tiny = 1e-300;
    return p * std::log(std::max(p, tiny) / std::max(l * r, tiny));
}

class Brown {
public:
    using Neighbours = std::vector<std::vector<std::pair<std::uint32_t, double>>>;

    /// V words ranked by falling frequency (0 = most frequent); bigram probabilities between them as
    /// per-word lists (right[w]: (v, p(w v)), left[w]: (v, p(v w))); left and right marginals per word.
    Brown(std::size_t V, std::size_t C, Neighbours right, Neighbours left, std::vector<double> pl, std::vector<double> pr)
        : V_(V), C_(std::min(C, V)), K_(C_ + 1), right_(std::move(right)), left_(std::move(left)), wpl_(std::move(pl)),
          wpr_(std::move(pr)) {
        for (auto* v : {&p_, &pt_, &q_, &qt_, &L_}) v->assign(K_ * K_, 0.0);
        for (auto* v : {&pl_, &pr_, &qrow_, &qcol_, &prow_, &pcol_, &tmp_, &g1_, &g2_}) v->assign(K_, 0.0);
        for (auto& s : scratch_) s.assign(K_, 0.0);
        in_z_.assign(K_, 0);
        node_.assign(K_, 0);
        rep_.assign(K_, 0);
        parent_.resize(V_);
        for (std::size_t w = 0; w < V_; ++w) parent_[w] = static_cast<std::uint32_t>(w);
        slot_of_root_.assign(V_, 0);
    }

    /// Runs the algorithm. Returns each word's final cluster (0 .. C-1: the slots when the last word is in)
    /// and the tree over those clusters: the child pairs of internal nodes C, C+1, ... (the last is the root).
    std::pair<std::vector<std::uint32_t>, std::vector<std::pair<std::uint32_t, std::uint32_t>>> run(bool verbose) {
        auto t0 = std::chrono::steady_clock::now();
        for (std::size_t w = 0; w < V_; ++w) {
            add_word(static_cast<std::uint32_t>(w));
            if (m_ > C_) merge_best();
            if (verbose && ((w + 1) % 2000 == 0 || w + 1 == V_)) {
                double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
                std::fprintf(stderr, "  %zu/%zu words in, %.0f s, mutual information %.4f nats\n", w + 1, V_, s, mi());
            }
        }
        std::vector<std::uint32_t> leaf(V_);
        for (std::size_t w = 0; w < V_; ++w) leaf[w] = static_cast<std::uint32_t>(slot_of(static_cast<std::uint32_t>(w)));
        for (std::size_t s = 0; s < m_; ++s) node_[s] = static_cast<std::uint32_t>(s);
        next_node_ = static_cast<std::uint32_t>(m_);
        tree_ = true;
        while (m_ > 1) merge_best();
        return {leaf, merges_};
    }

private:
    // Slots 0 .. m_-1 hold the clusters. p(a b): probability of the bigram "a word of cluster a, then one
    // of cluster b" (over the bigrams of clustered words); q(a b) = p(a b) log(p(a b) / (pl(a) pr(b))),
    // its term of the mutual information; pt_, qt_ the transposes, so that columns are contiguous too;
    // qrow_, qcol_, prow_, pcol_ the row and column sums of q and p over the slots; L(a, b) (stored for
    // a < b) the change of the mutual information if a and b merged.
    double& P(std::size_t a, std::size_t b) { return p_[a * K_ + b]; }
    double& Q(std::size_t a, std::size_t b) { return q_[a * K_ + b]; }
    double& Lp(std::size_t a, std::size_t b) { return a < b ? L_[a * K_ + b] : L_[b * K_ + a]; }

    std::uint32_t find(std::uint32_t w) {
        while (parent_[w] != w) {
            parent_[w] = parent_[parent_[w]];
            w = parent_[w];
        }
        return w;
    }
    std::size_t slot_of(std::uint32_t w) { return slot_of_root_[find(w)]; }

    double mi() {
        double s = 0;
        for (std::size_t a = 0; a < m_; ++a) s += qrow_[a];
        return s;
    }

    /// After slot x's row and column of p (or its marginals) changed: their q, the transposes and the
    /// sums. pt_ and qt_ still hold the old values, so the other slots' sums change by the difference.
    void refresh(std::size_t x) {
        double qr = 0, qc = 0, pr = 0, pc = 0;
        for (std::size_t y = 0; y < m_; ++y) {
            const double pxy = P(x, y), pyx = P(y, x);
            const double qxy = h(pxy, pl_[x], pr_[y]), qyx = h(pyx, pl_[y], pr_[x]);
            Q(x, y) = qxy;
            Q(y, x) = qyx;
            qr += qxy;
            qc += qyx;
            pr += pxy;
            pc += pyx;
            if (y != x) {
                qrow_[y] += qyx - qt_[x * K_ + y];
                qcol_[y] += qxy - qt_[y * K_ + x];
                prow_[y] += pyx - pt_[x * K_ + y];
                pcol_[y] += pxy - pt_[y * K_ + x];
            }
            pt_[y * K_ + x] = pxy;
            pt_[x * K_ + y] = pyx;
            qt_[y * K_ + x] = qxy;
            qt_[x * K_ + y] = qyx;
        }
        qrow_[x] = qr;
        qcol_[x] = qc;
        prow_[x] = pr;
        pcol_[x] = pc;
    }

    /// The sums from scratch (now and then, so that rounding cannot pile up).
    void resum() {
        for (std::size_t a = 0; a < m_; ++a) {
            double qr = 0, qc = 0, pr = 0, pc = 0;
            for (std::size_t x = 0; x < m_; ++x) {
                qr += q_[a * K_ + x];
                qc += qt_[a * K_ + x];
                pr += p_[a * K_ + x];
                pc += pt_[a * K_ + x];
            }
            qrow_[a] = qr;
            qcol_[a] = qc;
            prow_[a] = pr;
            pcol_[a] = pc;
        }
    }

    /// L(a, b) from its definition (debugging check).
    double full_L(std::size_t a, std::size_t b) {
        const double ul = pl_[a] + pl_[b], ur = pr_[a] + pr_[b];
        double d = 0;
        for (std::size_t x = 0; x < m_; ++x) {
            if (x == a || x == b) continue;
            d += h(P(a, x) + P(b, x), ul, pr_[x]) + h(P(x, a) + P(x, b), pl_[x], ur) - Q(a, x) - Q(x, a) - Q(b, x) -
                 Q(x, b);
        }
        d += h(P(a, a) + P(a, b) + P(b, a) + P(b, b), ul, ur) - Q(a, a) - Q(b, b) - Q(a, b) - Q(b, a);
        return d;
    }

    /// Indices y < m_ with v[y] > 0.
    void support(const double* v, std::vector<std::uint32_t>& out) {
        out.clear();
        for (std::size_t y = 0; y < m_; ++y)
            if (v[y] > 0) out.push_back(static_cast<std::uint32_t>(y));
    }

    /// Σ_x h(pa[x] + ps[x], l, r[x]) for a row pa of cluster a and marginal l of the union a ∪ s, when q
    /// holds h(pa[x], la, r[x]) and psum = Σ_x pa[x]: only the x where ps[x] > 0 (zs) need a logarithm,
    /// the others give q(a x) - pa[x] log(l / la).
    double union_sum(const double* pa, const double* qa, double qsum, double psum, double la, double l,
                     const std::vector<std::uint32_t>& zs, const double* psz, const double* rz) {
        const double lam = la > 0 ? std::log(l / la) : 0.0;
        const std::size_t n = zs.size();
        double* pz = g1_.data();
        double* qz = g2_.data();
        for (std::size_t k = 0; k < n; ++k) {
            pz[k] = pa[zs[k]];
            qz[k] = qa[zs[k]];
        }
        double d = 0;
        for (std::size_t k = 0; k < n; ++k) d += h(pz[k] + psz[k], l, rz[k]) - qz[k] + lam * pz[k];
        return d + qsum - lam * psum;
    }

    /// L(a, s) for every slot a != s.
    void all_L(std::size_t s) {
        const double* ps = &p_[s * K_];
        const double* pts = &pt_[s * K_];
        support(ps, zr_);
        support(pts, zc_);
        std::vector<double>& psz = scratch_[9];
        std::vector<double>& prz = scratch_[10];
        std::vector<double>& ptsz = scratch_[11];
        std::vector<double>& plz = scratch_[12];
        for (std::size_t k = 0; k < zr_.size(); ++k) {
            psz[k] = ps[zr_[k]];
            prz[k] = pr_[zr_[k]];
        }
        for (std::size_t k = 0; k < zc_.size(); ++k) {
            ptsz[k] = pts[zc_[k]];
            plz[k] = pl_[zc_[k]];
        }
        for (std::size_t a = 0; a < m_; ++a) {
            if (a == s) continue;
            const double* pa = &p_[a * K_];
            const double* pta = &pt_[a * K_];
            const double ul = pl_[a] + pl_[s], ur = pr_[a] + pr_[s];
            // Σ over every x of both halves (row: a ∪ s then x; column: x then a ∪ s) ...
            double d = union_sum(pa, &q_[a * K_], qrow_[a], prow_[a], pl_[a], ul, zr_, psz.data(), prz.data());
            // column half: h(p(x a) + p(x s), pl(x), ur), the same with the roles of the marginals swapped
            d += union_sum(pta, &qt_[a * K_], qcol_[a], pcol_[a], pr_[a], ur, zc_, ptsz.data(), plz.data());
            // ... less the terms of x = a and x = s, which belong to the union's own bigram
            d -= h(pa[a] + ps[a], ul, pr_[a]) + h(pta[a] + pts[a], pl_[a], ur);
            d -= h(pa[s] + ps[s], ul, pr_[s]) + h(pta[s] + pts[s], pl_[s], ur);
            const double qaa = Q(a, a), qss = Q(s, s), qas = Q(a, s), qsa = Q(s, a);
            d -= qrow_[a] + qcol_[a] + qrow_[s] + qcol_[s] - 2 * (qaa + qss + qas + qsa);
            d += h(pa[a] + pa[s] + ps[a] + ps[s], ul, ur) - qaa - qss - qas - qsa;
            Lp(a, s) = d;
        }
    }

    /// Slot x as the "other" cluster of L's sum: its column and row of p and q(y x) + q(x y), copied.
    struct Side {
        const double* c;   // p(y x)
        const double* r;   // p(x y)
        const double* qq;  // q(y x) + q(x y)
        double plx, prx;
    };
    Side side(std::size_t x, std::size_t k) {
        double* c = scratch_[3 * k].data();
        double* r = scratch_[3 * k + 1].data();
        double* qq = scratch_[3 * k + 2].data();
        for (std::size_t y = 0; y < m_; ++y) {
            c[y] = pt_[x * K_ + y];
            r[y] = P(x, y);
            qq[y] = qt_[x * K_ + y] + Q(x, y);
        }
        return {c, r, qq, pl_[x], pr_[x]};
    }

    /// L(a, b) += Σ_k sign[k] * (the terms of x_k in L(a, b)'s sum), for the pairs a < b < m_ with a or b
    /// in z: the caller knows that the change is 0 for the other pairs.
    void update_pairs(const Side* s, const double* sign, int ns, const std::vector<std::uint32_t>& z) {
        const double* pl = pl_.data();
        const double* pr = pr_.data();
        double* t = tmp_.data();
        for (auto a : z) in_z_[a] = 1;
        for (std::uint32_t a : z) {
            const double pla = pl[a], pra = pr[a];
            for (std::size_t b = 0; b < m_; ++b) t[b] = 0;
            for (int k = 0; k < ns; ++k) {
                const double* c = s[k].c;
                const double* r = s[k].r;
                const double* qq = s[k].qq;
                const double ca = c[a], ra = r[a], qa = qq[a], prx = s[k].prx, plx = s[k].plx, sg = sign[k];
                for (std::size_t b = 0; b < m_; ++b)
                    t[b] += sg * (h(ca + c[b], pla + pl[b], prx) + h(ra + r[b], plx, pra + pr[b]) - qa - qq[b]);
            }
            double* La = &L_[a * K_];
            for (std::size_t b = a + 1; b < m_; ++b) La[b] += t[b];
            for (std::size_t b = 0; b < a; ++b)
                if (!in_z_[b]) L_[b * K_ + a] += t[b];
        }
        for (auto a : z) in_z_[a] = 0;
    }

    /// Slots y < m_ with p(y x) > 0 or p(x y) > 0 for the side x.
    void side_support(const Side& sd, std::vector<std::uint32_t>& out) {
        out.clear();
        for (std::size_t y = 0; y < m_; ++y)
            if (sd.c[y] > 0 || sd.r[y] > 0) out.push_back(static_cast<std::uint32_t>(y));
    }

    void add_word(std::uint32_t w) {
        const std::size_t s = m_;
        rep_[s] = w;
        slot_of_root_[w] = s;
        for (std::size_t y = 0; y <= s; ++y) P(s, y) = P(y, s) = 0.0;
        for (auto [v, pv] : right_[w])
            if (v <= w) P(s, v == w ? s : slot_of(v)) += pv;  // w then v (w w included)
        for (auto [v, pv] : left_[w])
            if (v < w) P(slot_of(v), s) += pv;  // v then w
        pl_[s] = wpl_[w];
        pr_[s] = wpr_[w];
        m_ = s + 1;
        refresh(s);
        // The pairs of the old slots gain s's terms (0 unless a or b has a bigram with s); then L(., s).
        m_ = s;
        Side sd = side(s, 0);
        side_support(sd, z_);
        const double one = 1.0;
        update_pairs(&sd, &one, 1, z_);
        m_ = s + 1;
        all_L(s);
        if (++steps_ % 512 == 0) resum();
    }

    void merge_best() {
#ifdef KG_CLUSTER_CHECK  // debugging: the incremental L against L from its definition
        double worst = 0;
        for (std::size_t a = 0; a + 1 < m_; ++a)
            for (std::size_t b = a + 1; b < m_; ++b) worst = std::max(worst, std::fabs(Lp(a, b) - full_L(a, b)));
        if (worst > 1e-12) std::fprintf(stderr, "L drift %g at m=%zu\n", worst, m_);
#endif
        // The largest L (the first in row-major order among equals): row maxima first, which vectorise.
        std::size_t bi = 0;
        double best = -std::numeric_limits<double>::max();
        for (std::size_t a = 0; a + 1 < m_; ++a) {
            const double* La = &L_[a * K_];
            double mx = -std::numeric_limits<double>::max();
            for (std::size_t b = a + 1; b < m_; ++b) mx = std::max(mx, La[b]);
            if (mx > best) {
                best = mx;
                bi = a;
            }
        }
        std::size_t bj = bi + 1;
        while (bj + 1 < m_ && L_[bi * K_ + bj] != best) ++bj;
        merge(bi, bj);
    }

    /// Merges slots i < j into i; the last slot moves to j.
    void merge(std::size_t i, std::size_t j) {
        Side sides[3];
        sides[0] = side(i, 0);  // i and j before the merge: their terms leave every other pair's L
        sides[1] = side(j, 1);
        // Pairs that have no bigram with j keep their L: the terms of i ∪ j equal those of i (and the
        // other way round), so only pairs touching the smaller support are updated.
        side_support(sides[1], z_);
        side_support(sides[0], zr_);
        if (zr_.size() < z_.size()) z_.swap(zr_);
        for (std::size_t y = 0; y < m_; ++y) {
            if (y == i || y == j) continue;
            P(i, y) += P(j, y);
            P(y, i) += P(y, j);
        }
        P(i, i) = P(i, i) + P(i, j) + P(j, i) + P(j, j);
        for (std::size_t y = 0; y < m_; ++y) P(j, y) = P(y, j) = 0.0;
        pl_[i] += pl_[j];
        pr_[i] += pr_[j];
        pl_[j] = pr_[j] = 0.0;
        refresh(i);
        refresh(j);
        sides[2] = side(i, 2);  // the union's terms join them
        // Pairs with i or j are recomputed or dropped below, so the changed pl_/pr_ of i and j do not matter.
        const double sign[3] = {-1.0, -1.0, 1.0};
        update_pairs(sides, sign, 3, z_);
        if (tree_) {  // once every word is in: a new internal node, children ordered by node id
            const std::uint32_t ni = node_[i], nj = node_[j];
            merges_.emplace_back(std::min(ni, nj), std::max(ni, nj));
            node_[i] = next_node_++;
        }
        const std::uint32_t ri = find(rep_[i]), rj = find(rep_[j]);
        const std::uint32_t root = std::min(ri, rj);
        parent_[std::max(ri, rj)] = root;
        rep_[i] = root;
        slot_of_root_[root] = i;
        const std::size_t last = m_ - 1;
        if (j != last) {
            for (std::size_t y = 0; y < m_; ++y) {
                P(j, y) = P(last, y);
                P(y, j) = P(y, last);
            }
            P(j, j) = P(last, last);
            pl_[j] = pl_[last];
            pr_[j] = pr_[last];
            node_[j] = node_[last];
            rep_[j] = rep_[last];
            slot_of_root_[find(rep_[j])] = j;
            for (std::size_t y = 0; y < last; ++y)
                if (y != j) Lp(y, j) = Lp(y, last);
            for (std::size_t y = 0; y < m_; ++y) P(last, y) = P(y, last) = 0.0;
            pl_[last] = pr_[last] = 0.0;
            refresh(j);
            refresh(last);
        }
        --m_;
        all_L(i);
    }

    std::size_t V_, C_, K_;
    Neighbours right_, left_;
    std::vector<double> wpl_, wpr_;
    std::vector<double> p_, pt_, q_, qt_, L_, pl_, pr_, qrow_, qcol_, prow_, pcol_, tmp_, g1_, g2_;
    std::vector<double> scratch_[13];
    std::vector<std::uint32_t> z_, zr_, zc_;
    std::vector<char> in_z_;
    std::vector<std::uint32_t> node_, rep_, parent_;
    std::vector<std::size_t> slot_of_root_;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> merges_;
    std::size_t m_ = 0, steps_ = 0;
    bool tree_ = false;
    std::uint32_t next_node_ = 0;
};

void usage() {
    std::cerr << "usage: kg-cluster-words --input TEXT --output FILE [--tokenize --abbreviations FILE] [--write-tokens FILE]\n"
                 "         [--clusters C] [--min-count N] [--max-words N] [--comment LINE]... [--quiet]\n";
}

}  // namespace

int main(int argc, char** argv) {
    std::string input, output, abbr_path, tokens_path;
    std::size_t C = 1000, min_count = 5, max_words = 60000;
    bool tokenize_lines = false, verbose = true;
    std::vector<std::string> comments;
    std::string command = "kg-cluster-words";
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) { usage(); std::exit(2); }
            return argv[++i];
        };
        if (a == "--input") input = next();
        else if (a == "--output") output = next();
        else if (a == "--abbreviations") abbr_path = next();
        else if (a == "--tokenize") tokenize_lines = true;
        else if (a == "--write-tokens") tokens_path = next();
        else if (a == "--clusters") C = std::stoul(next());
        else if (a == "--min-count") min_count = std::stoul(next());
        else if (a == "--max-words") max_words = std::stoul(next());
        else if (a == "--comment") { comments.push_back(next()); continue; }
        else if (a == "--quiet") verbose = false;
        else { usage(); return 2; }
        command += " " + a;
        if (a != "--tokenize" && a != "--quiet") command += " " + std::string(argv[i]);
    }
    if (input.empty() || output.empty() || C < 2 || (tokenize_lines && abbr_path.empty())) {
        usage();
        return 2;
    }
    try {
        auto t0 = std::chrono::steady_clock::now();
        kg::detail::Abbreviations abbr;
        kg::detail::Tokenized tokenized;
        if (tokenize_lines) abbr = read_abbreviations(abbr_path);
        std::ifstream in(input, std::ios::binary);
        if (!in) throw std::runtime_error("cannot read " + input);
        // Pass 1: the text as word ids per line.
        std::unordered_map<std::string, std::uint32_t> ids;
        std::vector<std::string> words;
        std::vector<std::uint64_t> count;
        std::vector<std::uint32_t> text;  // word ids, UINT32_MAX between lines
        std::vector<std::string_view> toks;
        std::string line;
        std::size_t n_lines = 0;
        std::ofstream tokens_out;
        if (!tokens_path.empty()) {
            tokens_out.open(tokens_path, std::ios::binary);
            if (!tokens_out) throw std::runtime_error("cannot write " + tokens_path);
        }
        while (std::getline(in, line)) {
            toks.clear();
            if (tokenize_lines) {
                // The library's own tokenizer: the clustered words are the ones it gives at run time.
                kg::detail::tokenize(line, abbr, tokenized);
                for (const auto& t : tokenized.tokens) toks.push_back(t.text);
            }
            else {
                std::size_t i = 0;
                while (i < line.size()) {
                    while (i < line.size() && is_space(static_cast<unsigned char>(line[i]))) ++i;
                    std::size_t s = i;
                    while (i < line.size() && !is_space(static_cast<unsigned char>(line[i]))) ++i;
                    if (i > s) toks.push_back(std::string_view(line).substr(s, i - s));
                }
            }
            if (!tokens_path.empty()) {
                for (std::size_t k = 0; k < toks.size(); ++k) tokens_out << (k ? " " : "") << toks[k];
                tokens_out << '\n';
            }
            if (toks.empty()) continue;
            ++n_lines;
            for (auto t : toks) {
                auto [it, fresh] = ids.emplace(std::string(t), static_cast<std::uint32_t>(words.size()));
                if (fresh) { words.emplace_back(t); count.push_back(0); }
                ++count[it->second];
                text.push_back(it->second);
            }
            text.push_back(UINT32_MAX);
        }
        const std::size_t n_tokens = text.size() - n_lines;
        // Rank: falling count, then bytewise.
        std::vector<std::uint32_t> order(words.size());
        for (std::size_t k = 0; k < order.size(); ++k) order[k] = static_cast<std::uint32_t>(k);
        std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
            return count[a] != count[b] ? count[a] > count[b] : words[a] < words[b];
        });
        std::size_t V = 0;
        while (V < order.size() && V < max_words && count[order[V]] >= min_count) ++V;
        std::vector<std::uint32_t> rank(words.size(), UINT32_MAX);
        for (std::size_t r = 0; r < V; ++r) rank[order[r]] = static_cast<std::uint32_t>(r);
        std::uint64_t covered = 0;
        for (std::size_t r = 0; r < V; ++r) covered += count[order[r]];
        // Bigrams between clustered words.
        std::unordered_map<std::uint64_t, std::uint64_t> big;
        std::uint64_t N = 0;
        for (std::size_t k = 0; k + 1 < text.size(); ++k) {
            std::uint32_t a = text[k], b = text[k + 1];
            if (a == UINT32_MAX || b == UINT32_MAX) continue;
            std::uint32_t ra = rank[a], rb = rank[b];
            if (ra == UINT32_MAX || rb == UINT32_MAX) continue;
            ++big[(static_cast<std::uint64_t>(ra) << 32) | rb];
            ++N;
        }
        std::vector<std::pair<std::uint64_t, std::uint64_t>> bl(big.begin(), big.end());
        std::sort(bl.begin(), bl.end());
        std::vector<std::vector<std::pair<std::uint32_t, double>>> right(V), left(V);
        std::vector<double> pl(V, 0.0), pr(V, 0.0);
        for (auto [key, c] : bl) {
            std::uint32_t a = static_cast<std::uint32_t>(key >> 32), b = static_cast<std::uint32_t>(key & 0xffffffffu);
            double p = static_cast<double>(c) / static_cast<double>(N);
            right[a].emplace_back(b, p);
            left[b].emplace_back(a, p);
            pl[a] += p;
            pr[b] += p;
        }
        if (verbose)
            std::fprintf(stderr,
                         "%zu lines, %zu tokens, %zu distinct words; clustering %zu words seen >= %zu times "
                         "(%.1f%% of tokens), %llu bigrams, %zu clusters\n",
                         n_lines, n_tokens, words.size(), V, min_count, 100.0 * covered / std::max<std::size_t>(n_tokens, 1),
                         static_cast<unsigned long long>(N), std::min(C, V));
        Brown brown(V, C, std::move(right), std::move(left), std::move(pl), std::move(pr));
        auto [leaf, merges] = brown.run(verbose);
        // Paths from the root to the final clusters.
        const std::size_t n_leaves = merges.size() + 1, n_nodes = n_leaves + merges.size();
        std::vector<std::string> bits(n_nodes);
        std::vector<std::uint32_t> stack{static_cast<std::uint32_t>(n_nodes - 1)};
        while (!stack.empty()) {
            std::uint32_t x = stack.back();
            stack.pop_back();
            if (x < n_leaves) continue;
            auto [c0, c1] = merges[x - n_leaves];
            bits[c0] = bits[x] + "0";
            bits[c1] = bits[x] + "1";
            stack.push_back(c0);
            stack.push_back(c1);
        }
        if (n_leaves == 1) bits[0] = "0";
        std::vector<std::uint32_t> out_order(V);
        for (std::size_t r = 0; r < V; ++r) out_order[r] = static_cast<std::uint32_t>(r);
        std::stable_sort(out_order.begin(), out_order.end(), [&](std::uint32_t a, std::uint32_t b) {
            return bits[leaf[a]] < bits[leaf[b]];
        });  // rank order (falling count, then bytewise) within a cluster
        std::size_t depth_max = 0, depth_sum = 0;
        for (std::size_t c = 0; c < n_leaves; ++c) {
            depth_max = std::max(depth_max, bits[c].size());
            depth_sum += bits[c].size();
        }
        std::ofstream out(output, std::ios::binary);
        if (!out) throw std::runtime_error("cannot write " + output);
        for (const auto& c : comments) out << "# " << c << "\n";
        out << "# " << command << "\n";
        out << "# " << n_lines << " lines, " << n_tokens << " tokens, " << words.size() << " distinct words; " << V
            << " words clustered (seen >= " << min_count << " times), " << std::min(C, V) << " clusters\n";
        out << "# word<TAB>bits: the cluster's path from the root of the merge tree; prefixes are coarser clusters\n";
        for (std::uint32_t r : out_order)
            if (words[order[r]][0] != '#') out << words[order[r]] << '\t' << bits[leaf[r]] << '\n';
        if (!out) throw std::runtime_error("cannot write " + output);
        if (verbose)
            std::fprintf(stderr, "wrote %s: %zu words in %zu clusters (path length mean %.1f, max %zu), %.1f s\n",
                         output.c_str(), V, n_leaves, static_cast<double>(depth_sum) / n_leaves, depth_max,
                         std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    } catch (const std::exception& e) {
        std::cerr << "kg-cluster-words: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
