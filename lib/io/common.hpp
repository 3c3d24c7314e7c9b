// Internal helpers shared by the graph readers (lib/io only).
#pragma once

#include <kg/error.hpp>
#include <kg/graph.hpp>

#include <unordered_set>
#include <string>
#include <string_view>

namespace kg::iodetail {

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
    void reserve(std::size_t n) { used_.reserve(n); }

private:
    std::unordered_set<std::string> used_;  // only asked "taken?", never iterated
};

/// Parses a whole double ("2", "0.85", "1e-07", "NaN", "INF", "-INF"); false when it is not one.
bool parse_double(std::string_view text, double& out);
/// Parses a whole unsigned integer; false when it is not one.
bool parse_size(std::string_view text, std::size_t& out);

}  // namespace kg::iodetail
