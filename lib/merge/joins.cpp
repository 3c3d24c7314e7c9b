#include "merge/joins.hpp"

#include "core/lexicons.hpp"

#include "text/util.hpp"

#include <kg/graph.hpp>

#include <algorithm>
#include <climits>
#include <cmath>
#include <functional>

namespace kg::detail {

namespace {

std::uint64_t hash_of(std::string_view s) {
    const std::uint64_t h = std::hash<std::string_view>()(s);
    return h ? h : 1;  // 0 marks an empty slot
}

// fold_name(s) into `out`, without a new string each time.
std::string_view fold(std::string& out, std::string_view s) {
    out.clear();
    bool space = false;
    detail::fold_append(out, space, s);
    return out;
}

std::string_view first_word(std::string_view s) { return s.substr(0, s.find(' ')); }
std::string_view last_word(std::string_view s) { return s.substr(s.rfind(' ') + 1); }

enum class Family { person, body, other };
Family family(EntityType t) {
    if (t == EntityType::PERSON) return Family::person;
    if (t == EntityType::COMPANY || t == EntityType::ORGANIZATION) return Family::body;
    return Family::other;
}

// How many other entities of a document are tried for shared context, to bound the work per short form,
// and how many shared ones are counted (enough to tell a president from his relatives).
constexpr std::size_t kContextTries = 32;
constexpr int kContextCount = 8;

bool shares_document(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b, std::size_t except) {
    const auto& small = a.size() < b.size() ? a : b;
    const auto& large = a.size() < b.size() ? b : a;
    auto from = large.begin();
    for (std::uint32_t d : small) {
        if (d == except) continue;
        from = std::lower_bound(from, large.end(), d);
        if (from == large.end()) return false;
        if (*from == d) return true;
    }
    return false;
}

// How often person_names.tsv saw a word as a given name or surname before it counts as a common name.
constexpr unsigned kCommonName = 5;

bool common_name(const DocEntity& e) {
    if (family(e.type) != Family::person) return false;
    const auto* counts = Lexicons::get().person_tokens.find(e.name);
    return counts && counts->first + counts->second >= kCommonName;
}

}  // namespace

std::int32_t ShortFormJoins::day_number(std::string_view date) {
    auto digits = [&](std::size_t at, std::size_t n, int& out) {
        if (date.size() < at + n) return false;
        out = 0;
        for (std::size_t i = at; i < at + n; ++i) {
            if (date[i] < '0' || date[i] > '9') return false;
            out = out * 10 + (date[i] - '0');
        }
        return true;
    };
    int y = 0, m = 0, d = 0;
    if (!digits(0, 4, y) || date.size() < 10 || date[4] != '-' || !digits(5, 2, m) || date[7] != '-' || !digits(8, 2, d) ||
        m < 1 || m > 12 || d < 1 || d > 31)
        return INT32_MIN;
    // Days from civil (H. Hinnant's algorithm), for the proleptic Gregorian calendar.
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * static_cast<unsigned>(m + (m > 2 ? -3 : 9)) + 2) / 5 + static_cast<unsigned>(d) - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int32_t>(doe) - 719468;
}

std::uint32_t ShortFormJoins::Ids::insert(std::uint64_t h, std::uint32_t next) {
    if (2 * (used_ + 1) > slots_.size()) {
        std::vector<std::pair<std::uint64_t, std::uint32_t>> old(std::max<std::size_t>(64, 2 * slots_.size()));
        old.swap(slots_);
        for (const auto& s : old)
            if (s.first) {
                std::size_t i = s.first & (slots_.size() - 1);
                while (slots_[i].first) i = (i + 1) & (slots_.size() - 1);
                slots_[i] = s;
            }
    }
    std::size_t i = h & (slots_.size() - 1);
    while (slots_[i].first && slots_[i].first != h) i = (i + 1) & (slots_.size() - 1);
    if (!slots_[i].first) {
        slots_[i] = {h, next};
        ++used_;
    }
    return slots_[i].second;
}

const std::uint32_t* ShortFormJoins::Ids::find(std::uint64_t h) const {
    if (slots_.empty()) return nullptr;
    std::size_t i = h & (slots_.size() - 1);
    while (slots_[i].first) {
        if (slots_[i].first == h) return &slots_[i].second;
        i = (i + 1) & (slots_.size() - 1);
    }
    return nullptr;
}

std::uint32_t ShortFormJoins::id_of(std::uint64_t h) {
    const std::uint32_t id = ids_.insert(h, static_cast<std::uint32_t>(postings_.size()));
    if (id == postings_.size()) {
        names_.emplace_back();
        counts_.push_back(0);
        postings_.emplace_back();
    }
    return id;
}

