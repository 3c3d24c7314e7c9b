// The per-document working state (core/doc.hpp): tokens' lexicon records, tags on demand, mention indexes.
#include "core/doc.hpp"

#include "text/util.hpp"

#include <algorithm>
#include <cstring>

namespace kg::detail {

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
    pronoun_links.clear();
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

void DocState::index_mentions() {
    const std::size_t n = tok.tokens.size() + 1;
    start_at.assign(n, -1);
    end_at.assign(n, -1);
    cover.assign(n, -1);
    pseudo_at.assign(n, -1);
    for (std::size_t k = 0; k < mentions.size(); ++k) {
        const MentionCand& m = mentions[k];
        if (m.pseudo) {
            if (pseudo_at[m.b] < 0) pseudo_at[m.b] = static_cast<int>(k);
            continue;
        }
        if (start_at[m.b] < 0) start_at[m.b] = static_cast<int>(k);
        if (end_at[m.e] < 0) end_at[m.e] = static_cast<int>(k);
        for (std::uint32_t i = m.b; i < m.e; ++i)
            if (cover[i] < 0) cover[i] = static_cast<int>(k);
    }
}

void DocState::index_pseudo(std::size_t k) {
    const MentionCand& m = mentions[k];
    if (m.b < pseudo_at.size() && pseudo_at[m.b] < 0) pseudo_at[m.b] = static_cast<int>(k);
}

int DocState::mention_at(std::uint32_t i) const { return i < start_at.size() ? start_at[i] : -1; }
int DocState::mention_ending(std::uint32_t i) const { return i < end_at.size() ? end_at[i] : -1; }
int DocState::mention_covering(std::uint32_t i) const { return i < cover.size() ? cover[i] : -1; }
int DocState::pseudo_mention_at(std::uint32_t i) const { return i < pseudo_at.size() ? pseudo_at[i] : -1; }

Evidence DocState::sentence_evidence(std::uint32_t s) const {
    const Sentence& se = tok.sentences[s];
    Evidence ev;
    static_cast<Span&>(ev) = Span{doc->id, se.start, se.stop, doc->text.substr(se.start, se.stop - se.start)};
    return ev;
}

}  // namespace kg::detail
