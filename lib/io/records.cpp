// Extraction records (map output / reduce input) and TSV facts.
#include <kg/records.hpp>

#include "export/text.hpp"
#include "merge/packed.hpp"
#include "io/json_numbers.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

namespace fs = std::filesystem;

namespace kg {

namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void put(Writer& w, std::string_view s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }

// Shortest round-trip form, so a reduce gives the same doubles as a single run.
void put_number(Writer& w, double v) {
    const std::string s = exportdetail::format_json_double(v);
    w.RawValue(s.data(), s.size(), rapidjson::kNumberType);
}

void put_optional(Writer& w, const char* key, const std::string& value) {
    if (value.empty()) return;
    w.Key(key);
    put(w, value);
}

void end_line(rapidjson::StringBuffer& b, std::ostream& out) {
    out.write(b.GetString(), static_cast<std::streamsize>(b.GetSize()));
    out.put('\n');
    b.Clear();
}

}  // namespace

void write_records(const ExtractedDocument& d, std::ostream& out) {
    rapidjson::StringBuffer b;
    {
        Writer w(b);
        w.StartObject();
        w.Key("record"); put(w, "document");
        w.Key("doc"); put(w, d.info.id);
        w.Key("source"); put(w, d.info.source);
        w.Key("bytes"); w.Uint64(d.info.bytes);
        put_optional(w, "title", d.info.title);
        put_optional(w, "date", d.info.date);
        put_optional(w, "publisher", d.info.publisher);
        put_optional(w, "url", d.info.url);
        w.Key("shingles"); w.Uint(d.fingerprint.shingles);
        w.Key("minhash"); put(w, to_hex(d.fingerprint));
        w.EndObject();
    }
    end_line(b, out);
    const DocExtraction& x = d.extraction;
    for (std::size_t i = 0; i < x.entities.size(); ++i) {
        const DocEntity& e = x.entities[i];
        Writer w(b);
        w.StartObject();
        w.Key("record"); put(w, "entity");
        w.Key("doc"); put(w, d.info.id);
        w.Key("index"); w.Uint64(i);
        w.Key("name"); put(w, e.name);
        w.Key("type"); put(w, to_string(e.type));
        w.Key("type_confidence"); put_number(w, e.type_confidence);
        w.Key("aliases");
        w.StartArray();
        for (const auto& a : e.aliases) put(w, a);
        w.EndArray();
        w.Key("mentions");
        w.StartArray();
        for (const Mention& m : e.mentions) {
            w.StartArray();
            w.Uint64(m.start);
            w.Uint64(m.end);
            put(w, m.text);
            if (m.cp_start != Span::unknown) w.Uint64(m.cp_start);
            w.EndArray();
        }
        w.EndArray();
        w.EndObject();
        end_line(b, out);
    }
    for (std::size_t i = 0; i < x.relations.size(); ++i) {
        const DocRelation& r = x.relations[i];
        Writer w(b);
        w.StartObject();
        w.Key("record"); put(w, "relation");
        w.Key("doc"); put(w, d.info.id);
        w.Key("index"); w.Uint64(i);
        for (auto [key, which] : {std::pair<const char*, std::size_t>{"subject", r.subject}, {"object", r.object}}) {
            if (key[0] == 'o') {
                w.Key("predicate");
                put(w, r.predicate);
            }
            const DocEntity& e = x.entities.at(which);
            w.Key(key);
            w.StartArray();
            put(w, e.name);
            put(w, to_string(e.type));
            w.EndArray();
        }
        w.Key("confidence"); put_number(w, r.confidence);
        w.Key("evidence");
        w.StartObject();
        w.Key("start"); w.Uint64(r.evidence.start);
        w.Key("end"); w.Uint64(r.evidence.end);
        w.Key("text"); put(w, r.evidence.text);
        if (r.evidence.cp_start != Span::unknown) {
            w.Key("cp_start");
            w.Uint64(r.evidence.cp_start);
        }
        put_optional(w, "modality", r.evidence.modality);
        if (r.evidence.former) {
            w.Key("former");
            w.Bool(true);
        }
        if (r.evidence.negated) {
            w.Key("negated");
            w.Bool(true);
        }
        w.EndObject();
        w.EndObject();
        end_line(b, out);
    }
}

