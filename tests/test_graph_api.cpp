// KnowledgeGraph's API contract (issue 16): graph() is read-only, mutation goes through the class (setters,
// or mutate() for raw Boost changes, after which the lookups are rebuilt), and moves keep descriptors.
#include <doctest/doctest.h>

#include "helpers.hpp"

#include <kg/error.hpp>
#include <kg/graph.hpp>

#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

using kgtest::ev;
using T = kg::EntityType;

// graph() hands out no mutable Graph, even on a non-const KnowledgeGraph: a BGL remove_vertex through it would
// leave find_id and the edge index pointing at renumbered vertices.
static_assert(std::is_same_v<decltype(std::declval<kg::KnowledgeGraph&>().graph()), const kg::Graph&>);
static_assert(!std::is_copy_constructible_v<kg::KnowledgeGraph> && !std::is_copy_assignable_v<kg::KnowledgeGraph>);
static_assert(std::is_nothrow_move_constructible_v<kg::KnowledgeGraph> &&
              std::is_nothrow_move_assignable_v<kg::KnowledgeGraph>);

namespace {

// Four entities, three relations: alpha works_for beta, beta based_in gamma, delta works_for beta.
kg::KnowledgeGraph four() {
    kg::KnowledgeGraph g;
    const kg::Vertex a = g.add_entity("Alpha", T::PERSON);
    const kg::Vertex b = g.add_entity("Beta", T::COMPANY);
    const kg::Vertex c = g.add_entity("Gamma", T::COUNTRY);
    const kg::Vertex d = g.add_entity("Delta", T::PERSON);
    g.add_relation(a, "works_for", b, 0.9, ev("d1", 0, "Alpha works for Beta."));
    g.add_relation(b, "based_in", c, 0.8, ev("d1", 22, "Beta is based in Gamma."));
    g.add_relation(d, "works_for", b, 0.7, ev("d2", 0, "Delta works for Beta."));
    return g;
}

// Every vertex and edge is found by its own id, and by its (label, type) unless an earlier one has that key.
void check_lookups(const kg::KnowledgeGraph& kg) {
    const kg::Graph& g = kg.graph();
    for (kg::Vertex v : boost::make_iterator_range(boost::vertices(g))) {
        const auto by_id = kg.find_id(g[v].id);
        REQUIRE(by_id);
        CHECK(*by_id == v);
        const auto by_key = kg.find(g[v].label, g[v].type);
        REQUIRE(by_key);
        CHECK(g[*by_key].label == g[v].label);
        CHECK(g[*by_key].type == g[v].type);
    }
    for (kg::Edge e : boost::make_iterator_range(boost::edges(g))) CHECK(kg.has_relation_id(g[e].id));
}

}  // namespace

TEST_CASE("graph api: after remove_vertex through mutate(), find_id, find and edge lookups answer right") {
    kg::KnowledgeGraph g = four();
    g.mutate([&](kg::Graph& bg) {
        const kg::Vertex alpha = *g.find_id("alpha");
        boost::clear_vertex(alpha, bg);
        boost::remove_vertex(alpha, bg);  // vecS: beta, gamma, delta move down one
    });
    CHECK(g.num_entities() == 3);
    CHECK(g.num_relations() == 2);
    CHECK_FALSE(g.find_id("alpha"));
    CHECK_FALSE(g.find("Alpha", T::PERSON));
    CHECK_FALSE(g.has_relation_id("alpha--works_for--beta"));
    check_lookups(g);
    const kg::Vertex delta = *g.find_id("delta");
    const kg::Vertex beta = *g.find("Beta", T::COMPANY);
    CHECK(delta == 2);  // was 3: the lookup follows the renumbering
    CHECK(g.graph()[delta].label == "Delta");

    // The edge index follows too: more evidence for delta works_for beta lands on the edge that is there.
    const kg::Edge e = g.add_relation(delta, "works_for", beta, 0.6, ev("d3", 0, "Delta still works for Beta."));
    CHECK(g.num_relations() == 2);
    CHECK(g.graph()[e].id == "delta--works_for--beta");
    CHECK(g.graph()[e].weight == 2);
    CHECK(boost::source(e, g.graph()) == delta);
    CHECK(boost::target(e, g.graph()) == beta);

    // The removed entity's name and id are free again.
    const kg::Vertex again = g.add_entity("Alpha", T::PERSON);
    CHECK(again == 3);
    CHECK(g.graph()[again].id == "alpha");
    check_lookups(g);
}

