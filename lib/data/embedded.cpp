#include "data/embedded.hpp"

#include <kg/error.hpp>
#include <kg/lexicon.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace kg::detail {

struct EmbeddedFile { std::string_view path; const unsigned char* data; std::size_t size; };
extern const EmbeddedFile embedded_table[];
extern const std::size_t embedded_count;

namespace {
std::string& data_dir_ref() {
    static std::string dir;
    return dir;
}
}  // namespace

std::string_view embedded_file(std::string_view path) {
    for (std::size_t i = 0; i < embedded_count; ++i)
        if (embedded_table[i].path == path)
            return {reinterpret_cast<const char*>(embedded_table[i].data), embedded_table[i].size};
    throw Error(ExitCode::bad_input, "libkg: no embedded file " + std::string(path));
}

std::vector<std::string> embedded_files(std::string_view prefix) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < embedded_count; ++i)
        if (embedded_table[i].path.substr(0, prefix.size()) == prefix) out.emplace_back(embedded_table[i].path);
    std::sort(out.begin(), out.end());
    return out;
}

const std::string& data_dir() { return data_dir_ref(); }

namespace {
bool read_user_file(std::string_view name, std::string& out) {
    if (data_dir().empty()) return false;
    std::string path = data_dir() + "/" + std::string(name);
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) throw Error(ExitCode::bad_input, path + ": read error");
    out = ss.str();
    return true;
}
bool has_embedded(std::string_view path) {
    for (std::size_t i = 0; i < embedded_count; ++i)
        if (embedded_table[i].path == path) return true;
    return false;
}
}  // namespace

std::string data_file(std::string_view name) {
    std::string user;
    if (read_user_file(name, user)) return user;
    return std::string(embedded_file("data/" + std::string(name)));
}

ModelBytes model_bytes(std::string_view name) {
    ModelBytes m;
    if (read_user_file(name, m.owned)) {
        m.source = data_dir() + "/" + std::string(name);
    } else {
        m.source = "built-in data/" + std::string(name);
        m.embedded = embedded_file("data/" + std::string(name));
    }
    return m;
}

DataLayers data_layers(std::string_view name) {
    DataLayers out;
    const std::string path = "data/" + std::string(name);
    if (has_embedded(path)) out.embedded = embedded_file(path);
    out.has_user = read_user_file(name, out.user);
    return out;
}

}  // namespace kg::detail

namespace kg {
void set_data_dir(const std::string& dir) { detail::data_dir_ref() = dir; }
}  // namespace kg
