// Dependency parser: reads the words of one sentence and their UPOS tags (from Tagger), gives each word
// its head and a Universal Dependencies relation (deprel with the common subtypes: nsubj:pass, obl:agent,
// nmod:poss, acl:relcl, compound:prt...). Greedy arc-eager transitions (Nivre 2003) scored by an averaged
// perceptron over hashed features in the style of Zhang & Nivre 2011, trained with the dynamic oracle of
// Goldberg & Nivre 2012 by tools/train/train_parser.cpp (scripts/train_parser.sh) on UD English EWT train
// and the non-news GUM documents, tagged by the library's tagger as at run time. Why: the relation stage
// needs argument structure (subject, object, "by"-agent) that generalizes beyond word patterns; a greedy
// linear parser is linear in the sentence's length and fast enough to run on every candidate sentence.
// Trees are projective. The model (data/parser.model) is embedded; `--data DIR` overrides it.
#pragma once

#include "text/tagger.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kg::detail {

/// One word's attachment: `head` is the index of its head word in the sentence, or -1 for the root
/// (exactly one word per sentence, label "root").
struct Arc {
    std::int32_t head = -1;
    std::uint8_t label = 0;  ///< Parser::label_name() gives the relation
};

class Parser {
public:
    /// The built-in model (or parser.model in the --data directory), loaded on first use; thread-safe.
    /// Throws kg::Error naming the file when the model is malformed.
    static const Parser& get();
    /// A parser from the bytes of a model file; throws kg::Error(bad_input) naming `name` when they are
    /// malformed or truncated.
    static Parser from_bytes(std::string_view model, const std::string& name = "parser model");

    /// Parses `n` words with their tags into out[0..n). Deterministic; allocates only when a sentence is
    /// longer than any before on this thread. Time is linear in n.
    void parse(const std::string_view* words, const Upos* tags, std::size_t n, Arc* out) const;
    std::vector<Arc> parse(const std::vector<std::string_view>& words, const std::vector<Upos>& tags) const;

    std::size_t label_count() const;
    std::string_view label_name(std::uint8_t label) const;
    /// The id of a relation ("nsubj", "nsubj:pass"), or -1 if the model has no such label.
    int label_id(std::string_view name) const;
    /// Number of weighted features in the model.
    std::size_t feature_count() const;

    struct Model;

private:
    explicit Parser(std::shared_ptr<const Model> m) : m_(std::move(m)) {}
    std::shared_ptr<const Model> m_;
};

}  // namespace kg::detail
