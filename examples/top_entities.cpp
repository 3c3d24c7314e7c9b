// Builds the graph of the built-in sample and prints the five entities with the most relations.
// Shows the two ways in: the KnowledgeGraph API and the Boost graph underneath it.
#include <kg/corpus.hpp>
#include <kg/extract.hpp>
#include <kg/query.hpp>

#include <iostream>

int main() {
    kg::KnowledgeGraph graph = kg::build_graph(kg::sample_documents());
    const kg::Graph& g = graph.graph();
    std::vector<double> degree = kg::degree_centrality(graph, kg::DegreeMode::total);
    std::cout << graph.num_entities() << " entities, " << graph.num_relations() << " relations\n";
    for (const auto& [v, d] : kg::top_n(degree, 5))
        std::cout << g[v].label << " (" << kg::to_string(g[v].type) << "): " << d << " relations\n";
}
