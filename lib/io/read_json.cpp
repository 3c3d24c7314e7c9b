// Node-link JSON: libkg's own files (every field) and NetworkX's node_link_data output ("edges" or "links",
// numeric ids, no types).
#include <kg/read.hpp>

#include "io/common.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <limits>
#include <map>
#include <sstream>

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
            ++k;
        }
    }
    return out;
}

}  // namespace

void parse_text(rapidjson::Document& d, std::string_view text, const std::string& name) {
    constexpr unsigned kFlags =
        rapidjson::kParseFullPrecisionFlag | rapidjson::kParseValidateEncodingFlag | rapidjson::kParseNanAndInfFlag |
        rapidjson::kParseIterativeFlag;  // deep nesting ([[[[…) must not exhaust the stack
    d.Parse<kFlags>(text.data(), text.size());
    if (d.HasParseError())
        throw iodetail::bad_at(name, text, d.GetErrorOffset(),
                               std::string("invalid JSON: ") + rapidjson::GetParseError_En(d.GetParseError()));
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

    std::map<std::string, Vertex, std::less<>> by_id;
    rapidjson::SizeType i = 0;
    for (const Value& n : nodes->GetArray()) {
        const std::string where = "nodes[" + std::to_string(i++) + "]";
        if (!n.IsObject()) throw iodetail::bad(name, where, "not an object");
        auto id = id_text(member(n, "id"));
        if (!id) throw iodetail::bad(name, where, "no \"id\" (a string or an integer)");
        if (by_id.count(*id)) throw iodetail::bad(name, where, "duplicate node id '" + *id + "'");
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
        by_id.emplace(*id, graph.insert_entity(std::move(e)));
    }

    iodetail::EdgeIds ids;
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
                auto it = by_id.find(*end);
                if (it == by_id.end())
                    throw iodetail::bad(name, where, std::string(keys[k]) + " '" + *end + "' is not a node");
                ends[k] = it->second;
            }
            Relation r;
            if (const Value* p = member(ed, "predicate"); p && p->IsString()) r.predicate = str(*p);
            else if (const Value* l = member(ed, "label"); l && l->IsString()) r.predicate = str(*l);
            else r.predicate = "related_to";
            std::string file_id = string_member(ed, "id");
            if (file_id.empty()) file_id = string_member(ed, "key");
            const Graph& g = graph.graph();
            r.id = ids.take(file_id, g[ends[0]].id, r.predicate, g[ends[1]].id);
            r.weight = number_member(ed, "weight");
            r.confidence = number_member(ed, "confidence");
            r.evidence = evidence_items(member(ed, "evidence"));
            graph.insert_relation(ends[0], ends[1], std::move(r));
        }
    return graph;
}

// The extraction section (kg/export.hpp, write_json), checked strictly: a result that silently differs from
// one run over all documents is worse than no result.
class ExtractionReader {
public:
    ExtractionReader(const std::string& name, const KnowledgeGraph& graph) : name_(name), graph_(graph) {}

    std::vector<ExtractedDocument> read(const Value& section) {
        where_ = "extraction";
        if (!section.IsObject()) fail("not an object");
        const Value* format = member(section, "format");
        if (!format || !format->IsUint()) fail("no \"format\" number");
        if (format->GetUint() != 1)
            fail("format " + std::to_string(format->GetUint()) + " is newer than this libkg reads (1)");
        if (count(section, "nodes") != graph_.num_entities() || count(section, "edges") != graph_.num_relations())
            fail("written for a graph of " + std::to_string(count(section, "nodes")) + " nodes and " +
                 std::to_string(count(section, "edges")) + " edges, but the file has " +
                 std::to_string(graph_.num_entities()) + " and " + std::to_string(graph_.num_relations()) +
                 ": the graph was changed after it was saved");
        const Value* docs = member(section, "documents");
        if (!docs || !docs->IsArray()) fail("no \"documents\" array");
        const auto& infos = graph_.documents();
        if (docs->Size() != infos.size())
            fail(std::to_string(docs->Size()) + " documents, but graph.documents lists " + std::to_string(infos.size()));
        std::vector<ExtractedDocument> out;
        out.reserve(infos.size());
        for (rapidjson::SizeType i = 0; i < docs->Size(); ++i) {
            where_ = "extraction.documents[" + std::to_string(i) + "]";
            out.push_back(document((*docs)[i], infos[i]));
        }
        return out;
    }

private:
    [[noreturn]] void fail(const std::string& what) const { throw iodetail::bad(name_, where_, what); }

    std::size_t count(const Value& obj, const char* key) const {
        const Value* v = member(obj, key);
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
    // [start, end, text] of this document.
    void span(const Value& v, const std::string& doc, Span& out) const {
        if (!v.IsArray() || v.Size() != 3) fail("a span is not [start, end, text]");
        out.doc = doc;
        out.start = index(v[0], "a span start");
        out.end = index(v[1], "a span end");
        out.text = text(v[2], "a span text");
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
            if (!r.IsArray() || r.Size() < 5 || r.Size() > 7)
                fail("a relation is not [subject, predicate, object, confidence, evidence[, modality[, negated]]]");
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
            x.extraction.relations.push_back(std::move(dr));
        }
        return x;
    }

    const std::string& name_;
    const KnowledgeGraph& graph_;
    std::string where_;
};

std::string slurp(const std::string& path) {
    if (path == "-") {
        std::ostringstream s;
        s << std::cin.rdbuf();
        if (std::cin.bad()) throw Error(ExitCode::bad_input, "standard input: read error");
        return std::move(s).str();
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ExitCode::bad_input, path + ": " + std::strerror(errno));
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) throw Error(ExitCode::bad_input, path + ": read error");
    return text;
}

KnowledgeGraph parse_json(std::string_view text, const std::string& name) {
    rapidjson::Document d;
    parse_text(d, text, name);
    return graph_of(d, name);
}

SavedGraph parse_saved_json(std::string_view text, const std::string& name) {
    rapidjson::Document d;
    parse_text(d, text, name);
    SavedGraph saved{graph_of(d, name), std::nullopt, {}};
    if (const Value* g = member(d, "graph"); g && g->IsObject()) saved.generator = string_member(*g, "generator");
    if (const Value* x = member(d, "extraction")) saved.extraction = ExtractionReader(name, saved.graph).read(*x);
    return saved;
}

SavedGraph read_saved_graph(const std::string& path) {
    const std::string name = path == "-" ? "standard input" : path;
    std::string text = slurp(path);
    std::size_t i = 0;
    if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) i = 3;  // a byte-order mark
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) ++i;
    if (i < text.size() && text[i] == '{') return parse_saved_json(text, name);
    if (i < text.size() && text[i] == '<') return SavedGraph{parse_graphml(text, name), std::nullopt, {}};
    // Worded as read_graph() words them, so either reader fails the same way on the same file.
    if (i >= text.size()) throw iodetail::bad(name, "", "empty file, expected a JSON or GraphML graph");
    throw iodetail::bad_at(name, text, i, "not a saved graph: expected node-link JSON ('{') or GraphML ('<')");
}

}  // namespace kg
