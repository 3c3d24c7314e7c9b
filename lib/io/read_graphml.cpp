// GraphML: libkg's own files (plain and yEd) and those NetworkX and igraph write. Attributes are matched by
// their key's attr.name, never by key id, because every writer numbers keys its own way.
#include <kg/read.hpp>

#include "io/common.hpp"

#include <pugixml.hpp>

#include <cmath>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kg {

namespace {

struct Key {
    std::string name;      // attr.name
    std::string domain;    // for: node, edge, graph, all
    bool has_default = false;
    std::string default_value;
};

std::string_view local_name(const char* qname) {
    std::string_view n(qname);
    auto colon = n.find(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

// All character data of an element, CDATA included (a writer may split text into several chunks).
std::string text_of(pugi::xml_node n) {
    std::string out;
    for (pugi::xml_node c : n.children())
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
    return out;
}

// The attributes the reader uses; every other attr.name is ignored.
enum Slot : int { kLabel, kName, kType, kAliases, kFrequency, kPredicate, kWeight, kConfidence, kEvidence, kSlots };
constexpr std::string_view kSlotNames[kSlots] = {"label",     "name",   "type",       "aliases", "frequency",
                                                 "predicate", "weight", "confidence", "evidence"};

int slot_of(std::string_view name) {
    for (int i = 0; i < kSlots; ++i)
        if (kSlotNames[i] == name) return i;
    return -1;
}

// attr.name → value for one node or edge, for the attributes the reader uses. A value is a view into the
// parsed document, or into `joined` when the text came in several chunks.
struct Values {
    bool set[kSlots] = {};
    std::string_view value[kSlots];
    std::string joined[kSlots];

    const std::string_view* find(int slot) const { return set[slot] ? &value[slot] : nullptr; }
};

class Reader {
public:
    Reader(std::string_view text, const std::string& name) : text_(text), name_(name) {}

    KnowledgeGraph run() {
        pugi::xml_document doc;
        // ws_pcdata_single keeps a value made only of spaces; eol and escapes as usual. parse_doctype only
        // so that a DOCTYPE can be found and refused below.
        auto result = doc.load_buffer(text_.data(), text_.size(),
                                      pugi::parse_default | pugi::parse_ws_pcdata_single | pugi::parse_doctype,
                                      pugi::encoding_utf8);
        if (!result)
            throw iodetail::bad_at(name_, text_, static_cast<std::size_t>(result.offset),
                                   std::string("invalid XML: ") + result.description());
        // GraphML has no DTD, and pugixml never expands the entities one declares ("billion laughs"): a
        // reference would stay in a label as literal "&name;". Refusing the DOCTYPE is clearer than that.
        for (pugi::xml_node c : doc.children())
            if (c.type() == pugi::node_doctype)
                throw at(c, "a DOCTYPE is not allowed in GraphML (entity declarations are not supported)");
        pugi::xml_node root = doc.document_element();
        if (local_name(root.name()) != "graphml")
            throw at(root, "root element is <" + std::string(root.name()) + ">, not <graphml>");
        pugi::xml_node graph_el;
        for (pugi::xml_node c : root.children()) {
            const auto n = local_name(c.name());
            if (n == "key") read_key(c);
            else if (n == "graph" && !graph_el) graph_el = c;
        }
        if (!graph_el) throw at(root, "no <graph> element");
        index_keys();

        std::size_t node_count = 0, edge_count = 0;
        for (pugi::xml_node c : graph_el.children()) {
            const auto n = local_name(c.name());
            if (n == "node") ++node_count;
            else if (n == "edge") ++edge_count;
        }

        KnowledgeGraph graph;
        // Node ids are views into the parsed document, which outlives this map.
        std::unordered_map<std::string_view, Vertex> by_id;
        by_id.reserve(node_count);
        Values values;
        for (pugi::xml_node c : graph_el.children()) {
            if (local_name(c.name()) != "node") continue;
            const std::string_view id = required(c, "id", "node");
            if (by_id.count(id)) throw at(c, "duplicate node id '" + std::string(id) + "'");
            values_of(c, node_defaults_, values);
            Entity e;
            e.id = id;
            if (auto v = values.find(kLabel)) e.label = *v;
            else if (auto v2 = values.find(kName)) e.label = *v2;
            else e.label = id;
            if (auto v = values.find(kType)) e.type = parse_entity_type(*v).value_or(EntityType::UNKNOWN);
            if (auto v = values.find(kAliases)) e.aliases = split_aliases(*v);
            if (auto v = values.find(kFrequency))
                if (!iodetail::parse_size(*v, e.frequency))
                    throw at(c, "node '" + std::string(id) + "': frequency '" + std::string(*v) + "' is not a count");
            by_id.emplace(id, graph.insert_entity(std::move(e)));
        }

        iodetail::EdgeIds ids;
        ids.reserve(edge_count);
        std::string file_id;
        for (pugi::xml_node c : graph_el.children()) {
            if (local_name(c.name()) != "edge") continue;
            Vertex ends[2];
            const char* attrs[2] = {"source", "target"};
            for (int k = 0; k < 2; ++k) {
                const std::string_view end = required(c, attrs[k], "edge");
                auto it = by_id.find(end);
                if (it == by_id.end())
                    throw at(c, std::string("edge ") + attrs[k] + " '" + std::string(end) + "' is not a node");
                ends[k] = it->second;
            }
            values_of(c, edge_defaults_, values);
            Relation r;
            if (auto v = values.find(kPredicate)) r.predicate = *v;
            else if (auto v2 = values.find(kLabel)) r.predicate = *v2;
            else r.predicate = "related_to";
            const Graph& g = graph.graph();
            file_id.assign(c.attribute("id").value());
            r.id = ids.take(file_id, g[ends[0]].id, r.predicate, g[ends[1]].id);
            r.weight = number(c, values, kWeight, r.id);
            r.confidence = number(c, values, kConfidence, r.id);
            if (auto v = values.find(kEvidence)) {
                Evidence e;
                e.text = *v;
                r.evidence.push_back(std::move(e));
            }
            graph.insert_relation(ends[0], ends[1], std::move(r));
        }
        return graph;
    }

private:
    struct Default {
        int slot;
        std::string_view value;  // into keys_, which outlives every use
    };

    // pugixml places an element at its name; the column of its '<' is what an editor shows.
    Error at(pugi::xml_node n, const std::string& what) const {
        auto offset = static_cast<std::size_t>(std::max<std::ptrdiff_t>(n.offset_debug(), 0));
        if (offset > 0 && offset <= text_.size() && text_[offset - 1] == '<') --offset;
        return iodetail::bad_at(name_, text_, offset, what);
    }

    std::string_view required(pugi::xml_node n, const char* attr, const char* element) const {
        pugi::xml_attribute a = n.attribute(attr);
        if (!a) throw at(n, std::string("<") + element + "> without a " + attr + " attribute");
        return a.value();
    }

    void read_key(pugi::xml_node k) {
        const char* id = k.attribute("id").value();
        Key key;
        key.name = k.attribute("attr.name").value();  // yfiles keys have none: their data is ignored
        key.domain = k.attribute("for") ? k.attribute("for").value() : "all";
        for (pugi::xml_node c : k.children())
            if (local_name(c.name()) == "default") {
                key.has_default = true;
                key.default_value = text_of(c);
            }
        keys_[id] = std::move(key);
    }

    // Once all keys are read: key id → slot, and each domain's defaults in key id order (first name wins).
    void index_keys() {
        for (const auto& [id, key] : keys_) {
            const int slot = key.name.empty() ? -1 : slot_of(key.name);
            if (slot >= 0) key_slots_.emplace(std::string_view(id), slot);
            if (slot < 0 || !key.has_default) continue;
            if (key.domain == "node" || key.domain == "all") node_defaults_.push_back({slot, key.default_value});
            if (key.domain == "edge" || key.domain == "all") edge_defaults_.push_back({slot, key.default_value});
        }
    }

    // The values of one node or edge: its <data>, then the defaults of keys it did not set.
    void values_of(pugi::xml_node n, const std::vector<Default>& defaults, Values& out) const {
        for (bool& s : out.set) s = false;
        for (pugi::xml_node c : n.children()) {
            if (c.type() != pugi::node_element || local_name(c.name()) != "data") continue;
            if (key_slots_.empty()) break;
            auto it = key_slots_.find(std::string_view(c.attribute("key").value()));
            if (it == key_slots_.end()) continue;
            const int slot = it->second;
            if (out.set[slot]) continue;  // the first <data> for a name wins
            out.set[slot] = true;
            // All character data, CDATA included (a writer may split text into several chunks).
            pugi::xml_node first;
            std::size_t chunks = 0;
            for (pugi::xml_node t : c.children())
                if (t.type() == pugi::node_pcdata || t.type() == pugi::node_cdata) {
                    if (!chunks) first = t;
                    ++chunks;
                }
            if (chunks == 0) {
                out.value[slot] = std::string_view();
            } else if (chunks == 1) {
                out.value[slot] = first.value();
            } else {
                out.joined[slot] = text_of(c);
                out.value[slot] = out.joined[slot];
            }
        }
        for (const Default& d : defaults)
            if (!out.set[d.slot]) {
                out.set[d.slot] = true;
                out.value[d.slot] = d.value;
            }
    }

    double number(pugi::xml_node n, const Values& values, int slot, const std::string& edge) const {
        auto v = values.find(slot);
        if (!v) return 1.0;  // foreign files: an edge without a weight counts once
        double d = 0;
        if (!iodetail::parse_double(*v, d))
            throw at(n, "edge '" + edge + "': " + std::string(kSlotNames[slot]) + " '" + std::string(*v) +
                            "' is not a number");
        return d;
    }

    // libkg joins aliases with "; " (see graphml.cpp); splitting there gives back the same list, so the
    // file writes back unchanged even when an alias itself contains "; ".
    static std::vector<std::string> split_aliases(std::string_view joined) {
        std::vector<std::string> out;
        std::size_t start = 0;
        for (;;) {
            auto pos = joined.find("; ", start);
            out.emplace_back(joined.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
            if (pos == std::string_view::npos) break;
            start = pos + 2;
        }
        return out;
    }

    std::string_view text_;
    const std::string& name_;
    std::map<std::string, Key, std::less<>> keys_;
    std::unordered_map<std::string_view, int> key_slots_;  // views into keys_
    std::vector<Default> node_defaults_, edge_defaults_;
};

}  // namespace

KnowledgeGraph parse_graphml(std::string_view text, const std::string& name) { return Reader(text, name).run(); }

}  // namespace kg
