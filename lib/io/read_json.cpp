// Node-link JSON: libkg's own files (every field) and NetworkX's node_link_data output ("edges" or "links",
// numeric ids, no types).
#include <kg/read.hpp>

#include "io/common.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <cmath>
#include <limits>
#include <map>

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

KnowledgeGraph parse_json(std::string_view text, const std::string& name) {
    rapidjson::Document d;
    constexpr unsigned kFlags =
        rapidjson::kParseFullPrecisionFlag | rapidjson::kParseValidateEncodingFlag | rapidjson::kParseNanAndInfFlag |
        rapidjson::kParseIterativeFlag;  // deep nesting ([[[[…) must not exhaust the stack
    d.Parse<kFlags>(text.data(), text.size());
    if (d.HasParseError())
        throw iodetail::bad_at(name, text, d.GetErrorOffset(),
                               std::string("invalid JSON: ") + rapidjson::GetParseError_En(d.GetParseError()));
    if (!d.IsObject()) throw iodetail::bad(name, "", "expected a node-link JSON object");
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

}  // namespace kg
