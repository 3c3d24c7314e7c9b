/// \file
/// kg/graph.hpp — the knowledge graph: a directed multigraph of entities and relations over Boost.Graph.
///
/// Contract:
/// - Entities merge across documents on (canonical name, type) only, never on a short form.
/// - A relation (subject, predicate, object) is one edge; each supporting evidence sentence adds 1 to its
///   stored `weight`. Symmetric predicates are stored with subject id < object id so weight does not split.
/// - Node ids are readable slugs ("li-qiang"), unique in the graph; edge ids are
///   "<subject id>--<predicate>--<object id>". Insertion order is the order of add() calls, so the same
///   documents added in the same order give the same graph, byte for byte once exported.
/// - graph() exposes the boost::adjacency_list so any BGL algorithm can run on it; keep ids and the
///   lookup index in step by mutating only through this class.
#pragma once

#include <kg/model.hpp>

#include <boost/graph/adjacency_list.hpp>

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kg {

/// A vertex: one real-world entity with every name and mention libkg saw for it.
struct Entity {
    std::string id;                    ///< stable readable slug, unique in the graph
    std::string label;                 ///< canonical name
    EntityType type = EntityType::UNKNOWN;  ///< entity type
    std::vector<std::string> aliases;  ///< other names, sorted bytewise, without the label
    std::size_t frequency = 0;         ///< number of mentions counted
    std::vector<Mention> mentions;     ///< provenance of every mention
};

/// An edge: one (subject, predicate, object) statement with its evidence.
struct Relation {
    std::string id;                    ///< unique edge id (also the JSON `key`)
    std::string predicate;             ///< predicate name
    double weight = 0;                 ///< number of supporting (not negated) evidence sentences; stored, not derived
    double confidence = 0;             ///< highest extractor confidence seen, in [0, 1]
    std::vector<Evidence> evidence;    ///< evidence sentences, in insertion order
};

/// The Boost graph type: directed, parallel edges allowed, with in-edge access.
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, Entity, Relation>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;  ///< a vertex handle
using Edge = boost::graph_traits<Graph>::edge_descriptor;      ///< an edge handle

/// The merged graph of a corpus.
class KnowledgeGraph {
public:
    KnowledgeGraph() = default;  ///< An empty graph.
    /// Not copyable: the edge index holds descriptors into this graph's own storage.
    KnowledgeGraph(const KnowledgeGraph&) = delete;
    KnowledgeGraph& operator=(const KnowledgeGraph&) = delete;  ///< Not copyable (see the copy constructor).
    KnowledgeGraph(KnowledgeGraph&&) noexcept = default;             ///< moves keep descriptors valid
    KnowledgeGraph& operator=(KnowledgeGraph&&) noexcept = default;  ///< moves keep descriptors valid

    /// The underlying Boost graph, for BGL algorithms and iteration.
    const Graph& graph() const noexcept { return g_; }
    /// Mutable access for algorithms that need it; do not change ids, labels or types through it.
    Graph& graph() noexcept { return g_; }

    /// Documents added, in the order they were added.
    const std::vector<DocumentInfo>& documents() const noexcept { return documents_; }
    /// Records a document; extractions should name a recorded document.
    void add_document(DocumentInfo info);

    /// Merges one document's extraction: entities on (name, type), relations on (s, predicate, o).
    void add(const DocExtraction& extraction);

    /// Finds or creates the entity (name, type); returns its vertex.
    Vertex add_entity(const std::string& name, EntityType type);
    /// Adds an alias to an entity (ignored if equal to the label or already present).
    void add_alias(Vertex v, const std::string& alias);
    /// Adds one evidence sentence for (s, predicate, o); creates the edge or increments its weight.
    /// Evidence already recorded on the edge (same doc and range) is not counted twice.
    Edge add_relation(Vertex s, const std::string& predicate, Vertex o, double confidence, const Evidence& evidence);

    /// The vertex with this node id, if any.
    std::optional<Vertex> find_id(std::string_view id) const;
    /// The vertex of entity (name, type), if any.
    std::optional<Vertex> find(std::string_view name, EntityType type) const;
    /// Vertices whose label matches `name` case-insensitively; if none, those with a matching alias.
    std::vector<Vertex> lookup(std::string_view name) const;
    /// Up to `n` entity labels closest to `name` (for "did you mean" messages), best first.
    std::vector<std::string> closest_labels(std::string_view name, std::size_t n = 5) const;

    /// Number of entities.
    std::size_t num_entities() const noexcept { return boost::num_vertices(g_); }
    /// Number of distinct relations (edges).
    std::size_t num_relations() const noexcept { return boost::num_edges(g_); }

    /// Inserts an entity with a given id as read from a file (the readers use this); throws if the id exists.
    Vertex insert_entity(Entity entity);
    /// Inserts an edge as read from a file; its id must be unique.
    Edge insert_relation(Vertex s, Vertex o, Relation relation);

private:
    std::string unique_slug(const std::string& label, EntityType type) const;

    // boost::adjacency_list has no move constructor, so a defaulted move would deep-copy it (and leave the
    // edge index pointing into the old storage). Moving by swap keeps every vertex and edge where it is.
    struct MovableGraph : Graph {
        // (adjacency_list::swap copies too, so this swaps its storage directly.)
        MovableGraph() = default;
        MovableGraph(MovableGraph&& other) noexcept { exchange(other); }
        MovableGraph& operator=(MovableGraph&& other) noexcept {
            MovableGraph old(std::move(other));
            exchange(old);
            return *this;
        }
        void exchange(MovableGraph& other) noexcept {
            this->m_edges.swap(other.m_edges);
            this->m_vertices.swap(other.m_vertices);
            this->m_property.swap(other.m_property);
        }
    };
    struct KeyHash {
        std::size_t operator()(const std::pair<std::string, EntityType>& k) const noexcept {
            return std::hash<std::string>()(k.first) * 31 + static_cast<std::size_t>(k.second);
        }
    };

    MovableGraph g_;
    std::vector<DocumentInfo> documents_;
    // Lookup only, never iterated: insertion order lives in g_.
    std::unordered_map<std::string, Vertex> by_id_;
    std::unordered_map<std::pair<std::string, EntityType>, Vertex, KeyHash> by_key_;
    std::unordered_map<std::string, Edge> edges_by_id_;
};

/// Lower-case ASCII slug of a name: letters and digits kept, runs of anything else become one '-'.
std::string slugify(std::string_view name);

/// Folds a name for comparison: case-folded ASCII, punctuation dropped, whitespace collapsed ("U.S." = "US").
std::string fold_name(std::string_view name);

}  // namespace kg
