// Internal: files from data/ compiled into the library (see cmake/embed.cmake), so the tools work
// from any directory and after installation.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kg::detail {

/// Contents of an embedded file by its path relative to the project ("data/predicates.tsv",
/// "seeds/000_x.txt"); throws kg::Error when there is no such file.
std::string_view embedded_file(std::string_view path);
/// Paths of all embedded files under a prefix, sorted bytewise.
std::vector<std::string> embedded_files(std::string_view prefix);

/// Directory that overrides embedded data files (kg::set_data_dir); empty when unset.
const std::string& data_dir();
/// Reads data file `name` (e.g. "predicates.tsv") from data_dir() if set and present there, else
/// from the embedded copy.
std::string data_file(std::string_view name);
/// A model's bytes: file `name` in data_dir() if set and present there, else the embedded data/<name>
/// (not copied: the models are megabytes). `source` names it in error messages.
struct ModelBytes {
    std::string owned;          ///< the user's file, when read from data_dir()
    std::string_view embedded;  ///< the built-in copy, otherwise
    std::string source;         ///< the file's path, or "built-in data/<name>"
    /// The bytes, wherever they are.
    std::string_view bytes() const { return embedded.data() ? embedded : std::string_view(owned); }
};
ModelBytes model_bytes(std::string_view name);
/// The layers of a lexicon, built-in first: the embedded copy (if any) and the user's file of the same
/// name in data_dir() (if any). Lexicons read every layer, so a user's file adds to the built-in one.
/// The embedded copy is not copied (the gazetteer alone is megabytes, read at every start).
struct DataLayers {
    std::string_view embedded;  ///< the built-in copy; data() is null when there is none
    bool has_user = false;      ///< whether the user's file was read
    std::string user;           ///< its bytes
    /// The layers in order, as views (into the embedded data and into `user`: valid while this lives).
    std::vector<std::string_view> texts() const {
        std::vector<std::string_view> out;
        if (embedded.data()) out.push_back(embedded);
        if (has_user) out.emplace_back(user);
        return out;
    }
};
DataLayers data_layers(std::string_view name);

}  // namespace kg::detail