void ShortFormJoins::offer(std::string_view short_folded, Full full, bool used) {
    Candidates& c = shorts_[hash_of(short_folded)];
    for (std::uint8_t i = 0; i < c.n; ++i)
        if (c.fulls[i].name == full.name) {
            c.fulls[i].used = c.fulls[i].used || used;
            return;
        }
    if (c.n == 8) {
        c.many = true;
        return;
    }
    full.used = used;
    c.fulls[c.n++] = full;
}

void ShortFormJoins::note(std::size_t doc, std::string_view date, std::string_view name, EntityType type,
                          const std::vector<std::string_view>& aliases, std::size_t mentions) {
    if (day_.size() <= doc) day_.resize(doc + 1, INT32_MIN);
    day_[doc] = day_number(date);
    const std::string_view folded = fold(fold_, name);
    const std::uint32_t id = id_of(hash_of(folded));
    auto& docs = postings_[id];
    if (docs.empty() || docs.back() != doc) docs.push_back(static_cast<std::uint32_t>(doc));
    // The forms of the name and their mentions: one string per name, more only for the names written in
    // several ways.
    if (names_[id].empty() || names_[id] == name) {
        if (names_[id].empty()) names_[id] = std::string(name);
        counts_[id] += static_cast<std::uint32_t>(mentions);
    } else {
        auto& forms = variants_[id];
        auto f = std::find_if(forms.begin(), forms.end(), [&](const auto& p) { return p.first == name; });
        if (f == forms.end()) forms.emplace_back(std::string(name), mentions);
        else f->second += mentions;
    }
    if (name.find(' ') == std::string_view::npos) return;
    const Family f = family(type);
    auto written = [&](std::string_view form) {  // did this document write the form alone for the name?
        std::string scratch;
        for (std::string_view a : aliases)
            if (a.find(' ') == std::string_view::npos && fold(scratch, a) == form) return true;
        return false;
    };
    const std::string_view first = first_word(folded), last = last_word(folded);
    if (f == Family::person) {
        offer(first, Full{id, type}, written(first));
        offer(last, Full{id, type}, true);  // news names people by their surname after the first mention
    } else if (f == Family::body) {
        // As within a document (resolve.cpp): the first word of a body whose last word only says what
        // kind of body it is ("Nordvale Bank"), not of "Google Cloud".
        const Cue* head = Lexicons::get().cues.find(last);
        if (head && (head->where == Cue::legal || (head->where == Cue::head && family(head->type) == Family::body)))
            offer(first, Full{id, type}, written(first));
    }
}

void ShortFormJoins::finish() {
    // Canonical forms: the most mentions, ties to the longer, then the bytewise smaller.
    for (auto& [id, forms] : variants_) {
        std::pair<std::string, std::size_t> best{names_[id], counts_[id]};
        for (auto& f : forms) {
            const bool better = f.second != best.second ? f.second > best.second
                                : f.first.size() != best.first.size() ? f.first.size() > best.first.size()
                                : f.first < best.first;
            if (better) best = f;
        }
        names_[id] = best.first;
    }
    for (const auto& [h, c] : shorts_) {
        if (c.many) continue;
        for (std::uint8_t i = 0; i < c.n; ++i) {
            const Full& f = c.fulls[i];
            if (!f.used || days_.count(f.name)) continue;
            std::vector<std::int32_t>& days = days_[f.name];
            for (std::uint32_t d : postings_[f.name])
                if (day_[d] != INT32_MIN) days.push_back(day_[d]);
            std::sort(days.begin(), days.end());
        }
    }
}

void ShortFormJoins::context(const Full& full, std::size_t doc, std::int32_t today, const DocExtraction& x, std::size_t k,
                             const std::vector<const std::uint32_t*>& ids, int& shared, bool& near) const {
    // Shared context: another entity both documents name, or a date close to one of the full name's. An
    // entity named in more than one article in twenty (and more than three) is no context: "United
    // States" or the publisher's own name is shared by articles about anyone.
    const auto& full_docs = postings_[full.name];
    const std::size_t common = std::max<std::size_t>(3, day_.size() / 20);
    shared = 0;
    std::size_t tries = 0;
    for (std::size_t o = 0; o < x.entities.size() && shared < kContextCount && tries < kContextTries; ++o) {
        if (o == k || !ids[o] || *ids[o] == full.name || postings_[*ids[o]].size() > common) continue;
        ++tries;
        if (shares_document(postings_[*ids[o]], full_docs, doc)) ++shared;
    }
    near = false;
    if (today != INT32_MIN) {
        const auto& days = days_.at(full.name);
        const auto d = std::lower_bound(days.begin(), days.end(), today - near_days);
        near = d != days.end() && *d <= today + near_days;
    }
}

