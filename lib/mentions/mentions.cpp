// Stage 3: names in the text. Capitalized runs are cut at function words, split into
// [country or demonym] [title] name, and typed from, in order of strength: the gazetteer, name-internal
// cue words, context (titles, "startup X", "firms like X and Y", "its X"), person-name tokens, fallbacks.
// Headlines and "Header:" prefixes carry no capitalization evidence, so there only names known from
// elsewhere (gazetteer, the rest of the document) or ending in a cue word are taken.
#include "extract/doc.hpp"

#include "text/util.hpp"

#include <kg/graph.hpp>
#include <kg/limits.hpp>

#include <algorithm>
#include <unordered_set>

namespace kg::detail {


void DocState::index_mentions() {
    const std::size_t n = tok.tokens.size() + 1;
    start_at.assign(n, -1);
    end_at.assign(n, -1);
    cover.assign(n, -1);
    pseudo_at.assign(n, -1);
    for (std::size_t k = 0; k < mentions.size(); ++k) {
        const MentionCand& m = mentions[k];
        if (m.pseudo) {
            if (pseudo_at[m.b] < 0) pseudo_at[m.b] = static_cast<int>(k);
            continue;
        }
        if (start_at[m.b] < 0) start_at[m.b] = static_cast<int>(k);
        if (end_at[m.e] < 0) end_at[m.e] = static_cast<int>(k);
        for (std::uint32_t i = m.b; i < m.e; ++i)
            if (cover[i] < 0) cover[i] = static_cast<int>(k);
    }
}

void DocState::index_pseudo(std::size_t k) {
    const MentionCand& m = mentions[k];
    if (m.b < pseudo_at.size() && pseudo_at[m.b] < 0) pseudo_at[m.b] = static_cast<int>(k);
}

int DocState::mention_at(std::uint32_t i) const { return i < start_at.size() ? start_at[i] : -1; }
int DocState::mention_ending(std::uint32_t i) const { return i < end_at.size() ? end_at[i] : -1; }
int DocState::mention_covering(std::uint32_t i) const { return i < cover.size() ? cover[i] : -1; }
int DocState::pseudo_mention_at(std::uint32_t i) const { return i < pseudo_at.size() ? pseudo_at[i] : -1; }

Evidence DocState::sentence_evidence(std::uint32_t s) const {
    const Sentence& se = tok.sentences[s];
    Evidence ev;
    static_cast<Span&>(ev) = Span{doc->id, se.start, se.stop, doc->text.substr(se.start, se.stop - se.start)};
    return ev;
}

namespace {

struct Finder {
    DocState& st;
    const Lexicons& lx;
    const std::vector<Token>& T;
    std::unordered_set<std::string> known;  // names (folded) found in ordinary sentences
    std::unordered_set<std::string> known_words;  // first and last words of those names ("Li" of "Li Qiang")
    std::unordered_set<std::string_view> lower_words;  // words the document writes in lower case (views into it)
    std::vector<MentionCand> tentative;           // lone sentence-initial words, kept if named elsewhere
    std::vector<MentionCand> attributive;         // unknown words modifying a noun, kept if named elsewhere

    explicit Finder(DocState& s) : st(s), lx(*s.lx), T(s.tok.tokens) {
        for (const Token& t : T)
            if (t.lower()) lower_words.insert(t.text);
    }

    const std::string& low(std::uint32_t i) const { return st.lower_tok(i); }

    bool function_word(std::uint32_t i) const {
        if (all_caps(T[i].text)) return false;
        const WordInfo* w = lx.word(low(i));
        if (!w || w->lower_share < 0.5f) return false;
        return w->upos == "ADP" || w->upos == "DET" || w->upos == "PRON" || w->upos == "AUX" || w->upos == "CCONJ" ||
               w->upos == "SCONJ" || w->upos == "PART";
    }

    bool name_like(std::uint32_t i) const {
        const Token& t = T[i];
        if (t.kind == TokKind::punct || is_possessive(t.text)) return false;
        if (!has_alpha(t.text)) return false;
        if (!(t.cap() || has_upper_inside(t.text))) return domain_name(i) != nullptr;
        return !function_word(i);
    }

