// Runs a Boost.Graph algorithm directly on the graph libkg builds: Dijkstra from one entity along the
// direction of the relations, with kg::edge_cost as the length of an edge (an edge stated by more
// sentences, or more surely, is shorter). Prints every entity reachable, nearest first, with its route.
#include <kg/kg.hpp>

#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/property_map/function_property_map.hpp>

#include <algorithm>
#include <iomanip>
#include <iostream>
#include <limits>
#include <string>
#include <vector>

namespace {

kg::Document article(const std::string& id, const std::string& text) {
    kg::Document doc;
    doc.id = id;
    doc.source = "example";
    doc.text = text;
    return doc;
}

}  // namespace

int main() {
    std::vector<kg::Document> docs = {
        article("a", "Nvidia CEO Jensen Huang attended the Computex Conference in Taipei."),
        article("b", "Nvidia released the H20 chip.\nJensen Huang praised Taiwan."),
        article("c", "Jensen Huang said Nvidia released the H20 chip."),
    };
    kg::KnowledgeGraph graph = kg::build_graph(docs);
    const kg::Graph& g = graph.graph();  // boost::adjacency_list<vecS, vecS, bidirectionalS, Entity, Relation>

    kg::Vertex start = kg::resolve_entity(graph, "Jensen Huang");
    std::vector<double> distance(boost::num_vertices(g));
    std::vector<kg::Vertex> predecessor(boost::num_vertices(g));
    auto cost = boost::make_function_property_map<kg::Edge, double>(
        [&g](kg::Edge e) { return kg::edge_cost(g[e]); });
    boost::dijkstra_shortest_paths(g, start,
                                   boost::weight_map(cost)
                                       .distance_map(distance.data())
                                       .predecessor_map(predecessor.data()));

    std::vector<kg::Vertex> reached;
    for (kg::Vertex v = 0; v < boost::num_vertices(g); ++v)
        if (v != start && distance[v] < std::numeric_limits<double>::max()) reached.push_back(v);
    std::stable_sort(reached.begin(), reached.end(),
                     [&](kg::Vertex a, kg::Vertex b) { return distance[a] < distance[b]; });
    std::cout << "from " << g[start].label << ", nearest first:\n" << std::fixed << std::setprecision(3);
    for (kg::Vertex v : reached) {
        std::string route = g[v].label;
        for (kg::Vertex u = v; u != start;) {
            u = predecessor[u];
            route = g[u].label + " > " + route;
        }
        std::cout << "  " << distance[v] << "  " << route << "\n";
    }
}
