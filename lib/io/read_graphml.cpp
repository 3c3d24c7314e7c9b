// GraphML: libkg's own files (plain and yEd) and those NetworkX and igraph write. Attributes are matched by
// their key's attr.name, never by key id, because every writer numbers keys its own way.
//
// Two readers give the same graph. A direct scanner handles the plain XML that GraphML writers produce
// (elements, attributes, text, the five predefined entities, comments between elements) without building
// a DOM, and reads files through a small window: a DOM of a 1M-edge file takes several times the file's
// size, and building it was most of the load time. Whatever the scanner does not handle exactly as pugixml
// would (CDATA, DOCTYPE, processing instructions, character references, CR or comments inside a value,
// keys after the graph, edges before their nodes, …) and every error send the whole file to the pugixml
// reader, which stays the reference for what is accepted and how errors read.
#include <kg/corpus.hpp>
#include <kg/read.hpp>

#include "export/provenance.hpp"
#include "io/common.hpp"

#include <pugixml.hpp>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kg {

namespace {

struct Key {
    std::string name;      // attr.name
    std::string domain;    // for: node, edge, graph, all
    bool has_default = false;
    std::string default_value;
};

// Equality without a call to memcmp: the names, key ids and node ids compared here are a few bytes long.
inline bool same(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i] != b[i]) return false;
    return true;
}

