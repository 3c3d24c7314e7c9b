#include <kg/read.hpp>

#include "io/common.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <functional>

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

bool EdgeIds::insert(const std::string& id) {
    const std::uint64_t hash = std::hash<std::string_view>()(id);
    if (index_.find(hash, [&](std::size_t i) { return used_[i] == id; })) return false;
    index_.insert(hash, used_.size());
    used_.push_back(id);
    return true;
}

std::string EdgeIds::take(const std::string& file_id, const std::string& source, const std::string& predicate,
                          const std::string& target) {
    if (!file_id.empty() && insert(file_id)) return file_id;
    const std::string base = source + "--" + predicate + "--" + target;
    std::string id = base;
    for (std::size_t n = 2; !insert(id); ++n) id = base + "-" + std::to_string(n);
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

namespace iodetail {

InputFile::InputFile(const std::string& path) : name_(path == "-" ? std::string("standard input") : path) {
    own_ = path != "-";
    fd_ = own_ ? ::open(path.c_str(), O_RDONLY | O_CLOEXEC) : STDIN_FILENO;
    if (fd_ < 0) throw Error(ExitCode::bad_input, path + ": " + std::strerror(errno));
    struct stat st {};
    if (::fstat(fd_, &st) == 0 && S_ISREG(st.st_mode)) {
        regular_ = own_;  // standard input cannot be opened again, whatever it is
        size_ = static_cast<std::size_t>(st.st_size);
    }
}

InputFile::~InputFile() {
    if (own_) ::close(fd_);
}

std::size_t InputFile::read(char* out, std::size_t n) {
    for (;;) {
        const ssize_t got = ::read(fd_, out, n);
        if (got >= 0) return static_cast<std::size_t>(got);
        if (errno != EINTR) throw Error(ExitCode::bad_input, name_ + ": " + std::strerror(errno));  // "Is a directory", …
    }
}

FileText::FileText(const std::string& path) {
    InputFile in(path);
    *this = FileText(in);
}

FileText::FileText(InputFile& in) {
    // A regular file's size is known; pipes and terminals grow the buffer as they deliver.
    std::size_t capacity = std::max<std::size_t>(in.size() + 1, 64 * 1024);
    data_.reset(new char[capacity]);
    for (;;) {
        if (size_ == capacity) {
            std::unique_ptr<char[]> bigger(new char[capacity * 2]);
            std::memcpy(bigger.get(), data_.get(), size_);
            data_ = std::move(bigger);
            capacity *= 2;
        }
        const std::size_t n = in.read(data_.get() + size_, capacity - size_);
        if (n == 0) break;
        size_ += n;
    }
}

}  // namespace iodetail

namespace {

std::string display_name(const std::string& path) { return path == "-" ? "standard input" : path; }

}  // namespace

KnowledgeGraph read_json(const std::string& path) {
    return parse_json(iodetail::FileText(path).view(), display_name(path));
}

KnowledgeGraph read_graphml(const std::string& path) { return iodetail::read_graphml_file(path, display_name(path)); }

KnowledgeGraph read_graph(const std::string& path) {
    iodetail::InputFile in(path);
    if (in.regular()) {
        // GraphML can be read without holding the whole file (read_graphml_file); its first bytes tell.
        char head[4096];
        std::size_t n = 0;
        for (std::size_t got = 1; got && n < sizeof head;) n += got = in.read(head + n, sizeof head - n);
        std::size_t i = 0;
        if (std::string_view(head, n).compare(0, 3, "\xEF\xBB\xBF") == 0) i = 3;
        while (i < n && (head[i] == ' ' || head[i] == '\t' || head[i] == '\n' || head[i] == '\r')) ++i;
        if (i < n && head[i] == '<') return iodetail::read_graphml_file(path, display_name(path));
    }
    // A pipe cannot be opened again: what was opened is read.
    const iodetail::FileText file = in.regular() ? iodetail::FileText(path) : iodetail::FileText(in);
    const std::string_view text = file.view();
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