    const GazEntry* gaz_best(const std::string& surface, bool allow_demonym) const {
        const auto* es = lx.lookup(surface);
        if (!es) return nullptr;
        const GazEntry* best = nullptr;
        auto rank = [](const GazEntry& e) {
            if (e.user) return 10 + static_cast<int>(e.type);  // the analyst's word wins
            if (e.demonym) return 1;
            switch (e.type) {
                case EntityType::COUNTRY: return 6;
                case EntityType::ORGANIZATION:
                case EntityType::COMPANY: return 5;
                case EntityType::LOCATION: return e.seat ? 4 : 3;
                case EntityType::PERSON: return 2;
                default: return 0;
            }
        };
        for (const auto& e : *es) {
            if (e.demonym && !allow_demonym) continue;
            if (!best || rank(e) > rank(*best)) best = &e;
        }
        return best;
    }

    // Longest gazetteer match starting at b within [b, e) of the wanted kind (a demonym or a name):
    // returns its length in tokens, 0 if none. "French" is both a demonym and a place; asking decides.
    std::uint32_t gaz_match(std::uint32_t b, std::uint32_t e, bool demonym, const GazEntry** out) const {
        if (b >= e || !lx.gazetteer_first_words.count(fold_name(T[b].text))) return 0;  // most words start no name
        std::uint32_t max = std::min<std::uint32_t>(e - b, static_cast<std::uint32_t>(lx.gazetteer_max_words));
        for (std::uint32_t k = max; k >= 1; --k) {
            if (!T[b + k - 1].cap() && !has_upper_inside(T[b + k - 1].text)) continue;
            std::string surface(st.text(b, b + k));
            const GazEntry* g = nullptr;
            if (demonym) {
                if (const auto* es = lx.lookup(surface))
                    for (const auto& x : *es)
                        if (x.demonym) {
                            g = &x;
                            break;
                        }
            } else {
                g = gaz_best(surface, false);
            }
            if (g) {
                if (out) *out = g;
                return k;
            }
        }
        return 0;
    }

    std::uint32_t role_match(std::uint32_t b, std::uint32_t e, std::string* role, std::string* code) const {
        if (b >= e || !lx.role_first_words.count(low(b))) return 0;  // most words start no title
        std::uint32_t max = std::min<std::uint32_t>(e - b, static_cast<std::uint32_t>(lx.roles_max_words));
        for (std::uint32_t k = max; k >= 1; --k) {
            std::string phrase;
            for (std::uint32_t i = b; i < b + k; ++i) {
                if (i > b) phrase += ' ';
                phrase += low(i);
            }
            std::string c = lx.role(phrase);
            if (!c.empty()) {
                if (role) *role = phrase;
                if (code) *code = c;
                return k;
            }
        }
        return 0;
    }

    // "example.com": a web address names the site's owner even in lower case.
    const Cue* domain_name(std::uint32_t i) const {
        std::string_view w = T[i].text;
        std::size_t dot = w.rfind('.');
        if (dot == std::string_view::npos || dot == 0 || dot + 1 >= w.size()) return nullptr;
        auto it = lx.cues.find(lower(w.substr(dot)));
        return it != lx.cues.end() && it->second.where == Cue::domain ? &it->second : nullptr;
    }

    const Cue* cue(std::uint32_t i) const {
        auto it = lx.cues.find(low(i));
        return it == lx.cues.end() ? nullptr : &it->second;
    }
    bool cue_head(std::uint32_t i) const {
        const Cue* c = cue(i);
        return c && c->where != Cue::after && c->type != EntityType::LOCATION;
    }

    // First word token of sentence s, or of its text after a "Header:" prefix.
    bool sentence_initial(std::uint32_t i, const Sentence& se) const {
        std::uint32_t k = i;
        while (k > se.begin) {
            --k;
            const Token& t = T[k];
            if (t.kind != TokKind::punct) return false;
            if (t.text == ":" || t.text == "\xE2\x80\x9C" || t.text == "\"" || t.text == "(" ||
                t.text == "\xE2\x80\x94" || t.text == "\xE2\x80\x93" || t.text == "-" || t.text == "\xE2\x80\xA2")
                return true;
        }
        return true;
    }

