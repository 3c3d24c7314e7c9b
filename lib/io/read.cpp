#include <kg/read.hpp>

#include "io/common.hpp"

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace kg {

namespace iodetail {

std::string line_column(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    std::size_t line = 1, line_start = 0;
    for (std::size_t i = 0; i < offset; ++i)
        if (text[i] == '\n') {
            ++line;
            line_start = i + 1;
        }
    return std::to_string(line) + ":" + std::to_string(offset - line_start + 1);
}

Error bad(const std::string& name, const std::string& where, const std::string& what) {
    return Error(ExitCode::bad_input, name + ": " + (where.empty() ? std::string() : where + ": ") + what);
}

Error bad_at(const std::string& name, std::string_view text, std::size_t offset, const std::string& what) {
    return Error(ExitCode::bad_input, name + ":" + line_column(text, offset) + ": " + what);
}

std::string EdgeIds::take(const std::string& file_id, const std::string& source, const std::string& predicate,
                          const std::string& target) {
    if (!file_id.empty() && used_.insert(file_id).second) return file_id;
    const std::string base = source + "--" + predicate + "--" + target;
    std::string id = base;
    for (std::size_t n = 2; !used_.insert(id).second; ++n) id = base + "-" + std::to_string(n);
    return id;
}

bool parse_double(std::string_view text, double& out) {
    // xs:double spells infinity "INF"; from_chars takes "inf"/"infinity"/"nan" in any case, and no '+'.
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    if (text.empty()) return false;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size();
}

bool parse_size(std::string_view text, std::size_t& out) {
    if (text.empty()) return false;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace iodetail

namespace {

std::string slurp(const std::string& path) {
    if (path == "-") {
        std::ostringstream s;
        s << std::cin.rdbuf();
        if (std::cin.bad()) throw Error(ExitCode::bad_input, "standard input: read error");
        return std::move(s).str();
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ExitCode::bad_input, path + ": " + std::strerror(errno));
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) throw Error(ExitCode::bad_input, path + ": read error");
    return text;
}

std::string display_name(const std::string& path) { return path == "-" ? "standard input" : path; }

}  // namespace

KnowledgeGraph read_json(const std::string& path) { return parse_json(slurp(path), display_name(path)); }

KnowledgeGraph read_graphml(const std::string& path) { return parse_graphml(slurp(path), display_name(path)); }

KnowledgeGraph read_graph(const std::string& path) {
    const std::string text = slurp(path);
    std::size_t i = 0;
    if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) i = 3;  // a byte-order mark
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) ++i;
    if (i < text.size() && text[i] == '{') return parse_json(text, display_name(path));
    if (i < text.size() && text[i] == '<') return parse_graphml(text, display_name(path));
    if (i >= text.size()) throw iodetail::bad(display_name(path), "", "empty file, expected a JSON or GraphML graph");
    throw iodetail::bad_at(display_name(path), text, i,
                           "not a saved graph: expected node-link JSON ('{') or GraphML ('<')");
}

}  // namespace kg
