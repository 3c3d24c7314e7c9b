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
/// - graph() exposes the boost::adjacency_list so any BGL algorithm can run on it; keep ids and the
///   lookup index in step by mutating only through this class.
#pragma once

#include <kg/model.hpp>

#include <boost/graph/adjacency_list.hpp>

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
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

namespace detail {

/// An open-addressing hash index of handles whose keys live in the graph itself (ids, labels), so an entry
/// costs 8 bytes of hash plus the handle and no allocation; `same(handle)` tells whether a handle's key is
/// the one looked up. Entries are never removed.
template <class T>
class HandleIndex {
public:
    HandleIndex() = default;
    HandleIndex(HandleIndex&& other) noexcept : slots_(std::move(other.slots_)), size_(other.size_) { other.size_ = 0; }
    HandleIndex& operator=(HandleIndex&& other) noexcept {
        slots_ = std::move(other.slots_);
        size_ = other.size_;
        other.size_ = 0;
        return *this;
    }

    /// The handle whose key has this hash and satisfies `same`, or null.
    template <class Same>
    const T* find(std::uint64_t hash, Same same) const {
        if (slots_.empty()) return nullptr;
        hash = fix(hash);
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
            const Slot& s = slots_[i];
            if (s.hash == 0) return nullptr;
            if (s.hash == hash && same(s.handle)) return &s.handle;
        }
    }
    /// Starts loading the slot where a key with this hash would be.
    void prefetch([[maybe_unused]] std::uint64_t hash) const {
#if defined(__GNUC__)
        if (!slots_.empty()) __builtin_prefetch(&slots_[fix(hash) & (slots_.size() - 1)]);
#endif
    }
    /// Adds a handle whose key is known not to be present yet.
    void insert(std::uint64_t hash, const T& handle) {
        if (2 * (size_ + 1) > slots_.size()) grow(2 * (size_ + 1));
        place(fix(hash), handle);
        ++size_;
    }
    /// Room for `n` entries without rehashing.
    void reserve(std::size_t n) {
        if (2 * n > slots_.size()) grow(2 * n);
    }

private:
    struct Slot {
        std::uint64_t hash = 0;  // 0: empty
        T handle{};
    };
    static std::uint64_t fix(std::uint64_t hash) noexcept { return hash ? hash : 1; }
    void place(std::uint64_t hash, const T& handle) {
        const std::size_t mask = slots_.size() - 1;
        std::size_t i = hash & mask;
        while (slots_[i].hash != 0) i = (i + 1) & mask;
        slots_[i].hash = hash;
        slots_[i].handle = handle;
    }
    void grow(std::size_t want) {
        std::size_t cap = 16;
        while (cap < want) cap *= 2;
        std::vector<Slot> old(cap);
        old.swap(slots_);
        for (const Slot& s : old)
            if (s.hash != 0) place(s.hash, s.handle);
    }

    std::vector<Slot> slots_;  // size a power of two, at most half full
    std::size_t size_ = 0;
};

}  // namespace detail

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
    /// Records a short form joined from another document (also added as an alias).
    void add_join(Vertex v, AliasJoin join);
    /// Adds one evidence sentence for (s, predicate, o); creates the edge or increments its weight.
    /// Evidence already recorded on the edge (same doc and range) is not counted twice.
    Edge add_relation(Vertex s, const std::string& predicate, Vertex o, double confidence, const Evidence& evidence);

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
    std::size_t num_entities() const noexcept { return boost::num_vertices(g_); }
    /// Number of distinct relations (edges).
    std::size_t num_relations() const noexcept { return boost::num_edges(g_); }

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
        void reserve_vertices(std::size_t n) { this->m_vertices.reserve(n); }
        // add_edge in two halves: append_edge() puts the edge in the edge list, link_edges(n) adds the last
        // n appended to their vertices' lists.
        Edge append_edge(Vertex s, Vertex o, Relation&& relation);
        void link_edges(std::size_t n);
        void exchange(MovableGraph& other) noexcept {
            this->m_edges.swap(other.m_edges);
            this->m_vertices.swap(other.m_vertices);
            this->m_property.swap(other.m_property);
        }
    };
    const Vertex* vertex_by_id(std::string_view id) const;
    const Vertex* vertex_by_key(std::string_view label, EntityType type) const;
    const Edge* edge_by_id(std::string_view id) const;

    MovableGraph g_;
    std::vector<DocumentInfo> documents_;
    // Lookup only, never iterated: insertion order lives in g_. Entries hold handles and compare the ids,
    // labels and types stored in g_, so no key is stored twice.
    detail::HandleIndex<Vertex> by_id_;
    detail::HandleIndex<Vertex> by_key_;
    detail::HandleIndex<Edge> edges_by_id_;
};

/// Lower-case ASCII slug of a name: letters and digits kept, runs of anything else become one '-'.
std::string slugify(std::string_view name);

/// Folds a name for comparison: case-folded ASCII, punctuation dropped, whitespace collapsed ("U.S." = "US").
std::string fold_name(std::string_view name);

}  // namespace kg
