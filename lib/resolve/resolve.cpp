// Stage 4: mentions → entities, inside one document. A mention's key is its gazetteer canonical name
// (so "U.S." and "United States" meet), or its own words with variants shortened ("Artificial
// Intelligence" → "AI") and legal suffixes dropped ("X Group Holding Ltd." → "X"). Then short forms join
// the full name they abbreviate: a person's first or last name, an acronym of a name's initials, and a
// seat city acting as a government ("Beijing said") joins its country.
#include "resolve/resolve.hpp"

#include "text/util.hpp"

#include <kg/graph.hpp>

#include <algorithm>
#include <cctype>

namespace kg::detail {

namespace {

// Words of a name as written, without the trailing period of an abbreviation kept by the tokenizer.
// Into `out` (cleared first), so that one vector serves every mention.
void name_words(const DocState& st, const MentionCand& m, std::vector<std::string>& out) {
    out.clear();
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
}

std::string join(const std::vector<std::string>& w, std::size_t b, std::size_t e) {
    std::string s;
    for (std::size_t i = b; i < e; ++i) {
        if (i > b && !is_possessive(w[i])) s += ' ';  // "Governor's Office", as written
        s += w[i];
    }
    return s;
}

// Initials of a name's capitalized words; with split_hyphens, "Pan-African" gives "PA".
std::string initials(const std::vector<std::string>& words, bool split_hyphens) {
    std::string out;
    auto add = [&](std::string_view w) {
        if (w.empty()) return;
        if (w[0] >= 'a' && w[0] <= 'z') return;  // of, on, for
        if (all_caps(w) && w.size() <= 3) {
            out += w;  // "AI" inside a name contributes its letters
            return;
        }
        out += static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
    };
    for (const std::string& w : words) {
        if (!split_hyphens) {
            add(w);
            continue;
        }
        for (std::size_t from = 0;;) {  // the parts between hyphens
            const std::size_t to = w.find('-', from);
            add(std::string_view(w).substr(from, to == std::string::npos ? std::string::npos : to - from));
            if (to == std::string::npos) break;
            from = to + 1;
        }
    }
    return out;
}

// lower(a) == b, without building lower(a).
bool equals_lower(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char c = a[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != b[i]) return false;
    }
    return true;
}

// From this confidence the recognizer's reading of a short form as a person stands against a body's name.
constexpr float kSureType = 0.9f;

bool locative(std::string_view w) {
    return w == "in" || w == "at" || w == "to" || w == "from" || w == "near" || w == "across" || w == "around" ||
           w == "of" || w == "into" || w == "outside" || w == "inside" || w == "on" || w == "via" || w == "through";
}

}  // namespace

