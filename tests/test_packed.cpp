// Extracted documents wait for the merge packed (lib/extract/packed.hpp): unpacking must give back every
// field exactly, and the streaming merge must give the graph of merge_documents(take()).
#include "merge/packed.hpp"

#include <kg/corpus.hpp>
#include <kg/export.hpp>
#include <kg/extract.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <sstream>

namespace {

bool same_real(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }  // NaN and -0.0 included

void check_same(const kg::DocExtraction& a, const kg::DocExtraction& b) {
    CHECK(a.doc == b.doc);
    REQUIRE(a.entities.size() == b.entities.size());
    for (std::size_t i = 0; i < a.entities.size(); ++i) {
        const kg::DocEntity& x = a.entities[i];
        const kg::DocEntity& y = b.entities[i];
        CHECK(x.name == y.name);
        CHECK(x.type == y.type);
        CHECK(same_real(x.type_confidence, y.type_confidence));
        CHECK(x.aliases == y.aliases);
        REQUIRE(x.mentions.size() == y.mentions.size());
        for (std::size_t k = 0; k < x.mentions.size(); ++k) {
            CHECK(x.mentions[k] == y.mentions[k]);
            CHECK(x.mentions[k].cp_start == y.mentions[k].cp_start);  // not part of Span's ==
        }
    }
    REQUIRE(a.relations.size() == b.relations.size());
    for (std::size_t i = 0; i < a.relations.size(); ++i) {
        const kg::DocRelation& x = a.relations[i];
        const kg::DocRelation& y = b.relations[i];
        CHECK(x.subject == y.subject);
        CHECK(x.predicate == y.predicate);
        CHECK(x.object == y.object);
        CHECK(same_real(x.confidence, y.confidence));
        CHECK(static_cast<const kg::Span&>(x.evidence) == static_cast<const kg::Span&>(y.evidence));
        CHECK(x.evidence.modality == y.evidence.modality);
        CHECK(x.evidence.negated == y.evidence.negated);
        CHECK(x.evidence.former == y.evidence.former);
        CHECK(x.evidence.cp_start == y.evidence.cp_start);
    }
}

// Bytes an extraction takes as structs: the structs, the vectors' buffers, and strings too long to be stored
// inline (libstdc++ keeps up to 15 bytes in the string itself).
std::size_t struct_bytes(const kg::DocExtraction& x) {
    auto heap = [](const std::string& s) { return s.size() > 15 ? s.size() + 1 : 0; };
    std::size_t n = sizeof x + heap(x.doc);
    for (const kg::DocEntity& e : x.entities) {
        n += sizeof e + heap(e.name);
        for (const std::string& a : e.aliases) n += sizeof a + heap(a);
        for (const kg::Mention& m : e.mentions) n += sizeof m + heap(m.doc) + heap(m.text);
    }
    for (const kg::DocRelation& r : x.relations)
        n += sizeof r + heap(r.predicate) + heap(r.evidence.doc) + heap(r.evidence.text) + heap(r.evidence.modality);
    return n;
}

std::vector<kg::Document> sorted_seeds() {
    std::vector<kg::Document> docs = kg::sample_documents();
    std::sort(docs.begin(), docs.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    return docs;
}

std::string json_of(const kg::KnowledgeGraph& g) {
    std::ostringstream out;
    kg::write_json(g, out);
    return out.str();
}

}  // namespace

TEST_CASE("packed: every seed extraction unpacks to itself, in a fraction of its size as structs") {
    kg::Extractor extract;
    for (const kg::Document& d : kg::sample_documents()) {
        const kg::DocExtraction x = extract(d);
        REQUIRE(!x.entities.empty());
        const std::string packed = kg::detail::pack(x, d.id);
        check_same(kg::detail::unpack(packed, d.id), x);
        CHECK(packed.size() * 4 < struct_bytes(x));
    }
}

TEST_CASE("packed: the cases the shortcuts do not cover come back as they were") {
    kg::DocExtraction x;
    x.doc = "other-doc";  // not the document's id
    kg::DocEntity e;
    e.name = "Acme Corp";
    e.type = kg::EntityType::UNKNOWN;
    e.type_confidence = std::numeric_limits<double>::quiet_NaN();
    e.aliases = {"Acme", "", "Acme Corp."};
    const std::size_t huge = std::numeric_limits<std::size_t>::max();
    e.mentions = {
        kg::Mention{"other-doc", 0, 9, "Acme Corp"},                // the name
        kg::Mention{"other-doc", 20, 24, "Acme"},                   // an alias
        kg::Mention{"other-doc", 30, 30, ""},                       // an empty alias
        kg::Mention{"third-doc", huge, 3, "ACME"},                  // neither, another doc, end before start
        kg::Mention{"", 5, huge, std::string("A\0c\xff", 4)},       // bytes that are not text
    };
    e.mentions[1].cp_start = 17;   // code points: fewer than bytes before it
    e.mentions[2].cp_start = 30;   // as many (ASCII before it)
    e.mentions[3].cp_start = 5;    // a start far past it
    x.entities.push_back(e);
    kg::DocEntity f;
    f.name = "";
    f.type = kg::EntityType::POLICY;
    f.type_confidence = -0.0;
    x.entities.push_back(f);
    auto rel = [](std::size_t s, std::size_t o, const std::string& doc, const std::string& text, const std::string& mod,
                  bool neg) {
        kg::DocRelation r;
        r.subject = s;
        r.object = o;
        r.predicate = "partner_of";
        r.confidence = 0.3;
        r.evidence = kg::Evidence{{doc, 1, 2, text}, mod, neg};
        return r;
    };
    x.relations = {rel(0, 1, "other-doc", "A sentence.", "", false),
                   rel(1, 0, "other-doc", "A sentence.", "reported", true),  // the same sentence again
                   rel(0, 0, "elsewhere", "Another.", "", false),
                   rel(huge, 7, "other-doc", "", "expected", false)};
    x.relations[1].evidence.cp_start = 0;
    x.relations[2].evidence.cp_start = 1;
    x.relations[2].evidence.former = true;
    const std::string packed = kg::detail::pack(x, "the-doc");
    check_same(kg::detail::unpack(packed, "the-doc"), x);

    std::vector<std::string> names;
    std::vector<std::vector<std::string>> aliases;
    std::vector<std::size_t> counts;
    kg::detail::for_each_entity(packed, [&](std::string_view name, kg::EntityType type, double conf,
                                            const std::vector<std::string_view>& as, std::size_t mentions) {
        names.emplace_back(name);
        counts.push_back(mentions);
        aliases.emplace_back(as.begin(), as.end());
        if (name.empty()) {
            CHECK(type == kg::EntityType::POLICY);
            CHECK(same_real(conf, -0.0));
        } else {
            CHECK(type == kg::EntityType::UNKNOWN);
            CHECK(std::isnan(conf));
        }
    });
    CHECK(names == std::vector<std::string>{"Acme Corp", ""});
    REQUIRE(aliases.size() == 2);
    CHECK(aliases[0] == x.entities[0].aliases);
    CHECK(aliases[1] == x.entities[1].aliases);
    CHECK(counts == std::vector<std::size_t>{x.entities[0].mentions.size(), x.entities[1].mentions.size()});

    const kg::DocExtraction empty;
    check_same(kg::detail::unpack(kg::detail::pack(empty, ""), ""), empty);
}

TEST_CASE("packed: finish() streams the graph of merge_documents(take()) and shows each document as take() gives it") {
    for (bool keep_duplicates : {false, true}) {
        kg::BuildOptions o;
        o.threads = 2;
        o.keep_duplicates = keep_duplicates;
        std::vector<kg::Document> docs = sorted_seeds();
        docs.push_back(docs.front());  // a wire copy under a later id: emptied by the merge, shown whole to `each`
        docs.back().id = "zz-copy";

        kg::GraphBuilder a(o);
        for (const auto& d : docs) a.add(d);
        const std::vector<kg::ExtractedDocument> taken = a.take();
        std::vector<kg::ExtractedDocument> copy = taken;
        const std::string expected = json_of(kg::merge_documents(std::move(copy), o));

        kg::GraphBuilder b(o);
        for (auto it = docs.rbegin(); it != docs.rend(); ++it) b.add(*it);  // arrival order does not matter
        std::vector<kg::ExtractedDocument> seen;
        const kg::KnowledgeGraph g = b.finish([&](const kg::ExtractedDocument& d) { seen.push_back(d); });
        CHECK(json_of(g) == expected);
        REQUIRE(seen.size() == taken.size());
        for (std::size_t i = 0; i < seen.size(); ++i) {
            CHECK(kg::extraction_line(seen[i]) == kg::extraction_line(taken[i]));
            check_same(seen[i].extraction, taken[i].extraction);
        }
        CHECK(!seen.back().extraction.entities.empty());
        CHECK(g.documents().back().duplicate_of == (keep_duplicates ? "" : docs.front().id));
    }
}