std::string_view local_name(std::string_view n) {
    auto colon = n.find(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

// All character data of an element, CDATA included (a writer may split text into several chunks).
std::string text_of(pugi::xml_node n) {
    std::string out;
    for (pugi::xml_node c : n.children())
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
    return out;
}

// The attributes the reader uses; every other attr.name is ignored.
enum Slot : int {
    kLabel, kName, kType, kAliases, kFrequency, kPredicate, kWeight, kConfidence, kEvidence,
    kAsserted, kHedged, kNegated, kFormer, kEvidenceQuality, kSlots
};
constexpr std::string_view kSlotNames[kSlots] = {"label",     "name",     "type",       "aliases", "frequency",
                                                 "predicate", "weight",   "confidence", "evidence", "asserted",
                                                 "hedged",    "negated",  "former",     "evidence_quality"};

int slot_of(std::string_view name) {
    for (int i = 0; i < kSlots; ++i)
        if (kSlotNames[i] == name) return i;
    return -1;
}

// attr.name → value for one node or edge, for the attributes the reader uses. A value is a view into the
// text, or into `joined` when it had to be put together.
struct Values {
    bool set[kSlots] = {};
    std::string_view value[kSlots];
    std::string joined[kSlots];

    const std::string_view* find(int slot) const { return set[slot] ? &value[slot] : nullptr; }
    void clear() {
        for (bool& s : set) s = false;
    }
};

// A value that does not parse; each reader says where it was.
struct BadValue {
    std::string what;
};

// The file's keys, and building entities and relations from values: shared by both readers so that they
// cannot disagree on what a node or an edge means.
class Builder {
public:
    // A later key with the same id replaces an earlier one.
    void add_key(std::string id, Key key) { keys_[std::move(id)] = std::move(key); }

    // Once all keys are read: key id → slot, and each domain's defaults in key id order (first name wins).
    void index_keys() {
        for (const auto& [id, key] : keys_) {
            const int slot = key.name.empty() ? -1 : slot_of(key.name);
            if (slot >= 0) key_slots_.push_back({std::string_view(id), slot});
            if (slot < 0 || !key.has_default) continue;
            if (key.domain == "node" || key.domain == "all") node_defaults_.push_back({slot, key.default_value});
            if (key.domain == "edge" || key.domain == "all") edge_defaults_.push_back({slot, key.default_value});
        }
        if (key_slots_.size() > kLinearKeys)
            for (const auto& [id, slot] : key_slots_) key_map_.emplace(id, slot);
    }

    bool has_key_slots() const { return !key_slots_.empty(); }

    // The slot of a <data key="…">, or -1 when its key is unknown or carries an attribute the reader ignores.
    int slot_for(std::string_view key) const {
        if (key_slots_.size() > kLinearKeys) {
            auto it = key_map_.find(key);
            return it == key_map_.end() ? -1 : it->second;
        }
        // A file has a handful of keys: comparing them beats hashing every <data>.
        for (const auto& [id, slot] : key_slots_)
            if (same(id, key)) return slot;
        return -1;
    }

    void node_defaults(Values& values) const { apply(node_defaults_, values); }
    void edge_defaults(Values& values) const { apply(edge_defaults_, values); }

    static Entity make_entity(std::string_view id, const Values& values) {
        Entity e;
        e.id = id;
        if (auto v = values.find(kLabel)) e.label = *v;
        else if (auto v2 = values.find(kName)) e.label = *v2;
        else e.label = id;
        if (auto v = values.find(kType)) e.type = parse_entity_type(*v).value_or(EntityType::UNKNOWN);
        if (auto v = values.find(kAliases)) e.aliases = split_aliases(*v);
        if (auto v = values.find(kFrequency))
            if (!iodetail::parse_size(*v, e.frequency))
                throw BadValue{"node '" + std::string(id) + "': frequency '" + std::string(*v) + "' is not a count"};
        return e;
    }

    // The relation s → t; its id is the file's when present and not taken, else "<s>--<predicate>--<t>"
    // made unique, so foreign files (NetworkX keys 0, 1, …; igraph no ids) still give every edge its own id.
    Relation make_relation(const KnowledgeGraph& graph, Vertex s, Vertex t, std::string_view file_id,
                           const Values& values) {
        Relation r;
        if (auto v = values.find(kPredicate)) r.predicate = *v;
        else if (auto v2 = values.find(kLabel)) r.predicate = *v2;
        else r.predicate = "related_to";
        if (!file_id.empty() && !graph.has_relation_id(file_id)) {
            r.id = file_id;
        } else {
            const Graph& g = graph.graph();
            const std::string base = g[s].id + "--" + r.predicate + "--" + g[t].id;
            r.id = base;
            for (std::size_t n = 2; graph.has_relation_id(r.id); ++n) r.id = base + "-" + std::to_string(n);
        }
        r.weight = number(values, kWeight, r.id);
        r.confidence = number(values, kConfidence, r.id);
        budget_ += kBudgetPerEdge;
        evidence(values, r);
        return r;
    }

private:
    struct Default {
        int slot;
        std::string_view value;  // into keys_, which outlives every use
    };
    static constexpr std::size_t kLinearKeys = 16;

    // GraphML carries an edge's first evidence sentence with its qualities and the counts of all its items
    // by quality (graphml.cpp), not the other items. They are rebuilt as items without text, so that the
    // counts, and what the queries make of them (a relation only denied is no hop), survive a round trip.
    // A file without the counts (foreign, or older libkg) has its one sentence, asserted.
    void evidence(const Values& values, Relation& r) {
        const auto* text = values.find(kEvidence);
        Evidence first;
        if (text) first.text = *text;
        if (auto q = values.find(kEvidenceQuality); q && text && !exportdetail::parse_quality(*q, first))
            throw BadValue{"edge '" + r.id + "': evidence_quality '" + std::string(*q) +
                           "' is not asserted, hedged (modality) or negated, with or without \", former\""};
        std::size_t count[4] = {};  // asserted, hedged, negated, former
        bool counted = false;
        for (int k = 0; k < 4; ++k)
            if (auto v = values.find(kAsserted + k)) {
                counted = true;
                if (!iodetail::parse_size(*v, count[k]))
                    throw BadValue{"edge '" + r.id + "': " + std::string(kSlotNames[kAsserted + k]) + " '" +
                                   std::string(*v) + "' is not a count"};
            }
        if (!counted) {
            if (text) r.evidence.push_back(std::move(first));
            return;
        }
        const auto inconsistent = [&] {
            return BadValue{"edge '" + r.id + "': its counts of asserted, hedged, negated and former evidence " +
                            "disagree with its evidence_quality"};
        };
        if (text) {
            std::size_t& own = count[first.negated ? 2 : first.modality.empty() ? 0 : 1];
            if (own == 0 || (first.former && count[3] == 0)) throw inconsistent();
            --own;
            if (first.former) --count[3];
        }
        const std::size_t rest = count[0] + count[1] + count[2];
        if (count[0] > budget_ || count[1] > budget_ || count[2] > budget_ || rest > budget_)
            throw BadValue{"edge '" + r.id + "': " + std::to_string(rest) +
                           " evidence items counted, more than a file of this many edges can mean"};
        if (count[3] > rest) throw inconsistent();
        budget_ -= rest;
        r.evidence.reserve(rest + (text ? 1 : 0));
        if (text) r.evidence.push_back(std::move(first));
        for (int k = 0; k < 3; ++k)
            for (std::size_t i = 0; i < count[k]; ++i) {
                Evidence e;
                if (k == 1) e.modality = "unknown";  // GraphML keeps only the first item's modality
                e.negated = k == 2;
                e.former = count[3] > 0;
                if (e.former) --count[3];
                r.evidence.push_back(std::move(e));
            }
    }

    // Evidence items without text that the file may still ask for: a million, and 16 more per edge read, so
    // that a hostile count cannot exhaust memory while real files (a few items per edge) never come near.
    static constexpr std::size_t kBudgetPerEdge = 16;
    std::size_t budget_ = std::size_t(1) << 20;

    static void apply(const std::vector<Default>& defaults, Values& values) {
        for (const Default& d : defaults)
            if (!values.set[d.slot]) {
                values.set[d.slot] = true;
                values.value[d.slot] = d.value;
            }
    }

    static double number(const Values& values, int slot, const std::string& edge) {
        auto v = values.find(slot);
        if (!v) return 1.0;  // foreign files: an edge without a weight counts once
        double d = 0;
        if (!iodetail::parse_double(*v, d))
            throw BadValue{"edge '" + edge + "': " + std::string(kSlotNames[slot]) + " '" + std::string(*v) +
                           "' is not a number"};
        return d;
    }

    // libkg joins aliases with "; " (see graphml.cpp); splitting there gives back the same list, so the
    // file writes back unchanged even when an alias itself contains "; ".
    static std::vector<std::string> split_aliases(std::string_view joined) {
        std::vector<std::string> out;
        std::size_t start = 0;
        for (;;) {
            auto pos = joined.find("; ", start);
            out.emplace_back(joined.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
            if (pos == std::string_view::npos) break;
            start = pos + 2;
        }
        return out;
    }

    std::map<std::string, Key, std::less<>> keys_;
    std::vector<std::pair<std::string_view, int>> key_slots_;  // views into keys_, in key id order
    std::unordered_map<std::string_view, int> key_map_;        // the same, when there are many keys
    std::vector<Default> node_defaults_, edge_defaults_;
};

// ---- the direct scanner ------------------------------------------------------------------------------

// Thrown when the scanner meets something it leaves to the pugixml reader.
struct Fallback {};

// Node id → vertex for the scanner. Ids up to 16 bytes are kept in the slot itself, so looking up an edge's
// ends touches one slot instead of a slot and then a vertex: those two cache misses per end were the
// largest cost of loading a big graph.
class IdTable {
public:
    static std::uint64_t hash(std::string_view id) { return std::hash<std::string_view>()(id) | 1; }  // 0: empty

    void prefetch([[maybe_unused]] std::uint64_t h) const {
#if defined(__GNUC__)
        if (!slots_.empty()) __builtin_prefetch(&slots_[h & (slots_.size() - 1)]);
#endif
    }

    bool find(std::uint64_t h, std::string_view id, const Graph& g, Vertex& v) const {
        if (slots_.empty()) return false;
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t i = h & mask;; i = (i + 1) & mask) {
            const Slot& s = slots_[i];
            if (s.hash == 0) return false;
            if (s.hash == h && s.size == id.size() &&
                (id.size() <= kInline ? same({s.key, id.size()}, id) : g[s.vertex].id == id)) {
                v = s.vertex;
                return true;
            }
        }
    }

    // `id` is not in the table yet.
    void insert(std::uint64_t h, std::string_view id, Vertex v) {
        if (v > UINT32_MAX || id.size() > UINT32_MAX) throw Fallback{};
        if (2 * (size_ + 1) > slots_.size()) grow();
        place(Slot(h, id, v));
        ++size_;
    }

private:
    static constexpr std::size_t kInline = 16;
    struct Slot {
        Slot() = default;
        Slot(std::uint64_t h, std::string_view id, Vertex v)
            : hash(h), vertex(static_cast<std::uint32_t>(v)), size(static_cast<std::uint32_t>(id.size())) {
            if (id.size() <= kInline) std::memcpy(key, id.data(), id.size());
        }
        std::uint64_t hash = 0;
        std::uint32_t vertex = 0;
        std::uint32_t size = 0;
        char key[kInline] = {};  // 32 bytes in all: two slots to a cache line
    };

    void place(const Slot& slot) {
        const std::size_t mask = slots_.size() - 1;
        std::size_t i = slot.hash & mask;
        while (slots_[i].hash != 0) i = (i + 1) & mask;
        slots_[i] = slot;
    }
    void grow() {
        std::vector<Slot> old(std::max<std::size_t>(1024, 2 * slots_.size()));
        old.swap(slots_);
        for (const Slot& s : old)
            if (s.hash != 0) place(s);
    }

    std::vector<Slot> slots_;  // a power of two, at most half full
    std::size_t size_ = 0;
};

class Scanner {
public:
    // A whole text.
    explicit Scanner(std::string_view text) : p_(text.data()), end_(text.data() + text.size()) {
        // pugixml stops at a NUL byte; the scanner would not. Invalid UTF-8 is reported by pugixml's path.
        if (std::memchr(p_, 0, text.size())) throw Fallback{};
        if (find_invalid_utf8(text) != std::string_view::npos) throw Fallback{};
        checked_ = end_;
    }
    // A file read through a window that slides between the children of <graphml> and <graph>: nothing of
    // the text is held across those points but the two elements' names, which are copied. An element that
    // does not fit in what the window holds then goes to pugixml with the rest.
    explicit Scanner(iodetail::InputFile& in)
        : in_(&in), window_(new char[kWindow]), eof_(false), p_(window_.get()), end_(window_.get()) {}

    KnowledgeGraph run() {
        refill();
        // The XML declaration, only at the very start (a BOM or anything else goes to pugixml).
        if (starts_with("<?xml") && end_ - p_ > 5 && (is_space(p_[5]) || p_[5] == '?')) {
            const char* close = find2('?', '>', p_ + 5);
            p_ = close + 2;
        }
        skip_misc();
        if (peek() != '<') throw Fallback{};
        ++p_;
        element(Role::Top);
        skip_misc();
        if (p_ != end_ || !eof_ || !graph_seen_) throw Fallback{};
        batch_.reset();
        return std::move(graph_);
    }

private:
    enum class Role { Top, Root, Key, Default, Graph, Node, Edge, Data, Other };
    static constexpr std::size_t kWindow = 4 << 20, kLow = 1 << 20;

    // Slides the window when less than kLow is left in it, so the next element can be read whole.
    void refill() {
        if (eof_ || static_cast<std::size_t>(end_ - p_) >= kLow) return;
        const std::size_t kept = static_cast<std::size_t>(end_ - p_);
        // Bytes before p_ that were never checked (only an incomplete sequence can be) are dropped with
        // them; the continuation bytes that follow then fail the check, and pugixml's path decides.
        const std::size_t checked_kept = checked_ > p_ ? static_cast<std::size_t>(checked_ - p_) : 0;
        std::memmove(window_.get(), p_, kept);
        p_ = window_.get();
        end_ = p_ + kept;
        checked_ = p_ + checked_kept;
        char* const limit = window_.get() + kWindow;
        while (end_ < limit) {
            const std::size_t n = in_->read(const_cast<char*>(end_), static_cast<std::size_t>(limit - end_));
            if (n == 0) {
                eof_ = true;
                break;
            }
            if (std::memchr(end_, 0, n)) throw Fallback{};
            end_ += n;
        }
        check_utf8();
    }

    // Checks the bytes read since the last call, but for a sequence cut by the end of the window (its
    // rest is unread): invalid UTF-8 goes to pugixml's path, which reports it with its place, so both
    // paths refuse the same files.
    void check_utf8() {
        const char* stop = end_;
        if (!eof_) {
            const char* q = end_;
            for (int back = 0; back < 3 && q > checked_ && (static_cast<unsigned char>(q[-1]) & 0xC0) == 0x80; ++back) --q;
            if (q > checked_) {
                const unsigned char lead = static_cast<unsigned char>(q[-1]);
                const std::ptrdiff_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
                if (need > end_ - (q - 1)) stop = q - 1;
            }
        }
        if (find_invalid_utf8(std::string_view(checked_, static_cast<std::size_t>(stop - checked_))) !=
            std::string_view::npos)
            throw Fallback{};
        checked_ = stop;
    }
    struct Attr {
        std::string_view name, raw;
    };

    static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
    static bool is_name_start(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
    }
    static bool is_name_char(char c) { return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.'; }

    // The text has no NUL (checked first), so 0 marks its end.
    char peek() const { return p_ < end_ ? *p_ : '\0'; }
    bool starts_with(std::string_view s) const {
        return static_cast<std::size_t>(end_ - p_) >= s.size() && std::memcmp(p_, s.data(), s.size()) == 0;
    }
    void skip_space() {
        while (p_ < end_ && is_space(*p_)) ++p_;
    }
    const char* find2(char a, char b, const char* from) const {
        for (const char* q = from; q + 1 < end_; ++q)
            if (q[0] == a && q[1] == b) return q;
        throw Fallback{};
    }
    const char* find3(char a, char b, char c, const char* from) const {
        for (const char* q = from; q + 2 < end_; ++q)
            if (q[0] == a && q[1] == b && q[2] == c) return q;
        throw Fallback{};
    }
    std::string_view name() {
        const char* start = p_;
        if (!is_name_start(peek())) throw Fallback{};
        while (p_ < end_ && is_name_char(*p_)) ++p_;
        return {start, static_cast<std::size_t>(p_ - start)};
    }

    // An attribute value as pugixml gives it, decoded into `scratch` when it has entities. Whitespace other
    // than spaces would be normalized, and '<' is not well-formed: both are left to pugixml.
    static std::string_view decode(std::string_view raw, std::string& scratch, bool attribute) {
        bool plain = true;
        for (char c : raw) {
            if (c == '&') plain = false;
            else if (c == '\r' || (attribute && (c == '<' || c == '\t' || c == '\n'))) throw Fallback{};
        }
        if (plain) return raw;
        scratch.clear();
        for (std::size_t i = 0; i < raw.size(); ++i) {
            if (raw[i] != '&') {
                scratch += raw[i];
                continue;
            }
            static constexpr std::pair<std::string_view, char> kEntities[] = {
                {"&lt;", '<'}, {"&gt;", '>'}, {"&amp;", '&'}, {"&quot;", '"'}, {"&apos;", '\''}};
            bool known = false;
            for (const auto& [entity, c] : kEntities)
                if (raw.compare(i, entity.size(), entity) == 0) {
                    scratch += c;
                    i += entity.size() - 1;
                    known = true;
                    break;
                }
            if (!known) throw Fallback{};  // character references and pugixml's literal '&' are its business
        }
        return scratch;
    }

    const Attr* attr(std::string_view n) const {
        for (const Attr& a : attrs_)
            if (same(a.name, n)) return &a;  // the first of repeated attributes, as pugixml finds it
        return nullptr;
    }

    // Reads "name attr='v' …>" after the '<'; returns whether the element is empty ("/>").
    bool start_tag(std::string_view& tag) {
        tag = name();
        attrs_.clear();
        for (;;) {
            const char* before = p_;
            skip_space();
            const char c = peek();
            if (c == '>') {
                ++p_;
                return false;
            }
            if (c == '/') {
                if (p_ + 1 >= end_ || p_[1] != '>') throw Fallback{};
                p_ += 2;
                return true;
            }
            if (p_ == before) throw Fallback{};
            Attr a;
            a.name = name();
            skip_space();
            if (peek() != '=') throw Fallback{};
            ++p_;
            skip_space();
            const char quote = peek();
            if (quote != '"' && quote != '\'') throw Fallback{};
            ++p_;
            const char* close = static_cast<const char*>(std::memchr(p_, quote, static_cast<std::size_t>(end_ - p_)));
            if (!close) throw Fallback{};
            a.raw = std::string_view(p_, static_cast<std::size_t>(close - p_));
            p_ = close + 1;
            attrs_.push_back(a);
        }
    }

    // "</name>" after the '<' of a child-less element's content.
    void end_tag(std::string_view tag) {
        if (peek() != '/') throw Fallback{};
        ++p_;
        if (static_cast<std::size_t>(end_ - p_) < tag.size() || !same({p_, tag.size()}, tag)) throw Fallback{};
        p_ += tag.size();
        skip_space();
        if (peek() != '>') throw Fallback{};
        ++p_;
    }

    // The text of an element with no child elements, up to its end tag, decoded into `scratch` if needed.
    std::string_view text_only(std::string_view tag, std::string& scratch) {
        const char* start = p_;
        while (p_ < end_ && *p_ != '<') ++p_;
        if (p_ == end_) throw Fallback{};
        const std::string_view raw(start, static_cast<std::size_t>(p_ - start));
        ++p_;
        end_tag(tag);
        return decode(raw, scratch, false);
    }

    // An element whose start tag begins at p_ (after the '<'), with everything in it; `parent` says where.
    void element(Role parent) {
        // element() and content() recurse once per level: GraphML is a few levels deep, so anything deeper
        // is left to pugixml, which parses without recursion (a hostile file could overflow the stack).
        if (++depth_ > max_depth) throw Fallback{};
        struct Leave {
            int& depth;
            ~Leave() { --depth; }
        } leave{depth_};
        std::string_view tag;
        const bool empty = start_tag(tag);
        const std::string_view local = local_name(tag);
        Role role = Role::Other;
        switch (parent) {
            case Role::Top:
                if (!same(local, "graphml")) throw Fallback{};
                role = Role::Root;
                break;
            case Role::Root:
                if (same(local, "key")) {
                    if (graph_seen_) throw Fallback{};  // keys after the graph: pugixml's reader reads them first
                    role = Role::Key;
                } else if (same(local, "graph") && !graph_seen_) {
                    graph_seen_ = true;
                    builder_.index_keys();
                    batch_.emplace(graph_);
                    role = Role::Graph;
                }
                break;
            case Role::Key:
                if (same(local, "default")) role = Role::Default;
                break;
            case Role::Graph:
                if (same(local, "node")) role = Role::Node;
                else if (same(local, "edge")) role = Role::Edge;
                break;
            case Role::Node:
            case Role::Edge:
                if (same(local, "data")) role = Role::Data;
                break;
            case Role::Default:
            case Role::Data:
                throw Fallback{};  // text split by elements
            default:
                break;
        }

        switch (role) {
            case Role::Key: {
                std::string scratch;
                const Attr* id = attr("id");
                const Attr* name = attr("attr.name");
                const Attr* domain = attr("for");
                key_id_ = id ? std::string(decode(id->raw, scratch, true)) : std::string();
                key_ = Key();
                key_.name = name ? std::string(decode(name->raw, scratch, true)) : std::string();
                key_.domain = domain ? std::string(decode(domain->raw, scratch, true)) : std::string("all");
                if (!empty) content(tag, role);
                builder_.add_key(std::move(key_id_), std::move(key_));
                return;
            }
            case Role::Default:
                key_.has_default = true;
                key_.default_value = empty ? std::string() : std::string(text_only(tag, scratch_));
                return;
            case Role::Node:
            case Role::Edge:
                begin_item(role);
                if (!empty) content(tag, role);
                end_item(role);
                return;
            case Role::Data: {
                const Attr* key = attr("key");
                const int slot = builder_.has_key_slots()
                                     ? builder_.slot_for(key ? decode(key->raw, scratch_, true) : std::string_view())
                                     : -1;
                const bool first = slot >= 0 && !values_.set[slot];  // the first <data> for a name wins
                std::string_view value;
                if (!empty) {
                    if (first) value = text_only(tag, values_.joined[slot]);
                    else content(tag, Role::Other);  // ignored, whatever it holds (yEd's drawing data)
                }
                if (first) {
                    values_.set[slot] = true;
                    values_.value[slot] = value;
                }
                return;
            }
            case Role::Root:
            case Role::Graph:
                if (!empty) {
                    std::string& kept = role == Role::Root ? root_tag_ : graph_tag_;
                    kept.assign(tag);  // the window may slide while they are open
                    content(kept, role);
                }
                return;
            default:
                if (!empty) content(tag, role);
                return;
        }
    }

    // "!--…-->" after a '<', which pugixml skips (without parse_comments). Other "<!" go to pugixml.
    void comment() {
        if (!starts_with("!--")) throw Fallback{};
        p_ = find3('-', '-', '>', p_ + 3) + 3;
    }

    // Whitespace and comments before and after the root element.
    void skip_misc() {
        for (;;) {
            refill();
            skip_space();
            if (p_ == end_ && !eof_) continue;
            if (!starts_with("<!")) return;
            ++p_;
            comment();
        }
    }

    // The children and text of an element up to its end tag; text there is ignored.
    void content(std::string_view tag, Role role) {
        const bool slide = role == Role::Root || role == Role::Graph;
        for (;;) {
            if (slide) refill();
            while (p_ < end_ && *p_ != '<') ++p_;
            if (slide && p_ == end_ && !eof_) continue;
            if (p_ == end_) throw Fallback{};
            ++p_;
            const char c = peek();
            if (c == '/') {
                end_tag(tag);
                return;
            }
            if (c == '!') {
                comment();
                continue;
            }
            if (c == '?') throw Fallback{};
            element(role);
        }
    }

    void begin_item(Role role) {
        values_.clear();
        std::string_view* out[3] = {&item_id_, &source_, &target_};
        const char* names[3] = {"id", "source", "target"};
        std::string* scratch[3] = {&id_scratch_, &source_scratch_, &target_scratch_};
        for (int k = 0; k < 3; ++k) {
            if (role == Role::Node && k > 0) break;
            const Attr* a = attr(names[k]);
            // A node without an id or an edge without an end is an error, worded by the pugixml reader.
            if (!a && (role == Role::Node || k > 0)) throw Fallback{};
            *out[k] = a ? decode(a->raw, *scratch[k], true) : std::string_view();
        }
        if (role == Role::Edge) {
            // Looked up at the end tag: by then the slots are in cache.
            source_hash_ = IdTable::hash(source_);
            target_hash_ = IdTable::hash(target_);
            ids_.prefetch(source_hash_);
            ids_.prefetch(target_hash_);
            if (!item_id_.empty()) batch_->prefetch(item_id_);
        }
    }

    void end_item(Role role) {
        try {
            if (role == Role::Node) {
                const std::uint64_t h = IdTable::hash(item_id_);
                Vertex same = 0;
                if (ids_.find(h, item_id_, graph_.graph(), same)) throw Fallback{};
                builder_.node_defaults(values_);
                ids_.insert(h, item_id_, graph_.insert_entity(Builder::make_entity(item_id_, values_)));
            } else {
                Vertex s = 0, t = 0;
                if (!ids_.find(source_hash_, source_, graph_.graph(), s) ||
                    !ids_.find(target_hash_, target_, graph_.graph(), t))
                    throw Fallback{};
                builder_.edge_defaults(values_);
                batch_->add(s, t, builder_.make_relation(graph_, s, t, item_id_, values_));
            }
        } catch (const BadValue&) {
            throw Fallback{};
        }
    }

    iodetail::InputFile* in_ = nullptr;
    std::unique_ptr<char[]> window_;
    bool eof_ = true;
    const char* p_;
    const char* end_;
    std::string root_tag_, graph_tag_;
    Builder builder_;
    KnowledgeGraph graph_;
    std::optional<KnowledgeGraph::RelationBatch> batch_;  // from the first <graph> on
    bool graph_seen_ = false;
    const char* checked_ = nullptr;  // bytes before it are valid UTF-8
    static constexpr int max_depth = 64;
    int depth_ = 0;
    std::vector<Attr> attrs_;  // of the last start tag
    std::string key_id_;
    Key key_;
    Values values_;
    std::string_view item_id_, source_, target_;
    std::uint64_t source_hash_ = 0, target_hash_ = 0;
    IdTable ids_;
    std::string id_scratch_, source_scratch_, target_scratch_, scratch_;
};

// ---- the pugixml reader ------------------------------------------------------------------------------

class Reader {
public:
    Reader(std::string_view text, const std::string& name) : text_(text), name_(name) {}

    KnowledgeGraph run() {
        pugi::xml_document doc;
        // ws_pcdata_single keeps a value made only of spaces; eol and escapes as usual. parse_doctype only
        // so that a DOCTYPE can be found and refused below.
        auto result = doc.load_buffer(text_.data(), text_.size(),
                                      pugi::parse_default | pugi::parse_ws_pcdata_single | pugi::parse_doctype,
                                      pugi::encoding_utf8);
        if (!result)
            throw iodetail::bad_at(name_, text_, static_cast<std::size_t>(result.offset),
                                   std::string("invalid XML: ") + result.description());
        // XML is UTF-8 here, as every other GraphML reader requires. Passing bad bytes on would let two
        // ids that differ only in them become one id when written (the writers replace them).
        if (const std::size_t bad = find_invalid_utf8(text_); bad != std::string_view::npos)
            throw iodetail::bad_at(name_, text_, bad, "invalid UTF-8");
        // GraphML has no DTD, and pugixml never expands the entities one declares ("billion laughs"): a
        // reference would stay in a label as literal "&name;". Refusing the DOCTYPE is clearer than that.
        for (pugi::xml_node c : doc.children())
            if (c.type() == pugi::node_doctype)
                throw at(c, "a DOCTYPE is not allowed in GraphML (entity declarations are not supported)");
        pugi::xml_node root = doc.document_element();
        if (local_name(root.name()) != "graphml")
            throw at(root, "root element is <" + std::string(root.name()) + ">, not <graphml>");
        pugi::xml_node graph_el;
        for (pugi::xml_node c : root.children()) {
            const auto n = local_name(c.name());
            if (n == "key") read_key(c);
            else if (n == "graph" && !graph_el) graph_el = c;
        }
        if (!graph_el) throw at(root, "no <graph> element");
        builder_.index_keys();

        std::size_t node_count = 0, edge_count = 0;
        for (pugi::xml_node c : graph_el.children()) {
            const auto n = local_name(c.name());
            if (n == "node") ++node_count;
            else if (n == "edge") ++edge_count;
        }

        KnowledgeGraph graph;
        graph.reserve(node_count, edge_count);
        Values values;
        for (pugi::xml_node c : graph_el.children()) {
            if (local_name(c.name()) != "node") continue;
            const std::string_view id = required(c, "id", "node");
            if (graph.find_id(id)) throw at(c, "duplicate node id '" + std::string(id) + "'");
            values_of(c, values);
            builder_.node_defaults(values);
            try {
                graph.insert_entity(Builder::make_entity(id, values));
            } catch (const BadValue& b) {
                throw at(c, b.what);
            }
        }

        KnowledgeGraph::RelationBatch batch(graph);
        for (pugi::xml_node c : graph_el.children()) {
            if (local_name(c.name()) != "edge") continue;
            Vertex ends[2];
            const char* attrs[2] = {"source", "target"};
            for (int k = 0; k < 2; ++k) {
                const std::string_view end = required(c, attrs[k], "edge");
                auto v = graph.find_id(end);
                if (!v) throw at(c, std::string("edge ") + attrs[k] + " '" + std::string(end) + "' is not a node");
                ends[k] = *v;
            }
            values_of(c, values);
            builder_.edge_defaults(values);
            try {
                batch.add(ends[0], ends[1], builder_.make_relation(graph, ends[0], ends[1], c.attribute("id").value(), values));
            } catch (const BadValue& b) {
                throw at(c, b.what);
            }
        }
        batch.finish();
        return graph;
    }

private:
    // pugixml places an element at its name; the column of its '<' is what an editor shows.
    Error at(pugi::xml_node n, const std::string& what) const {
        auto offset = static_cast<std::size_t>(std::max<std::ptrdiff_t>(n.offset_debug(), 0));
        if (offset > 0 && offset <= text_.size() && text_[offset - 1] == '<') --offset;
        return iodetail::bad_at(name_, text_, offset, what);
    }

    std::string_view required(pugi::xml_node n, const char* attr, const char* element) const {
        pugi::xml_attribute a = n.attribute(attr);
        if (!a) throw at(n, std::string("<") + element + "> without a " + attr + " attribute");
        return a.value();
    }

    void read_key(pugi::xml_node k) {
        const char* id = k.attribute("id").value();
        Key key;
        key.name = k.attribute("attr.name").value();  // yfiles keys have none: their data is ignored
        key.domain = k.attribute("for") ? k.attribute("for").value() : "all";
        for (pugi::xml_node c : k.children())
            if (local_name(c.name()) == "default") {
                key.has_default = true;
                key.default_value = text_of(c);
            }
        builder_.add_key(id, std::move(key));
    }

    // The values of one node or edge from its <data>; the defaults of keys it did not set come after.
    void values_of(pugi::xml_node n, Values& out) const {
        out.clear();
        for (pugi::xml_node c : n.children()) {
            if (c.type() != pugi::node_element || local_name(c.name()) != "data") continue;
            if (!builder_.has_key_slots()) break;
            const int slot = builder_.slot_for(c.attribute("key").value());
            if (slot < 0) continue;
            if (out.set[slot]) continue;  // the first <data> for a name wins
            out.set[slot] = true;
            // All character data, CDATA included (a writer may split text into several chunks).
            pugi::xml_node first;
            std::size_t chunks = 0;
            for (pugi::xml_node t : c.children())
                if (t.type() == pugi::node_pcdata || t.type() == pugi::node_cdata) {
                    if (!chunks) first = t;
                    ++chunks;
                }
            if (chunks == 0) {
                out.value[slot] = std::string_view();
            } else if (chunks == 1) {
                out.value[slot] = first.value();
            } else {
                out.joined[slot] = text_of(c);
                out.value[slot] = out.joined[slot];
            }
        }
    }

    std::string_view text_;
    const std::string& name_;
    Builder builder_;
};

}  // namespace

namespace iodetail {

KnowledgeGraph read_graphml_file(const std::string& path, const std::string& name) {
    InputFile in(path);
    if (!in.regular()) return parse_graphml(FileText(in).view(), name);  // a pipe is read once
    try {
        return Scanner(in).run();
    } catch (const Fallback&) {
    }
    return parse_graphml(FileText(path).view(), name);
}

}  // namespace iodetail

KnowledgeGraph parse_graphml(std::string_view text, const std::string& name) {
    try {
        return Scanner(text).run();
    } catch (const Fallback&) {
    } catch (const Error&) {
    }
    return Reader(text, name).run();
}

}  // namespace kg
