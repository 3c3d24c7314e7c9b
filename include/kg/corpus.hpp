/// \file
/// kg/corpus.hpp — reading documents: files, directories, stdin, and the built-in sample.
///
/// Contract: a document's id is its path relative to the directory given (or the file's name), without
/// extension; directories are searched recursively for *.txt. The result is sorted bytewise by id, and a
/// duplicate id or an unreadable file throws kg::Error(bad_input) naming the path. Text must be UTF-8;
/// invalid bytes are an error naming the file and byte offset.
#pragma once

#include <kg/error.hpp>
#include <kg/model.hpp>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kg {

/// How to read inputs: plain text files, JSON Lines of documents, or extraction records and TSV facts.
enum class InputFormat {
    automatic,  ///< by extension: *.jsonl is JSONL, anything else text (directories: *.txt and *.jsonl)
    text,       ///< each file (or stdin) is one UTF-8 article
    jsonl,      ///< one JSON object per line: "id", "text", optional "title", "date", "publisher", "url"
    triples,    ///< map output (kg-export --format triples) or TSV facts; read by kg/records.hpp, not here
};

/// Parses "text", "jsonl" or "triples"; nullopt otherwise.
std::optional<InputFormat> parse_input_format(std::string_view name) noexcept;

/// Options of the streaming reader.
struct ReadOptions {
    InputFormat format = InputFormat::automatic;  ///< how to read each input
    bool skip_bad = false;                         ///< report a bad file or line through on_skip and go on
    std::function<void(const Error&)> on_skip;     ///< told of each skipped document (message names file and line)
};

/// Streams documents from `inputs` (files, directories, "-" for stdin) to `sink`, one at a time, so memory
/// does not grow with the corpus. Text inputs come in bytewise id order; JSONL lines in file order (ids are
/// sorted later, by the graph builder). A bad file or line throws kg::Error(bad_input) naming the file and
/// line, unless options.skip_bad; returns the number of documents skipped. Duplicate ids are not checked here.
std::size_t read_documents(const std::vector<std::string>& inputs, const ReadOptions& options,
                           const std::function<void(Document&&)>& sink);

/// Total size in bytes of the regular files `inputs` name (directories searched as read_documents does);
/// 0 when unknown (stdin), for progress estimates only.
std::size_t input_bytes(const std::vector<std::string>& inputs, InputFormat format = InputFormat::automatic);

/// Parses one JSONL document line (`name` and `line` are for messages); throws kg::Error(bad_input).
Document parse_jsonl_document(std::string_view line, const std::string& name, std::size_t line_number);

/// True when `date` is ISO 8601: YYYY, YYYY-MM, YYYY-MM-DD, optionally followed by "T" and a time.
bool is_iso_date(std::string_view date) noexcept;

/// Loads documents from paths (files, directories, or "-" for stdin with id "stdin").
std::vector<Document> load_documents(const std::vector<std::string>& inputs);

/// The built-in sample corpus (five news articles on AI in China), embedded at build time.
std::vector<Document> sample_documents();

/// Offset of the first invalid UTF-8 sequence in `text`, or npos when it is valid.
std::size_t find_invalid_utf8(std::string_view text) noexcept;

}  // namespace kg