TEST_CASE("graph api: mutate() that renames an entity or removes an edge keeps the lookups in step") {
    kg::KnowledgeGraph g = four();
    const kg::Vertex beta = *g.find_id("beta");
    const kg::Vertex gamma = *g.find_id("gamma");
    g.mutate([&](kg::Graph& bg) {
        bg[beta].label = "Beta Holdings";
        bg[beta].id = "beta-holdings";
        boost::remove_edge(beta, gamma, bg);
    });
    CHECK_FALSE(g.find("Beta", T::COMPANY));
    CHECK_FALSE(g.find_id("beta"));
    CHECK(g.find("Beta Holdings", T::COMPANY) == beta);
    CHECK(g.find_id("beta-holdings") == beta);
    CHECK_FALSE(g.has_relation_id("beta--based_in--gamma"));
    CHECK(g.num_relations() == 2);
    check_lookups(g);
    // add_entity finds the renamed entity instead of making a second one.
    CHECK(g.add_entity("Beta Holdings", T::COMPANY) == beta);
    CHECK(g.num_entities() == 4);
}

TEST_CASE("graph api: mutate() that leaves a duplicate id throws, and the first keeps the id") {
    kg::KnowledgeGraph g = four();
    const kg::Vertex gamma = *g.find_id("gamma");
    const kg::Vertex delta = *g.find_id("delta");
    try {
        g.mutate([&](kg::Graph& bg) { bg[delta].id = "gamma"; });
        FAIL("no error for a duplicate node id");
    } catch (const kg::Error& e) {
        CHECK(std::string(e.what()).find("duplicate node id 'gamma'") != std::string::npos);
    }
    CHECK(g.find_id("gamma") == gamma);
    CHECK_FALSE(g.find_id("delta"));
    CHECK(g.find("Delta", T::PERSON) == delta);  // the key index is rebuilt all the same

    CHECK_THROWS_WITH_AS(g.mutate([&](kg::Graph& bg) {
        bg[delta].id = "delta";  // mends the node ids, so the edges' are the duplicates reported
        for (kg::Edge e : boost::make_iterator_range(boost::edges(bg))) bg[e].id = "same";
    }),
                         doctest::Contains("duplicate edge id 'same'"), kg::Error);
    CHECK(g.has_relation_id("same"));
    CHECK(g.find_id("delta") == delta);
}

TEST_CASE("graph api: mutate() rebuilds the lookups when its function throws") {
    kg::KnowledgeGraph g = four();
    CHECK_THROWS_AS(g.mutate([&](kg::Graph& bg) {
        const kg::Vertex alpha = *g.find_id("alpha");
        boost::clear_vertex(alpha, bg);
        boost::remove_vertex(alpha, bg);
        throw std::runtime_error("halfway");
    }),
                    std::runtime_error);
    CHECK(g.num_entities() == 3);
    CHECK_FALSE(g.find_id("alpha"));
    check_lookups(g);
}

TEST_CASE("graph api: setters change what they name and nothing else") {
    kg::KnowledgeGraph g = four();
    const kg::Vertex beta = *g.find_id("beta");
    const kg::Edge e = g.add_relation(*g.find_id("alpha"), "works_for", beta, 0.5, ev("d1", 0, "Alpha works for Beta."));
    CHECK(g.graph()[e].weight == 1);  // the same evidence again: not counted twice

    g.set_weight(e, 2.5);
    CHECK(g.graph()[e].weight == 2.5);
    CHECK(g.graph()[e].evidence.size() == 1);

    g.set_mentions(beta, {kg::Mention{"d2", 9, 13, "Beta"}, kg::Mention{"d1", 0, 4, "Beta"}});
    CHECK(g.graph()[beta].mentions.size() == 2);
    CHECK(g.graph()[beta].mentions[0].doc == "d2");  // in the order given
    CHECK(g.graph()[beta].frequency == 0);           // a stored count, untouched

    g.set_frequency(beta, 7);
    CHECK(g.graph()[beta].frequency == 7);
    // add() counts on from the value set.
    kg::DocExtraction x;
    x.doc = "d3";
    kg::DocEntity de;
    de.name = "Beta";
    de.type = T::COMPANY;
    de.mentions = {kg::Mention{"d3", 0, 4, "Beta"}};
    x.entities.push_back(de);
    g.add(x);
    CHECK(g.graph()[beta].frequency == 8);
    CHECK(g.graph()[beta].mentions.size() == 3);
    check_lookups(g);
}

