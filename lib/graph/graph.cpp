#include <kg/graph.hpp>

#include "graph/handle_index.hpp"
#include "text/util.hpp"

#include <kg/error.hpp>
#include <kg/predicates.hpp>

#include <algorithm>
#include <array>

namespace kg {

namespace {
constexpr std::array<std::string_view, 9> kTypeNames = {"PERSON",  "COMPANY", "ORGANIZATION", "COUNTRY", "LOCATION",
                                                        "EVENT",   "PRODUCT", "POLICY",       "UNKNOWN"};

bool is_alnum(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Levenshtein distance on folded names, for "did you mean" suggestions only (short strings).
std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}
}  // namespace

std::string_view to_string(EntityType type) noexcept { return kTypeNames[static_cast<std::size_t>(type)]; }

std::optional<EntityType> parse_entity_type(std::string_view name) noexcept {
    for (std::size_t i = 0; i < kTypeNames.size(); ++i)
        if (kTypeNames[i] == name) return static_cast<EntityType>(i);
    return std::nullopt;
}

// ASCII letters for U+00C0..U+017F (Latin-1 Supplement and Latin Extended-A), so that "Türkiye" gets the
// readable id "turkiye"; other non-ASCII letters are dropped from ids (labels keep them).
constexpr const char* kLatinFold[192] = {"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss", "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y", "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d", "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g", "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i", "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l", "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o", "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s", "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s"};

std::string slugify(std::string_view name) {
    std::string out;
    bool dash = false;
    auto emit = [&](std::string_view piece) {
        if (piece.empty()) return;
        if (dash && !out.empty()) out += '-';
        dash = false;
        out += piece;
    };
    for (std::size_t i = 0; i < name.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(name[i]);
        if (is_alnum(c)) {
            char lc = ascii_lower(static_cast<char>(c));
            emit(std::string_view(&lc, 1));
        } else if ((c & 0xE0) == 0xC0 && i + 1 < name.size()) {
            unsigned cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(name[i + 1]) & 0x3Fu);
            ++i;
            if (cp >= 0xC0 && cp < 0x180 && *kLatinFold[cp - 0xC0]) emit(kLatinFold[cp - 0xC0]);
            else dash = true;
        } else {
            dash = true;
            // skip the continuation bytes of longer sequences
            if (c >= 0xE0) while (i + 1 < name.size() && (static_cast<unsigned char>(name[i + 1]) & 0xC0) == 0x80) ++i;
        }
    }
    return out.empty() ? std::string("entity") : out;
}

std::string fold_name(std::string_view name) {
    // One definition of the fold: the extractor folds token spans piece by piece with the same code.
    std::string out;
    bool space = false;
    detail::fold_append(out, space, name);
    return out;
}

namespace {
std::uint64_t hash_of(std::string_view s) noexcept { return std::hash<std::string_view>()(s); }
std::uint64_t hash_of(std::string_view label, EntityType type) noexcept {
    return hash_of(label) * 31 + static_cast<std::uint64_t>(type);
}

// The Boost graph with the two halves of add_edge that RelationBatch needs, which adjacency_list only offers
// through its protected members. Lives on the heap inside Impl, so moving a KnowledgeGraph never moves it
// (adjacency_list has no move constructor: a move would deep-copy it and strand the edge index).
struct BulkGraph : Graph {
    void reserve_vertices(std::size_t n) { this->m_vertices.reserve(n); }
    // append_edge() puts the edge in the edge list; link_edges(n) adds the last n appended to their
    // vertices' lists, each list grown once.
    Edge append_edge(Vertex s, Vertex o, Relation&& relation) {
        // As add_edge does for vertices past the end.
        if (std::max(s, o) >= this->m_vertices.size()) this->m_vertices.resize(std::max(s, o) + 1);
        this->m_edges.emplace_back(s, o);
        Relation& stored = this->m_edges.back().get_property();
        stored = std::move(relation);
        return Edge(s, o, &stored);
    }
    void link_edges(std::size_t n) {
        if (n == 0) return;
        const auto first = std::prev(this->m_edges.end(), static_cast<std::ptrdiff_t>(n));
        auto& vs = this->m_vertices;
        std::vector<std::size_t> out(vs.size()), in(vs.size());
        for (auto it = first; it != this->m_edges.end(); ++it) {
            ++out[it->m_source];
            ++in[it->m_target];
        }
        for (std::size_t v = 0; v < vs.size(); ++v) {
            if (out[v]) vs[v].m_out_edges.reserve(vs[v].m_out_edges.size() + out[v]);
            if (in[v]) vs[v].m_in_edges.reserve(vs[v].m_in_edges.size() + in[v]);
        }
        for (auto it = first; it != this->m_edges.end(); ++it) {
            vs[it->m_source].m_out_edges.emplace_back(it->m_target, it);
            vs[it->m_target].m_in_edges.emplace_back(it->m_source, it);
        }
    }
};
}  // namespace

