// Internal: the time spent in each extraction stage, for kg-bench-corpus, which prints each stage's share
// of a corpus (issue 14). Off unless a program turns it on, and then a Scope costs two reads of the steady
// clock; off, one relaxed load and a branch, so the hooks stay compiled into every build.
//
// Time is exclusive: entering a stage charges the time since the last event to the stage that was running,
// so a nested stage (the tagger, run on demand from the mention and relation stages; the parser, from the
// relation stage) is counted once, in itself. Each thread keeps its own sums, added to the process's when
// the thread ends; totals() returns those plus the calling thread's. Measuring never changes an output.
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>

namespace kg::detail::stages {

/// The stages, in pipeline order. `outside` is the time of the thread outside any stage.
enum class Stage : std::uint8_t {
    outside,
    tokenize,      ///< tokens and sentences (text/tokenize)
    lexicon,       ///< lower-cased text and per-token lexicon records (prepare_tokens)
    tagger,        ///< part-of-speech tagging (Tagger::tag_prefix, on demand)
    ner_facts,     ///< the recognizer's per-token facts (ner::fill_facts)
    ner,           ///< the entity recognizer's model (Recognizer::recognize)
    mentions,      ///< mention finding, less the tagger and recognizer it calls
    resolve,       ///< name resolution and coreference, less what it calls
    parser,        ///< dependency parsing (Parser::parse)
    relations,     ///< relation patterns and the classifier, less the tagger and parser they call
    output,        ///< renaming, merge rules and the document's extraction record
    count
};
constexpr std::size_t stage_count = static_cast<std::size_t>(Stage::count);

/// A short name for tables ("tagger").
const char* name(Stage s);

/// Sums over threads: seconds of steady-clock time and number of entries per stage.
struct Times {
    std::array<double, stage_count> seconds{};
    std::array<std::uint64_t, stage_count> calls{};
};

/// Turns measuring on or off. Turn it on before the threads to measure start their work.
void enable(bool on);
/// The sums of the threads that have ended and of the calling thread (others still running are not in).
Times totals();

/// Charges its lifetime to `s` (less the stages nested in it) while measuring is on.
class Scope {
public:
    explicit Scope(Stage s) noexcept {
        if (on.load(std::memory_order_relaxed)) prev_ = enter(s);
    }
    ~Scope() {
        if (prev_ != Stage::count) leave(prev_);
    }
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

    static std::atomic<bool> on;  ///< enable()'s flag

private:
    static Stage enter(Stage s) noexcept;
    static void leave(Stage back) noexcept;
    Stage prev_ = Stage::count;  ///< the stage to return to; count when not measuring
};

}  // namespace kg::detail::stages
