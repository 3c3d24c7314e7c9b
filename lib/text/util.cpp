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
    std::size_t pos = 0;
    for (;;) {
        std::size_t at = text.find(sep, pos);
        if (at == std::string_view::npos) {
            out.push_back(text.substr(pos));
            return out;
        }
        out.push_back(text.substr(pos, at - pos));
        pos = at + 1;
    }
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

void append_lower(std::string& out, std::string_view s) {
    const std::size_t from = out.size();
    out.append(s);
    for (std::size_t i = from; i < out.size(); ++i)
        if (out[i] >= 'A' && out[i] <= 'Z') out[i] = static_cast<char>(out[i] - 'A' + 'a');
}

std::size_t fold_into(char* out, std::size_t n, bool& space, std::string_view piece) {
    for (char ch : piece) {
        const unsigned char c = static_cast<unsigned char>(ch);
        char keep;
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) {
            keep = ch;
        } else if (c >= 'A' && c <= 'Z') {
            keep = static_cast<char>(c - 'A' + 'a');
        } else {
            if (c == ' ' || c == '\t' || c == '\n' || c == '-' || c == '_') space = true;
            continue;  // other punctuation is dropped without a break: "U.S." -> "us"
        }
        if (space && n > 0) out[n++] = ' ';
        space = false;
        out[n++] = keep;
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
bool is_possessive(std::string_view w) {
    return w == "'s" || w == "'S" || w == "\xE2\x80\x99s" || w == "\xE2\x80\x99S";
}
bool plain_cap(std::string_view w) {
    if (w.size() < 2 || !(w[0] >= 'A' && w[0] <= 'Z')) return false;
    for (std::size_t i = 1; i < w.size(); ++i)
        if (!(w[i] >= 'a' && w[i] <= 'z') && w[i] != '-' && w[i] != '\'') return false;
    return true;
}

namespace {

// Byte classes for word_shape(), one table lookup per byte.
enum : unsigned char { k_lower = 1, k_upper = 2, k_digit = 4, k_plain_rest = 8, k_ascii_punct = 16 };

struct ShapeTable {
    unsigned char cls[256] = {};
    ShapeTable() {
        for (int c = 0; c < 256; ++c) {
            unsigned char f = 0;
            if (c >= 'a' && c <= 'z') f = k_lower | k_plain_rest;
            else if (c >= 'A' && c <= 'Z') f = k_upper;
            else if (c >= '0' && c <= '9') f = k_digit;
            else if (c < 0x80) f = k_ascii_punct;
            if (c == '-' || c == '\'') f |= k_plain_rest;
            cls[c] = f;
        }
    }
};
const ShapeTable shape_table;

}  // namespace

WordShape word_shape(std::string_view w) {
    WordShape out;
    out.possessive = (w.size() == 2 || w.size() == 4) && is_possessive(w);
    if (w.empty()) {
        out.fold_is_lower = true;
        return out;
    }
    const unsigned char* cls = shape_table.cls;
    const unsigned char first = cls[static_cast<unsigned char>(w[0])];
    unsigned any = first, rest_any = 0, rest_all = k_plain_rest;
    int upper = (first & k_upper) ? 1 : 0;
    for (std::size_t i = 1; i < w.size(); ++i) {
        const unsigned char f = cls[static_cast<unsigned char>(w[i])];
        rest_any |= f;
        rest_all &= f;
        upper += (f & k_upper) ? 1 : 0;
    }
    any |= rest_any;
    const bool lower = any & k_lower;
    out.upper_inside = lower && (rest_any & k_upper);
    out.digit = any & k_digit;
    out.alpha = any & (k_lower | k_upper);
    out.all_caps = !lower && upper >= 2;
    out.plain_cap = w.size() >= 2 && (first & k_upper) && (rest_all & k_plain_rest);
    out.fold_is_lower = !(any & k_ascii_punct);
    return out;
}

}  // namespace kg::detail
