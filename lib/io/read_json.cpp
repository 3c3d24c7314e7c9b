// Node-link JSON: libkg's own files (every field) and NetworkX's node_link_data output ("edges" or "links",
// numeric ids, no types).
#include <kg/read.hpp>

#include "io/common.hpp"
#include "io/json_numbers.hpp"

#include <rapidjson/document.h>
#include <rapidjson/encodedstream.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>
#include <rapidjson/error/en.h>

#include <cmath>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <limits>
#include <optional>

namespace kg {

namespace {

using Value = rapidjson::Value;

std::string str(const Value& v) { return std::string(v.GetString(), v.GetStringLength()); }

const Value* member(const Value& obj, const char* key) {
    auto it = obj.FindMember(key);
    return it == obj.MemberEnd() ? nullptr : &it->value;
}

std::string string_member(const Value& obj, const char* key) {
    const Value* v = member(obj, key);
    return v && v->IsString() ? str(*v) : std::string();
}

// NetworkX writes integer node ids as numbers; they become their decimal text.
std::optional<std::string> id_text(const Value* v) {
    if (!v) return std::nullopt;
    if (v->IsString()) return str(*v);
    if (v->IsInt64()) return std::to_string(v->GetInt64());
    if (v->IsUint64()) return std::to_string(v->GetUint64());
    return std::nullopt;
}

std::size_t size_member(const Value& obj, const char* key) {
    const Value* v = member(obj, key);
    return v && v->IsUint64() ? static_cast<std::size_t>(v->GetUint64()) : 0;
}

// libkg writes null for a NaN weight; a missing number means the foreign default of 1.
double number_member(const Value& obj, const char* key) {
    const Value* v = member(obj, key);
    if (!v) return 1.0;
    if (v->IsNumber()) return v->GetDouble();
    return std::numeric_limits<double>::quiet_NaN();
}

std::vector<Span> spans(const Value* v) {
    std::vector<Span> out;
    if (!v) return out;
    if (v->IsString()) {  // a foreign file's single evidence sentence
        out.push_back(Span{"", 0, 0, str(*v)});
        return out;
    }
    if (!v->IsArray()) return out;
    for (const Value& s : v->GetArray()) {
        if (!s.IsObject()) continue;
        out.push_back(Span{string_member(s, "doc"), size_member(s, "start"), size_member(s, "end"),
                           string_member(s, "text")});
        // cp_end is derived from cp_start and the text, so only cp_start is kept; a code-point offset past
        // the byte offset cannot be one.
        if (const Value* cp = member(s, "cp_start"); cp && cp->IsUint64() && cp->GetUint64() <= out.back().start)
            out.back().cp_start = static_cast<std::size_t>(cp->GetUint64());
    }
    return out;
}

// Evidence items are spans plus how the sentence states the relation (absent keys: asserted).
std::vector<Evidence> evidence_items(const Value* v) {
    std::vector<Evidence> out;
    for (Span& sp : spans(v)) {
        Evidence e;
        static_cast<Span&>(e) = std::move(sp);
        out.push_back(std::move(e));
    }
    if (v && v->IsArray()) {
        std::size_t k = 0;
        for (const Value& s : v->GetArray()) {
            if (!s.IsObject()) continue;
            if (auto m = s.FindMember("modality"); m != s.MemberEnd() && m->value.IsString()) out[k].modality = str(m->value);
            if (auto n = s.FindMember("negated"); n != s.MemberEnd() && n->value.IsBool()) out[k].negated = n->value.GetBool();
            if (auto f = s.FindMember("former"); f != s.MemberEnd() && f->value.IsBool()) out[k].former = f->value.GetBool();
            ++k;
        }
    }
    return out;
}

// The file's edge id when present and not taken, else "<s>--<predicate>--<t>" made unique, so foreign files
// (NetworkX keys 0, 1, …; igraph no ids) still give every edge its own id.
std::string edge_id(const KnowledgeGraph& graph, const std::string& file_id, Vertex s, const std::string& predicate,
                    Vertex t) {
    if (!file_id.empty() && !graph.has_relation_id(file_id)) return file_id;
    const Graph& g = graph.graph();
    const std::string base = g[s].id + "--" + predicate + "--" + g[t].id;
    std::string id = base;
    for (std::size_t n = 2; graph.has_relation_id(id); ++n) id = base + "-" + std::to_string(n);
    return id;
}

}  // namespace

// Numbers are converted by iodetail::parse_exact (io/json_numbers.hpp), exactly.
constexpr unsigned kFlags = rapidjson::kParseValidateEncodingFlag | rapidjson::kParseNanAndInfFlag |
                            rapidjson::kParseIterativeFlag;  // deep nesting ([[[[…) must not exhaust the stack

void parse_text(rapidjson::Document& d, std::string_view text, const std::string& name) {
    const rapidjson::ParseResult parsed = iodetail::parse_exact<kFlags>(d, text);
    if (parsed.IsError())
        throw iodetail::bad_at(name, text, parsed.Offset(),
                               std::string("invalid JSON: ") + rapidjson::GetParseError_En(parsed.Code()));
    if (!d.IsObject()) throw iodetail::bad(name, "", "expected a node-link JSON object");
}

KnowledgeGraph graph_of(const rapidjson::Document& d, const std::string& name) {
    const Value* nodes = member(d, "nodes");
    if (!nodes || !nodes->IsArray())
        throw iodetail::bad(name, "", "no \"nodes\" array: not a node-link graph");
    const char* edges_key = member(d, "edges") ? "edges" : "links";
    const Value* edges = member(d, edges_key);
    if (edges && !edges->IsArray()) throw iodetail::bad(name, "", std::string("\"") + edges_key + "\" is not an array");

    KnowledgeGraph graph;
    if (const Value* g = member(d, "graph"); g && g->IsObject())
        if (const Value* docs = member(*g, "documents"); docs && docs->IsArray())
            for (const Value& doc : docs->GetArray())
                if (doc.IsObject())
                    graph.add_document({string_member(doc, "id"), string_member(doc, "source"), size_member(doc, "bytes"),
                                        string_member(doc, "title"), string_member(doc, "date"),
                                        string_member(doc, "publisher"), string_member(doc, "url"),
                                        string_member(doc, "duplicate_of")});

    graph.reserve(nodes->Size(), edges ? edges->Size() : 0);
    rapidjson::SizeType i = 0;
    for (const Value& n : nodes->GetArray()) {
        const std::string where = "nodes[" + std::to_string(i++) + "]";
        if (!n.IsObject()) throw iodetail::bad(name, where, "not an object");
        auto id = id_text(member(n, "id"));
        if (!id) throw iodetail::bad(name, where, "no \"id\" (a string or an integer)");
        if (graph.find_id(*id)) throw iodetail::bad(name, where, "duplicate node id '" + *id + "'");
        Entity e;
        e.id = *id;
        if (const Value* l = member(n, "label"); l && l->IsString()) e.label = str(*l);
        else if (const Value* l2 = member(n, "name"); l2 && l2->IsString()) e.label = str(*l2);
        else e.label = *id;
        e.type = parse_entity_type(string_member(n, "type")).value_or(EntityType::UNKNOWN);
        if (const Value* a = member(n, "aliases"); a && a->IsArray())
            for (const Value& s : a->GetArray())
                if (s.IsString()) e.aliases.push_back(str(s));
        e.frequency = size_member(n, "frequency");
        e.mentions = spans(member(n, "mentions"));
        if (const Value* js = member(n, "joins"); js && js->IsArray())
            for (const Value& j : js->GetArray())
                if (j.IsObject())
                    e.joins.push_back(AliasJoin{string_member(j, "alias"), string_member(j, "doc"), number_member(j, "confidence")});
        graph.insert_entity(std::move(e));
    }

    KnowledgeGraph::RelationBatch batch(graph);
    i = 0;
    if (edges)
        for (const Value& ed : edges->GetArray()) {
            const std::string where = std::string(edges_key) + "[" + std::to_string(i++) + "]";
            if (!ed.IsObject()) throw iodetail::bad(name, where, "not an object");
            Vertex ends[2];
            const char* keys[2] = {"source", "target"};
            for (int k = 0; k < 2; ++k) {
                auto end = id_text(member(ed, keys[k]));
                if (!end) throw iodetail::bad(name, where, std::string("no \"") + keys[k] + "\" node id");
                auto v = graph.find_id(*end);
                if (!v) throw iodetail::bad(name, where, std::string(keys[k]) + " '" + *end + "' is not a node");
                ends[k] = *v;
            }
            Relation r;
            if (const Value* p = member(ed, "predicate"); p && p->IsString()) r.predicate = str(*p);
            else if (const Value* l = member(ed, "label"); l && l->IsString()) r.predicate = str(*l);
            else r.predicate = "related_to";
            std::string file_id = string_member(ed, "id");
            if (file_id.empty()) file_id = string_member(ed, "key");
            r.id = edge_id(graph, file_id, ends[0], r.predicate, ends[1]);
            r.weight = number_member(ed, "weight");
            r.confidence = number_member(ed, "confidence");
            r.evidence = evidence_items(member(ed, "evidence"));
            batch.add(ends[0], ends[1], std::move(r));
        }
    batch.finish();
    return graph;
}

namespace {

// Boundaries in JSON text already known to be valid (RapidJSON parsed it), found without building values.
std::size_t skip_space(std::string_view t, std::size_t i) {
    while (i < t.size() && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r')) ++i;
    return i;
}
// One past the value that starts at t[i].
std::size_t value_end(std::string_view t, std::size_t i) {
    if (t[i] == '"') {
        for (++i; t[i] != '"'; ++i)
            if (t[i] == '\\') ++i;
        return i + 1;
    }
    if (t[i] == '{' || t[i] == '[') {
        std::size_t depth = 0;
        for (;; ++i) {
            const char c = t[i];
            if (c == '"') i = value_end(t, i) - 1;
            else if (c == '{' || c == '[') ++depth;
            else if ((c == '}' || c == ']') && --depth == 0) return i + 1;
        }
    }
    while (i < t.size() && t[i] != ',' && t[i] != ']' && t[i] != '}' && t[i] != ' ' && t[i] != '\t' && t[i] != '\n' &&
           t[i] != '\r')
        ++i;  // a number, true, false, null, NaN, Infinity
    return i;
}
// Calls each(text) for every element of the array `t`.
template <class Each>
void for_each_element(std::string_view t, Each&& each) {
    std::size_t i = skip_space(t, 1);
    if (t[i] == ']') return;
    for (;;) {
        const std::size_t end = value_end(t, i);
        each(t.substr(i, end - i));
        i = skip_space(t, end);
        if (t[i] != ',') return;
        i = skip_space(t, i + 1);
    }
}
// Calls each(key, value text) for every member of the object `t`; false (at once) for a key with escapes,
// whose raw text is not the key.
template <class Each>
bool for_each_member(std::string_view t, Each&& each) {
    std::size_t i = skip_space(t, 1);
    if (t[i] == '}') return true;
    for (;;) {
        const std::size_t key_end = value_end(t, i);
        const std::string_view key = t.substr(i + 1, key_end - i - 2);
        if (key.find('\\') != std::string_view::npos) return false;
        i = skip_space(t, skip_space(t, key_end) + 1);  // past the ':'
        const std::size_t end = value_end(t, i);
        each(key, t.substr(i, end - i));
        i = skip_space(t, end);
        if (t[i] != ',') return true;
        i = skip_space(t, i + 1);
    }
}

}  // namespace

// The extraction section (kg/export.hpp, write_json), checked strictly: a result that silently differs from
// one run over all documents is worse than no result.
class ExtractionReader {
public:
    using Each = std::function<void(ExtractedDocument&&)>;