TEST_CASE("graph api: moves keep every descriptor; the moved-from graph is empty and usable") {
    kg::KnowledgeGraph g = four();
    g.add_document({"d1", "d1.txt", 10});
    const kg::Vertex delta = *g.find_id("delta");
    const kg::Edge e = *boost::out_edges(delta, g.graph()).first;
    const kg::Relation* stored = &g.graph()[e];

    kg::KnowledgeGraph h(std::move(g));
    CHECK(&h.graph()[e] == stored);  // the same storage, not a copy
    CHECK(h.graph()[e].id == "delta--works_for--beta");
    CHECK(h.find_id("delta") == delta);
    CHECK(h.documents().size() == 1);
    check_lookups(h);

    CHECK(g.num_entities() == 0);  // NOLINT(bugprone-use-after-move): the contract says empty
    CHECK(g.num_relations() == 0);
    CHECK(boost::num_vertices(g.graph()) == 0);
    CHECK(g.documents().empty());
    CHECK_FALSE(g.find_id("delta"));
    CHECK_FALSE(g.has_relation_id("delta--works_for--beta"));
    CHECK(g.lookup("Delta").empty());
    CHECK(g.add_entity("Delta", T::PERSON) == 0);  // a fresh graph again
    CHECK(g.find_id("delta") == kg::Vertex(0));

    kg::KnowledgeGraph k;
    k.add_entity("Other", T::PERSON);
    k = std::move(h);
    CHECK(&k.graph()[e] == stored);
    CHECK(k.num_entities() == 4);
    CHECK_FALSE(k.find_id("other"));
    CHECK(h.num_entities() == 0);  // NOLINT(bugprone-use-after-move)
    check_lookups(k);
}

TEST_CASE("graph api: graph() is one object for the graph's life; a moved-from graph can be refilled") {
    kg::KnowledgeGraph g;
    const kg::Graph& bg = g.graph();  // taken while empty, as an algorithm object might
    CHECK(boost::num_vertices(bg) == 0);
    CHECK(g.documents().empty());
    CHECK_FALSE(g.find("X", T::PERSON));
    CHECK(g.closest_labels("X").empty());
    g.add_relation(g.add_entity("X", T::PERSON), "praised", g.add_entity("Y", T::PERSON), 0.5, ev("d", 0, "X praised Y."));
    CHECK(&g.graph() == &bg);
    CHECK(boost::num_vertices(bg) == 2);
    CHECK(boost::num_edges(bg) == 1);

    // A moved-from graph refilled by a reader's batch, the path that makes its storage anew.
    kg::KnowledgeGraph h(std::move(g));
    CHECK(&h.graph() == &bg);
    {
        kg::KnowledgeGraph::RelationBatch batch(g);  // NOLINT(bugprone-use-after-move)
        batch.prefetch("x--praised--y");
        const kg::Vertex x = g.insert_entity(kg::Entity{"x", "X", T::PERSON, {}, 1, {}, {}});
        const kg::Vertex y = g.insert_entity(kg::Entity{"y", "Y", T::PERSON, {}, 1, {}, {}});
        kg::Relation rel;
        rel.id = "x--praised--y";
        rel.predicate = "praised";
        batch.add(x, y, rel);
        CHECK_THROWS_AS(batch.add(x, y, rel), kg::Error);
    }
    CHECK(g.num_relations() == 1);
    CHECK(&g.graph() != &bg);
    CHECK(boost::out_degree(*g.find_id("x"), g.graph()) == 1);
    CHECK(boost::in_degree(*g.find_id("y"), g.graph()) == 1);
    check_lookups(g);
    check_lookups(h);
}
