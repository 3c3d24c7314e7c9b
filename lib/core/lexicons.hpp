// The lexicons every extraction stage reads, loaded once from data/ (embedded, or --data DIR).
// Keeping all word lists in data files is deliberate: rules stay general and the lists can grow
// without touching code.
//
// Speed: the stages ask the lexicons about every token, often several times, and about spans of tokens
// (gazetteer names, multi-word titles, hedges). So all tables are StringMaps, searched with a
// std::string_view into the text (no std::string is built per question), and everything the lexicons say
// about one word is gathered at load time into one WordLex record (Lexicons::vocab), which the extractor
// looks up once per token and document (DocState::lex).
#pragma once

#include <kg/model.hpp>

#include "text/tagger.hpp"
#include "text/tokenize.hpp"

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kg::detail {

/// The hash of every StringMap (the same for all value types, so one hash of a token serves several tables).
/// Only ever used to find keys in this process's tables (never saved, never an order), so any good hash does.
inline std::uint64_t string_hash(std::string_view s) {
    // Eight bytes at a time (most keys are words shorter than that: one step), starting from the length;
    // a multiply-xorshift mix after each step spreads every byte into the low bits, which pick the slot,
    // and the high bits, which the slot keeps to skip mismatching entries.
    auto mix = [](std::uint64_t x) {
        x ^= x >> 32;
        x *= 0xd6e8feb86659fd93ull;
        x ^= x >> 32;
        x *= 0xd6e8feb86659fd93ull;
        return x ^ (x >> 32);
    };
    const char* p = s.data();
    std::size_t n = s.size();
    std::uint64_t h = 0x9E3779B97F4A7C15ull * (n + 1);
    while (n > 8) {
        std::uint64_t v;
        std::memcpy(&v, p, 8);
        h = mix(h ^ v);
        p += 8;
        n -= 8;
    }
    // The last 1 to 8 bytes as one number, exactly (two overlapping loads place each byte at its own
    // position), so two different keys of one length differ here.
    std::uint64_t v = 0;
    if (n >= 4) {
        std::uint32_t lo, hi;
        std::memcpy(&lo, p, 4);
        std::memcpy(&hi, p + n - 4, 4);
        v = lo | static_cast<std::uint64_t>(hi) << (8 * (n - 4));
    } else if (n > 0) {
        auto byte = [&](std::size_t i) { return static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i); };
        v = byte(0) | byte(n / 2) | byte(n - 1);
    }
    return mix(h ^ v);
}

/// A hash map from strings to V, searched with a std::string_view (C++17's unordered_map needs a
/// std::string key, i.e. an allocation and a copy per lookup). Open addressing over a power-of-two table.
/// Values live in one vector: pointers to them stay valid once loading is over (nothing is inserted later).
template <class V>
class StringMap {
public:
    const V* find(std::string_view key) const { return find(key, hash(key)); }
    /// find() with the key's hash() computed beforehand (see find_all()).
    const V* find(std::string_view key, std::uint64_t h) const {
        if (slots_.empty()) return nullptr;
        for (std::size_t s = h & mask_;; s = (s + 1) & mask_) {
            const std::uint64_t slot = slots_[s];
            if (slot == empty_slot) return nullptr;
            const Entry& e = entries_[static_cast<std::uint32_t>(slot)];
            if ((slot >> 32) == (h >> 32) && e.key == key) return &e.value;
        }
    }
    bool contains(std::string_view key) const { return find(key) != nullptr; }
    /// Looks up key_of(i) for every i < n and calls found(i, value or nullptr), pipelined: the slot of
    /// key i + 2 * ahead and the entry of key i + ahead are requested from memory while key i is looked
    /// up, so that the cache misses of a large table overlap instead of coming one after the other.
    /// `hashes` is working space.
    template <class KeyOf, class Found>
    void find_all(std::size_t n, KeyOf&& key_of, Found&& found, std::vector<std::uint64_t>& hashes) const {
        constexpr std::size_t ahead = 8;
        hashes.resize(n);
        for (std::size_t i = 0; i < n + 2 * ahead; ++i) {
            if (i < n) {
                hashes[i] = hash(key_of(i));
                prefetch_slot(hashes[i]);
            }
            if (i >= ahead && i - ahead < n) prefetch_entry(hashes[i - ahead]);
            if (i >= 2 * ahead) found(i - 2 * ahead, find(key_of(i - 2 * ahead), hashes[i - 2 * ahead]));
        }
    }
    /// Starts loading the first slot for a key of hash h, so that a later find() does not wait for memory:
    /// a large table is mostly out of cache, and a batch of lookups can then overlap their misses.
    void prefetch_slot(std::uint64_t h) const {
        if (!slots_.empty()) __builtin_prefetch(&slots_[h & mask_]);
    }
    /// The same for the entry that first slot points to (call once the slot is likely in cache).
    void prefetch_entry(std::uint64_t h) const {
        if (slots_.empty()) return;
        const std::uint64_t slot = slots_[h & mask_];
        if (slot != empty_slot) __builtin_prefetch(&entries_[static_cast<std::uint32_t>(slot)]);
    }