    /// For a file whose graph lists `documents` and has `nodes` nodes and `edges` edges.
    ExtractionReader(const std::string& name, const std::vector<DocumentInfo>& documents, std::size_t nodes,
                     std::size_t edges)
        : name_(name), infos_(documents), nodes_(nodes), edges_(edges) {}

    /// The section as a DOM value.
    void read(const Value& section, const Each& each) {
        where_ = "extraction";
        if (!section.IsObject()) fail("not an object");
        check_header(member(section, "format"), member(section, "nodes"), member(section, "edges"));
        const Value* docs = member(section, "documents");
        if (!docs || !docs->IsArray()) fail("no \"documents\" array");
        check_count(docs->Size());
        for (rapidjson::SizeType i = 0; i < docs->Size(); ++i) {
            where_ = "extraction.documents[" + std::to_string(i) + "]";
            each(document((*docs)[i], infos_[i]));
        }
    }

    /// The section as JSON text, already checked to be valid JSON: each document is parsed on its own, so that
    /// the section (a third of a large file) is never a DOM as a whole. False, having read nothing, when a key
    /// of the section is written with escapes: then the DOM reader must read it.
    bool read(std::string_view section, const Each& each) {
        where_ = "extraction";
        if (section.empty() || section.front() != '{') fail("not an object");
        std::optional<std::string_view> fields[4];  // format, nodes, edges, documents: the first of each, as the DOM
        static constexpr std::string_view names[4] = {"format", "nodes", "edges", "documents"};
        const bool plain = for_each_member(section, [&](std::string_view key, std::string_view value) {
            for (int f = 0; f < 4; ++f)
                if (key == names[f] && !fields[f]) fields[f] = value;
        });
        if (!plain) return false;
        rapidjson::Document header[3];
        for (int f = 0; f < 3; ++f)
            if (fields[f]) iodetail::parse_exact<kFlags>(header[f], *fields[f]);
        auto value = [&](int f) -> const Value* { return fields[f] ? &header[f] : nullptr; };
        check_header(value(0), value(1), value(2));
        if (!fields[3] || fields[3]->front() != '[') fail("no \"documents\" array");
        std::size_t n = 0;
        for_each_element(*fields[3], [&](std::string_view) { ++n; });
        check_count(n);
        std::size_t i = 0;
        for_each_element(*fields[3], [&](std::string_view text) {
            where_ = "extraction.documents[" + std::to_string(i) + "]";
            rapidjson::Document d;  // one each: a Document's memory pool only grows until it goes
            iodetail::parse_exact<kFlags>(d, text);
            each(document(d, infos_[i++]));
        });
        return true;
    }

private:
    [[noreturn]] void fail(const std::string& what) const { throw iodetail::bad(name_, where_, what); }

