// Stage 3: names in the text (contract in mentions.hpp). The recognizer's spans come first; titles,
// honorifics and nationalities around them become the mention's role and country, and their type is the
// model's, made finer by the gazetteer, cue words and context. The capitalized-run rules below (runs cut
// at function words, split into [country or demonym] [title] name, typed from the gazetteer, name-internal
// cue words, context and person-name tokens) add what the model missed where their type has support.
#include "mentions/mentions.hpp"
#include "ner/ner.hpp"

#include "text/util.hpp"

#include <kg/graph.hpp>
#include <kg/limits.hpp>

#include <algorithm>
#include <array>

namespace kg::detail {


namespace {

// A set of words of the document (views into its text), filled without an allocation per word.
class ViewSet {
public:
    /// Fills the set with words[i], whose string_hash() is hashes[i].
    void build(const std::vector<std::string_view>& words, const std::vector<std::uint64_t>& hashes) {
        std::size_t n = 16;
        while (n < 2 * words.size()) n *= 2;
        slots_.assign(n, std::string_view());
        for (std::size_t i = 0; i < words.size(); ++i) {
            std::size_t s = hashes[i] & (n - 1);
            while (!slots_[s].empty() && slots_[s] != words[i]) s = (s + 1) & (n - 1);
            slots_[s] = words[i];
        }
    }
    bool contains(std::string_view w) const {  // w is not empty (tokens never are)
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t s = string_hash(w) & mask; !slots_[s].empty(); s = (s + 1) & mask)
            if (slots_[s] == w) return true;
        return false;
    }

private:
    std::vector<std::string_view> slots_;  ///< open addressing; an empty view is a free slot
};

struct Finder {
    DocState& st;
    const Lexicons& lx;
    const std::vector<Token>& T;
    StringSet known;        // names (folded) found in ordinary sentences
    StringSet known_words;  // first and last words of those names ("Li" of "Li Qiang")
    ViewSet lower_words;    // words the document writes in lower case (views into it)
    bool lower_words_ready = false;  // lower_words is filled on first use (writes_lower())
    int lower_scans = 0;             // questions writes_lower() answered by scanning the tokens
    std::vector<MentionCand> tentative;           // lone sentence-initial words, kept if named elsewhere
    std::vector<MentionCand> attributive;         // unknown words modifying a noun, kept if named elsewhere
    std::vector<char> name_like_;                 // name_like() per token, computed once
    // Scratch buffers for folded spans and phrases (no allocation per question once they have grown).
    mutable std::vector<char> fold_buf;  // fold_into() target
    mutable std::string phrase_buf;
    mutable std::vector<std::uint32_t> prefix_ends;  // lengths of the folds / phrases of leading sub-spans
    mutable std::vector<std::uint64_t> fold_hashes;

    explicit Finder(DocState& s) : st(s), lx(*s.lx), T(s.tok.tokens) {
        name_like_.resize(T.size());
        for (std::uint32_t i = 0; i < T.size(); ++i) name_like_[i] = compute_name_like(i);
    }

    std::string_view low(std::uint32_t i) const { return st.lower_tok(i); }
    const WordLex& lw(std::uint32_t i) const { return st.lex[i].low; }  // lexicons on token i, lower-cased
    const NameLex& xw(std::uint32_t i) const { return st.as_written(i); }  // name lists on token i as written

    bool writes_lower(std::string_view w) {
        // A document asks this of few words (sentence-initial capitals that are not common words): the
        // first few questions scan the tokens, which costs less than building the set; a document that
        // asks more gets the set, so long documents stay linear.
        if (!lower_words_ready && ++lower_scans <= 4) {
            for (const Token& t : T)
                if (t.text.size() == w.size() && t.text[0] == w[0] && t.lower() && t.text == w) return true;
            return false;
        }
        if (!lower_words_ready) {
            // A lower-case token is its own lower case: its hash is already known (prepare_tokens()).
            std::vector<std::string_view> words;
            std::vector<std::uint64_t> hashes;
            words.reserve(T.size());
            hashes.reserve(T.size());
            for (std::uint32_t i = 0; i < T.size(); ++i)
                if (T[i].lower()) {
                    words.push_back(T[i].text);
                    hashes.push_back(st.scratch_hashes[i]);
                }
            lower_words.build(words, hashes);
            lower_words_ready = true;
        }
        return lower_words.contains(w);
    }

    bool function_word(std::uint32_t i) const { return !st.lex[i].all_caps && lw(i).function_word; }

    bool compute_name_like(std::uint32_t i) const {
        const Token& t = T[i];
        if (t.kind == TokKind::punct || st.lex[i].possessive) return false;
        if (!st.lex[i].alpha) return false;
        // A web address has a '.', which a word whose fold is its lower case has not.
        if (!(t.cap() || st.lex[i].upper_inside)) return !st.lex[i].fold_is_lower && domain_name(i) != nullptr;
        return !function_word(i);
    }
    bool name_like(std::uint32_t i) const { return name_like_[i]; }

    // The folded text of tokens [b, e), in fold_buf (valid until the next call).
    std::string_view fold_span(std::uint32_t b, std::uint32_t e) const { return fold(st.text(b, e)); }
    // fold_name(text), in fold_buf (valid until the next call).
    std::string_view fold(std::string_view text) const {
        if (fold_buf.size() < 2 * text.size()) fold_buf.resize(2 * text.size());
        bool space = false;
        return std::string_view(fold_buf.data(), fold_into(fold_buf.data(), 0, space, text));
    }
    const std::vector<GazEntry>* gaz_lookup(std::uint32_t b, std::uint32_t e) const { return lx.lookup_folded(fold_span(b, e)); }

