#include <kg/corpus.hpp>

#include <kg/error.hpp>

#include "data/embedded.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>

namespace fs = std::filesystem;

namespace kg {

std::size_t find_invalid_utf8(std::string_view s) noexcept {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        unsigned char c = p[i];
        if (c < 0x80) { ++i; continue; }
        std::size_t len;
        std::uint32_t cp;
        if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
        else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
        else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
        else return i;
        if (i + len > n) return i;
        for (std::size_t k = 1; k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        // Overlong forms, surrogates and out-of-range code points are invalid UTF-8.
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += len;
    }
    return std::string_view::npos;
}

namespace {

std::string read_stream(std::istream& in, const std::string& name) {
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) throw Error(ExitCode::bad_input, name + ": read error");
    return text;
}

Document make_document(std::string id, std::string source, std::string text) {
    // A UTF-8 byte-order mark is not part of the article.
    if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
    if (auto bad = find_invalid_utf8(text); bad != std::string_view::npos)
        throw Error(ExitCode::bad_input, source + ": invalid UTF-8 at byte offset " + std::to_string(bad));
    return Document{std::move(id), std::move(source), std::move(text)};
}

Document read_file(const fs::path& path, std::string id) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ExitCode::bad_input, path.string() + ": cannot open: " + std::strerror(errno));
    return make_document(std::move(id), path.string(), read_stream(in, path.string()));
}

std::string strip_extension(const fs::path& rel) {
    fs::path p = rel;
    p.replace_extension();
    return p.generic_string();
}

}  // namespace

std::vector<Document> load_documents(const std::vector<std::string>& inputs) {
    std::map<std::string, Document> by_id;
    auto add = [&](Document d) {
        auto [it, inserted] = by_id.emplace(d.id, std::move(d));
        if (!inserted)
            throw Error(ExitCode::bad_input, "duplicate document id '" + it->first + "' (" + it->second.source + ")");
    };
    for (const std::string& input : inputs) {
        if (input == "-") {
            add(make_document("stdin", "-", read_stream(std::cin, "<stdin>")));
            continue;
        }
        std::error_code ec;
        fs::file_status st = fs::status(input, ec);
        if (ec || !fs::exists(st)) throw Error(ExitCode::bad_input, input + ": no such file or directory");
        if (fs::is_directory(st)) {
            std::vector<fs::path> files;
            fs::recursive_directory_iterator it(input, fs::directory_options::none, ec), end;
            if (ec) throw Error(ExitCode::bad_input, input + ": cannot read directory: " + ec.message());
            for (; it != end; it.increment(ec)) {
                if (ec) throw Error(ExitCode::bad_input, input + ": cannot read directory: " + ec.message());
                if (it->path().extension() == ".txt" && it->is_regular_file()) files.push_back(it->path());
            }
            if (ec) throw Error(ExitCode::bad_input, input + ": cannot read directory: " + ec.message());
            for (const auto& f : files) add(read_file(f, strip_extension(fs::relative(f, input))));
        } else {
            add(read_file(input, strip_extension(fs::path(input).filename())));
        }
    }
    std::vector<Document> out;
    out.reserve(by_id.size());
    for (auto& [id, d] : by_id) out.push_back(std::move(d));
    return out;
}

std::vector<Document> sample_documents() {
    std::vector<Document> out;
    for (const std::string& path : detail::embedded_files("seeds/")) {
        std::string id = strip_extension(fs::path(path).filename());
        out.push_back(Document{id, "builtin:" + path, std::string(detail::embedded_file(path))});
    }
    return out;
}

}  // namespace kg
