// The dependency parser: the shipped model loads and malformed bytes are rejected naming the file; clear
// news-like sentences written for this test get their subject, object and agent; every parse is a tree;
// parsing is deterministic and linear; LAS on a sample of EWT test (never trained on) stays above a floor.
#include <doctest/doctest.h>

#include "parse/parser.hpp"

#include <kg/error.hpp>

#include "data/embedded.hpp"

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

using namespace kg::detail;

namespace {

struct Parsed {
    std::vector<std::string_view> words;
    std::vector<Arc> arcs;
    int head(std::size_t i) const { return arcs[i].head; }
    std::string rel(std::size_t i) const { return std::string(Parser::get().label_name(arcs[i].label)); }
    int find(std::string_view w) const {
        for (std::size_t i = 0; i < words.size(); ++i)
            if (words[i] == w) return static_cast<int>(i);
        return -1;
    }
};

Parsed parse(std::vector<std::string_view> words) {
    Parsed p;
    p.words = std::move(words);
    p.arcs = Parser::get().parse(p.words, Tagger::get().tag(p.words));
    return p;
}

/// One root, heads in range, no cycle.
bool is_tree(const std::vector<Arc>& arcs) {
    int roots = 0;
    const int n = static_cast<int>(arcs.size());
    for (int i = 0; i < n; ++i) {
        if (arcs[i].head == -1) ++roots;
        else if (arcs[i].head < 0 || arcs[i].head >= n || arcs[i].head == i) return false;
        int x = i, steps = 0;
        while (x != -1 && steps++ <= n) x = arcs[x].head;
        if (x != -1) return false;
    }
    return roots == 1;
}

}  // namespace

TEST_CASE("parser: the built-in model loads; malformed models are rejected naming the file") {
    const Parser& p = Parser::get();
    CHECK(&p == &Parser::get());
    CHECK(p.feature_count() > 100000);
    for (const char* l : {"root", "nsubj", "obj", "obl", "nsubj:pass", "case", "punct"}) CHECK(p.label_id(l) >= 0);
    CHECK(p.label_name(static_cast<std::uint8_t>(p.label_id("nsubj"))) == "nsubj");
    CHECK(p.label_id("no-such-relation") == -1);

    const std::string good(embedded_file("data/parser.model"));
    CHECK_NOTHROW(Parser::from_bytes(good, "copy"));
    auto message = [](const std::string& bytes) -> std::string {
        try {
            Parser::from_bytes(bytes, "some/parser.model");
        } catch (const kg::Error& e) {
            CHECK(e.code() == kg::ExitCode::bad_input);
            return e.what();
        }
        return "no error";
    };
    CHECK(message("not a model").find("some/parser.model") != std::string::npos);
    CHECK(message("").find("truncated") != std::string::npos);  // shorter than the magic itself
    CHECK(message("NOT-A-PARSER-MODEL").find("bad magic") != std::string::npos);
    CHECK(message(good.substr(0, good.size() / 2)).find("truncated") != std::string::npos);
    CHECK(message(good.substr(0, 13)).find("some/parser.model") != std::string::npos);
    CHECK(message(good + "x").find("trailing") != std::string::npos);
    std::string version = good;
    version[8] = 99;
    CHECK(message(version).find("version") != std::string::npos);
    std::string labels = good;
    labels[12] = 0;  // no labels
    CHECK(message(labels).find("label") != std::string::npos);
    for (std::size_t cut : {std::size_t(8), std::size_t(12), good.size() - 1})
        CHECK_THROWS_AS(Parser::from_bytes(good.substr(0, cut), "cut"), kg::Error);
}

TEST_CASE("parser: subject, object and root of an appointment") {
    auto p = parse({"Nordvale", "Bank", "appointed", "Maria", "Okafor", "as", "chief", "executive", "."});
    CHECK(p.head(2) == -1);
    CHECK(p.rel(2) == "root");
    // The subject is the name "Nordvale Bank": UD heads it by either word (compound: Bank; flat: Nordvale),
    // and the other word hangs from it.
    const int subj = p.head(1) == 2 ? 1 : 0;
    CHECK(p.head(subj) == 2);
    CHECK(p.rel(subj) == "nsubj");
    CHECK(p.head(1 - subj) == subj);
    // UD heads a name by its first word: Maria ← obj, Okafor ← flat of Maria.
    CHECK(p.head(3) == 2);
    CHECK(p.rel(3) == "obj");
    CHECK(p.head(4) == 3);
    CHECK(p.head(7) == 2);  // as chief executive: an oblique or xcomp of appointed
    CHECK(p.head(5) == 7);
    CHECK(p.rel(5) == "case");
    CHECK(p.rel(8) == "punct");
}