    const GazEntry* gaz_best(std::uint32_t b, std::uint32_t e, bool allow_demonym) const {
        return gaz_best(lx.lookup_folded(fold_span(b, e)), allow_demonym);
    }
    const GazEntry* gaz_best(const std::vector<GazEntry>* es, bool allow_demonym) const {
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
    // Whether the gazetteer's longest match at b covers [b, e) and names a country or another place there.
    bool gaz_place(std::uint32_t b, std::uint32_t e) const {
        const GazEntry* g = nullptr;
        return gaz_match(b, e, false, &g) == e - b && (g->type == EntityType::LOCATION || g->type == EntityType::COUNTRY);
    }
    std::uint32_t gaz_match(std::uint32_t b, std::uint32_t e, bool demonym, const GazEntry** out) const {
        if (b >= e || !st.folded(b).gaz_first) return 0;  // most words start no name
        std::uint32_t max = std::min<std::uint32_t>(e - b, static_cast<std::uint32_t>(lx.gazetteer_max_words));
        // Fold the longest span once: the fold of [b, b + k) is its prefix of length prefix_ends[k].
        const std::string_view text = st.text(b, b + max);
        if (fold_buf.size() < 2 * text.size()) fold_buf.resize(2 * text.size());
        prefix_ends.resize(max + 1);
        bool space = false;
        std::size_t n = 0;
        for (std::uint32_t k = 1; k <= max; ++k) {
            const std::uint32_t from = k == 1 ? T[b].start : T[b + k - 2].end;
            n = fold_into(fold_buf.data(), n, space, std::string_view(st.doc->text).substr(from, T[b + k - 1].end - from));
            prefix_ends[k] = static_cast<std::uint32_t>(n);
        }
        // The candidate spans end in a capitalized word; request all their gazetteer slots before probing
        // any, so that the cache misses overlap.
        fold_hashes.assign(max + 1, 0);
        for (std::uint32_t k = max; k >= 1; --k) {
            if (!T[b + k - 1].cap() && !st.lex[b + k - 1].upper_inside) continue;
            fold_hashes[k] = string_hash(std::string_view(fold_buf.data(), prefix_ends[k]));
            lx.gazetteer.prefetch_slot(fold_hashes[k]);
        }
        for (std::uint32_t k = max; k >= 1; --k) {
            if (!T[b + k - 1].cap() && !st.lex[b + k - 1].upper_inside) continue;
            const auto* es = lx.gazetteer.find(std::string_view(fold_buf.data(), prefix_ends[k]), fold_hashes[k]);
            const GazEntry* g = nullptr;
            if (demonym) {
                if (es)
                    for (const auto& x : *es)
                        if (x.demonym) {
                            g = &x;
                            break;
                        }
            } else {
                g = gaz_best(es, false);
            }
            if (g) {
                if (out) *out = g;
                return k;
            }
        }
        return 0;
    }

    std::uint32_t role_match(std::uint32_t b, std::uint32_t e, std::string* role, std::string* code) const {
        if (b >= e || !lw(b).role_first) return 0;  // most words start no title
        std::uint32_t max = std::min<std::uint32_t>(e - b, static_cast<std::uint32_t>(lx.roles_max_words));
        // The phrase of [b, b + k) is the prefix of the longest phrase up to the end of its k-th word.
        phrase_buf.clear();
        prefix_ends.assign(max + 1, 0);
        for (std::uint32_t k = 1; k <= max; ++k) {
            if (k > 1) phrase_buf += ' ';
            phrase_buf += low(b + k - 1);
            prefix_ends[k] = static_cast<std::uint32_t>(phrase_buf.size());
        }
        for (std::uint32_t k = max; k >= 1; --k) {
            const std::string_view phrase = std::string_view(phrase_buf).substr(0, prefix_ends[k]);
            if (const std::string* c = lx.role(phrase)) {
                if (role) *role = std::string(phrase);
                if (code) *code = *c;
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
        const Cue* c = lx.cues.find(low(i).substr(dot));
        return c && c->where == Cue::domain ? c : nullptr;
    }

    const Cue* cue(std::uint32_t i) const { return lw(i).cue; }
    // Whether a word of [b, e) is a body's word wherever it stands ("Universiti", "Instituto", "Ministry").
    bool any_cue(std::uint32_t b, std::uint32_t e) const {
        for (std::uint32_t i = b; i < e; ++i)
            if (const Cue* c = cue(i); c && c->where == Cue::any && c->type == EntityType::ORGANIZATION) return true;
        return false;
    }
    // "Secretary of State": is "<word a> of <word b>" a title?
    bool role_of_phrase(std::uint32_t a, std::uint32_t b) const {
        phrase_buf.clear();
        phrase_buf += low(a);
        phrase_buf += " of ";
        phrase_buf += low(b);
        return lx.role(phrase_buf) != nullptr;
    }
    // "Prime Minister Datuk Seri X": the title before an honorific that starts at p is the mention's role.
    // Returns where the role now starts (p when there is no such title).
    std::uint32_t title_before_honorific(MentionCand& m, std::uint32_t p, std::uint32_t begin) const {
        if (m.role_code != "HON") return p;
        for (std::uint32_t q = p > begin + 4 ? p - 4 : begin; q < p; ++q) {
            std::string role, code;
            if (role_match(q, p, &role, &code) == p - q && code != "HON") {
                m.role = role;
                m.role_code = code;
                return q;
            }
        }
        return p;
    }
    // A body's head word ("Ministry", "Council", data/cues.tsv).
    bool body_word(std::uint32_t i) const {
        const Cue* c = cue(i);
        return c && (c->where == Cue::head || c->where == Cue::any) && c->type == EntityType::ORGANIZATION;
    }
    bool cue_head(std::uint32_t i) const {
        const Cue* c = cue(i);
        return c && c->where != Cue::after && c->type != EntityType::LOCATION;
    }

    static bool is_dash(std::string_view t) {
        return t == "-" || t == "--" ||
               (t.size() == 3 && t[0] == '\xE2' && t[1] == '\x80' && t[2] >= '\x90' && t[2] <= '\x95');
    }

    // A dateline opens a story with the place it was filed from, in capitals: "KUALA LUMPUR, Jan 10 -",
    // "LONDON (Reuters) -", "SPRINGFIELD, Ill. -", "PONTIAN:". Capitals carry no evidence to the model, and
    // such places are often unknown to the gazetteer: the convention itself says "a place". Returns the
    // place's end token (begin: the sentence's first token), or 0 when sentence s opens with no dateline.
    // Only at a line start among the first sentences, where stories put it (later, a capitalized word
    // before a colon is more often a speaker's label).
    std::uint32_t dateline(std::uint32_t s) const {
        if (s >= 3) return 0;
        const Sentence& se = st.tok.sentences[s];
        const std::uint32_t b = se.begin;
        const std::string& text = st.doc->text;
        for (std::size_t k = T[b].start; k > 0;) {
            const char c = text[--k];
            if (c == '\n') break;
            if (c != ' ' && c != '\t' && c != '\r') return 0;
        }
        std::uint32_t e = b;
        bool uncommon = false;
        while (e < se.end && e - b < 4 && T[e].kind == TokKind::word && st.lex[e].all_caps && !st.lex[e].digit &&
               !lw(e).function_word) {
            if (lw(e).role || lw(e).role_first) return 0;  // "SECRETARY KERRY:", a speaker's label
            uncommon |= !(lw(e).common || (lw(e).info && lw(e).info->tag != Upos::PROPN));
            ++e;
        }
        if (e == b || e + 1 >= se.end) return 0;
        const std::string_view next = T[e].text;
        if (next == ",") {
            // A date after the comma ("Jan 10", "Monday"), or a state or country and then the story.
            const std::uint32_t j = e + 1;
            if (xw(j).non_name || (T[j].cap() && j + 1 < se.end && T[j + 1].kind == TokKind::number)) return e;
            std::uint32_t k = j;
            while (k < se.end && k - j < 4 && (T[k].cap() || T[k].text == ".")) ++k;
            if (k == j || k >= se.end || !(is_dash(T[k].text) || T[k].text == "(")) return 0;
        } else if (!(next == ":" || next == "(" || is_dash(next))) {
            return 0;
        }
        // "BREAKING:", "EDIT:": a label of ordinary words is no place, unless the gazetteer knows it.
        if (!uncommon && !gaz_best(b, e, false)) return 0;
        return e;
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
        if (e == b + 1 && lx.money(T[b].text)) return;  // "RM133": an amount, whichever rule found it
        m.b = b;
        m.e = e;
        m.sentence = s;
        m.surface = std::string(st.text(b, e));
        st.mentions.push_back(std::move(m));
    }

    // Types a name [b, e) from the name itself and its context.
    void type_name(MentionCand& m, std::uint32_t b, std::uint32_t e) const {
        auto set = [&](EntityType t, TypeSource src) {
            if (src > m.source || m.type == EntityType::UNKNOWN) {
                m.type = t;
                m.source = src;
            }
        };
        if (const GazEntry* g = gaz_best(b, e, false)) {
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
            if (!c || c->where == Cue::after || c->where == Cue::first) continue;
            if (c->where == Cue::any || i == head || (c->where == Cue::legal && i > b)) {
                if (e - b >= 2 || c->where == Cue::legal) set(c->type, TypeSource::cue);
            }
        }
        if (e - b >= 2)
            if (const Cue* c = cue(b); c && c->where == Cue::first) set(c->type, TypeSource::cue);
        if (m.source == TypeSource::cue) return;
        // Model codes: "Walker S2", "R1".
        std::string_view last = T[e - 1].text;
        if (st.lex[e - 1].digit && st.lex[e - 1].alpha && last.size() <= 6) {
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
        if (e - b == 1 && b > 0 && (low(b - 1) == "its" || low(b - 1) == "their") && !lw(b).role)
            set(EntityType::PRODUCT, TypeSource::weak);
        // A context noun right before ("startup X", "analyst Jane Roe"), or a list introduced by one.
        if (auto t = context_type(b)) set(*t, TypeSource::context);
        if (m.source >= TypeSource::context) return;
        // Person names: two or three plain capitalized words whose first is a known given name.
        if (e - b >= 2 && e - b <= 3) {
            bool plain = true;
            for (std::uint32_t i = b; i < e; ++i) plain = plain && st.lex[i].plain_cap;
            if (plain) {
                const auto* counts = xw(b).person;
                unsigned firsts = counts ? counts->first : 0;
                bool common_first = lw(b).common;
                if (firsts >= 3 && !common_first) set(EntityType::PERSON, TypeSource::context);
                else if (firsts >= 1 && !common_first) set(EntityType::PERSON, TypeSource::weak);
                else if (b >= 2 && st.lex[b - 1].possessive) set(EntityType::PERSON, TypeSource::weak);
                else if (e < T.size() && (low(e) == "said" || low(e) == "says" || low(e) == "told")) set(EntityType::PERSON, TypeSource::weak);
            }
        }
        if (m.source >= TypeSource::weak) return;
        if (e - b == 1 && st.lex[b].plain_cap && !lw(b).common) {
            // A lone surname or given name ("Liang's remarks") seen in person names more than once.
            const auto* counts = xw(b).person;
            if (counts && counts->first + counts->second >= 2 && (counts->second >= 1 || counts->first >= 2) && e < T.size() &&
                (st.lex[e].possessive || is_verb_after(e))) {
                set(EntityType::PERSON, TypeSource::weak);
                return;
            }
        }
        if (e - b == 1 && (st.lex[b].upper_inside || st.lex[b].all_caps || T[b].text.find('.') != std::string_view::npos))
            set(EntityType::COMPANY, TypeSource::weak);
        else
            set(e - b == 1 ? EntityType::COMPANY : EntityType::ORGANIZATION, TypeSource::fallback);
    }

    bool is_verb_after(std::uint32_t i) const { return i < T.size() && T[i].lower() && st.verb(i); }

    // Type implied by the words before a name: "startup X", "firms like Y and X", "luminaries such as X".
    std::optional<EntityType> context_type(std::uint32_t b) const {
        if (b == 0) return std::nullopt;
        auto noun_type = [&](std::uint32_t i) -> std::optional<EntityType> {
            // Lower case, or capitalized only because it opens the sentence ("Firms like X").
            if (!T[i].lower() && !(T[i].cap() && sentence_initial(i, st.tok.sentences[st.sentence_of(i)]))) return std::nullopt;
            const WordLex& w = lw(i);
            if (w.context) return *w.context;
            if (w.role) return EntityType::PERSON;
            return std::nullopt;
        };
        if (auto t = noun_type(b - 1)) return t;
        // Walk left over a list: names, commas, "and", "or", "to", "from".
        std::int64_t i = static_cast<std::int64_t>(b) - 1;
        int steps = 0;
        while (i >= 0 && steps < 40) {
            ++steps;
            std::string_view w = low(static_cast<std::uint32_t>(i));
            if (w == "," || w == "and" || w == "or" || w == "to" || w == "from" || w == "&" || name_like(static_cast<std::uint32_t>(i)) ||
                st.lex[i].possessive || T[i].kind == TokKind::number) {
                --i;
                continue;
            }
            break;
        }
        if (i < 0) return std::nullopt;
        std::string_view w = low(static_cast<std::uint32_t>(i));
        std::int64_t noun = -1;
        // "firms like X", "the member companies comprise X, Y and Z", "three hospitals, namely X and Y".
        if (w == "like" || w == "including" || w == "comprise" || w == "comprising") noun = i - 1;
        else if (w == "namely") noun = i >= 2 && low(static_cast<std::uint32_t>(i - 1)) == "," ? i - 2 : i - 1;
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
            const WordInfo* w = lw(b).info;
            bool weak_word = w && w->lower_share >= 0.5f && w->tag != Upos::NOUN && w->tag != Upos::ADJ && w->tag != Upos::PROPN &&
                             !gaz_lookup(b, b + 1);
            bool lone_common = e - b == 1 && lw(b).common && !gaz_lookup(b, b + 1);
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
                if (const Cue* c = cue(e - 1); c && c->where != Cue::after && c->where != Cue::first) break;  // "General Motors"
                // What follows a title must look like a person's name ("President Jane Roe").
                bool person_like = e - (p + k) <= 3;
                for (std::uint32_t q = p + k; q < e && person_like; ++q)
                    person_like = st.lex[q].plain_cap || st.lex[q].all_caps || T[q].text == "-" || st.lex[q].upper_inside;
                if (const GazEntry* g = gaz_best(p + k, e, false); g && g->type != EntityType::PERSON)
                    person_like = false;
                if (!person_like) continue;
                const std::uint32_t name_start = p + k;
                // "Deputy Secretary of State X": title words before the title belong to it.
                if (p > b && role_match(b, p, nullptr, nullptr) == p - b) {
                    role = lower(std::string(st.text(b, name_start)));
                    p = b;
                }
                // "Sabah Chief Minister Datuk Seri X": the place's head's title before the honorific.
                std::uint32_t q = p;
                for (std::uint32_t t = b + 1; t < p; ++t)
                    if (place_title_at(t, p) == p - t) {
                        q = t;
                        break;
                    }
                if (q > b) {
                    MentionCand c;
                    type_name(c, b, q);
                    // "Tellburg Mayor X": before the title of a place's head, a name no list knows is the place.
                    if (c.source < TypeSource::lexicon && !adjective(b) && (q < p || place_title_at(p, e) == k)) {
                        c.type = EntityType::LOCATION;
                        c.source = TypeSource::cue;
                    }
                    if (c.type == EntityType::COUNTRY && c.source == TypeSource::lexicon) m.country = c.canonical;
                    if (!xw(b).common_acronym || q - b > 1) add(b, q, s, std::move(c));
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
        if (!(cue(e - 1) && cue(e - 1)->where != Cue::after && cue(e - 1)->where != Cue::first))
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
        if (xw(b).common_acronym) {
            bool cue_end = cue_head(e - 1);
            if (e - b == 1 || !cue_end) ++b;
            if (b >= e) return;
        }
        if (e - b == 1 && xw(b).common_acronym) return;
        // "DeepMind AI model": a trailing common acronym modifies the noun after the name.
        if (e - b > 1 && xw(e - 1).common_acronym && e < T.size() && T[e].lower() &&
            !function_word(e))
            --e;
        if (e - b == 1 && (xw(b).non_name || (cue(b) && cue(b)->where != Cue::legal)))
            return;
        if (xw(b).non_name) {  // "July 21": a date, not a name
            bool date = true;
            for (std::uint32_t q = b + 1; q < e && date; ++q) date = T[q].kind == TokKind::number;
            if (date) return;
        }  // "Friday", or a generic head noun capitalized by house style ("the Conference")
        const std::string_view surface = st.text(b, e);
        if (header) {
            bool ok = known.contains(fold(surface)) || gaz_lookup(b, e) || (st.title_case[s] && cue_head(e - 1)) ||
                      (e - b == 1 && (st.lex[b].upper_inside || st.lex[b].digit));
            if (!ok) {
                // Take the longest known or gazetteer names inside the run instead.
                for (std::uint32_t i = b; i < e;) {
                    std::uint32_t best = 0;
                    for (std::uint32_t k = e - i; k >= 1; --k) {
                        if (known.contains(fold_span(i, i + k)) || gaz_best(i, i + k, false)) {
                            best = k;
                            break;
                        }
                    }
                    if (best) {
                        MentionCand c;
                        type_name(c, i, i + best);
                        add(i, i + best, s, std::move(c));
                        i += best;
                    } else {
                        ++i;
                    }
                }
                return;
            }
        } else if (sentence_initial(b, se) && e - b == 1 && !gaz_lookup(b, e) && !st.lex[b].upper_inside &&
                   !st.lex[b].digit && !st.lex[b].all_caps) {
            // A lone capitalized word opening a sentence is a name only if the text treats it as one elsewhere:
            // decided after the whole document has been read.
            if (lw(b).common || writes_lower(low(b))) return;
            type_name(m, b, e);
            // A dateline ("Acme News, Friday, July 25 -") names its source at the start of a line.
            if (e + 1 < se.end && T[e].text == "," && xw(e + 1).non_name) {
                add(b, e, s, std::move(m));
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
            st.tag(e) == Upos::NOUN && !role_match(e, e + 1, nullptr, nullptr)) {
            m.b = b;
            m.e = e;
            m.sentence = s;
            m.surface = surface;
            attributive.push_back(std::move(m));
            return;
        }
        add(b, e, s, std::move(m));
    }

    // A name the recognizer found, tokens [b, e) of sentence s: titles, honorifics and a nationality
    // before it become the mention's role and country; its type is the model's class, made finer by the
    // gazetteer and cue words where they agree with it, else by the model's second stage.
    // Below this calibrated confidence the second stage's COMPANY/ORGANIZATION (or COUNTRY/LOCATION) gives
    // way to the rules' reading of the name. Chosen on WNUT-17 dev held out from a model trained without it
    // (company/group accuracy 9/19 trusting the model, 13/19 trusting the rules, 14/19 at 0.9).
    static constexpr float kUnsureFine = 0.9f;
    // Length of the title of a place's head (data/place_titles.txt: "chief minister") starting at token i,
    // at most three words and not past `end`; 0 if none.
    std::uint32_t place_title_at(std::uint32_t i, std::uint32_t end) const { return title_at(lx.place_titles, i, end); }
    // Likewise for the title of a body's head or officer (data/body_titles.txt: "secretary-general").
    std::uint32_t body_title_at(std::uint32_t i, std::uint32_t end) const { return title_at(lx.body_titles, i, end); }
    std::uint32_t title_at(const StringSet& titles, std::uint32_t i, std::uint32_t end) const {
        std::string phrase;
        std::uint32_t found = 0;
        // Up to three words; a hyphen between two of them ("secretary-general") is part of the title.
        for (std::uint32_t n = 1, words = 0; words < 3 && i + n <= end; ++n) {
            const Token& t = T[i + n - 1];
            if (t.kind == TokKind::word) {
                ++words;
            } else if (!(t.text == "-" && n > 1 && !t.space_before)) {
                break;
            }
            if (n > 1 && t.space_before) phrase += ' ';
            append_lower(phrase, T[i + n - 1].text);
            if (titles.contains(phrase)) found = n;
        }
        return found;
    }

    // Token i is an ordinary English word capitalized in a title, the field of an office ("Health" of "Health
    // Minister"): mostly written in lower case, and no body's word.
    bool field_word(std::uint32_t i) const {
        return st.lex[i].plain_cap && lw(i).info && lw(i).info->lower_share >= 0.5f && !body_word(i);
    }
    // Token i reads as an adjective, in the sentence or mostly in English ("Republican", "Liberal").
    bool adjective(std::uint32_t i) const {
        return st.tag(i) == Upos::ADJ || (st.lex[i].low.info && st.lex[i].low.info->tag == Upos::ADJ);
    }

    void take_model_span(std::uint32_t b, std::uint32_t e, std::uint32_t s, const ner::Span& given) {
        const Sentence& se = st.tok.sentences[s];
        ner::Span sp = given;
        // "the Communications Ministry and Finance Ministry": two bodies' names, each ending in a body's word,
        // read as one. (Not "the Ministry of Housing and Local Government", whose first part ends in none.)
        if (sp.coarse == ner::Coarse::ORG && e - b >= 5 && body_word(e - 1))
            for (std::uint32_t p = b + 2; p + 2 < e; ++p)
                if (low(p) == "and" && body_word(p - 1) && T[p + 1].cap()) {
                    take_model_span(p + 1, e, s, given);
                    e = p;
                    break;
                }
        // "Hurricane | Dorian", "Kampung | Tellburg": a capitalized word that opens names of its kind (cues.tsv
        // "first") right before the span is the name's first word, which the model often leaves out.
        if (b > se.begin && e - b <= 2 && T[b - 1].cap() && cue(b - 1) && cue(b - 1)->where == Cue::first) {
            --b;
            sp.fine = -1;
        }
        // "Sabah Chief Minister" read as a person, "Penang" of "Penang Chief Minister X" read as a body: a name
        // right before the title of a place's head is the place.
        // "Tellburg Health | Minister X", "Tellburg Home Affairs | Minister X": ordinary English words closing
        // the span right before "Minister" and a name are the title's field, not part of a body's name; the
        // words before them name the place or country.
        // Only a minister's field: other titles follow bodies' names ("League of X Citizens President Y").
        if (sp.coarse == ner::Coarse::ORG && e - b >= 2 && e + 1 < se.end && (T[e + 1].cap() || T[e + 1].text == ",") &&
            low(e) == "minister") {
            std::uint32_t q = e;
            while (q - 1 > b && field_word(q - 1)) --q;
            bool name_before = q < e;  // what stays is a name: no "of", no nationality word at its end
            for (std::uint32_t i = b; i < q && name_before; ++i) name_before = !lw(i).function_word;
            if (name_before && (adjective(q - 1) || gaz_match(b, q, true, nullptr) == q - b)) name_before = false;
            if (name_before) {
                e = q;
                sp.coarse = ner::Coarse::LOC;  // a government's minister: of a country or a state
                sp.fine = -1;
            }
        }
        // Also when the title goes on past the span ("Johor Menteri | Besar X").
        for (std::uint32_t p = b + 1; p < e; ++p)
            if (const std::uint32_t n = place_title_at(p, se.end); n && (n == e - p || (p + n > e && T[p].cap()))) {
                e = p;
                sp.coarse = ner::Coarse::LOC;
                sp.fine = -1;  // the second stage's reading was of another class
                break;
            }
        // "Jane Roe of Ipoh": a person of a place the gazetteer knows; the model reads one name. (Not a
        // noble's one name: "Catherine of Aragon".)
        if (sp.coarse == ner::Coarse::PER)
            for (std::uint32_t p = b + 2; p + 1 < e; ++p)
                if (low(p) == "of") {
                    const GazEntry* g = gaz_best(p + 1, e, false);
                    if (g && (g->type == EntityType::LOCATION || g->type == EntityType::COUNTRY)) e = p;
                    break;
                }
        // (Not a party's adjective: "Republican Governor X".)
        // A person's span too when a name follows the title: titles come before names, not after.
        if (const std::uint32_t n = sp.coarse != ner::Coarse::LOC && e - b <= 3 && !adjective(b) ? place_title_at(e, se.end) : 0;
            n && (sp.coarse != ner::Coarse::PER || (e + n < se.end && T[e + n].cap()))) {
            sp.coarse = ner::Coarse::LOC;
            sp.fine = -1;
        }
        // "Nordpa president Jon Bell", "Kestrel CVLB director Jane Roe": a name no list knows, right before the
        // title of a body's head or officer and a name, is the body (the model often reads a person or a place).
        if ((sp.coarse == ner::Coarse::PER || sp.coarse == ner::Coarse::LOC) && e - b <= 3 && !xw(b).person && !gaz_lookup(b, e) &&
            !place_title_at(e, se.end))
            if (const std::uint32_t n = body_title_at(e, se.end); n && e + n < se.end && T[e + n].kind == TokKind::word && T[e + n].cap()) {
                sp.coarse = ner::Coarse::ORG;
                sp.fine = -1;
            }
        // "Tellburg's mayor", "Penang's chief minister": whose head the title names is a place.
        if (sp.coarse != ner::Coarse::LOC && e - b <= 3 && e + 1 < se.end && st.lex[e].possessive && place_title_at(e + 1, se.end)) {
            sp.coarse = ner::Coarse::LOC;
            sp.fine = -1;
        }
        // "Captain Rochester", "Mr Jordan": a title or honorific right before a short name the model read as a
        // place names a person (a place's title follows it: "Texas Governor X").
        if (sp.coarse == ner::Coarse::LOC && e - b <= 2 && b > se.begin && !lw(b - 1).function_word)  // not "Ambassador to X"
            for (std::uint32_t p = b > se.begin + 3 ? b - 3 : se.begin; p < b; ++p) {
                std::string role, code;
                // Titles of people only: "airline Mahan Air", "agency X" are a body's kind (BUS, CVL...).
                if (role_match(p, b, &role, &code) == b - p &&
                    (code == "HON" || code.compare(0, 3, "GOV") == 0 || code.compare(0, 3, "MIL") == 0 ||
                     code.compare(0, 3, "LEG") == 0 || code.compare(0, 3, "JUD") == 0 || code.compare(0, 3, "COP") == 0)) {
                    sp.coarse = ner::Coarse::PER;
                    break;
                }
            }
        // Hyphenated words are one word: a span never ends or starts inside one ("Pan-African", "Chi-wai"),
        // unless the pieces are names of their own ("US-China"); an English word joined on ("U.S.-led",
        // "Kremlin-backed") is no part of the name.
        // A lower-case syllable closing a person's hyphenated given name ("Kwok-hung", "Pik-wan"): the name
        // lists know it, capitalized, as a name word of several people. (Not a particle before a surname:
        // "al-Muhandis" alone stays "Muhandis", the short form of "Abu Mahdi al-Muhandis".)
        auto name_syllable = [&](std::uint32_t piece) {
            if (sp.coarse != ner::Coarse::PER || T[piece].text.size() > 5 || !T[piece].lower()) return false;
            std::string up(T[piece].text);
            up[0] = static_cast<char>(up[0] - 'a' + 'A');
            const auto* counts = lx.person_tokens.find(up);
            return counts && counts->first + counts->second >= 2;
        };
        auto joined = [&](std::uint32_t h, std::uint32_t piece) {  // token h: a hyphen between two words, no spaces
            return h > se.begin && h + 1 < se.end && T[h].text == "-" && !T[h].space_before && !T[h + 1].space_before &&
                   T[h - 1].kind == TokKind::word && T[h + 1].kind == TokKind::word &&
                   (T[piece].cap() || !lw(piece).info || (piece == h + 1 && name_syllable(piece))) &&
                   !(gaz_lookup(h - 1, h) && gaz_lookup(h + 1, h + 2));
        };
        while (b >= se.begin + 2 && joined(b - 1, b - 2)) b -= 2;
        while (e + 1 < se.end && joined(e, e + 1)) e += 2;
        // "Sen. X, D-Ohio,": a party's initial and a hyphen before a place the gazetteer knows, set off by
        // commas or brackets, abbreviate the party; the place is the name.
        if (e - b >= 3 && b > se.begin && (T[b - 1].text == "," || T[b - 1].text == "(") && T[b].text.size() == 1 &&
            T[b].cap() && T[b + 1].text == "-" && !T[b + 1].space_before && !T[b + 2].space_before) {
            if (gaz_place(b + 2, e)) {
                b += 2;
                sp.coarse = ner::Coarse::LOC;
                sp.fine = -1;
            }
        }
        // A leading article is not part of the name, unless the gazetteer names it with it ("The Hague").
        if (e - b >= 2 && low(b) == "the" && !gaz_lookup(b, e)) ++b;
        // A legal suffix belongs to the company's name ("Volkswagen AG", "Nexora Holdings Ltd."), which it types.
        while (e < se.end && T[e].cap() && cue(e) && cue(e)->where == Cue::legal) ++e;
        // A model code right after a maker's name names a product with it ("the Falcon X9 drone"); after a
        // place it is a postcode ("London E14"), not part of the name.
        bool coded = false;
        if (sp.coarse != ner::Coarse::LOC && e < se.end && T[e].space_before && T[e].cap() && st.lex[e].digit && T[e].text.size() <= 6 &&
            !lx.money(T[e].text)) {
            ++e;
            coded = true;
        }
        MentionCand m;
        m.confidence = sp.confidence;
        m.recognized = true;
        auto take_country = [&](std::uint32_t q, std::uint32_t p) {  // a demonym or country at [q, p)
            const GazEntry* g = nullptr;
            if (gaz_match(q, p, true, &g) == p - q || (gaz_match(q, p, false, &g) == p - q && g->type == EntityType::COUNTRY)) {
                m.country = g->canonical;
                m.mod_b = q;
                m.mod_e = p;
                return true;
            }
            return false;
        };
        // A person's span that is only a title or honorific ("Tunku Temenggong" of Johor) names no one. (Not
        // a body's: the agents list holds "Congress" and "Coast Guard", which are names.)
        if (sp.coarse == ner::Coarse::PER && role_match(b, e, nullptr, nullptr) == e - b) return;
        // Inside the span: "Chinese Premier Li Qiang" given whole; or a title begun before it ("Tan | Sri X").
        if (sp.coarse == ner::Coarse::PER) {
            for (std::uint32_t p = b > se.begin + 3 ? b - 3 : se.begin; p < b; ++p) {
                std::string role, code;
                const std::uint32_t k = role_match(p, e, &role, &code);
                if (k && p + k > b && p + k < e) {
                    m.role = role;
                    m.role_code = code;
                    b = p + k;
                    if (const std::uint32_t t = title_before_honorific(m, p, se.begin); t < p)
                        for (std::uint32_t q = t > se.begin + 3 ? t - 3 : se.begin; q < t; ++q)
                            if (take_country(q, t)) break;
                    break;
                }
            }
            for (std::uint32_t q = b + 1; q < e && q <= b + 3; ++q)
                if (take_country(b, q)) {
                    b = q;
                    break;
                }
            // An honorific inside the span opens the name ("Minister of Communications and Multimedia Tan Sri
            // X" read from "Multimedia"): what comes before it is the end of a title.
            if (m.role.empty())
                for (std::uint32_t p = b + 1; p + 1 < e && p <= b + 3; ++p) {
                    std::string role, code;
                    const std::uint32_t k = role_match(p, e, &role, &code);
                    if (k && code == "HON" && p + k < e && !lw(p - 1).function_word) {
                        b = p;
                        break;
                    }
                }
            const std::uint32_t titles_from = b;  // where the titles inside the span start
            for (std::uint32_t again = 0; again < 3 && b < e; ++again) {
                std::string role, code;
                const std::uint32_t k = role_match(b, e, &role, &code);
                if (!k || b + k >= e) break;
                // A capitalized word for ordinary people ("Hunter" of "Hunter Biden", "Mason"), inside the
                // sentence, is a given name: such words are no title before a name (CVL: civilians).
                if (code == "CVL" && k == 1 && T[b].cap() && b > se.begin) break;
                // An honorific after a title ("Prime Minister Datuk Seri X") leaves the title the role.
                if (code != "HON" || m.role.empty()) {
                    m.role = m.role.empty() ? role : m.role + " " + role;
                    m.role_code = code;
                }
                b += k;
            }
            if (b > titles_from)
                if (const std::uint32_t t = title_before_honorific(m, titles_from, se.begin); t < titles_from)
                    for (std::uint32_t q = t > se.begin + 3 ? t - 3 : se.begin; q < t; ++q)
                        if (take_country(q, t)) break;
        }
        // "the Sultan of Perak, X" read as one place: the office's title is no part of the place's name (the
        // relations read it before the name, as they read "the mayor of Paris, X"). Only before the holder's
        // name: "Kingdom of Hungary, Kingdom of Scotland" are states' names.
        if (sp.coarse == ner::Coarse::LOC && e + 1 < se.end && T[e].text == "," && T[e + 1].cap() &&
            (lw(e + 1).role_first || !st.folded(e + 1).gaz_first)) {
            auto title_of = [&](std::uint32_t i, std::uint32_t end) {  // "Sultan of ": its length, else 0
                const std::uint32_t k = role_match(i, end, nullptr, nullptr);
                return k && i + k + 1 < end && low(i + k) == "of" && T[i + k + 1].cap() ? k + 1 : 0;
            };
            if (const std::uint32_t k = title_of(b, e); k && !title_of(e + 1, se.end)) b += k;
        }
        // "the Senate Majority Leader", "Acme CEO": a person's title (one data/role_relations.tsv names)
        // after a body's name is no part of it; the relations read it as the title of the name after.
        if (sp.coarse == ner::Coarse::ORG && e - b >= 2)
            for (std::uint32_t p = b + 1; p < e; ++p) {
                std::string role, code;
                if (role_match(p, e, &role, &code) != e - p || code == "HON") continue;
                const std::string_view last = low(e - 1);
                if (!lx.role_predicates.find(last) && !lx.role_predicates.find(role)) break;
                const std::string_view before = low(p - 1);
                if (before == "of" || before == "the" || before == "and" || before == "for" || before == "&") break;
                e = p;
                // "Colorado Gov. X" read as one body: what is left is a place the gazetteer knows, which the
                // title of its head makes no body.
                if (gaz_place(b, e)) {
                    sp.coarse = ner::Coarse::LOC;
                    sp.fine = -1;
                }
                break;
            }
        if (b >= e) return;
        // Before the span: the longest title ending right before it, then a nationality before that.
        // (Not a noun that introduces a body's or a thing's name: "daily newspaper X", "startup X".)
        const bool body_noun = b > se.begin && T[b - 1].lower() && lx.thing_nouns.contains(low(b - 1));
        if (sp.coarse == ner::Coarse::PER && m.role.empty() && !body_noun) {
            for (std::uint32_t p = b > se.begin + 4 ? b - 4 : se.begin; p < b; ++p) {
                std::string role, code;
                if (role_match(p, b, &role, &code) != b - p) continue;
                m.role = role;
                m.role_code = code;
                p = title_before_honorific(m, p, se.begin);
                bool taken = false;
                for (std::uint32_t q = p > se.begin + 3 ? p - 3 : se.begin; q < p && !taken; ++q) taken = take_country(q, p);
                // "Germany's Chancellor X": the country before a possessive.
                if (!taken && p > se.begin + 1 && st.lex[p - 1].possessive)
                    for (std::uint32_t q = p - 1 > se.begin + 3 ? p - 4 : se.begin; q < p - 1 && !taken; ++q) taken = take_country(q, p - 1);
                // "Kenya Health Minister X": ordinary words between the country and "Minister" are the office's
                // field (not before other titles: "League of ... American Citizens President X").
                if (!taken && m.role == "minister") {
                    std::uint32_t f = p;
                    while (f > se.begin + 1 && p - f < 3 && field_word(f - 1)) --f;
                    const std::uint32_t g = f < p && f > se.begin + 1 && st.lex[f - 1].possessive ? f - 1 : f;  // "Kenya's Health Minister"
                    for (std::uint32_t q = g > se.begin + 3 ? g - 3 : se.begin; f < p && q < g && !taken; ++q) taken = take_country(q, g);
                }
                break;
            }
        }
        // "Friday", "July 21", "AI": words that name nothing by themselves.
        bool only_non_names = true;
        for (std::uint32_t q = b; q < e && only_non_names; ++q)
            only_non_names = xw(q).non_name || T[q].kind == TokKind::number || T[q].kind == TokKind::punct || lx.money(T[q].text);
        if (only_non_names) return;
        if (e - b == 1 && xw(b).common_acronym) return;
        const GazEntry* demo = nullptr;
        if (gaz_match(b, e, true, &demo) == e - b && sp.coarse != ner::Coarse::PER) return;  // "Chinese": a nationality
        type_name(m, b, e);
        const EntityType rule = m.type;
        const bool strong = m.source >= TypeSource::cue;
        auto fits = [&](EntityType t) {
            switch (sp.coarse) {
                case ner::Coarse::PER: return t == EntityType::PERSON;
                case ner::Coarse::ORG: return t == EntityType::COMPANY || t == EntityType::ORGANIZATION;
                case ner::Coarse::LOC: return t == EntityType::COUNTRY || t == EntityType::LOCATION;
                case ner::Coarse::MISC: return t == EntityType::EVENT || t == EntityType::PRODUCT || t == EntityType::POLICY;
            }
            return false;
        };
        // A law or plan read as an organization ("the Clean Air Act"), an event as a thing: the head word
        // of the name decides between classes the model confuses.
        const bool legal = cue(e - 1) && cue(e - 1)->where == Cue::legal;  // "... Holdings Ltd." is a company
        const bool head_cue = strong && m.source == TypeSource::cue &&
                              (rule == EntityType::POLICY || (rule == EntityType::EVENT && sp.coarse != ner::Coarse::PER) ||
                               (rule == EntityType::COMPANY && legal) ||
                               // "Kampung X", "Hurricane X": the generic word that opens the name types it
                               ((rule == EntityType::LOCATION || rule == EntityType::EVENT) && sp.coarse == ner::Coarse::PER && cue(b) &&
                                cue(b)->where == Cue::first && cue(b)->type == rule) ||
                               (rule == EntityType::ORGANIZATION && sp.coarse == ner::Coarse::LOC) ||
                               (rule == EntityType::ORGANIZATION && sp.coarse == ner::Coarse::PER && any_cue(b, e)));
        // The words around this mention ("startups such as X", "its X robot", "analyst X") say more about
        // it than the model's reading of the name, which has seen few names of its kind.
        const bool context_says = (m.source == TypeSource::context && context_type(b) == std::optional<EntityType>(rule)) ||
                                  (m.source >= TypeSource::weak && rule == EntityType::PRODUCT);
        // A place of several words the gazetteer knows and knows no person by ("Lahad Datu"): the model,
        // which has seen few such names, reads them as people's.
        auto names_person = [&] {
            const auto* es = gaz_lookup(b, e);
            return es && std::any_of(es->begin(), es->end(), [](const GazEntry& g) { return g.type == EntityType::PERSON; });
        };
        const bool gazetteer_place = rule == EntityType::LOCATION && m.source == TypeSource::lexicon && sp.coarse == ner::Coarse::PER &&
                                     e - b >= 2 && !names_person();
        if (coded) {
            m.type = EntityType::PRODUCT;
            m.source = TypeSource::cue;
            m.canonical.clear();
        } else if ((strong && (fits(rule) || head_cue)) || context_says || gazetteer_place) {
            // the gazetteer or a cue word agrees with the model, or the context decides: keep the finer type
        } else if (sp.coarse == ner::Coarse::PER) {
            m.type = EntityType::PERSON;
            m.source = TypeSource::context;
            m.canonical.clear();
        } else {
            static constexpr EntityType fine_types[ner::n_fine] = {EntityType::COMPANY, EntityType::ORGANIZATION, EntityType::COUNTRY,
                                                                   EntityType::LOCATION, EntityType::EVENT, EntityType::PRODUCT,
                                                                   EntityType::UNKNOWN};
            // No fine type when the document's vote moved the span to another class: the class's usual one.
            const EntityType usual = sp.coarse == ner::Coarse::ORG   ? EntityType::ORGANIZATION
                                     : sp.coarse == ner::Coarse::LOC ? EntityType::LOCATION
                                                                     : EntityType::UNKNOWN;
            // An unsure second stage leaves the choice to the name's own shape, as the rules read it (one
            // unknown word is most often a company, several an organization).
            const bool unsure = sp.fine >= 0 && sp.fine_confidence < kUnsureFine && fits(rule);
            const EntityType t = sp.fine >= 0 && !unsure ? fine_types[sp.fine] : fits(rule) ? rule : usual;
            if (t == EntityType::UNKNOWN) return;  // a title of a work, an award: none of the eight types
            m.type = t;
            m.source = TypeSource::context;
            m.confidence *= sp.fine_confidence;
            if (!fits(rule)) m.canonical.clear();
        }
        add(b, e, s, std::move(m));
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
        // Runs never cross header_end (see below), so a pass reads only its side of it: the header runs in
        // the title pass, the others in the ordinary one. Most sentences have no header, so the title pass
        // skips them entirely. (From header_end on, the ordinary pass meets the runs it met when it read
        // the header's runs first: each of those ended before header_end.)
        std::uint32_t i = title_pass ? se.begin : header_end;
        const std::uint32_t stop = title_pass ? header_end : se.end;
        while (i < stop) {
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
                    (j + 1 >= se.end || !T[j + 1].lower() || !lw(j + 1).info || lw(j + 1).info->tag != Upos::NOUN)) {
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
                std::string_view w = low(j);
                // "Bank of X", "Meeting on X", "Secretary of State": connectors after a head word or a title.
                if ((w == "of" || w == "for" || w == "on" || w == "&" || w == "de") && j + 1 < se.end && name_like(j + 1) &&
                    (cue_head(last) || w == "&" ||
                     (w == "of" && (lw(last).role || role_of_phrase(last, j + 1))))) {
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

// The mention covering each token (an index into mentions), -1 for none.
std::vector<int> token_owners(const std::vector<MentionCand>& mentions, std::size_t tokens) {
    std::vector<int> owner(tokens + 1, -1);
    for (std::size_t k = 0; k < mentions.size(); ++k)
        for (std::uint32_t i = mentions[k].b; i < mentions[k].e; ++i) owner[i] = static_cast<int>(k);
    return owner;
}

// Removes the mentions marked in drop (which may be shorter than mentions: the rest stay), in order.
void erase_marked(std::vector<MentionCand>& mentions, const std::vector<char>& drop) {
    if (std::find(drop.begin(), drop.end(), 1) == drop.end()) return;
    std::size_t out = 0;
    for (std::size_t k = 0; k < mentions.size(); ++k)
        if (k >= drop.size() || !drop[k]) {
            if (out != k) mentions[out] = std::move(mentions[k]);
            ++out;
        }
    mentions.resize(out);
}

bool is_bullet(std::string_view t) {
    return t == "-" || t == "*" || t == ">" || t == "\xE2\x80\xA2" /* • */ || t == "\xE2\x80\x93" /* – */ ||
           t == "\xE2\x80\x94" /* — */ || t == "\xC2\xB7" /* · */;
}

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
        if (T[i].kind != TokKind::word || !st.lex[i].alpha) continue;
        ++words;
        if (T[i].cap()) ++caps;
        else if (T[i].lower()) ++lowers;
    }
    // "OUR TAKE", "In Summary", "World Summit To Open In Paris": no lower-case word at all.
    return (lowers == 0 && words >= 2) || (words >= 8 && caps * 20 >= words * 17);
}


// True when the words [b, e) can spell `acr` by their initials: each word that is not a function word
// gives the acronym's next letter by its first letter, and may give more by letters later in it
// ("identification" gives I and D of RFID); a function word ("of", "on") gives its first letter or none.
bool spells(const DocState& st, std::uint32_t b, std::uint32_t e, std::string_view acr) {
    const auto& T = st.tok.tokens;
    auto low = [](char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); };
    // Depth-first over (word, letters spelled so far): expansions are a few words, acronyms a few letters.
    std::vector<std::pair<std::uint32_t, std::size_t>> todo{{b, 0}};
    while (!todo.empty()) {
        auto [i, a] = todo.back();
        todo.pop_back();
        while (i < e && T[i].text == "-") ++i;
        if (i == e) {
            if (a == acr.size()) return true;
            continue;
        }
        const std::string_view w = T[i].text;
        if (st.lex[i].low.function_word) todo.push_back({i + 1, a});
        if (a == acr.size() || low(acr[a]) != w[0]) continue;
        todo.push_back({i + 1, a + 1});
        for (std::size_t k = 1, at = 1; a + k < acr.size(); ++k) {
            const std::size_t found = w.find(low(acr[a + k]), at);
            if (found == std::string_view::npos) break;
            at = found + 1;
            todo.push_back({i + 1, a + k + 1});
        }
    }
    return false;
}

// Sports reports name teams by their town, state or country ("Tellburg edged Kestrel 2-1", "Tellburg are
// fifth"): in a document with enough words of sports reporting (data/sports.tsv), a place's name that some
// sentence uses as a team's (a competition verb or a score after it, "over"/"against" before it) and none as
// a place's ("in Tellburg") is the team, an organization, wherever the document writes it.
void teams_named_by_place(DocState& st) {
    const Lexicons& lx = *st.lx;
    if (lx.sports.empty() || st.mentions.empty()) return;
    const auto& T = st.tok.tokens;
    auto bits = [&](std::uint32_t i) {
        const unsigned char* b = lx.sports.find(st.lower_tok(i));
        return b ? *b : 0;
    };
    StringSet topics;
    for (std::uint32_t i = 0; i < T.size() && topics.size() < 4; ++i)
        if (T[i].kind == TokKind::word && (bits(i) & Lexicons::sports_topic)) topics.emplace(st.lower_tok(i), 1);
    if (topics.size() < 4) return;
    auto place = [](const MentionCand& m) { return m.type == EntityType::LOCATION || m.type == EntityType::COUNTRY; };
    StringMap<std::pair<int, int>> uses;  // name → (as a team, as a place)
    for (const MentionCand& m : st.mentions) {
        if (!place(m) || m.pseudo) continue;
        const Sentence& se = st.tok.sentences[m.sentence];
        const std::string_view before = m.b > se.begin ? st.lower_tok(m.b - 1) : std::string_view();
        const bool score = m.e + 2 < se.end && T[m.e].kind == TokKind::number && T[m.e + 1].text == "-" &&
                           T[m.e + 2].kind == TokKind::number;
        const bool team = score || (m.e < se.end && (bits(m.e) & Lexicons::sports_after)) ||
                          (m.b > se.begin && (bits(m.b - 1) & Lexicons::sports_before));
        // A place's use: after a preposition of place, or the country as such ("countries like X", "X as a country").
        const bool locative = before == "in" || before == "at" || before == "from" || before == "near" || before == "to" ||
                              before == "into" || before == "across" || before == "around" || before == "throughout" ||
                              before == "like" || (m.e < se.end && st.lower_tok(m.e) == "as");
        auto& u = *uses.try_emplace(m.surface).first;
        u.first += team;
        u.second += locative;
    }
    for (MentionCand& m : st.mentions) {
        if (!place(m) || m.pseudo) continue;
        const auto* u = uses.find(m.surface);
        if (!u || u->first == 0 || u->second > 0) continue;
        m.type = EntityType::ORGANIZATION;
        // As sure as a gazetteer's reading: the other documents' votes for the place must not undo it (the
        // team and the place are two entities).
        m.source = TypeSource::lexicon;
        m.canonical.clear();
        m.country.clear();
        m.seat = false;
        m.dateline = false;
    }
}

// Acronyms the document defines by a lower-case phrase: "intensive care units (ICU)", "year-on-year (YoY)",
// "loan-to-value (LTV) ratio". Names are capitalized; an acronym of ordinary words is a noun's short form,
// wherever the document writes it.
StringSet lowercase_defined_acronyms(const DocState& st) {
    StringSet out;
    const auto& T = st.tok.tokens;
    for (const Sentence& se : st.tok.sentences)
        for (std::uint32_t i = se.begin + 2; i + 1 < se.end; ++i) {
            if (T[i - 1].text != "(" || T[i + 1].text != ")" || T[i].kind != TokKind::word) continue;
            const std::string_view acr = T[i].text;
            std::size_t upper = 0;
            for (char c : acr) upper += c >= 'A' && c <= 'Z';
            if (upper < 2 || acr.size() > 8 || st.lex[i].digit) continue;
            // The shortest run of lower-case words right before the bracket that spells it.
            const std::uint32_t open = i - 1;
            std::uint32_t words = 0;
            for (std::uint32_t b = open; b > se.begin && words < acr.size() + 4;) {
                --b;
                if (T[b].text == "-") continue;
                if (T[b].kind != TokKind::word || !T[b].lower()) break;
                ++words;
                if (!st.lex[b].low.function_word && spells(st, b, open, acr)) {
                    out.emplace(acr, 1);
                    break;
                }
            }
        }
    return out;
}

}  // namespace

// The recognizer's confidence from which one ordinarily lower-case word is taken as a name on its own.
constexpr float kSureName = 0.9f;

void find_mentions(DocState& st) {
    st.mentions.reserve(st.tok.tokens.size() / 4 + 16);  // about one name per 8 tokens in news; moves are dear
    st.title_case.clear();
    for (const Sentence& se : st.tok.sentences) st.title_case.push_back(is_title_case(st, se));
    Finder f(st);
    // The capitalized-run rules first, kept aside: below, what they find outside the model's names is
    // added when a gazetteer entry or a cue word vouches for it.
    for (std::uint32_t s = 0; s < st.tok.sentences.size(); ++s) f.scan_sentence(s, false);
    f.known.reserve(st.mentions.size());
    f.known_words.reserve(2 * st.mentions.size());
    for (const MentionCand& m : st.mentions) {
        f.known.emplace(f.fold(m.surface), 1);
        if (m.e - m.b >= 2) {
            f.known_words.emplace(f.fold(st.tok.tokens[m.b].text), 1);
            f.known_words.emplace(f.fold(st.tok.tokens[m.e - 1].text), 1);
        }
    }
    for (MentionCand& m : f.tentative)
        if (f.known.contains(f.fold(m.surface)) || f.known_words.contains(f.fold(m.surface))) st.mentions.push_back(std::move(m));
    for (MentionCand& m : f.attributive)
        if (f.known.contains(f.fold(m.surface))) st.mentions.push_back(std::move(m));
    for (std::uint32_t s = 0; s < st.tok.sentences.size(); ++s) f.scan_sentence(s, true);
    std::vector<MentionCand> rules = std::move(st.mentions);
    st.mentions.clear();
    const ner::Recognizer& rec = ner::Recognizer::get();
    thread_local std::vector<std::string_view> words;
    thread_local std::vector<ner::TokenFacts> facts;
    thread_local std::vector<const WordLex*> low;
    thread_local std::vector<const NameLex*> written;
    thread_local std::vector<ner::Span> spans;
    thread_local std::vector<std::uint32_t> span_sentence;
    spans.clear();
    span_sentence.clear();
    ner::Memory memory;
    const auto& T = st.tok.tokens;
    for (std::uint32_t s = 0; s < st.tok.sentences.size(); ++s) {
        const Sentence& se = st.tok.sentences[s];
        // A bullet opening a line is layout, not text: the model reads the sentence after it, as it saw
        // sentences in training.
        std::uint32_t begin = se.begin;
        while (begin < se.end && T[begin].kind == TokKind::punct && is_bullet(T[begin].text)) ++begin;
        if (!ner::may_hold_name(
                se.end - begin, [&](std::size_t k) { return T[begin + k].cap() || st.lex[begin + k].upper_inside; },
                [&](std::size_t k) { return st.lex[begin + k].low.function_word; }))
            continue;  // names are capitalized: the model finds none here (and is not asked)
        words.clear();
        for (std::uint32_t i = begin; i < se.end; ++i) words.push_back(T[i].text);
        low.clear();
        written.clear();
        for (std::uint32_t i = begin; i < se.end; ++i) {
            low.push_back(&st.lex[i].low);
            written.push_back(&st.as_written(i));
        }
        ner::fill_facts(*st.lx, words.data(), words.size(), facts, low.data(), written.data());
        st.tag(se.end - 1);  // the whole sentence in one call (a call per word re-reads its neighbours)
        for (std::uint32_t i = begin; i < se.end; ++i) facts[i - begin].pos = st.tags[i];
        const std::size_t from = spans.size();
        rec.recognize(*st.lx, facts, memory, spans);
        for (std::size_t k = from; k < spans.size(); ++k) {
            spans[k].b += begin;  // document token indices from here on
            spans[k].e += begin;
            span_sentence.push_back(s);
        }
    }
    // One name, one class in a document: the model sees one sentence at a time, and its mistakes about a
    // name ("Negri Sembilan" once a person) are outvoted by its other readings of the same words.
    {
        StringMap<std::array<float, ner::n_coarse>> votes;
        for (const ner::Span& sp : spans) (*votes.try_emplace(f.fold_span(sp.b, sp.e)).first)[int(sp.coarse)] += sp.confidence;
        StringMap<const ner::Span*> best_fine;  // the most confident span of the winning class, for its fine type
        for (ner::Span& sp : spans) {
            const auto& v = *votes.find(f.fold_span(sp.b, sp.e));
            const int win = static_cast<int>(std::max_element(v.begin(), v.end()) - v.begin());
            if (win != int(sp.coarse)) {
                sp.coarse = static_cast<ner::Coarse>(win);
                sp.fine = -1;
            }
        }
        for (const ner::Span& sp : spans) {
            if (sp.fine < 0) continue;
            auto [slot, added] = best_fine.try_emplace(f.fold_span(sp.b, sp.e));
            if (added || sp.fine_confidence > (*slot)->fine_confidence) *slot = &sp;
        }
        for (ner::Span& sp : spans)
            if (sp.coarse != ner::Coarse::PER)
                if (const ner::Span* const* b = best_fine.find(f.fold_span(sp.b, sp.e)); b && (*b)->coarse == sp.coarse) {
                    sp.fine = (*b)->fine;
                    sp.fine_confidence = (*b)->fine_confidence;
                }
    }
    // "Honda Malaysia", "Nestle India": a company and a country side by side name the company's national
    // arm. The model often reads two names there (or one place); the company's name leads.
    {
        auto country = [&](std::uint32_t b, std::uint32_t e) {
            const auto* es = f.gaz_lookup(b, e);
            return es && std::any_of(es->begin(), es->end(), [](const GazEntry& g) { return g.type == EntityType::COUNTRY && !g.demonym; });
        };
        StringSet org_names;
        for (const ner::Span& sp : spans)
            if (sp.coarse == ner::Coarse::ORG) org_names.emplace(f.fold_span(sp.b, sp.e), 1);
        StringSet short_names;  // the part before the country of a body read so below ("Bursa")
        std::size_t out = 0;
        for (std::size_t k = 0; k < spans.size(); ++k) {
            ner::Span sp = spans[k];
            // "Republican | Jon Bell", "Catholic | Jon Bell": one word of the miscellaneous class right before a
            // person's name is the person's party, faith or nationality, an adjective, not a name.
            if (sp.coarse == ner::Coarse::MISC && sp.e - sp.b == 1 && k + 1 < spans.size() &&
                span_sentence[k + 1] == span_sentence[k] && spans[k + 1].b == sp.e && spans[k + 1].coarse == ner::Coarse::PER)
                continue;
            if (sp.coarse == ner::Coarse::ORG && k + 1 < spans.size() && span_sentence[k + 1] == span_sentence[k] &&
                spans[k + 1].b == sp.e && spans[k + 1].coarse == ner::Coarse::LOC && country(spans[k + 1].b, spans[k + 1].e)) {
                sp.e = spans[k + 1].e;
                sp.confidence = std::min(sp.confidence, spans[k + 1].confidence);
                ++k;
            } else if (sp.coarse == ner::Coarse::PER && k + 1 < spans.size() && span_sentence[k + 1] == span_sentence[k] &&
                       spans[k + 1].b == sp.e && spans[k + 1].coarse == ner::Coarse::PER &&
                       spans[k + 1].e - sp.b <= 6 && !st.title_case[span_sentence[k]]) {
                // "Datuk Seri Ismail | Sabri Yaakob": two people's names with nothing between them are one
                // person's long name that the model cut (a list would have a comma or "and").
                sp.e = spans[k + 1].e;
                sp.confidence = std::min(sp.confidence, spans[k + 1].confidence);
                ++k;
            } else if (sp.coarse == ner::Coarse::LOC && sp.e - sp.b >= 2) {
                // Or a place of another country before the country's name ("Bursa Malaysia": Bursa lies in
                // Türkiye): no place is named so, a body often is.
                auto foreign_place = [&](std::uint32_t c) {
                    // Not "North America", "Ruanda-Urundi": a word the treebank knows or a hyphenated pair.
                    if (f.lw(sp.b).info || T[c - 1].text == "-" || T[c].text == "-") return false;
                    const auto* es = f.gaz_lookup(sp.b, c);
                    const auto* cs = f.gaz_lookup(c, sp.e);
                    if (!es || !cs) return false;
                    auto in = [&](const std::string& place_country) {
                        return std::any_of(cs->begin(), cs->end(), [&](const GazEntry& g) {
                            return g.type == EntityType::COUNTRY && !g.demonym && g.canonical == place_country;
                        });
                    };
                    bool foreign = false;
                    for (const GazEntry& g : *es) {
                        if (g.type != EntityType::LOCATION || g.country.empty()) continue;
                        if (in(g.country)) return false;
                        foreign = true;
                    }
                    return foreign;
                };
                for (std::uint32_t c = sp.b + 1; c < sp.e; ++c)
                    if (country(c, sp.e) && (org_names.contains(f.fold_span(sp.b, c)) || foreign_place(c))) {
                        sp.coarse = ner::Coarse::ORG;
                        sp.fine = -1;
                        short_names.emplace(f.fold_span(sp.b, c), 1);
                        break;
                    }
            }
            span_sentence[out] = span_sentence[k];
            spans[out++] = sp;
        }
        spans.resize(out);
        span_sentence.resize(out);
        // The body's name without its country, written alone ("Bursa" for "Bursa Malaysia"), is the body's.
        if (!short_names.empty())
            for (ner::Span& sp : spans)
                if (sp.coarse == ner::Coarse::LOC && short_names.contains(f.fold_span(sp.b, sp.e))) {
                    sp.coarse = ner::Coarse::ORG;
                    sp.fine = -1;
                }
    }
    for (std::size_t k = 0; k < spans.size(); ++k) f.take_model_span(spans[k].b, spans[k].e, span_sentence[k], spans[k]);
    {
        std::vector<char> taken(T.size(), 0);
        for (const MentionCand& m : st.mentions)
            for (std::uint32_t i = m.b; i < m.e; ++i) taken[i] = 1;
        for (MentionCand& m : rules) {
            if (m.source < TypeSource::context) continue;
            bool free = true;
            for (std::uint32_t i = m.b; i < m.e && free; ++i) free = !taken[i];
            if (free) st.mentions.push_back(std::move(m));
        }
    }
    // Coordinated words inside a body's name: "the Communications and Multimedia Ministry", "the Ministry of
    // Plantation Industries and Commodities", "the Committee on Oversight and Reform". The model and the runs
    // above stop at "and"; a name whose head is a body's word (or that goes on after "of"/"on"/"for" a body's
    // word) takes the ordinary capitalized words joined to it by "and", "&" or a comma. Not another name:
    // "Facebook and Instagram" are two.
    {
        std::vector<int> owner = token_owners(st.mentions, T.size());
        auto ordinary = [&](std::uint32_t i) {  // a capitalized word, not a person's name nor a proper noun's
            if (T[i].kind != TokKind::word || !T[i].cap() || st.lex[i].all_caps || st.lex[i].digit) return false;
            if (f.lw(i).function_word || f.xw(i).person || f.lw(i).role) return false;
            const WordInfo* w = f.lw(i).info;
            return !w || w->tag != Upos::PROPN;
        };
        // Token i is free, or a one-word organization the model read there ("Reform"), which the longer name
        // takes in; not a company, a place or a person ("the Ministry of Health and Pfizer").
        // (After a body's "of"/"on"/"for", also a word English often writes in lower case that the lexicon reads as
        // a proper noun ("for the Defence of") or the name lists as a surname too ("Human Rights").)
        auto free_word = [&](std::uint32_t i, bool after_connector = false) {
            const WordInfo* w = f.lw(i).info;
            const bool common_proper = after_connector && T[i].kind == TokKind::word && T[i].cap() && !st.lex[i].all_caps &&
                                       !f.lw(i).function_word && !f.lw(i).role && w &&
                                       (w->lower_share >= 0.5f || (!f.xw(i).person && w->lower_share >= 0.25f));
            if (!ordinary(i) && !common_proper) return false;
            if (owner[i] < 0) return true;
            const MentionCand& o = st.mentions[static_cast<std::size_t>(owner[i])];
            return o.e - o.b == 1 && o.type == EntityType::ORGANIZATION && o.source < TypeSource::lexicon;
        };
        auto body_head = [&](std::uint32_t i) {
            const Cue* c = f.cue(i);
            return c && c->type == EntityType::ORGANIZATION && (c->where == Cue::head || c->where == Cue::any);
        };
        StringSet names;  // every name of the document, and the gazetteer's, folded
        for (const MentionCand& m : st.mentions) names.emplace(f.fold(m.surface), 1);
        std::vector<char> drop(st.mentions.size(), 0);
        for (std::size_t k = 0; k < st.mentions.size(); ++k) {
            MentionCand& m = st.mentions[k];
            if (drop[k] || m.type != EntityType::ORGANIZATION || m.e - m.b > 8) continue;
            const Sentence& se = st.tok.sentences[m.sentence];
            std::uint32_t b = m.b, e = m.e;
            // Leftwards: "[Tourism, Arts and] Culture Ministry".
            bool joined = false;  // the name already joins words with "and" ("Arts and Culture Ministry")
            for (std::uint32_t i = b; i < e; ++i) joined |= T[i].text == "and" || T[i].text == "&";
            if (body_head(e - 1) && b >= se.begin + 2 &&
                (T[b - 1].text == "and" || T[b - 1].text == "&" || (joined && T[b - 1].text == ",")) && free_word(b - 2)) {
                std::uint32_t nb = b - 2;
                while (nb >= se.begin + 2 && T[nb - 1].text == "," && free_word(nb - 2) && b - nb < 6) nb -= 2;
                while (nb > se.begin && free_word(nb - 1) && b - nb < 6) --nb;
                // ("The" opening the sentence or following a dateline's colon is no name's word.)
                const bool cap_before = nb > se.begin && T[nb - 1].kind == TokKind::word && T[nb - 1].cap() &&
                                        !((nb - 1 == se.begin || T[nb - 2].kind == TokKind::punct) && f.lw(nb - 1).function_word);
                // Two names sharing a head ("the Democratic and Republican Party", when "Democratic Party" is
                // a name of its own), or a list before a name that opens with a place ("... and US Park Police").
                std::string shared = std::string(st.text(nb, b - 1)) + " " + std::string(T[e - 1].text);
                const std::string_view folded = f.fold(shared);
                const bool own_name = names.contains(folded) || st.lx->gazetteer.find(folded) || f.gaz_best(b, b + 1, true);
                if (!cap_before && !own_name) b = nb;
            }
            // Rightwards: "Ministry of Plantation Industries [and Commodities]", "Committee [on Oversight and Reform]".
            std::uint32_t head = e;  // a body's word followed by a connector, inside or at the end of the name
            for (std::uint32_t i = m.b; i + 1 < se.end && i < e; ++i)
                if (body_head(i) && (st.lower_tok(i + 1) == "of" || st.lower_tok(i + 1) == "on" || st.lower_tok(i + 1) == "for")) head = i;
            if (head < e) {
                std::uint32_t ne = e;
                if (head + 1 == e && ne + 1 < se.end) {  // "Committee" + "on Oversight", "Council" + "for the Welfare"
                    std::uint32_t q = ne + 1;
                    if (q + 1 < se.end && st.lower_tok(q) == "the") ++q;
                    const int o = owner[q];
                    if (free_word(q, true)) {
                        ne = q;
                        while (ne < se.end && free_word(ne, true)) ++ne;
                        // "... for the Welfare of Immigrants": one more "of" and its ordinary words.
                        if (ne + 1 < se.end && st.lower_tok(ne) == "of" && free_word(ne + 1, true)) {
                            ne += 1;
                            while (ne < se.end && free_word(ne, true)) ++ne;
                        }
                    } else if (o >= 0 && st.mentions[static_cast<std::size_t>(o)].b == q &&
                               st.mentions[static_cast<std::size_t>(o)].type == EntityType::ORGANIZATION &&
                               st.mentions[static_cast<std::size_t>(o)].source < TypeSource::lexicon) {
                        ne = st.mentions[static_cast<std::size_t>(o)].e;  // the model read the rest as a body of its own
                    }
                    if (ne < se.end && T[ne].kind == TokKind::word && T[ne].cap()) ne = e;  // a longer name goes on
                }
                if (ne < se.end && (T[ne].text == "and" || T[ne].text == "&") && ne + 1 < se.end && free_word(ne + 1)) {
                    std::uint32_t q = ne + 1;
                    while (q < se.end && free_word(q) && q - ne <= 3) ++q;
                    if (!(q < se.end && T[q].kind == TokKind::word && T[q].cap())) ne = q;
                }
                if (ne > e + 1 || (ne > e && T[e].text != "and")) e = ne;
            }
            if (b == m.b && e == m.e) continue;
            for (std::uint32_t i = b; i < e; ++i)
                if (owner[i] >= 0 && static_cast<std::size_t>(owner[i]) != k) drop[static_cast<std::size_t>(owner[i])] = 1;
            m.b = b;
            m.e = e;
            m.surface = std::string(st.text(b, e));
            m.canonical.clear();
            for (std::uint32_t i = b; i < e; ++i) owner[i] = static_cast<int>(k);
        }
        erase_marked(st.mentions, drop);
    }
    // An office's body named by its holder's title: "the Prime Minister's Department", "the Governor's
    // Office". The model reads the title as a person's and stops at the possessive; the body's word after it
    // (data/cues.tsv) makes the whole an organization's name. A one-word mention of an ordinary word there
    // ("Department" read alone) is part of it.
    {
        std::vector<int> owner = token_owners(st.mentions, T.size());
        auto free_word = [&](std::uint32_t i) {
            if (T[i].kind != TokKind::word || !T[i].cap()) return false;
            if (owner[i] < 0) return true;
            const MentionCand& o = st.mentions[static_cast<std::size_t>(owner[i])];
            return o.e - o.b == 1 && o.source < TypeSource::lexicon && f.lw(i).common;
        };
        std::vector<char> drop(st.mentions.size(), 0);  // over the mentions found so far, not those added here
        for (std::uint32_t s = 0; s < st.tok.sentences.size(); ++s) {
            const Sentence& se = st.tok.sentences[s];
            if (st.title_case[s]) continue;
            for (std::uint32_t p = se.begin + 2; p + 1 < se.end; ++p) {
                if (!st.lex[p].possessive) continue;
                // The title: capitalized words right before the possessive, after "the".
                std::uint32_t a = p;
                while (a > se.begin && p - a < 4 && free_word(a - 1) && !f.lw(a - 1).function_word) --a;
                if (a == p || a == se.begin || st.lower_tok(a - 1) != "the") continue;
                if (f.role_match(a, p, nullptr, nullptr) != p - a) continue;
                std::uint32_t k = p + 1;
                while (k < se.end && k - p <= 3 && free_word(k)) ++k;
                if (k == p + 1) continue;
                const Cue* c = f.cue(k - 1);
                if (!c || c->type != EntityType::ORGANIZATION || (c->where != Cue::head && c->where != Cue::any)) continue;
                if (k < se.end && T[k].cap() && T[k].kind == TokKind::word) continue;  // a longer name goes on
                for (std::uint32_t i = a; i < k; ++i)
                    if (owner[i] >= 0 && static_cast<std::size_t>(owner[i]) < drop.size()) drop[static_cast<std::size_t>(owner[i])] = 1;
                MentionCand m;
                m.type = EntityType::ORGANIZATION;
                m.source = TypeSource::cue;
                f.add(a, k, s, std::move(m));
                for (std::uint32_t i = a; i < k; ++i) owner[i] = static_cast<int>(st.mentions.size() - 1);
            }
        }
        erase_marked(st.mentions, drop);  // the mentions added above lie past drop's end: they stay
    }
    // "A. Rajendran", "N. Thanabalan": an initial right before a one-word name is a person's, and part of it
    // (the model reads the name alone, often as a place).
    {
        // The initial's tokens ending right before token i ("A." or "A" "."), or 0.
        auto initial = [&](std::uint32_t i, std::uint32_t begin) -> std::uint32_t {
            auto capital = [&](std::uint32_t k) { return T[k].text[0] >= 'A' && T[k].text[0] <= 'Z'; };
            if (i > begin && T[i - 1].text.size() == 2 && T[i - 1].text[1] == '.' && capital(i - 1)) return 1;
            if (i > begin + 1 && T[i - 1].text == "." && !T[i - 1].space_before && T[i - 2].text.size() == 1 && capital(i - 2)) return 2;
            return 0;
        };
        for (MentionCand& m : st.mentions) {
            const Sentence& se = st.tok.sentences[m.sentence];
            const std::uint32_t n = m.pseudo || m.e - m.b != 1 || !st.lex[m.b].plain_cap ? 0 : initial(m.b, se.begin);
            if (!n) continue;
            const std::uint32_t a = m.b - n;  // the initial's first token
            if (a > se.begin && (initial(a, se.begin) || T[a - 1].cap())) continue;  // "U. S. Army", "Jon B. Bell"
            m.b = a;
            m.surface = std::string(st.text(m.b, m.e));
            m.type = EntityType::PERSON;
            m.source = TypeSource::cue;
            m.canonical.clear();
            m.country.clear();
        }
    }
    // "Dayton-based", "Paris-headquartered", "Boston-born": what a body is based in or a person born in is a
    // place, whatever the model read.
    for (MentionCand& m : st.mentions)
        if (m.e + 1 < T.size() && T[m.e].text == "-" && !T[m.e].space_before && !T[m.e + 1].space_before &&
            (st.lower_tok(m.e + 1) == "based" || st.lower_tok(m.e + 1) == "headquartered" || st.lower_tok(m.e + 1) == "born") &&
            m.type != EntityType::COUNTRY && m.type != EntityType::LOCATION) {
            m.type = EntityType::LOCATION;
            m.source = TypeSource::cue;
            m.canonical.clear();
        }
    // "in Acme's cloud computing unit": a name whose possessive owns a unit or a subsidiary (data/org_nouns.tsv)
    // is a company, not the place a model reads after "in" (a place the gazetteer knows stays one).
    for (MentionCand& m : st.mentions) {
        if (m.type != EntityType::LOCATION || m.source >= TypeSource::lexicon || m.e + 1 >= T.size() || !st.lex[m.e].possessive) continue;
        for (std::uint32_t q = m.e + 1; q < T.size() && q < m.e + 5 && T[q].lower(); ++q)
            if (const EntityType* t = f.lx.org_noun_owners.find(st.lower_tok(q))) {
                m.type = *t;
                m.source = TypeSource::cue;
                m.canonical.clear();
                break;
            }
    }
    // "Jon Bell (NP-Tellburg)": a member of a legislature with the party and the seat in brackets after the
    // name. Whatever was read inside the brackets gives way to the party's short name and the seat.
    {
        std::vector<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t, std::uint32_t>> found;  // open, dash, close, sentence
        for (const MentionCand& m : st.mentions) {
            const std::uint32_t end = st.tok.sentences[m.sentence].end;
            if (m.type != EntityType::PERSON || m.e + 5 > end || T[m.e].text != "(") continue;
            std::uint32_t dash = m.e + 1;
            while (dash < end && dash < m.e + 4 && T[dash].cap() && T[dash].kind == TokKind::word) ++dash;
            if (dash == m.e + 1 || dash >= end || T[dash].text != "-") continue;
            std::uint32_t close = dash + 1;
            while (close < end && close < dash + 5 && T[close].cap() && T[close].kind == TokKind::word) ++close;
            if (close == dash + 1 || close >= end || T[close].text != ")") continue;
            found.emplace_back(m.e, dash, close, m.sentence);
        }
        for (const auto& [open, dash, close, sentence] : found) {
            st.mentions.erase(std::remove_if(st.mentions.begin(), st.mentions.end(),
                                             [&, o = open, c = close](const MentionCand& x) { return x.b > o && x.e <= c; }),
                              st.mentions.end());
            MentionCand party, seat;
            party.type = EntityType::ORGANIZATION;
            party.source = seat.source = TypeSource::cue;
            seat.type = EntityType::LOCATION;
            // "(D-Ohio)": one letter abbreviates a party and names none.
            if (dash > open + 2 || T[open + 1].text.size() > 1) f.add(open + 1, dash, sentence, std::move(party));
            f.add(dash + 1, close, sentence, std::move(seat));
        }
    }
    // "the Sabah government", "the US federal government": a place's government is a body named with the
    // place (a nationality's, "the French government", is not: the adjective names no place).
    for (MentionCand& m : st.mentions) {
        if ((m.type != EntityType::LOCATION && m.type != EntityType::COUNTRY) || m.dateline || m.e - m.b > 4) continue;
        const std::uint32_t end = st.tok.sentences[m.sentence].end;
        std::uint32_t g = m.e;
        if (g + 1 < end && (st.lower_tok(g) == "state" || st.lower_tok(g) == "federal")) ++g;
        if (g >= end || st.lower_tok(g) != "government" || !T[g].lower() || f.adjective(m.b)) continue;
        m.e = g + 1;
        m.surface = std::string(st.text(m.b, m.e));
        m.type = EntityType::ORGANIZATION;
        m.source = TypeSource::cue;
        m.canonical.clear();
    }
    // Datelines: the place a story was filed from, whatever the model or the rules read there.
    for (std::uint32_t s = 0; s < std::min<std::size_t>(3, st.tok.sentences.size()); ++s) {
        const std::uint32_t b = st.tok.sentences[s].begin, e = f.dateline(s);
        if (!e) continue;
        st.mentions.erase(std::remove_if(st.mentions.begin(), st.mentions.end(),
                                         [&](const MentionCand& m) { return m.b < e && m.e > b; }),
                          st.mentions.end());
        MentionCand m;
        f.type_name(m, b, e);
        if (m.type != EntityType::COUNTRY && m.type != EntityType::LOCATION) {
            m = MentionCand{};
            m.type = EntityType::LOCATION;
        }
        m.source = TypeSource::cue;
        m.dateline = true;
        f.add(b, e, s, std::move(m));
    }
    // "Rochester, Minn.": a place's press abbreviation after "City," (the tokenizer kept its period there) is that
    // place (data/place_abbreviations.tsv), whatever the model read.
    for (std::uint32_t s = 0; s < st.tok.sentences.size(); ++s)
        for (std::uint32_t i = st.tok.sentences[s].begin + 1; i < st.tok.sentences[s].end; ++i) {
            if (T[i].text.size() < 3 || T[i].text.back() != '.' || T[i - 1].text != ",") continue;
            const std::string* place = f.lx.place_abbreviations.find(T[i].text);
            if (!place) continue;
            st.mentions.erase(std::remove_if(st.mentions.begin(), st.mentions.end(),
                                             [&](const MentionCand& m) { return m.b <= i && m.e > i; }),
                              st.mentions.end());
            MentionCand m;
            m.type = EntityType::LOCATION;
            m.source = TypeSource::cue;
            m.canonical = *place;
            f.add(i, i + 1, s, std::move(m));
        }
    // Lists: names joined by "and", "or" or a comma are mostly things of one kind ("the likes of Acme and
    // Google"). A name the recognizer typed unsurely (below 0.5) takes the type of a list neighbour that the
    // gazetteer or a cue vouches for, when that type is a person, a company, an organization or a product
    // (places mix kinds in lists: "China and the EU").
    {
        std::vector<int> starting(T.size() + 1, -1);
        for (std::size_t k = 0; k < st.mentions.size(); ++k) starting[st.mentions[k].b] = static_cast<int>(k);
        auto sure = [](const MentionCand& m) {
            return m.source >= TypeSource::cue && (m.type == EntityType::PERSON || m.type == EntityType::COMPANY ||
                                                   m.type == EntityType::ORGANIZATION || m.type == EntityType::PRODUCT);
        };
        auto unsure = [](const MentionCand& m) { return m.recognized && m.source < TypeSource::cue && m.confidence < 0.5f; };
        for (int pass = 0; pass < 2; ++pass)  // twice, so that a sure name reaches across "X, Y and Z"
            for (std::size_t k = 0; k < st.mentions.size(); ++k) {
                std::uint32_t j = st.mentions[k].e;
                const std::uint32_t end = j;
                if (j < T.size() && T[j].text == ",") ++j;
                if (j < T.size() && (st.lower_tok(j) == "and" || st.lower_tok(j) == "or")) ++j;
                if (j == end || j >= T.size() || starting[j] < 0) continue;
                MentionCand& a = st.mentions[k];
                MentionCand& b = st.mentions[static_cast<std::size_t>(starting[j])];
                MentionCand* from = sure(a) && unsure(b) ? &a : sure(b) && unsure(a) ? &b : nullptr;
                if (!from) continue;
                MentionCand& to = from == &a ? b : a;
                to.type = from->type;
                to.source = TypeSource::cue;
            }
    }
    // Junk guard. One word that is ordinarily a lower-case English word ("Finance", "Most", "Class") is a
    // name only where the recognizer is sure of it (or a gazetteer or cue vouches for it); a legal suffix
    // alone ("Co", "Bhd") never is; a nationality adjective alone names no entity unless it stands for its
    // country (then it carries the country as its canonical name).
    // A surname that is also a word ("Key", "Cruise") is a name where the document writes the full name.
    StringSet name_words;
    for (const MentionCand& m : st.mentions)
        if (m.e - m.b >= 2 && m.type == EntityType::PERSON) {
            name_words.emplace(f.fold(T[m.b].text), 1);
            name_words.emplace(f.fold(T[m.e - 1].text), 1);
        }
    std::vector<char> in_mention(T.size() + 1, 0);
    for (const MentionCand& m : st.mentions)
        for (std::uint32_t i = m.b; i < m.e; ++i) in_mention[i] = 1;
    const StringSet noun_acronyms = lowercase_defined_acronyms(st);
    // "Home Affairs Minister": ordinary capitalized words from token i, then a government title.
    auto field_then_title = [&](std::uint32_t i, std::uint32_t end) {
        std::uint32_t q = i;
        while (q < end && q - i < 3 && f.field_word(q) && !st.lex[q].low.role) ++q;
        const std::string* code = q > i && q < end && st.lex[q].low.role ? st.lx->role(st.lower_tok(q)) : nullptr;
        return code && code->compare(0, 3, "GOV") == 0;
    };
    auto junk = [&](const MentionCand& m) {
        if (!st.lx->not_entities.empty() && st.lx->not_entities.contains(fold_name(m.surface))) return true;
        // "((WN))", "((Jane Roe))": an interview transcript's speaker label, a turn marker and not a mention
        // (the interviewer's is on every other paragraph).
        if (m.b >= 2 && m.e + 1 < T.size() && T[m.b - 1].text == "(" && T[m.b - 2].text == "(" && T[m.e].text == ")" &&
            T[m.e + 1].text == ")")
            return true;
        // "pro-Beijing", "anti-Houthi", "ex-Muslims": a name behind a lower-case prefix is a modifier's stem
        // (not behind a particle names are written with: "al-Qaeda", "bin-", "el-": proper nouns in words.tsv).
        if (m.e > m.b + 2 && T[m.b].lower() && T[m.b + 1].text == "-" && !T[m.b + 1].space_before &&
            !(st.lex[m.b].low.info && st.lex[m.b].low.info->tag == Upos::PROPN))
            return true;
        // "Tan Sri" read alone before "Dr Jane Roe": an honorific is no name.
        if (std::string code; f.role_match(m.b, m.e, nullptr, &code) == m.e - m.b && code == "HON") return true;
        if (m.e - m.b != 1) return false;
        if (!noun_acronyms.empty()) {
            std::string_view w = T[m.b].text;
            if (noun_acronyms.contains(w) || (w.size() > 2 && w.back() == 's' && noun_acronyms.contains(w.substr(0, w.size() - 1))))
                return true;
        }
        // One word the recognizer cut from a longer capitalized name ("Labour" of "Labour Day" in running
        // text): a piece, not the name.
        // Not before a title or an acronym: "Google CEO Eric Schmidt".
        if (m.recognized && m.e < st.tok.sentences[m.sentence].end && !st.title_case[m.sentence] && st.lex[m.e].plain_cap &&
            T[m.e].kind == TokKind::word && !in_mention[m.e] && !st.lex[m.e].low.function_word && !st.lex[m.e].low.role &&
            !st.lex[m.e].low.role_first && !field_then_title(m.e, st.tok.sentences[m.sentence].end))
            return true;
        // Likewise the last word of a name whose capitalized first word it lost ("Joe" of the programme
        // "Morning Joe"): not at a sentence's start, nor after a title, a date word or another name.
        if (m.recognized && m.b > st.tok.sentences[m.sentence].begin + 1 && !st.title_case[m.sentence] &&
            st.lex[m.b - 1].plain_cap && T[m.b - 1].kind == TokKind::word && !in_mention[m.b - 1] &&
            !st.lex[m.b - 1].low.function_word && !st.lex[m.b - 1].low.role && !st.lex[m.b - 1].low.role_first &&
            !f.xw(m.b - 1).non_name && !f.xw(m.b - 1).person)
            return true;
        const WordLex& w = st.lex[m.b].low;
        if (w.cue && w.cue->where == Cue::legal) return true;
        if (m.canonical.empty())
            if (const auto* es = f.gaz_lookup(m.b, m.e))
                if (std::all_of(es->begin(), es->end(), [](const GazEntry& g) { return g.demonym; })) return true;
        // A place the tagger reads as an adjective is a nationality or a region's adjective the name lists
        // lack ("European", "African", "Martian"): places are nouns, even before a noun ("Texas Governor").
        if ((m.type == EntityType::LOCATION || m.type == EntityType::COUNTRY) && m.canonical.empty() &&
            st.tag(m.b) == Upos::ADJ)
            return true;
        return w.common && st.lex[m.b].plain_cap && (!m.recognized || m.confidence < kSureName) &&
               !name_words.contains(f.fold(m.surface));
    };
    st.mentions.erase(std::remove_if(st.mentions.begin(), st.mentions.end(), junk), st.mentions.end());
    // "the Tellurian Aviation Commission (Tavcom)": a short name in brackets right after a company's or an
    // organization's name of two words or more is a name of it, there and wherever the document writes it alone (resolution
    // joins them). The model misses many such words: unknown, and often in mixed case.
    {
        std::fill(in_mention.begin(), in_mention.end(), 0);
        for (const MentionCand& m : st.mentions)
            for (std::uint32_t i = m.b; i < m.e; ++i) in_mention[i] = 1;
        StringMap<std::size_t> defined;  // a one-word short name → the mention that defines it
        StringMap<std::size_t> retyped;  // likewise, for a short name the model read as a person or a place
        const std::vector<int> owner = token_owners(st.mentions, T.size());
        const std::size_t n = st.mentions.size();
        for (std::size_t k = 0; k < n; ++k) {
            const MentionCand& m = st.mentions[k];
            if (m.e - m.b < 2 || (m.type != EntityType::COMPANY && m.type != EntityType::ORGANIZATION)) continue;
            const Sentence& se = st.tok.sentences[m.sentence];
            const std::uint32_t open = m.e;
            if (open + 2 >= se.end || T[open].text != "(") continue;
            // "Parti Amanah Negara (Amanah)": the model read the short name alone as a person; it is the body's.
            if (const int o = owner[open + 1]; o >= 0 && T[open + 2].text == ")") {
                MentionCand& a = st.mentions[static_cast<std::size_t>(o)];
                if (a.b == open + 1 && a.e == open + 2 && a.source < TypeSource::lexicon &&
                    (a.type == EntityType::PERSON || a.type == EntityType::LOCATION)) {
                    a.type = m.type;
                    a.source = m.source;
                    retyped.emplace(a.surface, k);
                }
                continue;
            }
            std::uint32_t close = open + 1;
            while (close < se.end && close - open <= 3 && T[close].kind == TokKind::word && T[close].cap() &&
                   !st.lex[close].digit && !in_mention[close] && !st.lex[close].low.function_word)
                ++close;
            if (close == open + 1 || close >= se.end || T[close].text != ")") continue;
            // "(Bread)", "(Second)": an English word glosses the name, it does not abbreviate it.
            if (close == open + 2 && st.lex[open + 1].low.common && !st.lex[open + 1].all_caps) continue;
            MentionCand a;
            a.type = m.type;
            a.source = m.source;
            a.confidence = m.confidence;
            f.add(open + 1, close, m.sentence, std::move(a));
            for (std::uint32_t i = open + 1; i < close; ++i) in_mention[i] = 1;
            if (close == open + 2) defined.emplace(T[open + 1].text, st.mentions.size() - 1);
        }
        // And wherever else the document writes it alone.
        if (!retyped.empty())
            for (MentionCand& a : st.mentions)
                if (const std::size_t* d = retyped.find(a.surface);
                    d && a.source < TypeSource::lexicon && (a.type == EntityType::PERSON || a.type == EntityType::LOCATION)) {
                    a.type = st.mentions[*d].type;
                    a.source = st.mentions[*d].source;
                }
        if (!defined.empty())
            for (std::uint32_t s = 0; s < st.tok.sentences.size(); ++s) {
                const Sentence& se = st.tok.sentences[s];
                for (std::uint32_t i = se.begin; i < se.end; ++i) {
                    if (in_mention[i] || T[i].kind != TokKind::word) continue;
                    const std::size_t* d = defined.find(T[i].text);
                    if (!d) continue;
                    // Part of a longer capitalized name is not the short name alone ("Tavcom Tower").
                    if ((i > se.begin && T[i - 1].cap() && T[i - 1].kind == TokKind::word && i - 1 != se.begin) ||
                        (i + 1 < se.end && T[i + 1].cap() && T[i + 1].kind == TokKind::word))
                        continue;
                    MentionCand a;
                    a.type = st.mentions[*d].type;
                    a.source = st.mentions[*d].source;
                    a.confidence = st.mentions[*d].confidence;
                    f.add(i, i + 1, s, std::move(a));
                    in_mention[i] = 1;
                }
            }
    }
    teams_named_by_place(st);
    // "Kestrel Burnham Lambert, an investment bank,": an appositive whose head noun never titles a person
    // (context.tsv "thing") says what kind of name it follows.
    for (MentionCand& m : st.mentions) {
        if (m.pseudo || m.source >= TypeSource::lexicon || (m.type != EntityType::PERSON && m.type != EntityType::LOCATION)) continue;
        const std::uint32_t end = st.tok.sentences[m.sentence].end;
        std::uint32_t i = m.e;
        if (i + 2 >= end || T[i].text != "," || (st.lower_tok(i + 1) != "a" && st.lower_tok(i + 1) != "an")) continue;
        for (i += 2; i < end && i < m.e + 7 && T[i].lower() && !st.lx->thing_nouns.contains(st.lower_tok(i)); ++i) {
        }
        if (i >= end || !T[i].lower() || !st.lx->thing_nouns.contains(st.lower_tok(i))) continue;
        if (i + 1 < end && T[i + 1].kind == TokKind::word && T[i + 1].lower() && st.lower_tok(i + 1) != "that" &&
            st.lower_tok(i + 1) != "which" && st.lower_tok(i + 1) != "based")
            continue;  // "X, a bank teller": the noun modifies another
        const EntityType* t = st.lex[i].low.context;
        if (!t) continue;
        m.type = *t;
        m.source = TypeSource::cue;
        m.canonical.clear();
    }
    // Stable order by start token. Sorting indices and moving each mention once is much cheaper than
    // sorting the mentions themselves (each holds several strings); in order already, none moves.
    auto by_start = [](const MentionCand& a, const MentionCand& b) { return a.b < b.b; };
    if (std::is_sorted(st.mentions.begin(), st.mentions.end(), by_start)) {
        st.index_mentions();
        return;
    }
    std::vector<std::uint32_t> order(st.mentions.size());
    for (std::uint32_t k = 0; k < order.size(); ++k) order[k] = k;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return st.mentions[a].b < st.mentions[b].b; });
    std::vector<MentionCand> sorted;
    sorted.reserve(st.mentions.capacity());
    for (std::uint32_t k : order) sorted.push_back(std::move(st.mentions[k]));
    st.mentions = std::move(sorted);
    st.index_mentions();
}

}  // namespace kg::detail