    void check_header(const Value* format, const Value* nodes, const Value* edges) {
        if (!format || !format->IsUint()) fail("no \"format\" number");
        // Format 1 lacks the former flag (read as current); 2 has it; 3 adds each span's code-point start.
        if (format->GetUint() < 1 || format->GetUint() > 3)
            fail("format " + std::to_string(format->GetUint()) + " is not one this libkg reads (1, 2 or 3)");
        format_ = format->GetUint();
        const std::size_t n = count(nodes, "nodes"), e = count(edges, "edges");
        if (n != nodes_ || e != edges_)
            fail("written for a graph of " + std::to_string(n) + " nodes and " + std::to_string(e) +
                 " edges, but the file has " + std::to_string(nodes_) + " and " + std::to_string(edges_) +
                 ": the graph was changed after it was saved");
    }
    void check_count(std::size_t documents) const {
        if (documents != infos_.size())
            fail(std::to_string(documents) + " documents, but graph.documents lists " + std::to_string(infos_.size()));
    }
    std::size_t count(const Value* v, const char* key) const {
        if (!v || !v->IsUint64()) fail(std::string("no \"") + key + "\" count");
        return static_cast<std::size_t>(v->GetUint64());
    }
    std::string text(const Value& v, const char* what) const {
        if (!v.IsString()) fail(std::string(what) + " is not a string");
        return str(v);
    }
    std::size_t index(const Value& v, const char* what) const {
        if (!v.IsUint64()) fail(std::string(what) + " is not an unsigned integer");
        return static_cast<std::size_t>(v.GetUint64());
    }
    double number(const Value& v, const char* what) const {
        if (!v.IsNumber() || !std::isfinite(v.GetDouble())) fail(std::string(what) + " is not a number");
        return v.GetDouble();
    }
    const Value& array(const Value& v, const char* what) const {
        if (!v.IsArray()) fail(std::string(what) + " is not an array");
        return v;
    }
    // [start, end, text] of this document, and from format 3 on its code-point start when known.
    void span(const Value& v, const std::string& doc, Span& out) const {
        if (!v.IsArray() || v.Size() < 3 || v.Size() > (format_ >= 3 ? 4u : 3u))
            fail(format_ >= 3 ? "a span is not [start, end, text[, cp_start]]" : "a span is not [start, end, text]");
        out.doc = doc;
        out.start = index(v[0], "a span start");
        out.end = index(v[1], "a span end");
        out.text = text(v[2], "a span text");
        if (v.Size() == 4) {
            out.cp_start = index(v[3], "a span's code-point start");
            if (out.cp_start > out.start) fail("a span's code-point start is past its byte start");
        }
    }