std::vector<ShortFormJoin> ShortFormJoins::apply(std::size_t doc, std::string_view date, DocExtraction& x) const {
    std::vector<ShortFormJoin> out;
    std::string scratch;
    // One fold per entity: its id, whether the corpus claims it as a short form, and the document's own
    // fuller names, which decide its short forms (resolve.cpp did, or found them ambiguous).
    std::vector<std::pair<std::size_t, const Candidates*>> shorts;
    std::vector<std::uint64_t> own;
    std::vector<const std::uint32_t*> ids(x.entities.size());
    for (std::size_t k = 0; k < x.entities.size(); ++k) {
        const DocEntity& e = x.entities[k];
        const std::string_view folded = fold(scratch, e.name);
        const std::uint64_t h = hash_of(folded);
        ids[k] = ids_.find(h);
        if (folded.find(' ') != std::string_view::npos) {
            own.push_back(hash_of(first_word(folded)));
            own.push_back(hash_of(last_word(folded)));
        } else if (e.type_confidence < 1 && !e.name.empty()) {
            const auto it = shorts_.find(h);
            if (it != shorts_.end() && !it->second.many) shorts.emplace_back(k, &it->second);
        }
    }
    // Canonical forms first (a name written another way than the corpus's usual one takes that one, the
    // written form kept as an alias); the short forms joined below take their full name's.
    for (std::size_t k = 0; k < x.entities.size(); ++k) {
        DocEntity& e = x.entities[k];
        if (!ids[k] || names_[*ids[k]].empty() || names_[*ids[k]] == e.name) continue;
        auto at = std::lower_bound(e.aliases.begin(), e.aliases.end(), e.name);
        if (at == e.aliases.end() || *at != e.name) e.aliases.insert(at, e.name);
        e.name = names_[*ids[k]];
    }
    if (shorts.empty()) return out;
    const std::int32_t today = day_number(date);
    for (const auto& [k, candidates] : shorts) {
        DocEntity& e = x.entities[k];
        if (std::find(own.begin(), own.end(), hash_of(fold(scratch, e.name))) != own.end()) continue;
        // As within a document: a short form read as a place or a person is not a body's, nor one read as a
        // body a person's ("Ford" / "Harrison Ford"). Of the fitting full names, the one that shares more
        // context with the article than any other: a tie stays apart.
        const Full* full = nullptr;
        int full_shared = 0, runner_up = -1;
        bool full_near = false;
        for (std::uint8_t c = 0; c < candidates->n; ++c) {
            const Full& f = candidates->fulls[c];
            if (!f.used || family(e.type) != family(f.type)) continue;
            int shared = 0;
            bool near = false;
            context(f, doc, today, x, k, ids, shared, near);
            if (shared == 0 && !near) continue;
            const int score = 2 * shared + (near ? 1 : 0);
            if (!full || score > 2 * full_shared + (full_near ? 1 : 0)) {
                if (full) runner_up = std::max(runner_up, 2 * full_shared + (full_near ? 1 : 0));
                full = &f;
                full_shared = shared;
                full_near = near;
            } else {
                runner_up = std::max(runner_up, score);
            }
        }
        if (!full || runner_up >= 2 * full_shared + (full_near ? 1 : 0)) continue;
        // A name the name lists saw often ("Wong", "Joe") is many people's: it joins on two pieces of
        // context (two shared entities, or one and a near date), a rarer one ("Okafor") on one.
        if (full_shared + (full_near ? 1 : 0) < (common_name(e) ? 2 : 1)) continue;
        ShortFormJoin j;
        j.entity = k;
        j.alias = e.name;
        j.confidence = std::min(0.9, 0.5 + 0.1 * std::min(full_shared, 3) + (full_near ? 0.1 : 0.0));
        j.confidence = std::round(100 * j.confidence) / 100;
        auto at = std::lower_bound(e.aliases.begin(), e.aliases.end(), e.name);
        if (at == e.aliases.end() || *at != e.name) e.aliases.insert(at, e.name);
        e.name = names_[full->name];
        e.type = full->type;
        e.type_confidence = std::min(e.type_confidence, 0.99);
        out.push_back(std::move(j));
    }
    return out;
}

}  // namespace kg::detail
