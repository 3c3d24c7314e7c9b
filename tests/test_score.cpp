// The scorer: gold parsing, one-to-one entity matching, relation triples, errors.
#include <doctest/doctest.h>

#include "helpers.hpp"

#include <kg/error.hpp>
#include <kg/graph.hpp>
#include <kg/score.hpp>

#include <fstream>
#include <sstream>

using kgtest::ev;

namespace {

std::string read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

const char* const tiny_gold = R"({
 "types": ["PERSON","COMPANY","ORGANIZATION","COUNTRY","LOCATION","EVENT","PRODUCT","POLICY"],
 "entities": [
  {"id": "us", "name": "United States", "type": "COUNTRY", "aliases": ["US"]},
  {"id": "china", "name": "China", "type": "COUNTRY", "aliases": ["Beijing"]},
  {"id": "li", "name": "Li Qiang", "type": "PERSON", "aliases": ["Premier Li"]},
  {"id": "acme", "name": "Acme Corp", "type": "COMPANY", "aliases": ["Acme"]},
  {"id": "waic", "name": "World AI Conference", "type": "EVENT", "aliases": ["WAIC"]}
 ],
 "relations": [
  {"subject": "us", "predicate": "competes_with", "object": "china", "doc": "d1", "evidence": "x", "core": true},
  {"subject": "li", "predicate": "leader_of", "object": "china", "doc": "d1", "evidence": "x", "core": true},
  {"subject": "acme", "predicate": "based_in", "object": "china", "doc": "d1", "evidence": "x", "core": false},
  {"subject": "li", "predicate": "attends", "object": "waic", "doc": "d1", "evidence": "x", "core": false},
  {"subject": "li", "predicate": "attends", "object": "waic", "doc": "d2", "evidence": "x", "core": true}
 ]
})";

}  // namespace

TEST_CASE("score: the seed gold parses to 60 entities, 74 distinct relations, 37 core") {
    kg::Gold gold = kg::parse_gold(read_all(std::string(KG_TEST_DATA) + "/seeds.gold.json"), "seeds.gold.json");
    CHECK(gold.entities.size() == 60);
    CHECK(gold.relations.size() == 74);
    std::size_t core = 0;
    for (const auto& r : gold.relations) core += r.core ? 1 : 0;
    CHECK(core == 37);
    CHECK(gold.entities.front().id == "li_qiang");
    CHECK(gold.entities.front().name == "Li Qiang");
    CHECK(gold.entities.front().type == "PERSON");
    CHECK(gold.entities.front().aliases.size() == 3);
    CHECK(gold.relations.front().subject == "huawei");
    CHECK(gold.relations.front().predicate == "attends");
    CHECK(gold.relations.front().object == "world_ai_conference");
}

TEST_CASE("score: tiny gold parses with distinct triples and core from any document") {
    kg::Gold gold = kg::parse_gold(tiny_gold);
    REQUIRE(gold.entities.size() == 5);
    REQUIRE(gold.relations.size() == 4);
    CHECK(gold.relations[3].subject == "li");
    CHECK(gold.relations[3].predicate == "attends");
    CHECK(gold.relations[3].core);  // non-core in d1, core in d2
    CHECK_FALSE(gold.relations[2].core);
}

