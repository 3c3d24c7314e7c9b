#include <kg/graph.hpp>

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

void KnowledgeGraph::add_document(DocumentInfo info) { documents_.push_back(std::move(info)); }

namespace {
std::uint64_t hash_of(std::string_view s) noexcept { return std::hash<std::string_view>()(s); }
std::uint64_t hash_of(std::string_view label, EntityType type) noexcept {
    return hash_of(label) * 31 + static_cast<std::uint64_t>(type);
}
}  // namespace

const Vertex* KnowledgeGraph::vertex_by_id(std::string_view id) const {
    return by_id_.find(hash_of(id), [&](Vertex v) { return g_[v].id == id; });
}

const Vertex* KnowledgeGraph::vertex_by_key(std::string_view label, EntityType type) const {
    return by_key_.find(hash_of(label, type), [&](Vertex v) { return g_[v].type == type && g_[v].label == label; });
}

const Edge* KnowledgeGraph::edge_by_id(std::string_view id) const {
    return edges_by_id_.find(hash_of(id), [&](const Edge& e) { return g_[e].id == id; });
}

std::string KnowledgeGraph::unique_slug(const std::string& label, EntityType type) const {
    std::string base = slugify(label);
    if (!vertex_by_id(base)) return base;
    std::string typed = base + "-" + slugify(to_string(type));
    if (!vertex_by_id(typed)) return typed;
    for (std::size_t n = 2;; ++n) {
        std::string candidate = typed + "-" + std::to_string(n);
        if (!vertex_by_id(candidate)) return candidate;
    }
}

Vertex KnowledgeGraph::add_entity(const std::string& name, EntityType type) {
    if (const Vertex* found = vertex_by_key(name, type)) return *found;
    Entity e;
    e.id = unique_slug(name, type);
    e.label = name;
    e.type = type;
    Vertex v = boost::add_vertex(e, g_);
    by_id_.insert(hash_of(g_[v].id), v);
    by_key_.insert(hash_of(name, type), v);
    return v;
}

void KnowledgeGraph::add_alias(Vertex v, const std::string& alias) {
    Entity& e = g_[v];
    if (alias.empty() || alias == e.label) return;
    auto it = std::lower_bound(e.aliases.begin(), e.aliases.end(), alias);
    if (it != e.aliases.end() && *it == alias) return;
    e.aliases.insert(it, alias);
}

void KnowledgeGraph::add_join(Vertex v, AliasJoin join) {
    add_alias(v, join.alias);
    auto& joins = g_[v].joins;
    if (std::find(joins.begin(), joins.end(), join) == joins.end()) joins.push_back(std::move(join));
}

