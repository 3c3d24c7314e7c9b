// Fast paths of the extraction pipeline against the plain definitions they replaced: the output files
// (fingerprints are saved in the JSON) must stay byte-identical, so each fast path must compute exactly
// the same values.
#include <doctest/doctest.h>

#include <kg/dedup.hpp>
#include <kg/extract.hpp>

#include "core/doc.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>
#include <string>
#include <vector>

namespace {

std::uint64_t ref_mix(std::uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

// kg::fingerprint() as first written: a ring of five word hashes indexed modulo 5, every step of every
// shingle hash computed per shingle, three range tests per byte.
kg::Fingerprint ref_fingerprint(std::string_view text) {
    constexpr std::size_t kShingle = 5;
    constexpr std::uint32_t kEmpty = UINT32_MAX;
    kg::Fingerprint f;
    f.bins.fill(kEmpty);
    std::uint64_t window[kShingle] = {};
    std::size_t words = 0;
    std::uint64_t h = 0;
    bool in_word = false;
    auto end_word = [&] {
        window[words % kShingle] = ref_mix(h);
        ++words;
        h = 0;
        in_word = false;
        if (words < kShingle) return;
        std::uint64_t s = 0;
        for (std::size_t k = 0; k < kShingle; ++k) s = ref_mix(s ^ window[(words + k) % kShingle]);
        const std::size_t bin = static_cast<std::size_t>(s >> 58);
        const std::uint32_t v = static_cast<std::uint32_t>(s);
        if (v < f.bins[bin]) f.bins[bin] = v;
        ++f.shingles;
    };
    for (unsigned char c : text) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
        const bool upper = c >= 'A' && c <= 'Z';
        if (alnum || upper) {
            h = (h ^ static_cast<unsigned char>(upper ? c + 32 : c)) * 0x100000001b3ULL + 1;
            in_word = true;
        } else if (in_word) {
            end_word();
        }
    }
    if (in_word) end_word();
    if (f.shingles > 0)
        for (std::size_t b = 0; b < kg::Fingerprint::kBins; ++b) {
            if (f.bins[b] != kEmpty) continue;
            for (std::size_t k = 1; k < kg::Fingerprint::kBins; ++k) {
                const std::uint32_t v = f.bins[(b + k) % kg::Fingerprint::kBins];
                if (v != kEmpty) {
                    f.bins[b] = v + static_cast<std::uint32_t>(k);
                    break;
                }
            }
        }
    return f;
}

}  // namespace

TEST_CASE("fingerprint equals its reference definition on random and every-byte text") {
    std::mt19937 rng(777);
    static const std::vector<std::string> pieces = {"The", "cat", " ", "  ", "\n", "U.S.", "é", "中", "\xff", "\0",
                                                    "42", "Z", "-", "'s", "a", ",", "ACME", "_", "\t"};
    for (int round = 0; round < 300; ++round) {
        std::string text;
        const std::size_t n = rng() % 400;
        for (std::size_t i = 0; i < n; ++i) text += pieces[rng() % pieces.size()];
        if (round % 7 == 0)
            for (int c = 0; c < 256; ++c) (text += static_cast<char>(c)) += (c % 3 ? "x " : " ");
        const kg::Fingerprint a = kg::fingerprint(text), b = ref_fingerprint(text);
        CHECK(a.shingles == b.shingles);
        CHECK(a.bins == b.bins);
    }
}

TEST_CASE("fingerprint equals its reference on long texts, short texts and words longer than its blocks") {
    // fingerprint() hashes words in blocks of text cut into stretches after word separators: texts of
    // several blocks, a word longer than a block, texts with no separator or only separators, and texts
    // of a few bytes (stretches of no bytes) must give the reference values all the same.
    std::mt19937 rng(2024);
    static const std::vector<std::string> pieces = {"Word", "x", " ", ".", "\xC3\xA9t\xC3\xA9", "12", "\n", "AB", "-"};
    std::vector<std::string> texts;
    for (int round = 0; round < 6; ++round) {
        std::string text;
        const std::size_t target = 20000 + rng() % 150000;
        while (text.size() < target) text += pieces[rng() % pieces.size()];
        texts.push_back(text);
    }
    texts.push_back(std::string(100000, 'a'));
    texts.push_back(std::string(100000, ' '));
    texts.push_back("one two " + std::string(70000, 'q') + " three four five six seven " + std::string(40000, 'Z'));
    texts.push_back(std::string(32767, 'k') + " a b c d e f g h");
    for (int len = 0; len < 12; ++len)
        for (int round = 0; round < 40; ++round) {
            std::string text;
            for (int i = 0; i < len; ++i) text += "a b.C"[rng() % 5];
            texts.push_back(text);
        }
    for (const std::string& text : texts) {
        const kg::Fingerprint a = kg::fingerprint(text), b = ref_fingerprint(text);
        CHECK(a.shingles == b.shingles);
        CHECK(a.bins == b.bins);
    }
}

