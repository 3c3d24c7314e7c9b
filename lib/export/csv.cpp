// CSV in the layout `neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv`
// reads with its defaults: ',' delimiter, '"' quotes doubled inside fields, ';' between array elements.
// An unquoted empty field is a missing value; a quoted one ("") would be an empty string, or an array
// holding one, and fails to parse as a date, so empty arrays and unknown dates are written as nothing.
#include <kg/export.hpp>

#include "export/provenance.hpp"
#include "export/text.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

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

// A string[] field: elements joined by ';', quoted; nothing at all when there are none (see the top).
std::string array(const std::vector<std::string>& elements) {
    if (elements.empty()) return {};
    std::string out = "\"";
    for (std::size_t i = 0; i < elements.size(); ++i) {
        if (i) out += ';';
        out += field(elements[i], true);
    }
    return out + "\"";
}

// Cypher's convention for relationship types is UPPER_SNAKE ("works_for" -> WORKS_FOR): ASCII letters
// are upper-cased and each run of other ASCII characters but digits becomes one '_' (none at either
// end); other bytes (non-ASCII letters) are kept. The predicate column keeps the name as it was.
std::string relationship_type(std::string_view predicate) {
    std::string out;
    bool gap = false;
    for (char c : predicate) {
        const auto u = static_cast<unsigned char>(c);
        const bool keep = u >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (!keep) {
            gap = !out.empty();
            continue;
        }
        if (gap) out += '_';
        gap = false;
        out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    }
    // neo4j-admin needs a type on every relationship; a foreign edge may have no predicate.
    return out.empty() ? "RELATED_TO" : out;
}

// An int column is Java's 32-bit int; clamp rather than write a value neo4j-admin rejects.
std::string count(std::size_t n) { return std::to_string(std::min<std::size_t>(n, 2147483647)); }

// neo4j parses doubles with Java's parser, which has no INF spelling; an empty field is a missing value.
std::string number(double v) { return std::isfinite(v) ? exportdetail::format_double(v) : std::string(); }

}  // namespace

void write_csv_nodes(const KnowledgeGraph& graph, std::ostream& os) {
    const Graph& g = graph.graph();
    const exportdetail::DocumentDays days(graph);
    std::string out =
        "id:ID,label,type,aliases:string[],frequency:int,documents:string[],first_seen:date,last_seen:date,:LABEL\n";
    for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
        const Entity& e = g[v];
        const exportdetail::Seen seen = days.seen(e.mentions);
        const auto type = std::string(to_string(e.type));
        // The shared label lets `MATCH (n:Entity)` reach every node; the type is a second label.
        out += quoted(e.id) + "," + quoted(e.label) + "," + quoted(type) + "," + array(e.aliases) + "," +
               count(e.frequency) + "," + array(seen.docs) + "," +
               seen.first + "," + seen.last + "," + quoted("Entity;" + type) + "\n";
    }
    os.write(out.data(), static_cast<std::streamsize>(out.size()));
}

void write_csv_relationships(const KnowledgeGraph& graph, std::ostream& os) {
    const Graph& g = graph.graph();
    const exportdetail::DocumentDays days(graph);
    std::string out =
        ":START_ID,:END_ID,:TYPE,id,predicate,weight:double,confidence:double,asserted:int,hedged:int,negated:int,"
        "former:int,documents:string[],first_seen:date,last_seen:date,evidence,evidence_quality\n";
    for (Edge ed : exportdetail::edges_in_order(g)) {
        const Relation& r = g[ed];
        const exportdetail::Seen seen = days.seen(r.evidence);
        const exportdetail::Qualities q = exportdetail::qualities(r);
        out += quoted(g[boost::source(ed, g)].id) + "," + quoted(g[boost::target(ed, g)].id) + "," +
               quoted(relationship_type(r.predicate)) + "," + quoted(r.id) + "," + quoted(r.predicate) + "," +
               number(r.weight) + "," + number(r.confidence) + "," + count(q.asserted) + "," + count(q.hedged) + "," +
               count(q.negated) + "," + count(q.former) + "," + array(seen.docs) + "," + seen.first + "," + seen.last +
               "," + quoted(r.evidence.empty() ? std::string() : r.evidence.front().text) + "," +
               quoted(r.evidence.empty() ? std::string() : exportdetail::quality_label(r.evidence.front())) + "\n";
    }
    os.write(out.data(), static_cast<std::streamsize>(out.size()));
}

}  // namespace kg
