#include <kg/extract.hpp>

#include "extract/doc.hpp"
#include "text/util.hpp"

#include <kg/graph.hpp>

#include <kg/limits.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <optional>

namespace kg {

struct Extractor::Impl {
    const detail::Lexicons* lx = nullptr;
};

Extractor::Extractor() : impl_(std::make_unique<Impl>()) { impl_->lx = &detail::Lexicons::get(); }
Extractor::~Extractor() = default;
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;

namespace detail {

namespace {

/// The vocabulary records of the short words a thread met recently (tokens of up to seven bytes are
/// most of a text). A slot is keyed by the word's bytes themselves, so a hit is exact: no hash to
/// compute, no string to compare, and the cache (small enough to stay near the core) instead of the
/// large table.
struct VocabCache {
    static constexpr int bits = 14;
    struct Slot {
        std::uint64_t key = 0;      ///< the word's bytes and length (key()), 0 when empty
        std::uint64_t hash = 0;     ///< string_hash() of the word
        const WordLex* lex = nullptr;
    };
    const Lexicons* lexicons = nullptr;  ///< whose records the slots hold
    std::vector<Slot> slots;
    /// The key of text[b, e): its bytes, then its length in the top byte; false when it has none (the
    /// word is longer than seven bytes, or too near the end of the text to read eight bytes at once).
    static bool key(const std::string& text, std::uint32_t b, std::uint32_t e, std::uint64_t& out) {
        const std::uint32_t n = e - b;
        if (n > 7 || std::size_t(b) + 8 > text.size()) return false;
        std::uint64_t v;
        std::memcpy(&v, text.data() + b, 8);
        // The word's n bytes only, in the low bits.
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        v >>= 8 * (8 - n);
#else
        v &= (std::uint64_t(1) << (8 * n)) - 1;
#endif
        out = v | std::uint64_t(n) << 56;  // n >= 1: never 0, the empty slot's key
        return true;
    }
    static std::size_t index(std::uint64_t key) { return (key * 0x9E3779B97F4A7C15ULL) >> (64 - bits); }
};

VocabCache& vocab_cache(const Lexicons& lx) {
    thread_local VocabCache cache;
    if (cache.lexicons != &lx) {
        cache.slots.assign(std::size_t(1) << VocabCache::bits, VocabCache::Slot{});
        cache.lexicons = &lx;
    }
    return cache;
}

}  // namespace

// Per-token facts every later stage asks for, computed once: the lower-cased text (tokens in lower case
// are views into it), each token's vocabulary record (one lookup instead of one per list and question)
// and its shape; the name-list records of capitalized tokens are fetched here too, in a batch.
void prepare_tokens(DocState& st) {
    const Lexicons& lx = *st.lx;
    st.lower_text = lower(st.doc->text);
    const auto& T = st.tok.tokens;
    st.lex.assign(T.size(), TokenLex{});
    st.written_memo.assign(T.size(), nullptr);
    st.folded_memo.assign(T.size(), nullptr);
    // Every token in the lower-case vocabulary: short ones from the thread's cache of recent words, the
    // rest and the cache's misses from the table (pipelined: it is larger than the cache).
    st.scratch_hashes.resize(T.size());
    std::vector<std::uint32_t>& misses = st.scratch_tokens;
    misses.clear();
    VocabCache& cache = vocab_cache(lx);
    for (std::uint32_t i = 0; i < T.size(); ++i) {
        const Token& t = T[i];
        std::uint64_t key;
        if (!VocabCache::key(st.lower_text, t.start, t.end, key)) {
            misses.push_back(i);
            continue;
        }
        const VocabCache::Slot& slot = cache.slots[VocabCache::index(key)];
        if (slot.key != key) {
            misses.push_back(i);
            continue;
        }
        st.lex[i].low = slot.lex ? *slot.lex : Lexicons::no_lex;
        st.scratch_hashes[i] = slot.hash;
    }
    std::vector<std::uint64_t>& miss_hashes = st.scratch_miss_hashes;
    lx.vocab.find_all(
        misses.size(), [&](std::size_t k) { return st.lower_tok(misses[k]); },
        [&](std::size_t k, const WordLex* w) {
            const std::uint32_t i = misses[k];
            st.lex[i].low = w ? *w : Lexicons::no_lex;
            st.scratch_hashes[i] = miss_hashes[k];
            if (std::uint64_t key; VocabCache::key(st.lower_text, T[i].start, T[i].end, key))
                cache.slots[VocabCache::index(key)] = VocabCache::Slot{key, miss_hashes[k], w};
        },
        miss_hashes);
    for (std::size_t i = 0; i < T.size(); ++i) {
        const Token& t = T[i];
        TokenLex& x = st.lex[i];
        if (t.kind == TokKind::punct) continue;  // no letters or digits: every shape test is false
#if KG_WORD_SHAPE16
        const bool fits = t.text.size() <= 16 && t.start + 16 <= st.doc->text.size();  // 16 bytes to read
        const WordShape shape = fits ? word_shape16(t.text.data(), t.text.size()) : word_shape(t.text);
#else
        const WordShape shape = word_shape(t.text);
#endif
        x.upper_inside = shape.upper_inside;
        x.alpha = shape.alpha;
        x.digit = shape.digit;
        x.all_caps = shape.all_caps;
        x.plain_cap = shape.plain_cap;
        x.possessive = shape.possessive;
        x.fold_is_lower = shape.fold_is_lower;
    }
    // Capitalized tokens are the ones the stages ask the name lists about (as_written(), folded()):
    // look those up now, in a batch, rather than one cache miss at a time later. The rest stay lazy.
    std::vector<std::uint32_t>& caps = st.scratch_tokens;
    caps.clear();
    for (std::uint32_t i = 0; i < T.size(); ++i)
        if (T[i].cap() || st.lex[i].upper_inside) caps.push_back(i);
    std::vector<std::uint64_t> hashes;
    lx.names.find_all(
        caps.size(), [&](std::size_t k) { return T[caps[k]].text; },
        [&](std::size_t k, const NameLex* n) { st.written_memo[caps[k]] = n ? n : &Lexicons::no_name; }, hashes);
    auto plain = std::remove_if(caps.begin(), caps.end(), [&](std::uint32_t i) { return !st.lex[i].fold_is_lower; });
    caps.erase(plain, caps.end());  // the others need a fold built: left to folded()
    lx.names.find_all(
        caps.size(), [&](std::size_t k) { return st.lower_tok(caps[k]); },
        [&](std::size_t k, const NameLex* n) { st.folded_memo[caps[k]] = n ? n : &Lexicons::no_name; }, hashes);
}

void DocState::reset() {
    doc = nullptr;
    lx = nullptr;
    tok.tokens.clear();
    tok.sentences.clear();
    tok.cut_sentences = 0;
    lower_text.clear();
    lex.clear();
    scratch_hashes.clear();
    scratch_miss_hashes.clear();
    scratch_tokens.clear();
    tags.clear();
    tag_progress.clear();
    tag_words.clear();
    tagger = nullptr;
    title_case.clear();
    mentions.clear();
    entities.clear();
    relations.clear();
    written_memo.clear();
    folded_memo.clear();
    start_at.clear();
    end_at.clear();
    cover.clear();
    pseudo_at.clear();
}

std::size_t DocState::held_bytes() const {
    return tok.tokens.capacity() * sizeof(Token) + lower_text.capacity() + lex.capacity() * sizeof(TokenLex) +
           (tags.capacity() + 4 * sizeof(int) * start_at.capacity()) + tag_words.capacity() * sizeof(std::string_view) +
           (written_memo.capacity() + folded_memo.capacity() + scratch_hashes.capacity()) * 8 +
           mentions.capacity() * sizeof(MentionCand);
}

const NameLex& DocState::fold_lookup(std::uint32_t i) const {
    const std::string_view low = lower_tok(i);
    if (lex[i].fold_is_lower) return lx->name_lex(low);
    std::string fold;
    bool space = false;
    fold_append(fold, space, low);
    return lx->name_lex(fold);
}

void tag_tokens(DocState& st) {
    st.tagger = &Tagger::get();  // here, so that a bad model fails every document, as when all were tagged
    st.tags.assign(st.tok.tokens.size(), Upos::X);
    st.tag_progress.assign(st.tok.sentences.size(), Tagger::Progress{});
    st.tag_words.clear();
}

std::uint32_t DocState::sentence_of(std::uint32_t i) const {
    // Sentences tile the tokens in order: the last one beginning at or before i holds it.
    const auto& S = tok.sentences;
    auto it = std::upper_bound(S.begin(), S.end(), i, [](std::uint32_t k, const Sentence& se) { return k < se.begin; });
    return static_cast<std::uint32_t>(it - S.begin() - 1);
}

void DocState::tag_upto(std::uint32_t s, std::uint32_t end) const {
    if (tag_words.empty()) {
        tag_words.reserve(tok.tokens.size());
        for (const Token& t : tok.tokens) tag_words.push_back(t.text);
    }
    const Sentence& se = tok.sentences[s];
    tagger->tag_prefix(tag_words.data() + se.begin, se.end - se.begin, end - se.begin, tag_progress[s], tags.data() + se.begin);
}
}  // namespace detail

namespace {

bool is_code(const std::string& name) {
    bool digit = false, alpha = false;
    for (char c : name) {
        if (c == ' ') return false;
        digit = digit || (c >= '0' && c <= '9');
        alpha = alpha || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
    return digit && alpha && name.size() <= 6;
}

// A bare model code ("R2") is named after its maker ("Acme R2"), so that it meets the full name used
// elsewhere and two makers' "R2" never merge.
void name_codes_after_makers(detail::DocState& st) {
    for (const DocRelation& r : st.relations) {
        if (r.predicate != "develops") continue;
        detail::DocEnt& product = st.entities[r.object];
        if (product.type == EntityType::PRODUCT && is_code(product.name))
            product.name = st.entities[r.subject].name + " " + product.name;
    }
}

DocExtraction to_extraction(const detail::DocState& st) {
    DocExtraction x;
    x.doc = st.doc->id;
    // Entities with the same name and type (after renaming) are one entity. Key: name, NUL, type.
    detail::StringMap<std::size_t> index;
    std::string key;
    std::vector<std::size_t> remap(st.entities.size(), SIZE_MAX);
    std::vector<std::pair<std::uint32_t, std::size_t>> order;  // first mention → entity
    for (std::size_t k = 0; k < st.entities.size(); ++k) {
        std::uint32_t first = UINT32_MAX;
        for (std::size_t m : st.entities[k].mentions) first = std::min(first, st.tok.tokens[st.mentions[m].b].start);
        if (st.entities[k].mentions.empty()) continue;
        order.emplace_back(first, k);
    }
    std::sort(order.begin(), order.end());
    x.entities.reserve(order.size());
    for (const auto& [first, k] : order) {
        const detail::DocEnt& e = st.entities[k];
        key = e.name;
        key += '\0';
        key += static_cast<char>('0' + static_cast<int>(e.type));
        auto [slot, inserted] = index.try_emplace(key);
        if (inserted) {
            *slot = x.entities.size();
            DocEntity de;
            de.name = e.name;
            de.type = e.type;
            if (e.source >= detail::TypeSource::cue) {
                de.type_confidence = static_cast<double>(e.source) / static_cast<double>(detail::TypeSource::lexicon);
            } else {
                // The recognizer's confidence, rounded (outputs are the same bytes on every build) and below
                // the gazetteer's certainty.
                float c = 0;
                for (std::size_t m : e.mentions) c = std::max(c, st.mentions[m].confidence);
                de.type_confidence = std::min(0.99, std::round(100.0 * c) / 100.0);
            }
            x.entities.push_back(std::move(de));
        }
        remap[k] = *slot;
        DocEntity& de = x.entities[*slot];
        if (inserted) de.mentions.reserve(e.mentions.size());
        for (std::size_t m : e.mentions) {
            const detail::MentionCand& mc = st.mentions[m];
            const auto& T = st.tok.tokens;
            std::uint32_t start = T[mc.b].start, end = T[mc.e - 1].end;
            de.mentions.push_back(Mention{st.doc->id, start, end, st.doc->text.substr(start, end - start)});
            if (mc.surface != de.name && std::find(de.aliases.begin(), de.aliases.end(), mc.surface) == de.aliases.end())
                de.aliases.push_back(mc.surface);
        }
    }
    for (DocEntity& de : x.entities) {
        std::sort(de.mentions.begin(), de.mentions.end());
        de.mentions.erase(std::unique(de.mentions.begin(), de.mentions.end()), de.mentions.end());
        std::sort(de.aliases.begin(), de.aliases.end());
    }
    for (const DocRelation& r : st.relations) {
        if (remap[r.subject] == SIZE_MAX || remap[r.object] == SIZE_MAX || remap[r.subject] == remap[r.object]) continue;
        DocRelation out = r;
        out.subject = remap[r.subject];
        out.object = remap[r.object];
        x.relations.push_back(std::move(out));
    }
    std::stable_sort(x.relations.begin(), x.relations.end(),
                     [](const DocRelation& a, const DocRelation& b) { return a.evidence.start < b.evidence.start; });
    return x;
}

}  // namespace

DocExtraction Extractor::operator()(const Document& doc) const {
    // One working state per thread, emptied between documents but keeping its memory (DocState::reset()).
    // A call made while the thread's state is in use (not that the stages make one) gets its own.
    thread_local detail::DocState kept;
    thread_local bool kept_busy = false;
    std::optional<detail::DocState> own;
    detail::DocState& st = kept_busy ? own.emplace() : kept;
    struct Release {
        detail::DocState& st;
        bool& busy;
        bool owner;
        ~Release() {
            if (!owner) return;
            st.reset();
            // What a huge document needed is given back rather than held by the thread.
            if (st.held_bytes() > (std::size_t(16) << 20)) st = detail::DocState();
            busy = false;
        }
    } release{st, kept_busy, !kept_busy};
    kept_busy = true;
    st.reset();
    st.doc = &doc;
    st.lx = impl_->lx;
    detail::tokenize(doc.text, impl_->lx->abbreviations, st.tok);
    if (st.tok.cut_sentences > 0)
        warn((doc.source.empty() ? doc.id : doc.source) + ": " + std::to_string(st.tok.cut_sentences) +
             " sentence(s) longer than " + std::to_string(limits::max_sentence_tokens) +
             " tokens were split (kg::limits::max_sentence_tokens)");
    detail::prepare_tokens(st);
    detail::tag_tokens(st);
    detail::find_mentions(st);
    detail::resolve_entities(st);
    detail::find_relations(st);
    name_codes_after_makers(st);
    // The analyst's merge rules (merges.tsv) rename an entity; its old name stays as an alias.
    if (!impl_->lx->merges.empty()) {
        std::string folded;
        for (auto& e : st.entities) {
            folded.clear();
            bool space = false;
            detail::fold_append(folded, space, e.name);  // fold_name(e.name) without a new string per entity
            if (const std::string* to = impl_->lx->merges.find(folded)) e.name = *to;
        }
    }
    return to_extraction(st);
}

KnowledgeGraph build_graph(const std::vector<Document>& docs) {
    Extractor extract;
    std::vector<DocExtraction> xs;
    xs.reserve(docs.size());
    for (const Document& d : docs) xs.push_back(extract(d));
    reconcile_types(xs);
    KnowledgeGraph g;
    for (std::size_t i = 0; i < docs.size(); ++i) {
        const Document& d = docs[i];
        g.add_document(DocumentInfo{d.id, d.source, d.text.size(), d.title, d.date, d.publisher, d.url, {}});
        g.add(xs[i]);
    }
    return g;
}

}  // namespace kg
