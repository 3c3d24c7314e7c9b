#include <kg/export.hpp>

#include <kg/error.hpp>

#include "export/text.hpp"

#include <cerrno>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <sstream>
#include <streambuf>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kg {

namespace exportdetail {

// For a bidirectional adjacency_list, boost::edges() walks the graph-wide edge list (EdgeListS, default
// listS), which add_edge() appends to; so it yields edges in insertion order (unlike directedS, where it
// walks out-edges per source vertex). Pin the type so a change to kg::Graph forces a second look here.
static_assert(std::is_same_v<Graph, boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, Entity,
                                                          Relation, boost::no_property, boost::listS>>,
              "edges_in_order relies on a bidirectional graph with a listS edge list");

std::vector<Edge> edges_in_order(const Graph& g) {
    std::vector<Edge> out;
    out.reserve(boost::num_edges(g));
    for (Edge e : boost::make_iterator_range(boost::edges(g))) out.push_back(e);
    return out;
}

namespace {
void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

bool xml_allowed(char32_t cp) {
    if (cp < 0x20) return cp == 0x09 || cp == 0x0A || cp == 0x0D;
    return cp != 0xFFFE && cp != 0xFFFF;  // surrogates never get here: the decoder rejects them
}
}  // namespace

std::string sanitize_utf8(std::string_view in, bool xml) {
    constexpr char32_t kReplacement = 0xFFFD;
    std::string out;
    out.reserve(in.size());
    std::size_t i = 0;
    const std::size_t n = in.size();
    while (i < n) {
        const auto b0 = static_cast<unsigned char>(in[i]);
        if (b0 < 0x80) {
            if (xml && !xml_allowed(b0))
                append_utf8(out, kReplacement);
            else
                out += static_cast<char>(b0);
            ++i;
            continue;
        }
        // Table 3-7 of the Unicode standard: lead byte, its length, and the range of the second byte
        // (which is what excludes overlongs, surrogates and code points above U+10FFFF).
        std::size_t len = 0;
        unsigned char lo = 0x80, hi = 0xBF;
        if (b0 >= 0xC2 && b0 <= 0xDF) len = 2;
        else if (b0 == 0xE0) len = 3, lo = 0xA0;
        else if (b0 >= 0xE1 && b0 <= 0xEC) len = 3;
        else if (b0 == 0xED) len = 3, hi = 0x9F;
        else if (b0 >= 0xEE && b0 <= 0xEF) len = 3;
        else if (b0 == 0xF0) len = 4, lo = 0x90;
        else if (b0 >= 0xF1 && b0 <= 0xF3) len = 4;
        else if (b0 == 0xF4) len = 4, hi = 0x8F;
        if (len == 0) {
            append_utf8(out, kReplacement);
            ++i;
            continue;
        }
        char32_t cp = b0 & (0xFF >> (len + 1));
        std::size_t k = 1;
        for (; k < len && i + k < n; ++k) {
            const auto b = static_cast<unsigned char>(in[i + k]);
            const unsigned char min = k == 1 ? lo : 0x80, max = k == 1 ? hi : 0xBF;
            if (b < min || b > max) break;
            cp = (cp << 6) | (b & 0x3F);
        }
        if (k < len) {
            // One U+FFFD per maximal ill-formed subpart, as the Unicode standard recommends.
            append_utf8(out, kReplacement);
            i += k;
            continue;
        }
        if (xml && !xml_allowed(cp))
            append_utf8(out, kReplacement);
        else
            out.append(in.substr(i, len));
        i += len;
    }
    return out;
}

std::string xml_escape(std::string_view s, bool attr) {
    const std::string clean = sanitize_utf8(s, true);
    std::string out;
    out.reserve(clean.size() + clean.size() / 8);
    for (char c : clean) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '\r': out += "&#13;"; break;
        case '"': out += attr ? "&quot;" : "\""; break;
        case '\t': out += attr ? "&#9;" : "\t"; break;
        case '\n': out += attr ? "&#10;" : "\n"; break;
        default: out += c;
        }
    }
    return out;
}

std::string format_double(double value) {
    if (std::isnan(value)) return "NaN";
    if (std::isinf(value)) return value > 0 ? "INF" : "-INF";
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
    if (ec != std::errc()) return "NaN";  // cannot happen with 64 bytes
    return std::string(buf, end);
}

std::string format_json_double(double value) {
    std::string s = format_double(value);
    if (std::isfinite(value) && s.find_first_of(".e") == std::string::npos) s += ".0";
    return s;
}

std::vector<std::size_t> degrees(const Graph& g) {
    std::vector<std::size_t> out(boost::num_vertices(g), 0);
    for (Edge e : boost::make_iterator_range(boost::edges(g))) {
        ++out[boost::source(e, g)];
        ++out[boost::target(e, g)];
    }
    return out;
}

}  // namespace exportdetail

namespace {
constexpr std::pair<std::string_view, Format> kFormats[] = {
    {"graphml", Format::graphml}, {"json", Format::json}, {"yed", Format::yed},  {"gexf", Format::gexf},
    {"cytoscape", Format::cytoscape}, {"dot", Format::dot}, {"csv", Format::csv}, {"html", Format::html},
};
}  // namespace