    void add(std::uint32_t b, std::uint32_t e, std::uint32_t s, MentionCand m) {
        m.b = b;
        m.e = e;
        m.sentence = s;
        m.surface = std::string(st.text(b, e));
        st.mentions.push_back(std::move(m));
    }

    // Types a name [b, e) from the name itself and its context.
    void type_name(MentionCand& m, std::uint32_t b, std::uint32_t e) const {
        const std::string surface(st.text(b, e));
        auto set = [&](EntityType t, TypeSource src) {
            if (src > m.source || m.type == EntityType::UNKNOWN) {
                m.type = t;
                m.source = src;
            }
        };
        if (const GazEntry* g = gaz_best(surface, false)) {
            set(g->type, TypeSource::lexicon);
            m.canonical = g->canonical;
            if (m.country.empty()) m.country = g->country;
            m.seat = g->seat;
            return;
        }
        if (e - b == 1) {
            if (const Cue* d = domain_name(b)) {
                set(d->type, TypeSource::cue);
                return;
            }
        }
        // "X role Y": a name right before a role noun and another name is the person's organization.
        if (e + 1 < T.size() && T[e].lower() && role_match(e, e + 1, nullptr, nullptr) && T[e + 1].cap() &&
            context_type(b) != EntityType::PERSON) {
            set(EntityType::COMPANY, TypeSource::cue);
            return;
        }
        // "April Politburo meeting": a lower-case event noun closing the name is its head.
        if (T[e - 1].lower()) {
            if (const Cue* c = cue(e - 1); c && c->where == Cue::head) {
                set(c->type, TypeSource::cue);
                return;
            }
        }
        // Name-internal cues: the head word (before "of"/"on"/"for" when the name has one), a legal
        // suffix, or an "any position" word.
        std::uint32_t head = e - 1;
        for (std::uint32_t i = b + 1; i < e; ++i)
            if (T[i].lower()) {
                head = i - 1;
                break;
            }
        for (std::uint32_t i = b; i < e; ++i) {
            const Cue* c = cue(i);
            if (!c || c->where == Cue::after) continue;
            if (c->where == Cue::any || i == head || (c->where == Cue::legal && i > b)) {
                if (e - b >= 2 || c->where == Cue::legal) set(c->type, TypeSource::cue);
            }
        }
        if (m.source == TypeSource::cue) return;
        // Model codes: "Walker S2", "R1".
        std::string_view last = T[e - 1].text;
        if (has_digit(last) && has_alpha(last) && last.size() <= 6) {
            set(EntityType::PRODUCT, e - b >= 2 ? TypeSource::cue : TypeSource::context);
            return;
        }
        if (!m.role.empty()) {
            set(EntityType::PERSON, TypeSource::context);
            return;
        }
        // "the Optimus robot", "its Cybertruck": a possessive determiner or a product noun right after.
        if (e < T.size() && T[e].lower()) {
            const Cue* c = cue(e);
            bool plural = T[e].text.back() == 's';
            bool determiner = b > 0 && (low(b - 1) == "its" || low(b - 1) == "their" || low(b - 1) == "the");
            if (c && c->where == Cue::after && (!plural || determiner)) set(EntityType::PRODUCT, TypeSource::context);
        }
        // "its Cybertruck": one unknown word owned by an organization is most often its product.
        if (e - b == 1 && b > 0 && (low(b - 1) == "its" || low(b - 1) == "their") && lx.role(low(b)).empty())
            set(EntityType::PRODUCT, TypeSource::weak);
        // A context noun right before ("startup X", "analyst Jane Roe"), or a list introduced by one.
        if (auto t = context_type(b)) set(*t, TypeSource::context);
        if (m.source >= TypeSource::context) return;
        // Person names: two or three plain capitalized words whose first is a known given name.
        if (e - b >= 2 && e - b <= 3) {
            bool plain = true;
            for (std::uint32_t i = b; i < e; ++i) plain = plain && plain_cap(T[i].text);
            if (plain) {
                auto it = lx.person_tokens.find(std::string(T[b].text));
                unsigned firsts = it == lx.person_tokens.end() ? 0 : it->second.first;
                bool common_first = lx.common(low(b));
                if (firsts >= 3 && !common_first) set(EntityType::PERSON, TypeSource::context);
                else if (firsts >= 1 && !common_first) set(EntityType::PERSON, TypeSource::weak);
                else if (b >= 2 && is_possessive(T[b - 1].text)) set(EntityType::PERSON, TypeSource::weak);
                else if (e < T.size() && (low(e) == "said" || low(e) == "says" || low(e) == "told")) set(EntityType::PERSON, TypeSource::weak);
            }
        }
        if (m.source >= TypeSource::weak) return;
        if (e - b == 1 && plain_cap(T[b].text) && !lx.common(low(b))) {
            // A lone surname or given name ("Liang's remarks") seen in person names more than once.
            auto it = lx.person_tokens.find(std::string(T[b].text));
            if (it != lx.person_tokens.end() && it->second.first + it->second.second >= 2 &&
                (it->second.second >= 1 || it->second.first >= 2) && e < T.size() &&
                (is_possessive(T[e].text) || is_verb_after(e))) {
                set(EntityType::PERSON, TypeSource::weak);
                return;
            }
        }
        if (e - b == 1 && (has_upper_inside(T[b].text) || all_caps(T[b].text) || T[b].text.find('.') != std::string_view::npos))
            set(EntityType::COMPANY, TypeSource::weak);
        else
            set(e - b == 1 ? EntityType::COMPANY : EntityType::ORGANIZATION, TypeSource::fallback);
    }