namespace {

using Value = rapidjson::Value;

struct PendingRelation {
    std::pair<std::string, EntityType> subject, object;
    DocRelation relation;
};

// Where a line was read: the input's number (in the order read) and the line number.
struct Place {
    std::size_t file = 0, line = 0;
};

// The records of one document seen so far. Input sorted as text (all "document" lines, then all "entity"
// lines, then all "relation" lines) completes no document before the end, so every record may wait until
// then. They wait packed (lib/extract/packed.hpp), one after the other in a string per document and kind
// (index, place, packed record), at a few bytes more than their text instead of 130 for a map node and
// its strings before any text: records of a 1 GB corpus took 5.3 GB as maps of structs.
struct Partial {
    bool has_document = false;
    ExtractedDocument doc;
    std::string entities;   // packed DocEntity records
    std::string relations;  // packed PendingRelation records
    std::string first_seen;
};

void append_record(std::string& records, std::size_t index, Place at, const std::string& packed) {
    detail::PackWriter w;
    w.number(index);
    w.number(at.file);
    w.number(at.line);
    w.text(packed);
    records += w.out;
}

struct WaitingRecord {
    std::size_t index;
    Place at;
    std::string_view packed;
};

// The records of one kind of a document, by index (among equal indexes in arrival order).
std::vector<WaitingRecord> records_by_index(const std::string& records) {
    std::vector<WaitingRecord> out;
    detail::PackReader r(records);
    while (!r.done()) {
        WaitingRecord w;
        w.index = static_cast<std::size_t>(r.number());
        w.at.file = static_cast<std::size_t>(r.number());
        w.at.line = static_cast<std::size_t>(r.number());
        w.packed = r.text();
        out.push_back(w);
    }
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.index < b.index; });
    return out;
}

std::string pack_entity(DocEntity e, const std::string& id) {
    DocExtraction x;
    x.doc = id;
    x.entities.push_back(std::move(e));
    return detail::pack(x, id);
}
DocEntity unpack_entity(std::string_view packed, const std::string& id) {
    return std::move(detail::unpack(packed, id).entities.front());
}
std::string pack_relation(PendingRelation r, const std::string& id) {
    detail::PackWriter w;
    for (const auto* end : {&r.subject, &r.object}) {
        w.text(end->first);
        w.byte(static_cast<unsigned char>(end->second));
    }
    DocExtraction x;
    x.doc = id;
    x.relations.push_back(std::move(r.relation));
    w.text(detail::pack(x, id));
    return std::move(w.out);
}
PendingRelation unpack_relation(std::string_view packed, const std::string& id) {
    detail::PackReader in(packed);
    PendingRelation r;
    for (auto* end : {&r.subject, &r.object}) {
        end->first = in.text();
        end->second = static_cast<EntityType>(in.byte());
    }
    r.relation = std::move(detail::unpack(in.text(), id).relations.front());
    return r;
}

Error bad_line(const std::string& where, const std::string& what) { return Error(ExitCode::bad_input, where + ": " + what); }

const Value& need(const Value& obj, const char* key, const std::string& where) {
    auto it = obj.FindMember(key);
    if (it == obj.MemberEnd()) throw bad_line(where, std::string("no \"") + key + "\"");
    return it->value;
}
std::string need_string(const Value& obj, const char* key, const std::string& where) {
    const Value& v = need(obj, key, where);
    if (!v.IsString()) throw bad_line(where, std::string("\"") + key + "\" is not a string");
    return std::string(v.GetString(), v.GetStringLength());
}
std::string opt_string(const Value& obj, const char* key, const std::string& where) {
    return obj.HasMember(key) ? need_string(obj, key, where) : std::string();
}
std::size_t need_size(const Value& obj, const char* key, const std::string& where) {
    const Value& v = need(obj, key, where);
    if (!v.IsUint64()) throw bad_line(where, std::string("\"") + key + "\" is not an unsigned integer");
    return static_cast<std::size_t>(v.GetUint64());
}
double need_double(const Value& obj, const char* key, const std::string& where) {
    const Value& v = need(obj, key, where);
    if (!v.IsNumber()) throw bad_line(where, std::string("\"") + key + "\" is not a number");
    return v.GetDouble();
}
EntityType need_type(const std::string& name, const std::string& where) {
    auto t = parse_entity_type(name);
    if (!t) throw bad_line(where, "unknown entity type '" + name + "'");
    return *t;
}
std::pair<std::string, EntityType> entity_ref(const Value& obj, const char* key, const std::string& where) {
    const Value& v = need(obj, key, where);
    if (!v.IsArray() || v.Size() != 2 || !v[0].IsString() || !v[1].IsString())
        throw bad_line(where, std::string("\"") + key + "\" is not [name, type]");
    return {std::string(v[0].GetString(), v[0].GetStringLength()),
            need_type(std::string(v[1].GetString(), v[1].GetStringLength()), where)};
}

