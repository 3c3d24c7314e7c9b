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

}  // namespace kg::detail