    ExtractedDocument document(const Value& d, const DocumentInfo& info) const {
        if (!d.IsObject()) fail("not an object");
        const Value* id = member(d, "id");
        if (!id || text(*id, "\"id\"") != info.id)
            fail("is not document '" + info.id + "' (extraction and graph.documents must list the same ids)");
        ExtractedDocument x;
        x.info = info;
        x.info.duplicate_of.clear();  // recomputed by every merge: a new document may be the earlier original
        const Value* shingles = member(d, "shingles");
        if (!shingles || !shingles->IsUint()) fail("no \"shingles\" count");
        x.fingerprint.shingles = shingles->GetUint();
        const Value* hex = member(d, "minhash");
        if (!hex || !hex->IsString() || !bins_from_hex(std::string_view(hex->GetString(), hex->GetStringLength()), x.fingerprint))
            fail("\"minhash\" is not 512 lower-case hex digits");
        x.extraction.doc = info.id;
        const Value* entities = member(d, "entities");
        if (!entities) fail("no \"entities\"");
        for (const Value& e : array(*entities, "\"entities\"").GetArray()) {
            if (!e.IsArray() || e.Size() != 5) fail("an entity is not [name, type, type_confidence, aliases, mentions]");
            DocEntity de;
            de.name = text(e[0], "an entity name");
            const std::string type = text(e[1], "an entity type");
            auto t = parse_entity_type(type);
            if (!t) fail("unknown entity type '" + type + "'");
            de.type = *t;
            de.type_confidence = number(e[2], "a type confidence");
            for (const Value& a : array(e[3], "entity aliases").GetArray()) de.aliases.push_back(text(a, "an alias"));
            for (const Value& m : array(e[4], "entity mentions").GetArray()) span(m, info.id, de.mentions.emplace_back());
            x.extraction.entities.push_back(std::move(de));
        }
        const Value* relations = member(d, "relations");
        if (!relations) fail("no \"relations\"");
        const std::size_t n = x.extraction.entities.size();
        for (const Value& r : array(*relations, "\"relations\"").GetArray()) {
            if (!r.IsArray() || r.Size() < 5 || r.Size() > 8)
                fail("a relation is not [subject, predicate, object, confidence, evidence[, modality[, negated[, former]]]]");
            DocRelation dr;
            dr.subject = index(r[0], "a relation subject");
            dr.predicate = text(r[1], "a predicate");
            dr.object = index(r[2], "a relation object");
            if (dr.subject >= n || dr.object >= n) fail("a relation names an entity the document does not have");
            dr.confidence = number(r[3], "a relation confidence");
            span(r[4], info.id, dr.evidence);
            if (r.Size() > 5) dr.evidence.modality = text(r[5], "a modality");
            if (r.Size() > 6) {
                if (!r[6].IsBool()) fail("\"negated\" is not true or false");
                dr.evidence.negated = r[6].GetBool();
            }
            if (r.Size() > 7) {
                if (!r[7].IsBool()) fail("\"former\" is not true or false");
                dr.evidence.former = r[7].GetBool();
            }
            x.extraction.relations.push_back(std::move(dr));
        }
        return x;
    }

    const std::string& name_;
    const std::vector<DocumentInfo>& infos_;
    std::size_t nodes_, edges_;
    unsigned format_ = 0;  // of the section, once its header is read
    std::string where_;
};

namespace {

// ---- The fast path ---------------------------------------------------------------------------------------
// A DOM of a 1M-edge file costs more memory than the graph built from it, and building it costs about as
// much time as the rest. So files are first read in one pass of RapidJSON's SAX reader straight into the
// graph. That pass takes only files it can read without looking ahead or back: "nodes" before the edges,
// no repeated top-level key, every node and edge valid. On anything else it gives up and the DOM reader
// above reads the file again, so every error message, and every odd file, stays the DOM reader's own.

// A scalar as the DOM would classify it (Value::IsInt64, IsUint64, IsNumber).
struct Scalar {
    enum Kind : std::uint8_t { null, boolean, integer, big, real, string };  // integer: fits int64; big: above
    Kind kind = null;
    bool b = false;
    std::int64_t i = 0;
    std::uint64_t u = 0;
    double d = 0;
    std::string_view s;

