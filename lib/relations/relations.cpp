// Stage 5: relations between the entities of a document, from four kinds of evidence:
//  - titles and roles around a person ("Chinese Premier X", "Acme analyst X", "X, Acme reporter",
//    "Acme's X", "X of Acme", "Acme and its founder, X");
//  - modifiers of a name ("Chinese startup X" → based_in; "Acme's R2", "its X robot" → develops);
//  - trigger words from data/triggers.tsv with their subject on the left and object on the right
//    (passives, coordinated lists and the document's main event as an implicit object);
//  - event/place co-occurrence ("EVENT ... in PLACE" → held_in) and "PLACE's PLACE" → located_in;
//  - a place the gazetteer puts in a country the document names → located_in;
//  - two names side by side ("Wilmington, Delaware", "Kosgei of Kenya", "the University of X in Y");
//  - the learned classifier (relations/classifier.hpp) for the pairs of a sentence no rule related.
// Each kind has a fixed confidence: the closer the words, the surer the relation.
#include "relations/relations.hpp"

#include "relations/classifier.hpp"
#include "text/util.hpp"

#include <kg/graph.hpp>
#include <kg/predicates.hpp>

#include <algorithm>
#include <optional>
#include <set>

namespace kg::detail {

namespace {

struct Rel {
    DocState& st;
    const Lexicons& lx;
    const std::vector<Token>& T;
    std::set<std::tuple<int, std::string, int, std::uint32_t>> seen;
    int main_event = -1;
    int main_company = -1;
    mutable std::string phrase_buf;  // scratch for hedge phrases

    explicit Rel(DocState& s) : st(s), lx(*s.lx), T(s.tok.tokens) {}

    std::string_view low(std::uint32_t i) const { return st.lower_tok(i); }
    const WordLex& lw(std::uint32_t i) const { return st.lex[i].low; }  // lexicons on token i, lower-cased
    EntityType type_of(int m) const { return st.entities[st.mentions[m].entity].type; }
    int ent(int m) const { return st.mentions[m].entity; }

    const WordInfo* word(std::uint32_t i) const { return lw(i).info; }
    bool is_verb(std::uint32_t i) const { return T[i].lower() && st.verb(i); }
    bool is_role(std::uint32_t i) const { return lw(i).role != nullptr; }
    // A word of five letters or more ending in "-ing" ("releasing", "investigating"): a participle's form.
    bool ing_form(std::uint32_t i) const {
        const std::string_view w = low(i);
        return w.size() > 4 && w.substr(w.size() - 3) == "ing";
    }
    // Whether the capitalized title words from i on (three at most) end right where a name starts.
    bool mention_after_title(std::uint32_t i, std::uint32_t end) const {
        for (std::uint32_t k = i; k < end && k < i + 3 && T[k].cap() && is_role(k); ++k)
            if (st.mention_at(k + 1) >= 0) return true;
        return false;
    }

    // trigger: index of the trigger word when a word states the relation, so that hedges before it
    // ("is expected to attend", "did not sign") are recorded on the evidence.
    void emit(int s_ent, const std::string& pred, int o_ent, double conf, std::uint32_t sentence,
              std::uint32_t trigger = UINT32_MAX, bool former = false) {
        if (s_ent < 0 || o_ent < 0 || s_ent == o_ent || !is_predicate(pred)) return;
        if (pred == "located_in" && in_region(o_ent, s_ent)) return;  // "Sabah located_in Kota Kinabalu": the other way
        if (!seen.emplace(s_ent, pred, o_ent, sentence).second) return;
        DocRelation r;
        r.subject = static_cast<std::size_t>(s_ent);
        r.predicate = pred;
        r.object = static_cast<std::size_t>(o_ent);
        r.confidence = conf;
        r.evidence = st.sentence_evidence(sentence);
        if (trigger != UINT32_MAX) hedge(trigger, sentence, r.evidence);
        r.evidence.former = former;
        st.relations.push_back(std::move(r));
    }

    // Whether the gazetteer puts town entity t in region entity r.
    bool in_region(int t, int r) const {
        if (const auto* senses = lx.lookup(st.entities[static_cast<std::size_t>(t)].name))
            for (const GazEntry& g : *senses)
                if (g.type == EntityType::LOCATION && g.region == st.entities[static_cast<std::size_t>(r)].name) return true;
        return false;
    }

    // Hedges and negations in the few words before a trigger, inside its clause (data/modality.tsv).
    void hedge(std::uint32_t trigger, std::uint32_t sentence, Evidence& ev) const {
        const std::uint32_t begin = st.tok.sentences[sentence].begin;
        for (std::uint32_t k = trigger; k > begin && trigger - k < 6;) {
            --k;
            std::string_view w = T[k].text;
            if (w == "," || w == ";" || w == ":" || st.mention_ending(k + 1) >= 0) break;
            if (w.size() > 3 && (w.substr(w.size() - 3) == "n't" || (w.size() > 5 && w.substr(w.size() - 5) == "n\xE2\x80\x99t"))) {
                ev.negated = true;
                continue;
            }
            for (std::uint32_t n = 1; n <= lx.modality_max_words && n <= k + 1 - begin; ++n) {
                std::string& phrase = phrase_buf;  // words k + 1 - n .. k
                phrase.clear();
                for (std::uint32_t q = k + 1 - n; q <= k; ++q) {
                    if (q > k + 1 - n) phrase += ' ';
                    phrase += low(q);
                }
                const std::string* cls = lx.modality.find(phrase);
                if (!cls) continue;
                if (*cls == "negated") ev.negated = true;
                else if (ev.modality.empty()) ev.modality = *cls;
            }
        }
    }

    int mention_covering(std::uint32_t i) const { return st.mention_covering(i); }

    // The entity for a country named by a demonym at tokens [b, e): found by name, or created.
    int country_entity(const std::string& name, std::uint32_t b, std::uint32_t e, std::uint32_t sentence) {
        for (std::size_t k = 0; k < st.entities.size(); ++k)
            if (st.entities[k].name == name && st.entities[k].type == EntityType::COUNTRY) {
                add_mention(static_cast<int>(k), b, e, sentence);
                return static_cast<int>(k);
            }
        DocEnt d;
        d.name = name;
        d.type = EntityType::COUNTRY;
        d.source = TypeSource::lexicon;
        st.entities.push_back(d);
        int id = static_cast<int>(st.entities.size() - 1);
        add_mention(id, b, e, sentence);
        return id;
    }
    void add_mention(int entity, std::uint32_t b, std::uint32_t e, std::uint32_t sentence) {
        if (e <= b) return;
        for (std::size_t k : st.entities[entity].mentions)
            if (st.mentions[k].b == b && st.mentions[k].e == e) return;
        MentionCand m;
        m.b = b;
        m.e = e;
        m.sentence = sentence;
        m.surface = std::string(st.text(b, e));
        m.entity = entity;
        m.type = st.entities[entity].type;
        m.pseudo = true;  // not used to find arguments: it is a modifier, not a noun phrase
        st.entities[entity].mentions.push_back(st.mentions.size());
        st.mentions.push_back(std::move(m));
        st.index_pseudo(st.mentions.size() - 1);
    }

    bool gov_code(const std::string& code) const { return office_code(code) || code.find("ELI") != std::string::npos; }
    // A public office: government, legislature, military, judiciary (not an elite's standing: "actor", "VIP").
    static bool office_code(const std::string& code) {
        return code.find("GOV") != std::string::npos || code.find("LEG") != std::string::npos ||
               code.find("MIL") != std::string::npos || code.find("JUD") != std::string::npos;
    }
    // A noun of time ("visited Oslo yesterday", "started the month visiting X"): no noun the name modifies.
    static bool time_noun(std::string_view w) {
        for (std::string_view t : {"yesterday", "today", "tomorrow", "tonight", "day", "days", "week", "weeks", "month",
                                   "months", "year", "years", "morning", "afternoon", "evening", "night", "weekend"})
            if (w == t) return true;
        return false;
    }
    // A form of "be", the auxiliary of passives and of forms like "is based in".
    static bool is_aux(std::string_view w) {
        return w == "is" || w == "was" || w == "were" || w == "are" || w == "be" || w == "been" || w == "being";
    }
    // A deputy's word: "deputy", "vice", "assistant", "associate".
    static bool deputy_word(std::string_view w) { return w == "deputy" || w == "vice" || w == "assistant" || w == "associate"; }
    // A title that opens with a deputy's word ("deputy chairman", "vice-president").
    static bool subordinate(std::string_view role) {
        const std::size_t end = role.find_first_of(" -");
        return end != std::string_view::npos && end + 1 < role.size() && deputy_word(role.substr(0, end));
    }
    std::string role_predicate(const std::string& role) const {
        const std::string* pred = lx.role_predicates.find(role);
        // The roles list has "former president" as a title of its own: it is a president's, ended.
        if (!pred && role.compare(0, 7, "former ") == 0) pred = lx.role_predicates.find(role.substr(7));
        // A plural title of a list ("former presidents X, Y and Z") is each one's.
        if (!pred && role.size() > 3 && role.back() == 's') {
            const std::string one = role.substr(role.compare(0, 7, "former ") == 0 ? 7 : 0, std::string::npos);
            pred = lx.role_predicates.find(one.substr(0, one.size() - 1));
        }
        // "director general" is the list's "director-general".
        if (std::string hyphened = role; !pred && role.find(' ') != std::string::npos) {
            std::replace(hyphened.begin(), hyphened.end(), ' ', '-');
            pred = lx.role_predicates.find(hyphened);
        }
        // A deputy leads nothing: "deputy chairman", "vice chairman", "assistant director" hold a post under
        // the head (unless the list names the title itself).
        if (!pred && subordinate(role)) {
            pred = lx.role_predicates.find(role.substr(role.find_first_of(" -") + 1));
            if (pred && (*pred == "leader_of" || *pred == "founder_of")) pred = nullptr;
        }
        // A title of several words the list lacks is its head's ("doctoral candidate" is a candidate's), but
        // not a head's leadership: a vice president leads nothing.
        if (const std::size_t sp = role.rfind(' '); !pred && sp != std::string::npos) {
            pred = lx.role_predicates.find(role.substr(sp + 1));
            if (pred && (*pred == "leader_of" || *pred == "founder_of")) pred = nullptr;
        }
        return pred ? *pred : "works_for";
    }
    // A person tied to an organization by no role word ("X of Acme", "Acme's X") works for it, or is a
    // member of a body whose people are members (data/member_bodies.txt: "X of the Green Party").
    const char* affiliation_predicate(int o) const {
        const std::string& name = st.entities[ent(o)].name;
        return lx.member_bodies.contains(head_word(name)) || membership_first(name) ? "member_of" : "works_for";
    }
    // A body named by a party's or a coalition's word first ("Parti Bumi Kenyalang", "Pakatan Harapan").
    bool membership_first(const std::string& name) const {
        return lx.membership_first_words.contains(lower_ascii(name.substr(0, name.find(' '))));
    }
    // The last word of a body's name, lower-cased ("party" of "the Green Party").
    static std::string head_word(const std::string& name) {
        const std::size_t sp = name.rfind(' ');
        return lower_ascii(name.substr(sp == std::string::npos ? 0 : sp + 1));
    }
    bool org_like(EntityType t) const { return t == EntityType::COMPANY || t == EntityType::ORGANIZATION; }
    // A possessive at token i: "'s", or a bare apostrophe closing a capitalized name that ends in s ("the
    // Times' editor", "PAS' candidate"), not a closing quote.
    bool poss(std::uint32_t i) const {
        if (is_possessive(T[i].text)) return true;
        if (!(T[i].text == "'" || T[i].text == "\xE2\x80\x99") || i == 0 || T[i].space_before || i + 1 >= T.size() ||
            !T[i + 1].space_before || T[i + 1].kind != TokKind::word)
            return false;
        const std::string_view w = T[i - 1].text;
        return T[i - 1].cap() && !w.empty() && (w.back() == 's' || w.back() == 'S');
    }

    // --- titles and roles -------------------------------------------------------------------------------
    void titles() {
        const std::size_t n = st.mentions.size();
        for (std::size_t k = 0; k < n; ++k) {
            const MentionCand m = st.mentions[k];  // a copy: country_entity() may grow the vector
            if (m.pseudo || type_of(static_cast<int>(k)) != EntityType::PERSON) continue;
            const int pk = static_cast<int>(k);
            // "Chinese Premier X", "U.S. President X"
            if (!m.role.empty() && !m.country.empty() && gov_code(m.role_code)) {
                int country = -1;
                if (m.mod_e > m.mod_b) country = country_entity(m.country, m.mod_b, m.mod_e, m.sentence);
                else if (int c = mention_covering(m.b - 1 - (m.b >= 2 && is_role(m.b - 1) ? 1 : 0)); c >= 0)
                    country = ent(c);
                if (country < 0) {
                    // The country mention sits before the title: find it.
                    for (std::uint32_t i = m.b; i-- > 0 && i + 4 > m.b;) {
                        if (T[i].kind == TokKind::punct && !poss(i)) break;  // "in Ukraine, Chancellor X"
                        if (int c = mention_covering(i); c >= 0 && type_of(c) == EntityType::COUNTRY) {
                            country = ent(c);
                            break;
                        }
                    }
                }
                if (country < 0) {
                    // "President X" where the gazetteer knows X's country, named elsewhere in the document.
                    for (std::size_t k2 = 0; k2 < st.entities.size(); ++k2)
                        if (st.entities[k2].type == EntityType::COUNTRY && st.entities[k2].name == m.country &&
                            !st.entities[k2].mentions.empty()) {
                            country = static_cast<int>(k2);
                            break;
                        }
                }
                // A head of state or government leads the country; any other office of it (minister,
                // attorney, ambassador, senator) is a post in its service (data/role_relations.tsv).
                // A country's candidate or nominee ("US presidential nominee X") is its citizen, no member;
                // so is one of its elite who holds no office ("US actor X").
                std::string pred = role_predicate(m.role);
                if (pred == "member_of" || (pred == "works_for" && !office_code(m.role_code))) pred = "citizen_of";
                emit(ent(pk), pred, country, 0.9, m.sentence, UINT32_MAX,
                     former_before(m.mod_e > m.mod_b ? m.mod_b : m.b, st.tok.sentences[m.sentence].begin));
            }
            person_org(pk);
        }
    }

    // A word the tagger may read as a verb but that English mostly uses as a noun or adjective: in a
    // title it qualifies the role ("associate professor", "acting director").
    bool title_word(std::uint32_t i) const {
        const WordInfo* w = word(i);
        return w && (w->tag == Upos::NOUN || w->tag == Upos::ADJ);
    }

    // "former", "ex-" or "ex" among the few words before token i, within its clause: the office or tie
    // named after them has ended ("former Acme CEO X", "ex-minister X").
    bool former_before(std::uint32_t i, std::uint32_t begin) const {
        for (std::uint32_t k = i; k > begin && i - k < 4;) {
            --k;
            const std::string_view w = low(k);
            if (w == "former" || w == "ex" || (w.size() > 3 && w.compare(0, 3, "ex-") == 0)) return true;
            if (T[k].kind == TokKind::punct && w != "-") return false;
        }
        return false;
    }

