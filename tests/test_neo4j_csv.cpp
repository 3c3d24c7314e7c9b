// neo4j CSV (issue 16): neo4j is not installable here, so the files are read back by a small reader that
// applies `neo4j-admin database import`'s documented rules (Operations Manual, "Import header format" and
// the full-import options, with their defaults), then labels, types, arrays, dates and counts are checked.
#include <doctest/doctest.h>

#include "helpers.hpp"

#include <kg/corpus.hpp>
#include <kg/export.hpp>
#include <kg/extract.hpp>
#include <kg/read.hpp>

#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

// One node or relationship as neo4j-admin would create it.
struct Record {
    std::string id;                   // :ID (nodes)
    std::string start, end;           // :START_ID, :END_ID (relationships)
    std::string type;                 // :TYPE (relationships)
    std::vector<std::string> labels;  // :LABEL (nodes)
    // Properties that are set; a null field sets none. Scalars hold one element.
    std::map<std::string, std::vector<std::string>> properties;
};

// A file read by the rules below; `errors` lists where neo4j-admin would stop (bad_tolerance aside).
struct Import {
    std::vector<Record> records;
    std::vector<std::string> errors;
};

struct Field {
    std::string text;
    bool quoted = false;
};

// The default CSV dialect: ',' between fields, '"' quotes with "" for a quote inside, no backslash escapes
// (--legacy-style-quoting=false), and no line breaks inside fields (--multiline-fields unset).
std::optional<std::vector<Field>> split_line(const std::string& line, std::string& error) {
    std::vector<Field> out;
    std::size_t i = 0;
    while (true) {
        Field f;
        if (i < line.size() && line[i] == '"') {
            f.quoted = true;
            ++i;
            while (true) {
                if (i >= line.size()) {
                    error = "unterminated quote (a line break inside a field needs --multiline-fields)";
                    return std::nullopt;
                }
                if (line[i] == '"') {
                    if (i + 1 < line.size() && line[i + 1] == '"') {
                        f.text += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                f.text += line[i++];
            }
            // Stricter than neo4j-admin, which would read on: a writer should never produce this.
            if (i < line.size() && line[i] != ',') {
                error = "text after a closing quote";
                return std::nullopt;
            }
        } else {
            // A quote that does not open a field is an ordinary character.
            while (i < line.size() && line[i] != ',') f.text += line[i++];
        }
        out.push_back(std::move(f));
        if (i >= line.size()) return out;
        ++i;  // the ','
    }
}

bool is_int32(const std::string& s) {
    if (s.empty()) return false;
    char* end = nullptr;
    const long long v = std::strtoll(s.c_str(), &end, 10);
    return end == s.c_str() + s.size() && v >= -2147483648LL && v <= 2147483647LL;
}

bool is_long(const std::string& s) {
    char* end = nullptr;
    std::strtoll(s.c_str(), &end, 10);
    return !s.empty() && end == s.c_str() + s.size();
}

bool is_double(const std::string& s) {
    char* end = nullptr;
    std::strtod(s.c_str(), &end);
    return !s.empty() && end == s.c_str() + s.size();
}

// A Cypher calendar date in its extended form, the one these files use: YYYY-MM-DD, a real day.
bool is_date(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (s[i] < '0' || s[i] > '9') return false;
    const int y = std::stoi(s.substr(0, 4)), m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
    static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return false;
    return !(m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
}

// Reads a file the way the header format describes: each header entry is <name>:<field_type>; ID,
// START_ID, END_ID, TYPE, LABEL and IGNORE are special (their names are ignored but for ID's, which is
// the property holding the id); other types are property types, string when none is given, an array
// when followed by "[]", its elements split on ';' (--array-delimiter). LABEL splits on ';' too. An empty
// unquoted field is null (no property; CSV cannot import an empty array); "" is an empty string
// (--ignore-empty-strings=false), so in an array it is one empty element.
Import import_csv(const std::string& text) {
    Import im;
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    if (lines.empty()) {
        im.errors.push_back("no header");
        return im;
    }
    struct Column {
        std::string name, type;
        bool array = false;
    };
    std::vector<Column> columns;
    std::string error;
    const auto header = split_line(lines[0], error);
    if (!header) {
        im.errors.push_back("header: " + error);
        return im;
    }
    static const std::set<std::string> kScalar = {"int", "long", "float", "double", "boolean", "byte", "short",
                                                  "char", "string", "point", "date", "localtime", "time",
                                                  "localdatetime", "datetime", "duration"};
    for (const Field& f : *header) {
        Column c;
        const auto colon = f.text.find(':');
        c.name = f.text.substr(0, colon);
        c.type = colon == std::string::npos ? "string" : f.text.substr(colon + 1);
        if (c.type.size() > 2 && c.type.compare(c.type.size() - 2, 2, "[]") == 0) {
            c.array = true;
            c.type.resize(c.type.size() - 2);
        }
        const bool special = c.type == "ID" || c.type == "START_ID" || c.type == "END_ID" || c.type == "TYPE" ||
                             c.type == "LABEL" || c.type == "IGNORE";
        if (!special && !kScalar.count(c.type)) im.errors.push_back("header: unknown type in '" + f.text + "'");
        if (!special && c.name.empty()) im.errors.push_back("header: a property without a name: '" + f.text + "'");
        columns.push_back(c);
    }
    for (std::size_t n = 1; n < lines.size(); ++n) {
        const std::string where = "line " + std::to_string(n + 1) + ": ";
        const auto fields = split_line(lines[n], error);
        if (!fields) {
            im.errors.push_back(where + error);
            continue;
        }
        if (fields->size() != columns.size()) {
            im.errors.push_back(where + std::to_string(fields->size()) + " fields for " +
                                std::to_string(columns.size()) + " columns");
            continue;
        }
        Record r;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const Column& c = columns[i];
            const Field& f = (*fields)[i];
            const bool null = f.text.empty() && !f.quoted;
            auto split = [&] {
                std::vector<std::string> parts;
                std::size_t from = 0;
                while (true) {
                    const auto semi = f.text.find(';', from);
                    parts.push_back(f.text.substr(from, semi - from));
                    if (semi == std::string::npos) return parts;
                    from = semi + 1;
                }
            };
            if (c.type == "IGNORE") continue;
            if (c.type == "ID") {
                r.id = f.text;
                if (null) im.errors.push_back(where + "a node without an id cannot be connected");
                if (!c.name.empty() && !null) r.properties[c.name] = {f.text};
            } else if (c.type == "START_ID") {
                r.start = f.text;
            } else if (c.type == "END_ID") {
                r.end = f.text;
            } else if (c.type == "TYPE") {
                r.type = f.text;
                if (f.text.empty()) im.errors.push_back(where + "relationship without a type");
            } else if (c.type == "LABEL") {
                if (!null) r.labels = split();
            } else if (!null) {
                std::vector<std::string> values = c.array ? split() : std::vector<std::string>{f.text};
                for (const std::string& v : values) {
                    const bool ok = c.type == "string" || c.type == "char" || (c.type == "int" && is_int32(v)) ||
                                    (c.type == "long" && is_long(v)) ||
                                    ((c.type == "double" || c.type == "float") && is_double(v)) ||
                                    c.type == "boolean" || (c.type == "date" && is_date(v));
                    if (!ok) im.errors.push_back(where + c.name + ": '" + v + "' is not a " + c.type);
                }
                r.properties[c.name] = std::move(values);
            }
        }
        im.records.push_back(std::move(r));
    }
    return im;
}

std::string failures(const Import& im) {
    std::string out;
    for (const std::string& e : im.errors) out += e + "\n";
    return out;
}

struct Files {
    Import nodes, relationships;
};

Files export_csv(const kg::KnowledgeGraph& g) {
    std::ostringstream n, r;
    kg::write_csv_nodes(g, n);
    kg::write_csv_relationships(g, r);
    Files f{import_csv(n.str()), import_csv(r.str())};
    CHECK_MESSAGE(f.nodes.errors.empty(), failures(f.nodes));
    CHECK_MESSAGE(f.relationships.errors.empty(), failures(f.relationships));
    return f;
}

// The node whose :ID is `id`.
const Record& by_id(const std::vector<Record>& records, const std::string& id) {
    for (const Record& r : records)
        if (r.id == id) return r;
    FAIL("no record " << id);
    return records.front();
}

using Values = std::vector<std::string>;

// The property, or {} when it is null.
Values prop(const Record& r, const std::string& name) {
    const auto it = r.properties.find(name);
    return it == r.properties.end() ? Values{} : it->second;
}

kg::DocEntity entity(const std::string& doc, const std::string& name, kg::EntityType type) {
    kg::DocEntity e;
    e.name = name;
    e.type = type;
    e.mentions.push_back(kg::Mention{doc, 0, name.size(), name});
    return e;
}

kg::DocRelation relation(const std::string& doc, std::size_t s, const std::string& predicate, std::size_t o,
                         const std::string& modality, bool negated) {
    kg::DocRelation r;
    r.subject = s;
    r.predicate = predicate;
    r.object = o;
    r.evidence = kgtest::ev(doc, 0, "sentence in " + doc);
    r.evidence.modality = modality;
    r.evidence.negated = negated;
    return r;
}

// Google attends the conference: denied in d1 ("did not attend"), expected in d2, stated in d3.
kg::KnowledgeGraph attends_graph() {
    kg::KnowledgeGraph g;
    g.add_document({"d1", "d1.txt", 100, "", "2024-07-26"});
    g.add_document({"d2", "d2.txt", 100, "", "2024-08"});
    g.add_document({"d3", "d3.txt", 100, "", ""});
    struct Statement {
        const char* doc;
        const char* modality;
        bool negated;
    };
    for (const Statement& s : {Statement{"d1", "", true}, Statement{"d2", "expected", false}, Statement{"d3", "", false}}) {
        kg::DocExtraction x;
        x.doc = s.doc;
        x.entities = {entity(s.doc, "Google", kg::EntityType::COMPANY),
                      entity(s.doc, "World AI Conference", kg::EntityType::EVENT)};
        x.relations = {relation(s.doc, 0, "attends", 1, s.modality, s.negated)};
        if (x.doc == "d3") {
            x.entities.push_back(entity(s.doc, "Sundar Pichai", kg::EntityType::PERSON));
            x.relations.push_back(relation(s.doc, 2, "works_for", 0, "", false));
        }
        g.add(x);
    }
    // Foreign edges (as read from GraphML): no evidence, and predicates outside the vocabulary.
    kg::Entity a;
    a.id = "x";
    a.label = "X";
    kg::Entity b;
    b.id = "y";
    b.label = "Y";
    const kg::Vertex va = g.insert_entity(a), vb = g.insert_entity(b);
    kg::Relation r;
    r.weight = 1;
    for (const auto& [id, predicate] : {std::pair<const char*, const char*>{"e1", "is part of"}, {"e2", ""},
                                        {"e3", "--co-owns--"}, {"e4", "livre\xC3\xA9"}}) {
        r.id = id;
        r.predicate = predicate;
        g.insert_relation(va, vb, r);
    }
    return g;
}

}  // namespace

TEST_CASE("neo4j: the reader applies neo4j-admin's rules (null, empty string, arrays, quotes, types)") {
    const Import ok = import_csv(
        "id:ID,names:string[],n:int,when:date,note,:LABEL\n"
        "a,\"x;y\",3,2024-07-26,\"say \"\"hi\"\", then go\",A;B\n"
        "b,,,,,\n"
        "c,\"\",4,2024-02-29,\"\",A\n");
    REQUIRE_MESSAGE(ok.errors.empty(), failures(ok));
    REQUIRE(ok.records.size() == 3);
    CHECK(prop(ok.records[0], "names") == Values{"x", "y"});
    CHECK(prop(ok.records[0], "note") == Values{"say \"hi\", then go"});
    CHECK(ok.records[0].labels == Values{"A", "B"});
    CHECK(ok.records[1].properties.size() == 1);  // only the id: empty fields are null
    CHECK(ok.records[1].labels.empty());
    CHECK(prop(ok.records[2], "names") == Values{""});  // "" is an array of one empty string, not an empty one
    CHECK(prop(ok.records[2], "note") == Values{""});
    CHECK(prop(import_csv("id:ID,s\na,b\"c\n").records.at(0), "s") == Values{"b\"c"});
    // Where neo4j-admin would stop.
    for (const char* bad : {"id:ID,when:date\na,\"\"\n", "id:ID,when:date\na,2024-02-30\n", "id:ID,n:int\na,x\n",
                            "id:ID,n:int\na,3000000000\n", "id:ID,s\na,\"open\n", "id:ID,s\na,b,c\n", "id:ID,s:text\na,b\n",
                            ":START_ID,:END_ID,:TYPE\na,b,\n"})
        CHECK_MESSAGE(!import_csv(bad).errors.empty(), bad);
}

TEST_CASE("neo4j: nodes are labelled Entity and their type, with documents and first and last days") {
    const Files f = export_csv(attends_graph());
    REQUIRE(f.nodes.records.size() == 5);
    for (const Record& n : f.nodes.records) {
        REQUIRE(n.labels.size() == 2);
        CHECK(n.labels[0] == "Entity");
        CHECK(Values{n.labels[1]} == prop(n, "type"));
    }
    const Record& google = by_id(f.nodes.records, "google");
    CHECK(google.labels == Values{"Entity", "COMPANY"});
    CHECK(prop(google, "documents") == Values{"d1", "d2", "d3"});
    CHECK(prop(google, "first_seen") == Values{"2024-07-26"});
    CHECK(prop(google, "last_seen") == Values{"2024-08-31"});  // d2 is dated by its month only
    CHECK(prop(google, "aliases").empty());                    // no aliases: null, not [""]
    CHECK(prop(google, "frequency") == Values{"3"});
    const Record& pichai = by_id(f.nodes.records, "sundar-pichai");
    CHECK(pichai.labels == Values{"Entity", "PERSON"});
    CHECK(prop(pichai, "documents") == Values{"d3"});
    CHECK_FALSE(pichai.properties.count("first_seen"));  // d3 is undated
    CHECK_FALSE(pichai.properties.count("last_seen"));
    const Record& x = by_id(f.nodes.records, "x");
    CHECK(x.labels == Values{"Entity", "UNKNOWN"});
    CHECK_FALSE(x.properties.count("documents"));  // no mentions: null, not [""]
}

TEST_CASE("neo4j: relationship types are UPPER_SNAKE, with documents, days and evidence counts") {
    const Files f = export_csv(attends_graph());
    std::set<std::string> node_ids;
    for (const Record& n : f.nodes.records) node_ids.insert(n.id);
    std::map<std::string, const Record*> rel;
    for (const Record& r : f.relationships.records) {
        CHECK(node_ids.count(r.start));
        CHECK(node_ids.count(r.end));
        rel[prop(r, "id").at(0)] = &r;
    }
    REQUIRE(rel.size() == 6);
    const Record& attends = *rel.at("google--attends--world-ai-conference");
    CHECK(attends.type == "ATTENDS");
    CHECK(prop(attends, "predicate") == Values{"attends"});
    CHECK(prop(attends, "asserted") == Values{"1"});
    CHECK(prop(attends, "hedged") == Values{"1"});
    CHECK(prop(attends, "negated") == Values{"1"});
    CHECK(prop(attends, "former") == Values{"0"});
    CHECK(prop(attends, "evidence_quality") == Values{"negated"});  // of the first sentence, d1's denial
    CHECK(prop(attends, "weight") == Values{"2"});  // the denial adds no weight
    CHECK(prop(attends, "documents") == Values{"d1", "d2", "d3"});
    CHECK(prop(attends, "first_seen") == Values{"2024-07-26"});
    CHECK(prop(attends, "last_seen") == Values{"2024-08-31"});
    const Record& works = *rel.at("sundar-pichai--works_for--google");
    CHECK(works.type == "WORKS_FOR");
    CHECK(prop(works, "asserted") == Values{"1"});
    CHECK(prop(works, "hedged") == Values{"0"});
    CHECK(prop(works, "negated") == Values{"0"});
    CHECK(prop(works, "evidence_quality") == Values{"asserted"});
    CHECK(prop(works, "documents") == Values{"d3"});
    CHECK_FALSE(works.properties.count("first_seen"));
    // Foreign predicates: other ASCII becomes '_', other bytes stay, and an empty one still has a type.
    CHECK(rel.at("e1")->type == "IS_PART_OF");
    CHECK(prop(*rel.at("e1"), "predicate") == Values{"is part of"});
    CHECK(rel.at("e2")->type == "RELATED_TO");
    CHECK(rel.at("e3")->type == "CO_OWNS");
    CHECK(rel.at("e4")->type == "LIVRE\xC3\xA9");
    CHECK(prop(*rel.at("e1"), "asserted") == Values{"0"});
    CHECK_FALSE(rel.at("e1")->properties.count("documents"));  // no evidence: null, not [""]
    CHECK_FALSE(rel.at("e1")->properties.count("first_seen"));
}

TEST_CASE("neo4j: the sample and a hostile graph import cleanly; counts add up to the evidence") {
    const kg::KnowledgeGraph sample = kg::build_graph(kg::sample_documents());
    const kg::KnowledgeGraph hostile = kg::read_json(std::string(KG_TEST_DATA) + "/hostile.json");
    for (const kg::KnowledgeGraph* g : {&sample, &hostile}) {
        const Files f = export_csv(*g);
        CHECK(f.nodes.records.size() == g->num_entities());
        REQUIRE(f.relationships.records.size() == g->num_relations());
        for (const Record& n : f.nodes.records) {
            CHECK(n.labels.size() == 2);
            CHECK(n.labels.at(0) == "Entity");
            for (const char* array : {"aliases", "documents"})
                for (const std::string& element : prop(n, array)) CHECK_FALSE(element.empty());
        }
        std::map<std::string, const kg::Relation*> relations;
        for (kg::Edge e : boost::make_iterator_range(boost::edges(g->graph()))) relations[g->graph()[e].id] = &g->graph()[e];
        for (const Record& r : f.relationships.records) {
            CHECK(!r.type.empty());
            const kg::Relation* relation = relations.at(prop(r, "id").at(0));
            const int total = std::stoi(prop(r, "asserted").at(0)) + std::stoi(prop(r, "hedged").at(0)) +
                              std::stoi(prop(r, "negated").at(0));
            CHECK(total == static_cast<int>(relation->evidence.size()));
            CHECK(std::stoi(prop(r, "former").at(0)) <= total);
            for (const std::string& element : prop(r, "documents")) CHECK_FALSE(element.empty());
        }
    }
    // The sample's vocabulary is snake_case already: its types are the predicates upper-cased.
    const Files f = export_csv(sample);
    for (const Record& r : f.relationships.records) {
        const std::string predicate = prop(r, "predicate").at(0);
        std::string upper;
        for (char c : predicate) upper += (c >= 'a' && c <= 'z') ? char(c - 'a' + 'A') : c;
        CHECK(r.type == upper);
        CHECK(r.type.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") == std::string::npos);
    }
    for (const Record& n : f.nodes.records) {
        CHECK_FALSE(n.properties.count("first_seen"));  // the sample is undated
        CHECK_FALSE(prop(n, "documents").empty());
    }
}