TEST_CASE("score: aliases fold, matching is one-to-one, direction matters unless symmetric") {
    kg::Gold gold = kg::parse_gold(tiny_gold);
    kg::KnowledgeGraph g;
    using T = kg::EntityType;
    auto us = g.add_entity("U.S.", T::COUNTRY);            // = gold alias "US" after folding
    auto china = g.add_entity("China", T::COUNTRY);        // label = name
    auto li = g.add_entity("Li Qiang", T::ORGANIZATION);   // right name, wrong type
    auto acme_long = g.add_entity("Acme Corporation", T::COMPANY);
    g.add_alias(acme_long, "Acme");                         // alias = alias: weaker than the next one
    auto acme = g.add_entity("Acme", T::COMPANY);           // label = gold alias
    auto beijing = g.add_entity("Beijing", T::LOCATION);   // China's alias, but China is taken
    auto nobody = g.add_entity("Nobody", T::PERSON);
    (void)nobody;

    // symmetric predicate: stored one way by the graph, gold has the other way
    g.add_relation(us, "competes_with", china, 0.9, ev("d1", 0, "The US competes with China."));
    // asymmetric predicate in the wrong direction: not counted
    g.add_relation(china, "leader_of", li, 0.9, ev("d1", 30, "Li leads China."));
    // found, with two evidence sentences (still one triple)
    g.add_relation(acme, "based_in", china, 0.9, ev("d1", 50, "Acme is based in China."));
    g.add_relation(acme, "based_in", china, 0.9, ev("d2", 0, "Acme, based in China."));
    // an edge between unmatched nodes still counts as predicted
    g.add_relation(acme_long, "based_in", beijing, 0.9, ev("d1", 80, "Acme Corporation, of Beijing."));

    kg::Score s = kg::score(g, gold);

    // untyped: us, china, li, acme (the short "Acme" node) -> 4 of 7 predicted, 4 of 5 gold
    CHECK(s.entities.true_positives == 4);
    CHECK(s.entities.predicted == 7);
    CHECK(s.entities.gold == 5);
    CHECK(s.entities.precision == doctest::Approx(4.0 / 7.0));
    CHECK(s.entities.recall == doctest::Approx(0.8));
    CHECK(s.entities.f1 == doctest::Approx(2.0 / 3.0));

    // typed: Li Qiang is an ORGANIZATION here, so only 3
    CHECK(s.typed_entities.true_positives == 3);
    CHECK(s.typed_entities.precision == doctest::Approx(3.0 / 7.0));
    CHECK(s.typed_entities.recall == doctest::Approx(0.6));
    CHECK(s.typed_entities.f1 == doctest::Approx(0.5));

    // relations: us competes_with china (reverse, symmetric) and acme based_in china found
    CHECK(s.relations.true_positives == 2);
    CHECK(s.relations.predicted == 4);
    CHECK(s.relations.gold == 4);
    CHECK(s.relations.precision == doctest::Approx(0.5));
    CHECK(s.relations.recall == doctest::Approx(0.5));
    CHECK(s.relations.f1 == doctest::Approx(0.5));
    CHECK(s.core_recall == doctest::Approx(1.0 / 3.0));
    REQUIRE(s.missed_core.size() == 2);
    CHECK(s.missed_core[0] == "li leader_of china");
    CHECK(s.missed_core[1] == "li attends waic");
}

TEST_CASE("score: label matches win over alias matches; each gold entity takes one node") {
    kg::Gold gold = kg::parse_gold(R"({"entities": [
        {"id": "a", "name": "Alpha", "type": "COMPANY", "aliases": ["AX"]},
        {"id": "b", "name": "AX", "type": "COMPANY", "aliases": []}],
      "relations": []})");
    kg::KnowledgeGraph g;
    auto ax = g.add_entity("AX", kg::EntityType::COMPANY);
    g.add_alias(ax, "Alpha");
    kg::Score s = kg::score(g, gold);
    // Node "AX" (label) = gold b's name is a stronger match than alias/alias with a, so b gets it.
    CHECK(s.entities.true_positives == 1);
    CHECK(s.entities.recall == doctest::Approx(0.5));
    CHECK(s.entities.precision == doctest::Approx(1.0));
    // Relations are undefined: all zero.
    CHECK(s.relations.precision == 0);
    CHECK(s.relations.recall == 0);
    CHECK(s.relations.f1 == 0);
    CHECK(s.core_recall == 0);
}

TEST_CASE("score: an empty graph scores zero without dividing by zero") {
    kg::Gold gold = kg::parse_gold(tiny_gold);
    kg::KnowledgeGraph g;
    kg::Score s = kg::score(g, gold);
    CHECK(s.entities.true_positives == 0);
    CHECK(s.entities.precision == 0);
    CHECK(s.entities.recall == 0);
    CHECK(s.entities.f1 == 0);
    CHECK(s.core_recall == 0);
    CHECK(s.missed_core.size() == 3);
}

TEST_CASE("score: malformed gold is bad_input naming the source") {
    auto bad = [](const std::string& json) {
        try {
            kg::parse_gold(json, "gold.json");
        } catch (const kg::Error& e) {
            CHECK(e.code() == kg::ExitCode::bad_input);
            CHECK(std::string(e.what()).find("gold.json") != std::string::npos);
            return true;
        }
        return false;
    };
    CHECK(bad("{"));
    CHECK(bad("[]"));
    CHECK(bad(R"({"relations": []})"));
    CHECK(bad(R"({"entities": [{"id": "a", "type": "PERSON"}]})"));
    CHECK(bad(R"({"entities": [{"id": "a", "name": 3, "type": "PERSON"}]})"));
    CHECK(bad(R"({"entities": [{"id": "a", "name": "A", "type": "PERSON", "aliases": "A"}]})"));
    CHECK(bad(R"({"entities": [{"id": "a", "name": "A", "type": "PERSON"},
                               {"id": "a", "name": "B", "type": "PERSON"}]})"));
    CHECK(bad(R"({"entities": [{"id": "a", "name": "A", "type": "PERSON"}],
                  "relations": [{"subject": "a", "predicate": "meets", "object": "zz"}]})"));
    CHECK(bad(R"({"entities": [{"id": "a", "name": "A", "type": "PERSON"}],
                  "relations": [{"subject": "a", "predicate": "meets", "object": "a", "core": "yes"}]})"));
    CHECK_FALSE(bad(R"({"entities": [], "relations": []})"));
}
