// Internal: the working state of one document as it passes through the extraction stages.
#pragma once

#include <kg/model.hpp>

#include "extract/lexicons.hpp"
#include "text/tagger.hpp"
#include "text/tokenize.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace kg::detail {

/// How sure a type guess is; a stronger source overrides a weaker one when mentions are merged.
enum class TypeSource : std::uint8_t { fallback = 0, weak = 1, context = 2, cue = 3, lexicon = 4 };

/// A name found in the text (stage 3 output).
struct MentionCand {
    std::uint32_t b = 0, e = 0;        ///< token range of the name itself (titles and demonyms excluded)
    std::uint32_t sentence = 0;        ///< sentence index
    std::string surface;               ///< the name as written
    std::string key;                   ///< normalized name used to group mentions (set by stage 4)
    EntityType type = EntityType::UNKNOWN;
    TypeSource source = TypeSource::fallback;
    std::string canonical;             ///< gazetteer canonical name, when known
    std::string country;               ///< country from a demonym/country modifier or the gazetteer
    bool seat = false;                 ///< a city that may stand for its government
    bool metonym = false;              ///< acts as the government of `country` here
    std::string role;                  ///< a title or role noun attached to the name ("premier")
    std::string role_code;             ///< its PETRARCH agent code ("GOV")
    std::uint32_t mod_b = 0, mod_e = 0; ///< tokens of a demonym modifier ("Chinese" Premier X), if any
    bool pseudo = false;               ///< a description ("the conference") standing for the main event
    int entity = -1;                   ///< index into DocState::entities after resolution
};

/// A resolved entity of the document (stage 4 output).
struct DocEnt {
    std::string name;
    EntityType type = EntityType::UNKNOWN;
    TypeSource source = TypeSource::fallback;
    std::vector<std::size_t> mentions;  ///< indices into DocState::mentions
};

struct DocState {
    const Document* doc = nullptr;
    const Lexicons* lx = nullptr;
    Tokenized tok;
    std::vector<Upos> tags;              ///< part of speech per token (stage 2)
    std::vector<bool> title_case;        ///< per sentence
    std::vector<MentionCand> mentions;   ///< sorted by start token
    std::vector<DocEnt> entities;
    std::vector<DocRelation> relations;

    std::string_view text(std::uint32_t b, std::uint32_t e) const {
        return std::string_view(doc->text).substr(tok.tokens[b].start, tok.tokens[e - 1].end - tok.tokens[b].start);
    }
    /// Token i in lower case (computed once per document: the stages ask for it many times).
    const std::string& lower_tok(std::uint32_t i) const { return lowered[i]; }
    std::vector<std::string> lowered;    ///< lower-cased token texts, filled by find_mentions()
    /// True when the tagger reads token i as a verb or auxiliary.
    bool verb(std::uint32_t i) const { return i < tags.size() && (tags[i] == Upos::VERB || tags[i] == Upos::AUX); }
    /// Index of the (non-pseudo) mention starting at token i, or -1. Constant time: see index_mentions().
    int mention_at(std::uint32_t i) const;
    /// Index of the mention ending just before token i (its e == i), or -1.
    int mention_ending(std::uint32_t i) const;
    /// Index of the mention covering token i, or -1.
    int mention_covering(std::uint32_t i) const;
    /// Index of a pseudo mention ("the conference") starting at token i, or -1.
    int pseudo_mention_at(std::uint32_t i) const;
    /// Rebuilds the per-token lookup tables after mentions change (long documents must stay linear).
    void index_mentions();
    /// Adds pseudo mention k (appended to mentions) to the tables.
    void index_pseudo(std::size_t k);

    std::vector<int> start_at, end_at, cover, pseudo_at;  ///< per token: mention index or -1
    /// Evidence span of a sentence.
    Evidence sentence_evidence(std::uint32_t s) const;
};

/// Stage 2: part-of-speech tags for every token (extractor.cpp).
void tag_tokens(DocState& st);
/// Stage 3: finds and types names (mentions.cpp).
void find_mentions(DocState& st);
/// Stage 4: groups mentions into entities inside the document (resolve.cpp).
void resolve_entities(DocState& st);
/// Stage 5: relations between resolved entities (relations.cpp).
void find_relations(DocState& st);

}  // namespace kg::detail