void parse_record(std::string_view line, const std::string& where, Place at, std::map<std::string, Partial>& docs) {
    rapidjson::Document d;
    // Iterative: deeply nested input must not exhaust the stack. Numbers exactly (io/json_numbers.hpp).
    const rapidjson::ParseResult parsed =
        iodetail::parse_exact<rapidjson::kParseValidateEncodingFlag | rapidjson::kParseIterativeFlag>(d, line);
    if (parsed.IsError())
        throw bad_line(where, "invalid JSON at column " + std::to_string(parsed.Offset() + 1) + ": " +
                                  rapidjson::GetParseError_En(parsed.Code()));
    if (!d.IsObject()) throw bad_line(where, "expected a JSON object");
    const std::string kind = need_string(d, "record", where);
    const std::string id = need_string(d, "doc", where);
    if (kind != "document" && kind != "entity" && kind != "relation")
        throw bad_line(where, "unknown record '" + kind + "' (document, entity, relation)");
    // Parse fully before touching the document, so a skipped bad line leaves no trace.
    if (kind == "document") {
        ExtractedDocument x;
        x.info.id = id;
        x.info.source = need_string(d, "source", where);
        x.info.bytes = need_size(d, "bytes", where);
        x.info.title = opt_string(d, "title", where);
        x.info.date = opt_string(d, "date", where);
        x.info.publisher = opt_string(d, "publisher", where);
        x.info.url = opt_string(d, "url", where);
        x.fingerprint.shingles = static_cast<std::uint32_t>(need_size(d, "shingles", where));
        const std::string hex = need_string(d, "minhash", where);
        if (!bins_from_hex(hex, x.fingerprint)) throw bad_line(where, "\"minhash\" is not 512 hex digits");
        Partial& p = docs[id];
        if (p.has_document) throw bad_line(where, "second document record for '" + id + "'");
        p.has_document = true;
        x.extraction = std::move(p.doc.extraction);
        p.doc = std::move(x);
        if (p.first_seen.empty()) p.first_seen = where;
    } else if (kind == "entity") {
        const std::size_t index = need_size(d, "index", where);
        DocEntity e;
        e.name = need_string(d, "name", where);
        e.type = need_type(need_string(d, "type", where), where);
        e.type_confidence = need_double(d, "type_confidence", where);
        const Value& aliases = need(d, "aliases", where);
        if (!aliases.IsArray()) throw bad_line(where, "\"aliases\" is not an array");
        for (const Value& a : aliases.GetArray()) {
            if (!a.IsString()) throw bad_line(where, "an alias is not a string");
            e.aliases.emplace_back(a.GetString(), a.GetStringLength());
        }
        const Value& mentions = need(d, "mentions", where);
        if (!mentions.IsArray()) throw bad_line(where, "\"mentions\" is not an array");
        for (const Value& m : mentions.GetArray()) {
            if (!m.IsArray() || m.Size() < 3 || m.Size() > 4 || !m[0].IsUint64() || !m[1].IsUint64() ||
                !m[2].IsString() || (m.Size() == 4 && !m[3].IsUint64()))
                throw bad_line(where, "a mention is not [start, end, text[, code point start]]");
            e.mentions.push_back(Mention{id, static_cast<std::size_t>(m[0].GetUint64()),
                                         static_cast<std::size_t>(m[1].GetUint64()),
                                         std::string(m[2].GetString(), m[2].GetStringLength())});
            if (m.Size() == 4) e.mentions.back().cp_start = static_cast<std::size_t>(m[3].GetUint64());
        }
        Partial& p = docs[id];
        append_record(p.entities, index, at, pack_entity(std::move(e), id));
        if (p.first_seen.empty()) p.first_seen = where;
    } else {
        const std::size_t index = need_size(d, "index", where);
        PendingRelation r;
        r.subject = entity_ref(d, "subject", where);
        r.object = entity_ref(d, "object", where);
        r.relation.predicate = need_string(d, "predicate", where);
        r.relation.confidence = need_double(d, "confidence", where);
        const Value& ev = need(d, "evidence", where);
        if (!ev.IsObject()) throw bad_line(where, "\"evidence\" is not an object");
        Evidence& e = r.relation.evidence;
        e.doc = id;
        e.start = need_size(ev, "start", where);
        e.end = need_size(ev, "end", where);
        e.text = need_string(ev, "text", where);
        if (ev.HasMember("cp_start")) e.cp_start = need_size(ev, "cp_start", where);
        e.modality = opt_string(ev, "modality", where);
        if (ev.HasMember("former")) {
            if (!ev["former"].IsBool()) throw bad_line(where, "\"former\" is not true or false");
            e.former = ev["former"].GetBool();
        }
        if (ev.HasMember("negated")) {
            if (!ev["negated"].IsBool()) throw bad_line(where, "\"negated\" is not true or false");
            e.negated = ev["negated"].GetBool();
        }
        Partial& p = docs[id];
        append_record(p.relations, index, at, pack_relation(std::move(r), id));
        if (p.first_seen.empty()) p.first_seen = where;
    }
}

