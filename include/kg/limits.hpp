/// \file
/// kg/limits.hpp — the caps that keep pathological input (a 50 MB line, a "sentence" of a million words)
/// from taking quadratic time or unbounded memory, and the warnings that report when a cap applied.
///
/// Contract: a cap never makes a run fail. Input beyond it is cut (documents, sentences) or split (names),
/// and kg::warn() reports it once per document, naming the document. Each cap is enforced once, at the
/// lowest level that sees the whole unit: document size when documents are loaded (kg/corpus.hpp), sentence
/// length in the tokenizer's sentence splitting, name length where mentions are found. Real news is far
/// below every cap: an article is a few kB, a sentence under 100 tokens, a name under 10 words.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

namespace kg {

/// The caps, in one place.
namespace limits {
/// Largest document text kept, in bytes (8 MiB); a longer text is cut at the last whitespace (or UTF-8
/// character boundary) before the cap when it is loaded, with a warning. Also keeps byte offsets in 32 bits.
inline constexpr std::size_t max_document_bytes = std::size_t{8} << 20;
/// Most tokens in one sentence; a longer run without sentence-ending punctuation is split into sentences of
/// this many tokens (with a warning), so the per-sentence stages stay linear in document length.
inline constexpr std::size_t max_sentence_tokens = 256;
/// Most tokens in one entity name; a longer run of capitalized words is taken as consecutive runs of at
/// most this many tokens (the longest real names, e.g. of agencies, have about a dozen).
inline constexpr std::size_t max_name_tokens = 16;
}  // namespace limits

/// Receives each warning's message (no trailing newline); called under a lock, from any thread.
using WarningHandler = std::function<void(const std::string& message)>;

/// Replaces the warning handler (the default prints "libkg: warning: MESSAGE" on stderr); an empty
/// handler silences warnings. Returns the previous handler.
WarningHandler set_warning_handler(WarningHandler handler);

/// Reports a warning through the current handler; the message should name the document or file.
void warn(const std::string& message);

/// Cuts `text` to at most `max_bytes` without splitting a UTF-8 character, preferring the last whitespace
/// before the cap; returns true when it cut anything.
bool truncate_text(std::string& text, std::size_t max_bytes);

}  // namespace kg
