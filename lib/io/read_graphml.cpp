// GraphML: libkg's own files (plain and yEd) and those NetworkX and igraph write. Attributes are matched by
// their key's attr.name, never by key id, because every writer numbers keys its own way.
#include <kg/read.hpp>

#include "io/common.hpp"

#include <pugixml.hpp>

#include <cmath>
#include <map>

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

        KnowledgeGraph graph;
        std::map<std::string, Vertex, std::less<>> by_id;
        for (pugi::xml_node c : graph_el.children()) {
            if (local_name(c.name()) != "node") continue;
            const std::string id = required(c, "id", "node");
            if (by_id.count(id)) throw at(c, "duplicate node id '" + id + "'");
            auto values = values_of(c, "node");
            Entity e;
            e.id = id;
            if (auto it = values.find("label"); it != values.end()) e.label = it->second;
            else if (auto it2 = values.find("name"); it2 != values.end()) e.label = it2->second;
            else e.label = id;
            if (auto it = values.find("type"); it != values.end())
                e.type = parse_entity_type(it->second).value_or(EntityType::UNKNOWN);
            if (auto it = values.find("aliases"); it != values.end()) e.aliases = split_aliases(it->second);
            if (auto it = values.find("frequency"); it != values.end())
                if (!iodetail::parse_size(it->second, e.frequency))
                    throw at(c, "node '" + id + "': frequency '" + it->second + "' is not a count");
            by_id.emplace(id, graph.insert_entity(std::move(e)));
        }

        iodetail::EdgeIds ids;
        for (pugi::xml_node c : graph_el.children()) {
            if (local_name(c.name()) != "edge") continue;
            Vertex ends[2];
            const char* attrs[2] = {"source", "target"};
            for (int k = 0; k < 2; ++k) {
                const std::string end = required(c, attrs[k], "edge");
                auto it = by_id.find(end);
                if (it == by_id.end()) throw at(c, std::string("edge ") + attrs[k] + " '" + end + "' is not a node");
                ends[k] = it->second;
            }
            auto values = values_of(c, "edge");
            Relation r;
            if (auto it = values.find("predicate"); it != values.end()) r.predicate = it->second;
            else if (auto it2 = values.find("label"); it2 != values.end()) r.predicate = it2->second;
            else r.predicate = "related_to";
            const Graph& g = graph.graph();
            r.id = ids.take(c.attribute("id").value(), g[ends[0]].id, r.predicate, g[ends[1]].id);
            r.weight = number(c, values, "weight", r.id);
            r.confidence = number(c, values, "confidence", r.id);
            if (auto it = values.find("evidence"); it != values.end()) {
                Evidence e;
                e.text = it->second;
                r.evidence.push_back(std::move(e));
            }
            graph.insert_relation(ends[0], ends[1], std::move(r));
        }
        return graph;
    }

private:
    // pugixml places an element at its name; the column of its '<' is what an editor shows.
    Error at(pugi::xml_node n, const std::string& what) const {
        auto offset = static_cast<std::size_t>(std::max<std::ptrdiff_t>(n.offset_debug(), 0));
        if (offset > 0 && offset <= text_.size() && text_[offset - 1] == '<') --offset;
        return iodetail::bad_at(name_, text_, offset, what);
    }

    std::string required(pugi::xml_node n, const char* attr, const char* element) const {
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

    // attr.name → value for one node or edge: its <data>, then the defaults of keys it did not set.
    std::map<std::string, std::string> values_of(pugi::xml_node n, const char* domain) const {
        std::map<std::string, std::string> out;
        for (pugi::xml_node c : n.children()) {
            if (local_name(c.name()) != "data") continue;
            auto it = keys_.find(c.attribute("key").value());
            if (it == keys_.end() || it->second.name.empty()) continue;
            out.emplace(it->second.name, text_of(c));
        }
        for (const auto& [id, key] : keys_)
            if (key.has_default && !key.name.empty() && (key.domain == domain || key.domain == "all"))
                out.emplace(key.name, key.default_value);
        return out;
    }

    double number(pugi::xml_node n, const std::map<std::string, std::string>& values, const char* attr,
                  const std::string& edge) const {
        auto it = values.find(attr);
        if (it == values.end()) return 1.0;  // foreign files: an edge without a weight counts once
        double v = 0;
        if (!iodetail::parse_double(it->second, v))
            throw at(n, "edge '" + edge + "': " + attr + " '" + it->second + "' is not a number");
        return v;
    }

    // libkg joins aliases with "; " (see graphml.cpp); splitting there gives back the same list, so the
    // file writes back unchanged even when an alias itself contains "; ".
    static std::vector<std::string> split_aliases(const std::string& joined) {
        std::vector<std::string> out;
        std::size_t start = 0;
        for (;;) {
            auto pos = joined.find("; ", start);
            out.push_back(joined.substr(start, pos == std::string::npos ? std::string::npos : pos - start));
            if (pos == std::string::npos) break;
            start = pos + 2;
        }
        return out;
    }

    std::string_view text_;
    const std::string& name_;
    std::map<std::string, Key, std::less<>> keys_;
};

}  // namespace

KnowledgeGraph parse_graphml(std::string_view text, const std::string& name) { return Reader(text, name).run(); }

}  // namespace kg
