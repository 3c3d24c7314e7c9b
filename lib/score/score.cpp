// Scoring a graph against hand-made gold (kg/score.hpp). Gold JSON is parsed with RapidJSON.
//
// Entity matching is one-to-one and greedy in three passes of decreasing strength: predicted label = gold
// name, then label = gold alias or predicted alias = gold name, then alias = alias (all after fold_name).
// Inside a pass, gold entities are taken in file order and each takes the lowest-numbered free vertex.
// The typed score runs the same matching over pairs whose type names are equal.
//
// Relations: a gold triple is found when the graph has an edge with the same predicate between the
// vertices matched to its subject and object, in that direction (either direction for a symmetric
// predicate). Triples are distinct; a symmetric triple and its reverse are the same triple, on both sides.
//
// Split and joined entities ignore the one-to-one matching: they look at every name equality, so that a
// gold entity the matching pairs with one node still shows the other nodes that carry its names.
#include <kg/error.hpp>

#include "score/prf.hpp"
#include <kg/predicates.hpp>
#include <kg/score.hpp>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

namespace kg {

namespace {

[[noreturn]] void fail(const std::string& source, const std::string& what) {
    throw Error(ExitCode::bad_input, source + ": " + what);
}

std::string member_string(const rapidjson::Value& obj, const char* key, const std::string& where,
                          const std::string& source, bool required = true) {
    auto it = obj.FindMember(key);
    if (it == obj.MemberEnd()) {
        if (required) fail(source, where + ": missing \"" + key + "\"");
        return {};
    }
    if (!it->value.IsString()) fail(source, where + ": \"" + key + "\" is not a string");
    return std::string(it->value.GetString(), it->value.GetStringLength());
}

constexpr std::size_t none = static_cast<std::size_t>(-1);

/// Folded names of one side of the matching.
struct Names {
    std::string primary;                 ///< folded label / gold name
    std::vector<std::string> others;     ///< folded aliases (non-empty, distinct, without the primary)
    std::string type;                    ///< type name
};

Names make_names(const std::string& primary, const std::vector<std::string>& aliases, std::string type) {
    Names n;
    n.primary = fold_name(primary);
    n.type = std::move(type);
    std::set<std::string> seen{n.primary};
    for (const auto& a : aliases) {
        std::string f = fold_name(a);
        if (!f.empty() && seen.insert(f).second) n.others.push_back(std::move(f));
    }
    return n;
}

/// gold index -> predicted index (or none).
std::vector<std::size_t> match(const std::vector<Names>& pred, const std::vector<Names>& gold, bool typed) {
    // folded string -> predicted indices (ascending), by label and by alias
    std::unordered_map<std::string, std::vector<std::size_t>> by_label, by_alias;
    for (std::size_t i = 0; i < pred.size(); ++i) {
        if (!pred[i].primary.empty()) by_label[pred[i].primary].push_back(i);
        for (const auto& a : pred[i].others) by_alias[a].push_back(i);
    }
    std::vector<std::size_t> out(gold.size(), none);
    std::vector<bool> used(pred.size(), false);

    auto best_in = [&](const auto& index, const std::string& key, const Names& g, std::size_t best) {
        if (key.empty()) return best;
        auto it = index.find(key);
        if (it == index.end()) return best;
        for (std::size_t i : it->second) {
            if (used[i] || (typed && pred[i].type != g.type)) continue;
            return std::min(best, i);  // lists are ascending: the first free one is the lowest
        }
        return best;
    };

    for (int pass = 0; pass < 3; ++pass) {
        for (std::size_t gi = 0; gi < gold.size(); ++gi) {
            if (out[gi] != none) continue;
            const Names& g = gold[gi];
            std::size_t best = none;
            if (pass == 0) {
                best = best_in(by_label, g.primary, g, best);
            } else if (pass == 1) {
                for (const auto& a : g.others) best = best_in(by_label, a, g, best);
                best = best_in(by_alias, g.primary, g, best);
            } else {
                for (const auto& a : g.others) best = best_in(by_alias, a, g, best);
            }
            if (best != none) {
                out[gi] = best;
                used[best] = true;
            }
        }
    }
    return out;
}

using Triple = std::tuple<std::size_t, std::string, std::size_t>;

Triple normal_triple(std::size_t s, const std::string& p, std::size_t o) {
    if (is_symmetric(p) && o < s) std::swap(s, o);
    return {s, p, o};
}

}  // namespace

Gold parse_gold(const std::string& json, const std::string& source) {
    rapidjson::Document doc;
    doc.Parse<rapidjson::kParseIterativeFlag>(json.c_str(), json.size());  // no recursion on deep nesting
    if (doc.HasParseError())
        fail(source, "invalid JSON at byte " + std::to_string(doc.GetErrorOffset()) + ": " +
                         rapidjson::GetParseError_En(doc.GetParseError()));
    if (!doc.IsObject()) fail(source, "the top level is not an object");
    auto ents = doc.FindMember("entities");
    if (ents == doc.MemberEnd() || !ents->value.IsArray()) fail(source, "missing \"entities\" array");

    Gold gold;
    std::map<std::string, std::size_t> index;
    std::size_t i = 0;
    for (const auto& e : ents->value.GetArray()) {
        const std::string where = "entities[" + std::to_string(i++) + "]";
        if (!e.IsObject()) fail(source, where + ": not an object");
        GoldEntity g;
        g.id = member_string(e, "id", where, source);
        g.name = member_string(e, "name", where, source);
        g.type = member_string(e, "type", where, source);
        if (g.id.empty()) fail(source, where + ": empty \"id\"");
        auto al = e.FindMember("aliases");
        if (al != e.MemberEnd()) {
            if (!al->value.IsArray()) fail(source, where + ": \"aliases\" is not an array");
            for (const auto& a : al->value.GetArray()) {
                if (!a.IsString()) fail(source, where + ": an alias is not a string");
                g.aliases.emplace_back(a.GetString(), a.GetStringLength());
            }
        }
        if (!index.emplace(g.id, gold.entities.size()).second) fail(source, where + ": duplicate id \"" + g.id + "\"");
        gold.entities.push_back(std::move(g));
    }

    auto rels = doc.FindMember("relations");
    if (rels != doc.MemberEnd()) {
        if (!rels->value.IsArray()) fail(source, "\"relations\" is not an array");
        std::map<Triple, std::size_t> seen;  // normalised triple -> index in gold.relations
        i = 0;
        for (const auto& r : rels->value.GetArray()) {
            const std::string where = "relations[" + std::to_string(i++) + "]";
            if (!r.IsObject()) fail(source, where + ": not an object");
            GoldRelation g;
            g.subject = member_string(r, "subject", where, source);
            g.predicate = member_string(r, "predicate", where, source);
            g.object = member_string(r, "object", where, source);
            if (g.predicate.empty()) fail(source, where + ": empty \"predicate\"");
            auto s = index.find(g.subject), o = index.find(g.object);
            if (s == index.end()) fail(source, where + ": unknown subject \"" + g.subject + "\"");
            if (o == index.end()) fail(source, where + ": unknown object \"" + g.object + "\"");
            auto c = r.FindMember("core");
            if (c != r.MemberEnd()) {
                if (!c->value.IsBool()) fail(source, where + ": \"core\" is not a boolean");
                g.core = c->value.GetBool();
            }
            auto key = normal_triple(s->second, g.predicate, o->second);
            auto [it, fresh] = seen.emplace(key, gold.relations.size());
            if (fresh)
                gold.relations.push_back(std::move(g));
            else
                gold.relations[it->second].core = gold.relations[it->second].core || g.core;
        }
    }
    return gold;
}

Score score(const KnowledgeGraph& graph, const Gold& gold) {
    const Graph& g = graph.graph();
    const std::size_t nv = boost::num_vertices(g);

    std::vector<Names> pred;
    pred.reserve(nv);
    for (Vertex v = 0; v < nv; ++v) pred.push_back(make_names(g[v].label, g[v].aliases, std::string(to_string(g[v].type))));
    std::vector<Names> gnames;
    gnames.reserve(gold.entities.size());
    for (const auto& e : gold.entities) gnames.push_back(make_names(e.name, e.aliases, e.type));

    const auto m = match(pred, gnames, false);
    const auto mt = match(pred, gnames, true);
    std::vector<bool> pred_matched(nv, false);
    for (std::size_t gi = 0; gi < m.size(); ++gi)
        if (m[gi] != none) pred_matched[m[gi]] = true;
    auto count = [](const std::vector<std::size_t>& v) {
        return static_cast<std::size_t>(std::count_if(v.begin(), v.end(), [](std::size_t x) { return x != none; }));
    };

    Score out;
    out.entities = detail::make_prf(count(m), nv, gold.entities.size());
    out.typed_entities = detail::make_prf(count(mt), nv, gold.entities.size());
    for (std::size_t gi = 0; gi < m.size(); ++gi)
        if (m[gi] == none) out.missed_entities.push_back(gold.entities[gi].name);
    for (Vertex v = 0; v < nv; ++v)
        if (!pred_matched[v]) out.false_entities.push_back(g[v].label);

    // predicted triples, distinct
    std::set<Triple> predicted;
    for (auto [it, end] = boost::edges(g); it != end; ++it)
        predicted.insert(normal_triple(boost::source(*it, g), g[*it].predicate, boost::target(*it, g)));

    std::map<std::string, std::size_t> gold_index;
    for (std::size_t i = 0; i < gold.entities.size(); ++i) gold_index.emplace(gold.entities[i].id, i);

    std::size_t found = 0, core = 0, core_found = 0;
    std::set<Triple> hits;
    for (const auto& r : gold.relations) {
        bool hit = false;
        auto s = gold_index.find(r.subject), o = gold_index.find(r.object);
        if (s != gold_index.end() && o != gold_index.end() && m[s->second] != none && m[o->second] != none) {
            auto t = normal_triple(m[s->second], r.predicate, m[o->second]);
            hit = predicted.count(t) > 0;
            if (hit) hits.insert(t);
        }
        if (hit) ++found;
        else out.missed_relations.push_back(r.subject + " " + r.predicate + " " + r.object);
        if (r.core) {
            ++core;
            if (hit)
                ++core_found;
            else
                out.missed_core.push_back(r.subject + " " + r.predicate + " " + r.object);
        }
    }
    out.relations = detail::make_prf(found, predicted.size(), gold.relations.size());
    for (const auto& t : predicted)
        if (!hits.count(t))
            out.false_relations.push_back(g[std::get<0>(t)].label + " " + std::get<1>(t) + " " + g[std::get<2>(t)].label);
    out.core_recall = core ? static_cast<double>(core_found) / static_cast<double>(core) : 0.0;

    // every name equality between nodes and gold entities, both ways, in node and gold order (names of one
    // gold entity only)
    std::unordered_map<std::string, std::vector<std::size_t>> gold_by_name;
    for (std::size_t gi = 0; gi < gnames.size(); ++gi) {
        if (!gnames[gi].primary.empty()) gold_by_name[gnames[gi].primary].push_back(gi);
        for (const auto& a : gnames[gi].others) gold_by_name[a].push_back(gi);
    }
    std::vector<std::set<Vertex>> nodes_of(gold.entities.size());
    for (Vertex v = 0; v < nv; ++v) {
        std::set<std::size_t> golds;
        auto add = [&](const std::string& name) {
            auto it = gold_by_name.find(name);
            // A name the gold gives two entities ("Beijing": the city, and China's government in "Beijing
            // said") says nothing about which one a node is.
            if (it == gold_by_name.end() || it->second.size() > 1) return;
            for (std::size_t gi : it->second) {
                golds.insert(gi);
                nodes_of[gi].insert(v);
            }
        };
        if (!pred[v].primary.empty()) add(pred[v].primary);
        for (const auto& a : pred[v].others) add(a);
        if (golds.size() < 2) continue;
        std::string line = g[v].label + ":";
        const char* sep = " ";
        for (std::size_t gi : golds) line += std::exchange(sep, " | ") + gold.entities[gi].name;
        out.joined_nodes.push_back(std::move(line));
    }
    for (std::size_t gi = 0; gi < nodes_of.size(); ++gi) {
        if (nodes_of[gi].size() < 2) continue;
        std::string line = gold.entities[gi].name + ":";
        const char* sep = " ";
        for (Vertex v : nodes_of[gi]) line += std::exchange(sep, " | ") + g[v].label;
        out.split_entities.push_back(std::move(line));
    }
    return out;
}

}  // namespace kg
