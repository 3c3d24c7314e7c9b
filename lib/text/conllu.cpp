// The shared CoNLL-U reader (text/conllu.hpp). Lenient where the callers differ (UPOS and HEAD stay as
// written), strict on the layout: a line of the wrong shape is an error naming file:line, because a
// silently skipped word shifts every HEAD after it.
#include "text/conllu.hpp"

#include "text/util.hpp"

#include <kg/error.hpp>

#include <fstream>
#include <sstream>

namespace kg::detail {

bool parse_number(std::string_view s, std::size_t& out) {
    if (s.empty() || s.size() > 9) return false;
    out = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
        out = out * 10 + static_cast<std::size_t>(c - '0');
    }
    return true;
}

std::string_view conllu_misc_value(std::string_view misc, std::string_view key) {
    for (std::string_view f : split(misc, '|'))
        if (f.size() > key.size() && f.compare(0, key.size(), key) == 0 && f[key.size()] == '=')
            return f.substr(key.size() + 1);
    return {};
}

std::vector<ConlluDocument> parse_conllu(std::string_view text, const std::string& path) {
    if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.remove_prefix(3);
    std::vector<ConlluDocument> docs;
    std::size_t line_no = 0;
    bool in_sentence = false;
    std::size_t mwt_first = 0, mwt_last = 0;  // the open multiword token's range (mwt_last 0: none)
    bool mwt_space = true;

    auto fail = [&](const std::string& what) {
        throw Error(ExitCode::bad_input, path + ":" + std::to_string(line_no) + ": " + what);
    };
    auto end_sentence = [&] {
        in_sentence = false;
        mwt_last = 0;
    };

    std::vector<std::string_view> cols;
    for (std::string_view line : split_lines(text)) {
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (trim(line).empty()) {
            end_sentence();
            continue;
        }
        if (line[0] == '#') {
            const std::string_view key = "# newdoc";
            if (line.compare(0, key.size(), key) == 0) {
                end_sentence();
                ConlluDocument d;
                const std::size_t eq = line.find('=');
                if (eq != std::string_view::npos) d.id = std::string(trim(line.substr(eq + 1)));
                d.line = line_no;
                docs.push_back(std::move(d));
            }
            continue;
        }
        split_into(line, '\t', cols);
        if (cols.size() != 10) fail("expected ten tab-separated columns");
        const std::size_t dash = cols[0].find('-');
        if (dash != std::string_view::npos) {  // multiword token: its words follow
            std::size_t a = 0, b = 0;
            if (!parse_number(cols[0].substr(0, dash), a) || !parse_number(cols[0].substr(dash + 1), b) || b < a)
                fail("bad token id '" + std::string(cols[0]) + "'");
            mwt_first = a;
            mwt_last = b;
            mwt_space = conllu_misc_value(cols[9], "SpaceAfter") != "No";
            continue;
        }
        if (cols[0].find('.') != std::string_view::npos) continue;  // empty node
        ConlluWord w;
        if (!parse_number(cols[0], w.id)) fail("bad token id '" + std::string(cols[0]) + "'");
        if (docs.empty()) {
            ConlluDocument d;
            d.line = line_no;
            docs.push_back(std::move(d));
        }
        ConlluDocument& d = docs.back();
        if (!in_sentence) {
            d.sentences.emplace_back();
            d.sentences.back().line = line_no;
            in_sentence = true;
        }
        w.form = std::string(cols[1]);
        w.upos = std::string(cols[3]);
        std::size_t head = 0;
        if (parse_number(cols[6], head)) w.head = head;
        w.deprel = std::string(cols[7]);
        w.misc = std::string(cols[9]);
        w.space_after = conllu_misc_value(cols[9], "SpaceAfter") != "No";
        if (mwt_last && w.id >= mwt_first && w.id <= mwt_last) {
            w.space_after = w.space_after && w.id == mwt_last && mwt_space;
            if (w.id == mwt_last) mwt_last = 0;
        }
        w.line = line_no;
        d.sentences.back().words.push_back(std::move(w));
    }
    return docs;
}

std::vector<ConlluDocument> read_conllu(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ExitCode::bad_input, path + ": cannot open");
    std::stringstream ss;
    ss << in.rdbuf();
    if (in.bad()) throw Error(ExitCode::bad_input, path + ": cannot read");
    return parse_conllu(ss.str(), path);
}

}  // namespace kg::detail