    bool is_verb_after(std::uint32_t i) const { return i < T.size() && T[i].lower() && st.verb(i); }

    // Type implied by the words before a name: "startup X", "firms like Y and X", "luminaries such as X".
    std::optional<EntityType> context_type(std::uint32_t b) const {
        if (b == 0) return std::nullopt;
        auto noun_type = [&](std::uint32_t i) -> std::optional<EntityType> {
            if (!T[i].lower()) return std::nullopt;
            auto it = lx.context_nouns.find(low(i));
            if (it != lx.context_nouns.end()) return it->second;
            std::string role = lx.role(low(i));
            if (!role.empty()) return EntityType::PERSON;
            return std::nullopt;
        };
        if (auto t = noun_type(b - 1)) return t;
        // Walk left over a list: names, commas, "and", "or", "to", "from".
        std::int64_t i = static_cast<std::int64_t>(b) - 1;
        int steps = 0;
        while (i >= 0 && steps < 40) {
            ++steps;
            std::string w = low(static_cast<std::uint32_t>(i));
            if (w == "," || w == "and" || w == "or" || w == "to" || w == "from" || w == "&" || name_like(static_cast<std::uint32_t>(i)) ||
                is_possessive(T[i].text) || T[i].kind == TokKind::number) {
                --i;
                continue;
            }
            break;
        }
        if (i < 0) return std::nullopt;
        std::string w = low(static_cast<std::uint32_t>(i));
        std::int64_t noun = -1;
        if (w == "like" || w == "including") noun = i - 1;
        else if (w == "as" && i >= 1 && low(static_cast<std::uint32_t>(i - 1)) == "such") noun = i - 2;
        if (noun < 0) return std::nullopt;
        return noun_type(static_cast<std::uint32_t>(noun));
    }

