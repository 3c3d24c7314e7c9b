// CSV in the layout `neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv`
// reads with its defaults: ',' delimiter, '"' quotes doubled inside fields, ';' between array elements.
#include <kg/export.hpp>

#include "export/text.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace kg {

namespace {

// A quoted field. neo4j-admin rejects line breaks inside fields unless --multiline-fields is given, so
// every C0 control (tab, LF, CR included) becomes a space; ill-formed UTF-8 becomes U+FFFD. In array
// elements ';' is the delimiter, so it becomes ','.
std::string field(std::string_view s, bool array_element = false) {
    const std::string clean = exportdetail::sanitize_utf8(s, false);
    std::string out;
    for (char c : clean) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) out += ' ';
        else if (c == '"') out += "\"\"";
        else if (c == ';' && array_element) out += ',';
        else out += c;
    }
    return out;
}

std::string quoted(std::string_view s) { return "\"" + field(s) + "\""; }

// neo4j parses doubles with Java's parser, which has no INF spelling; an empty field is a missing value.
std::string number(double v) { return std::isfinite(v) ? exportdetail::format_double(v) : std::string(); }

}  // namespace

void write_csv_nodes(const KnowledgeGraph& graph, std::ostream& os) {
    const Graph& g = graph.graph();
    std::string out = "id:ID,label,type,aliases:string[],frequency:int,:LABEL\n";
    for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
        const Entity& e = g[v];
        std::string aliases;
        for (const auto& a : e.aliases) {
            if (!aliases.empty()) aliases += ';';
            aliases += field(a, true);
        }
        const auto type = std::string(to_string(e.type));
        out += quoted(e.id) + "," + quoted(e.label) + "," + quoted(type) + ",\"" + aliases + "\"," +
               std::to_string(std::min<std::size_t>(e.frequency, 2147483647)) + "," + quoted(type) + "\n";
    }
    os.write(out.data(), static_cast<std::streamsize>(out.size()));
}

void write_csv_relationships(const KnowledgeGraph& graph, std::ostream& os) {
    const Graph& g = graph.graph();
    std::string out = ":START_ID,:END_ID,:TYPE,id,weight:double,confidence:double,evidence\n";
    for (Edge ed : exportdetail::edges_in_order(g)) {
        const Relation& r = g[ed];
        out += quoted(g[boost::source(ed, g)].id) + "," + quoted(g[boost::target(ed, g)].id) + "," +
               quoted(r.predicate) + "," + quoted(r.id) + "," + number(r.weight) + "," + number(r.confidence) + "," +
               quoted(r.evidence.empty() ? std::string() : r.evidence.front().text) + "\n";
    }
    os.write(out.data(), static_cast<std::streamsize>(out.size()));
}

}  // namespace kg
