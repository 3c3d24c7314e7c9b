// make_view: type, predicate and weight filters, ego neighbourhoods, top by degree, order and ids kept.
#include <doctest/doctest.h>

#include "helpers.hpp"

#include <kg/view.hpp>

#include <string>
#include <vector>

namespace {

// a -works_for-> b -based_in-> c -part_of-> d ; e -praised-> a (weight 2) ; f alone
kg::KnowledgeGraph chain() {
    kg::KnowledgeGraph g;
    g.add_document({"d", "d.txt", 10});
    auto a = g.add_entity("A", kg::EntityType::PERSON);
    auto b = g.add_entity("B", kg::EntityType::COMPANY);
    auto c = g.add_entity("C", kg::EntityType::COUNTRY);
    auto d = g.add_entity("D", kg::EntityType::LOCATION);
    auto e = g.add_entity("E", kg::EntityType::PERSON);
    g.add_entity("F", kg::EntityType::PERSON);
    g.add_relation(a, "works_for", b, 1, kgtest::ev("d", 0, "1"));
    g.add_relation(b, "based_in", c, 1, kgtest::ev("d", 1, "2"));
    g.add_relation(c, "part_of", d, 1, kgtest::ev("d", 2, "3"));
    g.add_relation(e, "praised", a, 1, kgtest::ev("d", 3, "4"));
    g.add_relation(e, "praised", a, 1, kgtest::ev("d", 4, "5"));
    return g;
}

std::vector<std::string> ids(const kg::KnowledgeGraph& g) {
    std::vector<std::string> out;
    for (auto v : boost::make_iterator_range(boost::vertices(g.graph()))) out.push_back(g.graph()[v].id);
    return out;
}

std::vector<std::string> edge_ids(const kg::KnowledgeGraph& g) {
    std::vector<std::string> out;
    for (auto e : boost::make_iterator_range(boost::edges(g.graph()))) out.push_back(g.graph()[e].id);
    return out;
}

}  // namespace

TEST_CASE("view: no options keeps everything, in order, with documents") {
    const kg::KnowledgeGraph g = chain();
    const kg::KnowledgeGraph v = kg::make_view(g, {});
    CHECK(ids(v) == ids(g));
    CHECK(edge_ids(v) == edge_ids(g));
    CHECK(v.documents().size() == 1);
}

TEST_CASE("view: types keep entities and the edges between them") {
    kg::ViewOptions o;
    o.types = {kg::EntityType::PERSON, kg::EntityType::COMPANY};
    const kg::KnowledgeGraph v = kg::make_view(chain(), o);
    CHECK(ids(v) == std::vector<std::string>{"a", "b", "e", "f"});
    CHECK(edge_ids(v) == std::vector<std::string>{"a--works_for--b", "e--praised--a"});
}

TEST_CASE("view: predicates and min_weight drop edges, then entities left alone") {
    kg::ViewOptions o;
    o.predicates = {"based_in", "part_of"};
    CHECK(ids(kg::make_view(chain(), o)) == std::vector<std::string>{"b", "c", "d"});
    kg::ViewOptions w;
    w.min_weight = 2;
    const kg::KnowledgeGraph v = kg::make_view(chain(), w);
    CHECK(ids(v) == std::vector<std::string>{"a", "e"});
    CHECK(edge_ids(v) == std::vector<std::string>{"e--praised--a"});
}

TEST_CASE("view: ego walks edges both ways up to depth") {
    kg::KnowledgeGraph g = chain();
    kg::ViewOptions o;
    o.ego = *g.find_id("b");
    o.depth = 1;
    CHECK(ids(kg::make_view(g, o)) == std::vector<std::string>{"a", "b", "c"});
    o.depth = 2;
    CHECK(ids(kg::make_view(g, o)) == std::vector<std::string>{"a", "b", "c", "d", "e"});
    o.depth = 0;
    CHECK(ids(kg::make_view(g, o)) == std::vector<std::string>{"b"});
    // The ego stays even when its type is filtered out, and its walk uses only kept edges.
    o.depth = 5;
    o.types = {kg::EntityType::PERSON};
    CHECK(ids(kg::make_view(g, o)) == std::vector<std::string>{"a", "b", "e"});
}

TEST_CASE("view: top keeps the best-connected entities, ties in vertex order") {
    kg::ViewOptions o;
    o.top = 2;
    const kg::KnowledgeGraph v = kg::make_view(chain(), o);
    CHECK(ids(v) == std::vector<std::string>{"a", "b"});  // a: 3 edge ends, b: 2 (c also 2, later)
    CHECK(edge_ids(v) == std::vector<std::string>{"a--works_for--b"});
}
