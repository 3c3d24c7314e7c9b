// Stage 3a: the entity recognizer. A linear-chain model over BILOU labels of four coarse classes (PER,
// ORG, LOC, MISC), trained as an averaged structured perceptron on open annotated text and decoded
// exactly (Viterbi), then a second, per-span classifier for the fine type (COMPANY or ORGANIZATION,
// COUNTRY or LOCATION, EVENT, PRODUCT or a creative work). The model (data/ner.model) is written by
// tools/train/train_ner.cpp (scripts/train_ner.sh) and never trained by the build.
//
// Contract: spans are token ranges [b, e) of one sentence, in order, never overlapping; a sentence with
// no upper-case letter gets none (names are capitalized). Labelling one document is deterministic and
// depends only on its words: a word's label earlier in the document is a feature ("memory"), so the
// document is read in order. Confidences are score margins mapped to probabilities by a logistic fit on
// held-out training documents (Platt scaling, in the model file); the caller rounds them.
#pragma once

#include "ner/features.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kg::detail::ner {

/// One name the model found.
struct Span {
    std::uint32_t b = 0, e = 0;  ///< token range in the sentence
    Coarse coarse = Coarse::MISC;
    float confidence = 0;        ///< of the span and its coarse class
    int fine = -1;               ///< Fine, or -1 for PER
    float fine_confidence = 0;   ///< of the fine type
    float margin = 0, fine_margin = 0;  ///< the raw score margins the confidences are calibrated from
};

/// Exact best BILOU path: em is n × n_labels emission scores, trans is (n_labels + 1) × n_labels
/// transition scores (row 0: from the sentence start) followed by n_labels end scores. Writes n labels.
void viterbi(const float* em, std::size_t n, const float* trans, int* out, std::vector<float>& work);

/// Max-marginals: out[i × n_labels + y] is the score of the best path that gives token i label y. With
/// `path`, also writes the best path there (what viterbi() gives), from the same forward pass.
void max_marginals(const float* em, std::size_t n, const float* trans, std::vector<float>& out, std::vector<float>& work,
                   int* path = nullptr);

/// How the words of a document were labelled so far (the recognizer's document memory).
class Memory {
public:
    std::uint8_t get(std::string_view word) const {
        const std::uint8_t* v = seen_.find(word);
        return v ? *v : 0;
    }
    /// Records the labels of one sentence (capitalized words only).
    void note(const std::vector<TokenFacts>& f, const int* labels);

private:
    StringMap<std::uint8_t> seen_;
};

class Recognizer {
public:
    /// The built-in model (or ner.model in the --data directory), loaded on first use; thread-safe.
    /// Throws kg::Error (bad input, naming the file) when the model is missing, truncated or malformed.
    static const Recognizer& get();
    /// A recognizer from the bytes of a model file; `name` is used in error messages.
    static Recognizer from_bytes(std::string_view bytes, const std::string& name);

    /// Labels one sentence whose facts (tags included) are filled; appends its spans to out and
    /// updates the document memory.
    void recognize(const Lexicons& lx, const std::vector<TokenFacts>& f, Memory& memory, std::vector<Span>& out) const;

    /// Number of weighted features (sequence model, fine-type classifier).
    std::size_t feature_count() const;

    struct Model;

private:
    explicit Recognizer(std::shared_ptr<const Model> m) : m_(std::move(m)) {}
    std::shared_ptr<const Model> m_;
};

/// The model file format, shared with the trainer.
namespace format {
constexpr char magic[8] = {'K', 'G', 'N', 'E', 'R', 'M', 'D', 'L'};
constexpr std::uint32_t version = 1;
}  // namespace format

}  // namespace kg::detail::ner