    static std::string lower_ascii(std::string s) {
        for (char& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        return s;
    }

    // A name's start before its honorifics ("Datuk Seri X"), not before token `begin`.
    std::uint32_t before_honorifics(std::uint32_t b, std::uint32_t begin) const {
        std::string code;
        for (std::uint32_t n; b > begin + 1 && (n = role_ending(b - 1, begin, code)) && code == "HON";) b -= n;
        return b;
    }
    // Length of the role or honorific phrase (roles.tsv, honorifics.tsv) that ends at token w, not before
    // token `begin`, and its code; 0 if none.
    std::uint32_t role_ending(std::uint32_t w, std::uint32_t begin, std::string& code) const {
        // A hyphenated title is three tokens ("director", "-", "general") but one word of the lexicon.
        if (w >= begin + 2 && T[w - 1].text == "-" && !T[w - 1].space_before && !T[w].space_before) {
            std::string& joined = phrase_buf;
            joined.clear();
            for (std::uint32_t q = w - 2; q <= w; ++q) joined += low(q);
            if (const std::string* c = lx.role(joined)) {
                code = *c;
                return 3;
            }
        }
        for (std::uint32_t k = std::min<std::uint32_t>(static_cast<std::uint32_t>(lx.roles_max_words), w + 1 - begin); k >= 1; --k) {
            const std::uint32_t b = w + 1 - k;
            if (k > 1 && !lw(b).role_first) continue;
            std::string& phrase = phrase_buf;
            phrase.clear();
            for (std::uint32_t q = b; q <= w; ++q) {
                if (q > b) phrase += ' ';
                phrase += low(q);
            }
            if (const std::string* c = lx.role(phrase)) {
                code = *c;
                return k;
            }
        }
        return 0;
    }

    // Organization linked to a person by a role noun next to the name.
    void person_org(int pk) {
        const MentionCand p = st.mentions[pk];
        const std::uint32_t s = p.sentence;
        const Sentence& se = st.tok.sentences[s];
        // "Acme analyst X", "former Acme CEO X", "Acme executive chairman Datuk Seri X": organization, role
        // words (the one nearest the name is the head: "executive chairman" is a chairman), honorifics, person.
        {
            std::uint32_t i = p.b;
            std::string role, role_code;
            // "Acme deputy public prosecutor, X": a comma may set the name off from its title (and the name's
            // honorifics with it: "Acme chairman, Datuk X").
            if (const std::uint32_t h = before_honorifics(p.b, se.begin); h < p.b && h >= se.begin + 2 && T[h - 1].text == ",") i = h;
            if (i >= se.begin + 2 && T[i - 1].text == ",") {
                std::string code;
                if (role_ending(i - 2, se.begin, code) && code != "HON") --i;
            }
            const std::uint32_t start = i;
            std::uint32_t role_start = 0;  // first token of the title words read so far
            bool gap = false;  // words between the role and the name ("Seoul government said Park")
            while (i > se.begin && start - i < 8) {
                const std::uint32_t w = i - 1;
                if (T[w].text == ")" && !role.empty()) {  // "Organisation of Islamic Cooperation (OIC) head X"
                    int o = st.mention_ending(w);
                    for (std::uint32_t q = w; o < 0 && q > se.begin && w - q < 5;)  // the name before the brackets
                        if (T[--q].text == "(") o = st.mention_ending(q);
                    if (o >= 0 && org_like(type_of(o)))
                        emit(ent(pk), role_predicate(lower_ascii(role)), ent(o), 0.85, s, UINT32_MAX,
                             former_before(p.b, se.begin) || former_before(st.mentions[o].b, se.begin));
                    role.clear();
                    break;
                }
                std::string code;
                const std::uint32_t k = role_ending(w, se.begin, code);
                if (k && code == "HON") {
                    if (!role.empty()) break;  // an honorific belongs next to the name
                } else if (k) {
                    if (role.empty()) {
                        role = std::string(st.text(w + 1 - k, w + 1));
                        role_code = code;
                    }
                    role_start = w + 1 - k;
                } else if (!role.empty() && w + 1 == role_start && (low(w) == "and" || T[w].text == "&") && w > se.begin &&
                           role_ending(w - 1, se.begin, code) && code != "HON" && mention_covering(w - 1) < 0) {
                    // "Acme President and CEO X", "chairman and chief executive X": two titles of one person.
                } else if (role.empty() ? !(T[w].lower() && start - w < 4)
                                        : !(st.lex[w].alpha && (!is_verb(w) || title_word(w)) && mention_covering(w) < 0) ||
                                              (lw(w).function_word && !st.lex[w].possessive) || st.as_written(w).non_name) {
                    // ("AU summit where on Sunday Presidents X": a clause, a date, not words of a title)
                    break;  // before the role: words of the title ("executive", "Operating"), not of a name
                } else if (role.empty() && low(w) == "of" && w > se.begin) {
                    // "Acme vice-president of equity research X": the role's complement is part of the title.
                    std::string c;
                    if (!role_ending(w - 1, se.begin, c) || c == "HON") break;
                } else if (low(w) == "the" || low(w) == "of" || low(w) == "and" || low(w) == "in") {
                    break;
                }
                if (!k && role.empty()) gap = true;
                i -= k ? k : 1;
                if (st.mention_ending(i) >= 0 && !role.empty()) break;
            }
            role = lower_ascii(role);
            // "Acme deputy group chief executive X", "AIP vice chairman X": a deputy's word among the title's
            // words before the role makes it a deputy's post.
            for (std::uint32_t q = i; !role.empty() && q < start; ++q)
                if (deputy_word(low(q))) {
                    role = std::string(low(q)) + " " + role;
                    break;
                }
            const int o = !role.empty() && i > se.begin ? st.mention_ending(i) : -1;
            if (o >= 0 && org_like(type_of(o))) {
                // "Texas GOP chairman X": a place before the body names its chapter there, which X leads:
                // of the body itself X is a member.
                const int chapter = st.mentions[o].b > se.begin ? st.mention_ending(st.mentions[o].b) : -1;
                const bool local = chapter >= 0 && (type_of(chapter) == EntityType::LOCATION || type_of(chapter) == EntityType::COUNTRY);
                std::string pred = role_predicate(role);
                if (local && pred == "leader_of") pred = "member_of";
                emit(ent(pk), pred, ent(o), 0.85, s, UINT32_MAX,
                     former_before(p.b, se.begin) || former_before(st.mentions[o].b, se.begin));
            }
            // "Texas Governor X", "Ipoh district police chief X", "Beijing correspondent X": a post in a
            // place below a country, which the schema lets a person lead no more than work for: the person
            // lives or is stationed there. (A country's offices are titles(): "Chinese Premier X".)
            if (o >= 0 && !gap && type_of(o) == EntityType::LOCATION && role_code != "HON" && !demonym_mention(o))
                emit(ent(pk), "lives_in", ent(o), 0.75, s, UINT32_MAX,
                     former_before(p.b, se.begin) || former_before(st.mentions[o].b, se.begin));
            // "Group managing director X said": a company's head with no company named leads the company the
            // article is about. Only business heads: an analyst quoted in it mostly works elsewhere.
            if (!role.empty() && o < 0 && main_company >= 0 && role_code == "BUS") {
                const std::string pred = role_predicate(role);
                if (pred == "leader_of" || pred == "founder_of")
                    emit(ent(pk), pred, main_company, 0.6, s, UINT32_MAX, former_before(i, se.begin));
            }
        }
        // "A spokesman for Acme, X, said", "the mayor of Paris, X": the title and its body or place set off
        // before the name by a comma.
        auto named_start = [&](std::uint32_t b) { return before_honorifics(b, se.begin); };
        const std::uint32_t named = named_start(p.b);
        // ... and before the title the name carries itself ("the Sultan of Perak, Sultan X").
        std::uint32_t titled = named;
        if (!p.role.empty()) {
            std::string code;
            if (const std::uint32_t n = titled > se.begin + 1 ? role_ending(titled - 1, se.begin, code) : 0) titled = named_start(titled - n);
        }
        // "The Italian foreign minister, X,": a country's office by its demonym, set off before the name.
        if (titled >= se.begin + 3 && T[titled - 1].text == "," && st.mention_ending(titled - 1) < 0) {
            std::string code;
            if (const std::uint32_t n = role_ending(titled - 2, se.begin, code); n && gov_code(code)) {
                std::uint32_t q = titled - 1 - n;  // the role's first token
                while (q > se.begin && titled - 1 - q < n + 2 && T[q - 1].lower() && !lw(q - 1).function_word && !is_verb(q - 1)) --q;
                std::uint32_t from = 0;
                const GazEntry* d = q > se.begin ? demonym_ending(q - 1, from) : nullptr;
                if (d && from >= se.begin && (from == se.begin || low(from - 1) == "the" || low(from - 1) == "former") &&
                    mention_covering(q - 1) < 0) {
                    const std::string role = lower_ascii(std::string(st.text(titled - 1 - n, titled - 1)));
                    const std::string pred = role_predicate(role);
                    const int country = country_entity(d->canonical, from, q, s);
                    if (office_code(code) || pred == "leader_of")
                        emit(ent(pk), pred, country, 0.8, s, UINT32_MAX, former_before(from, se.begin));
                }
            }
        }
        if (titled >= se.begin + 4 && T[titled - 1].text == ",") {
            const int o = st.mention_ending(titled - 1);
            std::uint32_t ob = o >= 0 ? st.mentions[o].b : 0;
            if (o >= 0 && ob >= se.begin + 3 && low(ob - 1) == "the") --ob;  // "a member of the Acme Party, X"
            const std::string_view prep = o >= 0 && ob >= se.begin + 2 ? low(ob - 1) : std::string_view();
            std::string code;
            const std::uint32_t n = prep == "for" || prep == "of" || prep == "at" ? role_ending(ob - 2, se.begin, code) : 0;
            if (n && code != "HON") {
                const std::string role = lower_ascii(std::string(st.text(ob - 1 - n, ob - 1)));
                const bool former = former_before(ob - 1 - n, se.begin) || former_before(ob - n, se.begin);
                if (org_like(type_of(o))) emit(ent(pk), role_predicate(role), ent(o), 0.8, s, UINT32_MAX, former);
                else if (prep == "of") place_office(pk, role, code, o, s, former);  // not "candidate for Tenang"
            }
        }
        // "Acme's X", "Acme's Datuk X", and the names listed after it: "Acme's X and Y".
        {
            std::uint32_t b = named;
            for (int hops = 0; hops < 4 && b >= se.begin + 2; ++hops) {
                if (poss(b - 1)) {
                    int o = st.mention_ending(b - 1);
                    if (o >= 0 && org_like(type_of(o))) emit(ent(pk), affiliation_predicate(o), ent(o), 0.75, s);
                    break;
                }
                if (low(b - 1) != "and" && T[b - 1].text != ",") break;
                const int q = st.mention_ending(b - 1);
                if (q < 0 || type_of(q) != EntityType::PERSON) break;
                b = named_start(st.mentions[q].b);
            }
        }
        // "X, Acme reporter" / "X, the executive in Acme's unit" / "X of consultancy Acme" / "X, founder of Acme"
        // Also "X is the director of Acme", "X, who was chief economist at Acme".
        std::uint32_t i = p.e;
        // "X, 52, a lawyer in Y": the age set off by commas stands between the name and its appositive.
        if (i + 3 < se.end && T[i].text == "," && T[i + 1].kind == TokKind::number && T[i + 2].text == ",") i += 2;
        bool copula = false;
        bool ended = false;  // "resigned as", "stepped down as": the title is held no more
        {
            std::uint32_t k = i;
            if (k < se.end && T[k].text == ",") ++k;
            if (k < se.end && low(k) == "who") ++k;
            if (k + 1 < se.end && (low(k) == "has" || low(k) == "had") && low(k + 1) == "been") {
                copula = true;
                k += 2;
            } else if (k < se.end && (low(k) == "is" || low(k) == "was" || low(k) == "became" || low(k) == "becomes")) {
                copula = true;
                ++k;
            } else if (k + 1 < se.end && low(k + 1) == "as" &&
                       (low(k) == "served" || low(k) == "serves" || low(k) == "resigned" || low(k) == "retired")) {
                // "X served as chief of Acme"; "X resigned as chief of Acme": a title held, ended.
                copula = true;
                ended = low(k) != "served" && low(k) != "serves";
                k += 2;
            } else if (k + 2 < se.end && low(k) == "stepped" && low(k + 1) == "down" && low(k + 2) == "as") {
                copula = ended = true;
                k += 3;
            }
            // "X was appointed (as) chief executive of Acme", "X, who was named chief of Acme".
            if (copula && k + 1 < se.end && (low(k) == "appointed" || low(k) == "named" || low(k) == "elected" ||
                                             low(k) == "made" || low(k) == "promoted")) {
                ++k;
                if (k < se.end && (low(k) == "as" || low(k) == "to")) ++k;
            }
            if (copula) i = k - 1;  // the loop below starts one token on, as after a comma
        }
        if (i < se.end && (copula || T[i].text == "," || low(i) == "of" || low(i) == "at" || low(i) == "from")) {
            std::string role, role_code;
            std::uint32_t role_at = 0;
            bool former = ended;  // "X, former CEO of Acme"
            bool of = !copula && (low(i) == "of" || low(i) == "at" || low(i) == "from");
            bool affiliation = of && low(i) != "of";  // "X of Acme" is read as before: works_for
            ++i;
            const std::uint32_t first = i;  // the appositive's first word
            for (std::uint32_t steps = 0; i < se.end && steps < 10; ++steps) {
                std::string_view w = low(i);
                if (int o = st.mention_at(i); o >= 0) {
                    if (!org_like(type_of(o))) {
                        // "X, the president of France", "X, the former mayor of Paris": an office of a place.
                        // Not "the president of France's largest bank" nor "of Paris-based Acme".
                        const std::uint32_t after = st.mentions[o].e;
                        const bool modifier = after < se.end && (poss(after) || T[after].text == "-");
                        // "X, a biologist at London's Royal Veterinary College": the place's body is the one.
                        if (modifier && poss(after) && after + 1 < se.end)
                            if (const int b2 = st.mention_at(after + 1); b2 >= 0 && org_like(type_of(b2))) {
                                i = after + 1;
                                continue;
                            }
                        // The place right after the role ("mayor of Paris", "a senator from Ohio"), not
                        // further on ("the suspect in a shooting in Kenosha").
                        bool near = !role.empty() && i <= role_at + 3;
                        for (std::uint32_t q = role_at + 1; near && q < i; ++q)
                            near = low(q) == "of" || low(q) == "the" || low(q) == "in" || low(q) == "from" || low(q) == "for";
                        if (near && !modifier) place_office(pk, role, role_code, o, s, former);
                        // "X from Sik district", "X, from Ohio,", "X, of Dayton,": where the person is from, with no title.
                        if (role.empty() && !modifier && !copula && i <= p.e + 2 && (low(i - 1) == "from" || low(i - 1) == "of") &&
                            type_of(o) == EntityType::LOCATION && !demonym_mention(o))
                            emit(ent(pk), "lives_in", ent(o), 0.7, s, UINT32_MAX, former);
                        // "X, France's president", "X, Ohio's former attorney general", "X, a Toronto lawyer";
                        // without a possessive an article must open the appositive, and no name may follow the
                        // title: "X, Greek prime minister Y" is a list whose next item has the title.
                        const bool possessive = modifier && T[after].text != "-";
                        const bool article = i >= 1 && (low(i - 1) == "a" || low(i - 1) == "an" || low(i - 1) == "the");
                        if (role.empty() && (possessive || (!modifier && !copula && article && i <= p.e + 3))) {
                            const std::uint32_t first = possessive ? after + 1 : after;
                            for (std::uint32_t q = first; q < se.end && q < after + 5; ++q) {
                                if (low(q) == "former") former = true;
                                if (std::string code; std::uint32_t n = role_ending(q, first, code)) {
                                    if (q + 1 >= se.end || (!is_role(q + 1) && st.mention_at(q + 1) < 0 && !T[q + 1].cap()))
                                        place_office(pk, lower_ascii(std::string(st.text(q + 1 - n, q + 1))), code, o, s, former);
                                    if (q + 1 < se.end && is_role(q + 1)) continue;
                                    break;
                                }
                                if (!T[q].lower() || is_verb(q)) break;
                            }
                        }
                        // "a spokesman for the Tellburg-based Acme", "the head of Paris-owned Acme": the place
                        // modifies the body named next, which the appositive is about.
                        if (modifier && !possessive && after + 2 < se.end && !T[after].space_before && T[after + 1].lower()) {
                            i = after + 2;
                            continue;
                        }
                        break;
                    }
                    std::uint32_t after = st.mentions[o].e;
                    // "the City Council (MBKS) mayor": past the bracketed short name.
                    if (after + 2 < se.end && T[after].text == "(") {
                        std::uint32_t close = after + 1;
                        while (close < se.end && close < after + 5 && T[close].text != ")") ++close;
                        if (close < se.end && T[close].text == ")") after = close + 1;
                    }
                    std::string role_after;
                    if (after < se.end && is_role(after)) role_after = std::string(low(after));
                    // "X, a Nordvale Bank vice president,", "X, an Acme senior economist,": a title of several
                    // words after the body, the longest ending before the appositive does.
                    if (!copula && after < se.end && T[after].lower() && (role_after.empty() || (after + 1 < se.end && T[after + 1].lower())))
                        for (std::uint32_t q = after; q < se.end && q < after + 4 && T[q].lower() && !is_verb(q); ++q) {
                            std::string code;
                            // (Not when a name follows: "X, Acme Party presidential nominee Y," lists Y with a title.)
                            if (const std::uint32_t n = role_ending(q, after, code); n && code != "HON")
                                role_after = q + 1 < se.end && (T[q + 1].cap() || st.mention_at(q + 1) >= 0)
                                                 ? std::string()
                                                 : lower_ascii(std::string(st.text(q + 1 - n, q + 1)));
                        }
                    // "X, Acme's chief economist,": the title after the body's possessive.
                    if (role_after.empty() && role.empty() && !copula && after + 1 < se.end && poss(after)) {
                        // The title ends where the appositive does: the last title word before it ("chief of staff").
                        for (std::uint32_t q = after + 1; q < se.end && q < after + 6 && T[q].lower() && !is_verb(q); ++q) {
                            std::string code;
                            if (const std::uint32_t n = role_ending(q, after + 1, code); n && code != "HON")
                                role_after = lower_ascii(std::string(st.text(q + 1 - n, q + 1)));
                        }
                        for (std::uint32_t q = after + 1; !role_after.empty() && q < after + 5 && q < se.end && T[q].lower(); ++q)
                            if (low(q) == "former" || (low(q).size() > 3 && low(q).compare(0, 3, "ex-") == 0)) former = true;
                    }
                    // With no role word, "at"/"of"/"from" state an affiliation only ("a student at", "X from Acme").
                    if (!role.empty() || !role_after.empty())
                        emit(ent(pk), role_predicate(role.empty() ? role_after : role), ent(o), 0.8, s, UINT32_MAX, former);
                    else if (of)
                        emit(ent(pk), affiliation ? "member_of" : affiliation_predicate(o), ent(o), 0.8, s, UINT32_MAX, former);
                    break;
                }
                if (w == "former" || w == "formerly" || w == "previously" || (w.size() > 3 && w.compare(0, 3, "ex-") == 0))
                    former = true;
                // "X, an epidemiologist at Acme", "X, a lawyer from Acme": an occupation placed at an organization.
                if (w == "at" || w == "from") of = affiliation = true;
                // The longest title ending here ("chief executive", not "executive"; "Director General",
                // whose last word is no title alone).
                std::string code;
                if (const std::uint32_t n = role_ending(i, first, code); is_role(i) || (n > 1 && code != "HON")) {
                    role = n > 1 && code != "HON" ? lower_ascii(std::string(st.text(i + 1 - n, i + 1))) : std::string(w);
                    role_code = n > 1 && code != "HON" ? code : *lw(i).role;
                    role_at = i;
                    const std::uint32_t before = n > 1 && code != "HON" ? i - n : i - 1;  // "the deputy chairman of"
                    if (before >= first && before < i && deputy_word(low(before)))
                        role = std::string(low(before)) + " " + role;
                }
                else if (!(w == "the" || w == "a" || w == "an" || w == "former" || w == "formerly" || w == "previously" ||
                           w == "in" || w == "of" || w == "at" ||
                           w == "for" || lw(i).context || (w == "-" && !T[i].space_before) || (T[i].cap() && lw(i).role_first) || (T[i].lower() && (!is_verb(i) || (lw(i).role_first && i + 1 < se.end && is_role(i + 1)))) ||
                           (w.find('.') != std::string_view::npos && st.lex[i].alpha)))  // "a Ph.D. candidate at"
                    break;
                ++i;
            }
        }
        // "Acme and its founder, X" / "Acme's founder, X"
        // Also "its president Datuk Seri X", "its group managing director X": honorifics and multi-word roles.
        if (p.b >= 3) {
            std::uint32_t j = named;
            std::string code;
            if (j > se.begin && T[j - 1].text == ",") --j;
            const std::uint32_t n = j >= se.begin + 2 ? role_ending(j - 1, se.begin, code) : 0;
            if (n && code != "HON") {
                std::string role = lower_ascii(std::string(st.text(j - n, j)));
                std::uint32_t k = j - n;
                if (k >= 1 && (low(k - 1) == "its" || poss(k - 1))) {
                    int o = -1;
                    if (poss(k - 1)) {
                        o = st.mention_ending(k - 1);
                    } else {
                        // "its" points back to the sentence's first organization, its usual subject, not to
                        // the nearest one ("X will not work with the Y coalition, its president Z said").
                        for (std::uint32_t x = se.begin; x < k - 1 && o < 0; ++x)
                            if (int c = st.mention_at(x); c >= 0 && org_like(type_of(c))) o = c;
                    }
                    // "... Gabungan Parti Merbau. Its chairman X said", "..., said its minister X": with no
                    // body before it in its sentence, the previous sentence's, its speaker first ("..., said
                    // Acme Bank. Its analyst X").
                    if (o < 0 && s > 0)
                        for (std::uint32_t x = st.tok.sentences[s - 1].begin; x < se.begin; ++x)
                            if (int c = st.mention_at(x); c >= 0 && org_like(type_of(c))) {
                                const MentionCand& cm = st.mentions[c];
                                if (o < 0) o = c;
                                if ((cm.b > 0 && low(cm.b - 1) == "said") || (cm.e < se.begin && low(cm.e) == "said")) {
                                    o = c;
                                    break;
                                }
                            }
                    if (o >= 0 && org_like(type_of(o))) emit(ent(pk), role_predicate(role), ent(o), 0.8, p.sentence);
                }
            }
        }
    }

    // A person's office named with a place after the name ("X, the president of France"): a country's head
    // leads it and its other officials work for it; a post in a smaller place says where the person lives or
    // is stationed (the schema lets a person lead only actors).
    void place_office(int pk, const std::string& role, const std::string& code, int o, std::uint32_t s, bool former) {
        if (type_of(o) == EntityType::COUNTRY) {
            const std::string pred = role_predicate(role);
            if (gov_code(code) || pred == "leader_of") emit(ent(pk), pred, ent(o), 0.8, s, UINT32_MAX, former);
        } else if (type_of(o) == EntityType::LOCATION && code != "HON" && !demonym_mention(o)) {
            emit(ent(pk), "lives_in", ent(o), 0.75, s, UINT32_MAX, former);
        }
    }

    // A place mention that is a nationality word ("Greek" read as a place, which some name lists have): it
    // names no place to live in. The word lexicon knows such words as adjectives.
    bool demonym_mention(int o) const {
        const MentionCand& m = st.mentions[o];
        if (m.e == m.b + 1 && word(m.b) && word(m.b)->tag == Upos::ADJ) return true;
        if (const auto* es = lx.lookup(st.text(m.b, m.e)))
            for (const auto& e : *es)
                if (e.demonym) return true;
        return false;
    }

    // The gazetteer's demonym entry for exactly tokens [b, e) ("South Korean"), or nullptr.
    const GazEntry* demonym_at(std::uint32_t b, std::uint32_t e) const {
        if (const auto* es = lx.lookup(st.text(b, e)))
            for (const auto& x : *es)
                if (x.demonym) return &x;
        return nullptr;
    }
    // A one- or two-word demonym ("Chinese", "South Korean") ending at token i, its first token in `from`.
    const GazEntry* demonym_ending(std::uint32_t i, std::uint32_t& from) const {
        for (std::uint32_t w = 2; w >= 1; --w) {
            if (i + 1 < w || (w == 2 && T[i - 1].kind != TokKind::word)) continue;  // not ", German"
            if (const GazEntry* d = demonym_at(i + 1 - w, i + 1)) {
                from = i + 1 - w;
                return d;
            }
        }
        return nullptr;
    }

    // The country of a demonym at [b, e) that no other name covers, if the document names that country
    // (else -1: an adjective alone is no mention of the country). Not "pro-Russian", "Chinese-born".
    int demonym_country(std::uint32_t b, std::uint32_t e, const GazEntry& d, std::uint32_t sentence) const {
        const Sentence& se = st.tok.sentences[sentence];
        if ((b > se.begin && T[b - 1].text == "-" && !T[b].space_before) || (e < se.end && T[e].text == "-")) return -1;
        for (std::uint32_t q = b; q < e; ++q)
            if (const int c = mention_covering(q); c >= 0 && !(type_of(c) == EntityType::COUNTRY && demonym_mention(c))) return -1;
        for (std::size_t k = 0; k < st.entities.size(); ++k) {
            const DocEnt& c = st.entities[k];
            if (c.name == d.canonical && c.type == EntityType::COUNTRY &&
                std::any_of(c.mentions.begin(), c.mentions.end(), [&](std::size_t q) { return !st.mentions[q].pseudo; }))
                return static_cast<int>(k);
        }
        return -1;
    }

    // "Belarusian KGB", "the Tunisian Parliament": a demonym right before a body's name, or opening a name of
    // several words, names the country it is based in. The body's country entity, or -1.
    int demonym_of_body(const MentionCand& m) {
        const Sentence& se = st.tok.sentences[m.sentence];
        for (std::uint32_t w = 2; w >= 1; --w)
            if (m.b + w < m.e)
                if (const GazEntry* d = demonym_at(m.b, m.b + w)) return demonym_country(m.b, m.b, *d, m.sentence);
        std::uint32_t from = 0;
        if (m.b > se.begin && T[m.b - 1].cap())
            if (const GazEntry* d = demonym_ending(m.b - 1, from); d && from >= se.begin)
                return demonym_country(from, m.b, *d, m.sentence);
        return -1;
    }

    // "Australian swimmer X", "the Nigerian-born British author X", "X, a Kenyan runner,", "An Australian, X,":
    // a demonym before a person's description, or as the person's appositive, names the person's country.
    // (An office of the country is titles()': "Chinese Premier X".)
    void demonym_people() {
        const std::size_t n = st.mentions.size();
        for (std::size_t k = 0; k < n; ++k) {
            const MentionCand m = st.mentions[k];  // a copy: country_entity() may grow the vector
            if (m.pseudo || m.entity < 0 || type_of(static_cast<int>(k)) != EntityType::PERSON) continue;
            if (!m.role.empty() && !m.country.empty()) {
                // "American singer X": a description the mention took as its role, with the demonym before it
                // as its country (an office of the country is titles()'), as below: when the document names the
                // country. (A demonym, not a country's name ending a body's: "Allianz Malaysia chief executive X".)
                if (!gov_code(m.role_code) && m.mod_e > m.mod_b)
                    if (const GazEntry* d = demonym_at(m.mod_b, m.mod_e))
                        if (const int c = demonym_country(m.mod_b, m.mod_e, *d, m.sentence); c >= 0) emit(m.entity, "citizen_of", c, 0.75, m.sentence);
                continue;
            }
            const Sentence& se = st.tok.sentences[m.sentence];
            int country = -1;
            // Before the name: the demonym, then the description's adjectives and nouns.
            std::uint32_t i = m.b;
            while (i > se.begin && m.b - i < 4 && T[i - 1].lower() && st.lex[i - 1].alpha && !lw(i - 1).function_word &&
                   !is_verb(i - 1) && (st.tag(i - 1) == Upos::NOUN || st.tag(i - 1) == Upos::ADJ) && mention_covering(i - 1) < 0)
                --i;
            std::uint32_t from = 0;
            if (i < m.b && st.tag(m.b - 1) == Upos::NOUN && i > se.begin && T[i - 1].cap())
                if (const GazEntry* d = demonym_ending(i - 1, from); d && from >= se.begin)
                    country = demonym_country(from, i, *d, m.sentence);
            // "An Australian, X,": the demonym as a noun set off before the name.
            if (country < 0 && m.b >= se.begin + 3 && T[m.b - 1].text == "," && T[m.b - 2].cap() &&
                (low(m.b - 3) == "a" || low(m.b - 3) == "an"))
                if (const GazEntry* d = demonym_ending(m.b - 2, from); d && from == m.b - 2)
                    country = demonym_country(from, m.b - 1, *d, m.sentence);
            // "X, a retired Kenyan runner,": the appositive after the name.
            if (country < 0 && m.e + 2 < se.end && T[m.e].text == "," && (low(m.e + 1) == "a" || low(m.e + 1) == "an")) {
                std::uint32_t q = m.e + 2;
                while (q < se.end && q < m.e + 8 && !T[q].cap() &&
                       (T[q].text == "-" || T[q].kind == TokKind::number || (T[q].lower() && st.tag(q) == Upos::ADJ) ||
                        low(q) == "year" || low(q) == "old"))
                    ++q;
                if (q < se.end && T[q].cap()) {
                    // The longest demonym starting at q (one or two words).
                    for (std::uint32_t w = 2; w >= 1 && country < 0; --w) {
                        if (q + w > se.end || (w == 2 && T[q + 1].kind != TokKind::word)) continue;
                        const std::uint32_t end = q + w;
                        if (end < se.end && T[end].cap()) continue;  // "a Kenyan Airways pilot": a name goes on
                        if (const GazEntry* d = demonym_at(q, end)) country = demonym_country(q, end, *d, m.sentence);
                    }
                }
            }
            if (country >= 0) emit(m.entity, "citizen_of", country, 0.75, m.sentence);
        }
    }

    // --- modifiers: "Chinese startup X", "China's rising AI company X", "Chinese firms like X and Y" ---------
    void based_in() {
        const std::size_t n = st.mentions.size();
        for (std::size_t k = 0; k < n; ++k) {
            const MentionCand m = st.mentions[k];  // a copy: country_entity() may grow the vector
            if (m.pseudo || !org_like(type_of(static_cast<int>(k)))) continue;
            // "Dayton's Nordvale Corp.", "China's Huawei": a place's or a country's body right after its possessive.
            // Not a party's adjective read as its name, nor a body before a title ("Atlanta's Democratic mayor",
            // "Maryland's Republican Governor X").
            if (m.b >= st.tok.sentences[m.sentence].begin + 2 && poss(m.b - 1) &&
                !(m.e - m.b == 1 && st.tag(m.b) == Upos::ADJ) && !(m.e < T.size() && is_role(m.e))) {
                const int c = st.mention_ending(m.b - 1);
                if (c >= 0 && (type_of(c) == EntityType::LOCATION || type_of(c) == EntityType::COUNTRY) && !demonym_mention(c) &&
                    !st.mentions[c].pseudo)
                    emit(ent(static_cast<int>(k)), "based_in", ent(c), 0.75, m.sentence);
            }
            if (const int c = demonym_of_body(m); c >= 0) {
                emit(ent(static_cast<int>(k)), "based_in", c, 0.75, m.sentence);
                continue;
            }
            std::uint32_t noun = find_head_noun(m.b);
            if (noun == UINT32_MAX) continue;
            // Walk left over modifiers of the head noun to a demonym or "Country's".
            std::uint32_t i = noun;
            for (int steps = 0; i > st.tok.sentences[m.sentence].begin && steps < 5; ++steps) {
                --i;
                std::string_view w = low(i);
                if (w == "and" || w == "or" || w == ",") break;
                if (T[i].cap()) {
                    std::uint32_t from = i;
                    if (const GazEntry* demonym = demonym_ending(i, from)) {
                        emit(ent(static_cast<int>(k)), "based_in", country_entity(demonym->canonical, from, i + 1, m.sentence),
                             0.8, m.sentence);
                        break;
                    }
                }
                if (poss(i) && i > 0) {
                    int c = st.mention_ending(i);
                    if (c >= 0 && type_of(c) == EntityType::COUNTRY) emit(ent(static_cast<int>(k)), "based_in", ent(c), 0.75, m.sentence);
                    break;
                }
                if (!(T[i].lower() || st.as_written(i).common_acronym)) break;
            }
        }
    }

    // "Acme, a Dayton company", "Acme is a Dayton energy firm": a place modifying the body's kind noun
    // (data/context.tsv) in its appositive → based_in.
    void place_appositive() {
        for (std::size_t k = 0; k < st.mentions.size(); ++k) {
            const MentionCand& m = st.mentions[k];
            if (m.pseudo || m.entity < 0 || !org_like(type_of(static_cast<int>(k)))) continue;
            const Sentence& se = st.tok.sentences[m.sentence];
            std::uint32_t i = m.e;
            if (i + 3 >= se.end || !(T[i].text == "," || low(i) == "is" || low(i) == "was")) continue;
            ++i;
            if (!(low(i) == "a" || low(i) == "an")) continue;
            const int c = st.mention_at(i + 1);
            if (c < 0 || st.mentions[c].entity < 0 || st.mentions[c].pseudo || demonym_mention(c) ||
                (type_of(c) != EntityType::LOCATION && type_of(c) != EntityType::COUNTRY))
                continue;
            for (std::uint32_t q = st.mentions[c].e; q < se.end && q < st.mentions[c].e + 3 && T[q].lower(); ++q)
                if (const EntityType* t = lw(q).context) {
                    if (org_like(*t)) emit(m.entity, "based_in", st.mentions[c].entity, 0.75, m.sentence);
                    break;
                }
        }
    }

    // A place described as lying in another: "Tellburg, a fishing town in Nordvale", "Patagonia, the
    // southernmost region of Chile" (data/context.tsv's place nouns). ("X in Y": adjacent_names().)
    void place_in_place() {
        for (std::size_t k = 0; k < st.mentions.size(); ++k) {
            const MentionCand& m = st.mentions[k];
            if (m.pseudo || m.entity < 0 || type_of(static_cast<int>(k)) != EntityType::LOCATION) continue;
            const Sentence& se = st.tok.sentences[m.sentence];
            std::uint32_t i = m.e;
            if (i + 3 >= se.end || T[i].text != "," || !(low(i + 1) == "a" || low(i + 1) == "an" || low(i + 1) == "the")) continue;
            // The appositive's head: a place noun after a few lower-case words ("small fishing town").
            std::uint32_t q = i + 2;
            while (q < se.end && q < i + 7 && T[q].lower() && !is_verb(q) && !place_noun(q)) ++q;
            if (q >= se.end || !place_noun(q)) continue;
            i = q + 1;
            if (i >= se.end || (low(i) != "in" && low(i) != "of")) continue;
            ++i;
            if (i < se.end && low(i) == "the") ++i;
            const int c = st.mention_at(i);
            if (c < 0 || st.mentions[c].entity < 0 || st.mentions[c].pseudo || demonym_mention(c) ||
                (type_of(c) != EntityType::LOCATION && type_of(c) != EntityType::COUNTRY) || st.mentions[c].entity == m.entity)
                continue;
            emit(m.entity, "located_in", st.mentions[c].entity, 0.75, m.sentence);
        }
    }
    bool place_noun(std::uint32_t i) const {
        const EntityType* t = lw(i).context;
        return T[i].lower() && t && (*t == EntityType::LOCATION || *t == EntityType::COUNTRY);
    }

    // "Houston-based Enron", "the Oslo-based company Acme", "Acme, a Houston-based energy firm": a body is
    // based in the place before "-based"/"-headquartered" (a person so described lives or works there).
    void place_based() {
        const std::size_t n = st.mentions.size();
        for (std::size_t k = 0; k < n; ++k) {
            const MentionCand& p = st.mentions[k];
            const EntityType pt = type_of(static_cast<int>(k));
            if (p.pseudo || (pt != EntityType::LOCATION && pt != EntityType::COUNTRY)) continue;
            const Sentence& se = st.tok.sentences[p.sentence];
            const std::uint32_t h = p.e;
            if (h + 1 >= se.end || T[h].text != "-" || T[h].space_before || T[h + 1].space_before ||
                (low(h + 1) != "based" && low(h + 1) != "headquartered" && low(h + 1) != "born"))
                continue;
            const bool born = low(h + 1) == "born";  // "Boston-born Jon Bell": a person's, as "born in" is
            int o = -1;
            // The name the phrase modifies, after a few lower-case words ("energy firm").
            for (std::uint32_t i = h + 2; i < se.end && i < h + 7 && o < 0; ++i) {
                if (int c = st.mention_at(i); c >= 0) o = c;
                else if (!T[i].lower() || is_verb(i)) break;
            }
            // Or the name an appositive describes: "Acme, a Houston-based firm".
            if (o < 0 && p.b >= se.begin + 2) {
                std::uint32_t i = p.b;
                if (low(i - 1) == "a" || low(i - 1) == "an" || low(i - 1) == "the") --i;
                if (i > se.begin && T[i - 1].text == ",") o = st.mention_ending(i - 1);
            }
            if (o < 0) continue;
            const EntityType ot = type_of(o);
            if (org_like(ot) && !born) emit(ent(o), "based_in", ent(static_cast<int>(k)), 0.8, p.sentence);
            else if (ot == EntityType::PERSON) emit(ent(o), "lives_in", ent(static_cast<int>(k)), 0.75, p.sentence);
        }
    }

    // --- organizations inside organizations: "Acme's unit X", "X, a wholly owned subsidiary of Acme" -------
    const std::string* org_noun(std::uint32_t i) const {
        return T[i].lower() ? lx.org_nouns.find(std::string(low(i))) : nullptr;
    }
    void org_parts() {
        for (std::size_t k = 0; k < st.mentions.size(); ++k) {
            const MentionCand& m = st.mentions[k];
            if (m.pseudo || !org_like(type_of(static_cast<int>(k)))) continue;
            const Sentence& se = st.tok.sentences[m.sentence];
            // Left: owner's (or owner) + up to two lower-case modifiers + the noun, right before the name.
            if (m.b > se.begin + 1) {
                if (const std::string* pred = org_noun(m.b - 1)) {
                    std::uint32_t i = m.b - 1;
                    while (i > se.begin && m.b - 1 - i < 2 && T[i - 1].lower() && !org_noun(i - 1) && !is_verb(i - 1)) --i;
                    if (i > se.begin) {
                        const std::uint32_t end = poss(i - 1) ? i - 1 : i;
                        int o = st.mention_ending(end);
                        if (o >= 0 && o != static_cast<int>(k) && org_like(type_of(o)))
                            emit(ent(static_cast<int>(k)), *pred, ent(o), 0.8, m.sentence);
                    }
                }
            }
            // Right: ", a/the (wholly owned) subsidiary of Owner", "is a unit of Owner"; ", owned by Owner".
            std::uint32_t i = m.e;
            if (i + 3 < se.end && (T[i].text == "," || low(i) == "is" || low(i) == "was" || low(i) == "became")) {
                ++i;
                {
                    std::uint32_t j = i;
                    if (j < se.end && (low(j) == "which" || low(j) == "that") && j + 1 < se.end && (low(j + 1) == "is" || low(j + 1) == "was"))
                        j += 2;
                    while (j < se.end && j < i + 4 && (low(j) == "wholly" || low(j) == "majority" || low(j) == "partly" ||
                                                       low(j) == "jointly" || low(j) == "fully" || low(j) == "-"))
                        ++j;
                    if (j + 2 < se.end && low(j) == "owned" && low(j + 1) == "by") {
                        int o = st.mention_at(j + 2);
                        if (o >= 0 && o != static_cast<int>(k) && type_of(o) != EntityType::LOCATION && type_of(o) != EntityType::EVENT &&
                            type_of(o) != EntityType::PRODUCT && type_of(o) != EntityType::POLICY)
                            emit(ent(o), "owns", ent(static_cast<int>(k)), 0.8, m.sentence);
                    }
                }
                if (low(i) == "a" || low(i) == "an" || low(i) == "the" || low(i) == "its") ++i;
                const std::uint32_t kind_from = i;
                for (std::uint32_t q = 0; q < 3 && i < se.end && !org_noun(i); ++q)
                    if (T[i].lower() || T[i].text == "-") ++i;
                    else break;
                if (i + 2 < se.end && org_noun(i) && low(i + 1) == "of") {
                    int o = st.mention_at(i + 2);
                    if (o >= 0 && org_like(type_of(o))) emit(ent(static_cast<int>(k)), *org_noun(i), ent(o), 0.8, m.sentence);
                }
                // "X is a non-profit company under the Health Ministry", "X, an agency under Y": a body's kind, then
                // the body it is placed under.
                for (std::uint32_t q = kind_from; q + 2 < se.end && q < kind_from + 5 && (T[q].lower() || T[q].text == "-"); ++q) {
                    const EntityType* kind = lw(q).context;
                    if (low(q + 1) != "under" || !(org_noun(q) || (kind && org_like(*kind)))) continue;
                    const int o = st.mention_at(q + 2 + (q + 3 < se.end && low(q + 2) == "the" ? 1 : 0));
                    if (o >= 0 && o != static_cast<int>(k) && org_like(type_of(o))) emit(ent(static_cast<int>(k)), "part_of", ent(o), 0.75, m.sentence);
                    break;
                }
            }
            // "the Economic Planning Unit in the Prime Minister's Department": a body named as a part (its last
            // word a noun of data/org_nouns.tsv) in, of or under another.
            if (m.e - m.b >= 2 && m.e + 2 < se.end && (low(m.e) == "in" || low(m.e) == "of" || low(m.e) == "under")) {
                const std::string* pred = lx.org_nouns.find(lower_ascii(std::string(T[m.e - 1].text)));
                const int o = st.mention_at(m.e + 1 + (m.e + 2 < se.end && low(m.e + 1) == "the" ? 1 : 0));
                if (pred && o >= 0 && o != static_cast<int>(k) && org_like(type_of(o))) emit(ent(static_cast<int>(k)), *pred, ent(o), 0.75, m.sentence);
            }
        }
    }

    // "Selangor Health Department", "Kuala Lumpur City FC": an organization named after a place the document
    // also names on its own is based there.
    void named_after_place() {
        for (std::size_t o = 0; o < st.entities.size(); ++o) {
            const DocEnt& org = st.entities[o];
            if (!org_like(org.type) || org.mentions.empty()) continue;
            for (std::size_t p = 0; p < st.entities.size(); ++p) {
                const DocEnt& place = st.entities[p];
                if (!(place.type == EntityType::LOCATION || place.type == EntityType::COUNTRY) || place.mentions.empty()) continue;
                if (org.name.size() <= place.name.size() + 1) continue;
                // "Dayton Power Company", and the place last: "Parti Warisan Sabah", "University of Toronto".
                const bool first = org.name.compare(0, place.name.size(), place.name) == 0 && org.name[place.name.size()] == ' ';
                const std::size_t tail = org.name.size() - place.name.size();
                const bool last = org.name.compare(tail, place.name.size(), place.name) == 0 && org.name[tail - 1] == ' ';
                if (!first && !last) continue;
                // A nationality or a compass word read as a place names no place ("European Union", "South
                // Western Railway").
                if (place.name.find(' ') == std::string::npos) {
                    const std::string w = lower_ascii(place.name);
                    const WordInfo* info = lx.words.find(w);
                    if (lx.cues.find(w) || (info && info->tag == Upos::ADJ)) break;
                }
                bool own = false;  // the place written as a name of its own, not only inside the organization's
                for (std::size_t k : place.mentions) own = own || !st.mentions[k].pseudo;
                if (own) emit(static_cast<int>(o), "based_in", static_cast<int>(p), 0.6, st.mentions[org.mentions.front()].sentence);
                break;
            }
        }
    }

    // The context noun that introduces a name: right before it, or before "like"/"such as" heading its list.
    std::uint32_t find_head_noun(std::uint32_t b) const {
        if (b == 0) return UINT32_MAX;
        if (T[b - 1].lower() && lw(b - 1).context) return b - 1;
        std::int64_t i = static_cast<std::int64_t>(b) - 1;
        for (int steps = 0; i >= 0 && steps < 30; ++steps) {
            std::string_view w = low(static_cast<std::uint32_t>(i));
            if (w == "like" || w == "including") {
                if (i >= 1 && lw(static_cast<std::uint32_t>(i - 1)).context) return static_cast<std::uint32_t>(i - 1);
                return UINT32_MAX;
            }
            if (w == "as" && i >= 2 && low(static_cast<std::uint32_t>(i - 1)) == "such") {
                if (lw(static_cast<std::uint32_t>(i - 2)).context) return static_cast<std::uint32_t>(i - 2);
                return UINT32_MAX;
            }
            if (w == "," || w == "and" || w == "or" || w == "&" || mention_covering(static_cast<std::uint32_t>(i)) >= 0) {
                --i;
                continue;
            }
            break;
        }
        return UINT32_MAX;
    }

    // --- products: "Acme's R2", "its X robot" -------------------------------------------------------------
    void products() {
        const std::size_t n = st.mentions.size();
        for (std::size_t k = 0; k < n; ++k) {
            const MentionCand& m = st.mentions[k];
            if (m.pseudo || type_of(static_cast<int>(k)) != EntityType::PRODUCT) continue;
            int owner = owner_of(m);
            if (owner >= 0) emit(owner, "develops", ent(static_cast<int>(k)), 0.75, m.sentence);
        }
    }

public:
    int owner_of(const MentionCand& m) const {
        // Walk left over a list of products to "its"/"their" or "Acme's".
        std::uint32_t i = m.b;
        const std::uint32_t begin = st.tok.sentences[m.sentence].begin;
        for (int steps = 0; i > begin && steps < 12; ++steps) {
            --i;
            std::string_view w = low(i);
            if (poss(i)) {
                int o = st.mention_ending(i);
                return o >= 0 && org_like(type_of(o)) ? ent(o) : -1;
            }
            if (w == "its" || w == "their") {
                // The nearest company before, in this sentence or the previous one.
                std::uint32_t from = m.sentence > 0 ? st.tok.sentences[m.sentence - 1].begin : begin;
                for (std::uint32_t x = i; x-- > from;)
                    if (int c = mention_covering(x); c >= 0 && org_like(type_of(c))) return ent(c);
                return -1;
            }
            if (w == "and" || w == "," || w == "or" || w == "-" || T[i].lower() || mention_covering(i) >= 0) continue;
            break;
        }
        return -1;
    }

private:
    // --- trigger words ----------------------------------------------------------------------------------
    bool allowed(int m, const std::vector<EntityType>& types) const {
        EntityType t = type_of(m);
        return std::find(types.begin(), types.end(), t) != types.end();
    }
    bool blocked_subject(int m) const {
        const MentionCand& c = st.mentions[m];
        if (c.e < T.size() && poss(c.e)) return true;
        if (c.b == 0) return false;
        std::string_view p = low(c.b - 1);
        // "with Acme releasing X": the subject of an absolute clause's participle.
        if (p == "with" && c.e < T.size() && ing_form(c.e) && is_verb(c.e))
            return false;
        return p == "in" || p == "at" || p == "of" || p == "on" || p == "for" || p == "by" || p == "into" ||
               p == "about" || p == "against" || p == "than" || p == "unlike" || p == "like" || p == "with" ||
               p == "without" || p == "besides" || p == "except" || p == "under";
    }

    // Mentions coordinated with m in a list ("X, Y and Z", "from X to Y", "startups like X and Y").
    std::vector<int> list_left(int m, const std::vector<EntityType>& types) const {
        std::vector<int> out{m};
        std::uint32_t i = st.mentions[m].b;
        const std::uint32_t begin = st.tok.sentences[st.mentions[m].sentence].begin;
        while (i > begin) {
            bool connector = false;
            std::uint32_t j = i;
            while (j > begin) {
                std::string_view w = low(j - 1);
                if (w == "," || w == "and" || w == "or" || w == "to" || w == "from" || w == "like" || w == "including" ||
                    w == "as" || w == "such" || w == "&") {
                    connector = true;
                    --j;
                    continue;
                }
                if (int pm = st.mention_ending(j); pm >= 0) {
                    // "former Acme CEO X": an organization before a role word modifies the next name.
                    if (j < T.size() && is_role(j) && j != i) {
                        j = st.mentions[pm].b;
                        continue;
                    }
                    break;
                }
                const WordInfo* wi = word(j - 1);
                bool modifier = T[j - 1].lower() && !is_verb(j - 1) && (!wi || wi->tag == Upos::ADJ || wi->tag == Upos::NOUN || wi->tag == Upos::ADV || wi->tag == Upos::NUM || wi->tag == Upos::PROPN);
                if (modifier || st.as_written(j - 1).common_acronym || is_role(j - 1)) {
                    --j;
                    continue;
                }
                break;
            }
            int prev = st.mention_ending(j);
            if (!connector || prev < 0) break;
            // "According to X, Y will ...", "For X, Y ...": a name in an opening prepositional phrase set off
            // by a comma is no item of the subject's list.
            if (const std::uint32_t pb = st.mentions[prev].b; pb > begin && j + 1 == i && T[j].text == ",") {
                const std::string_view before = low(pb - 1);
                if ((before == "to" && pb >= begin + 2 && low(pb - 2) == "according") ||
                    (before != "from" && before != "like" && before != "as" && before != "including" && before != "to" &&
                     st.tag(pb - 1) == Upos::ADP))
                    break;
            }
            if (allowed(prev, types)) out.push_back(prev);
            i = st.mentions[prev].b;
        }
        return out;
    }
    std::vector<int> list_right(int m, const std::vector<EntityType>& types) const {
        std::vector<int> out{m};
        std::uint32_t i = st.mentions[m].e;
        const std::uint32_t end = st.tok.sentences[st.mentions[m].sentence].end;
        while (i < end) {
            std::uint32_t j = i;
            // "X (16th minute) and Y (51st)": a short remark in brackets after an item.
            if (j + 2 < end && T[j].text == "(") {
                std::uint32_t close = j + 1;
                while (close < end && close < j + 6 && T[close].text != ")" && st.mention_at(close) < 0) ++close;
                if (close < end && T[close].text == ")") j = close + 1;
            }
            bool connector = false;
            while (j < end) {
                std::string_view w = low(j);
                if (w == "," || w == "and" || w == "or" || w == "&") {
                    connector = true;
                    ++j;
                    continue;
                }
                break;
            }
            int next = j < end ? st.mention_at(j) : -1;
            if (!connector || next < 0) break;
            if (allowed(next, types)) out.push_back(next);
            i = st.mentions[next].e;
        }
        return out;
    }

    bool match_trigger(std::uint32_t i, const Trigger& t, std::uint32_t end) const {
        if (i + t.words.size() > end) return false;
        for (std::size_t k = 0; k < t.words.size(); ++k)
            if (low(i + static_cast<std::uint32_t>(k)) != t.words[k]) return false;
        return true;
    }

    void triggers() {
        for (std::uint32_t s = 0; s < st.tok.sentences.size(); ++s) {
            const Sentence& se = st.tok.sentences[s];
            for (std::uint32_t i = se.begin; i < se.end; ++i) {
                if (mention_covering(i) >= 0 || T[i].cap()) continue;
                const std::vector<std::size_t>* candidates = lw(i).triggers;
                if (!candidates) continue;
                // After a possessive or a determiner the word is a noun: "China's focus on", "the address".
                bool nounish = false;
                if (i > se.begin) {
                    std::string_view p = low(i - 1);
                    // "newly elected president X": a participle used as an adjective is no verb of a clause.
                    nounish = poss(i - 1) || p == "the" || p == "a" || p == "an" || p == "its" ||
                              p == "their" || p == "his" || p == "her" || p == "this" || p == "opening" ||
                              p == "newly" || p == "democratically" || p == "popularly";
                }
                std::size_t matched_len = 0;
                for (std::size_t idx : *candidates) {
                    const Trigger& t = lx.triggers[idx];
                    if (!t.noun && nounish) continue;
                    // The tagger decides whether a one-word trigger is used as a verb or as a noun here
                    // ("they address it" vs "the opening address").
                    if (t.words.size() == 1 && i < st.tags.size()) {
                        Upos tag = st.tag(i);
                        // Between two names with nothing else, a present tense the tagger reads as a plural
                        // noun is the verb: "Germany sanctions Russia", "Microsoft acquires Activision".
                        // (Also before a title and its holder's name: "X shot President Y".)
                        const bool between_names = st.mention_ending(i) >= 0 && i + 1 < se.end &&
                                                   (st.mention_at(i + 1) >= 0 || (T[i + 1].cap() && is_role(i + 1) && mention_after_title(i + 1, se.end)));
                        if (!t.noun && tag != Upos::VERB && tag != Upos::AUX && !((tag == Upos::NOUN || tag == Upos::PROPN) && between_names)) continue;
                        if (t.noun && tag != Upos::NOUN && tag != Upos::PROPN) continue;
                    }
                    if (matched_len && t.words.size() < matched_len) break;
                    if (!match_trigger(i, t, se.end)) continue;
                    matched_len = t.words.size();
                    if (t.noun) noun_trigger(t, i, i + static_cast<std::uint32_t>(t.words.size()), s);
                    else verb_trigger(t, i, i + static_cast<std::uint32_t>(t.words.size()), s);
                }
            }
        }
    }

    bool is_pronoun_subject(std::uint32_t i) const {
        const std::string_view w = low(i);
        return w == "he" || w == "she" || w == "they" || w == "we" || w == "i" || w == "you";
    }

    // Whether a name is the object of a preposition, alone or in a list ("according to X and Y").
    bool after_preposition(const MentionCand& m) const {
        const std::uint32_t begin = st.tok.sentences[m.sentence].begin;
        std::uint32_t k = m.b;
        while (k > begin) {
            const std::uint32_t w = k - 1;
            const int before = st.mention_ending(k);
            if (before >= 0 && st.mentions[before].b < k) {
                k = st.mentions[before].b;
                continue;
            }
            if (low(w) == "and" || low(w) == "or" || T[w].text == ",") {
                k = w;
                continue;
            }
            return st.tag(w) == Upos::ADP;
        }
        return false;
    }

    // The entity a subject pronoun right before a trigger stands for ("he also criticized", "it has
    // acquired"), or -1. Precision first: "he"/"she" take the one person, "it" the one company or
    // organization, named in this sentence before the pronoun and in the sentence before, not after a
    // preposition; two candidates, or none, leave the pronoun unresolved. "They" and "we" never resolve.
    int pronoun_subject(std::uint32_t trigger, std::uint32_t s, const std::vector<EntityType>& types) const {
        const Sentence& se = st.tok.sentences[s];
        std::uint32_t p = UINT32_MAX;
        for (std::uint32_t k = trigger; k > se.begin && trigger - k < 4;) {
            --k;
            const std::string_view w = low(k);
            if (w == "he" || w == "she" || w == "it") {
                p = k;
                break;
            }
            if (const int d = description_subject(k, s); d != -2) {
                if (d >= 0 && std::find(types.begin(), types.end(), st.entities[d].type) == types.end()) return -1;
                return d;
            }
            if (!(T[k].lower() && (lw(k).function_word || st.tag(k) == Upos::ADV || st.tag(k) == Upos::AUX))) return -1;
        }
        if (p == UINT32_MAX) return -1;
        const int found = antecedent(p, s);
        if (found >= 0 && std::find(types.begin(), types.end(), st.entities[found].type) == types.end()) return -1;
        return found;
    }

    // "The company acquired X", "the party nominated X": a definite description of an organization or a
    // country (a singular noun of data/context.tsv after "the") at token k, which ends a subject. It stands
    // for the one entity of its type named in this sentence before it or in the two before, else, for a
    // company, the company the article is about; two candidates leave it unresolved (-1). -2: k is no
    // such description.
    int description_subject(std::uint32_t k, std::uint32_t s) const {
        const EntityType* t = lw(k).context;
        if (!t || k == 0 || low(k - 1) != "the" || !T[k].lower() || st.mention_at(k) >= 0) return -2;
        if (*t != EntityType::COMPANY && *t != EntityType::ORGANIZATION && *t != EntityType::COUNTRY) return -2;
        const std::string_view w = low(k);
        if (w.size() > 2 && w.back() == 's' && w[w.size() - 2] != 's') return -2;  // "the companies": several
        const std::uint32_t from = st.tok.sentences[s >= 2 ? s - 2 : 0].begin;
        int found = -1;
        for (const MentionCand& m : st.mentions) {
            if (!m.pseudo && m.b >= k) break;
            if (m.pseudo || m.entity < 0 || m.b < from || m.e > k || st.entities[m.entity].type != *t) continue;
            if (found >= 0 && found != m.entity) return -1;
            found = m.entity;
        }
        if (found < 0 && *t == EntityType::COMPANY) found = main_company;
        return found;
    }

    // The entity "he", "she" or "it" at token p of sentence s stands for, by the rule above, or -1.
    int antecedent(std::uint32_t p, std::uint32_t s) const {
        const Sentence& se = st.tok.sentences[s];
        // "It is clear that", "it is time to": an "it" that stands for nothing.
        if (low(p) == "it" && p + 2 < se.end && (low(p + 1) == "is" || low(p + 1) == "was") &&
            (st.tag(p + 2) == Upos::ADJ || low(p + 2) == "time"))
            return -1;
        const bool person = low(p) != "it" && low(p) != "its";
        const char pronoun_gender = low(p) == "she" || low(p) == "her" ? 'F' : low(p) == "he" || low(p) == "his" ? 'M' : 0;
        const std::uint32_t from = s > 0 ? st.tok.sentences[s - 1].begin : se.begin;
        int found = -1;
        for (const MentionCand& m : st.mentions) {
            if (!m.pseudo && m.b >= p) break;  // the names are sorted by start token (pseudo ones follow them)
            if (m.pseudo || m.entity < 0 || m.b < from || m.e > p) continue;
            // A name after a preposition is seldom what a later subject pronoun means ("According to X, he").
            if (after_preposition(m)) continue;
            const EntityType t = st.entities[m.entity].type;
            if (person ? t != EntityType::PERSON : !org_like(t)) continue;
            // "She" is not a person titled "Mr" or "King", "he" not a "Mrs" or a "spokeswoman".
            if (pronoun_gender && gender_of(m.entity) && gender_of(m.entity) != pronoun_gender) continue;
            if (found >= 0 && found != m.entity) return -1;
            found = m.entity;
        }
        return found;
    }

    // A person's gender as the titles and roles of their mentions tell it (data/gender.tsv): 'F', 'M', or 0
    // when they say nothing or disagree.
    char gender_of(int entity) const {
        if (gender_memo.size() != st.entities.size()) gender_memo.assign(st.entities.size(), -1);
        signed char& g = gender_memo[static_cast<std::size_t>(entity)];
        if (g >= 0) return static_cast<char>(g);
        char found = 0;
        bool mixed = false;
        for (std::size_t k : st.entities[static_cast<std::size_t>(entity)].mentions) {
            const std::string& role = st.mentions[k].role;
            if (role.empty()) continue;
            // The whole title ("puan sri"), else each of its words ("deputy spokeswoman").
            const char* whole = st.lx->gender_words.find(role);
            std::size_t from = 0;
            for (std::size_t to; !whole && from < role.size(); from = to + 1) {
                to = role.find(' ', from);
                if (to == std::string::npos) to = role.size();
                if (const char* w = st.lx->gender_words.find(std::string_view(role).substr(from, to - from))) {
                    mixed |= found && found != *w;
                    found = *w;
                }
            }
            if (whole) {
                mixed |= found && found != *whole;
                found = *whole;
            }
        }
        g = static_cast<signed char>(mixed ? 0 : found);
        return static_cast<char>(g);
    }
    mutable std::vector<signed char> gender_memo;

    // Every subject pronoun the rule resolves, for the extraction's record (kg::PronounLink) and the scorer:
    // "he", "she" or "it" opening a clause (at a sentence's start, or after a comma, "and", "but", "that" or
    // "said"), where a verb follows.
    void link_pronouns() {
        for (std::uint32_t s = 0; s < st.tok.sentences.size(); ++s) {
            const Sentence& se = st.tok.sentences[s];
            for (std::uint32_t p = se.begin; p + 1 < se.end; ++p) {
                const std::string_view w = low(p);
                if (w != "he" && w != "she" && w != "it") continue;
                if (p > se.begin) {
                    const std::string_view b = low(p - 1);
                    if (!(b == "," || b == "and" || b == "but" || b == "that" || b == "said" || b == "says" || b == "\xE2\x80\x9C" || b == "\"")) continue;
                }
                if (!(is_verb(p + 1) || st.tag(p + 1) == Upos::AUX || st.tag(p + 1) == Upos::ADV)) continue;
                if (const int e = antecedent(p, s); e >= 0) st.pronoun_links.emplace_back(p, e);
            }
        }
    }

    int nearest_left(std::uint32_t from, std::uint32_t begin, const std::vector<EntityType>& types, bool subject) const {
        for (std::uint32_t i = from; i > begin && from - i < 30;) {
            --i;
            if (T[i].text == ";" || T[i].text == ":") return -1;
            // A personal pronoun nearer the verb is its subject ("by CNN and NPR, he won in Virginia").
            if (subject && is_pronoun_subject(i)) return -1;
            int m = st.mention_ending(i + 1);
            if (m < 0) continue;
            if (allowed(m, types) && (!subject || !blocked_subject(m))) return m;
            i = st.mentions[m].b;
        }
        return -1;
    }
    int nearest_right(std::uint32_t from, std::uint32_t end, const std::vector<EntityType>& types) const {
        for (std::uint32_t i = from; i < end && i - from < 10; ++i) {
            if (T[i].text == ";" || T[i].text == ",") return -1;  // "when X visited, Y was": no object past a comma
            int m = st.mention_at(i);
            if (m < 0) {
                int k = st.pseudo_mention_at(i);
                if (k >= 0 && st.mentions[k].entity >= 0 && T[i].lower() &&
                    std::find(types.begin(), types.end(), st.entities[st.mentions[k].entity].type) != types.end())
                    return k;
                continue;
            }
            if (allowed(m, types) || retypable(m, types)) return m;
            i = st.mentions[m].e - 1;
        }
        return -1;
    }

    // A name whose type the rules guessed, or whose finer type the recognizer's second stage chose unsurely
    // (below 0.5 in every mention: "OpenAI released ChatGPT" with ChatGPT an event at 0.2, not a product),
    // takes the one type a trigger's argument must have; the class the first stage read stays.
    bool retypable(int m, const std::vector<EntityType>& types) const {
        if (types.size() != 1) return false;
        const DocEnt& d = st.entities[ent(m)];
        if (d.source <= TypeSource::weak) return true;
        if (d.source != TypeSource::context || !coarse(d.type) || coarse(d.type) != coarse(types.front())) return false;
        for (std::size_t k : d.mentions)
            if (!st.mentions[k].pseudo && st.mentions[k].confidence >= 0.5f) return false;
        return true;
    }
    void retype(int m, const std::vector<EntityType>& types) {
        if (!allowed(m, types) && retypable(m, types)) {
            st.entities[ent(m)].type = types.front();
            st.entities[ent(m)].source = TypeSource::context;
        }
    }

    // Whether a name starting at token o is the object a verb ending before token e reaches: not past a verb
    // of its own ("help ease the burden ... in Pahang") nor past a common noun that is the verb's object
    // ("asked lawyers whether ... the MACC chief"), unless the name completes that noun ("asked officials
    // from Acme", "attacked a police station in Kandahar": a place).
    bool object_reached(std::uint32_t e, std::uint32_t o, EntityType type, int depth = 0) const {
        auto determiner = [&](std::uint32_t i) {
            const std::string_view w = low(i);
            return w == "the" || w == "a" || w == "an" || w == "its" || w == "their" || w == "his" || w == "her" ||
                   w == "our" || w == "this" || w == "these" || w == "those" || w == "both" || w == "all";
        };
        auto preposition = [&](std::uint32_t i) {
            const std::string_view w = low(i);
            return w == "to" || w == "on" || w == "with" || w == "for" || w == "against" || w == "into" || w == "over" ||
                   w == "in" || w == "at" || w == "about";
        };
        auto nominal = [&](std::uint32_t i) {
            const Upos g = st.tag(i);
            return T[i].lower() && (g == Upos::NOUN || g == Upos::ADJ || g == Upos::NUM);
        };
        std::uint32_t q = e;
        const bool pp = q < o && T[q].lower() && preposition(q);
        while (q < o && T[q].lower() && (determiner(q) || preposition(q))) ++q;
        if (q >= o || !T[q].lower()) return true;
        if (is_verb(q)) return false;
        // A clause opens after the verb ("announced he would resign ...", "asked whether X was ...", "announced
        // and what it means for X"): its names are not the verb's object.
        const Upos g = st.tag(q);
        if (g == Upos::PRON || g == Upos::SCONJ || g == Upos::CCONJ || low(q) == "whether" || low(q) == "what" ||
            low(q) == "how" || low(q) == "why" || low(q) == "if")
            return false;
        if (!nominal(q)) return true;
        // The noun phrase: nouns and adjectives, coordinated ("the government and people of Iraq").
        while (q < o && (nominal(q) || (low(q) == "and" && q + 1 < o && nominal(q + 1)))) ++q;
        if (q >= o) return true;  // "a police station" then the name: read on below
        // Capitalized words and titles modifying the name ("the late Alabama Governor X").
        for (std::uint32_t k = q; k < o && (T[k].cap() || is_role(k)); ++k)
            if (k + 1 == o) return true;
        // An adverbial phrase before the object ("condemns in the strongest terms the X attack"): read past it.
        if (pp && depth == 0 && q < o && !T[q].lower()) return true;
        if (pp && depth == 0) return object_reached(q, o, type, 1);
        // Then the name completes the noun phrase, through at most three "of"/"from"/possessive links ("in" and
        // "at" for a place): "a ticket of businessman X", "the attack at a market place in Baghdad"; not
        // "announced the measure at the X briefing".
        const bool place = type == EntityType::LOCATION || type == EntityType::COUNTRY;
        for (int hops = 0; hops < 3; ++hops) {
            const std::string_view c = low(q);
            if (!(c == "of" || c == "from" || poss(q) || (place && (c == "in" || c == "at")))) return false;
            ++q;
            while (q < o && T[q].lower() && (determiner(q) || nominal(q))) ++q;
            if (q == o) return true;
            if (q > o || !T[q].lower()) return false;
        }
        return false;
    }

    void verb_trigger(const Trigger& t, std::uint32_t b, std::uint32_t e, std::uint32_t s) {
        // "to extradite accused criminals", "the backed candidate": a participle modifying the noun after it.
        if (b > st.tok.sentences[s].begin && e == b + 1 && e < st.tok.sentences[s].end && T[e].lower() &&
            st.tag(e) == Upos::NOUN && low(b).size() > 2 && low(b).substr(low(b).size() - 2) == "ed" &&
            (st.tag(b - 1) == Upos::DET || is_verb(b - 1)))
            return;
        const Sentence& se = st.tok.sentences[s];
        // Passive: "was praised by X".
        bool passive = false;
        std::uint32_t by = e;  // "was headlined in the past by X": the agent may come a few words later
        while (by < se.end && by < e + 4 && low(by) != "by" && T[by].kind != TokKind::punct && st.mention_at(by) < 0) ++by;
        if (by == e && by < se.end && low(by) == "by") {
            passive = true;  // "aided by X", "backed by X": a participle with its agent needs no "was"
        } else if (by < se.end && low(by) == "by") {
            for (std::uint32_t k = b; k > se.begin && b - k < 3;) {
                --k;
                std::string_view w = low(k);
                if (is_aux(w)) {
                    passive = true;
                    break;
                }
            }
        }
        // "was defeated in X", "was met with applause": a passive whose agent is not named states nothing
        // about the name before it as the verb's subject.
        // Not a form that ends in its own preposition: "was married to X", "was held in X" name the object.
        const bool with_preposition = e > b + 1 && (low(e - 1) == "to" || low(e - 1) == "in" || low(e - 1) == "with");
        // Nor a progressive: "is investigating X" is active.
        const bool progressive = ing_form(b);
        if (!passive && b > se.begin && !with_preposition && !progressive) {
            std::uint32_t k = b - 1;
            if (k > se.begin && st.verb(k) == false && T[k].lower() && low(k).size() > 2 && low(k).substr(low(k).size() - 2) == "ly") --k;
            const std::string_view w = low(k);
            if (is_aux(w)) return;
        }
        std::vector<int> subjects, objects;
        std::vector<int> subject_ents;
        double conf = passive ? 0.65 : 0.7;
        if (passive) {
            // The agent is the noun phrase after "by" ("by tech luminaries such as X"): stop at its verb.
            std::uint32_t stop = by + 1;
            while (stop < se.end && stop < by + 9 && !is_verb(stop)) ++stop;
            int sub = nearest_right(by + 1, stop, t.subject_types);
            // The passive's subject: not a name inside a phrase before it ("Turkey is under EU sanctions and was
            // condemned by X": Turkey, not the EU).
            int obj = nearest_left(b, se.begin, t.object_types, true);
            // "According to X, the rebels are backed by Y": a common noun or a pronoun right before the
            // auxiliary is the passive's subject, so no name further left is; but a relative pronoun stands
            // for the name it follows ("X, who was killed by Y").
            bool relative = false;
            if (obj >= 0) {
                std::uint32_t k = b;
                while (k > se.begin && b - k < 4 && (is_aux(low(k - 1)) || st.tag(k - 1) == Upos::ADV || st.tag(k - 1) == Upos::AUX)) --k;
                if (k < b && k > se.begin + 1 && (low(k - 1) == "who" || low(k - 1) == "which")) {
                    const std::uint32_t q = T[k - 2].text == "," ? k - 2 : k - 1;
                    const int r = st.mention_ending(q);
                    relative = r >= 0 && allowed(r, t.object_types);
                    obj = relative ? r : -1;
                } else if (k < b && k > se.begin && mention_covering(k - 1) < 0 && T[k - 1].lower() &&
                           (st.tag(k - 1) == Upos::NOUN || st.tag(k - 1) == Upos::PRON)) {
                    obj = -1;
                }
            }
            // A direct object, made the passive's subject, stands right before the verb: "the Committee
            // (JPBN) chaired by X", not "an inquiry at the airport, led by X".
            if (obj >= 0 && t.direct && !relative) {
                std::uint32_t k = b;
                if (k > se.begin && T[k - 1].text == ",") --k;
                while (k > se.begin && b - k < 3 && is_aux(low(k - 1))) --k;  // "X was chaired by", "X had been stabbed by"
                const std::uint32_t e = st.mentions[obj].e;
                bool adjacent = e == k;
                if (!adjacent && k > se.begin && T[k - 1].text == ")") {  // "the Committee (JPBN) chaired by"
                    std::uint32_t open = k - 1;
                    while (open > se.begin && T[open].text != "(" && k - open < 6) --open;
                    adjacent = T[open].text == "(" && (e == open || e == k - 1);
                }
                if (!adjacent) obj = -1;
            }
            if (sub >= 0) subjects = list_right(sub, t.subject_types);
            if (obj >= 0) objects = list_left(obj, t.object_types);
        } else {
            // "a prosecutor investigating Acme": a participle's subject is the common noun it follows.
            const bool noun_participle = ing_form(b) && b > se.begin &&
                                         T[b - 1].lower() && st.tag(b - 1) == Upos::NOUN && mention_covering(b - 1) < 0 &&
                                         !time_noun(low(b - 1));  // not "started the month visiting X"
            // "his son was born in X", "people born in X", "the firm is based in X": a common noun right before
            // a form ending in its preposition (or its auxiliary) is the subject, so no name further left is (a
            // description may still stand for one: pronoun_subject()).
            bool noun_subject = false;
            if (with_preposition) {
                std::uint32_t k = b;
                while (k > se.begin && b - k < 3 && (is_aux(low(k - 1)) || st.tag(k - 1) == Upos::ADV)) --k;
                noun_subject = k > se.begin && mention_covering(k - 1) < 0 && T[k - 1].lower() && st.tag(k - 1) == Upos::NOUN;
            }
            int sub = noun_participle || noun_subject ? -1 : nearest_left(b, se.begin, t.subject_types, true);
            // "met with X, who defeated Y": a relative pronoun stands for the name it follows, whatever governs it.
            {
                std::uint32_t k = b;
                while (k > se.begin && b - k < 3 && (is_aux(low(k - 1)) || st.tag(k - 1) == Upos::ADV)) --k;
                if (k > se.begin + 1 && (low(k - 1) == "who" || low(k - 1) == "which")) {
                    const int r = st.mention_ending(T[k - 2].text == "," ? k - 2 : k - 1);
                    if (r >= 0 && allowed(r, t.subject_types)) sub = r;
                }
            }
            if (sub >= 0) subjects = list_left(sub, t.subject_types);
            if (subjects.empty() && !noun_participle) {
                // "He criticized X": the pronoun's one possible antecedent, at a lower confidence.
                const int e = pronoun_subject(b, s, t.subject_types);
                if (e >= 0) {
                    subject_ents.push_back(e);
                    conf = 0.6;
                }
            }
            // "X warned that Y could…": a clause follows, whose subject is no object of the verb.
            int obj = e < se.end && low(e) == "that" ? -1 : nearest_right(e, se.end, t.object_types);
            // A direct object stands right after the verb, after an article at most.
            if (obj >= 0 && t.direct) {
                std::uint32_t q = e + (e < se.end && (low(e) == "the" || low(e) == "a") ? 1 : 0);
                while (q < st.mentions[obj].b && q < e + 4 && T[q].cap() && is_role(q)) ++q;  // "shot President X"
                if (st.mentions[obj].b > q) obj = -1;
            }
            if (obj >= 0 && !t.direct && !object_reached(e, st.mentions[obj].b, type_of(obj))) obj = -1;
            // "defending the Acme Party (AP) seat": a name before a common noun modifies it; the noun is the
            // object. (Not a noun saying what the name is: "released the X3 phone", data/context.tsv.)
            if (obj >= 0 && type_of(obj) != EntityType::PRODUCT && type_of(obj) != EntityType::EVENT) {
                std::uint32_t a = st.mentions[obj].e;
                if (a + 2 < se.end && T[a].text == "(" && T[a + 2].text == ")") a += 3;
                // (Nor an act of the name's, which is what the verb speaks of: "condemns the Acme attack".)
                if (a < se.end && T[a].lower() && st.tag(a) == Upos::NOUN && !time_noun(low(a)) && !lw(a).context &&
                    !lw(a).triggers && mention_covering(a) < 0)
                    obj = -1;
            }
            if (obj >= 0 && (!subjects.empty() || !subject_ents.empty())) {
                retype(obj, t.object_types);
                objects = list_right(obj, t.object_types);
            }
        }
        for (int sm : subjects) subject_ents.push_back(ent(sm));
        if (subject_ents.empty()) return;
        std::vector<int> object_ents;
        for (int o : objects) object_ents.push_back(ent(o));
        // A verb with an object of its own that is no event of the document ("attended the funeral", "to
        // attend college", "joined Biden") does not speak of the main event.
        const bool own_object = e < se.end && (T[e].cap() || (word(e) && (word(e)->tag == Upos::NOUN ||
                                                                          word(e)->tag == Upos::DET ||
                                                                          word(e)->tag == Upos::PRON)));
        if (object_ents.empty() && t.implicit && main_event >= 0 && !own_object && gathering(main_event) &&
            std::find(t.object_types.begin(), t.object_types.end(), EntityType::EVENT) != t.object_types.end()) {
            object_ents.push_back(main_event);
            conf = 0.5;  // the object is inferred from the document, not read in the sentence
        }
        for (int se_ : subject_ents)
            for (int oe : object_ents) {
                if (t.reverse) emit(oe, t.predicate, se_, conf, s, b);
                else emit(se_, t.predicate, oe, conf, s, b);
            }
        // "Acme appointed X as chief executive": X leader_of Acme.
        if (t.role_as && objects.size() == 1 && !passive) {
            const std::uint32_t as = st.mentions[objects[0]].e;
            if (as + 1 < se.end && low(as) == "as") {
                std::string role;
                for (std::uint32_t k = as + 1; k < se.end && k < as + 5; ++k) {
                    std::string code;
                    const std::uint32_t n = role_ending(k, as + 1, code);
                    if (n && code != "HON") role = lower_ascii(std::string(st.text(k + 1 - n, k + 1)));  // the last role is the head
                    else if (!(T[k].lower() && !is_verb(k))) break;
                }
                for (int sub : subject_ents)
                    if (!role.empty() && org_like(st.entities[sub].type)) emit(ent(objects[0]), role_predicate(role), sub, conf, s, b);
            }
        }
    }

    // Country named by a demonym or name token at i (for "US-Chinese rivalry").
    int country_at(std::uint32_t i, std::uint32_t s) {
        if (int m = mention_covering(i); m >= 0) return type_of(m) == EntityType::COUNTRY ? ent(m) : -1;
        if (!T[i].cap()) return -1;
        if (const auto* es = lx.lookup(T[i].text))
            for (const auto& e : *es)
                if (e.demonym || e.type == EntityType::COUNTRY) return country_entity(e.canonical, i, i + 1, s);
        return -1;
    }

    void noun_trigger(const Trigger& t, std::uint32_t b, std::uint32_t e, std::uint32_t s) {
        const Sentence& se = st.tok.sentences[s];
        if (t.predicate == "competes_with") {
            // "rivalry between X and Y"
            for (std::uint32_t i = e; i < se.end && i < e + 8; ++i) {
                if (low(i) != "between") continue;
                int x = nearest_right(i + 1, se.end, t.subject_types);
                if (x < 0) break;
                auto pair = list_right(x, t.subject_types);
                if (pair.size() >= 2) emit(ent(pair[0]), t.predicate, ent(pair[1]), 0.7, s);
                return;
            }
            // "US-Chinese tech rivalry"
            for (std::uint32_t i = b; i > se.begin + 2 && b - i < 4;) {
                --i;
                if (T[i].text == "-" && !T[i].space_before && i + 1 < se.end && !T[i + 1].space_before) {
                    int x = country_at(i - 1, s), y = country_at(i + 1, s);
                    if (x >= 0 && y >= 0) emit(x, t.predicate, y, 0.7, s);
                    return;
                }
            }
            // "X and Y have long been viewed as major rivals"
            if (low(b) == "rivals") {
                int y = nearest_left(b, se.begin, t.subject_types, true);
                if (y >= 0) {
                    auto pair = list_left(y, t.subject_types);
                    if (pair.size() >= 2) emit(ent(pair[1]), t.predicate, ent(pair[0]), 0.65, s);
                }
            }
            return;
        }
        // "X's focus on Y", "US sanctions on China": the subject right before the noun, the object after on/against.
        int sub = -1;
        std::uint32_t k = b;
        while (k > se.begin && T[k - 1].lower() && !is_verb(k - 1) && b - k < 2) --k;  // "X's recent focus"
        if (t.agent || k == se.begin) {
            // an agent noun names its subject only as below ("X hunted the killer of Y" says nothing of X)
        } else if (poss(k - 1)) {
            sub = st.mention_ending(k - 1);
        } else if (is_verb(k - 1)) {
            sub = nearest_left(k - 1, se.begin, t.subject_types, true);  // "X imposed sanctions on Y"
        } else {
            sub = st.mention_ending(k);
        }
        // "X is an outspoken critic of Y", "X, a longtime ally of Y,", "X, the assassin of Y": the noun
        // predicated of a name.
        if (sub < 0) {
            std::uint32_t j = b;
            while (j > se.begin && b - j < 3 && T[j - 1].lower() && !is_verb(j - 1) && !lw(j - 1).function_word) --j;
            if (j >= se.begin + 3 && (low(j - 1) == "a" || low(j - 1) == "an" || low(j - 1) == "the") &&
                (low(j - 2) == "is" || low(j - 2) == "was" || T[j - 2].text == ","))
                sub = st.mention_ending(j - 2);
        }
        if (sub >= 0 && !allowed(sub, t.subject_types)) sub = -1;
        // "Y's assassin, X,": an agent noun after the object's possessive, its subject set off by a comma.
        if (sub < 0 && t.agent && b > se.begin + 1 && poss(b - 1) && e + 1 < se.end && T[e].text == ",") {
            const int obj = st.mention_ending(b - 1), x = st.mention_at(e + 1);
            if (obj >= 0 && x >= 0 && allowed(obj, t.object_types) && allowed(x, t.subject_types)) emit(ent(x), t.predicate, ent(obj), 0.65, s);
            return;
        }
        // "the assassination of Y by X": the act's object after "of", its agent after "by".
        if (sub < 0 && !t.agent && e + 2 < se.end && low(e) == "of") {
            const int obj = st.mention_at(e + 1);
            if (obj >= 0 && allowed(obj, t.object_types) && st.mentions[obj].e + 1 < se.end && low(st.mentions[obj].e) == "by") {
                const int x = st.mention_at(st.mentions[obj].e + 1);
                if (x >= 0 && allowed(x, t.subject_types)) emit(ent(x), t.predicate, ent(obj), 0.65, s, b);
            }
        }
        if (t.predicate == "attends") {
            // "participation from ... companies like X"
            if (e < se.end && low(e) == "from") {
                int x = nearest_right(e + 1, se.end, t.subject_types);
                if (x < 0) return;
                int obj = nearest_right(st.mentions[x].e, se.end, t.object_types);
                int oe = obj >= 0 ? ent(obj) : main_event;
                for (int m : list_right(x, t.subject_types)) emit(ent(m), t.predicate, oe, 0.55, s);
                return;
            }
            // "X is expected to deliver the opening address"
            int x = nearest_left(b, se.begin, {EntityType::PERSON}, true);
            if (x < 0) return;
            int obj = nearest_right(e, se.end, t.object_types);
            int oe = obj >= 0 ? ent(obj) : main_event;
            emit(ent(x), t.predicate, oe, 0.55, s, b);
            return;
        }
        if (sub < 0) return;
        if (e < se.end && (low(e) == "on" || low(e) == "against" || low(e) == "of")) {
            int obj = nearest_right(e + 1, std::min(se.end, e + 6), t.object_types);
            if (obj >= 0) emit(ent(sub), t.predicate, ent(obj), 0.65, s, b);
        }
    }

    // --- places -------------------------------------------------------------------------------------------
    void places() {
        std::vector<std::vector<int>> by_sentence(st.tok.sentences.size());
        for (std::size_t k = 0; k < st.mentions.size(); ++k)
            if (st.mentions[k].entity >= 0) by_sentence[st.mentions[k].sentence].push_back(static_cast<int>(k));
        for (std::uint32_t s = 0; s < st.tok.sentences.size(); ++s) {
            std::vector<int> events, places;
            for (int kk : by_sentence[s]) {
                const std::size_t k = static_cast<std::size_t>(kk);
                const MentionCand& m = st.mentions[k];
                EntityType t = type_of(static_cast<int>(k));
                if (t == EntityType::EVENT && (!m.pseudo || T[m.b].lower())) events.push_back(static_cast<int>(k));
                if (t == EntityType::LOCATION && !m.pseudo && m.b > 0) {
                    std::string_view p = low(m.b - 1);
                    if (p == "in" || p == "on")
                        places.push_back(static_cast<int>(k));
                    else if (p == "of" && m.b >= 2 && (low(m.b - 2) == "banks" || low(m.b - 2) == "outskirts"))
                        places.push_back(static_cast<int>(k));
                }
                // "Shanghai's Huangpu River", "China's Guangdong Province": a place inside a place.
                if ((t == EntityType::LOCATION || t == EntityType::COUNTRY) && !m.pseudo && !demonym_mention(static_cast<int>(k)) &&
                    m.e + 1 < T.size() && poss(m.e)) {
                    int in = st.mention_at(m.e + 1);
                    if (in >= 0 && type_of(in) == EntityType::LOCATION) {
                        emit(ent(in), "located_in", ent(static_cast<int>(k)), 0.6, s);
                        places.push_back(static_cast<int>(k));
                    }
                }
            }
            for (int ev : events) {
                // "a World War II-era bomber": an event in a modifier is not where anything happened.
                const MentionCand& em = st.mentions[ev];
                if (em.e < T.size() && T[em.e].text == "-" && !T[em.e].space_before) continue;
                for (int pl : places) {
                    std::uint32_t a = em.b, c = st.mentions[pl].b;
                    std::uint32_t dist = a > c ? a - c : c - a;
                    if (dist > 14) continue;
                    // A name of something else between them is what the place is of ("the 2020 X Convention, the
                    // shooting of Jon Bell in Kenosha").
                    bool other = false;
                    for (std::uint32_t q = std::min(em.e, st.mentions[pl].e); q < std::max(a, c) && !other; ++q)
                        if (const int m = mention_covering(q); m >= 0 && m != ev && m != pl && !st.mentions[m].pseudo &&
                                                               type_of(m) != EntityType::LOCATION && type_of(m) != EntityType::COUNTRY)
                            other = true;
                    if (!other) emit(ent(ev), "held_in", ent(pl), 0.55, s);
                }
            }
        }
    }

    // "At the April summit, X urged ...": the sentence's subject attends the event it opens with.
    void at_event() {
        for (std::uint32_t s = 0; s < st.tok.sentences.size(); ++s) {
            const Sentence& se = st.tok.sentences[s];
            if (se.end - se.begin < 5 || low(se.begin) != "at") continue;
            std::uint32_t i = se.begin + 1;
            int ev = -1;
            for (; i < se.end && i < se.begin + 10; ++i) {
                if (T[i].text == ",") break;
                if (int m = mention_covering(i); m >= 0 && type_of(m) == EntityType::EVENT) ev = m;
            }
            if (ev < 0 || i + 1 >= se.end || T[i].text != ",") continue;
            int subj = st.mention_at(i + 1);
            if (subj >= 0 && (type_of(subj) == EntityType::PERSON || org_like(type_of(subj))) && is_verb(st.mentions[subj].e))
                emit(ent(subj), "attends", ent(ev), 0.7, s);
        }
    }

    // The event the document is about: the most mentioned one, if it is named at least twice or in the
    // headline or lead (an event named once in passing is no implicit object of "will attend").
    // The company an article is about: the one named most often (at least twice, once in its first two
    // sentences), when no other company is named as often; or the only company, named in those sentences.
    void find_main_company() {
        main_company = find_main(EntityType::COMPANY);
    }
    int find_main(EntityType type) const {
        int main = -1;
        std::size_t best = 0, second = 0;
        for (std::size_t k = 0; k < st.entities.size(); ++k) {
            const DocEnt& d = st.entities[k];
            if (d.type != type) continue;
            std::size_t n = 0;
            bool lead = false;
            for (std::size_t m : d.mentions)
                if (!st.mentions[m].pseudo) {
                    ++n;
                    lead |= st.mentions[m].sentence <= 1;
                }
            if (n > best) {
                second = best;
                best = n;
                main = lead ? static_cast<int>(k) : -1;
            } else if (n > second) {
                second = n;
            }
        }
        // Named twice at least, more often than any other; or the only one, named in the lead.
        return (best < 2 && second > 0) || second == best ? -1 : main;
    }

    void find_main_event() {
        std::size_t best = 0;
        for (std::size_t k = 0; k < st.entities.size(); ++k) {
            const DocEnt& d = st.entities[k];
            if (d.type != EntityType::EVENT || d.mentions.size() <= best) continue;
            bool lead = false;
            for (std::size_t m : d.mentions) lead |= st.mentions[m].sentence <= 1;
            if (d.mentions.size() < 2 && !lead) continue;
            best = d.mentions.size();
            main_event = static_cast<int>(k);
        }
    }

    // "the conference", "this year's summit": descriptions standing for the document's main event.
    void event_descriptions() {
        if (main_event < 0) return;
        for (std::uint32_t s = 0; s < st.tok.sentences.size(); ++s) {
            const Sentence& se = st.tok.sentences[s];
            for (std::uint32_t i = se.begin + 1; i < se.end; ++i) {
                const Cue* c = lw(i).cue;
                if (!c || c->type != EntityType::EVENT || c->where != Cue::head) continue;
                std::string_view d = low(i - 1);
                const bool year_s = poss(i - 1) && i >= se.begin + 2 && low(i - 2) == "year";
                if (!(d == "the" || d == "this" || year_s)) continue;
                // "this year's summit" from its determiner, when the sentence has one before "year".
                std::uint32_t b = !year_s ? i - 1 : i >= se.begin + 3 ? i - 3 : i - 2;
                MentionCand m;
                m.b = b;
                m.e = i + 1;
                m.sentence = s;
                m.surface = std::string(st.text(b, i + 1));
                m.entity = main_event;
                m.type = EntityType::EVENT;
                m.pseudo = true;
                st.mentions.push_back(std::move(m));
                st.index_pseudo(st.mentions.size() - 1);
            }
        }
    }


    // An event people come to, by its name's head word (cues.tsv: "conference", "summit", "festival"): the
    // one a verb of attending with no object of its own may mean. Not a war, an election, nor a body or a
    // place the recognizer typed as an event.
    bool gathering(int event) const {
        for (std::size_t k : st.entities[static_cast<std::size_t>(event)].mentions) {
            const MentionCand& m = st.mentions[k];
            if (m.pseudo || m.e <= m.b) continue;
            const Cue* c = lw(m.e - 1).cue;
            if (c && c->type == EntityType::EVENT && c->where == Cue::head && low(m.e - 1) != "war") return true;
        }
        return false;
    }

    // --- the learned classifier: what a sentence states between two of its names ------------------------
    static std::optional<rel::Arg> coarse(EntityType t) {
        switch (t) {
            case EntityType::PERSON: return rel::Arg::PER;
            case EntityType::COMPANY: case EntityType::ORGANIZATION: return rel::Arg::ORG;
            case EntityType::COUNTRY: case EntityType::LOCATION: return rel::Arg::LOC;
            case EntityType::EVENT: case EntityType::PRODUCT: case EntityType::POLICY: return rel::Arg::MISC;
            default: return std::nullopt;
        }
    }
    // The sources label "in a place" alike for people, bodies and places; the schema names it by the
    // subject's type.
    static std::string placed(const std::string& pred, EntityType subject) {
        if (pred != "located_in" && pred != "based_in" && pred != "lives_in") return pred;
        if (subject == EntityType::PERSON) return "lives_in";
        if (subject == EntityType::COMPANY || subject == EntityType::ORGANIZATION) return "based_in";
        return "located_in";
    }
    static bool allowed(const std::vector<EntityType>& types, EntityType t) {
        return std::find(types.begin(), types.end(), t) != types.end();
    }

    // Names a or b that the sentence keeps apart: members of one list ("Maine, New York and Maryland"),
    // or with a name of the same class between them, which is the nearer partner ("Abrams of Georgia,
    // Duckworth of Illinois"). The training text rarely shows either, so the model cannot tell.
    bool apart(const std::vector<int>& names, std::size_t x, std::size_t y) const {
        const MentionCand& a = st.mentions[names[x]];
        const MentionCand& b = st.mentions[names[y]];
        const auto ta = coarse(type_of(names[x])), tb = coarse(type_of(names[y]));
        for (std::size_t z = x + 1; z < y; ++z) {
            const auto tz = coarse(type_of(names[z]));
            if (st.mentions[names[z]].entity != a.entity && st.mentions[names[z]].entity != b.entity && (tz == ta || tz == tb))
                return true;
        }
        if (ta != tb) return false;
        bool list = false;
        for (std::uint32_t i = a.e; i < b.b; ++i) {
            const std::string_view w = low(i);
            if (w == "," || w == "and" || w == "or" || w == "&") list = true;
            else if (mention_covering(i) < 0) return false;
        }
        return list;
    }

    // Whether some label the model may emit fits these two types: most pairs (two people, a person and a
    // product) have none, and are not worth their features and tags.
    static bool viable(const rel::Classifier& model, EntityType a, EntityType b) {
        thread_local std::vector<std::int8_t> memo;  // per (model labels, a, b): -1 unknown, 0 no, 1 yes
        thread_local const rel::Classifier* memo_model = nullptr;
        constexpr int n = static_cast<int>(EntityType::UNKNOWN) + 1;
        if (memo_model != &model) {
            memo.assign(n * n, -1);
            memo_model = &model;
        }
        std::int8_t& m = memo[static_cast<int>(a) * n + static_cast<int>(b)];
        if (m < 0) {
            m = 0;
            for (int y = 1; y < static_cast<int>(model.labels().size()) && !m; ++y) {
                if (model.threshold(y) > 1) continue;
                const EntityType s = model.first_is_subject(y) ? a : b, o = model.first_is_subject(y) ? b : a;
                const std::string pred = placed(model.predicate(y), s);
                m = is_predicate(pred) && allowed(subject_types(pred), s) && allowed(object_types(pred), o);
            }
        }
        return m == 1;
    }

    void classified() {
        const rel::Classifier& model = rel::Classifier::get();
        // Pairs a rule related in a sentence keep the rule's reading: rules read roles and triggers the
        // classifier has seen few examples of.
        std::set<std::tuple<std::uint32_t, int, int>> ruled;
        for (const auto& [s_ent, pred, o_ent, sentence] : seen) {
            ruled.emplace(sentence, std::min(s_ent, o_ent), std::max(s_ent, o_ent));
        }
        thread_local std::vector<std::string_view> written, lower;
        thread_local std::vector<Upos> tags;
        thread_local std::vector<std::uint64_t> feats;
        thread_local std::vector<int> names;
        const std::size_t n = st.mentions.size();
        for (std::size_t k = 0; k < n;) {
            const std::uint32_t s = st.mentions[k].sentence;
            names.clear();
            for (; k < n && st.mentions[k].sentence == s; ++k) {
                const MentionCand& m = st.mentions[k];
                if (!m.pseudo && m.entity >= 0 && coarse(type_of(static_cast<int>(k)))) names.push_back(static_cast<int>(k));
            }
            if (names.size() < 2) continue;
            const Sentence& se = st.tok.sentences[s];
            lower.clear();
            written.clear();
            tags.assign(se.end - se.begin, Upos::X);
            for (std::uint32_t i = se.begin; i < se.end; ++i) {
                lower.push_back(low(i));
                written.push_back(T[i].text);
            }
            std::uint32_t tagged = se.begin;  // tags are read between names only: tag no further than needed
            for (std::size_t x = 0; x < names.size(); ++x)
                for (std::size_t y = x + 1; y < names.size(); ++y) {
                    const MentionCand& a = st.mentions[names[x]];
                    const MentionCand& b = st.mentions[names[y]];
                    const int ea = a.entity, eb = b.entity;
                    if (ea == eb || a.e > b.b || b.b - a.e > rel::max_gap) continue;
                    if (ruled.count({s, std::min(ea, eb), std::max(ea, eb)})) continue;
                    if (apart(names, x, y)) continue;
                    if (!viable(model, st.entities[ea].type, st.entities[eb].type)) continue;
                    for (; tagged < b.b; ++tagged) tags[tagged - se.begin] = st.tag(tagged);
                    feats.clear();
                    rel::pair_features(rel::SentenceView{&written, &lower, &tags},
                                       rel::ArgSpan{a.b - se.begin, a.e - se.begin, *coarse(type_of(names[x]))},
                                       rel::ArgSpan{b.b - se.begin, b.e - se.begin, *coarse(type_of(names[y]))}, feats);
                    const rel::Verdict v = model.classify(feats);
                    if (v.label == 0 || v.probability < model.threshold(v.label)) continue;
                    const bool first = model.first_is_subject(v.label);
                    const int subj = first ? ea : eb, obj = first ? eb : ea;
                    const EntityType ts = st.entities[subj].type, to = st.entities[obj].type;
                    const std::string pred = placed(model.predicate(v.label), ts);
                    if (!is_predicate(pred) || !allowed(subject_types(pred), ts) || !allowed(object_types(pred), to)) continue;
                    // A country's name that modifies a noun ("United States sanctions", "US-led war") says whose
                    // the thing is, not whose citizen a person named near it is.
                    // (Unless the noun is the person's title: "US singer and lyricist X".)
                    if (pred == "citizen_of") {
                        const MentionCand& c = st.mentions[names[first ? y : x]];
                        const MentionCand& p = st.mentions[names[first ? x : y]];
                        const bool title = p.b > c.e && p.b - c.e <= 4;
                        // (Nor one opening a body's name the model split: "the United States | Department of Defense".)
                        const int after = c.e < se.end ? st.mention_at(c.e) : -1;
                        if (!title && c.e < se.end &&
                            ((T[c.e].text == "-" && !T[c.e].space_before) || (T[c.e].lower() && st.tag(c.e) == Upos::NOUN) ||
                             (after >= 0 && org_like(type_of(after)))))
                            continue;
                        // A country a person deals with, fights or goes to is none of theirs ("deals with China"; not
                        // "with France's minister X", where the preposition governs the person).
                        const std::string_view before = c.b > se.begin ? low(c.b - 1) : std::string_view();
                        if ((before == "with" || before == "against" || before == "to" || before == "into") && !(c.e < se.end && poss(c.e)))
                            continue;
                    }
                    emit(subj, pred, obj, std::round(static_cast<double>(v.probability) * 100) / 100, s);
                }
        }
    }

    // --- places the gazetteer puts in a country the document also names ---------------------------------
    // Evidence: the first sentence naming both, else the place's first mention (the country is named
    // elsewhere in the text, so the document does speak of both).
    int entity_named(EntityType type, const std::string& name) const {
        for (std::size_t k = 0; k < st.entities.size(); ++k)
            if (st.entities[k].type == type && st.entities[k].name == name) return static_cast<int>(k);
        return -1;
    }

    void known_places() {
        for (std::size_t p = 0; p < st.entities.size(); ++p) {
            const DocEnt& place = st.entities[p];
            if (place.type != EntityType::LOCATION) continue;
            std::string country;
            const std::string* region = nullptr;
            for (std::size_t k : place.mentions)
                if (!st.mentions[k].pseudo && !st.mentions[k].country.empty()) {
                    country = st.mentions[k].country;
                    if (const auto* senses = lx.lookup(st.mentions[k].canonical))
                        for (const GazEntry& g : *senses)
                            if (g.type == EntityType::LOCATION && g.country == country && !g.region.empty()) region = &g.region;
                    break;
                }
            if (country.empty() || country == place.name) continue;
            // The town's region when the document names it ("Kuching ... Sarawak"), else its country: the
            // region lies in the country already.
            int c = region ? entity_named(EntityType::LOCATION, *region) : -1;
            if (c < 0) c = entity_named(EntityType::COUNTRY, country);
            if (c < 0) continue;
            std::uint32_t sentence = UINT32_MAX, first = UINT32_MAX;
            for (std::size_t k : place.mentions) {
                const std::uint32_t s = st.mentions[k].sentence;
                first = std::min(first, s);
                for (std::size_t q : st.entities[c].mentions)
                    if (st.mentions[q].sentence == s) sentence = std::min(sentence, s);
            }
            emit(static_cast<int>(p), "located_in", c, sentence != UINT32_MAX ? 0.8 : 0.7, sentence != UINT32_MAX ? sentence : first);
        }
    }

    // --- the dateline's town in the region the story is about ----------------------------------------------
    // A local story is filed from a town of the region it reports on: "KUCHING: ... Sarawak ... Sarawak".
    // Only for a town the gazetteer does not place (known_places() places the others), and a region the
    // gazetteer knows as a country's subdivision, named at least twice and more often than any other.
    void dateline_region() {
        int town = -1;
        for (const MentionCand& m : st.mentions)
            if (m.dateline && m.entity >= 0 && m.canonical.empty() && st.entities[static_cast<std::size_t>(m.entity)].type == EntityType::LOCATION)
                town = m.entity;
        if (town < 0) return;
        for (std::size_t k : st.entities[static_cast<std::size_t>(town)].mentions)
            if (!st.mentions[k].canonical.empty()) return;
        int best = -1;
        std::size_t best_n = 0, second_n = 0;
        for (std::size_t e = 0; e < st.entities.size(); ++e) {
            const DocEnt& r = st.entities[e];
            if (r.type != EntityType::LOCATION || static_cast<int>(e) == town) continue;
            std::size_t n = 0;
            bool region = false;
            for (std::size_t k : r.mentions) {
                const MentionCand& m = st.mentions[k];
                if (m.pseudo) continue;
                ++n;
                region |= !m.canonical.empty() && !m.country.empty() && !m.seat;
            }
            if (!region) continue;
            if (n > best_n) {
                second_n = best_n;
                best_n = n;
                best = static_cast<int>(e);
            } else if (n > second_n) {
                second_n = n;
            }
        }
        if (best < 0 || best_n < 2 || best_n == second_n) return;
        std::uint32_t s = UINT32_MAX;
        for (std::size_t k : st.entities[static_cast<std::size_t>(town)].mentions) s = std::min(s, st.mentions[k].sentence);
        emit(town, "located_in", best, 0.6, s);
    }

    // --- family ties (data/kinship.txt) ------------------------------------------------------------------
    //  "X, the son of Y", "X, Y's wife,", "Y's wife, X", "Y's wife X", "Y and his wife, X" → X family_of Y.
    bool kin(std::uint32_t i) const { return T[i].lower() && lx.kinship.contains(low(i)); }
    int person_at(std::uint32_t i) const {
        const int m = st.mention_at(i);
        return m >= 0 && st.mentions[m].entity >= 0 && !st.mentions[m].pseudo && type_of(m) == EntityType::PERSON ? m : -1;
    }
    int person_ending(std::uint32_t i) const {
        const int m = st.mention_ending(i);
        return m >= 0 && st.mentions[m].entity >= 0 && !st.mentions[m].pseudo && type_of(m) == EntityType::PERSON ? m : -1;
    }
    void family() {
        for (std::size_t k = 0; k < st.mentions.size(); ++k) {
            const MentionCand& x = st.mentions[k];
            if (x.pseudo || x.entity < 0 || type_of(static_cast<int>(k)) != EntityType::PERSON) continue;
            const Sentence& se = st.tok.sentences[x.sentence];
            // Right of X: ", the son of Y" / ", Y's wife,".
            if (x.e + 3 < se.end && T[x.e].text == ",") {
                std::uint32_t i = x.e + 1;
                if (low(i) == "the" || low(i) == "a" || low(i) == "his" || low(i) == "her" || low(i) == "their") ++i;
                if (i + 2 < se.end && kin(i) && low(i + 1) == "of") {
                    std::uint32_t j = i + 2;
                    if (j + 1 < se.end && (low(j) == "the" || low(j) == "late")) ++j;
                    if (j + 1 < se.end && low(j) == "late") ++j;
                    if (const int y = person_at(j); y >= 0) emit(x.entity, "family_of", st.mentions[y].entity, 0.8, x.sentence);
                }
                if (const int y = person_at(x.e + 1); y >= 0) {
                    const std::uint32_t a = st.mentions[y].e;
                    if (a + 1 < se.end && poss(a) && kin(a + 1))
                        emit(x.entity, "family_of", st.mentions[y].entity, 0.8, x.sentence);
                }
            }
            // Left of X: "Y's wife, X", "Y's wife X", "Y and his wife, X".
            std::uint32_t b = x.b;
            if (b > se.begin + 1 && T[b - 1].text == ",") --b;
            if (b >= se.begin + 2 && kin(b - 1)) {
                const std::uint32_t w = b - 2;  // before the kin noun
                if (poss(w)) {
                    if (const int y = person_ending(w); y >= 0) emit(x.entity, "family_of", st.mentions[y].entity, 0.8, x.sentence);
                } else if ((low(w) == "his" || low(w) == "her") && w >= se.begin + 2 && low(w - 1) == "and") {
                    if (const int y = person_ending(w - 1); y >= 0) emit(x.entity, "family_of", st.mentions[y].entity, 0.75, x.sentence);
                } else if (low(w) == "his" || low(w) == "her") {
                    // "Her father, X, died": the one person the pronoun can stand for (antecedent()).
                    if (const int y = antecedent(w, x.sentence); y >= 0 && y != x.entity)
                        emit(x.entity, "family_of", y, 0.7, x.sentence);
                }
            }
        }
    }

    // --- two names side by side -------------------------------------------------------------------------
    //  "Wilmington, Delaware" (a place, a comma, the place it lies in, then no further list item) → located_in;
    //  "Brigid Kosgei of Kenya" → citizen_of, "Doug Collins of Georgia" → lives_in;
    //  "the University of Florida in Gainesville" (a body, "in", a place that is not a country) → based_in.
    void adjacent_names() {
        const std::size_t n = st.mentions.size();
        for (std::size_t k = 0; k < n; ++k) {
            const MentionCand& a = st.mentions[k];
            if (a.pseudo || a.entity < 0) continue;
            const Sentence& se = st.tok.sentences[a.sentence];
            if (a.e + 1 >= se.end) continue;
            // "Jon Bell, 45, of Springfield": a person's age, then where they live (or come from).
            if (a.e + 4 < se.end && T[a.e].text == "," && T[a.e + 1].kind == TokKind::number && T[a.e + 2].text == "," &&
                low(a.e + 3) == "of" && type_of(static_cast<int>(k)) == EntityType::PERSON) {
                const int c = st.mention_at(a.e + 4);
                if (c >= 0 && st.mentions[c].entity >= 0 && !st.mentions[c].pseudo) {
                    if (type_of(c) == EntityType::LOCATION) emit(a.entity, "lives_in", st.mentions[c].entity, 0.7, a.sentence);
                    else if (type_of(c) == EntityType::COUNTRY) emit(a.entity, "citizen_of", st.mentions[c].entity, 0.65, a.sentence);
                }
            }
            // "Jon Bell (NP-Tellburg)": the party the member sits for, and the seat. "Sen. Jon Bell, D-Ohio," or
            // "(D-Ohio)": a party's initial, which names no party, and the state the member sits for.
            if (type_of(static_cast<int>(k)) == EntityType::PERSON && a.e + 3 < se.end && (T[a.e].text == "(" || T[a.e].text == ",")) {
                const int party = st.mention_at(a.e + 1);
                const bool named = party >= 0 && org_like(type_of(party)) && T[a.e].text == "(";
                const bool initial = party < 0 && T[a.e + 1].text.size() == 1 && T[a.e + 1].cap();
                const std::uint32_t dash = named ? st.mentions[party].e : initial ? a.e + 2 : 0;
                const int seat = dash && dash + 1 < se.end && T[dash].text == "-" && !T[dash].space_before ? st.mention_at(dash + 1) : -1;
                if (seat >= 0 && st.mentions[seat].entity >= 0) {
                    const std::uint32_t close = st.mentions[seat].e;
                    const std::string_view c = close < se.end ? T[close].text : std::string_view(".");
                    if (T[a.e].text == "(" ? c == ")" : (c == "," || c == "." || c == ";")) {
                        if (named) emit(a.entity, "member_of", st.mentions[party].entity, 0.75, a.sentence);
                        if (type_of(seat) == EntityType::LOCATION) emit(a.entity, "lives_in", st.mentions[seat].entity, 0.65, a.sentence);
                    }
                }
            }
            // "Libertyville Township (Illinois)": a place, then in brackets a country or a region the gazetteer
            // knows (not a town: "Masjid Al-Haram (Grand Mosque)" gives the name in English).
            if (type_of(static_cast<int>(k)) == EntityType::LOCATION && a.e + 2 < se.end && T[a.e].text == "(") {
                const int r = st.mention_at(a.e + 1);
                auto region = [&](int x) {
                    if (type_of(x) == EntityType::COUNTRY) return true;
                    const auto* senses = lx.lookup(st.entities[static_cast<std::size_t>(st.mentions[x].entity)].name);
                    return type_of(x) == EntityType::LOCATION && senses &&
                           std::any_of(senses->begin(), senses->end(), [](const GazEntry& g) {
                               return g.type == EntityType::LOCATION && !g.town && !g.seat;
                           });
                };
                if (r >= 0 && !st.mentions[r].pseudo && st.mentions[r].entity >= 0 && st.mentions[r].entity != a.entity &&
                    st.mentions[r].e < se.end && T[st.mentions[r].e].text == ")" && region(r))
                    emit(a.entity, "located_in", st.mentions[r].entity, 0.65, a.sentence);
            }
            // "the Acme Organisation (AO) in Madrid": past a short name in brackets.
            std::uint32_t ae = a.e;
            if (ae + 4 < se.end && T[ae].text == "(" && T[ae + 2].text == ")" && (low(ae + 3) == "in" || low(ae + 3) == "of"))
                ae += 3;
            // "Jane Roe, also from Kenya": a person's origin.
            if (low(ae) == "also" && ae + 2 < se.end && low(ae + 1) == "from") ++ae;
            // "in the Congo": an article between "in" and the place.
            const bool the = low(ae) == "in" && ae + 2 < se.end && low(ae + 1) == "the";
            const int b = st.mention_at(ae + 1 + (the ? 1 : 0));
            if (b < 0 || st.mentions[b].entity < 0 || st.mentions[b].entity == a.entity) continue;
            const MentionCand& m = st.mentions[b];
            const EntityType ta = type_of(static_cast<int>(k)), tb = type_of(b);
            const std::string_view sep = low(ae);
            // "... and Thesprotia, Greece": the last of a list may carry its country.
            const bool list_before = a.b > se.begin && (T[a.b - 1].text == "," || low(a.b - 1) == "or" ||
                                                        (low(a.b - 1) == "and" && tb != EntityType::COUNTRY));
            // "and"/"or" continue a list of names only when a name follows ("Muar, Johor, and has" ends one).
            auto list_word = [&](std::uint32_t i) {
                return i + 1 < se.end && (low(i) == "and" || low(i) == "or") && (st.mention_at(i + 1) >= 0 || (T[i + 1].cap() && !is_role(i + 1)));
            };
            // (Not a place and its region: "the Egyptian Theatre in Hollywood, California on Friday".)
            auto region_after = [&](std::uint32_t i) {
                const int c = st.mention_at(i);
                if (c < 0 || st.mentions[c].pseudo || (type_of(c) != EntityType::LOCATION && type_of(c) != EntityType::COUNTRY)) return false;
                const std::uint32_t ce = st.mentions[c].e;
                // ("Fort Worth, Texas, said": a comma after the region ends the place when no name follows it.)
                return ce >= se.end || !(list_word(ce) || (T[ce].text == "," && ce + 1 < se.end &&
                                                           (st.mention_at(ce + 1) >= 0 || list_word(ce + 1))));
            };
            // "Tellburg, Ontario, Canada": a region, then the country the gazetteer puts it in, is no list.
            auto region_in_country_after = [&](std::uint32_t i) {
                if (sep != "," || ta != EntityType::LOCATION || tb != EntityType::LOCATION || !region_after(i)) return false;
                const int c = st.mention_at(i);
                if (type_of(c) != EntityType::COUNTRY) return false;
                const auto* senses = lx.lookup(st.entities[static_cast<std::size_t>(m.entity)].name);
                const std::string& country = st.entities[static_cast<std::size_t>(st.mentions[c].entity)].name;
                return senses && std::any_of(senses->begin(), senses->end(), [&](const GazEntry& g) {
                           return g.type == EntityType::LOCATION && !g.town && g.country == country;
                       });
            };
            const bool list_after = list_word(m.e) || (m.e < se.end && T[m.e].text == "," && m.e + 1 < se.end &&
                                                       ((st.mention_at(m.e + 1) >= 0 &&
                                                         !(((sep == "in" && ta == EntityType::LOCATION) || (sep == "of" && org_like(ta))) &&
                                                           region_after(m.e + 1)) &&
                                                         !region_in_country_after(m.e + 1)) ||
                                                        list_word(m.e + 1)));
            // "eight in Sabah, Perak (six), five in Kedah": a count in brackets after a place makes a list of tallies.
            const bool counted = m.e + 2 < se.end && T[m.e].text == "(" && T[m.e + 2].text == ")" &&
                                 (T[m.e + 1].kind == TokKind::number || T[m.e + 1].lower());
            if (sep == "," && ta == EntityType::LOCATION && (tb == EntityType::LOCATION || tb == EntityType::COUNTRY) &&
                !list_before && !list_after && !counted)
                emit(a.entity, "located_in", m.entity, 0.7, a.sentence);
            else if ((sep == "of" || sep == "from") && ta == EntityType::PERSON && !list_after &&
                     (tb == EntityType::COUNTRY || tb == EntityType::LOCATION) && !demonym_mention(b))
                emit(a.entity, tb == EntityType::COUNTRY ? "citizen_of" : "lives_in", m.entity, sep == "of" ? 0.65 : 0.6, a.sentence);
            else if ((sep == "in" || sep == "of") && org_like(ta) && tb == EntityType::LOCATION && !list_after)
                emit(a.entity, "based_in", m.entity, 0.6, a.sentence);  // "Nordvale Corp. of Dayton"
            else if (sep == "in" && org_like(ta) && (tb == EntityType::LOCATION || tb == EntityType::COUNTRY)) {
                // "the campaign against Acme in Iraq and Syria", "Acme Airports in Kota Kinabalu, Tawau and
                // Sandakan": the body is in each place of the list (and no list of other kinds follows).
                std::vector<int> places{m.entity};
                bool all_places = true;
                for (std::uint32_t i = m.e; all_places && i + 1 < se.end && places.size() < 5;) {
                    std::uint32_t j = i;
                    if (T[j].text == ",") ++j;
                    if (j < se.end && (low(j) == "and" || low(j) == "or")) ++j;
                    if (j == i) break;
                    const int c = st.mention_at(j);
                    if (c < 0) break;
                    all_places = !st.mentions[c].pseudo && st.mentions[c].entity >= 0 &&
                                 (type_of(c) == EntityType::LOCATION || type_of(c) == EntityType::COUNTRY);
                    if (all_places) places.push_back(st.mentions[c].entity);
                    i = st.mentions[c].e;
                }
                // Not "the annual meeting of Acme in Orlando": the place is the event's.
                std::uint32_t q = a.b;
                if (q > se.begin && low(q - 1) == "the") --q;
                const bool event_of = q >= se.begin + 2 && low(q - 1) == "of" &&
                                      ((lw(q - 2).context && *lw(q - 2).context == EntityType::EVENT) || low(q - 2) == "meeting" ||
                                       low(q - 2) == "meetings" || low(q - 2) == "session");
                if (all_places && !event_of && (tb == EntityType::COUNTRY || places.size() > 1))
                    for (int p : places) emit(a.entity, "based_in", p, 0.55, a.sentence);
            }
            else if (sep == "in" && ta == EntityType::LOCATION && (tb == EntityType::LOCATION || tb == EntityType::COUNTRY) &&
                     !list_after && !(a.b > se.begin && (low(a.b - 1) == "near" || low(a.b - 1) == "outside"))) {
                // (Not "an airfield near X in Y": the place in Y is another.)
                emit(a.entity, "located_in", m.entity, 0.6, a.sentence);  // "Kampung Rampayan in Manggatal"
                // "the towns of Beni, Butembo and Katwa in the Congo": every place of the list before.
                for (std::uint32_t i = a.b; i > se.begin + 1;) {
                    std::uint32_t w = i - 1;
                    if (low(w) == "and" && w > se.begin && T[w - 1].text == ",") --w;
                    if (!(T[w].text == "," || low(w) == "and")) break;
                    const int c = st.mention_ending(w);
                    if (c < 0 || st.mentions[c].pseudo || st.mentions[c].entity < 0 || type_of(c) != EntityType::LOCATION) break;
                    emit(st.mentions[c].entity, "located_in", m.entity, 0.55, a.sentence);
                    i = st.mentions[c].b;
                }
            } else if (sep == "," && org_like(ta) && tb == EntityType::LOCATION && m.e + 1 < se.end && T[m.e].text == ",") {
                // "Nordvale Studio, Lagos, Nigeria": a body, then its town and the town's country.
                const int c = st.mention_at(m.e + 1);
                if (c >= 0 && (type_of(c) == EntityType::COUNTRY || type_of(c) == EntityType::LOCATION) && !list_before)
                    emit(a.entity, "based_in", m.entity, 0.6, a.sentence);
            }
        }
    }

public:
    void run() {
        find_main_event();
        find_main_company();
        event_descriptions();
        titles();
        demonym_people();
        based_in();
        place_based();
        place_appositive();
        place_in_place();
        org_parts();
        products();
        triggers();
        at_event();
        places();
        known_places();
        dateline_region();
        family();
        named_after_place();
        adjacent_names();
        domain_offices();
        title_in_body();
        as_role();
        pronoun_roles();
        shared_body_titles();
        classified();
        link_pronouns();
        members_not_staff();
    }

    // "X teaches law as an adjunct professor at Acme", "X, a career politician who served as President of
    // Nordvale": a title after "as" with its body or country names the post of the one person named before
    // it in the sentence. (With two people before it the title may be either's: "X replaced Y as chief".)
    void as_role() {
        for (std::size_t s = 0; s < st.tok.sentences.size(); ++s) {
            const Sentence& se = st.tok.sentences[s];
            for (std::uint32_t i = se.begin + 1; i + 3 < se.end; ++i) {
                if (low(i) != "as") continue;
                int person = -1, people = 0;
                for (std::uint32_t q = se.begin; q < i; ++q)
                    if (const int m = st.mention_at(q); m >= 0 && !st.mentions[m].pseudo && st.mentions[m].entity >= 0 &&
                                                        type_of(m) == EntityType::PERSON) {
                        if (person < 0 || st.mentions[m].entity != st.mentions[person].entity) ++people;
                        person = m;
                    }
                int subject = people == 1 ? ent(person) : -1;
                double conf = 0.7;
                // "He served as ...": no name before, a subject pronoun a few verbs before "as".
                if (people == 0 && (subject = pronoun_before(i, se.begin, s)) < 0) continue;
                if (people == 0) conf = 0.6;
                if (people > 1) continue;
                // Nor with a body or country between them ("X said Acme's role as chief of Y").
                bool between = false;
                for (std::uint32_t q = people ? st.mentions[person].e : se.begin; q < i && !between; ++q)
                    if (const int m = st.mention_at(q); m >= 0 && type_of(m) != EntityType::PERSON) between = true;
                if (between) continue;
                role_of_body(subject, i + 1, i, static_cast<std::uint32_t>(s), conf);
            }
        }
    }

    // The antecedent of the pronoun at p when it is a person and the only person named in the sentence before
    // p and in the sentence before it ("While Acme's former chief X was jailed, Y is unknown. He ..." names
    // two, and the pronoun's choice is a guess a title should not rest on); else -1.
    int sole_antecedent(std::uint32_t p, std::uint32_t s) const {
        const int a = antecedent(p, s);
        if (a < 0 || st.entities[a].type != EntityType::PERSON) return -1;
        const std::uint32_t from = st.tok.sentences[s > 0 ? s - 1 : 0].begin;
        for (const MentionCand& m : st.mentions)
            if (!m.pseudo && m.entity >= 0 && m.entity != a && m.b >= from && m.e <= p &&
                st.entities[m.entity].type == EntityType::PERSON)
                return -1;
        return a;
    }

    // A subject pronoun ("he", "she") opening the clause of the verbs before token i (at most three words
    // between: "He later served as", "She was appointed as"): its antecedent, a person; else -1.
    int pronoun_before(std::uint32_t i, std::uint32_t begin, std::uint32_t s) const {
        for (std::uint32_t k = i; k > begin && i - k < 4;) {
            --k;
            const std::string_view w = low(k);
            if (w == "he" || w == "she") {
                if (k > begin && !(T[k - 1].kind == TokKind::punct || low(k - 1) == "and" || low(k - 1) == "but")) return -1;
                return sole_antecedent(k, s);
            }
            if (!T[k].lower() || !(is_verb(k) || st.tag(k) == Upos::ADV || st.tag(k) == Upos::AUX)) return -1;
        }
        return -1;
    }

    // "(a|an|the) [adjunct] professor (of|at|for|with) Acme" from token j on: the longest title, then its body
    // or country, which the person entity `subject` holds that title of. `trigger` is where the evidence's
    // modality is read before ("would serve as").
    void role_of_body(int subject, std::uint32_t j, std::uint32_t trigger, std::uint32_t s, double conf) {
        const Sentence& se = st.tok.sentences[s];
        if (j < se.end && (low(j) == "a" || low(j) == "an" || low(j) == "the" || low(j) == "its" || low(j) == "their")) ++j;
        std::string role, code;
        std::uint32_t end = 0, role_b = 0;
        for (std::uint32_t k = j; k < se.end && k < j + 5; ++k) {
            if (T[k].kind == TokKind::punct && T[k].text != "-") break;
            std::string c;
            if (const std::uint32_t n = role_ending(k, j, c); n && c != "HON") {
                role = lower_ascii(std::string(st.text(k + 1 - n, k + 1)));
                code = c;
                end = k + 1;
                role_b = k + 1 - n;
            }
            if (st.mention_at(k) >= 0) break;
        }
        if (role.empty() || end + 1 >= se.end) return;
        const std::string_view prep = low(end);
        if (prep != "of" && prep != "at" && prep != "for" && prep != "with") return;
        std::uint32_t at = end + 1;
        if (at + 1 < se.end && low(at) == "the") ++at;
        const int o = st.mention_at(at);
        if (o < 0 || st.mentions[o].pseudo || st.mentions[o].entity < 0) return;
        const bool former = former_before(j + 1, se.begin) || former_before(trigger, se.begin);
        // "as bond department head at Acme": the head of a unit named by a noun before the title works
        // for the body, leading only the unit.
        std::string pred = role_predicate(role);
        for (std::uint32_t q = j; q < role_b && pred == "leader_of"; ++q)
            if (T[q].lower() && st.tag(q) == Upos::NOUN) pred = "works_for";
        if (org_like(type_of(o))) emit(subject, pred, ent(o), conf, s, trigger, former);
        else if (type_of(o) == EntityType::COUNTRY && (gov_code(code) || role_predicate(role) == "leader_of"))
            emit(subject, role_predicate(role), ent(o), conf, s, trigger, former);
    }

    // "Acme Party presidential nominee X and vice presidential nominee Y": a second title of the same head
    // word, in lower case after "and", shares the body named before the first (not "Acme's chief executive X
    // and actor Y").
    void shared_body_titles() {
        const std::size_t n = st.mentions.size();
        for (std::size_t k = 0; k < n; ++k) {
            const MentionCand& m = st.mentions[k];
            if (m.pseudo || m.entity < 0 || m.role.empty() || m.role_code == "HON" || type_of(static_cast<int>(k)) != EntityType::PERSON) continue;
            const std::uint32_t begin = st.tok.sentences[m.sentence].begin;
            auto title_start = [&](std::uint32_t b) {  // the lower-case title words right before token b
                std::uint32_t q = b;
                while (q > begin && b - q < 4 && T[q - 1].lower() && st.lex[q - 1].alpha && !lw(q - 1).function_word && !is_verb(q - 1)) --q;
                return q;
            };
            const std::uint32_t q = title_start(m.b);
            if (q == m.b || q < begin + 2 || low(q - 1) != "and") continue;
            const int first = st.mention_ending(q - 1);
            if (first < 0 || st.mentions[first].pseudo || type_of(first) != EntityType::PERSON) continue;
            auto head = [](const std::string& role) { return role.substr(role.find_last_of(' ') + 1); };
            if (head(st.mentions[first].role) != head(m.role)) continue;
            const std::uint32_t r = title_start(st.mentions[first].b);
            if (r == st.mentions[first].b || r <= begin) continue;
            const int body = st.mention_ending(r);
            if (body < 0 || st.mentions[body].pseudo || !org_like(type_of(body))) continue;
            emit(m.entity, role_predicate(m.role), ent(body), 0.7, m.sentence);
        }
    }

    // "He was the chairman of Acme", "She is a professor at Acme": a subject pronoun opening a sentence or a
    // clause, a copula, then a title of a body; the pronoun's antecedent holds the title.
    void pronoun_roles() {
        for (std::size_t s = 0; s < st.tok.sentences.size(); ++s) {
            const Sentence& se = st.tok.sentences[s];
            for (std::uint32_t p = se.begin; p + 4 < se.end; ++p) {
                const std::string_view w = low(p);
                if (w != "he" && w != "she") continue;
                if (p > se.begin && !(T[p - 1].kind == TokKind::punct || low(p - 1) == "and" || low(p - 1) == "but")) continue;
                std::uint32_t v = p + 1;
                if (st.tag(v) == Upos::ADV && T[v].lower()) ++v;
                const std::string_view c = low(v);
                std::uint32_t after = 0;
                if (c == "is" || c == "was" || c == "became" || c == "becomes" || c == "remains" || c == "remained") after = v + 1;
                else if ((c == "has" || c == "had") && v + 1 < se.end && low(v + 1) == "been") after = v + 2;
                if (!after || after >= se.end) continue;
                if (low(after) == "also" || low(after) == "still" || low(after) == "now") ++after;
                const int a = sole_antecedent(p, static_cast<std::uint32_t>(s));
                if (a >= 0) role_of_body(a, after, v, static_cast<std::uint32_t>(s), 0.6);
            }
        }
    }

    // "Minister in the Prime Minister's Department (Economy) Datuk X": a title placed in a body before the
    // name, the body's field in brackets at most between them.
    void title_in_body() {
        for (std::size_t k = 0; k < st.mentions.size(); ++k) {
            const MentionCand& m = st.mentions[k];
            if (m.pseudo || m.entity < 0 || type_of(static_cast<int>(k)) != EntityType::PERSON) continue;
            const std::uint32_t begin = st.tok.sentences[m.sentence].begin;
            std::string code;
            std::uint32_t b = before_honorifics(m.b, begin);
            if (b > begin && T[b - 1].text == ",") --b;
            if (b > begin && T[b - 1].text == ")")
                for (std::uint32_t q = b - 1; q > begin && b - q < 8; --q)
                    if (T[q - 1].text == "(") {
                        b = q - 1;
                        break;
                    }
            const int o = b > begin ? st.mention_ending(b) : -1;
            if (o < 0 || st.mentions[o].pseudo || !org_like(type_of(o))) continue;
            std::uint32_t i = st.mentions[o].b;
            if (i > begin && low(i - 1) == "the") --i;
            if (i < begin + 2 || low(i - 1) != "in") continue;
            if (const std::uint32_t n = role_ending(i - 2, begin, code); n && code != "HON")
                emit(m.entity, role_predicate(lower_ascii(std::string(st.text(i - 1 - n, i - 1)))), ent(o), 0.75, m.sentence,
                     UINT32_MAX, former_before(i - 1 - n, begin));
        }
    }

    // "Health Minister X", "Health director-general Datuk X" in a story that names the Health Ministry (or the
    // Ministry of Health, the Health Department): the words before the title name the field of the body the
    // person serves. Government news names an office by its field and the body in full elsewhere.
    void domain_offices() {
        std::vector<std::pair<std::string, int>> fields;  // "health" → the body's entity
        for (std::size_t k = 0; k < st.entities.size(); ++k) {
            const DocEnt& d = st.entities[k];
            if (!org_like(d.type) || d.mentions.empty()) continue;
            const std::string name = lower_ascii(d.name);
            for (const char* body : {"ministry", "department"}) {
                const std::string tail = std::string(" ") + body, head = std::string(body) + " of ";
                if (name.size() > tail.size() && name.compare(name.size() - tail.size(), tail.size(), tail) == 0)
                    fields.emplace_back(name.substr(0, name.size() - tail.size()), static_cast<int>(k));
                else if (name.size() > head.size() && name.compare(0, head.size(), head) == 0)
                    fields.emplace_back(name.substr(head.size()), static_cast<int>(k));
            }
        }
        // "The Perak government ..., said Menteri Besar X": the head of a place below a country, with no place
        // named in the title, leads the one place's government the story names.
        int government = -1;
        for (std::size_t k = 0; k < st.entities.size(); ++k) {
            const std::string name = lower_ascii(st.entities[k].name);
            if (!org_like(st.entities[k].type) || st.entities[k].mentions.empty() || name.size() <= 11 ||
                name.compare(name.size() - 11, 11, " government") != 0)
                continue;
            // A country's government has no head of a place ("Governor X" beside "the US government").
            if (const auto* es = lx.lookup(std::string_view(st.entities[k].name).substr(0, name.size() - 11));
                es && std::any_of(es->begin(), es->end(), [](const GazEntry& g) { return g.type == EntityType::COUNTRY; }))
                continue;
            government = government == -1 ? static_cast<int>(k) : -2;
        }
        if (fields.empty() && government < 0) return;
        for (std::size_t k = 0; k < st.mentions.size(); ++k) {
            const MentionCand& m = st.mentions[k];
            if (m.pseudo || m.entity < 0 || m.role.empty() || type_of(static_cast<int>(k)) != EntityType::PERSON) continue;
            const std::uint32_t begin = st.tok.sentences[m.sentence].begin;
            if (government >= 0 && m.country.empty() && lx.place_titles.contains(lower_ascii(m.role))) {
                std::uint32_t t = m.b;  // the title's first word: no place right before it ("Perak Menteri Besar X")
                for (std::string code; t > begin + 1 && role_ending(t - 1, begin, code);) t -= role_ending(t - 1, begin, code);
                const int before = t > begin ? mention_covering(t - 1) : -1;
                if (before < 0 || (type_of(before) != EntityType::LOCATION && type_of(before) != EntityType::COUNTRY))
                {
                    bool deputy = subordinate(lower_ascii(m.role));  // "Deputy Chief Minister X": a post under the head
                    for (std::uint32_t q = t > begin ? t - 1 : t; q < m.b && !deputy; ++q) deputy = deputy_word(low(q));
                    emit(m.entity, deputy ? "works_for" : "leader_of", government, 0.7, m.sentence, UINT32_MAX, former_before(t, begin));
                }
            }
            std::string code;
            const std::uint32_t b = before_honorifics(m.b, begin);
            const std::uint32_t n = b > begin ? role_ending(b - 1, begin, code) : 0;
            if (!n || code == "HON") continue;
            // The field: capitalized words (and "and") right before the title, in no name of their own.
            std::uint32_t f = b - n;
            while (f > begin && mention_covering(f - 1) < 0 &&
                   ((T[f - 1].kind == TokKind::word && T[f - 1].cap()) || (low(f - 1) == "and" && f - 1 > begin && T[f - 2].cap())) &&
                   b - n - f < 5)
                --f;
            if (f < b - n && (low(f) == "former" || low(f) == "acting")) ++f;  // "Former Health Minister X"
            // The title's words from the field on ("youth and sports minister": the lexicon may hold "sports
            // minister" as one role).
            const std::string title = lower_ascii(std::string(st.text(f, b)));
            for (const auto& [name, body] : fields)
                if (title.size() > name.size() + 1 && title.compare(0, name.size(), name) == 0 && title[name.size()] == ' ') {
                    const std::string role = title.substr(name.size() + 1);
                    // A ministry's minister heads it; its other officers, a director-general too, serve in it
                    // under the minister; other bodies' titles take their usual tie.
                    const bool ministry = lower_ascii(st.entities[body].name).find("ministry") != std::string::npos;
                    const bool head = ministry && role.size() >= 8 && role.compare(role.size() - 8, 8, "minister") == 0;
                    emit(m.entity, head ? "leader_of" : ministry ? "works_for" : role_predicate(role), body, 0.75, m.sentence, UINT32_MAX,
                         former_before(f, begin) || (f > 0 && low(f - 1) == "former"));
                    break;
                }
        }
    }

    // A person works for a company or an agency but is a member of a party or a coalition: a body whose name
    // ends in such a word (data/member_bodies.txt, "always"), that the document writes before such a word
    // ("the PH coalition"), or that some person is a member of in this document ("DAP candidate X"), takes
    // member_of where a rule read works_for ("DAP's X", "the Green Party spokesman X").
    void members_not_staff() {
        std::vector<char> member_body(st.entities.size(), 0);
        for (const DocRelation& r : st.relations)
            if (r.predicate == "member_of" && st.entities[r.subject].type == EntityType::PERSON) member_body[r.object] = 1;
        for (const MentionCand& m : st.mentions)
            if (m.entity >= 0 && !m.pseudo && m.e < T.size() && T[m.e].lower() && lx.membership_bodies.contains(std::string(low(m.e))))
                member_body[static_cast<std::size_t>(m.entity)] = 1;
        for (std::size_t e = 0; e < st.entities.size(); ++e)
            if (lx.membership_bodies.contains(head_word(st.entities[e].name)) || membership_first(st.entities[e].name)) member_body[e] = 1;
        // In an election report (data/elections.txt), a body written as a short run of capitals is a party.
        auto short_capitals = [](const std::string& name) {
            if (name.size() < 2 || name.size() > 6) return false;
            return std::all_of(name.begin(), name.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
        };
        bool candidates = false;
        for (const DocRelation& r : st.relations)
            candidates |= r.predicate == "works_for" && !member_body[r.object] &&
                          st.entities[r.object].type == EntityType::ORGANIZATION && short_capitals(st.entities[r.object].name);
        if (candidates) {
            StringSet topics;
            for (std::uint32_t i = 0; i < T.size() && topics.size() < 4; ++i)
                if (T[i].kind == TokKind::word && T[i].lower() && lx.election_words.contains(low(i))) topics.emplace(low(i), 1);
            if (topics.size() >= 4)
                for (std::size_t e = 0; e < st.entities.size(); ++e)
                    if (st.entities[e].type == EntityType::ORGANIZATION && short_capitals(st.entities[e].name)) member_body[e] = 1;
        }
        for (DocRelation& r : st.relations)
            if (r.predicate == "works_for" && member_body[r.object] && org_like(st.entities[r.object].type))
                r.predicate = "member_of";
    }
};

}  // namespace

void find_relations(DocState& st) {
    Rel r(st);
    r.run();
}

}  // namespace kg::detail