// TSV facts of one file: entities by name, in order of first appearance.
struct Facts {
    Partial partial;
    std::map<std::string, std::size_t> entity_index;
    std::size_t relations = 0;
    bool any = false;
};

void parse_fact(std::string_view line, std::size_t line_start, const std::string& where, Place at, Facts& facts) {
    std::vector<std::string_view> cols;
    std::size_t pos = 0;
    for (;;) {
        const std::size_t tab = line.find('\t', pos);
        cols.push_back(line.substr(pos, tab == std::string_view::npos ? std::string_view::npos : tab - pos));
        if (tab == std::string_view::npos) break;
        pos = tab + 1;
    }
    if (cols.size() < 3 || cols.size() > 4 || cols[0].empty() || cols[1].empty() || cols[2].empty())
        throw bad_line(where, "expected subject<TAB>predicate<TAB>object[<TAB>evidence] (or a JSON record)");
    if (find_invalid_utf8(line) != std::string_view::npos) throw bad_line(where, "invalid UTF-8");
    Partial& p = facts.partial;
    const std::string& id = p.doc.info.id;
    auto entity = [&](std::string_view name) {
        auto [it, added] = facts.entity_index.emplace(std::string(name), facts.entity_index.size());
        if (added) {
            DocEntity e;
            e.name = std::string(name);
            e.type = EntityType::UNKNOWN;
            e.type_confidence = 0;  // a bare name: any typed extraction of it wins (reconcile_types)
            append_record(p.entities, it->second, at, pack_entity(std::move(e), id));
        }
        // Facts name their entities directly: relations find them by name, as records' relations do.
        return std::make_pair(std::string(name), EntityType::UNKNOWN);
    };
    PendingRelation r;
    r.subject = entity(cols[0]);
    r.relation.predicate = std::string(cols[1]);
    r.object = entity(cols[2]);
    r.relation.confidence = 1.0;
    Evidence& e = r.relation.evidence;
    e.doc = p.doc.info.id;
    const std::string_view span = cols.size() == 4 && !cols[3].empty() ? cols[3] : line;
    e.start = line_start + static_cast<std::size_t>(span.data() - line.data());
    e.end = e.start + span.size();
    e.text = std::string(span);
    append_record(p.relations, facts.relations++, at, pack_relation(std::move(r), id));
    facts.any = true;
}

std::vector<fs::path> expand(const std::vector<std::string>& inputs, const ReadOptions& options, std::size_t& skipped) {
    std::vector<fs::path> out;
    for (const std::string& input : inputs) {
        if (input == "-") {
            out.emplace_back();
            continue;
        }
        std::error_code ec;
        if (!fs::is_directory(input, ec)) {
            out.emplace_back(input);  // a missing file is reported when it is opened
            continue;
        }
        std::vector<fs::path> files;
        for (fs::recursive_directory_iterator it(input, ec), end; !ec && it != end; it.increment(ec)) {
            const std::string name = it->path().filename().string();
            if (name.empty() || name[0] == '_' || name[0] == '.') {
                if (it->is_directory()) it.disable_recursion_pending();
                continue;
            }
            if (it->is_regular_file()) files.push_back(it->path());
        }
        if (ec) {
            Error e(ExitCode::bad_input, input + ": cannot read directory: " + ec.message());
            if (!options.skip_bad) throw e;
            ++skipped;
            if (options.on_skip) options.on_skip(e);
        }
        std::sort(files.begin(), files.end());
        out.insert(out.end(), files.begin(), files.end());
    }
    return out;
}

}  // namespace