    bool is_uint64() const noexcept { return (kind == integer && i >= 0) || kind == big; }
    std::uint64_t uint64() const noexcept { return kind == big ? u : static_cast<std::uint64_t>(i); }
    // As member() + id_text(): the decimal text of an integer id.
    bool id(std::string& out) const {
        if (kind == string) out.assign(s);
        else if (kind == integer) out = std::to_string(i);
        else if (kind == big) out = std::to_string(u);
        else return false;
        return true;
    }
    // As number_member() for a present member.
    double number() const noexcept {
        if (kind == integer) return static_cast<double>(i);
        if (kind == big) return static_cast<double>(u);
        if (kind == real) return d;
        return std::numeric_limits<double>::quiet_NaN();
    }
};

// Which of an object's keys have been seen: the DOM's FindMember() finds a repeated key's first value, so
// later ones are skipped.
class Seen {
public:
    void clear() noexcept { bits_ = 0; }
    // `field` if it is a field and its first occurrence, else -1 (skip the value).
    int first(int field) noexcept {
        if (field < 0 || (bits_ >> field & 1u)) return -1;
        bits_ |= 1u << field;
        return field;
    }

private:
    unsigned bits_ = 0;
};

int field_of(std::string_view key, std::initializer_list<std::string_view> names) {
    int i = 0;
    for (std::string_view n : names) {
        if (n == key) return i;
        ++i;
    }
    return -1;
}

// Node ids to vertices for the edges' lookups. The graph's own index compares the id stored in the vertex,
// a cache miss into a large array per lookup; these ids sit together in one small buffer instead.
class NodeIds {
public:
    static std::uint64_t hash(std::string_view id) noexcept { return std::hash<std::string_view>()(id); }
    void prefetch(std::uint64_t hash) const { index_.prefetch(hash); }
    const Vertex* find(std::string_view id, std::uint64_t hash) const {
        return index_.find(hash, [&](Vertex v) { return text(v) == id; });
    }
    // Vertices come in order 0, 1, … (a new graph's vecS storage).
    void insert(std::string_view id, std::uint64_t hash, Vertex v) {
        text_.append(id);
        ends_.push_back(text_.size());
        index_.insert(hash, v);
    }

private:
    std::string_view text(Vertex v) const {
        const std::size_t begin = v == 0 ? 0 : ends_[v - 1];
        return std::string_view(text_).substr(begin, ends_[v] - begin);
    }
    std::string text_;
    std::vector<std::size_t> ends_;
    detail::HandleIndex<Vertex> index_;
};

class FastReader {
public:
    using Stream = rapidjson::EncodedInputStream<rapidjson::UTF8<>, rapidjson::MemoryStream>;

    struct Result {
        KnowledgeGraph graph;  // with only_count: its documents only
        std::string generator;
        std::string_view extraction;  // the section's JSON text; empty when absent
        bool has_extraction = false;
        std::size_t nodes = 0, edges = 0;
    };

    // The graph, or nullopt when the DOM reader must read the file. With only_count, the nodes and edges are
    // checked and counted but not built (adding documents to a saved graph rebuilds it from the extraction).
    static std::optional<Result> read(std::string_view text, bool only_count = false) {
        rapidjson::MemoryStream ms(text.data(), text.size());
        Stream is(ms);
        FastReader h(is);
        h.only_count_ = only_count;
        if (iodetail::parse_exact<kFlags>(is, h).IsError() || !h.done_) return std::nullopt;
        h.batch_.reset();  // links the edges into their vertices
        Result r{std::move(h.graph_), std::move(h.generator_), {}, h.extraction_begin_ != kNone, h.nodes_, h.edges_};
        if (r.has_extraction) {
            std::size_t b = h.extraction_begin_;
            while (b < h.extraction_end_ && (text[b] == ':' || text[b] == ' ' || text[b] == '\t' || text[b] == '\n' ||
                                             text[b] == '\r'))
                ++b;
            r.extraction = text.substr(b, h.extraction_end_ - b);
        }
        return r;
    }

    // RapidJSON's handler interface.
    bool Null() { return scalar(Scalar{}); }
    bool Bool(bool b) {
        Scalar s;
        s.kind = Scalar::boolean;
        s.b = b;
        return scalar(s);
    }
    bool Int(int i) { return Int64(i); }
    bool Uint(unsigned u) { return Uint64(u); }
    bool Int64(std::int64_t i) {
        Scalar s;
        s.kind = Scalar::integer;
        s.i = i;
        return scalar(s);
    }
    bool Uint64(std::uint64_t u) {
        Scalar s;
        if (u <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
            s.kind = Scalar::integer;
            s.i = static_cast<std::int64_t>(u);
        } else {
            s.kind = Scalar::big;
            s.u = u;
        }
        return scalar(s);
    }
    bool Double(double d) {
        Scalar s;
        s.kind = Scalar::real;
        s.d = d;
        return scalar(s);
    }
    bool RawNumber(const char*, rapidjson::SizeType, bool) { return false; }  // not asked for
    bool String(const char* str, rapidjson::SizeType length, bool) {
        Scalar s;
        s.kind = Scalar::string;
        s.s = std::string_view(str, length);
        return scalar(s);
    }
    bool StartObject() { return start(true); }
    bool StartArray() { return start(false); }
    bool Key(const char* str, rapidjson::SizeType length, bool) { return key(std::string_view(str, length)); }
    bool EndObject(rapidjson::SizeType) { return end(); }
    bool EndArray(rapidjson::SizeType) { return end(); }

private:
    enum Ctx : std::uint8_t { top, graph, docs, doc, nodes, node, aliases, spans, span, edges, edge, skip, extraction, joins, join };
    enum TopField { t_graph, t_nodes, t_edges, t_extraction };
    enum GraphField { g_documents, g_generator };
    enum DocField { d_id, d_source, d_bytes, d_title, d_date, d_publisher, d_url, d_duplicate_of };
    enum NodeField { n_id, n_label, n_name, n_type, n_aliases, n_frequency, n_mentions, n_joins };
    enum JoinField { j_alias, j_doc, j_confidence };
    enum SpanField { s_doc, s_start, s_end, s_text, s_modality, s_negated, s_former, s_cp_start };
    enum EdgeField { e_source, e_target, e_predicate, e_label, e_id, e_key, e_weight, e_confidence, e_evidence };
    static constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