TEST_CASE("parser: passive subject and the by-agent") {
    auto p = parse({"The", "plant", "was", "bought", "by", "Acme", "."});
    CHECK(p.head(3) == -1);
    CHECK(p.head(1) == 3);
    CHECK(p.rel(1) == "nsubj:pass");
    CHECK(p.head(2) == 3);
    CHECK(p.rel(2) == "aux:pass");
    CHECK(p.head(5) == 3);
    CHECK((p.rel(5) == "obl:agent" || p.rel(5) == "obl"));
    CHECK(p.head(4) == 5);
    CHECK(p.rel(4) == "case");

    auto q = parse({"Toyota", "is", "based", "in", "Japan", "."});
    CHECK(q.head(2) == -1);
    CHECK(q.head(0) == 2);
    CHECK(q.rel(0) == "nsubj:pass");
    CHECK(q.head(4) == 2);
    CHECK(q.rel(4) == "obl");
}

TEST_CASE("parser: a reported sanction with its object and the speaker") {
    auto p = parse({"Germany", "sanctioned", "Russia", "over", "the", "war", "in", "Ukraine", ",", "Chancellor", "Lena",
                    "Brandt", "said", "."});
    CHECK(p.head(0) == 1);
    CHECK(p.rel(0) == "nsubj");
    CHECK(p.head(2) == 1);
    CHECK(p.rel(2) == "obj");
    CHECK(p.head(5) == 1);
    CHECK(p.rel(5) == "obl");
    CHECK(p.head(7) == 5);
    CHECK(p.rel(7) == "nmod");
    // The speaker is the subject of "said", not of "sanctioned".
    const int said = p.find("said");
    CHECK(p.head(p.find("Chancellor")) != 1);
    CHECK(p.arcs[10].head != 1);
    CHECK((p.head(said) == -1 || p.head(said) == 1));
}

TEST_CASE("parser: every parse is a tree; deterministic; empty input; long sentences stay linear") {
    std::vector<Arc> none;
    Parser::get().parse(nullptr, nullptr, 0, none.data());

    auto a = parse({"Elon", "Musk", "founded", "SpaceX", "in", "2002", "."});
    auto b = parse({"Elon", "Musk", "founded", "SpaceX", "in", "2002", "."});
    CHECK(is_tree(a.arcs));
    for (std::size_t i = 0; i < a.arcs.size(); ++i) {
        CHECK(a.arcs[i].head == b.arcs[i].head);
        CHECK(a.arcs[i].label == b.arcs[i].label);
    }
    CHECK(a.rel(3) == "obj");
    // The same on another thread (thread-local scratch).
    std::vector<Arc> other;
    std::thread t([&] { other = parse(a.words).arcs; });
    t.join();
    for (std::size_t i = 0; i < a.arcs.size(); ++i) CHECK(other[i].head == a.arcs[i].head);

    // Deep coordination: "apples , pears , ... and plums" 30000 words; a quadratic parser would take minutes.
    std::vector<std::string_view> words = {"She", "bought"};
    for (int i = 0; i < 15000; ++i) {
        words.push_back(i % 2 ? "pears" : "apples");
        words.push_back(",");
    }
    words.push_back("and");
    words.push_back("plums");
    words.push_back(".");
    const auto t0 = std::chrono::steady_clock::now();
    auto tags = Tagger::get().tag(words);
    auto arcs = Parser::get().parse(words, tags);
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    CHECK(s < 5.0);
    CHECK(is_tree(arcs));
}

TEST_CASE("parser: LAS on a sample of EWT test with the tagger's tags") {
    std::ifstream in(std::string(KG_TEST_DATA) + "/ewt-parse-sample.conllu");
    REQUIRE(in);
    std::string line;
    std::vector<std::string> words;
    std::vector<int> heads;
    std::vector<std::string> rels;
    std::size_t total = 0, uas = 0, las = 0, sentences = 0, trees = 0;
    auto flush = [&] {
        if (words.empty()) return;
        std::vector<std::string_view> w(words.begin(), words.end());
        auto arcs = Parser::get().parse(w, Tagger::get().tag(w));
        ++sentences;
        trees += is_tree(arcs);
        for (std::size_t i = 0; i < w.size(); ++i) {
            const bool h = arcs[i].head + 1 == heads[i];
            std::string pred(Parser::get().label_name(arcs[i].label)), gold = rels[i];
            pred = pred.substr(0, pred.find(':'));
            gold = gold.substr(0, gold.find(':'));
            ++total, uas += h, las += h && pred == gold;
        }
        words.clear(), heads.clear(), rels.clear();
    };
    while (std::getline(in, line)) {
        if (line.empty()) {
            flush();
            continue;
        }
        if (line[0] == '#') continue;
        std::vector<std::string> c;
        std::istringstream ss(line);
        for (std::string f; std::getline(ss, f, '\t');) c.push_back(f);
        REQUIRE(c.size() >= 8);
        words.push_back(c[1]);
        heads.push_back(std::stoi(c[6]));
        rels.push_back(c[7]);
    }
    flush();
    CHECK(sentences == 208);
    CHECK(trees == sentences);
    const double u = double(uas) / total, l = double(las) / total;
    MESSAGE("EWT sample: UAS " << u << ", LAS " << l << " over " << total << " words");
    // Measured with the shipped model; the margin allows a retrained one small differences.
    constexpr double measured = 0.8307;  // UAS 0.8561
    CHECK(l > measured - 0.02);
    CHECK(u > l);
}
