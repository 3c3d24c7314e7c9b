// Stage 5a: the relation classifier. For two names in one sentence it tells which predicate of the schema
// the sentence states between them, and in which direction, or none: a multinomial logistic regression
// over the words between and around the names, the verbs between, the part-of-speech pattern and the names'
// coarse types, trained on open annotated sentences (Re-DocRED, TypeRE; scripts/train_relations.sh,
// tools/train/train_relations.cpp) and never by the build.
//
// Contract: the caller gives the sentence's words, as written and in lower case, with their tags and two non-overlapping
// spans, the first before the second; the features depend on nothing else, so training text (already
// tokenized) and run-time text are scored alike. The probabilities are the model's softmax: trained with a
// held-out check of their calibration (the trainer prints binned precision); the caller rounds them.
#pragma once

#include "text/tagger.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kg::detail::rel {

/// Coarse classes of the two arguments (PER, ORG, LOC: places and countries, MISC: events, products...).
enum class Arg : std::uint8_t { PER, ORG, LOC, MISC };
/// "PER", "ORG", "LOC", "MISC".
const char* arg_name(Arg a);

/// One argument: tokens [b, e) of the sentence and its coarse class.
struct ArgSpan {
    std::uint32_t b = 0, e = 0;
    Arg type = Arg::MISC;
};

/// The sentence as the features read it.
struct SentenceView {
    const std::vector<std::string_view>* written = nullptr;  ///< words as written
    const std::vector<std::string_view>* lower = nullptr;    ///< the same in ASCII lower case
    const std::vector<Upos>* tags = nullptr;               ///< their tags
};

/// Feature hashes of the pair (a before b) in the sentence; appends to out.
void pair_features(const SentenceView& s, const ArgSpan& a, const ArgSpan& b, std::vector<std::uint64_t>& out);

/// Pairs further apart than this many words are not classified (the training pairs were not either).
constexpr std::uint32_t max_gap = 30;

/// The model's verdict on a pair.
struct Verdict {
    int label = 0;      ///< index into Classifier::labels(); 0 is "none"
    float probability = 0;
};

class Classifier {
public:
    /// The built-in model (or relations.model in the --data directory), loaded on first use; thread-safe.
    /// Throws kg::Error (bad input, naming the file) when it is missing, truncated or malformed.
    static const Classifier& get();
    /// A classifier from the bytes of a model file; `name` is used in error messages.
    static Classifier from_bytes(std::string_view bytes, const std::string& name);

    /// The most probable label for the features of one pair.
    Verdict classify(const std::vector<std::uint64_t>& features) const;
    /// Labels: "none", then "PREDICATE>" (the first argument is the subject) or "PREDICATE<".
    const std::vector<std::string>& labels() const;
    /// Predicate of label y (without the direction), and whether the first argument is its subject.
    const std::string& predicate(int y) const;
    bool first_is_subject(int y) const;
    /// The probability below which label y is not to be trusted: chosen per predicate on held-out training
    /// sentences for the precision the trainer was asked for (1 for "none").
    float threshold(int y) const;
    /// Number of weighted features.
    std::size_t feature_count() const;

    struct Model;

private:
    explicit Classifier(std::shared_ptr<const Model> m) : m_(std::move(m)) {}
    std::shared_ptr<const Model> m_;
};

/// The model file, shared with the trainer: magic, version, the labels (count, then each as a length byte,
/// its bytes and its threshold as f32), the weight scale (f32), the feature count (u32), then per feature its key (u64) and one
/// int16 weight per label, little endian.
namespace format {
constexpr char magic[8] = {'K', 'G', 'R', 'E', 'L', 'M', 'D', 'L'};
constexpr std::uint32_t version = 1;
}  // namespace format

}  // namespace kg::detail::rel
