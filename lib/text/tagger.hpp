// Part-of-speech tagger: an averaged perceptron over UD English EWT (UPOS tags), greedy left to right.
// The model (data/tagger.model) is written by tools/train/train_tagger.cpp (scripts/train_tagger.sh).
//
// Input words are tokens as lib/text/tokenize.cpp makes them: curly quotes are read as the straight ones
// of the treebank, and contractions the tokenizer keeps whole ("don't", "I'm", "cannot") are split the
// EWT way for tagging; such a token gets the tag of its first part ("do" → AUX, "I" → PRON).
#pragma once

#include "text/tokenize.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace kg::detail {

/// Universal POS tags, in the order of the UD documentation.
enum class Upos : std::uint8_t {
    ADJ, ADP, ADV, AUX, CCONJ, DET, INTJ, NOUN, NUM, PART, PRON, PROPN, PUNCT, SCONJ, SYM, VERB, X
};
constexpr std::size_t upos_count = 17;

std::string_view to_string(Upos tag);
std::optional<Upos> parse_upos(std::string_view name);

class Tagger {
public:
    /// The built-in model (or tagger.model in the --data directory), loaded on first use; thread-safe.
    /// Throws kg::Error when the model is missing or malformed.
    static const Tagger& get();
    /// A tagger from the bytes of a model file; throws kg::Error naming `name` when they are malformed.
    static Tagger from_bytes(std::string_view model, const std::string& name = "tagger.model");

    /// Tags one sentence; one tag per word.
    std::vector<Upos> tag(const std::vector<std::string_view>& words) const;
    /// Tags the tokens of one sentence.
    std::vector<Upos> tag(const std::vector<Token>& tokens, const Sentence& sentence) const;
    /// Tags `n` words into `out` (allocates only when a sentence is longer than any before on this thread).
    void tag(const std::string_view* words, std::size_t n, Upos* out) const;

    /// How far tag_prefix() has tagged a sentence: its first `done` words, and the decoder's state there.
    struct Progress {
        std::uint32_t done = 0;
        std::uint8_t t1 = 17, t2 = 17;  ///< the previous two tags, or the sentence start (tagger::start_tag)
    };
    /// Tags words [progress.done, upto) of the sentence `words` (`n` words) into out[progress.done...] and
    /// advances `progress`: after calls with growing `upto`, out holds exactly what tag() gives for the
    /// words tagged, at the cost of those words (plus four neighbours per call) instead of the sentence.
    void tag_prefix(const std::string_view* words, std::size_t n, std::size_t upto, Progress& progress, Upos* out) const;

    /// Number of weighted features in the model.
    std::size_t feature_count() const;

    struct Model;

private:
    explicit Tagger(std::shared_ptr<const Model> m) : m_(std::move(m)) {}
    std::shared_ptr<const Model> m_;
};

}  // namespace kg::detail
