#include <kg/corpus.hpp>

#include <kg/error.hpp>
#include <kg/limits.hpp>

#include "data/embedded.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

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
        // Runs of ASCII (most of a news text) eight bytes at a time.
        while (i + 8 <= n) {
            std::uint64_t v;
            std::memcpy(&v, p + i, 8);
            if (v & 0x8080808080808080ULL) break;
            i += 8;
        }
        if (i >= n) break;
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

// kg::limits::max_document_bytes, applied where every kind of input becomes a Document.
void cap_document(std::string& text, const std::string& where) {
    const std::size_t size = text.size();
    if (truncate_text(text, limits::max_document_bytes))
        warn(where + ": " + std::to_string(size) + " bytes of text; only the first " + std::to_string(text.size()) +
             " are read (kg::limits::max_document_bytes)");
}

Document make_document(std::string id, std::string source, std::string text) {
    // A UTF-8 byte-order mark is not part of the article.
    if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
    if (auto bad = find_invalid_utf8(text); bad != std::string_view::npos)
        throw Error(ExitCode::bad_input, source + ": invalid UTF-8 at byte offset " + std::to_string(bad));
    cap_document(text, source == "-" ? "standard input" : source);
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

std::optional<InputFormat> parse_input_format(std::string_view name) noexcept {
    if (name == "text") return InputFormat::text;
    if (name == "jsonl") return InputFormat::jsonl;
    if (name == "triples") return InputFormat::triples;
    return std::nullopt;
}

bool is_iso_date(std::string_view d) noexcept {
    auto digits = [&](std::size_t at, std::size_t n) {
        if (d.size() < at + n) return false;
        for (std::size_t i = at; i < at + n; ++i)
            if (d[i] < '0' || d[i] > '9') return false;
        return true;
    };
    if (!digits(0, 4)) return false;
    if (d.size() == 4) return true;
    if (d[4] != '-' || !digits(5, 2)) return false;
    const int month = (d[5] - '0') * 10 + (d[6] - '0');
    if (month < 1 || month > 12) return false;
    if (d.size() == 7) return true;
    if (d[7] != '-' || !digits(8, 2)) return false;
    const int day = (d[8] - '0') * 10 + (d[9] - '0');
    if (day < 1 || day > 31) return false;
    if (d.size() == 10) return true;
    // A time part is kept as given; only its start is checked, since offsets and fractions vary.
    return (d[10] == 'T' || d[10] == ' ') && digits(11, 2);
}

Document parse_jsonl_document(std::string_view line, const std::string& name, std::size_t line_number) {
    const std::string where = name + ":" + std::to_string(line_number);
    rapidjson::Document d;
    // Iterative: 10,000 nested arrays must not exhaust the stack. RapidJSON checks the UTF-8 of every
    // string byte by byte, the slowest part of reading; a line that is valid UTF-8 as a whole (checked
    // here eight ASCII bytes at a time, by the same strict rules) cannot fail that check, as the bytes
    // of a string between two ASCII quotes of valid UTF-8 are valid UTF-8. Other lines are parsed with
    // the check, for the same error at the same column.
    if (find_invalid_utf8(line) == std::string_view::npos)
        d.Parse<rapidjson::kParseIterativeFlag>(line.data(), line.size());
    else
        d.Parse<rapidjson::kParseValidateEncodingFlag | rapidjson::kParseIterativeFlag>(line.data(), line.size());
    if (d.HasParseError())
        throw Error(ExitCode::bad_input, where + ": invalid JSON at column " + std::to_string(d.GetErrorOffset() + 1) +
                                             ": " + rapidjson::GetParseError_En(d.GetParseError()));
    if (!d.IsObject()) throw Error(ExitCode::bad_input, where + ": expected a JSON object {\"id\", \"text\", ...}");
    auto field = [&](const char* key, bool required) -> std::string {
        auto it = d.FindMember(key);
        if (it == d.MemberEnd() || it->value.IsNull()) {
            if (required) throw Error(ExitCode::bad_input, where + ": no \"" + key + "\" string");
            return {};
        }
        if (!it->value.IsString()) throw Error(ExitCode::bad_input, where + ": \"" + key + "\" is not a string");
        std::string v(it->value.GetString(), it->value.GetStringLength());
        if (auto bad = find_invalid_utf8(v); bad != std::string_view::npos)
            throw Error(ExitCode::bad_input, where + ": \"" + key + "\" is not valid UTF-8");
        return v;
    };
    Document doc;
    doc.id = field("id", true);
    if (doc.id.empty()) throw Error(ExitCode::bad_input, where + ": empty \"id\"");
    doc.source = where;
    doc.text = field("text", true);
    cap_document(doc.text, where);
    doc.title = field("title", false);
    doc.date = field("date", false);
    if (!doc.date.empty() && !is_iso_date(doc.date))
        throw Error(ExitCode::bad_input, where + ": \"date\" '" + doc.date + "' is not ISO 8601 (YYYY-MM-DD)");
    doc.publisher = field("publisher", false);
    doc.url = field("url", false);
    return doc;
}

namespace {

bool is_jsonl_path(const fs::path& p) { return p.extension() == ".jsonl"; }

// One input file or stdin with how to read it and the id a text file gets.
struct Source {
    fs::path path;     // empty for stdin
    std::string id;    // text documents only
    bool jsonl = false;
};

// Expands the inputs into files in a fixed order: inputs as given, each directory's files by id.
std::vector<Source> expand(const std::vector<std::string>& inputs, InputFormat format, const ReadOptions* opt,
                           std::size_t* skipped) {
    std::vector<Source> out;
    auto jsonl_for = [&](const fs::path& p) {
        return format == InputFormat::jsonl || (format == InputFormat::automatic && is_jsonl_path(p));
    };
    for (const std::string& input : inputs) {
        if (input == "-") {
            out.push_back(Source{{}, "stdin", format == InputFormat::jsonl});
            continue;
        }
        try {
            std::error_code ec;
            fs::file_status st = fs::status(input, ec);
            if (ec || !fs::exists(st)) throw Error(ExitCode::bad_input, input + ": no such file or directory");
            if (!fs::is_directory(st)) {
                out.push_back(Source{input, strip_extension(fs::path(input).filename()), jsonl_for(input)});
                continue;
            }
            std::vector<Source> files;
            fs::recursive_directory_iterator it(input, fs::directory_options::none, ec), end;
            if (ec) throw Error(ExitCode::bad_input, input + ": cannot read directory: " + ec.message());
            for (; it != end; it.increment(ec)) {
                if (ec) throw Error(ExitCode::bad_input, input + ": cannot read directory: " + ec.message());
                const fs::path& p = it->path();
                const bool txt = p.extension() == ".txt", jl = is_jsonl_path(p);
                const bool wanted = format == InputFormat::text ? txt : format == InputFormat::jsonl ? jl : (txt || jl);
                if (wanted && it->is_regular_file())
                    files.push_back(Source{p, strip_extension(fs::relative(p, input)), jl && format != InputFormat::text});
            }
            std::sort(files.begin(), files.end(), [](const Source& a, const Source& b) { return a.id < b.id; });
            out.insert(out.end(), files.begin(), files.end());
        } catch (const Error& e) {
            if (!opt || !opt->skip_bad) throw;
            ++*skipped;
            if (opt->on_skip) opt->on_skip(e);
        }
    }
    return out;
}

}  // namespace

std::size_t input_bytes(const std::vector<std::string>& inputs, InputFormat format) {
    std::size_t skipped = 0, total = 0;
    ReadOptions quiet;
    quiet.skip_bad = true;
    for (const Source& s : expand(inputs, format, &quiet, &skipped)) {
        if (s.path.empty()) continue;
        std::error_code ec;
        auto size = fs::file_size(s.path, ec);
        if (!ec) total += static_cast<std::size_t>(size);
    }
    return total;
}

std::size_t read_documents(const std::vector<std::string>& inputs, const ReadOptions& options,
                           const std::function<void(Document&&)>& sink) {
    if (options.format == InputFormat::triples)
        throw Error(ExitCode::usage, "triples are extraction records, not documents: read them with kg::read_records");
    std::size_t skipped = 0;
    auto skip = [&](const Error& e) {
        if (!options.skip_bad) throw e;
        ++skipped;
        if (options.on_skip) options.on_skip(e);
    };
    for (const Source& src : expand(inputs, options.format, &options, &skipped)) {
        const std::string name = src.path.empty() ? std::string("<stdin>") : src.path.string();
        if (!src.jsonl) {
            Document doc;
            try {
                doc = src.path.empty() ? make_document("stdin", "-", read_stream(std::cin, name))
                                       : read_file(src.path, src.id);
            } catch (const Error& e) {
                skip(e);
                continue;
            }
            sink(std::move(doc));
            continue;
        }
        std::ifstream file;
        if (!src.path.empty()) {
            file.open(src.path, std::ios::binary);
            if (!file) {
                skip(Error(ExitCode::bad_input, name + ": cannot open: " + std::strerror(errno)));
                continue;
            }
        }
        std::istream& in = src.path.empty() ? std::cin : file;
        std::string line;
        for (std::size_t number = 1; std::getline(in, line); ++number) {
            if (number == 1 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);
            if (!line.empty() && line.back() == '\r') line.pop_back();
            if (line.find_first_not_of(" \t") == std::string::npos) continue;
            Document doc;
            try {
                doc = parse_jsonl_document(line, name, number);
            } catch (const Error& e) {
                skip(e);
                continue;
            }
            sink(std::move(doc));
        }
        if (in.bad()) skip(Error(ExitCode::bad_input, name + ": read error"));
    }
    return skipped;
}

}  // namespace kg