    /// The value of key, default-constructed and inserted when absent; second: whether it was inserted.
    std::pair<V*, bool> try_emplace(std::string_view key) {
        if ((entries_.size() + 1) * 2 > slots_.size()) grow();
        const std::uint64_t h = hash(key);
        std::size_t s = h & mask_;
        for (;; s = (s + 1) & mask_) {
            const std::uint64_t slot = slots_[s];
            if (slot == empty_slot) break;
            Entry& e = entries_[static_cast<std::uint32_t>(slot)];
            if ((slot >> 32) == (h >> 32) && e.key == key) return {&e.value, false};
        }
        slots_[s] = make_slot(h, static_cast<std::uint32_t>(entries_.size()));
        entries_.push_back(Entry{std::string(key), h, V()});
        return {&entries_.back().value, true};
    }
    /// Makes room for n entries (no rehashing or moving until then).
    void reserve(std::size_t n) {
        entries_.reserve(n);
        if (n * 2 > slots_.size()) {
            std::size_t want = 16;
            while (want < n * 2) want *= 2;
            rehash(want);
        }
    }
    /// Inserts (key, value) unless key is present (like unordered_map::emplace).
    void emplace(std::string_view key, V value) {
        if (auto [v, inserted] = try_emplace(key); inserted) *v = std::move(value);
    }
    V& operator[](std::string_view key) { return *try_emplace(key).first; }

    std::size_t size() const { return entries_.size(); }
    bool empty() const { return entries_.empty(); }
    /// Entries in insertion order.
    const std::string& key_at(std::size_t i) const { return entries_[i].key; }
    V& value_at(std::size_t i) { return entries_[i].value; }
    const V& value_at(std::size_t i) const { return entries_[i].value; }

    static std::uint64_t hash(std::string_view s) { return string_hash(s); }

private:
    struct Entry {  // key and value side by side: a hit reads both from the same cache lines
        std::string key;
        std::uint64_t hash;  ///< for grow()
        V value;
    };
    // A slot holds the high half of the key's hash and the entry's index, so that a probe touches the
    // entry (another cache miss in a large table) only when the hashes agree.
    static constexpr std::uint64_t empty_slot = UINT64_MAX;
    static std::uint64_t make_slot(std::uint64_t h, std::uint32_t id) { return (h >> 32 << 32) | id; }
    void grow() { rehash(slots_.empty() ? 16 : slots_.size() * 2); }
    void rehash(std::size_t n) {  // n: a power of two above twice the number of entries
        slots_.assign(n, empty_slot);
        mask_ = n - 1;
        for (std::uint32_t id = 0; id < entries_.size(); ++id) {
            std::size_t s = entries_[id].hash & mask_;
            while (slots_[s] != empty_slot) s = (s + 1) & mask_;
            slots_[s] = make_slot(entries_[id].hash, id);
        }
    }
    std::vector<std::uint64_t> slots_;  ///< (hash >> 32, index into entries_), or empty_slot
    std::size_t mask_ = 0;
    std::vector<Entry> entries_;
};

/// A set of strings searched with a std::string_view.
using StringSet = StringMap<unsigned char>;  // (not bool: std::vector<bool> has no addressable elements)