struct KnowledgeGraph::Impl {
    BulkGraph g;
    std::vector<DocumentInfo> documents;
    // Lookup only, never iterated: insertion order lives in g. Entries hold handles and compare the ids,
    // labels and types stored in g, so no key is stored twice.
    detail::HandleIndex<Vertex> by_id;
    detail::HandleIndex<Vertex> by_key;
    detail::HandleIndex<Edge> edges_by_id;

    const Vertex* vertex_by_id(std::string_view id) const {
        return by_id.find(hash_of(id), [&](Vertex v) { return g[v].id == id; });
    }
    const Vertex* vertex_by_key(std::string_view label, EntityType type) const {
        return by_key.find(hash_of(label, type), [&](Vertex v) { return g[v].type == type && g[v].label == label; });
    }
    const Edge* edge_by_id(std::string_view id) const {
        return edges_by_id.find(hash_of(id), [&](const Edge& e) { return g[e].id == id; });
    }

    std::string unique_slug(const std::string& label, EntityType type) const {
        std::string base = slugify(label);
        if (!vertex_by_id(base)) return base;
        std::string typed = base + "-" + slugify(to_string(type));
        if (!vertex_by_id(typed)) return typed;
        for (std::size_t n = 2;; ++n) {
            std::string candidate = typed + "-" + std::to_string(n);
            if (!vertex_by_id(candidate)) return candidate;
        }
    }

    // Indexes every vertex and edge of g afresh, in graph order, so the first of a duplicated id or key keeps
    // it (as insert_entity() does for keys). Returns the first duplicated node or edge id, empty when none.
    std::string reindex() {
        by_id.clear();
        by_key.clear();
        edges_by_id.clear();
        by_id.reserve(boost::num_vertices(g));
        by_key.reserve(boost::num_vertices(g));
        edges_by_id.reserve(boost::num_edges(g));
        std::string duplicate;
        for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
            const Entity& e = g[v];
            if (!vertex_by_id(e.id)) by_id.insert(hash_of(e.id), v);
            else if (duplicate.empty()) duplicate = "node id '" + e.id + "'";
            if (!vertex_by_key(e.label, e.type)) by_key.insert(hash_of(e.label, e.type), v);
        }
        for (Edge ed : boost::make_iterator_range(boost::edges(g))) {
            const Relation& r = g[ed];
            if (!edge_by_id(r.id)) edges_by_id.insert(hash_of(r.id), ed);
            else if (duplicate.empty()) duplicate = "edge id '" + r.id + "'";
        }
        return duplicate;
    }
};

namespace {
// What a graph moved from shows to const members.
const BulkGraph& empty_graph() {
    static const BulkGraph g;
    return g;
}
}  // namespace

KnowledgeGraph::KnowledgeGraph() : impl_(std::make_unique<Impl>()) {}
KnowledgeGraph::~KnowledgeGraph() = default;
KnowledgeGraph::KnowledgeGraph(KnowledgeGraph&& other) noexcept = default;
KnowledgeGraph& KnowledgeGraph::operator=(KnowledgeGraph&& other) noexcept = default;

KnowledgeGraph::Impl& KnowledgeGraph::storage() {
    if (!impl_) impl_ = std::make_unique<Impl>();  // a graph moved from, being refilled
    return *impl_;
}

const Graph& KnowledgeGraph::graph() const noexcept { return impl_ ? impl_->g : empty_graph(); }

const std::vector<DocumentInfo>& KnowledgeGraph::documents() const noexcept {
    static const std::vector<DocumentInfo> none;
    return impl_ ? impl_->documents : none;
}

std::size_t KnowledgeGraph::num_entities() const noexcept { return impl_ ? boost::num_vertices(impl_->g) : 0; }

std::size_t KnowledgeGraph::num_relations() const noexcept { return impl_ ? boost::num_edges(impl_->g) : 0; }

void KnowledgeGraph::add_document(DocumentInfo info) { storage().documents.push_back(std::move(info)); }

Graph& KnowledgeGraph::begin_mutation() { return storage().g; }

void KnowledgeGraph::end_mutation(bool check) {
    const std::string duplicate = impl_->reindex();
    if (check && !duplicate.empty())
        throw Error(ExitCode::bad_input, "KnowledgeGraph::mutate left a duplicate " + duplicate);
}

Vertex KnowledgeGraph::add_entity(const std::string& name, EntityType type) {
    Impl& m = storage();
    if (const Vertex* found = m.vertex_by_key(name, type)) return *found;
    Entity e;
    e.id = m.unique_slug(name, type);
    e.label = name;
    e.type = type;
    Vertex v = boost::add_vertex(e, m.g);
    m.by_id.insert(hash_of(m.g[v].id), v);
    m.by_key.insert(hash_of(name, type), v);
    return v;
}