    explicit FastReader(const Stream& is) : is_(is) {}

    Ctx ctx() const { return stack_.back(); }

    bool key(std::string_view k) {
        switch (ctx()) {
        case top: {
            int f = field_of(k, {"graph", "nodes", "edges", "extraction", "links"});
            if (f == 4) f = t_edges;  // either name; both present is the DOM's case
            if (f >= 0 && seen_top_.first(f) < 0) return false;
            field_ = f;
            if (f == t_extraction) extraction_begin_ = is_.Tell();
            return true;
        }
        case graph: field_ = seen_graph_.first(field_of(k, {"documents", "generator"})); return true;
        case doc:
            field_ = seen_.first(field_of(k, {"id", "source", "bytes", "title", "date", "publisher", "url", "duplicate_of"}));
            return true;
        case node:
            field_ = seen_.first(field_of(k, {"id", "label", "name", "type", "aliases", "frequency", "mentions", "joins"}));
            return true;
        case span:
            field_ = seen_span_.first(field_of(k, {"doc", "start", "end", "text", "modality", "negated", "former", "cp_start"}));
            return true;
        case join: field_ = seen_span_.first(field_of(k, {"alias", "doc", "confidence"})); return true;
        case edge:
            field_ = seen_.first(field_of(
                k, {"source", "target", "predicate", "label", "id", "key", "weight", "confidence", "evidence"}));
            return true;
        default: return true;
        }
    }

    bool scalar(const Scalar& s) {
        if (stack_.empty()) return false;  // not an object
        switch (ctx()) {
        case top:
            if (field_ == t_nodes || field_ == t_edges) return false;
            if (field_ == t_extraction) extraction_end_ = is_.Tell();
            return true;
        case graph:
            if (field_ == g_generator && s.kind == Scalar::string) generator_.assign(s.s);
            return true;
        case doc:
            if (field_ == d_bytes) {
                if (s.is_uint64()) doc_.bytes = static_cast<std::size_t>(s.uint64());
            } else if (field_ >= 0 && s.kind == Scalar::string) {
                doc_text(field_).assign(s.s);
            }
            return true;
        case node:
            switch (field_) {
            case n_id: has_id_ = s.id(id_); break;
            case n_label: if ((has_label_ = s.kind == Scalar::string)) label_.assign(s.s); break;
            case n_name: if ((has_name_ = s.kind == Scalar::string)) name_.assign(s.s); break;
            case n_type: if (s.kind == Scalar::string) type_.assign(s.s); break;
            case n_frequency: if (s.is_uint64()) frequency_ = static_cast<std::size_t>(s.uint64()); break;
            case n_mentions: if (s.kind == Scalar::string) single_span(s.s); break;
            default: break;
            }
            return true;
        case aliases:
            if (s.kind == Scalar::string) aliases_.emplace_back(s.s);
            return true;
        case join:
            switch (field_) {
            case j_alias: if (s.kind == Scalar::string) join_.alias.assign(s.s); break;
            case j_doc: if (s.kind == Scalar::string) join_.doc.assign(s.s); break;
            case j_confidence: join_.confidence = s.number(); break;
            default: break;
            }
            return true;
        case span:
            switch (field_) {
            case s_doc: if (s.kind == Scalar::string) span_.doc.assign(s.s); break;
            case s_start: if (s.is_uint64()) span_.start = static_cast<std::size_t>(s.uint64()); break;
            case s_end: if (s.is_uint64()) span_.end = static_cast<std::size_t>(s.uint64()); break;
            case s_text: if (s.kind == Scalar::string) span_.text.assign(s.s); break;
            case s_modality: if (s.kind == Scalar::string) span_.modality.assign(s.s); break;
            case s_negated: if (s.kind == Scalar::boolean) span_.negated = s.b; break;
            case s_former: if (s.kind == Scalar::boolean) span_.former = s.b; break;
            case s_cp_start: if (s.is_uint64()) span_.cp_start = static_cast<std::size_t>(s.uint64()); break;
            default: break;
            }
            return true;
        case nodes:
        case edges: return false;  // an element that is not an object
        case edge:
            switch (field_) {
            case e_source:
                if ((has_source_ = s.id(source_))) node_ids_.prefetch(source_hash_ = NodeIds::hash(source_));
                break;
            case e_target:
                if ((has_target_ = s.id(target_))) node_ids_.prefetch(target_hash_ = NodeIds::hash(target_));
                break;
            case e_predicate: if ((has_predicate_ = s.kind == Scalar::string)) predicate_.assign(s.s); break;
            case e_label: if ((has_label_ = s.kind == Scalar::string)) label_.assign(s.s); break;
            // The id's index entry is loaded while the rest of the edge is parsed.
            case e_id:
                if (s.kind == Scalar::string) id_.assign(s.s), batch_->prefetch(id_);
                break;
            case e_key:
                if (s.kind == Scalar::string) key_.assign(s.s), batch_->prefetch(key_);
                break;
            case e_weight: weight_ = s.number(); break;
            case e_confidence: confidence_ = s.number(); break;
            case e_evidence: if (s.kind == Scalar::string) single_span(s.s); break;
            default: break;
            }
            return true;
        default: return true;  // docs, spans: not an object, ignored; skip, extraction
        }
    }