std::size_t read_records(const std::vector<std::string>& inputs, const ReadOptions& options, GraphBuilder& builder) {
    std::size_t skipped = 0;
    auto skip = [&](const Error& e) {
        if (!options.skip_bad) throw e;
        ++skipped;
        if (options.on_skip) options.on_skip(e);
    };
    std::map<std::string, Partial> docs;
    std::vector<Partial> fact_docs;
    std::vector<std::string> names;  // of the inputs read, by Place::file
    auto where_of = [&](Place at) { return names[at.file] + ":" + std::to_string(at.line); };
    for (const fs::path& path : expand(inputs, options, skipped)) {
        const std::string name = path.empty() ? std::string("<stdin>") : path.string();
        const std::size_t file_number = names.size();
        names.push_back(name);
        std::ifstream file;
        if (!path.empty()) {
            file.open(path, std::ios::binary);
            if (!file) {
                skip(Error(ExitCode::bad_input, name + ": cannot open: " + std::strerror(errno)));
                continue;
            }
        }
        std::istream& in = path.empty() ? std::cin : file;
        Facts facts;
        facts.partial.has_document = true;
        facts.partial.doc.info.id = path.empty() ? std::string("stdin") : path.stem().generic_string();
        facts.partial.doc.info.source = path.empty() ? std::string("-") : name;
        std::string line;
        std::size_t offset = 0;
        for (std::size_t number = 1; std::getline(in, line); ++number) {
            const std::size_t line_start = offset;
            offset += line.size() + 1;
            if (!line.empty() && line.back() == '\r') line.pop_back();
            const std::size_t first = line.find_first_not_of(" \t");
            if (first == std::string::npos || line[first] == '#') continue;
            const std::string where = name + ":" + std::to_string(number);
            const Place at{file_number, number};
            try {
                if (line[first] == '{') parse_record(line, where, at, docs);
                else parse_fact(line, line_start, where, at, facts);
            } catch (const Error& e) {
                skip(e);
            }
        }
        if (in.bad()) skip(Error(ExitCode::bad_input, name + ": read error"));
        if (facts.any) {
            facts.partial.doc.info.bytes = offset;
            fact_docs.push_back(std::move(facts.partial));
        }
    }
    auto finish = [&](const std::string& id, Partial& p) {
        if (!p.has_document)
            throw Error(ExitCode::bad_input, p.first_seen + ": records of document '" + id +
                                                 "' but no document record for it in any input");
        ExtractedDocument& x = p.doc;
        std::map<std::pair<std::string, EntityType>, std::size_t> index;
        // A second record with an index already seen is a bad line of its own (the first one counts).
        auto repeated = [&](const std::vector<WaitingRecord>& records, std::size_t k, const char* kind) {
            if (k == 0 || records[k].index != records[k - 1].index) return false;
            skip(bad_line(where_of(records[k].at),
                          std::string("second ") + kind + " " + std::to_string(records[k].index) + " of '" + id + "'"));
            return true;
        };
        const std::vector<WaitingRecord> entities = records_by_index(p.entities);
        std::size_t expected = 0;
        for (std::size_t k = 0; k < entities.size(); ++k) {
            if (repeated(entities, k, "entity")) continue;
            if (entities[k].index != expected++)
                throw Error(ExitCode::bad_input, p.first_seen + ": document '" + id + "' misses entity record " +
                                                     std::to_string(expected - 1));
            DocEntity e = unpack_entity(entities[k].packed, id);
            index.emplace(std::make_pair(e.name, e.type), x.extraction.entities.size());
            x.extraction.entities.push_back(std::move(e));
        }
        const std::vector<WaitingRecord> relations = records_by_index(p.relations);
        for (std::size_t k = 0; k < relations.size(); ++k) {
            if (repeated(relations, k, "relation")) continue;
            PendingRelation r = unpack_relation(relations[k].packed, id);
            auto s = index.find(r.subject), o = index.find(r.object);
            if (s == index.end() || o == index.end())
                throw Error(ExitCode::bad_input, where_of(relations[k].at) +
                                                     ": relation names an entity with no entity record in '" + id + "'");
            r.relation.subject = s->second;
            r.relation.object = o->second;
            x.extraction.relations.push_back(std::move(r.relation));
        }
        x.extraction.doc = id;
        builder.add(std::move(x));
    };
    for (auto& [id, p] : docs) {
        try {
            finish(id, p);
        } catch (const Error& e) {
            skip(e);
        }
        p = Partial{};  // in the builder now, packed again: free this copy before the next
    }
    for (Partial& p : fact_docs) {
        const std::string id = p.doc.info.id;
        finish(id, p);
    }
    return skipped;
}

}  // namespace kg