namespace {

// The texts of the seed articles, plus sentences made to exercise contractions, curly quotes and
// sentences cut at the token limit.
std::vector<std::string> sample_texts() {
    std::vector<std::string> texts;
    std::vector<std::filesystem::path> paths;
    for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(KG_SOURCE_DIR) / "seeds"))
        if (e.path().extension() == ".txt") paths.push_back(e.path());
    std::sort(paths.begin(), paths.end());
    for (const auto& p : paths) {
        std::ifstream in(p, std::ios::binary);
        std::ostringstream ss;
        ss << in.rdbuf();
        texts.push_back(ss.str());
    }
    texts.push_back("I don\xE2\x80\x99t think they\xE2\x80\x99ll sign. \xE2\x80\x9CWe cannot,\xE2\x80\x9D said Li Qiang.\nAcme said it "
                    "gonna release R2. The U.S. Senate met.");
    std::string list;
    for (int i = 0; i < 700; ++i) list += i % 3 ? "Acme, " : "they address it ";
    texts.push_back(list);
    return texts;
}

kg::detail::DocState prepared(const kg::Document& doc) {
    kg::detail::DocState st;
    st.doc = &doc;
    st.lx = &kg::detail::Lexicons::get();
    st.tok = kg::detail::tokenize(doc.text, st.lx->abbreviations);
    kg::detail::prepare_tokens(st);
    kg::detail::tag_tokens(st);
    return st;
}

}  // namespace

TEST_CASE("tags filled on demand equal tagging every sentence, in any order of asking") {
    using namespace kg::detail;
    std::mt19937 rng(11);
    for (const std::string& text : sample_texts()) {
        kg::Document doc;
        doc.id = "d";
        doc.text = text;
        DocState st = prepared(doc);
        const auto& T = st.tok.tokens;
        REQUIRE(!T.empty());
        // The plain definition: every sentence tagged as a whole, in order.
        std::vector<Upos> all(T.size(), Upos::X);
        for (const Sentence& se : st.tok.sentences) {
            std::vector<std::string_view> words;
            for (std::uint32_t i = se.begin; i < se.end; ++i) words.push_back(T[i].text);
            Tagger::get().tag(words.data(), words.size(), all.data() + se.begin);
        }
        std::vector<std::uint32_t> order(T.size());
        for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
        std::shuffle(order.begin(), order.end(), rng);
        for (std::uint32_t i : order) {
            CHECK(st.tag(i) == all[i]);
            CHECK(st.verb(i) == (all[i] == Upos::VERB || all[i] == Upos::AUX));
        }
        for (std::uint32_t i = 0; i < T.size(); ++i) {
            const Sentence& se = st.tok.sentences[st.sentence_of(i)];
            CHECK((se.begin <= i && i < se.end));
        }
    }
}

