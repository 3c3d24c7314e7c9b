// Internal: the working state of one document as it passes through the extraction stages. It sits below
// every stage (each reads and fills its part) and reads only the lexicons and the tokenizer and tagger.
#pragma once

#include <kg/model.hpp>

#include "core/lexicons.hpp"
#include "text/tagger.hpp"
#include "text/tokenize.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace kg::detail {

/// How sure a type guess is; a stronger source overrides a weaker one when mentions are merged.
enum class TypeSource : std::uint8_t { fallback = 0, weak = 1, context = 2, cue = 3, lexicon = 4 };

/// A name found in the text (stage 3 output; its contract is in mentions/mentions.hpp).
struct MentionCand {
    std::uint32_t b = 0, e = 0;        ///< token range of the name itself (titles and demonyms excluded)
    std::uint32_t sentence = 0;        ///< sentence index
    std::string surface;               ///< the name as written
    EntityType type = EntityType::UNKNOWN;
    TypeSource source = TypeSource::fallback;
    std::string canonical;             ///< gazetteer canonical name, when known
    std::string country;               ///< country from a demonym/country modifier or the gazetteer
    bool seat = false;                 ///< a city that may stand for its government
    bool metonym = false;              ///< acts as the government of `country` here
    float confidence = 1;              ///< of the span and its type (the recognizer's, before rounding)
    bool recognized = false;           ///< found by the recognizer (else by the capitalized-run rules)
    std::string role;                  ///< a title or role noun attached to the name ("premier")
    std::string role_code;             ///< its PETRARCH agent code ("GOV")
    std::uint32_t mod_b = 0, mod_e = 0; ///< tokens of a demonym modifier ("Chinese" Premier X), if any
    bool pseudo = false;               ///< a description ("the conference") standing for the main event
    bool dateline = false;             ///< the place a story was filed from, named by its dateline
    int entity = -1;                   ///< index into DocState::entities after resolution
};

/// A resolved entity of the document (stage 4 output).
struct DocEnt {
    std::string name;
    EntityType type = EntityType::UNKNOWN;
    TypeSource source = TypeSource::fallback;
    std::vector<std::size_t> mentions;  ///< indices into DocState::mentions
};

/// What the lexicons and the token's shape say about one token, computed once per document
/// (prepare_tokens()) because every stage asks about every token, many times.
struct TokenLex {
    /// The vocabulary record of the token in lower case: a copy, so that the stages read it from this
    /// array, in token order, instead of from the large table at random.
    WordLex low;
    bool upper_inside = false;  ///< has_upper_inside()
    bool alpha = false;         ///< has_alpha()
    bool digit = false;         ///< has_digit()
    bool all_caps = false;      ///< all_caps()
    bool plain_cap = false;     ///< plain_cap()
    bool possessive = false;    ///< is_possessive()
    bool fold_is_lower = false; ///< fold_name() of the token is its lower case
};

struct DocState {
    const Document* doc = nullptr;
    const Lexicons* lx = nullptr;
    Tokenized tok;
    std::string lower_text;              ///< the text in ASCII lower case: lower-cased tokens are views into it
    std::vector<TokenLex> lex;           ///< per token (prepare_tokens())
    std::vector<std::uint64_t> scratch_hashes;  ///< string_hash() of each lower-cased token (prepare_tokens())
    std::vector<std::uint32_t> scratch_tokens;  ///< prepare_tokens()'s working space
    std::vector<std::uint64_t> scratch_miss_hashes;  ///< likewise: hashes of the words the vocabulary cache missed
    /// Part of speech per token, filled on first use (tag()) up to the token asked about: the stages read
    /// the tags of few sentences, mostly of their first words, and tagging is the dearest per-token work.
    /// Tagging one sentence depends on no other, and Tagger::tag_prefix() gives a sentence's first words
    /// the tags of tagging it whole, so the tags read are those of tagging every sentence.
    mutable std::vector<Upos> tags;
    mutable std::vector<Tagger::Progress> tag_progress;  ///< per sentence
    mutable std::vector<std::string_view> tag_words;     ///< the tokens' text, for the tagger (on first use)
    const Tagger* tagger = nullptr;
    std::vector<bool> title_case;        ///< per sentence
    std::vector<MentionCand> mentions;   ///< sorted by start token
    std::vector<DocEnt> entities;
    std::vector<DocRelation> relations;
    std::vector<std::pair<std::uint32_t, int>> pronoun_links;  ///< (pronoun token, entity) the relation stage resolved

    std::string_view text(std::uint32_t b, std::uint32_t e) const {
        return std::string_view(doc->text).substr(tok.tokens[b].start, tok.tokens[e - 1].end - tok.tokens[b].start);
    }
    /// Token i in lower case (a view into lower_text).
    std::string_view lower_tok(std::uint32_t i) const {
        const Token& t = tok.tokens[i];
        return std::string_view(lower_text.data() + t.start, t.end - t.start);  // tokens lie inside the text
    }
    /// What the name lists say about token i as written (DocState::lex has the lower-case lists).
    /// Looked up on first use: most tokens are never asked about, and the name lists are large.
    const NameLex& as_written(std::uint32_t i) const {
        if (!written_memo[i]) written_memo[i] = &lx->name_lex(tok.tokens[i].text);
        return *written_memo[i];
    }
    /// What the name lists say about the fold_name() of token i (gazetteer keys); also on first use.
    const NameLex& folded(std::uint32_t i) const {
        if (!folded_memo[i]) folded_memo[i] = &fold_lookup(i);
        return *folded_memo[i];
    }
    const NameLex& fold_lookup(std::uint32_t i) const;
    mutable std::vector<const NameLex*> written_memo, folded_memo;  ///< per token, nullptr until asked
    /// True when the tagger reads token i as a verb or auxiliary.
    bool verb(std::uint32_t i) const {
        if (i >= tags.size()) return false;
        const Upos t = tag(i);
        return t == Upos::VERB || t == Upos::AUX;
    }
    /// The tag of token i (i < tags.size()), tagging its sentence if that is not done yet.
    Upos tag(std::uint32_t i) const {
        const std::uint32_t s = sentence_of(i);
        if (i - tok.sentences[s].begin >= tag_progress[s].done) tag_upto(s, i + 1);
        return tags[i];
    }
    /// Index of the sentence holding token i.
    std::uint32_t sentence_of(std::uint32_t i) const;
    /// Tags sentence s up to token `end` (exclusive), at least.
    void tag_upto(std::uint32_t s, std::uint32_t end) const;
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

    /// Empties every field for the next document, keeping the vectors' memory: the extractor keeps one
    /// DocState per thread, as allocating and freeing some twenty buffers per document cost more than
    /// the work of a short document's smaller stages.
    void reset();
    /// Memory held for reuse, roughly, in bytes (to give back what one huge document needed).
    std::size_t held_bytes() const;
};

/// Stage 1b: lower-cased text and per-token lexicon records (doc.cpp).
void prepare_tokens(DocState& st);
/// Stage 2: makes room for the part-of-speech tags, which DocState::tag() fills on demand (doc.cpp).
void tag_tokens(DocState& st);
// The stages that fill the rest: mentions/mentions.hpp, resolve/resolve.hpp, relations/relations.hpp.

}  // namespace kg::detail