Edge KnowledgeGraph::add_relation(Vertex s, const std::string& predicate, Vertex o, double confidence,
                                  const Evidence& evidence) {
    if (is_symmetric(predicate) && g_[o].id < g_[s].id) std::swap(s, o);
    std::string id = g_[s].id + "--" + predicate + "--" + g_[o].id;
    Edge e;
    if (const Edge* found = edge_by_id(id)) {
        e = *found;
    } else {
        const std::uint64_t hash = hash_of(id);
        Relation r;
        r.id = std::move(id);
        r.predicate = predicate;
        e = boost::add_edge(s, o, r, g_).first;
        edges_by_id_.insert(hash, e);
    }
    Relation& r = g_[e];
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
        Entity& e = g_[v];
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

std::optional<Vertex> KnowledgeGraph::find_id(std::string_view id) const {
    if (const Vertex* v = vertex_by_id(id)) return *v;
    return std::nullopt;
}

std::optional<Vertex> KnowledgeGraph::find(std::string_view name, EntityType type) const {
    if (const Vertex* v = vertex_by_key(name, type)) return *v;
    return std::nullopt;
}

std::vector<Vertex> KnowledgeGraph::lookup(std::string_view name) const {
    const std::string want = fold_name(name);
    std::vector<Vertex> out;
    for (Vertex v : boost::make_iterator_range(boost::vertices(g_)))
        if (fold_name(g_[v].label) == want) out.push_back(v);
    if (!out.empty()) return out;
    for (Vertex v : boost::make_iterator_range(boost::vertices(g_)))
        for (const auto& a : g_[v].aliases)
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
    const std::string want = fold_name(name);
    const std::vector<std::string> want_words = name_words(want);
    std::vector<std::pair<std::size_t, std::string>> scored;
    for (Vertex v : boost::make_iterator_range(boost::vertices(g_))) {
        const std::string folded = fold_name(g_[v].label);
        if (!is_close(want, want_words, folded)) continue;
        std::size_t d = edit_distance(want, folded);
        // A label containing the query (or the reverse) is a better guess than its edit distance says.
        if (!want.empty() && (folded.find(want) != std::string::npos || want.find(folded) != std::string::npos))
            d = d / 4;
        scored.emplace_back(d, g_[v].label);
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
    const std::uint64_t id_hash = hash_of(entity.id);
    if (by_id_.find(id_hash, [&](Vertex v) { return g_[v].id == entity.id; }))
        throw Error(ExitCode::bad_input, "duplicate node id '" + entity.id + "'");
    const std::uint64_t key_hash = hash_of(entity.label, entity.type);
    // The first entity with a (label, type) keeps the key, as add_entity would have found it.
    const bool new_key = !vertex_by_key(entity.label, entity.type);
    // add_vertex copies its property, so the entity is moved in after.
    Vertex v = boost::add_vertex(Entity(), g_);
    g_[v] = std::move(entity);
    by_id_.insert(id_hash, v);
    if (new_key) by_key_.insert(key_hash, v);
    return v;
}

Edge KnowledgeGraph::insert_relation(Vertex s, Vertex o, Relation relation) {
    const std::uint64_t hash = hash_of(relation.id);
    if (edges_by_id_.find(hash, [&](const Edge& e) { return g_[e].id == relation.id; }))
        throw Error(ExitCode::bad_input, "duplicate edge id '" + relation.id + "'");
    // add_edge copies its property, so the relation is moved in after.
    Edge e = boost::add_edge(s, o, Relation(), g_).first;
    g_[e] = std::move(relation);
    edges_by_id_.insert(hash, e);
    return e;
}

bool KnowledgeGraph::has_relation_id(std::string_view id) const { return edge_by_id(id) != nullptr; }

Edge KnowledgeGraph::MovableGraph::append_edge(Vertex s, Vertex o, Relation&& relation) {
    // As add_edge does for vertices past the end.
    if (std::max(s, o) >= this->m_vertices.size()) this->m_vertices.resize(std::max(s, o) + 1);
    this->m_edges.emplace_back(s, o);
    Relation& stored = this->m_edges.back().get_property();
    stored = std::move(relation);
    return Edge(s, o, &stored);
}

void KnowledgeGraph::MovableGraph::link_edges(std::size_t n) {
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

Edge KnowledgeGraph::RelationBatch::add(Vertex s, Vertex o, Relation relation) {
    const std::uint64_t hash = hash_of(relation.id);
    if (graph_.edges_by_id_.find(hash, [&](const Edge& e) { return graph_.g_[e].id == relation.id; }))
        throw Error(ExitCode::bad_input, "duplicate edge id '" + relation.id + "'");
    const Edge e = graph_.g_.append_edge(s, o, std::move(relation));
    ++pending_;
    graph_.edges_by_id_.insert(hash, e);
    return e;
}

void KnowledgeGraph::RelationBatch::prefetch(std::string_view id) const { graph_.edges_by_id_.prefetch(hash_of(id)); }

void KnowledgeGraph::RelationBatch::finish() {
    graph_.g_.link_edges(pending_);
    pending_ = 0;
}

void KnowledgeGraph::reserve(std::size_t entities, std::size_t relations) {
    g_.reserve_vertices(entities);
    by_id_.reserve(entities);
    by_key_.reserve(entities);
    edges_by_id_.reserve(relations);
}

}  // namespace kg
