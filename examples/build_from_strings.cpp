// Builds a knowledge graph from articles held in strings, then lists every entity with its mentions and
// every relation with the sentences that support it (document id, byte range, text): the provenance.
#include <kg/kg.hpp>

#include <boost/range/iterator_range.hpp>

#include <iostream>
#include <string>
#include <vector>

namespace {

kg::Document article(const std::string& id, const std::string& text) {
    kg::Document doc;
    doc.id = id;            // evidence and mentions name this id
    doc.source = "example";
    doc.text = text;
    return doc;
}

}  // namespace

int main() {
    std::vector<kg::Document> docs = {
        article("day-1", "Nvidia CEO Jensen Huang attended the Computex Conference in Taipei.\n"
                         "Nvidia released the H20 chip."),
        article("day-2", "The United States restricted Nvidia.\n"
                         "Jensen Huang praised Taiwan."),
    };
    kg::KnowledgeGraph graph = kg::build_graph(docs);
    const kg::Graph& g = graph.graph();

    std::cout << graph.num_entities() << " entities, " << graph.num_relations() << " relations\n";
    for (kg::Vertex v : boost::make_iterator_range(boost::vertices(g))) {
        const kg::Entity& e = g[v];
        std::cout << e.label << " (" << kg::to_string(e.type) << ")";
        for (const kg::Mention& m : e.mentions) std::cout << " [" << m.doc << " " << m.start << "-" << m.end << "]";
        std::cout << "\n";
    }
    for (kg::Edge e : boost::make_iterator_range(boost::edges(g))) {
        const kg::Relation& r = g[e];
        std::cout << g[boost::source(e, g)].label << " -" << r.predicate << "-> " << g[boost::target(e, g)].label
                  << " (weight " << r.weight << ")\n";
        for (const kg::Evidence& ev : r.evidence)
            std::cout << "    " << ev.doc << " " << ev.start << "-" << ev.end << ": " << ev.text << "\n";
    }
}
