// The graph model: merging, weights, symmetric predicates, lookup.
#include <doctest/doctest.h>

#include "helpers.hpp"

#include <kg/graph.hpp>

#include <algorithm>

using kgtest::ev;

TEST_CASE("graph: entities merge on (name, type) only; slugs stay unique") {
    kg::KnowledgeGraph g;
    auto a = g.add_entity("Li Wei", kg::EntityType::PERSON);
    auto b = g.add_entity("Li Wei", kg::EntityType::PERSON);
    auto c = g.add_entity("Li Wei", kg::EntityType::COMPANY);
    auto d = g.add_entity("Li", kg::EntityType::PERSON);
    CHECK(a == b);
    CHECK(a != c);
    CHECK(a != d);
    CHECK(g.graph()[a].id == "li-wei");
    CHECK(g.graph()[c].id == "li-wei-company");
    CHECK(g.num_entities() == 3);
}

TEST_CASE("graph: weight counts distinct evidence; symmetric predicates keep one direction") {
    kg::KnowledgeGraph g;
    auto x = g.add_entity("Zeta Corp", kg::EntityType::COMPANY);
    auto y = g.add_entity("Alpha Corp", kg::EntityType::COMPANY);
    auto e1 = g.add_relation(x, "competes_with", y, 0.5, ev("d1", 0, "Zeta rivals Alpha."));
    auto e2 = g.add_relation(y, "competes_with", x, 0.7, ev("d2", 0, "Alpha rivals Zeta."));
    auto e3 = g.add_relation(x, "competes_with", y, 0.5, ev("d1", 0, "Zeta rivals Alpha."));
    CHECK(e1 == e2);
    CHECK(e1 == e3);
    CHECK(g.num_relations() == 1);
    const auto& r = g.graph()[e1];
    CHECK(r.weight == 2);
    CHECK(r.confidence == doctest::Approx(0.7));
    CHECK(r.id == "alpha-corp--competes_with--zeta-corp");
    CHECK(g.graph()[boost::source(e1, g.graph())].id == "alpha-corp");
    // An asymmetric predicate keeps its direction and is a separate edge.
    g.add_relation(x, "praised", y, 0.6, ev("d1", 20, "Zeta praised Alpha."));
    g.add_relation(y, "praised", x, 0.6, ev("d1", 40, "Alpha praised Zeta."));
    CHECK(g.num_relations() == 3);
}

TEST_CASE("graph: lookup by label first, then alias, case- and punctuation-insensitive") {
    kg::KnowledgeGraph g;
    auto us = g.add_entity("United States", kg::EntityType::COUNTRY);
    g.add_alias(us, "U.S.");
    auto other = g.add_entity("US", kg::EntityType::COMPANY);
    CHECK(g.lookup("united states") == std::vector<kg::Vertex>{us});
    CHECK(g.lookup("us") == std::vector<kg::Vertex>{other});  // label beats alias
    CHECK(g.lookup("nothing").empty());
    auto near = g.closest_labels("United Stat", 1);
    REQUIRE(near.size() == 1);
    CHECK(near[0] == "United States");
    CHECK(kg::fold_name("U.S.") == "us");
    CHECK(kg::slugify("Alibaba Group Holding Ltd.") == "alibaba-group-holding-ltd");
}

TEST_CASE("graph: closest_labels suggests only close names (issue 16)") {
    kg::KnowledgeGraph g;
    for (const char* label : {"FIFA", "Japan", "EU", "Li Keqiang", "Global South", "Bank of China", "Qiang Wei"})
        g.add_entity(label, kg::EntityType::UNKNOWN);
    // A shared word or a word 2 edits away; never the unrelated labels, nor "EU" for "Li" (2 edits of 2 letters).
    auto li = g.closest_labels("li qiang", 5);
    std::sort(li.begin(), li.end());
    CHECK(li == std::vector<std::string>{"Li Keqiang", "Qiang Wei"});
    CHECK(g.closest_labels("Globel Suoth", 5) == std::vector<std::string>{"Global South"});
    CHECK(g.closest_labels("FIFAA", 5) == std::vector<std::string>{"FIFA"});
    // "of" is not a shared word worth a suggestion.
    CHECK(g.closest_labels("Minister of Trade", 5).empty());
    CHECK(g.closest_labels("Zzyzx Qwerty", 5).empty());
}

TEST_CASE("graph: add() merges a document extraction") {
    kg::DocExtraction x;
    x.doc = "d";
    x.entities.push_back({"Jane Roe", kg::EntityType::PERSON, {"Roe"}, {{"d", 0, 8, "Jane Roe"}, {"d", 20, 23, "Roe"}}});
    x.entities.push_back({"Acme", kg::EntityType::COMPANY, {}, {{"d", 10, 14, "Acme"}}});
    x.relations.push_back({0, "works_for", 1, 0.8, ev("d", 0, "Jane Roe of Acme. Roe")});
    kg::KnowledgeGraph g;
    g.add(x);
    g.add(x);  // the same document twice adds no evidence twice
    REQUIRE(g.num_entities() == 2);
    auto v = *g.find("Jane Roe", kg::EntityType::PERSON);
    CHECK(g.graph()[v].aliases == std::vector<std::string>{"Roe"});
    REQUIRE(g.num_relations() == 1);
    auto e = *boost::edges(g.graph()).first;
    CHECK(g.graph()[e].weight == 1);
}

TEST_CASE("graph: ids of accented names are readable ASCII; other scripts fall back to a unique id") {
    CHECK(kg::slugify("Türkiye") == "turkiye");
    CHECK(kg::slugify("São Tomé & Príncipe") == "sao-tome-principe");
    CHECK(kg::slugify("Łódź") == "lodz");
    CHECK(kg::slugify("北京") == "entity");
    kg::KnowledgeGraph g;
    auto a = g.add_entity("北京", kg::EntityType::LOCATION);
    auto b = g.add_entity("上海", kg::EntityType::LOCATION);
    CHECK(g.graph()[a].id != g.graph()[b].id);
}