TEST_CASE("tagging a sentence a prefix at a time gives the tags of tagging it whole") {
    using namespace kg::detail;
    std::mt19937 rng(5);
    // Words that split into two parts, are rewritten before lookup, are unknown, or are too long.
    static const std::vector<std::string> pool = {
        "The", "the", "company", "said", "it", "would", "address", "Acme", "don't", "I'm", "cannot", "gonna",
        "can\xE2\x80\x99t", "they\xE2\x80\x99re", "\xE2\x80\x9C", "\xE2\x80\x9D", "``", "''", "\"", ",", ".", "Xqzv",
        "Zorblat", "2024", "U.S.", "caf\xC3\xA9", std::string(70, 'a'), std::string(64, 'B') + "'s", "run", "runs"};
    const Tagger& tagger = Tagger::get();
    for (int round = 0; round < 400; ++round) {
        std::vector<std::string> text(1 + rng() % 30);
        for (auto& w : text) w = pool[rng() % pool.size()];
        const std::vector<std::string_view> words(text.begin(), text.end());
        const std::vector<Upos> whole = tagger.tag(words);
        std::vector<Upos> out(words.size(), Upos::X);
        Tagger::Progress p;
        while (p.done < words.size()) {
            const std::size_t before = p.done;
            const std::size_t upto = std::min<std::size_t>(words.size() + 2, p.done + 1 + rng() % 4);
            tagger.tag_prefix(words.data(), words.size(), upto, p, out.data());
            CHECK(p.done == std::min(upto, words.size()));
            for (std::size_t i = 0; i < p.done; ++i) CHECK(out[i] == whole[i]);
            for (std::size_t i = p.done; i < words.size(); ++i) CHECK(out[i] == Upos::X);  // nothing past upto
            CHECK(p.done > before);
        }
        tagger.tag_prefix(words.data(), words.size(), words.size(), p, out.data());  // nothing left: no change
        CHECK(out == whole);
    }
}

namespace {

// Everything an extraction says, as text to compare.
std::string dump(const kg::DocExtraction& x) {
    std::ostringstream o;
    o << x.doc << '\n';
    for (const auto& e : x.entities) {
        o << e.name << '|' << static_cast<int>(e.type) << '|' << e.type_confidence;
        for (const auto& a : e.aliases) o << '|' << a;
        for (const auto& m : e.mentions) o << '|' << m.start << '-' << m.end << ':' << m.text;
        o << '\n';
    }
    for (const auto& r : x.relations)
        o << r.subject << ' ' << r.predicate << ' ' << r.object << ' ' << r.confidence << ' ' << r.evidence.start << '-'
          << r.evidence.end << ' ' << r.evidence.modality << ' ' << r.evidence.negated << '\n';
    return o.str();
}

}  // namespace

TEST_CASE("an extraction does not depend on the documents the thread extracted before") {
    // The extractor keeps its working state per thread between documents (DocState::reset()): a document
    // extracted after others, large or empty ones, must give what a fresh thread gives it.
    std::vector<kg::Document> docs;
    std::vector<std::string> texts = sample_texts();
    texts.pop_back();  // the overlong list: its warning would only clutter the output
    for (const std::string& text : texts) {
        kg::Document d;
        d.id = "d" + std::to_string(docs.size());
        d.text = text;
        docs.push_back(d);
    }
    kg::Document big{"big", "", std::string()};
    for (int i = 0; i < 250; ++i) big.text += docs[i % 5].text + "\n";  // enough to be given back
    docs.insert(docs.begin() + 2, big);
    docs.push_back(kg::Document{"empty", "", ""});
    docs.push_back(docs[0]);
    std::vector<std::string> fresh;
    for (const kg::Document& d : docs) {
        std::thread th([&] { fresh.push_back(dump(kg::Extractor()(d))); });  // a new thread: a new state
        th.join();
    }
    const kg::Extractor extract;
    std::thread th([&] {
        for (int round = 0; round < 2; ++round)
            for (std::size_t i = 0; i < docs.size(); ++i) CHECK(dump(extract(docs[i])) == fresh[i]);
    });
    th.join();
}

