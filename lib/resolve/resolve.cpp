// Stage 4: mentions → entities, inside one document. A mention's key is its gazetteer canonical name
// (so "U.S." and "United States" meet), or its own words with variants shortened ("Artificial
// Intelligence" → "AI") and legal suffixes dropped ("X Group Holding Ltd." → "X"). Then short forms join
// the full name they abbreviate: a person's first or last name, an acronym of a name's initials, and a
// seat city acting as a government ("Beijing said") joins its country.
#include "extract/doc.hpp"

#include "text/util.hpp"

#include <kg/graph.hpp>

#include <algorithm>
#include <map>
#include <unordered_map>

namespace kg::detail {

namespace {

// Words of a name as written, without the trailing period of an abbreviation kept by the tokenizer.
std::vector<std::string> name_words(const DocState& st, const MentionCand& m) {
    std::vector<std::string> out;
    for (std::uint32_t i = m.b; i < m.e; ++i) {
        const Token& t = st.tok.tokens[i];
        if (t.kind == TokKind::punct && t.text != "&") {
            if (t.text == "-" && !out.empty() && i + 1 < m.e) {
                out.back() += "-";
                out.back() += std::string(st.tok.tokens[i + 1].text);
                ++i;
            }
            continue;
        }
        out.emplace_back(t.text);
    }
    return out;
}

std::string join(const std::vector<std::string>& w, std::size_t b, std::size_t e) {
    std::string s;
    for (std::size_t i = b; i < e; ++i) {
        if (i > b) s += ' ';
        s += w[i];
    }
    return s;
}

// Initials of a name's capitalized words; with split_hyphens, "Pan-African" gives "PA".
std::string initials(const std::vector<std::string>& words, bool split_hyphens) {
    std::vector<std::string> parts;
    for (const auto& w : words) {
        if (!split_hyphens) {
            parts.push_back(w);
            continue;
        }
        for (auto p : split(w, '-'))
            if (!p.empty()) parts.emplace_back(p);
    }
    std::string out;
    for (const auto& w : parts) {
        if (w.empty()) continue;
        if (w[0] >= 'a' && w[0] <= 'z') continue;  // of, on, for
        if (all_caps(w) && w.size() <= 3) {
            out += w;  // "AI" inside a name contributes its letters
            continue;
        }
        out += static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
    }
    return out;
}

bool locative(const std::string& w) {
    return w == "in" || w == "at" || w == "to" || w == "from" || w == "near" || w == "across" || w == "around" ||
           w == "of" || w == "into" || w == "outside" || w == "inside" || w == "on" || w == "via" || w == "through";
}

}  // namespace

void resolve_entities(DocState& st) {
    const Lexicons& lx = *st.lx;
    const auto& T = st.tok.tokens;
    std::vector<std::string> keys(st.mentions.size());
    std::vector<std::string> display(st.mentions.size());

    for (std::size_t k = 0; k < st.mentions.size(); ++k) {
        MentionCand& m = st.mentions[k];
        // Capital-city metonymy: a seat city that owns something or does something is its government.
        if (m.seat && m.type == EntityType::LOCATION && !m.country.empty()) {
            std::string prev = m.b > 0 ? st.lower_tok(m.b - 1) : "";
            bool acts = false;
            if (m.e < T.size()) {
                std::string next = st.lower_tok(m.e);
                if (next == "'s" || next == "\xE2\x80\x99s") {
                    acts = !(m.e + 1 < T.size() && st.mention_at(m.e + 1) >= 0 &&
                             st.mentions[st.mention_at(m.e + 1)].type == EntityType::LOCATION);
                } else if (st.verb(m.e)) {
                    acts = true;
                } else if (T[m.e].lower() && next.size() > 2 && next.back() == 's' && m.e + 1 < T.size()) {
                    // "Beijing aims to ...": a third-person verb the treebank mostly saw as a noun.
                    std::string after = st.lower_tok(m.e + 1);
                    const WordInfo* a = lx.word(after);
                    acts = after == "to" || (a && (a->upos == "DET" || a->upos == "PRON"));
                }
            }
            if (acts && !locative(prev)) {
                m.metonym = true;
                m.type = EntityType::COUNTRY;
                m.source = TypeSource::lexicon;
                m.canonical = m.country;
            }
        }
        std::vector<std::string> words;
        if (!m.canonical.empty()) {
            for (auto w : split(m.canonical, ' '))
                if (!w.empty()) words.emplace_back(w);
        } else {
            words = name_words(st, m);
        }
        // Shorten known variants: "Artificial Intelligence" → "AI".
        for (const auto& [longw, shortw] : lx.name_variants) {
            for (std::size_t i = 0; i + longw.size() <= words.size(); ++i) {
                bool match = true;
                for (std::size_t j = 0; j < longw.size() && match; ++j) match = lower(words[i + j]) == longw[j];
                if (match) {
                    words.erase(words.begin() + static_cast<long>(i), words.begin() + static_cast<long>(i + longw.size()));
                    words.insert(words.begin() + static_cast<long>(i), shortw);
                }
            }
        }
        // Drop legal suffixes so "X Holdings Ltd." and "X" meet.
        if (m.type == EntityType::COMPANY) {
            while (words.size() > 1) {
                auto it = lx.cues.find(lower(words.back()));
                if (it == lx.cues.end() || it->second.where != Cue::legal) break;
                words.pop_back();
            }
        }
        display[k] = join(words, 0, words.size());
        keys[k] = fold_name(display[k]);
    }

    // Short forms of people: a single word equal to the first or last word of a longer person name
    // (the first such name in the document). Indexed so long documents stay linear.
    std::unordered_map<std::string, std::size_t> person_word;
    std::unordered_map<std::string, std::size_t> by_initials;
    for (std::size_t j = 0; j < st.mentions.size(); ++j) {
        const MentionCand& o = st.mentions[j];
        if (o.e - o.b < 2) continue;
        if (o.type == EntityType::PERSON) {
            person_word.emplace(fold_name(T[o.b].text), j);
            person_word.emplace(fold_name(T[o.e - 1].text), j);
        }
        auto words = name_words(st, o);
        by_initials.emplace(initials(words, false), j);
        by_initials.emplace(initials(words, true), j);
    }
    for (std::size_t k = 0; k < st.mentions.size(); ++k) {
        MentionCand& m = st.mentions[k];
        if (m.e - m.b != 1 || m.source == TypeSource::lexicon) continue;
        auto it = person_word.find(fold_name(m.surface));
        if (it == person_word.end()) continue;
        keys[k] = keys[it->second];
        display[k] = display[it->second];
        m.type = EntityType::PERSON;
        m.source = st.mentions[it->second].source;
    }
    // Acronyms: "WAIC" for "World Artificial Intelligence Conference", or any "Name (ACR)".
    for (std::size_t k = 0; k < st.mentions.size(); ++k) {
        MentionCand& m = st.mentions[k];
        if (m.e - m.b != 1 || !all_caps(m.surface) || m.source == TypeSource::lexicon) continue;
        std::size_t j = st.mentions.size();
        if (m.b >= 2 && T[m.b - 1].text == "(") {
            int o = st.mention_ending(m.b - 1);
            if (o >= 0 && st.mentions[o].e - st.mentions[o].b >= 2) j = static_cast<std::size_t>(o);
        }
        if (j == st.mentions.size())
            if (auto it = by_initials.find(m.surface); it != by_initials.end()) j = it->second;
        if (j == st.mentions.size()) continue;
        keys[k] = keys[j];
        display[k] = display[j];
        m.type = st.mentions[j].type;
        m.source = st.mentions[j].source;
    }

    // Group by key, in order of first mention.
    std::map<std::string, int> by_key;
    for (std::size_t k = 0; k < st.mentions.size(); ++k) {
        auto [it, inserted] = by_key.emplace(keys[k], static_cast<int>(st.entities.size()));
        if (inserted) {
            DocEnt e;
            e.name = display[k];
            st.entities.push_back(std::move(e));
        }
        DocEnt& e = st.entities[it->second];
        e.mentions.push_back(k);
        st.mentions[k].entity = it->second;
        const MentionCand& m = st.mentions[k];
        if (m.source > e.source || e.type == EntityType::UNKNOWN) {
            e.type = m.type;
            e.source = m.source;
        }
        // The display name is the longest form written (words, not bytes of punctuation).
        if (m.canonical.empty() && display[k].size() > e.name.size()) e.name = display[k];
    }
    for (std::size_t k = 0; k < st.mentions.size(); ++k) st.mentions[k].type = st.entities[st.mentions[k].entity].type;
}

}  // namespace kg::detail