/// One gazetteer sense of a surface form.
struct GazEntry {
    EntityType type = EntityType::UNKNOWN;
    bool demonym = false;     ///< a nationality adjective ("Chinese"): names no entity by itself
    std::string canonical;    ///< the entity's name ("China" for "Chinese", "U.S.")
    std::string country;      ///< country a place or person belongs to
    bool seat = false;        ///< a city that can stand for its country's government ("Beijing said")
    bool gov = false;         ///< a person holding government office
    bool town = false;        ///< a town only GeoNames lists: the recognizer was trained without such rows
    std::string region;       ///< first-level division a town lies in ("Sarawak"), when known
    bool user = false;        ///< from the user's overlay (--data DIR): wins over built-in senses
};

struct WordInfo {
    std::string upos;          ///< most frequent UD tag
    Upos tag = Upos::X;        ///< the same, parsed (X when not a UD tag name): the stages compare enums, not strings
    unsigned count = 0;        ///< occurrences in the treebank
    float lower_share = 0;     ///< share written in lower case
};

struct Cue {
    EntityType type;
    enum Where { head, any, legal, after, domain, first } where;
};

struct Trigger {
    std::vector<std::string> words;  ///< lower-case word sequence
    std::string predicate;
    std::vector<EntityType> subject_types;
    std::vector<EntityType> object_types;
    bool noun = false, reverse = false, implicit = false;
    bool role_as = false;  ///< "S appointed O as ROLE": O takes ROLE's relation to S (role_relations.tsv)
    bool direct = false;   ///< the object follows the verb at once ("heads the council", not "headed to Acme")
    bool agent = false;    ///< a noun naming its subject ("critic", "killer"): only "S, a/the NOUN of O" and "S is a NOUN of O"
};

/// Everything the lower-case lexicons say about one word, gathered at load time: the stages look a token
/// up once per document, lower-cased (DocState::lex), instead of once per list and question.
struct WordLex {
    const WordInfo* info = nullptr;                       ///< words.tsv
    const Cue* cue = nullptr;                             ///< cues.tsv
    const EntityType* context = nullptr;                  ///< context.tsv (singular or plural form)
    const std::string* role = nullptr;                    ///< role code of the word as a one-word title (never empty)
    const std::vector<std::size_t>* triggers = nullptr;   ///< triggers starting with the word, longest first
    bool role_first = false;                              ///< first word of some role phrase
    bool function_word = false;  ///< usually lower case and ADP/DET/PRON/AUX/CCONJ/SCONJ/PART (words.tsv)
    bool common = false;         ///< Lexicons::common()
};

/// What the name lists say about one string. Kept apart from WordLex because these lists are large
/// (every first word of the gazetteer, every person-name token) and only name-like tokens are looked up
/// in them: the table every token is looked up in stays small enough for the cache.
struct NameLex {
    bool gaz_first = false;       ///< the fold_name() of the first word of some gazetteer name
    // Keyed by the word as written:
    bool common_acronym = false;                            ///< common_acronyms.txt ("AI")
    bool non_name = false;                                  ///< non_names.txt, languages.txt ("Friday")
    const std::pair<unsigned, unsigned>* person = nullptr;  ///< person_names.tsv: (first, last) counts
    const std::string* cluster = nullptr;                   ///< clusters.tsv: the word's Brown cluster bits
};

