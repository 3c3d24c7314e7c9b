// Internal: the one CoNLL-U reader, shared by kg-eval coref and parse (lib/score) and kg-train-parser, so
// that every treebank is read by the same rules: ten tab-separated columns, "# newdoc" starts a document,
// multiword-token ranges ("1-2") and empty nodes ("1.1") are not words. A range's SpaceAfter belongs to its
// last word (the words inside it have no space between them), because the text is written without the
// split. Values stay strings: each caller decides what a bad UPOS or HEAD means to it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kg::detail {

/// HEAD of a word whose HEAD column is not a number ("_").
inline constexpr std::size_t conllu_no_head = static_cast<std::size_t>(-1);

/// One syntactic word.
struct ConlluWord {
    std::size_t id = 0;                 ///< ID column: 1, 2, ... within the sentence
    std::string form;                   ///< FORM
    std::string upos;                   ///< UPOS, as written
    std::size_t head = conllu_no_head;  ///< HEAD: 0 for the root, else a word id; conllu_no_head when not a number
    std::string deprel;                 ///< DEPREL
    std::string misc;                   ///< MISC
    bool space_after = true;            ///< false after SpaceAfter=No, and inside a multiword token
    std::size_t line = 0;               ///< its line in the file, for errors
};

/// One sentence: the words between blank lines.
struct ConlluSentence {
    std::size_t line = 0;            ///< line of its first word
    std::vector<ConlluWord> words;   ///< syntactic words in order
};

/// One document: from a "# newdoc" line (or the file's first word) to the next.
struct ConlluDocument {
    std::string id;                        ///< the "# newdoc id = ..." value; empty when the file has none
    std::size_t line = 0;                  ///< its "# newdoc" line, or the line of its first word
    std::vector<ConlluSentence> sentences; ///< sentences in order
};

/// Parses CoNLL-U text (a leading byte-order mark is skipped). Throws kg::Error(bad_input) naming
/// `path`:line for a line that is not ten tab-separated columns, or whose ID is neither a number, nor a
/// range "a-b" of numbers with a <= b, nor an empty node (any ID with a '.', skipped).
std::vector<ConlluDocument> parse_conllu(std::string_view text, const std::string& path);

/// Reads and parses a CoNLL-U file; an unreadable file is kg::Error(bad_input) naming it.
std::vector<ConlluDocument> read_conllu(const std::string& path);

/// The value of `key` in a MISC column ("SpaceAfter=No|Entity=..."), or empty.
std::string_view conllu_misc_value(std::string_view misc, std::string_view key);
/// A CoNLL-U index or count ("12"): at most 9 digits, nothing else; false otherwise.
bool parse_number(std::string_view s, std::size_t& out);

}  // namespace kg::detail
