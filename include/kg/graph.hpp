/// \file
/// kg/graph.hpp — the knowledge graph: a directed multigraph of entities and relations over Boost.Graph.
///
/// Contract:
/// - Entities merge across documents on (canonical name, type); the canonical name is the form of the name
///   with the most mentions in the corpus (ties: longer, then bytewise smaller). A short form ("Trump") with
///   no fuller name in its own document takes a full name the corpus uses it for ("Donald Trump") when the
///   documents share context (an uncommon entity, or dates at most 7 days apart) and no other such full
///   name shares as much; each such join is kept in Entity::joins.
/// - A relation (subject, predicate, object) is one edge; each supporting evidence sentence adds 1 to its
///   stored `weight`. Symmetric predicates are stored with subject id < object id so weight does not split.
/// - Node ids are readable slugs ("li-qiang"), unique in the graph; edge ids are
///   "<subject id>--<predicate>--<object id>". Insertion order is the order of add() calls, so the same
///   documents added in the same order give the same graph, byte for byte once exported.
/// - graph() exposes the boost::adjacency_list, read-only, so any BGL algorithm can run on it. Changes go
///   through this class, which keeps its lookups (find_id, find, edge ids) in step: the add and set members,
///   or mutate(), which hands out the Graph for raw Boost mutation and rebuilds the lookups after it.
#pragma once

#include <kg/model.hpp>

