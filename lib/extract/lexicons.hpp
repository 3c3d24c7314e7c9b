// The lexicons every extraction stage reads, loaded once from data/ (embedded, or --data DIR).
// Keeping all word lists in data files is deliberate: rules stay general and the lists can grow
// without touching code.
#pragma once

#include <kg/model.hpp>

#include "text/tokenize.hpp"

#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace kg::detail {

/// One gazetteer sense of a surface form.
struct GazEntry {
    EntityType type = EntityType::UNKNOWN;
    bool demonym = false;     ///< a nationality adjective ("Chinese"): names no entity by itself
    std::string canonical;    ///< the entity's name ("China" for "Chinese", "U.S.")
    std::string country;      ///< country a place or person belongs to
    bool seat = false;        ///< a city that can stand for its country's government ("Beijing said")
    bool gov = false;         ///< a person holding government office
    bool user = false;        ///< from the user's overlay (--data DIR): wins over built-in senses
};

struct WordInfo {
    std::string upos;          ///< most frequent UD tag
    unsigned count = 0;        ///< occurrences in the treebank
    float lower_share = 0;     ///< share written in lower case
};

struct Cue {
    EntityType type;
    enum Where { head, any, legal, after, domain } where;
};

struct Trigger {
    std::vector<std::string> words;  ///< lower-case word sequence
    std::string predicate;
    std::vector<EntityType> subject_types;
    std::vector<EntityType> object_types;
    bool noun = false, reverse = false, implicit = false;
};

struct Lexicons {
    Abbreviations abbreviations;
    std::unordered_map<std::string, std::vector<GazEntry>> gazetteer;  ///< key: fold_name(surface)
    std::size_t gazetteer_max_words = 1;
    std::unordered_set<std::string> gazetteer_first_words;             ///< folded first word of every surface, for a quick reject
    std::unordered_map<std::string, WordInfo> words;                   ///< key: lower case
    std::unordered_map<std::string, std::pair<unsigned, unsigned>> person_tokens;  ///< first/last counts
    std::unordered_map<std::string, std::string> roles;                ///< lower-case role noun → code
    std::size_t roles_max_words = 1;
    std::unordered_set<std::string> role_first_words;                  ///< first words of roles, for a quick reject
    std::unordered_map<std::string, Cue> cues;                         ///< lower-case word → cue
    std::unordered_map<std::string, EntityType> context_nouns;         ///< singular and plural forms
    std::unordered_map<std::string, std::string> modality;             ///< hedge phrase → class ("expected to" → expected)
    std::size_t modality_max_words = 1;
    std::unordered_set<std::string> not_entities;                      ///< folded names never to extract (user overrides)
    std::unordered_map<std::string, std::string> merges;               ///< folded name → name to merge it into
    std::unordered_set<std::string> non_names;                         ///< "Friday", "July": never a name alone
    std::unordered_set<std::string> common_acronyms;                   ///< "AI", "CEO": nouns, not names
    std::unordered_map<std::string, std::string> role_predicates;      ///< "founder" → "founder_of"
    std::vector<std::pair<std::vector<std::string>, std::string>> name_variants;  ///< long words → short form
    std::vector<Trigger> triggers;
    std::unordered_map<std::string, std::vector<std::size_t>> triggers_by_first;  ///< first word → indices

    /// The lexicons, loaded on first use (thread-safe).
    static const Lexicons& get();

    /// Gazetteer senses of a surface, or nullptr.
    const std::vector<GazEntry>* lookup(const std::string& surface) const;
    /// Word info for a lower-cased word, or nullptr.
    const WordInfo* word(const std::string& lower_word) const;
    /// True when the word is usually written in lower case (a common word, not a name).
    bool common(const std::string& lower_word) const;
    /// Role code of a lower-case role noun phrase ("premier" → "GOV"), or empty.
    std::string role(const std::string& lower_phrase) const;
};

}  // namespace kg::detail