    bool start(bool object) {
        Ctx next = skip;
        if (stack_.empty()) {
            if (!object) return false;
            next = top;
        } else {
            switch (ctx()) {
            case top:
                if (field_ == t_graph && object) next = graph;
                else if (field_ == t_nodes) {
                    if (object) return false;
                    next = nodes;
                } else if (field_ == t_edges) {
                    if (object || !nodes_done_) return false;
                    next = edges;
                    batch_.emplace(graph_);
                } else if (field_ == t_extraction) {
                    next = extraction;
                }
                break;
            case graph:
                if (field_ == g_documents && !object) next = docs;
                break;
            case docs:
                if (object) next = doc, seen_.clear(), doc_ = DocumentInfo{};
                break;
            case nodes:
                if (!object) return false;
                next = node;
                seen_.clear();
                has_id_ = has_label_ = has_name_ = false;
                type_.clear();
                aliases_.clear();
                joins_.clear();
                frequency_ = 0;
                spans_.clear();
                break;
            case node:
                if (field_ == n_aliases && !object) next = aliases;
                else if (field_ == n_mentions && !object) next = spans;
                else if (field_ == n_joins && !object) next = joins;
                break;
            case spans:
                if (object) next = span, seen_span_.clear(), span_ = Evidence{};
                break;
            case joins:
                if (object) next = join, seen_span_.clear(), join_ = AliasJoin{};
                break;
            case edges:
                if (!object) return false;
                next = edge;
                seen_.clear();
                has_source_ = has_target_ = has_predicate_ = has_label_ = false;
                id_.clear();
                key_.clear();
                weight_ = confidence_ = 1.0;
                spans_.clear();
                break;
            case edge:
                if (field_ == e_evidence && !object) next = spans;
                else if (field_ == e_weight) weight_ = std::numeric_limits<double>::quiet_NaN();
                else if (field_ == e_confidence) confidence_ = std::numeric_limits<double>::quiet_NaN();
                break;
            default: break;
            }
        }
        stack_.push_back(next);
        return true;
    }

    bool end() {
        const Ctx c = stack_.back();
        stack_.pop_back();
        switch (c) {
        case top: done_ = nodes_done_; return true;
        case doc: graph_.add_document(std::move(doc_)); return true;
        case nodes: nodes_done_ = true; return true;
        case node: return add_node();
        case span:
            if (span_.cp_start != Span::unknown && span_.cp_start > span_.start) span_.cp_start = Span::unknown;  // as the DOM
            spans_.push_back(std::move(span_));
            return true;
        case join: joins_.push_back(std::move(join_)); return true;
        case edge: return add_edge();
        case extraction: extraction_end_ = is_.Tell(); return true;
        default: return true;
        }
    }

    std::string& doc_text(int field) {
        switch (field) {
        case d_id: return doc_.id;
        case d_source: return doc_.source;
        case d_title: return doc_.title;
        case d_date: return doc_.date;
        case d_publisher: return doc_.publisher;
        case d_url: return doc_.url;
        default: return doc_.duplicate_of;
        }
    }

    // A foreign file's single evidence sentence (or mention) given as a string.
    void single_span(std::string_view text) {
        Evidence e;
        e.text = text;
        spans_.push_back(std::move(e));
    }

    bool add_node() {
        if (!has_id_) return false;
        const std::uint64_t hash = NodeIds::hash(id_);
        if (node_ids_.find(id_, hash)) return false;
        if (only_count_) {
            node_ids_.insert(id_, hash, nodes_++);
            return true;
        }
        ++nodes_;
        Entity e;
        e.id = id_;
        e.label = has_label_ ? label_ : has_name_ ? name_ : id_;
        e.type = parse_entity_type(type_).value_or(EntityType::UNKNOWN);
        e.aliases = std::move(aliases_);
        e.joins = std::move(joins_);
        e.frequency = frequency_;
        e.mentions.reserve(spans_.size());
        for (Evidence& s : spans_) e.mentions.push_back(std::move(static_cast<Span&>(s)));
        node_ids_.insert(id_, hash, graph_.insert_entity(std::move(e)));
        return true;
    }

    bool add_edge() {
        if (!has_source_ || !has_target_) return false;
        const Vertex* s = node_ids_.find(source_, source_hash_);
        const Vertex* t = node_ids_.find(target_, target_hash_);
        if (!s || !t) return false;
        ++edges_;
        if (only_count_) {
            spans_.clear();
            return true;
        }
        Relation r;
        r.predicate = has_predicate_ ? predicate_ : has_label_ ? label_ : "related_to";
        r.id = edge_id(graph_, id_.empty() ? key_ : id_, *s, r.predicate, *t);
        r.weight = weight_;
        r.confidence = confidence_;
        r.evidence = std::move(spans_);
        spans_.clear();
        batch_->add(*s, *t, std::move(r));
        return true;
    }