#include <boost/graph/adjacency_list.hpp>

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace kg {

/// A short form that joined an entity from a document which never wrote its full name.
struct AliasJoin {
    std::string alias;      ///< the short form as written ("Trump")
    std::string doc;        ///< the document that wrote it
    double confidence = 0;  ///< 0.5, plus 0.1 per shared entity (up to 3) and 0.1 for a near date; at most 0.9
    /// Same alias, document and confidence.
    friend bool operator==(const AliasJoin& a, const AliasJoin& b) {
        return a.alias == b.alias && a.doc == b.doc && a.confidence == b.confidence;
    }
};

/// A vertex: one real-world entity with every name and mention libkg saw for it.
struct Entity {
    std::string id;                    ///< stable readable slug, unique in the graph
    std::string label;                 ///< canonical name
    EntityType type = EntityType::UNKNOWN;  ///< entity type
    std::vector<std::string> aliases;  ///< other names, sorted bytewise, without the label
    std::size_t frequency = 0;         ///< number of mentions counted
    std::vector<Mention> mentions;     ///< provenance of every mention
    std::vector<AliasJoin> joins;      ///< short forms joined across documents, in document order (aliases within a document are in `aliases`)
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
///
/// Its storage (the Boost graph, the documents and the lookup indexes) lives behind one pointer, so a move
/// is a pointer swap: every Vertex and Edge stays valid in the graph moved to, and the graph moved from is
/// empty. Const members may run concurrently; no member may run concurrently with a non-const one.
class KnowledgeGraph {
public:
    KnowledgeGraph();   ///< An empty graph.
    ~KnowledgeGraph();  ///< Frees the graph.
    /// Not copyable: the edge index holds descriptors into this graph's own storage.
    KnowledgeGraph(const KnowledgeGraph&) = delete;
    KnowledgeGraph& operator=(const KnowledgeGraph&) = delete;  ///< Not copyable (see the copy constructor).
    KnowledgeGraph(KnowledgeGraph&& other) noexcept;             ///< Takes `other`'s storage; `other` is left empty.
    KnowledgeGraph& operator=(KnowledgeGraph&& other) noexcept;  ///< Takes `other`'s storage; `other` is left empty.

    /// The underlying Boost graph, for BGL algorithms and iteration; the same object for the graph's life (it
    /// moves with the graph). Read-only, so that the lookup indexes always match it: change properties through
    /// the setters below, the structure through mutate().
    const Graph& graph() const noexcept;

    /// Documents added, in the order they were added.
    const std::vector<DocumentInfo>& documents() const noexcept;
    /// Records a document; extractions should name a recorded document.
    void add_document(DocumentInfo info);

    /// Merges one document's extraction: entities on (name, type), relations on (s, predicate, o).
    void add(const DocExtraction& extraction);

    /// Finds or creates the entity (name, type); returns its vertex.
    Vertex add_entity(const std::string& name, EntityType type);
    /// Adds an alias to an entity (ignored if equal to the label or already present).
    void add_alias(Vertex v, const std::string& alias);
    /// Records a short form joined from another document (also added as an alias).
    void add_join(Vertex v, AliasJoin join);
    /// Adds one evidence sentence for (s, predicate, o); creates the edge or increments its weight.
    /// Evidence already recorded on the edge (same doc and range) is not counted twice.
    Edge add_relation(Vertex s, const std::string& predicate, Vertex o, double confidence, const Evidence& evidence);

    /// Sets an entity's mention count: a stored figure, which add() raises by the mentions it merges.
    void set_frequency(Vertex v, std::size_t frequency);
    /// Replaces an entity's mentions, in the order given; its frequency is left as it is.
    void set_mentions(Vertex v, std::vector<Mention> mentions);
    /// Sets a relation's stored weight (add_relation() counts supporting evidence into it; readers keep a file's).
    void set_weight(Edge e, double weight);

    /// The escape hatch for Boost mutation this class has no member for (remove_vertex, clear_vertex,
    /// remove_edge, editing ids or labels): calls `f(Graph&)`, then rebuilds every lookup index from the graph,
    /// in O(V + E), also when `f` throws. Inside `f`, keep node ids and edge ids unique (after a duplicate, the
    /// first in graph order keeps the id and kg::Error is thrown), and an edge id in the form of the contract
    /// above if add_relation() may meet that edge later. Removing a vertex renumbers the vertices after it and
    /// removing an edge frees it, so Vertex and Edge values taken before the call are stale after it. The
    /// lookups are rebuilt only when `f` returns: inside it, look up first, then change. Not while a
    /// RelationBatch is open.
    template <class F>
    void mutate(F&& f) {
        Graph& g = begin_mutation();
        try {
            std::forward<F>(f)(g);
        } catch (...) {
            end_mutation(false);
            throw;
        }
        end_mutation(true);
    }

    /// The vertex with this node id, if any.
    std::optional<Vertex> find_id(std::string_view id) const;
    /// The vertex of entity (name, type), if any.
    std::optional<Vertex> find(std::string_view name, EntityType type) const;
    /// Vertices whose label matches `name` case-insensitively; if none, those with a matching alias.
    std::vector<Vertex> lookup(std::string_view name) const;
    /// Up to `n` entity labels close to `name` (for "did you mean" messages), best first: the whole name or one
    /// of its words at most 2 edits (case-insensitive) from the label or one of its words. Empty when none is.
    std::vector<std::string> closest_labels(std::string_view name, std::size_t n = 5) const;

    /// Number of entities.
    std::size_t num_entities() const noexcept;
    /// Number of distinct relations (edges).
    std::size_t num_relations() const noexcept;

    /// Inserts an entity with a given id as read from a file (the readers use this); throws if the id exists.
    Vertex insert_entity(Entity entity);
    /// Inserts an edge as read from a file; its id must be unique.
    Edge insert_relation(Vertex s, Vertex o, Relation relation);
    /// Whether an edge with this id exists (the readers use it to pick ids for edges whose own is taken).
    bool has_relation_id(std::string_view id) const;
    /// Makes room for this many entities and relations in all, so bulk inserts do not regrow storage.
    void reserve(std::size_t entities, std::size_t relations);

    /// Bulk insertion for readers: add() is insert_relation(), except that the vertices' in- and out-edge
    /// lists are filled in by finish() (or the destructor), each grown once instead of edge by edge. Until
    /// then use the graph only for insert_entity(), reading vertices, find_id() and has_relation_id().
    class RelationBatch {
    public:
        /// Starts a batch on `graph`.
        explicit RelationBatch(KnowledgeGraph& graph) : graph_(graph) {}
        RelationBatch(const RelationBatch&) = delete;             ///< not copyable: one batch per graph
        RelationBatch& operator=(const RelationBatch&) = delete;  ///< not copyable
        /// Finishes the batch.
        ~RelationBatch() { finish(); }
        /// Inserts an edge as insert_relation() does (its id must be unique).
        Edge add(Vertex s, Vertex o, Relation relation);
        /// Starts loading the index entry for an edge id that add() or has_relation_id() will look up soon,
        /// so that a reader's parsing overlaps the memory access.
        void prefetch(std::string_view id) const;
        /// Fills in the edge lists of the vertices of the edges added so far.
        void finish();

    private:
        KnowledgeGraph& graph_;
        std::size_t pending_ = 0;  // the last edges of the edge list, not yet in their vertices' lists
    };

private:
    // Defined in graph.cpp: the Boost graph, the documents and the hash indexes of ids, (label, type) keys and
    // edge ids. Null only in a graph moved from, which reads as empty until an insertion makes a new one.
    struct Impl;
    Impl& storage();  // makes new storage in a graph moved from
    Graph& begin_mutation();
    void end_mutation(bool check);  // rebuilds the indexes; with `check`, throws on a duplicate id

    std::unique_ptr<Impl> impl_;
};

/// Lower-case ASCII slug of a name: letters and digits kept, runs of anything else become one '-'.
std::string slugify(std::string_view name);

/// Folds a name for comparison: case-folded ASCII, punctuation dropped, whitespace collapsed ("U.S." = "US").
std::string fold_name(std::string_view name);

}  // namespace kg
