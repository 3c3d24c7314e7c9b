// Finds who links two entities: every shortest connection between them, each hop with the sentence
// that supports it. Names are resolved as kg-query does (label, alias or node id).
#include <kg/kg.hpp>

#include <iostream>
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
        article("b", "Nvidia competes with Huawei.\nJensen Huang praised Taiwan."),
        article("c", "Taiwan restricted Huawei.\nHuawei released the Mate 60 phone."),
    };
    kg::KnowledgeGraph graph = kg::build_graph(docs);
    const kg::Graph& g = graph.graph();

    try {
        kg::Vertex from = kg::resolve_entity(graph, "Jensen Huang");
        kg::Vertex to = kg::resolve_entity(graph, "Huawei");
        std::vector<kg::Path> paths = kg::all_shortest_paths(graph, from, to);  // edges taken either way
        if (paths.empty()) {
            std::cout << "no connection between " << g[from].label << " and " << g[to].label << "\n";
            return 1;
        }
        std::cout << g[from].label << " and " << g[to].label << ": " << paths.size() << " shortest connection(s) of "
                  << paths.front().steps.size() << " hops\n";
        for (const kg::Path& path : paths) {
            std::cout << "linked by";
            for (std::size_t i = 0; i + 1 < path.steps.size(); ++i)
                std::cout << (i ? ", " : " ") << g[path.steps[i].to].label;
            std::cout << ":\n";
            for (const kg::PathStep& step : path.steps) {
                const kg::Relation& r = g[step.edge];
                if (kg::is_symmetric(r.predicate)) {  // stored one way only: show it in walk order, no arrow
                    std::cout << "  " << g[step.from].label << " -" << r.predicate << "- " << g[step.to].label << "\n";
                } else {  // step.forward tells whether the edge points the way the walk goes
                    kg::Vertex s = step.forward ? step.from : step.to, o = step.forward ? step.to : step.from;
                    std::cout << "  " << g[s].label << " -" << r.predicate << "-> " << g[o].label << "\n";
                }
                if (!r.evidence.empty())
                    std::cout << "    [" << r.evidence.front().doc << "] " << r.evidence.front().text << "\n";
            }
        }
    } catch (const kg::Error& e) {  // unknown or ambiguous name: the message lists candidates
        std::cerr << e.what() << "\n";
        return static_cast<int>(e.code());
    }
}