    // Splits a run into [country|demonym] [title] name and records the mention(s).
    void take_run(std::uint32_t b, std::uint32_t e, std::uint32_t s, bool header) {
        // kg::limits::max_name_tokens: no name is this long, and the title search below is quadratic in
        // the run, so a longer run is taken in pieces.
        if (constexpr std::uint32_t cap = limits::max_name_tokens; e - b > cap) {
            for (std::uint32_t p = b; p < e; p += cap) take_run(p, std::min(p + cap, e), s, header);
            return;
        }
        const Sentence& se = st.tok.sentences[s];
        MentionCand m;
        // Sentence-initial adverbs and verbs are not part of a name ("Even President X", "Powered by").
        while (b < e && sentence_initial(b, se)) {
            const WordInfo* w = lx.word(low(b));
            bool weak_word = w && w->lower_share >= 0.5f && w->upos != "NOUN" && w->upos != "ADJ" && w->upos != "PROPN" &&
                             !lx.lookup(std::string(T[b].text));
            bool lone_common = e - b == 1 && lx.common(low(b)) && !lx.lookup(std::string(T[b].text));
            if (!(weak_word || lone_common)) break;
            ++b;
        }
        for (bool again = true; again && b < e;) {
            again = false;
            const GazEntry* g = nullptr;
            if (std::uint32_t k = gaz_match(b, e, true, &g); k && b + k < e) {
                m.country = g->canonical;
                m.mod_b = b;
                m.mod_e = b + k;
                b += k;
                again = true;
                continue;
            }
            // "[Country|Org] Title Name": a title inside the run splits off what precedes it.
            for (std::uint32_t p = b; p < e; ++p) {
                std::string role, code;
                std::uint32_t k = role_match(p, e, &role, &code);
                if (!k || p + k >= e) continue;
                if (const Cue* c = cue(e - 1); c && c->where != Cue::after) break;  // "General Motors"
                // What follows a title must look like a person's name ("President Jane Roe").
                bool person_like = e - (p + k) <= 3;
                for (std::uint32_t q = p + k; q < e && person_like; ++q)
                    person_like = plain_cap(T[q].text) || all_caps(T[q].text) || T[q].text == "-" || has_upper_inside(T[q].text);
                if (const GazEntry* g = gaz_best(std::string(st.text(p + k, e)), false); g && g->type != EntityType::PERSON)
                    person_like = false;
                if (!person_like) continue;
                const std::uint32_t name_start = p + k;
                // "Deputy Secretary of State X": title words before the title belong to it.
                if (p > b && role_match(b, p, nullptr, nullptr) == p - b) {
                    role = lower(std::string(st.text(b, name_start)));
                    p = b;
                }
                if (p > b) {
                    MentionCand c;
                    type_name(c, b, p);
                    if (c.type == EntityType::COUNTRY && c.source == TypeSource::lexicon) m.country = c.canonical;
                    if (!lx.common_acronyms.count(std::string(T[b].text)) || p - b > 1) add(b, p, s, c);
                }
                m.role = role;
                m.role_code = code;
                b = name_start;
                again = true;
                break;
            }
        }
        if (b >= e) return;
        // A title with no name after it ("the Secretary of State", "U.S. Special Envoy") refers to an
        // office, not a named entity: keep only what precedes it.
        if (!(cue(e - 1) && cue(e - 1)->where != Cue::after))
            for (std::uint32_t p = b; p < e; ++p)
                if (role_match(p, e, nullptr, nullptr) == e - p &&
                    (p == b || (gaz_match(b, p, false, nullptr) == p - b))) {
                    e = p;
                    break;
                }
        if (b >= e) return;
        // A lone demonym ("Chinese") names no entity; a lone common acronym ("AI") is a noun.
        const GazEntry* demo = nullptr;
        if (gaz_match(b, e, true, &demo) == e - b) return;
        if (lx.common_acronyms.count(std::string(T[b].text))) {
            bool cue_end = cue_head(e - 1);
            if (e - b == 1 || !cue_end) ++b;
            if (b >= e) return;
        }
        if (e - b == 1 && lx.common_acronyms.count(std::string(T[b].text))) return;
        // "DeepMind AI model": a trailing common acronym modifies the noun after the name.
        if (e - b > 1 && lx.common_acronyms.count(std::string(T[e - 1].text)) && e < T.size() && T[e].lower() &&
            !function_word(e))
            --e;
        if (e - b == 1 && (lx.non_names.count(std::string(T[b].text)) || (cue(b) && cue(b)->where != Cue::legal)))
            return;
        if (lx.non_names.count(std::string(T[b].text))) {  // "July 21": a date, not a name
            bool date = true;
            for (std::uint32_t q = b + 1; q < e && date; ++q) date = T[q].kind == TokKind::number;
            if (date) return;
        }  // "Friday", or a generic head noun capitalized by house style ("the Conference")
        const std::string surface(st.text(b, e));
        if (header) {
            bool ok = known.count(fold_name(surface)) || lx.lookup(surface) || (st.title_case[s] && cue_head(e - 1)) ||
                      (e - b == 1 && (has_upper_inside(T[b].text) || (has_digit(T[b].text))));
            if (!ok) {
                // Take the longest known or gazetteer names inside the run instead.
                for (std::uint32_t i = b; i < e;) {
                    std::uint32_t best = 0;
                    for (std::uint32_t k = e - i; k >= 1; --k) {
                        std::string sub(st.text(i, i + k));
                        if (known.count(fold_name(sub)) || gaz_best(sub, false)) {
                            best = k;
                            break;
                        }
                    }
                    if (best) {
                        MentionCand c;
                        type_name(c, i, i + best);
                        add(i, i + best, s, c);
                        i += best;
                    } else {
                        ++i;
                    }
                }
                return;
            }
        } else if (sentence_initial(b, se) && e - b == 1 && !lx.lookup(surface) && !has_upper_inside(T[b].text) &&
                   !has_digit(T[b].text) && !all_caps(T[b].text)) {
            // A lone capitalized word opening a sentence is a name only if the text treats it as one elsewhere:
            // decided after the whole document has been read.
            const std::string lowered = lower(surface);
            if (lower_words.count(std::string_view(lowered)) || lx.common(lowered)) return;
            type_name(m, b, e);
            // A dateline ("Acme News, Friday, July 25 -") names its source at the start of a line.
            if (e + 1 < se.end && T[e].text == "," && lx.non_names.count(std::string(T[e + 1].text))) {
                add(b, e, s, m);
                return;
            }
            m.b = b;
            m.e = e;
            m.sentence = s;
            m.surface = surface;
            tentative.push_back(std::move(m));
            return;
        }
        type_name(m, b, e);
        // "Nobel laureate", "Pulitzer winner": an unknown word modifying the noun after it names nothing
        // by itself, unless the document names it elsewhere (decided once all mentions are known).
        if (e - b == 1 && m.source == TypeSource::fallback && e < T.size() && T[e].lower() && e < st.tags.size() &&
            st.tags[e] == Upos::NOUN && !role_match(e, e + 1, nullptr, nullptr)) {
            m.b = b;
            m.e = e;
            m.sentence = s;
            m.surface = surface;
            attributive.push_back(std::move(m));
            return;
        }
        add(b, e, s, m);
    }