std::optional<Format> parse_format(std::string_view name) noexcept {
    for (const auto& [n, f] : kFormats)
        if (n == name) return f;
    return std::nullopt;
}

std::string_view to_string(Format format) noexcept {
    for (const auto& [n, f] : kFormats)
        if (f == format) return n;
    return "graphml";
}

void write(const KnowledgeGraph& graph, Format format, std::ostream& out, const WriteOptions& options) {
    switch (format) {
    case Format::graphml: write_graphml(graph, out); return;
    case Format::json: write_json(graph, out, options); return;
    case Format::yed: write_yed(graph, out, options); return;
    case Format::gexf: write_gexf(graph, out); return;
    case Format::cytoscape: write_cytoscape(graph, out); return;
    case Format::dot: write_dot(graph, out, options); return;
    case Format::html: write_html(graph, out, options); return;
    case Format::csv:
        throw Error(ExitCode::usage, "csv writes two files (nodes.csv, relationships.csv): give a directory with -o DIR");
    }
}

namespace {

[[noreturn]] void fail(const std::string& path, int err) {
    throw Error(ExitCode::output, path + ": " + std::strerror(err));
}

// Writes all of `data`; returns 0 or the errno of the failed write.
int write_all(int fd, std::string_view data) {
    const char* p = data.data();
    std::size_t left = data.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            return errno;
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    return 0;
}

// An output stream straight onto a file descriptor: a big corpus's export is gigabytes, and building it in
// memory first (as an ostringstream does, at up to twice its size, plus a copy) would dominate peak memory.
// A failed write stops the stream; error() gives its errno.
class FdBuf : public std::streambuf {
public:
    explicit FdBuf(int fd) : fd_(fd), buf_(1 << 20) { setp(buf_.data(), buf_.data() + buf_.size()); }
    int error() const { return err_; }
    // Writes what is buffered; returns 0 or the errno.
    int flush_all() {
        if (err_ == 0) {
            const std::size_t n = static_cast<std::size_t>(pptr() - pbase());
            err_ = write_all(fd_, std::string_view(pbase(), n));
        }
        setp(buf_.data(), buf_.data() + buf_.size());
        return err_;
    }

protected:
    int_type overflow(int_type ch) override {
        if (flush_all() != 0) return traits_type::eof();
        if (!traits_type::eq_int_type(ch, traits_type::eof())) {
            *pptr() = traits_type::to_char_type(ch);
            pbump(1);
        }
        return traits_type::not_eof(ch);
    }
    int sync() override { return flush_all() == 0 ? 0 : -1; }

private:
    int fd_;
    std::vector<char> buf_;
    int err_ = 0;
};

// Runs `produce` onto `fd`; returns 0 or the errno of the failed write (exceptions from produce propagate).
int produce_into(int fd, const OutputProducer& produce) {
    FdBuf buf(fd);
    std::ostream out(&buf);
    produce(out);
    return buf.flush_all();
}

// Devices and pipes cannot be renamed over: write straight through, and report the failure (/dev/full).
void write_direct(const std::string& path, const OutputProducer& produce) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) fail(path, errno);
    int err = 0;
    try {
        err = produce_into(fd, produce);
    } catch (...) {
        ::close(fd);
        throw;
    }
    if (::close(fd) != 0 && err == 0) err = errno;
    if (err != 0) fail(path, err);
}

std::string directory_of(const std::string& path) {
    auto slash = path.find_last_of('/');
    if (slash == std::string::npos) return ".";
    if (slash == 0) return "/";
    return path.substr(0, slash);
}

void write_atomic(const std::string& path, const OutputProducer& produce, const struct stat* existing) {
    // open(O_EXCL, 0666) rather than mkstemp so the new file gets the usual umask-derived mode.
    std::string tmp;
    int fd = -1;
    for (unsigned attempt = 0; fd < 0; ++attempt) {
        tmp = path + ".tmp." + std::to_string(::getpid()) + (attempt ? "." + std::to_string(attempt) : "");
        fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd < 0 && (errno != EEXIST || attempt >= 100)) {
            int err = errno;
            if (err == ENOENT) {
                throw Error(ExitCode::output,
                            path + ": cannot create file: directory '" + directory_of(path) + "' does not exist");
            }
            fail(path, err);
        }
    }
    int err = 0;
    if (existing) (void)::fchmod(fd, existing->st_mode & 07777);  // keep the replaced file's permissions
    try {
        err = produce_into(fd, produce);
    } catch (...) {
        // Serializing failed half-way: the partial file must not survive.
        ::close(fd);
        ::unlink(tmp.c_str());
        throw;
    }
    if (err == 0 && ::fsync(fd) != 0) err = errno;
    if (::close(fd) != 0 && err == 0) err = errno;
    if (err == 0 && ::rename(tmp.c_str(), path.c_str()) != 0) err = errno;
    if (err != 0) {
        ::unlink(tmp.c_str());
        fail(path, err);
    }
    // Make the rename itself durable; failing here loses nothing already written, so it is not an error.
    int dfd = ::open(directory_of(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        (void)::fsync(dfd);
        ::close(dfd);
    }
}

}  // namespace

