#include "core/lexicons.hpp"

#include <kg/error.hpp>
#include <kg/graph.hpp>

#include "data/embedded.hpp"
#include "text/util.hpp"

#include <algorithm>
#include <set>
#include <tuple>
#include <cstdlib>
#include <type_traits>

namespace kg::detail {

namespace {

std::vector<EntityType> parse_types(std::string_view list, const std::string& file) {
    std::vector<EntityType> out;
    for (auto t : split(list, ',')) {
        t = trim(t);
        if (t == "ACTOR") {
            for (EntityType x : {EntityType::PERSON, EntityType::COMPANY, EntityType::ORGANIZATION, EntityType::COUNTRY})
                out.push_back(x);
            continue;
        }
        auto type = parse_entity_type(t);
        if (!type) throw Error(ExitCode::bad_input, file + ": unknown entity type '" + std::string(t) + "'");
        out.push_back(*type);
    }
    return out;
}

// Calls f(columns, line, layer) for every data row of every layer of a lexicon file (built-in, then the
// user's overlay from --data DIR); layer 1 rows come from the user. reserve(n) is called first with the
// number of lines of all layers (a bound on the rows), so that a table is sized once instead of grown.
template <class F, class Reserve>
void each_row(const std::string& name, F&& f, Reserve&& reserve) {
    const DataLayers layers = data_layers(name);
    const std::vector<std::string_view> texts = layers.texts();
    std::size_t lines = 0;
    for (std::string_view text : texts) lines += static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
    reserve(lines);
    std::size_t layer = 0;
    std::vector<std::string_view> columns;  // reused: the large lists have tens of thousands of rows
    for (std::string_view text : texts) {
        std::size_t line_no = 0;
        // The lines of split_lines(text), without building their list.
        for (std::size_t pos = 0; pos < text.size();) {
            std::size_t nl = text.find('\n', pos);
            if (nl == std::string_view::npos) nl = text.size();
            std::string_view line = text.substr(pos, nl - pos);
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
            pos = nl + 1;
            ++line_no;
            if (line.empty() || line[0] == '#') continue;
            split_into(line, '\t', columns);
            if constexpr (std::is_invocable_v<F, const std::vector<std::string_view>&, std::size_t, std::size_t>)
                f(columns, line_no, layer);
            else
                f(columns, line_no);
        }
        ++layer;
    }
}
template <class F>
void each_row(const std::string& name, F&& f) {
    each_row(name, std::forward<F>(f), [](std::size_t) {});
}

std::vector<std::string> words_of(std::string_view phrase) {
    std::vector<std::string> out;
    for (auto w : split(phrase, ' '))
        if (!w.empty()) out.push_back(lower(w));
    return out;
}

/// words_of(phrase).size() and, when it is not 0, words_of(phrase).front() in `first`, without building
/// the list (a string per word for every gazetteer row was most of the load time). `phrase` is already
/// in lower case, so the first word is a view into it.
std::size_t count_words(std::string_view phrase, std::string_view* first) {
    std::size_t n = 0, pos = 0;
    for (;;) {
        const std::size_t at = std::min(phrase.find(' ', pos), phrase.size());
        if (at > pos && n++ == 0 && first) *first = phrase.substr(pos, at - pos);
        if (at == phrase.size()) return n;
        pos = at + 1;
    }
}

// Gathers what every list says about each word into one record per word (Lexicons::vocab and
// Lexicons::names), so that a token costs one lookup per document instead of one per list and question.
// Runs after all lists are loaded: the records point into them.
// A word mostly written in lower case that is a preposition, determiner, pronoun, auxiliary, conjunction or
// particle: never a name's word alone.
bool function_word(const WordInfo& w) {
    return w.lower_share >= 0.5f && (w.tag == Upos::ADP || w.tag == Upos::DET || w.tag == Upos::PRON || w.tag == Upos::AUX ||
                                     w.tag == Upos::CCONJ || w.tag == Upos::SCONJ || w.tag == Upos::PART);
}

void build_vocab(Lexicons& lx) {
    auto& v = lx.vocab;
    // Sized once for all the lists (a bound: a word in two lists is one record).
    v.reserve(lx.words.size() + lx.cues.size() + lx.context_nouns.size() + lx.roles.size() + lx.role_first_words.size() +
              lx.triggers_by_first.size());
    lx.names.reserve(lx.gazetteer_first_words.size() + lx.common_acronyms.size() + lx.non_names.size() +
                     lx.person_tokens.size() + lx.clusters.size());
    for (std::size_t k = 0; k < lx.words.size(); ++k) {
        const WordInfo& w = lx.words.value_at(k);
        WordLex& r = v[lx.words.key_at(k)];
        r.info = &w;
        r.common = w.lower_share >= 0.5f && w.upos != "PROPN";
        r.function_word = function_word(w);
    }
    for (std::size_t k = 0; k < lx.cues.size(); ++k) v[lx.cues.key_at(k)].cue = &lx.cues.value_at(k);
    for (std::size_t k = 0; k < lx.context_nouns.size(); ++k) v[lx.context_nouns.key_at(k)].context = &lx.context_nouns.value_at(k);
    for (std::size_t k = 0; k < lx.roles.size(); ++k)  // one-word roles: a token is never a phrase
        if (!lx.roles.value_at(k).empty() && lx.roles.key_at(k).find(' ') == std::string::npos)
            v[lx.roles.key_at(k)].role = &lx.roles.value_at(k);
    for (std::size_t k = 0; k < lx.role_first_words.size(); ++k) v[lx.role_first_words.key_at(k)].role_first = true;
    for (std::size_t k = 0; k < lx.triggers_by_first.size(); ++k)
        v[lx.triggers_by_first.key_at(k)].triggers = &lx.triggers_by_first.value_at(k);
    auto& n = lx.names;
    for (std::size_t k = 0; k < lx.gazetteer_first_words.size(); ++k) n[lx.gazetteer_first_words.key_at(k)].gaz_first = true;
    for (std::size_t k = 0; k < lx.common_acronyms.size(); ++k) n[lx.common_acronyms.key_at(k)].common_acronym = true;
    for (std::size_t k = 0; k < lx.non_names.size(); ++k) n[lx.non_names.key_at(k)].non_name = true;
    for (std::size_t k = 0; k < lx.person_tokens.size(); ++k) n[lx.person_tokens.key_at(k)].person = &lx.person_tokens.value_at(k);
    for (std::size_t k = 0; k < lx.clusters.size(); ++k) n[lx.clusters.key_at(k)].cluster = &lx.clusters.value_at(k);
}

void load(Lexicons& lx) {
    each_row("abbreviations.txt", [&](const std::vector<std::string_view>& c, std::size_t) {
        std::string w = lower(trim(c[0]));
        lx.abbreviations.all.insert(w);
        if (c.size() > 1 && trim(c[1]) == "title") lx.abbreviations.never_final.insert(w);
    });
    std::string key;  // reused by the gazetteer rows
    std::string_view first;
    std::vector<std::string_view> flags;
    each_row("gazetteer.tsv", [&](const std::vector<std::string_view>& c, std::size_t line, std::size_t layer) {
        if (c.size() < 3) throw Error(ExitCode::bad_input, "gazetteer.tsv:" + std::to_string(line) + ": expected 3 to 6 columns");
        GazEntry e;
        std::string_view type = c[1];
        if (type == "DEMONYM") {
            e.demonym = true;
            e.type = EntityType::COUNTRY;
        } else if (auto t = parse_entity_type(type)) {
            e.type = *t;
        } else {
            throw Error(ExitCode::bad_input, "gazetteer.tsv:" + std::to_string(line) + ": unknown type");
        }
        e.canonical = std::string(c[2]);
        e.user = layer > 0;
        if (c.size() > 3) e.country = std::string(c[3]);
        if (c.size() > 4) split_into(c[4], ',', flags);
        if (c.size() > 4)
            for (auto f : flags) {
                if (f == "seat") e.seat = true;
                if (f == "gov") e.gov = true;
                if (f == "town") e.town = true;
            }
        if (c.size() > 5) e.region = std::string(c[5]);
        key.clear();
        bool space = false;
        fold_append(key, space, c[0]);  // fold_name(c[0]) into a reused string
        if (key.empty()) return;
        lx.gazetteer_max_words = std::max(lx.gazetteer_max_words, count_words(key, &first));
        lx.gazetteer_first_words.emplace(first, true);
        lx.gazetteer[key].push_back(std::move(e));
    }, [&](std::size_t rows) {
        lx.gazetteer.reserve(rows);
        lx.gazetteer_first_words.reserve(rows);
    });
    each_row("words.tsv", [&](const std::vector<std::string_view>& c, std::size_t) {
        if (c.size() < 4) return;
        WordInfo w;
        w.upos = std::string(c[1]);
        w.tag = parse_upos(w.upos).value_or(Upos::X);
        w.count = static_cast<unsigned>(std::strtoul(std::string(c[2]).c_str(), nullptr, 10));
        w.lower_share = std::strtof(std::string(c[3]).c_str(), nullptr);
        if (function_word(w)) lx.abbreviations.openers.insert(std::string(c[0]));
        lx.words.emplace(c[0], std::move(w));
    }, [&](std::size_t rows) { lx.words.reserve(rows); });
    each_row("person_names.tsv", [&](const std::vector<std::string_view>& c, std::size_t) {
        if (c.size() < 3) return;
        lx.person_tokens.emplace(c[0],
                                 std::make_pair(static_cast<unsigned>(std::strtoul(std::string(c[1]).c_str(), nullptr, 10)),
                                                static_cast<unsigned>(std::strtoul(std::string(c[2]).c_str(), nullptr, 10))));
    }, [&](std::size_t rows) { lx.person_tokens.reserve(rows); });
    each_row("place_abbreviations.tsv", [&](const std::vector<std::string_view>& c, std::size_t line) {
        if (c.size() < 2 || c[0].size() < 2 || c[0].back() != '.')
            throw Error(ExitCode::bad_input, "place_abbreviations.tsv:" + std::to_string(line) + ": expected an abbreviation with its period and a place");
        lx.place_abbreviations.emplace(c[0], std::string(trim(c[1])));
        lx.abbreviations.after_comma.insert(lower(c[0].substr(0, c[0].size() - 1)));
    });
    each_row("clusters.tsv", [&](const std::vector<std::string_view>& c, std::size_t) {
        if (c.size() >= 2) lx.clusters.emplace(c[0], std::string(c[1]));
    }, [&](std::size_t rows) { lx.clusters.reserve(rows); });
    for (const char* file : {"roles.tsv", "roles_news.tsv", "honorifics.tsv"})
        each_row(file, [&](const std::vector<std::string_view>& c, std::size_t) {
            if (c.size() < 2) return;
            std::string w = lower(trim(c[0]));
            const std::size_t n = count_words(w, &first);
            if (n == 0) return;
            lx.roles_max_words = std::max(lx.roles_max_words, n);
            lx.role_first_words.emplace(first, true);
            lx.roles.emplace(w, std::string(trim(c[1])));
        });
    each_row("cues.tsv", [&](const std::vector<std::string_view>& c, std::size_t line) {
        if (c.size() < 3) throw Error(ExitCode::bad_input, "cues.tsv:" + std::to_string(line) + ": expected 3 columns");
        auto type = parse_types(c[1], "cues.tsv");
        Cue::Where where = c[2] == "legal"    ? Cue::legal
                           : c[2] == "any"    ? Cue::any
                           : c[2] == "after"  ? Cue::after
                           : c[2] == "domain" ? Cue::domain
                           : c[2] == "first"  ? Cue::first
                                              : Cue::head;
        lx.cues.emplace(lower(c[0]), Cue{type.front(), where});
    });
    each_row("context.tsv", [&](const std::vector<std::string_view>& c, std::size_t) {
        if (c.size() < 2) return;
        EntityType type = parse_types(c[1], "context.tsv").front();
        std::string w = lower(trim(c[0]));
        lx.context_nouns.emplace(w, type);
        if (c.size() > 2 && trim(c[2]) == "thing") lx.thing_nouns.emplace(w, 1);
        if (!w.empty() && w.back() == 'y' && w.size() > 2 && std::string("aeiou").find(w[w.size() - 2]) == std::string::npos)
            lx.context_nouns.emplace(w.substr(0, w.size() - 1) + "ies", type);
        else if (!w.empty() && (w.back() == 's' || w.back() == 'x' || w.back() == 'h'))
            lx.context_nouns.emplace(w + "es", type);
        else
            lx.context_nouns.emplace(w + "s", type);
    });
    each_row("modality.tsv", [&](const std::vector<std::string_view>& c, std::size_t line) {
        if (c.size() < 2) throw Error(ExitCode::bad_input, "modality.tsv:" + std::to_string(line) + ": expected 2 columns");
        std::string phrase = lower(trim(c[0]));
        lx.modality_max_words = std::max(lx.modality_max_words, count_words(phrase, nullptr));
        lx.modality[phrase] = std::string(trim(c[1]));
    });
    each_row("not_entities.txt", [&](const std::vector<std::string_view>& c, std::size_t) {
        lx.not_entities.emplace(fold_name(trim(c[0])), true);
    });
    each_row("merges.tsv", [&](const std::vector<std::string_view>& c, std::size_t line) {
        if (c.size() < 2) throw Error(ExitCode::bad_input, "merges.tsv:" + std::to_string(line) + ": expected 2 columns");
        lx.merges[fold_name(trim(c[0]))] = std::string(trim(c[1]));
    });
    for (const char* file : {"non_names.txt", "languages.txt"})
        each_row(file, [&](const std::vector<std::string_view>& c, std::size_t) {
            lx.non_names.emplace(trim(c[0]), true);
        });
    each_row("currencies.txt", [&](const std::vector<std::string_view>& c, std::size_t) {
        lx.currencies.emplace_back(trim(c[0]));
    });
    std::sort(lx.currencies.begin(), lx.currencies.end(), [](const std::string& a, const std::string& b) {
        return a.size() != b.size() ? a.size() > b.size() : a < b;
    });
    each_row("common_acronyms.txt", [&](const std::vector<std::string_view>& c, std::size_t) {
        lx.common_acronyms.emplace(trim(c[0]), true);
    });
    each_row("role_relations.tsv", [&](const std::vector<std::string_view>& c, std::size_t) {
        if (c.size() >= 2) lx.role_predicates.emplace(lower(trim(c[0])), std::string(trim(c[1])));
    });
    each_row("member_bodies.txt", [&](const std::vector<std::string_view>& c, std::size_t) {
        const std::string_view flag = c.size() > 1 ? trim(c[1]) : std::string_view();
        if (flag == "first") {
            lx.membership_first_words.emplace(lower(trim(c[0])), true);
            return;
        }
        lx.member_bodies.emplace(lower(trim(c[0])), true);
        if (flag == "always") lx.membership_bodies.emplace(lower(trim(c[0])), true);
    });
    each_row("kinship.txt", [&](const std::vector<std::string_view>& c, std::size_t) {
        lx.kinship.emplace(lower(trim(c[0])), true);
    });
    each_row("place_titles.txt", [&](const std::vector<std::string_view>& c, std::size_t) {
        lx.place_titles.emplace(lower(trim(c[0])), true);
    });
    each_row("body_titles.txt", [&](const std::vector<std::string_view>& c, std::size_t) {
        lx.body_titles.emplace(lower(trim(c[0])), true);
    });
    each_row("elections.txt", [&](const std::vector<std::string_view>& c, std::size_t) {
        lx.election_words.emplace(lower(trim(c[0])), true);
    });
    each_row("sports.tsv", [&](const std::vector<std::string_view>& c, std::size_t line) {
        const std::string_view kind = c.size() > 1 ? trim(c[1]) : std::string_view();
        const unsigned char bit = kind == "topic" ? Lexicons::sports_topic : kind == "after" ? Lexicons::sports_after
                                : kind == "before" ? Lexicons::sports_before : 0;
        if (!bit) throw Error(ExitCode::bad_input, "sports.tsv:" + std::to_string(line) + ": expected a word and topic, after or before");
        auto [slot, added] = lx.sports.try_emplace(lower(trim(c[0])));
        *slot = static_cast<unsigned char>((added ? 0 : *slot) | bit);
    });
    each_row("gender.tsv", [&](const std::vector<std::string_view>& c, std::size_t line) {
        if (c.size() < 2 || (trim(c[1]) != "F" && trim(c[1]) != "M"))
            throw Error(ExitCode::bad_input, "gender.tsv:" + std::to_string(line) + ": expected a word and F or M");
        lx.gender_words.emplace(lower(trim(c[0])), trim(c[1])[0]);
    });
    each_row("org_nouns.tsv", [&](const std::vector<std::string_view>& c, std::size_t line) {
        if (c.size() < 2) throw Error(ExitCode::bad_input, "org_nouns.tsv:" + std::to_string(line) + ": expected 2 columns");
        lx.org_nouns.emplace(lower(trim(c[0])), std::string(trim(c[1])));
        if (c.size() > 2 && !trim(c[2]).empty()) {
            const auto t = parse_entity_type(trim(c[2]));
            if (!t) throw Error(ExitCode::bad_input, "org_nouns.tsv:" + std::to_string(line) + ": unknown type");
            lx.org_noun_owners.emplace(lower(trim(c[0])), *t);
        }
    });
    each_row("name_variants.tsv", [&](const std::vector<std::string_view>& c, std::size_t) {
        if (c.size() >= 2) lx.name_variants.emplace_back(words_of(c[0]), std::string(trim(c[1])));
    });
    // Hand-written triggers first; CAMEO-derived ones add forms the hand list lacks. One form may state
    // several predicates, told apart by their argument types ("hosted the summit", "hosted Macron").
    std::set<std::tuple<std::string, std::string, std::string>> trigger_seen;  // (words, noun/verb, predicate)
    for (const char* file : {"triggers.tsv", "triggers_cameo.tsv"})
    each_row(file, [&](const std::vector<std::string_view>& c, std::size_t line) {
        if (c.size() < 5) throw Error(ExitCode::bad_input, std::string(file) + ":" + std::to_string(line) + ": expected 5 columns");
        Trigger proto;
        proto.predicate = std::string(c[1]);
        proto.subject_types = parse_types(c[2], "triggers.tsv");
        proto.object_types = parse_types(c[3], "triggers.tsv");
        for (auto o : split(c[4], ',')) {
            if (o == "noun") proto.noun = true;
            if (o == "reverse") proto.reverse = true;
            if (o == "implicit") proto.implicit = true;
            if (o == "role_as") proto.role_as = true;
            if (o == "direct") proto.direct = true;
            if (o == "agent") proto.agent = true;
        }
        for (auto form : split(c[0], '|')) {
            Trigger t = proto;
            t.words = words_of(form);
            if (t.words.empty()) continue;
            if (!trigger_seen.emplace(std::string(trim(form)), t.noun ? "noun" : "verb", t.predicate).second) continue;
            lx.triggers_by_first[t.words.front()].push_back(lx.triggers.size());
            lx.triggers.push_back(std::move(t));
        }
    });
    // Longer trigger phrases first, so "focus on" wins over "focus".
    for (std::size_t k = 0; k < lx.triggers_by_first.size(); ++k) {
        auto& idx = lx.triggers_by_first.value_at(k);
        std::stable_sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) {
            return lx.triggers[a].words.size() > lx.triggers[b].words.size();
        });
    }
    build_vocab(lx);
}

}  // namespace

const WordLex Lexicons::no_lex;
const NameLex Lexicons::no_name;

const Lexicons& Lexicons::get() {
    // Built in place and never moved: vocab points into the other tables. Never freed either: freeing
    // the tens of thousands of entries one by one at exit cost more than a small document's extraction.
    static const Lexicons* const lx = [] {
        auto* l = new Lexicons();
        load(*l);
        return l;
    }();
    return *lx;
}

const std::vector<GazEntry>* Lexicons::lookup(std::string_view surface) const { return gazetteer.find(fold_name(surface)); }

bool Lexicons::common(std::string_view w) const { return lex(w).common; }

const std::string* Lexicons::role(std::string_view phrase) const {
    const std::string* code = roles.find(phrase);
    return code && !code->empty() ? code : nullptr;
}

bool Lexicons::money(std::string_view word) const {
    for (const std::string& c : currencies)
        if (word.size() > c.size() && word.compare(0, c.size(), c) == 0 && word[c.size()] >= '0' && word[c.size()] <= '9')
            return true;
    return false;
}

}  // namespace kg::detail
