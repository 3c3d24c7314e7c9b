#include "text/util.hpp"

#include <algorithm>

namespace kg::detail {

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t nl = text.find('\n', pos);
        if (nl == std::string_view::npos) nl = text.size();
        std::string_view line = text.substr(pos, nl - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        out.push_back(line);
        pos = nl + 1;
    }
    return out;
}

std::vector<std::string_view> split(std::string_view text, char sep) {
    std::vector<std::string_view> out;
    split_into(text, sep, out);
    return out;
}

void split_into(std::string_view text, char sep, std::vector<std::string_view>& out) {
    out.clear();
    // A plain loop: the fields are short, and a library search per field costs more than it saves.
    std::size_t from = 0;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == sep) {
            out.push_back(text.substr(from, i - from));
            from = i + 1;
        }
    out.push_back(text.substr(from));
}

namespace {
// ASCII lower case of p[0, n) in place. Branch-free, so that the compiler vectorizes it: the extractor
// lower-cases every document's whole text.
void lower_in_place(char* p, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) {
        const unsigned char c = static_cast<unsigned char>(p[i]);
        p[i] = static_cast<char>(c + (static_cast<unsigned char>(c - 'A') < 26 ? 32 : 0));
    }
}
}  // namespace

std::string lower(std::string_view s) {
    std::string out(s);
    lower_in_place(out.data(), out.size());
    return out;
}

void append_lower(std::string& out, std::string_view s) {
    const std::size_t from = out.size();
    out.append(s);
    lower_in_place(out.data() + from, out.size() - from);
}

namespace {
// What fold_name() does with each byte: 0 drops it (punctuation: "U.S." -> "us"), 1 makes a word break
// (blank, '-', '_'), anything else is the byte to write (ASCII lower case; letters, digits and bytes
// >= 0x80, all of which are > 1). One table load instead of a chain of range tests per byte.
struct FoldTable {
    unsigned char map[256] = {};
    FoldTable() {
        for (int c = 0; c < 256; ++c) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) map[c] = static_cast<unsigned char>(c);
            else if (c >= 'A' && c <= 'Z') map[c] = static_cast<unsigned char>(c - 'A' + 'a');
            else if (c == ' ' || c == '\t' || c == '\n' || c == '-' || c == '_') map[c] = 1;
        }
    }
};
const FoldTable fold_table;
}  // namespace

std::size_t fold_into(char* out, std::size_t n, bool& space, std::string_view piece) {
    const unsigned char* map = fold_table.map;
    for (char ch : piece) {
        const unsigned char k = map[static_cast<unsigned char>(ch)];
        if (k > 1) {
            if (space && n > 0) out[n++] = ' ';
            space = false;
            out[n++] = static_cast<char>(k);
        } else if (k == 1) {
            space = true;
        }
    }
    return n;
}

void fold_append(std::string& out, bool& space, std::string_view piece) {
    // At most one separator per byte written, so 2 * piece.size() bytes of room suffice.
    const std::size_t n = out.size();
    out.resize(n + 2 * piece.size());
    out.resize(fold_into(&out[0], n, space, piece));
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) s.remove_suffix(1);
    return s;
}

bool has_upper_inside(std::string_view w) {
    bool lower = false, inner = false;
    for (std::size_t i = 0; i < w.size(); ++i) {
        if (w[i] >= 'a' && w[i] <= 'z') lower = true;
        if (i > 0 && w[i] >= 'A' && w[i] <= 'Z') inner = true;
    }
    return lower && inner;
}
bool has_digit(std::string_view w) {
    return std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}
bool has_alpha(std::string_view w) {
    return std::any_of(w.begin(), w.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}
bool all_caps(std::string_view w) {
    int letters = 0;
    for (char c : w) {
        if (c >= 'a' && c <= 'z') return false;
        if (c >= 'A' && c <= 'Z') ++letters;
    }
    return letters >= 2;
}
bool plain_cap(std::string_view w) {
    if (w.size() < 2 || !(w[0] >= 'A' && w[0] <= 'Z')) return false;
    for (std::size_t i = 1; i < w.size(); ++i)
        if (!(w[i] >= 'a' && w[i] <= 'z') && w[i] != '-' && w[i] != '\'') return false;
    return true;
}

}  // namespace kg::detail