    void scan_sentence(std::uint32_t s, bool title_pass) {
        const Sentence& se = st.tok.sentences[s];
        // "Header: text" — the part before an early colon is a header.
        std::uint32_t header_end = se.begin;
        if (st.title_case[s]) header_end = se.end;
        else
            for (std::uint32_t i = se.begin; i < se.end && i < se.begin + 8; ++i)
                if (T[i].text == ":") {
                    header_end = i;
                    break;
                }
        std::uint32_t i = se.begin;
        while (i < se.end) {
            if (!name_like(i)) {
                ++i;
                continue;
            }
            std::uint32_t j = i, last = i;
            while (j < se.end) {
                if ((j < header_end) != (i < header_end)) break;
                if (name_like(j)) {
                    last = j++;
                    continue;
                }
                const Token& t = T[j];
                // "Windows 12", "Boeing 737": a short number that is not a year continues a name.
                if (t.kind == TokKind::number && t.text.size() <= 4 && t.space_before &&
                    !(t.text.size() == 4 && (t.text.substr(0, 2) == "19" || t.text.substr(0, 2) == "20")) &&
                    (j + 1 >= se.end || !T[j + 1].lower() || !lx.word(low(j + 1)) || lx.word(low(j + 1))->upos != "NOUN")) {
                    last = j++;
                    continue;
                }
                if (t.text == "-" && !t.space_before && j + 1 < se.end && !T[j + 1].space_before && name_like(j + 1)) {
                    // "US-China": two names; "High-Level": one.
                    if (gaz_match(last, last + 1, false, nullptr) || gaz_match(last, last + 1, true, nullptr) ||
                        gaz_match(j + 1, j + 2, false, nullptr) || gaz_match(j + 1, j + 2, true, nullptr))
                        break;
                    ++j;
                    continue;
                }
                std::string w = low(j);
                // "Bank of X", "Meeting on X", "Secretary of State": connectors after a head word or a title.
                if ((w == "of" || w == "for" || w == "on" || w == "&" || w == "de") && j + 1 < se.end && name_like(j + 1) &&
                    (cue_head(last) || w == "&" ||
                     (w == "of" && (!lx.role(low(last)).empty() || !lx.role(low(last) + " of " + low(j + 1)).empty())))) {
                    ++j;
                    continue;
                }
                break;
            }
            bool header = i < header_end;
            // "the April Politburo (study) session": a body's name followed by an event noun names an event.
            if (!header && cue(last) && cue(last)->type == EntityType::ORGANIZATION && cue(last)->where == Cue::head) {
                for (std::uint32_t k = last + 1; k < se.end && k <= last + 2 && T[k].lower(); ++k) {
                    const Cue* c = cue(k);
                    if (c && c->type == EntityType::EVENT && c->where == Cue::head) {
                        last = k;
                        break;
                    }
                }
            }
            if (header == title_pass) take_run(i, last + 1, s, header);
            i = last + 1;
        }
    }
};

bool is_title_case(const DocState& st, const Sentence& se) {
    const auto& T = st.tok.tokens;
    // Only the text after a "Header:" prefix counts ("Source: Reuters" is not a headline).
    std::uint32_t from = se.begin;
    for (std::uint32_t i = se.begin; i < se.end && i < se.begin + 8; ++i)
        if (T[i].text == ":") {
            from = i + 1;
            break;
        }
    int words = 0, caps = 0, lowers = 0;
    for (std::uint32_t i = from; i < se.end; ++i) {
        if (T[i].kind != TokKind::word || !has_alpha(T[i].text)) continue;
        ++words;
        if (T[i].cap()) ++caps;
        else if (T[i].lower()) ++lowers;
    }
    // "OUR TAKE", "In Summary", "World Summit To Open In Paris": no lower-case word at all.
    return (lowers == 0 && words >= 2) || (words >= 8 && caps * 20 >= words * 17);
}

}  // namespace

void find_mentions(DocState& st) {
    st.lowered.clear();
    st.lowered.reserve(st.tok.tokens.size());
    for (const Token& t : st.tok.tokens) st.lowered.push_back(lower(t.text));
    st.title_case.clear();
    for (const Sentence& se : st.tok.sentences) st.title_case.push_back(is_title_case(st, se));
    Finder f(st);
    for (std::uint32_t s = 0; s < st.tok.sentences.size(); ++s) f.scan_sentence(s, false);
    for (const MentionCand& m : st.mentions) {
        f.known.insert(fold_name(m.surface));
        // The first and last words of multi-word names are known too: "Li" after "Li Qiang".
        if (m.e - m.b >= 2) {
            f.known_words.insert(fold_name(st.tok.tokens[m.b].text));
            f.known_words.insert(fold_name(st.tok.tokens[m.e - 1].text));
        }
    }
    for (MentionCand& m : f.tentative)
        if (f.known.count(fold_name(m.surface)) || f.known_words.count(fold_name(m.surface))) st.mentions.push_back(std::move(m));
    for (MentionCand& m : f.attributive)
        if (f.known.count(fold_name(m.surface))) st.mentions.push_back(std::move(m));
    for (std::uint32_t s = 0; s < st.tok.sentences.size(); ++s) f.scan_sentence(s, true);
    if (!st.lx->not_entities.empty())
        st.mentions.erase(std::remove_if(st.mentions.begin(), st.mentions.end(),
                                         [&](const MentionCand& m) { return st.lx->not_entities.count(fold_name(m.surface)) > 0; }),
                          st.mentions.end());
    std::stable_sort(st.mentions.begin(), st.mentions.end(),
                     [](const MentionCand& a, const MentionCand& b) { return a.b < b.b; });
    st.index_mentions();
}

}  // namespace kg::detail
