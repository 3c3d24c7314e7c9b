#include <kg/query.hpp>

#include <boost/graph/connected_components.hpp>

namespace kg {

GraphStats stats(const KnowledgeGraph& graph) {
    const Graph& g = graph.graph();
    GraphStats st;
    st.documents = graph.documents().size();
    st.entities = boost::num_vertices(g);
    st.relations = boost::num_edges(g);
    for (Vertex v : boost::make_iterator_range(boost::vertices(g))) ++st.by_type[std::string(to_string(g[v].type))];
    for (Edge e : boost::make_iterator_range(boost::edges(g))) {
        st.total_weight += g[e].weight;
        ++st.by_predicate[g[e].predicate];
    }
    const double n = static_cast<double>(st.entities);
    st.density = st.entities > 1 ? static_cast<double>(st.relations) / (n * (n - 1)) : 0.0;

    // Weak components: connected components of the same graph with direction dropped.
    using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
    Undirected u(st.entities);
    for (Edge e : boost::make_iterator_range(boost::edges(g))) boost::add_edge(boost::source(e, g), boost::target(e, g), u);
    std::vector<std::size_t> component(st.entities);
    st.components = st.entities ? static_cast<std::size_t>(boost::connected_components(u, component.data())) : 0;
    return st;
}

}  // namespace kg
