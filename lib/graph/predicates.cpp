#include <kg/error.hpp>
#include <kg/predicates.hpp>

#include "data/embedded.hpp"
#include "text/util.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>

namespace kg {

namespace {

constexpr const char* kColumns =
    "predicate, symmetric, subject, object, meaning, example, wikidata, ace05, conll04, re3d, cameo";
constexpr std::size_t kRequired = 6;   // predicate … example; the label columns may be left off
constexpr std::size_t kAllColumns = 11;

// "ACTOR|PLACE" -> the types, without repeats, in EntityType order.
std::vector<EntityType> parse_type_list(std::string_view list, const std::string& where) {
    bool seen[static_cast<int>(EntityType::UNKNOWN)] = {};
    auto add = [&](std::initializer_list<EntityType> types) {
        for (EntityType t : types) seen[static_cast<int>(t)] = true;
    };
    for (auto item : detail::split(list, '|')) {
        item = detail::trim(item);
        if (item == "ACTOR") {
            add({EntityType::PERSON, EntityType::COMPANY, EntityType::ORGANIZATION, EntityType::COUNTRY});
        } else if (item == "ORG") {
            add({EntityType::COMPANY, EntityType::ORGANIZATION});
        } else if (item == "PLACE") {
            add({EntityType::COUNTRY, EntityType::LOCATION});
        } else if (item == "ANY") {
            add({EntityType::PERSON, EntityType::COMPANY, EntityType::ORGANIZATION, EntityType::COUNTRY,
                 EntityType::LOCATION, EntityType::EVENT, EntityType::PRODUCT, EntityType::POLICY});
        } else {
            auto t = parse_entity_type(item);
            if (!t || *t == EntityType::UNKNOWN)
                throw Error(ExitCode::bad_input,
                            where + "unknown type '" + std::string(item) +
                                "' (a type name, ACTOR, ORG, PLACE or ANY, '|'-separated)");
            add({*t});
        }
    }
    std::vector<EntityType> out;
    for (int i = 0; i < static_cast<int>(EntityType::UNKNOWN); ++i)
        if (seen[i]) out.push_back(static_cast<EntityType>(i));
    return out;
}

bool valid_name(std::string_view name) {
    if (name.empty()) return false;
    for (char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return true;
}

std::vector<Predicate> load(const detail::ModelBytes& file) {
    std::vector<Predicate> out;
    std::size_t number = 0;
    for (const auto line : detail::split_lines(file.bytes())) {
        ++number;
        if (detail::trim(line).empty() || line[0] == '#') continue;
        const std::string where = file.source + ":" + std::to_string(number) + ": ";
        const auto cols = detail::split(line, '\t');
        if (cols.size() < kRequired || cols.size() > kAllColumns)
            throw Error(ExitCode::bad_input, where + std::to_string(cols.size()) +
                                                 " tab-separated columns; schema v2 has " + kColumns +
                                                 " (the last five may be empty or left off)");
        Predicate p;
        p.name = std::string(detail::trim(cols[0]));
        if (!valid_name(p.name))
            throw Error(ExitCode::bad_input, where + "bad predicate name '" + std::string(cols[0]) +
                                                 "' (lower-case letters, digits and '_')");
        for (const auto& q : out)
            if (q.name == p.name) throw Error(ExitCode::bad_input, where + "predicate '" + p.name + "' listed twice");
        const auto sym = detail::trim(cols[1]);
        if (sym != "yes" && sym != "no")
            throw Error(ExitCode::bad_input, where + "symmetric must be yes or no, not '" + std::string(sym) + "'");
        p.symmetric = sym == "yes";
        p.subject_types = parse_type_list(cols[2], where + "subject: ");
        p.object_types = parse_type_list(cols[3], where + "object: ");
        if (p.subject_types.empty() || p.object_types.empty())
            throw Error(ExitCode::bad_input, where + "empty subject or object types");
        p.meaning = std::string(detail::trim(cols[4]));
        p.description = p.meaning;
        p.example = std::string(detail::trim(cols[5]));
        std::string* labels[] = {&p.wikidata, &p.ace05, &p.conll04, &p.re3d, &p.cameo};
        for (std::size_t i = kRequired; i < cols.size(); ++i) *labels[i - kRequired] = std::string(detail::trim(cols[i]));
        out.push_back(std::move(p));
    }
    if (out.empty()) throw Error(ExitCode::bad_input, file.source + ": no predicates");
    return out;
}

}  // namespace

const std::vector<Predicate>& predicates() {
    // One table per data directory, never freed: callers (extraction threads) may hold references while a
    // test switches directories. A malformed file is not cached, so every call reports it.
    // Each thread remembers its last table, so the hot callers (is_symmetric per edge) take no lock.
    thread_local const std::vector<Predicate>* last = nullptr;
    thread_local std::string last_dir;
    if (last && last_dir == detail::data_dir()) return *last;
    static std::mutex mutex;
    static std::map<std::string, std::unique_ptr<const std::vector<Predicate>>> tables;
    std::lock_guard<std::mutex> lock(mutex);
    auto& slot = tables[detail::data_dir()];
    if (!slot) {
        try {
            slot = std::make_unique<const std::vector<Predicate>>(load(detail::model_bytes("predicates.tsv")));
        } catch (...) {
            tables.erase(detail::data_dir());
            throw;
        }
    }
    last = slot.get();
    last_dir = detail::data_dir();
    return *slot;
}

const Predicate* predicate_info(std::string_view name) {
    for (const auto& p : predicates())
        if (p.name == name) return &p;
    return nullptr;
}

bool is_predicate(std::string_view name) { return predicate_info(name) != nullptr; }

bool is_symmetric(std::string_view name) {
    const Predicate* p = predicate_info(name);
    return p && p->symmetric;
}

const std::vector<EntityType>& subject_types(std::string_view name) {
    static const std::vector<EntityType> none;
    const Predicate* p = predicate_info(name);
    return p ? p->subject_types : none;
}

const std::vector<EntityType>& object_types(std::string_view name) {
    static const std::vector<EntityType> none;
    const Predicate* p = predicate_info(name);
    return p ? p->object_types : none;
}

std::string_view predicate_meaning(std::string_view name) {
    const Predicate* p = predicate_info(name);
    return p ? std::string_view(p->meaning) : std::string_view();
}

}  // namespace kg
