// kg/corpus.hpp — reading documents: files, directories, stdin, and the built-in sample.
//
// Contract: a document's id is its path relative to the directory given (or the file's name), without
// extension; directories are searched recursively for *.txt. The result is sorted bytewise by id, and a
// duplicate id or an unreadable file throws kg::Error(bad_input) naming the path. Text must be UTF-8;
// invalid bytes are an error naming the file and byte offset.
#pragma once

#include <kg/model.hpp>

#include <string>
#include <vector>

namespace kg {

/// Loads documents from paths (files, directories, or "-" for stdin with id "stdin").
std::vector<Document> load_documents(const std::vector<std::string>& inputs);

/// The built-in sample corpus (five news articles on AI in China), embedded at build time.
std::vector<Document> sample_documents();

/// Offset of the first invalid UTF-8 sequence in `text`, or npos when it is valid.
std::size_t find_invalid_utf8(std::string_view text) noexcept;

}  // namespace kg