void write_csv_dir(const KnowledgeGraph& graph, const std::string& dir) {
    if (dir.empty() || dir == "-")
        throw Error(ExitCode::usage, "csv writes two files (nodes.csv, relationships.csv): give a directory with -o DIR");
    // Serialize first, as write_file does: a failure here touches nothing on disk.
    std::ostringstream nodes, rels;
    write_csv_nodes(graph, nodes);
    write_csv_relationships(graph, rels);
    const std::pair<const char*, std::string> files[] = {{"nodes.csv", std::move(nodes).str()},
                                                          {"relationships.csv", std::move(rels).str()}};

    struct stat st {};
    if (::stat(dir.c_str(), &st) == 0) {
        if (!S_ISDIR(st.st_mode)) fail(dir, ENOTDIR);
        // An existing directory may hold other files: stage both files beside their targets, then rename
        // both, so neither is replaced unless both were written.
        std::vector<std::string> tmps;
        auto cleanup = [&] {
            for (const auto& t : tmps) ::unlink(t.c_str());
        };
        for (const auto& [name, data] : files) {
            const std::string tmp = dir + "/." + name + ".tmp." + std::to_string(::getpid());
            int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
            if (fd < 0) {
                int err = errno;
                cleanup();
                fail(dir + "/" + name, err);
            }
            tmps.push_back(tmp);
            int err = write_all(fd, data);
            if (err == 0 && ::fsync(fd) != 0) err = errno;
            if (::close(fd) != 0 && err == 0) err = errno;
            if (err != 0) {
                cleanup();
                fail(dir + "/" + name, err);
            }
        }
        for (std::size_t i = 0; i < tmps.size(); ++i) {
            const std::string target = dir + "/" + files[i].first;
            if (::rename(tmps[i].c_str(), target.c_str()) != 0) {
                int err = errno;
                cleanup();
                fail(target, err);
            }
        }
        return;
    }
    if (errno != ENOENT) fail(dir, errno);
    // A new directory: build it under a temporary name next to it and rename it into place whole.
    std::string tmpdir = dir;
    while (tmpdir.size() > 1 && tmpdir.back() == '/') tmpdir.pop_back();
    tmpdir += ".tmp." + std::to_string(::getpid());
    if (::mkdir(tmpdir.c_str(), 0777) != 0) {
        if (errno == ENOENT)
            throw Error(ExitCode::output, dir + ": cannot create directory: '" + directory_of(tmpdir) +
                                              "' does not exist");
        fail(dir, errno);
    }
    auto remove_tmpdir = [&] {
        for (const auto& f : files) ::unlink((tmpdir + "/" + f.first).c_str());
        ::rmdir(tmpdir.c_str());
    };
    for (const auto& [name, data] : files) {
        const std::string path = tmpdir + "/" + name;
        int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        int err = fd < 0 ? errno : write_all(fd, data);
        if (fd >= 0 && err == 0 && ::fsync(fd) != 0) err = errno;
        if (fd >= 0 && ::close(fd) != 0 && err == 0) err = errno;
        if (err != 0) {
            remove_tmpdir();
            fail(dir + "/" + name, err);
        }
    }
    if (::rename(tmpdir.c_str(), dir.c_str()) != 0) {
        int err = errno;
        remove_tmpdir();
        fail(dir, err);
    }
}

void write_file(const KnowledgeGraph& graph, Format format, const std::string& path, const WriteOptions& options) {
    if (format == Format::csv) {
        write_csv_dir(graph, path);
        return;
    }
    write_output(path, [&](std::ostream& out) { write(graph, format, out, options); });
}

void write_output(const std::string& path, const std::string& data) {
    write_output(path, [&](std::ostream& out) { out.write(data.data(), static_cast<std::streamsize>(data.size())); });
}

void write_output(const std::string& path, const OutputProducer& produce) {
    if (path == "-") {
        std::cout.flush();
        int err = std::cout ? produce_into(STDOUT_FILENO, produce) : EIO;
        if (err != 0) throw Error(ExitCode::output, std::string("standard output: ") + std::strerror(err));
        return;
    }
    if (path.empty()) throw Error(ExitCode::output, "empty output path");

    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) {
        if (!S_ISREG(st.st_mode)) {
            if (S_ISDIR(st.st_mode)) fail(path, EISDIR);
            write_direct(path, produce);
            return;
        }
        // A symlink to a regular file: replace the file it points to, not the link.
        std::string target = path;
        struct stat lst {};
        if (::lstat(path.c_str(), &lst) == 0 && S_ISLNK(lst.st_mode)) {
            if (char* real = ::realpath(path.c_str(), nullptr)) {
                target = real;
                std::free(real);
            }
        }
        write_atomic(target, produce, &st);
        return;
    }
    if (errno != ENOENT) fail(path, errno);
    write_atomic(path, produce, nullptr);
}

}  // namespace kg