void KnowledgeGraph::add_alias(Vertex v, const std::string& alias) {
    Entity& e = storage().g[v];
    if (alias.empty() || alias == e.label) return;
    auto it = std::lower_bound(e.aliases.begin(), e.aliases.end(), alias);
    if (it != e.aliases.end() && *it == alias) return;
    e.aliases.insert(it, alias);
}

void KnowledgeGraph::add_join(Vertex v, AliasJoin join) {
    add_alias(v, join.alias);
    auto& joins = storage().g[v].joins;
    if (std::find(joins.begin(), joins.end(), join) == joins.end()) joins.push_back(std::move(join));
}

Edge KnowledgeGraph::add_relation(Vertex s, const std::string& predicate, Vertex o, double confidence,
                                  const Evidence& evidence) {
    Impl& m = storage();
    if (is_symmetric(predicate) && m.g[o].id < m.g[s].id) std::swap(s, o);
    std::string id = m.g[s].id + "--" + predicate + "--" + m.g[o].id;
    Edge e;
    if (const Edge* found = m.edge_by_id(id)) {
        e = *found;
    } else {
        const std::uint64_t hash = hash_of(id);
        Relation r;
        r.id = std::move(id);
        r.predicate = predicate;
        e = boost::add_edge(s, o, r, m.g).first;
        m.edges_by_id.insert(hash, e);
    }
    Relation& r = m.g[e];
    r.confidence = std::max(r.confidence, confidence);
    if (std::find(r.evidence.begin(), r.evidence.end(), evidence) == r.evidence.end()) {
        r.evidence.push_back(evidence);
        // A denial, or a relation that has ended, is evidence worth keeping but no support for it now.
        if (!evidence.negated && !evidence.former) r.weight += 1;
    }
    return e;
}

void KnowledgeGraph::add(const DocExtraction& x) {
    std::vector<Vertex> vs;
    vs.reserve(x.entities.size());
    for (const DocEntity& de : x.entities) {
        Vertex v = add_entity(de.name, de.type);
        for (const auto& a : de.aliases) add_alias(v, a);
        Entity& e = impl_->g[v];  // add_entity made the storage
        e.mentions.insert(e.mentions.end(), de.mentions.begin(), de.mentions.end());
        e.frequency += de.mentions.size();
        vs.push_back(v);
    }
    for (const DocRelation& r : x.relations) {
        if (r.subject >= vs.size() || r.object >= vs.size() || r.subject == r.object) continue;
        if (vs[r.subject] == vs[r.object]) continue;
        add_relation(vs[r.subject], r.predicate, vs[r.object], r.confidence, r.evidence);
    }
}

void KnowledgeGraph::set_frequency(Vertex v, std::size_t frequency) { storage().g[v].frequency = frequency; }

void KnowledgeGraph::set_mentions(Vertex v, std::vector<Mention> mentions) {
    storage().g[v].mentions = std::move(mentions);
}

void KnowledgeGraph::set_weight(Edge e, double weight) { storage().g[e].weight = weight; }

std::optional<Vertex> KnowledgeGraph::find_id(std::string_view id) const {
    if (!impl_) return std::nullopt;
    if (const Vertex* v = impl_->vertex_by_id(id)) return *v;
    return std::nullopt;
}

std::optional<Vertex> KnowledgeGraph::find(std::string_view name, EntityType type) const {
    if (!impl_) return std::nullopt;
    if (const Vertex* v = impl_->vertex_by_key(name, type)) return *v;
    return std::nullopt;
}

std::vector<Vertex> KnowledgeGraph::lookup(std::string_view name) const {
    const Graph& g = graph();
    const std::string want = fold_name(name);
    std::vector<Vertex> out;
    for (Vertex v : boost::make_iterator_range(boost::vertices(g)))
        if (fold_name(g[v].label) == want) out.push_back(v);
    if (!out.empty()) return out;
    for (Vertex v : boost::make_iterator_range(boost::vertices(g)))
        for (const auto& a : g[v].aliases)
            if (fold_name(a) == want) {
                out.push_back(v);
                break;
            }
    if (!out.empty()) return out;
    // Last resort: the node id itself ("li-qiang").
    if (auto v = find_id(name)) out.push_back(*v);
    return out;
}

namespace {
// The words of a folded name, less those that say nothing about which name was meant.
std::vector<std::string> name_words(const std::string& folded) {
    static const std::array<std::string_view, 9> kStop = {"a", "an", "and", "at", "for", "in", "of", "on", "the"};
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < folded.size()) {
        std::size_t end = folded.find(' ', start);
        if (end == std::string::npos) end = folded.size();
        const std::string_view w(folded.data() + start, end - start);
        if (!w.empty() && std::find(kStop.begin(), kStop.end(), w) == kStop.end()) out.emplace_back(w);
        start = end + 1;
    }
    return out;
}