TEST_CASE("names in headers, title-case lines and after a header's number are found where they stand") {
    // The rules' header passes read only their side of a sentence's header end; the recognizer reads every
    // sentence. Either way each name below is found once at its place.
    kg::Document d{"h", "",
                   "Exclusive: Nexora Holdings To Buy Brightwave Labs\nAnalysis: Brightwave Labs said Nexora Holdings "
                   "would pay. Source: Reuters.\nWorld Summit To Open In Paris\nUPDATE 2-Acme Corp: Nexora Holdings "
                   "chief Jane Roe met Li Qiang in Beijing.\n"};
    const kg::DocExtraction x = kg::Extractor()(d);
    auto at = [&](const std::string& name, kg::EntityType type, std::uint32_t start) {
        for (const auto& e : x.entities)
            if (e.name == name && e.type == type)
                for (const auto& m : e.mentions)
                    if (m.start == start) return true;
        return false;
    };
    CHECK(at("Nexora", kg::EntityType::COMPANY, 11));
    CHECK(at("Nexora", kg::EntityType::COMPANY, 81));
    CHECK(at("Nexora", kg::EntityType::COMPANY, 175));
    CHECK(at("Brightwave Labs", kg::EntityType::COMPANY, 60));
    CHECK(at("Reuters", kg::EntityType::COMPANY, 116));
    CHECK(at("World Summit", kg::EntityType::EVENT, 125));
    CHECK(at("Paris", kg::EntityType::LOCATION, 149));
    CHECK(at("Acme", kg::EntityType::COMPANY, 164));
    CHECK(at("Jane Roe", kg::EntityType::PERSON, 197));
    CHECK(at("Li Qiang", kg::EntityType::PERSON, 210));
    CHECK(at("Beijing", kg::EntityType::LOCATION, 222));
    // The headline's place; in the last line, Jane Roe's title and the meeting.
    REQUIRE(x.relations.size() == 3);
    CHECK(x.relations[0].predicate == "held_in");
    CHECK(x.relations[1].predicate == "leader_of");
    CHECK(x.relations[2].predicate == "meets");
}

TEST_CASE("alnum_run_end equals its plain definition at every position") {
    std::mt19937 rng(17);
    for (int round = 0; round < 300; ++round) {
        std::string text;
        const std::size_t n = rng() % 80;
        for (std::size_t i = 0; i < n; ++i) {
            const unsigned r = rng() % 10;
            // Mostly letters and digits, so that runs cross the sixteen-byte steps; any byte otherwise.
            text += r < 4 ? static_cast<char>('a' + rng() % 26) : r < 6 ? static_cast<char>('A' + rng() % 26)
                    : r < 8 ? static_cast<char>('0' + rng() % 10) : static_cast<char>(rng() % 256);
        }
        for (std::size_t i = 0; i <= text.size(); ++i)
            for (bool start : {true, false}) {
                bool fast = start, plain = start;
                CHECK(kg::detail::alnum_run_end(text, i, fast) == kg::detail::alnum_run_end_plain(text, i, plain));
                CHECK(fast == plain);
            }
    }
    for (int c = 0; c < 256; ++c) {  // every byte, inside a long run and ending one
        const std::string text = std::string(20, 'a') + static_cast<char>(c) + std::string(20, '7');
        for (std::size_t i = 0; i <= text.size(); ++i) {
            bool fast = true, plain = true;
            CHECK(kg::detail::alnum_run_end(text, i, fast) == kg::detail::alnum_run_end_plain(text, i, plain));
            CHECK(fast == plain);
        }
    }
}

TEST_CASE("vocabulary records from the thread's cache of short words equal the table's") {
    // prepare_tokens() takes short words from a per-thread cache keyed by their bytes; every token's
    // record and hash must be the table's, on first sight (misses) and on later ones (hits).
    using namespace kg::detail;
    const Lexicons& lx = Lexicons::get();
    std::vector<std::string> texts = sample_texts();
    texts.push_back("a I an the to of in on at by is it he we us Mr. U.S. Ltd. 1 22 333 4444 55555 666666 7777777 "
                    "88888888 \xC3\xA9t\xC3\xA9 caf\xC3\xA9 A AB ABC said says, x");
    for (int round = 0; round < 2; ++round)
        for (const std::string& text : texts) {
            kg::Document doc{"d", "", text};
            DocState st = prepared(doc);
            for (std::uint32_t i = 0; i < st.tok.tokens.size(); ++i) {
                const std::string_view low = st.lower_tok(i);
                const WordLex& want = lx.lex(low);
                const WordLex& got = st.lex[i].low;
                CHECK_MESSAGE(got.info == want.info, low);
                CHECK(got.cue == want.cue);
                CHECK(got.context == want.context);
                CHECK(got.role == want.role);
                CHECK(got.triggers == want.triggers);
                CHECK(got.role_first == want.role_first);
                CHECK(got.function_word == want.function_word);
                CHECK(got.common == want.common);
                CHECK(st.scratch_hashes[i] == string_hash(low));
            }
        }
}
