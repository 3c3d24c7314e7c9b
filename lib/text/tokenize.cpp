#include "text/tokenize.hpp"

#include "text/util.hpp"

#include <kg/limits.hpp>

namespace kg::detail {

std::size_t alnum_run_end_plain(std::string_view t, std::size_t i, bool& digits_only) {
    for (; i < t.size(); ++i) {
        const char c = t[i];
        if (c >= '0' && c <= '9') continue;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) break;
        digits_only = false;
    }
    return i;
}

namespace {

bool is_ascii_alnum(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

// Length of the UTF-8 sequence at i when it is punctuation or white space that must split words:
// curly quotes, dashes, bullets, ellipsis, no-break space. 0 otherwise.
std::size_t unicode_punct(std::string_view t, std::size_t i, bool& is_blank) {
    is_blank = false;
    auto at = [&](std::size_t k) { return i + k < t.size() ? static_cast<unsigned char>(t[i + k]) : 0u; };
    if (at(0) == 0xC2 && at(1) == 0xA0) { is_blank = true; return 2; }       // no-break space
    if (at(0) == 0xC2 && (at(1) == 0xAB || at(1) == 0xBB)) return 2;          // « »
    if (at(0) == 0xE2 && at(1) == 0x80) {
        unsigned char c = at(2);
        if (c >= 0x80 && c <= 0x8A) { is_blank = true; return 3; }           // en/em spaces
        // Zero-width space, non-joiner and joiner: invisible, and no part of a name ("Wikinews\u200D").
        if (c >= 0x8B && c <= 0x8D) { is_blank = true; return 3; }
        if (c == 0xAF) { is_blank = true; return 3; }                         // narrow no-break space
        if ((c >= 0x90 && c <= 0x95) || (c >= 0x98 && c <= 0x9F) || c == 0xA2 || c == 0xA6 || c == 0xB9 || c == 0xBA)
            return 3;  // dashes, quotes, bullet, ellipsis, angle quotes
    }
    if (at(0) == 0xE3 && at(1) == 0x80 && at(2) == 0x80) { is_blank = true; return 3; }  // ideographic space
    if (at(0) == 0xE2 && at(1) == 0x81 && at(2) == 0xA0) { is_blank = true; return 3; }  // word joiner
    if (at(0) == 0xEF && at(1) == 0xBB && at(2) == 0xBF) { is_blank = true; return 3; }  // zero-width no-break space
    return 0;
}

bool is_apostrophe(std::string_view t, std::size_t i, std::size_t& len) {
    if (t[i] == '\'') { len = 1; return true; }
    if (i + 2 < t.size() && static_cast<unsigned char>(t[i]) == 0xE2 && static_cast<unsigned char>(t[i + 1]) == 0x80 &&
        static_cast<unsigned char>(t[i + 2]) == 0x99) {
        len = 3;
        return true;
    }
    return false;
}

bool word_byte(unsigned char c) { return is_ascii_alnum(c) || c >= 0x80; }

bool dotted_initials(std::string_view w) {
    // "U.S", "U.K", "e.g": single letters separated by dots
    if (w.size() < 3) return false;
    for (std::size_t i = 0; i < w.size(); ++i) {
        bool letter = (w[i] >= 'A' && w[i] <= 'Z') || (w[i] >= 'a' && w[i] <= 'z');
        if (i % 2 == 0 ? !letter : w[i] != '.') return false;
    }
    return true;
}

}  // namespace

Tokenized tokenize(std::string_view t, const Abbreviations& abbr) {
    Tokenized out;
    tokenize(t, abbr, out);
    return out;
}

void tokenize(std::string_view t, const Abbreviations& abbr, Tokenized& out) {
    auto& toks = out.tokens;
    toks.clear();
    out.sentences.clear();
    out.cut_sentences = 0;
    toks.reserve(t.size() / 5 + 16);  // news text: a token per 5 to 6 bytes; growing the vector copies it
    thread_local std::vector<std::size_t> line_breaks;  // token index before which a newline occurred
    line_breaks.clear();
    bool space = true;
    bool newline = true;
    std::size_t i = 0;
    const std::size_t n = t.size();
    auto push = [&](std::size_t s, std::size_t e, TokKind k) {
        if (newline && !toks.empty()) line_breaks.push_back(toks.size());
        Token tok;
        tok.start = static_cast<std::uint32_t>(s);
        tok.end = static_cast<std::uint32_t>(e);
        tok.kind = k;
        tok.space_before = space;
        tok.text = t.substr(s, e - s);
        toks.push_back(tok);
        space = false;
        newline = false;
    };
    while (i < n) {
        unsigned char c = static_cast<unsigned char>(t[i]);
        if (is_space(c)) {
            if (c == '\n') newline = true;
            space = true;
            ++i;
            continue;
        }
        bool blank = false;
        if (std::size_t len = c >= 0x80 ? unicode_punct(t, i, blank) : 0) {  // all its cases start with a non-ASCII byte
            if (blank) space = true;
            else push(i, i + len, TokKind::punct);
            i += len;
            continue;
        }
        if (!word_byte(c)) {
            // '$' and '#' attach to a following number/word only in the sense of being separate tokens.
            push(i, i + 1, TokKind::punct);
            ++i;
            continue;
        }
        // A word or number: alnum and non-ASCII bytes, with inner '.', ',' (numbers), '&' and
        // apostrophes kept when followed by more word bytes; hyphens split so "US-China" gives two names.
        std::size_t s = i;
        bool digits_only = true;
        while (i < n) {
            // Fast path: a run of ASCII letters and digits, which the general case below would take one
            // byte at a time with the same result (most of a word).
            i = alnum_run_end(t, i, digits_only);
            if (i >= n) break;
            unsigned char d = static_cast<unsigned char>(t[i]);
            bool blank2;
            std::size_t alen0 = 0;
            // ’ is both a quote and an apostrophe: inside a word ("Da’esh", "China’s") the apostrophe
            // branch below decides; elsewhere it ends the word.
            bool curly_apostrophe = d >= 0x80 && is_apostrophe(t, i, alen0);
            if (d >= 0x80 && !curly_apostrophe && unicode_punct(t, i, blank2)) break;
            if (word_byte(d) && !curly_apostrophe) {
                if (!(d >= '0' && d <= '9')) digits_only = false;
                ++i;
                continue;
            }
            std::size_t alen = 0;
            if ((d == '.' || d == ',') && i + 1 < n && is_ascii_alnum(static_cast<unsigned char>(t[i + 1])) &&
                (d == '.' || (digits_only && t[i + 1] >= '0' && t[i + 1] <= '9'))) {
                ++i;
                continue;
            }
            if (is_apostrophe(t, i, alen) && i + alen < n && word_byte(static_cast<unsigned char>(t[i + alen]))) {
                // split a possessive ’s / 's; keep O'Brien, don't
                std::size_t after = i + alen;
                bool possessive = (t[after] == 's' || t[after] == 'S') &&
                                  (after + 1 >= n || !word_byte(static_cast<unsigned char>(t[after + 1])));
                if (possessive) break;
                i = after;
                continue;
            }
            break;
        }
        std::string_view w = t.substr(s, i - s);
        // Keep the final period of known abbreviations and dotted initials ("Ltd.", "U.S."), and of an
        // initial: one capital after a word or a comma, before a capitalized word on the same line ("George
        // W. Bush", "secretary A. Rajendran", "writer L. Ron Hubbard"), so that the name is not cut into two
        // sentences. Not "I", which ends "World War I.".
        if (i < n && t[i] == '.') {
            std::string lw = lower(w);
            const bool middle_initial = w.size() == 1 && w[0] >= 'A' && w[0] <= 'Z' && w[0] != 'I' && !toks.empty() &&
                                        !newline && (toks.back().kind == TokKind::word || toks.back().text == ",") &&
                                        i + 2 < n && t[i + 1] == ' ' && t[i + 2] >= 'A' && t[i + 2] <= 'Z';
            // "Rochester, Minn.": a place's abbreviation after a comma (elsewhere "Mass." is a word).
            const bool place = !toks.empty() && toks.back().text == "," && !newline && w[0] >= 'A' && w[0] <= 'Z' &&
                               abbr.after_comma.count(lw);
            if (dotted_initials(w) || abbr.all.count(lw) || middle_initial || place) ++i;
        }
        push(s, i, digits_only ? TokKind::number : TokKind::word);
        // possessive suffix as its own token
        std::size_t alen = 0;
        if (i < n && is_apostrophe(t, i, alen) && i + alen < n && (t[i + alen] == 's' || t[i + alen] == 'S') &&
            (i + alen + 1 >= n || !word_byte(static_cast<unsigned char>(t[i + alen + 1])))) {
            push(i, i + alen + 1, TokKind::word);
            i += alen + 1;
        }
    }

    // Sentences.
    std::size_t lb = 0;
    std::uint32_t begin = 0;
    auto close = [&](std::uint32_t end) {
        if (end <= begin) return;
        Sentence s;
        s.begin = begin;
        s.end = end;
        s.start = toks[begin].start;
        s.stop = toks[end - 1].end;
        out.sentences.push_back(s);
        begin = end;
    };
    for (std::uint32_t k = 0; k < toks.size(); ++k) {
        while (lb < line_breaks.size() && line_breaks[lb] < k) ++lb;
        if (lb < line_breaks.size() && line_breaks[lb] == k) close(k);
        // A run without sentence ends (a list, a dump) is cut, so that per-sentence work stays linear.
        if (k - begin >= limits::max_sentence_tokens) {
            close(k);
            ++out.cut_sentences;
        }
        const Token& tk = toks[k];
        bool end_punct = tk.kind == TokKind::punct && (tk.text == "." || tk.text == "!" || tk.text == "?");
        bool abbr_dot = tk.kind == TokKind::word && tk.text.size() > 1 && tk.text.back() == '.';
        if (!end_punct && !abbr_dot) continue;
        // Include closing quotes/brackets that follow the terminal punctuation.
        std::uint32_t e = k + 1;
        while (e < toks.size() && !toks[e].space_before && toks[e].kind == TokKind::punct &&
               (toks[e].text == "\"" || toks[e].text == ")" || toks[e].text == "\xE2\x80\x9D" || toks[e].text == "\xE2\x80\x99"))
            ++e;
        if (e >= toks.size()) continue;
        const Token& next = toks[e];
        if (!next.space_before) continue;
        bool next_starts = next.cap() || next.kind == TokKind::number || next.kind == TokKind::punct;
        if (!next_starts) continue;
        if (abbr_dot) {
            std::string lw = lower(tk.text.substr(0, tk.text.size() - 1));
            if (abbr.never_final.count(lw)) continue;
            // "U.S. The ..." ends a sentence, "U.S. President ..." does not: only a following word that is
            // usually written lower-case (a function word, capitalized as a sentence's first word: "The",
            // not "IT") makes the abbreviation final.
            const std::string_view nw = next.text;
            bool title_case = next.kind == TokKind::word && nw[0] >= 'A' && nw[0] <= 'Z';
            for (std::size_t q = 1; q < nw.size() && title_case; ++q) title_case = !(nw[q] >= 'A' && nw[q] <= 'Z');
            if (!title_case || !abbr.openers.count(lower(nw))) continue;
        }
        close(e);
        k = e - 1;
    }
    close(static_cast<std::uint32_t>(toks.size()));
    // Kept for the thread's next text, unless a huge one made it large.
    if (line_breaks.capacity() > (std::size_t(1) << 16)) std::vector<std::size_t>().swap(line_breaks);
}

}  // namespace kg::detail