struct Lexicons {
    Abbreviations abbreviations;
    StringMap<std::vector<GazEntry>> gazetteer;                 ///< key: fold_name(surface)
    std::size_t gazetteer_max_words = 1;
    StringSet gazetteer_first_words;                            ///< folded first word of every surface, for a quick reject
    StringMap<WordInfo> words;                                  ///< key: lower case
    StringMap<std::pair<unsigned, unsigned>> person_tokens;     ///< first/last counts
    StringMap<std::string> place_abbreviations;                 ///< "Minn." → "Minnesota" (place_abbreviations.tsv)
    StringMap<std::string> clusters;                            ///< word as written → Brown cluster bit string (clusters.tsv)
    StringMap<std::string> roles;                               ///< lower-case role noun → code
    std::size_t roles_max_words = 1;
    StringSet role_first_words;                                 ///< first words of roles, for a quick reject
    StringMap<Cue> cues;                                        ///< lower-case word → cue
    StringMap<EntityType> context_nouns;                        ///< singular and plural forms
    StringMap<std::string> modality;                            ///< hedge phrase → class ("expected to" → expected)
    std::size_t modality_max_words = 1;
    StringSet not_entities;                                     ///< folded names never to extract (user overrides)
    StringMap<std::string> merges;                              ///< folded name → name to merge it into
    StringSet non_names;                                        ///< "Friday", "July": never a name alone
    std::vector<std::string> currencies;                        ///< currencies.txt: "RM" of "RM133" (longest first)
    /// True when `word` is a currency sign or code followed by a digit ("RM133", "US$5"): money, not a name.
    bool money(std::string_view word) const;
    StringSet common_acronyms;                                  ///< "AI", "CEO": nouns, not names
    StringMap<std::string> role_predicates;                     ///< "founder" → "founder_of"
    StringSet member_bodies;                                    ///< member_bodies.txt: "party": its people are members
    StringSet membership_bodies;                                ///< those marked "always": whatever their title
    StringSet membership_first_words;                           ///< those marked "first": the name's first word ("parti")
    StringMap<char> gender_words;                               ///< gender.tsv: title or role → 'F' or 'M'
    StringSet kinship;                                          ///< kinship.txt: "son", "wife": nouns of family ties
    StringSet place_titles;                                     ///< place_titles.txt: "mayor": heads of places
    StringSet thing_nouns;                                      ///< context.tsv "thing": never a person's title ("newspaper")
    StringSet body_titles;                                      ///< body_titles.txt: "chairman": heads of bodies, not places
    StringSet election_words;                                   ///< elections.txt: "polls", "seat": words of election reports
    /// sports.tsv: words of sports reports (bits below), which name teams by their places ("Tellburg beat X").
    StringMap<unsigned char> sports;
    static constexpr unsigned char sports_topic = 1, sports_after = 2, sports_before = 4;
    StringMap<std::string> org_nouns;                           ///< org_nouns.tsv: "subsidiary" → "part_of"
    StringMap<EntityType> org_noun_owners;                      ///< org_nouns.tsv: "unit" → COMPANY (its owner's type)
    std::vector<std::pair<std::vector<std::string>, std::string>> name_variants;  ///< long words → short form
    std::vector<Trigger> triggers;
    StringMap<std::vector<std::size_t>> triggers_by_first;      ///< first word → indices
    /// Every word the lower-case lists mention, with what they say about it (built last, from the lists).
    StringMap<WordLex> vocab;
    /// Every string the name lists mention (gazetteer first words, person-name tokens, ...), likewise.
    StringMap<NameLex> names;

    /// The lexicons, loaded on first use (thread-safe).
    static const Lexicons& get();

    /// Gazetteer senses of a surface, or nullptr.
    const std::vector<GazEntry>* lookup(std::string_view surface) const;
    /// Gazetteer senses of an already folded key (fold_name()), or nullptr.
    const std::vector<GazEntry>* lookup_folded(std::string_view key) const { return gazetteer.find(key); }
    /// Word info for a lower-cased word, or nullptr.
    const WordInfo* word(std::string_view lower_word) const { return words.find(lower_word); }
    /// True when the word is usually written in lower case (a common word, not a name).
    bool common(std::string_view lower_word) const;
    /// Role code of a lower-case role noun phrase ("premier" → "GOV"), or nullptr when it is none.
    const std::string* role(std::string_view lower_phrase) const;
    /// The vocabulary record of a lower-case word (an empty record when no list mentions it).
    const WordLex& lex(std::string_view lower_word) const {
        const WordLex* w = vocab.find(lower_word);
        return w ? *w : no_lex;
    }
    /// The name-list record of a string (an empty record when no list mentions it).
    const NameLex& name_lex(std::string_view s) const {
        const NameLex* n = names.find(s);
        return n ? *n : no_name;
    }
    static const WordLex no_lex;
    static const NameLex no_name;
};

}  // namespace kg::detail