    const Stream& is_;
    KnowledgeGraph graph_;
    std::optional<KnowledgeGraph::RelationBatch> batch_;  // after graph_: finished before it goes
    std::vector<Ctx> stack_;
    int field_ = -1;  // the current object's field whose value comes next, -1 when it is skipped
    Seen seen_top_, seen_graph_, seen_, seen_span_;  // seen_: the document, node or edge
    bool nodes_done_ = false, done_ = false, only_count_ = false;
    std::size_t nodes_ = 0, edges_ = 0;
    std::size_t extraction_begin_ = kNone, extraction_end_ = kNone;
    std::string generator_;
    DocumentInfo doc_;
    // The node or edge being read (label_ and id_ serve both).
    std::string id_, label_, name_, type_, source_, target_, predicate_, key_;
    std::uint64_t source_hash_ = 0, target_hash_ = 0;
    NodeIds node_ids_;
    bool has_id_ = false, has_label_ = false, has_name_ = false, has_source_ = false, has_target_ = false,
         has_predicate_ = false;
    std::vector<std::string> aliases_;
    std::vector<AliasJoin> joins_;
    AliasJoin join_;
    std::size_t frequency_ = 0;
    double weight_ = 1.0, confidence_ = 1.0;
    std::vector<Evidence> spans_;  // the node's mentions or the edge's evidence
    Evidence span_;
};

}  // namespace

KnowledgeGraph parse_json(std::string_view text, const std::string& name) {
    if (auto fast = FastReader::read(text)) return std::move(fast->graph);
    rapidjson::Document d;
    parse_text(d, text, name);
    return graph_of(d, name);
}

namespace {

// A saved JSON graph's extraction section, document by document into `each`; the graph into `*graph` when
// given (else its nodes and edges are only counted, to check the section against them).
SavedDocuments saved_json(std::string_view text, const std::string& name,
                          const std::function<void(ExtractedDocument&&)>& each, KnowledgeGraph* graph) {
    if (auto fast = FastReader::read(text, graph == nullptr)) {
        SavedDocuments found{fast->has_extraction, std::move(fast->generator)};
        if (!found.has_extraction ||
            ExtractionReader(name, fast->graph.documents(), fast->nodes, fast->edges).read(fast->extraction, each)) {
            if (graph) *graph = std::move(fast->graph);
            return found;
        }
    }
    rapidjson::Document d;
    parse_text(d, text, name);
    KnowledgeGraph g = graph_of(d, name);
    SavedDocuments found;
    if (const Value* x = member(d, "graph"); x && x->IsObject()) found.generator = string_member(*x, "generator");
    if (const Value* x = member(d, "extraction")) {
        found.has_extraction = true;
        ExtractionReader(name, g.documents(), g.num_entities(), g.num_relations()).read(*x, each);
    }
    if (graph) *graph = std::move(g);
    return found;
}

}  // namespace

SavedGraph parse_saved_json(std::string_view text, const std::string& name) {
    SavedGraph saved;
    std::vector<ExtractedDocument> docs;
    const SavedDocuments found =
        saved_json(text, name, [&docs](ExtractedDocument&& d) { docs.push_back(std::move(d)); }, &saved.graph);
    if (found.has_extraction) saved.extraction = std::move(docs);
    saved.generator = found.generator;
    return saved;
}

namespace {

enum class SavedKind { json, graphml };

// Which reader a saved graph needs, by its first non-blank byte (past a byte-order mark).
SavedKind saved_kind(std::string_view text, const std::string& name) {
    std::size_t i = 0;
    if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) i = 3;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) ++i;
    if (i < text.size() && text[i] == '{') return SavedKind::json;
    if (i < text.size() && text[i] == '<') return SavedKind::graphml;
    // Worded as read_graph() words them, so either reader fails the same way on the same file.
    if (i >= text.size()) throw iodetail::bad(name, "", "empty file, expected a JSON or GraphML graph");
    throw iodetail::bad_at(name, text, i, "not a saved graph: expected node-link JSON ('{') or GraphML ('<')");
}

}  // namespace

SavedGraph read_saved_graph(const std::string& path) {
    const std::string name = path == "-" ? "standard input" : path;
    const iodetail::FileText file(path);
    const std::string_view text = file.view();
    if (saved_kind(text, name) == SavedKind::json) return parse_saved_json(text, name);
    return SavedGraph{parse_graphml(text, name), std::nullopt, {}};
}

SavedDocuments read_saved_documents(const std::string& path, const std::function<void(ExtractedDocument&&)>& each,
                                    KnowledgeGraph* graph) {
    const std::string name = path == "-" ? "standard input" : path;
    const iodetail::FileText file(path);
    const std::string_view text = file.view();
    if (saved_kind(text, name) == SavedKind::graphml) {
        KnowledgeGraph g = parse_graphml(text, name);  // a broken file is reported as read_saved_graph() reports it
        if (graph) *graph = std::move(g);
        return SavedDocuments{};
    }
    return saved_json(text, name, each, graph);
}

}  // namespace kg
