// Internal helpers shared by the graph readers (lib/io only).
#pragma once

#include <kg/error.hpp>
#include <kg/graph.hpp>

#include "graph/handle_index.hpp"

#include <cstddef>
#include <memory>
#include <vector>
#include <string>
#include <string_view>

namespace kg::iodetail {

/// An open file ("-": standard input) read piece by piece. Errors throw kg::Error(bad_input) naming the path.
class InputFile {
public:
    /// Opens `path`.
    explicit InputFile(const std::string& path);
    ~InputFile();
    InputFile(const InputFile&) = delete;
    InputFile& operator=(const InputFile&) = delete;
    /// Reads up to `n` bytes into `out`; 0 at the end of the file.
    std::size_t read(char* out, std::size_t n);
    /// Whether it is a regular file, which can be opened and read again (not a pipe or a terminal).
    bool regular() const noexcept { return regular_; }
    /// Its size when regular, else 0.
    std::size_t size() const noexcept { return size_; }

private:
    int fd_ = -1;
    bool own_ = false, regular_ = false;
    std::size_t size_ = 0;
    std::string name_;
};

/// The whole of a file ("-": standard input) in one buffer, read straight into it: no stream copies and
/// no zero-filling first, which cost more than parsing for files of hundreds of MB.
class FileText {
public:
    /// Reads `path`.
    explicit FileText(const std::string& path);
    /// Reads the rest of `in`.
    explicit FileText(InputFile& in);
    /// The bytes read.
    std::string_view view() const noexcept { return {data_.get(), size_}; }

private:
    std::unique_ptr<char[]> data_;
    std::size_t size_ = 0;
};

/// Reads a GraphML file as parse_graphml(FileText(path).view(), name) would, but a regular file is read
/// through a small window instead of whole when it can be (read_graphml.cpp).
KnowledgeGraph read_graphml_file(const std::string& path, const std::string& name);

/// "LINE:COLUMN" (both 1-based, column in bytes) of a byte offset into `text`.
std::string line_column(std::string_view text, std::size_t offset);

/// A bad_input error whose message is "NAME: WHERE: what" (WHERE omitted when empty).
Error bad(const std::string& name, const std::string& where, const std::string& what);

/// A bad_input error "NAME:LINE:COLUMN: what" for a byte offset into the file's text.
Error bad_at(const std::string& name, std::string_view text, std::size_t offset, const std::string& what);

/// Hands out edge ids: the file's own when present and unused, else "<s>--<predicate>--<t>" made unique,
/// so foreign files (NetworkX keys 0, 1, …; igraph no ids) still give every edge its own id.
class EdgeIds {
public:
    /// The id to use for an edge, given the file's id (empty when it had none).
    std::string take(const std::string& file_id, const std::string& source, const std::string& predicate,
                     const std::string& target);
    /// Room for `n` ids without rehashing.
    void reserve(std::size_t n) {
        used_.reserve(n);
        index_.reserve(n);
    }

private:
    bool insert(const std::string& id);  // false when taken

    // A set of strings without a node allocation per id: the ids in a vector, found through a hash index.
    std::vector<std::string> used_;
    kg::detail::HandleIndex<std::size_t> index_;
};

/// Parses a whole double ("2", "0.85", "1e-07", "NaN", "INF", "-INF"); false when it is not one.
bool parse_double(std::string_view text, double& out);
/// Parses a whole unsigned integer; false when it is not one.
bool parse_size(std::string_view text, std::size_t& out);

}  // namespace kg::iodetail