// A label is worth suggesting when the whole name, or one of its words, is at most 2 edits from the label or
// one of its words (a shared word is 0 edits). Short words get fewer: one edit per 3 letters of the shorter
// word, since "Li" is 1 edit from "Xi" and "AI" and 2 from any 2-letter word. Anything else is noise: "Li
// Qiang" suggested FIFA and Japan.
bool is_close(const std::string& want, const std::vector<std::string>& want_words, const std::string& folded) {
    auto near = [](const std::string& a, const std::string& b) {
        return edit_distance(a, b) <= std::min<std::size_t>(2, std::min(a.size(), b.size()) / 3);
    };
    if (near(want, folded)) return true;
    for (const std::string& w : name_words(folded))
        for (const std::string& q : want_words)
            if (near(q, w)) return true;
    return false;
}
}  // namespace

std::vector<std::string> KnowledgeGraph::closest_labels(std::string_view name, std::size_t n) const {
    const Graph& g = graph();
    const std::string want = fold_name(name);
    const std::vector<std::string> want_words = name_words(want);
    std::vector<std::pair<std::size_t, std::string>> scored;
    for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
        const std::string folded = fold_name(g[v].label);
        if (!is_close(want, want_words, folded)) continue;
        std::size_t d = edit_distance(want, folded);
        // A label containing the query (or the reverse) is a better guess than its edit distance says.
        if (!want.empty() && (folded.find(want) != std::string::npos || want.find(folded) != std::string::npos))
            d = d / 4;
        scored.emplace_back(d, g[v].label);
    }
    std::sort(scored.begin(), scored.end());
    std::vector<std::string> out;
    for (const auto& [d, label] : scored) {
        if (out.size() >= n) break;
        if (std::find(out.begin(), out.end(), label) == out.end()) out.push_back(label);
    }
    return out;
}

Vertex KnowledgeGraph::insert_entity(Entity entity) {
    Impl& m = storage();
    const std::uint64_t id_hash = hash_of(entity.id);
    if (m.by_id.find(id_hash, [&](Vertex v) { return m.g[v].id == entity.id; }))
        throw Error(ExitCode::bad_input, "duplicate node id '" + entity.id + "'");
    const std::uint64_t key_hash = hash_of(entity.label, entity.type);
    // The first entity with a (label, type) keeps the key, as add_entity would have found it.
    const bool new_key = !m.vertex_by_key(entity.label, entity.type);
    // add_vertex copies its property, so the entity is moved in after.
    Vertex v = boost::add_vertex(Entity(), m.g);
    m.g[v] = std::move(entity);
    m.by_id.insert(id_hash, v);
    if (new_key) m.by_key.insert(key_hash, v);
    return v;
}

Edge KnowledgeGraph::insert_relation(Vertex s, Vertex o, Relation relation) {
    Impl& m = storage();
    const std::uint64_t hash = hash_of(relation.id);
    if (m.edges_by_id.find(hash, [&](const Edge& e) { return m.g[e].id == relation.id; }))
        throw Error(ExitCode::bad_input, "duplicate edge id '" + relation.id + "'");
    // add_edge copies its property, so the relation is moved in after.
    Edge e = boost::add_edge(s, o, Relation(), m.g).first;
    m.g[e] = std::move(relation);
    m.edges_by_id.insert(hash, e);
    return e;
}

bool KnowledgeGraph::has_relation_id(std::string_view id) const { return impl_ && impl_->edge_by_id(id) != nullptr; }

Edge KnowledgeGraph::RelationBatch::add(Vertex s, Vertex o, Relation relation) {
    Impl& m = graph_.storage();
    const std::uint64_t hash = hash_of(relation.id);
    if (m.edges_by_id.find(hash, [&](const Edge& e) { return m.g[e].id == relation.id; }))
        throw Error(ExitCode::bad_input, "duplicate edge id '" + relation.id + "'");
    const Edge e = m.g.append_edge(s, o, std::move(relation));
    ++pending_;
    m.edges_by_id.insert(hash, e);
    return e;
}

void KnowledgeGraph::RelationBatch::prefetch(std::string_view id) const {
    if (graph_.impl_) graph_.impl_->edges_by_id.prefetch(hash_of(id));
}

void KnowledgeGraph::RelationBatch::finish() {
    // pending_ > 0 means add() found or made the storage.
    if (pending_ != 0) graph_.impl_->g.link_edges(pending_);
    pending_ = 0;
}

void KnowledgeGraph::reserve(std::size_t entities, std::size_t relations) {
    Impl& m = storage();
    m.g.reserve_vertices(entities);
    m.by_id.reserve(entities);
    m.by_key.reserve(entities);
    m.edges_by_id.reserve(relations);
}

}  // namespace kg