void resolve_entities(DocState& st) {
    const Lexicons& lx = *st.lx;
    const auto& T = st.tok.tokens;
    std::vector<std::string> keys(st.mentions.size());
    std::vector<std::string> display(st.mentions.size());
    std::string lowered;               // scratch
    std::vector<std::string> words;    // scratch: the words of one mention
    std::string folded;                // scratch for fold()
    // fold_name(s) without a new string each time (valid until the next call).
    auto fold = [&folded](std::string_view s) -> std::string_view {
        folded.clear();
        bool space = false;
        fold_append(folded, space, s);
        return folded;
    };

    for (std::size_t k = 0; k < st.mentions.size(); ++k) {
        MentionCand& m = st.mentions[k];
        // Capital-city metonymy: a seat city that owns something or does something is its government.
        if (m.seat && m.type == EntityType::LOCATION && !m.country.empty()) {
            std::string_view prev = m.b > 0 ? st.lower_tok(m.b - 1) : std::string_view();
            bool acts = false;
            if (m.e < T.size()) {
                std::string_view next = st.lower_tok(m.e);
                if (next == "'s" || next == "\xE2\x80\x99s") {
                    acts = !(m.e + 1 < T.size() && st.mention_at(m.e + 1) >= 0 &&
                             st.mentions[st.mention_at(m.e + 1)].type == EntityType::LOCATION);
                } else if (st.verb(m.e)) {
                    acts = true;
                } else if (T[m.e].lower() && next.size() > 2 && next.back() == 's' && m.e + 1 < T.size()) {
                    // "Beijing aims to ...": a third-person verb the treebank mostly saw as a noun.
                    std::string_view after = st.lower_tok(m.e + 1);
                    const WordInfo* a = st.lex[m.e + 1].low.info;
                    acts = after == "to" || (a && (a->tag == Upos::DET || a->tag == Upos::PRON));
                }
            }
            if (acts && !locative(prev)) {
                m.metonym = true;
                m.type = EntityType::COUNTRY;
                m.source = TypeSource::lexicon;
                m.canonical = m.country;
            }
        }
        if (!m.canonical.empty()) {
            words.clear();
            for (std::size_t from = 0; from <= m.canonical.size();) {  // the canonical name's words
                std::size_t to = m.canonical.find(' ', from);
                if (to == std::string::npos) to = m.canonical.size();
                if (to > from) words.emplace_back(m.canonical, from, to - from);
                from = to + 1;
            }
        } else {
            name_words(st, m, words);
        }
        // Shorten known variants: "Artificial Intelligence" → "AI".
        for (const auto& [longw, shortw] : lx.name_variants) {
            for (std::size_t i = 0; i + longw.size() <= words.size(); ++i) {
                bool match = true;
                for (std::size_t j = 0; j < longw.size() && match; ++j) match = equals_lower(words[i + j], longw[j]);
                if (match) {
                    words.erase(words.begin() + static_cast<long>(i), words.begin() + static_cast<long>(i + longw.size()));
                    words.insert(words.begin() + static_cast<long>(i), shortw);
                }
            }
        }
        // Drop legal suffixes so "X Holdings Ltd." and "X" meet.
        if (m.type == EntityType::COMPANY) {
            while (words.size() > 1) {
                lowered.clear();
                append_lower(lowered, words.back());
                const Cue* c = lx.cues.find(lowered);
                if (!c || c->where != Cue::legal) break;
                words.pop_back();
            }
        }
        display[k] = join(words, 0, words.size());
        keys[k] = fold_name(display[k]);
    }

    // A middle initial does not make another person: "John R. Bolton" and "John Bolton" in one article are
    // one name, unless two initials compete ("George W. Bush" beside "George H. W. Bush").
    {
        auto without_initials = [](std::string_view name, std::string& out) {
            out.clear();
            std::size_t words = 0, dropped = 0;
            for (std::size_t from = 0; from < name.size();) {
                std::size_t to = name.find(' ', from);
                if (to == std::string_view::npos) to = name.size();
                const std::string_view w = name.substr(from, to - from);
                const bool last = to == name.size();
                const bool initial = words > 0 && !last && ((w.size() == 1 && w[0] >= 'A' && w[0] <= 'Z') ||
                                                            (w.size() == 2 && w[0] >= 'A' && w[0] <= 'Z' && w[1] == '.'));
                if (initial) ++dropped;
                else {
                    if (!out.empty()) out += ' ';
                    out.append(w);
                }
                ++words;
                from = to + 1;
            }
            return dropped > 0;
        };
        StringMap<std::size_t> initialed;  // fold of the name without its initials → the mention, or competing
        std::string bare;
        std::string written;
        // As written too: the gazetteer may name "George H. W. Bush" "George Bush".
        auto has_initials = [&](std::size_t k) {
            std::vector<std::string> ws;
            name_words(st, st.mentions[k], ws);
            return without_initials(join(ws, 0, ws.size()), written) || without_initials(display[k], bare);
        };
        for (std::size_t k = 0; k < st.mentions.size(); ++k) {
            if (st.mentions[k].type != EntityType::PERSON || !has_initials(k)) continue;
            without_initials(display[k], bare);
            auto [slot, added] = initialed.try_emplace(fold_name(bare));
            if (added) *slot = k;
            else if (*slot != SIZE_MAX && keys[*slot] != keys[k]) *slot = SIZE_MAX;
        }
        if (!initialed.empty())
            for (std::size_t k = 0; k < st.mentions.size(); ++k) {
                if (st.mentions[k].type != EntityType::PERSON || has_initials(k)) continue;
                const std::size_t* full = initialed.find(keys[k]);
                if (!full || *full == SIZE_MAX) continue;
                keys[k] = keys[*full];
                display[k] = display[*full];
            }
    }

    // Short forms: a single word that is the first or last word of a longer person name ("Okafor",
    // "Maria" / "Maria Okafor"), or the first word of a longer organization name ("Nordvale" / "Nordvale
    // Bank"), written before or after it. Only when exactly one fuller name of the document has that
    // form: with two ("Li" beside Li Qiang and Li Wei) the short form stays its own entity, and the
    // join across documents leaves it alone too (kg::join_short_forms). Indexed, so long documents stay linear.
    // Token i is a hyphen inside a word ("al-Muhandis": no space on either side).
    auto hyphen_at = [&](std::uint32_t i) {
        return i > 0 && i + 1 < T.size() && T[i].text == "-" && !T[i].space_before && !T[i + 1].space_before;
    };
    // A mention of one word, hyphenated parts included ("Okafor", "Al-Muhandis").
    auto one_word = [&](const MentionCand& m) {
        std::uint32_t i = m.b + 1;
        while (i + 1 < m.e && hyphen_at(i)) i += 2;
        return i == m.e;
    };
    constexpr std::size_t competing = SIZE_MAX;
    StringMap<std::size_t> short_form;  // folded short form → the full mention, or `competing`
    StringMap<std::size_t> by_initials;
    short_form.reserve(4 * st.mentions.size());
    by_initials.reserve(2 * st.mentions.size());
    // The fuller names a competing short form could mean, one mention of each, for the title rule below.
    StringMap<std::vector<std::size_t>> rivals;
    auto offer = [&](std::string_view form, std::size_t j) {
        auto [slot, added] = short_form.try_emplace(form);
        if (added) {
            *slot = j;
            return;
        }
        if (*slot == j || (*slot != competing && keys[*slot] == keys[j])) return;
        auto [list, fresh] = rivals.try_emplace(form);
        if (fresh) list->push_back(*slot);
        if (std::none_of(list->begin(), list->end(), [&](std::size_t r) { return keys[r] == keys[j]; })) list->push_back(j);
        *slot = competing;
    };
    for (std::size_t j = 0; j < st.mentions.size(); ++j) {
        const MentionCand& o = st.mentions[j];
        if (o.e - o.b < 2) continue;
        // "Trump-Biden" joins two names: neither is its short form ("Tak-Sing Wong" is one name).
        const bool compound = o.e - o.b == 3 && T[o.b + 1].text == "-" && T[o.b].cap() && T[o.b + 2].cap();
        if (!compound && o.type == EntityType::PERSON) {
            // A hyphenated name is one word: "al-Muhandis" of "Abu Mahdi al-Muhandis", "Tak-Sing".
            std::uint32_t first = o.b + 1;
            while (first + 1 < o.e && hyphen_at(first)) first += 2;
            offer(fold(st.text(o.b, first)), j);
            std::uint32_t last = o.e - 1;
            while (last >= o.b + 3 && hyphen_at(last - 1)) last -= 2;
            offer(fold(st.text(last, o.e)), j);
            if (last + 1 < o.e) offer(fold(T[o.e - 1].text), j);  // "Eryani" of "al-Eryani" too
        } else if (!compound && (o.type == EntityType::COMPANY || o.type == EntityType::ORGANIZATION)) {
            // The first word of a name whose last is an organization's head word ("Nordvale Bank",
            // "Okafor Foundation"): the rest only says what kind of body it is. Not "Google Cloud" or
            // "Red Hat Enterprise Linux", where the rest names something of the first's.
            const Cue* head = st.lex[o.e - 1].low.cue;
            if (head && (head->where == Cue::legal ||
                         (head->where == Cue::head &&
                          (head->type == EntityType::COMPANY || head->type == EntityType::ORGANIZATION))))
                offer(fold(T[o.b].text), j);
            // Or the words before a country closing the name: a body's national arm or market ("Bursa
            // Malaysia", "Nestle India") goes by its name without the country. Not an adjective or an
            // English word alone ("Republican US Senator X" read as one name).
            else if (const WordInfo* w = st.lex[o.b].low.info;
                     o.e - o.b >= 2 && (o.e - o.b > 2 || !w || (w->tag != Upos::ADJ && w->lower_share < 0.5f)))
                if (const auto* es = st.lx->lookup(T[o.e - 1].text);
                    es && std::any_of(es->begin(), es->end(), [](const GazEntry& g) { return g.type == EntityType::COUNTRY && !g.demonym; }))
                    offer(fold(st.text(o.b, o.e - 1)), j);
        }
        // "Hurricane Dorian" goes by "Dorian": a name opened by its kind's word (cues.tsv "first") without it.
        if (!compound && o.type == EntityType::EVENT && st.lex[o.b].low.cue && st.lex[o.b].low.cue->where == Cue::first &&
            st.lex[o.b].low.cue->type == EntityType::EVENT)
            offer(fold(st.text(o.b + 1, o.e)), j);
        name_words(st, o, words);
        by_initials.emplace(initials(words, false), j);
        by_initials.emplace(initials(words, true), j);
    }
    // A title on a short form ("President Trump") picks, among the people competing for it, the one the
    // document gave that title ("President Donald Trump"); where every such pick of a form agrees, the
    // document uses the form for that person, titled or not. Where picks differ ("Senator Lee", "Governor
    // Lee"), each titled mention keeps its own and the untitled ones stay ambiguous.
    StringMap<std::size_t> titled_pick;
    std::vector<std::size_t> own_pick(st.mentions.size(), competing);  // each titled mention's own
    for (std::size_t k = 0; k < st.mentions.size(); ++k) {
        const MentionCand& m = st.mentions[k];
        if (!one_word(m) || m.role.empty() || m.type != EntityType::PERSON) continue;
        const std::string_view form = fold(m.surface);
        const std::vector<std::size_t>* list = rivals.find(form);
        const std::size_t* full = short_form.find(form);
        if (!list || !full || *full != competing) continue;
        std::size_t pick = competing;
        for (std::size_t r : *list) {
            if (st.mentions[r].type != EntityType::PERSON) continue;
            bool titled = false;
            for (std::size_t j = 0; j < st.mentions.size() && !titled; ++j)
                titled = j != k && keys[j] == keys[r] && st.mentions[j].role == m.role;
            if (!titled) continue;
            if (pick != competing) {  // two of them bear the title
                pick = competing;
                break;
            }
            pick = r;
        }
        own_pick[k] = pick;
        auto [slot, added] = titled_pick.try_emplace(std::string(form));
        if (added) *slot = pick;
        else if (*slot != competing && (pick == competing || keys[*slot] != keys[pick])) *slot = competing;
    }
    // News names its principal person in full first and a relative or namesake later ("Hunter Biden, the
    // son of Joe Biden" in a story about Joe Biden): the surname alone is the person named in full in an
    // earlier sentence than every other person of that surname. Named first in the same sentence, they
    // stay ambiguous ("Li Qiang met Li Wei").
    auto principal = [&](std::string_view form) {
        const std::vector<std::size_t>* list = rivals.find(form);
        if (!list) return competing;
        std::size_t best = competing, best_sentence = SIZE_MAX, runner_up = SIZE_MAX;
        for (std::size_t r : *list) {
            if (st.mentions[r].type != EntityType::PERSON) return competing;
            std::size_t first = SIZE_MAX;  // the sentence of this person's first full mention
            for (std::size_t j = 0; j < st.mentions.size() && first == SIZE_MAX; ++j)
                if (keys[j] == keys[r] && st.mentions[j].e - st.mentions[j].b >= 2) first = st.mentions[j].sentence;
            if (first < best_sentence) {
                runner_up = best_sentence;
                best_sentence = first;
                best = r;
            } else {
                runner_up = std::min(runner_up, first);
            }
        }
        return best_sentence < runner_up ? best : competing;
    };
    for (std::size_t k = 0; k < st.mentions.size(); ++k) {
        MentionCand& m = st.mentions[k];
        // "China" is no short form of "China Mobile".
        if (!one_word(m) || m.source == TypeSource::lexicon) continue;
        const std::string_view form = fold(m.surface);
        const std::size_t* full = short_form.find(form);
        if (!full) continue;
        std::size_t chosen = *full;
        if (chosen == competing) {
            // Two people of one surname ("Melania Trump", "Donald Trump"): the one the document's titled
            // uses of the short form point to ("President Trump"), when they all point to the same one.
            const std::size_t* pick = titled_pick.find(form);
            if (own_pick[k] != competing) chosen = own_pick[k];  // "Governor Lee" beside "Senator Lee"
            else if (pick && *pick != competing && m.type == EntityType::PERSON) chosen = *pick;
            else if (m.type == EntityType::PERSON && (chosen = principal(form)) != competing) {
            } else continue;
        }
        full = &chosen;
        const MentionCand& o = st.mentions[*full];
        // Places and people open many a body's name ("Penang Island City Council", "Melinda Gates
        // Foundation"): a short form read as a place, or as a person with confidence or by a known given or
        // family name, stays what it was read as.
        // (A storm's name alone is read as anything: "Dorian" moved north.)
        if (o.type != EntityType::PERSON && o.type != EntityType::EVENT && m.type != EntityType::COMPANY &&
            m.type != EntityType::ORGANIZATION && m.type != EntityType::UNKNOWN &&
            (m.type != EntityType::PERSON || m.confidence >= kSureType || st.as_written(m.b).person))
            continue;
        keys[k] = keys[*full];
        display[k] = display[*full];
        m.type = o.type;
        m.source = o.source;
    }
    // Acronyms: "WAIC" for "World Artificial Intelligence Conference", or any "Name (ACR)"; an acronym
    // defined in brackets stands for that name wherever the document uses it, before or after.
    StringMap<std::size_t> defined;
    for (int pass = 0; pass < 2; ++pass)
        for (std::size_t k = 0; k < st.mentions.size(); ++k) {
            MentionCand& m = st.mentions[k];
            // Any short name in brackets of the name's own type ("Tavcom", "Brightwave Inc") defines one too.
            const bool acronym = m.e - m.b == 1 && all_caps(m.surface);
            if ((!acronym && m.e - m.b > 3) || m.source == TypeSource::lexicon) continue;
            std::size_t j = st.mentions.size();
            if (pass == 0) {
                if (m.b < 2 || T[m.b - 1].text != "(") continue;
                const int o = st.mention_ending(m.b - 1);
                if (o < 0 || st.mentions[o].e - st.mentions[o].b < 2) continue;
                // "Sabah Maju Jaya (SMJ)": news spells out a body's initials in brackets, seldom a person's,
                // so a name the model read as a person's is a body's, wherever the document writes it, unless
                // it opens with a given name the name lists know ("Jon Bell (JB)").
                auto given_name = [&](const MentionCand& n) {
                    const auto* counts = lx.person_tokens.find(T[n.b].text);
                    return counts && counts->first >= 2 && counts->first > counts->second;
                };
                // The initials in any case: "the Malaysian United Democratic Alliance (Muda)".
                std::string upper(m.e - m.b == 1 ? m.surface : std::string());
                for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
                const std::size_t* f = upper.size() >= 2 ? by_initials.find(upper) : nullptr;
                const bool spelled = f && keys[*f] == keys[static_cast<std::size_t>(o)];
                if (spelled && st.mentions[o].type == EntityType::PERSON && st.mentions[o].source < TypeSource::lexicon &&
                    !given_name(st.mentions[o]))
                    for (MentionCand& q : st.mentions)
                        if (&q != &m && keys[&q - st.mentions.data()] == keys[static_cast<std::size_t>(o)]) {
                            q.type = EntityType::ORGANIZATION;
                            q.source = TypeSource::cue;
                        }
                // "Jon Bell (NP-Tellburg)": a body's short name after a person is the person's party, not a name of theirs.
                if (st.mentions[o].type == EntityType::PERSON && m.type != EntityType::PERSON) continue;
                // Not places: "Springfield (Illinois)" names where it lies.
                if (!acronym && !spelled && (m.e >= T.size() || T[m.e].text != ")" || m.type != st.mentions[o].type ||
                                 (m.type != EntityType::COMPANY && m.type != EntityType::ORGANIZATION)))
                    continue;
                j = static_cast<std::size_t>(o);
                defined.emplace(m.surface, j);
            } else if (const std::size_t* d = defined.find(m.surface)) {
                j = *d;
            } else if (const std::size_t* full = acronym ? by_initials.find(m.surface) : nullptr) {
                j = *full;
            } else {
                continue;
            }
            keys[k] = keys[j];
            display[k] = display[j];
            m.type = st.mentions[j].type;
            m.source = st.mentions[j].source;
        }

    // Group by key, in order of first mention.
    StringMap<int> by_key;
    by_key.reserve(st.mentions.size());
    st.entities.reserve(st.mentions.size());
    for (std::size_t k = 0; k < st.mentions.size(); ++k) {
        auto [index, inserted] = by_key.try_emplace(keys[k]);
        if (inserted) {
            *index = static_cast<int>(st.entities.size());
            DocEnt e;
            e.name = display[k];
            st.entities.push_back(std::move(e));
        }
        DocEnt& e = st.entities[*index];
        e.mentions.push_back(k);
        st.mentions[k].entity = *index;
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
