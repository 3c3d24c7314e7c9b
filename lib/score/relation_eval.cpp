// Relations against Wikidata-labelled data: Re-DocRED documents and FewRel sentences (kg-eval redocred,
// fewrel; the contract is in kg/score.hpp). Both rebuild a text from the tokens so that every gold mention
// has known byte offsets, run the extractor on it and map its entities back to the gold ones by byte
// overlap: the extractor never sees the gold entities, so a relation can only count when the recognizer
// found both ends.
#include <kg/error.hpp>

#include "score/prf.hpp"
#include "score/report_json.hpp"
#include <kg/extract.hpp>
#include <kg/predicates.hpp>
#include <kg/score.hpp>

#include "export/text.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <tuple>
#include <utility>

namespace kg {

using detail::fixed;
using detail::fixed3;
using detail::fixed4;
using detail::json_fixed4;
using detail::json_list;
using detail::json_prf;
using detail::json_string;

namespace {

constexpr std::size_t none = static_cast<std::size_t>(-1);
constexpr std::size_t max_examples = 30;

// Coarse classes as bits, so that a predicate's type list is one mask.
enum : unsigned { PER = 1, ORG = 2, LOC = 4, MISC = 8 };

unsigned class_bit(std::string_view c) {
    if (c == "PER") return PER;
    if (c == "ORG") return ORG;
    if (c == "LOC") return LOC;
    if (c == "MISC") return MISC;
    return 0;  // TIME, NUM, unknown: fits nothing
}

unsigned type_bit(EntityType t) { return class_bit(coarse_class(t)); }

unsigned type_mask(const std::vector<EntityType>& types) {
    unsigned m = 0;
    for (EntityType t : types) m |= type_bit(t);
    return m;
}

// An S= type: a type name of the table or one of its groups.
unsigned spec_type_mask(std::string_view name, const std::string& predicate) {
    if (name == "ORG") return ORG;
    if (name == "PLACE") return LOC;
    if (name == "ACTOR") return PER | ORG | LOC;
    if (name == "ANY") return PER | ORG | LOC | MISC;
    if (auto t = parse_entity_type(name); t && *t != EntityType::UNKNOWN) return type_bit(*t);
    throw Error(ExitCode::bad_input, "predicates.tsv: predicate " + predicate + ": unknown type '" + std::string(name) +
                                         "' in its wikidata column");
}

std::string read_whole(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ExitCode::bad_input, path + ": cannot open");
    std::stringstream ss;
    ss << in.rdbuf();
    if (in.bad()) throw Error(ExitCode::bad_input, path + ": cannot read");
    return ss.str();
}

// Parses JSON text; a syntax error names source:line:column (1-based, column in bytes).
void parse_json(rapidjson::Document& d, std::string_view json, const std::string& source) {
    d.Parse<rapidjson::kParseIterativeFlag>(json.data(), json.size());  // no recursion on deep nesting
    if (!d.HasParseError()) return;
    const std::size_t at = std::min(d.GetErrorOffset(), json.size());
    std::size_t line = 1, col = 1;
    for (std::size_t i = 0; i < at; ++i) {
        if (json[i] == '\n') ++line, col = 1;
        else ++col;
    }
    throw Error(ExitCode::bad_input, source + ":" + std::to_string(line) + ":" + std::to_string(col) +
                                         ": malformed JSON: " + rapidjson::GetParseError_En(d.GetParseError()));
}

using Value = rapidjson::Value;

const Value* member(const Value& v, const char* key) {
    auto it = v.FindMember(key);
    return it == v.MemberEnd() ? nullptr : &it->value;
}

std::string text_of(const Value& v) { return {v.GetString(), v.GetStringLength()}; }

bool is_index(const Value* v) { return v && v->IsUint64(); }

// Tokens joined by single spaces; starts of each token appended to `starts`.
void append_tokens(std::string& text, const std::vector<std::string>& tokens, std::vector<std::size_t>& starts) {
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (i) text += ' ';
        starts.push_back(text.size());
        text += tokens[i];
    }
}

std::size_t overlap(std::size_t a, std::size_t b, std::size_t c, std::size_t d) {
    const std::size_t lo = std::max(a, c), hi = std::min(b, d);
    return hi > lo ? hi - lo : 0;
}

// The entity of `x` whose mentions overlap `ranges` the most (bytes summed), ties to the lowest index.
std::size_t best_entity(const DocExtraction& x, const std::vector<std::pair<std::size_t, std::size_t>>& ranges) {
    std::size_t best = none, best_bytes = 0;
    for (std::size_t e = 0; e < x.entities.size(); ++e) {
        std::size_t bytes = 0;
        for (const auto& m : x.entities[e].mentions)
            for (const auto& [s, t] : ranges) bytes += overlap(m.start, m.end, s, t);
        if (bytes > best_bytes) best = e, best_bytes = bytes;
    }
    return best;
}

std::string prf_line(const std::string& name, const PRF& p) {
    std::string s = name;
    if (s.size() < 18) s.resize(18, ' ');
    return s + "P=" + fixed3(p.precision) + "  R=" + fixed3(p.recall) + "  F1=" + fixed3(p.f1) + "   (" +
           std::to_string(p.true_positives) + " found, " + std::to_string(p.predicted) + " predicted, " +
           std::to_string(p.gold) + " gold)\n";
}

std::string pad(std::string s, std::size_t n) {
    if (s.size() < n) s.resize(n, ' ');
    return s + ' ';
}

std::string right(const std::string& s, std::size_t n) { return (s.size() < n ? std::string(n - s.size(), ' ') : "") + s; }

std::string rpad(const std::string& s, std::size_t n) { return right(s, n) + ' '; }

}  // namespace

std::string_view coarse_class(EntityType type) noexcept {
    switch (type) {
        case EntityType::PERSON: return "PER";
        case EntityType::COMPANY:
        case EntityType::ORGANIZATION: return "ORG";
        case EntityType::COUNTRY:
        case EntityType::LOCATION: return "LOC";
        case EntityType::EVENT:
        case EntityType::PRODUCT:
        case EntityType::POLICY: return "MISC";
        default: return "";
    }
}

WikidataMapping map_wikidata(std::string_view property, std::string_view subject_class, std::string_view object_class,
                             bool check_types) {
    const unsigned h = class_bit(subject_class), t = class_bit(object_class);
    for (const Predicate& p : predicates()) {
        std::size_t i = 0;
        const std::string& col = p.wikidata;
        while (i < col.size()) {  // space-separated specs "P17:S=ORG"
            while (i < col.size() && col[i] == ' ') ++i;
            std::size_t j = i;
            while (j < col.size() && col[j] != ' ') ++j;
            const std::string_view spec(col.data() + i, j - i);
            i = j;
            if (spec.empty()) continue;
            const std::size_t colon = spec.find(':');
            if (spec.substr(0, colon) != property) continue;
            bool inverse = false;
            unsigned subject_only = 0;  // 0: no S= constraint
            for (std::size_t k = colon; k != std::string_view::npos && k < spec.size();) {
                const std::size_t next = spec.find(':', k + 1);
                const std::string_view part = spec.substr(k + 1, next == std::string_view::npos ? next : next - k - 1);
                if (part == "inv") inverse = true;
                else if (part.compare(0, 2, "S=") == 0) subject_only = spec_type_mask(part.substr(2), p.name);
                k = next;
            }
            if (subject_only && !(h & subject_only)) continue;
            const unsigned s = inverse ? t : h, o = inverse ? h : t;
            std::string name = p.name;
            // The table gives part_of an ORG|EVENT subject and located_in a LOCATION one; the sources do not
            // split them by type, so the types decide (as scripts/relation_data.py does for training).
            if (name == "part_of" && s == LOC && o == LOC && is_predicate("located_in")) name = "located_in";
            if (name == "located_in" && s == ORG && is_predicate("based_in")) name = "based_in";
            if (check_types && (!(s & type_mask(subject_types(name))) || !(o & type_mask(object_types(name))))) continue;
            return WikidataMapping{name, inverse};
        }
    }
    return {};
}

// --- Re-DocRED -----------------------------------------------------------------------------------------

std::vector<RedocredDocument> parse_redocred(std::string_view json, const std::string& source) {
    rapidjson::Document d;
    parse_json(d, json, source);
    if (!d.IsArray()) throw Error(ExitCode::bad_input, source + ": expected a JSON array of documents");
    std::vector<RedocredDocument> out;
    out.reserve(d.Size());
    for (rapidjson::SizeType k = 0; k < d.Size(); ++k) {
        const Value& v = d[k];
        RedocredDocument doc;
        std::string where = source + ": document " + std::to_string(k);
        auto fail = [&](const std::string& what) { throw Error(ExitCode::bad_input, where + ": " + what); };
        if (!v.IsObject()) fail("not a JSON object");
        if (const Value* t = member(v, "title"); t && t->IsString()) {
            doc.title = text_of(*t);
            where += " ('" + doc.title + "')";
        }
        const Value* sents = member(v, "sents");
        if (!sents || !sents->IsArray()) fail("missing or malformed \"sents\" (a list of token lists)");
        for (const Value& s : sents->GetArray()) {
            if (!s.IsArray()) fail("\"sents\" holds a sentence that is not a list of tokens");
            std::vector<std::string> tokens;
            for (const Value& tok : s.GetArray()) {
                if (!tok.IsString()) fail("\"sents\" holds a token that is not a string");
                tokens.push_back(text_of(tok));
            }
            doc.sentences.push_back(std::move(tokens));
        }
        const Value* vertices = member(v, "vertexSet");
        if (!vertices || !vertices->IsArray()) fail("missing or malformed \"vertexSet\" (a list of entities)");
        for (rapidjson::SizeType e = 0; e < vertices->Size(); ++e) {
            const Value& ent = (*vertices)[e];
            const std::string at = "entity " + std::to_string(e) + ": ";
            if (!ent.IsArray() || ent.Empty()) fail(at + "not a non-empty list of mentions");
            std::vector<RedocredMention> mentions;
            for (const Value& m : ent.GetArray()) {
                if (!m.IsObject()) fail(at + "a mention is not a JSON object");
                RedocredMention rm;
                const Value* sid = member(m, "sent_id");
                if (!is_index(sid)) fail(at + "missing or malformed \"sent_id\"");
                rm.sentence = sid->GetUint64();
                if (rm.sentence >= doc.sentences.size())
                    fail(at + "sent_id " + std::to_string(rm.sentence) + " is not a sentence of the document");
                const Value* pos = member(m, "pos");
                if (!pos || !pos->IsArray() || pos->Size() != 2 || !is_index(&(*pos)[0]) || !is_index(&(*pos)[1]))
                    fail(at + "missing or malformed \"pos\" ([first token, end token))");
                rm.start = (*pos)[0].GetUint64();
                rm.end = (*pos)[1].GetUint64();
                if (rm.start >= rm.end || rm.end > doc.sentences[rm.sentence].size())
                    fail(at + "pos [" + std::to_string(rm.start) + ", " + std::to_string(rm.end) +
                         ") is not a token span of sentence " + std::to_string(rm.sentence));
                const Value* type = member(m, "type");
                if (!type || !type->IsString()) fail(at + "missing or malformed \"type\"");
                rm.type = text_of(*type);
                if (const Value* name = member(m, "name"); name && name->IsString()) rm.name = text_of(*name);
                mentions.push_back(std::move(rm));
            }
            doc.entities.push_back(std::move(mentions));
        }
        const Value* labels = member(v, "labels");
        if (!labels || !labels->IsArray()) fail("missing or malformed \"labels\" (a list of {h, t, r})");
        for (rapidjson::SizeType i = 0; i < labels->Size(); ++i) {
            const Value& l = (*labels)[i];
            const std::string at = "label " + std::to_string(i) + ": ";
            if (!l.IsObject()) fail(at + "not a JSON object");
            const Value* h = member(l, "h");
            const Value* t = member(l, "t");
            const Value* r = member(l, "r");
            if (!is_index(h) || !is_index(t)) fail(at + "missing or malformed \"h\" or \"t\"");
            if (!r || !r->IsString()) fail(at + "missing or malformed \"r\"");
            RedocredLabel rl{h->GetUint64(), t->GetUint64(), text_of(*r)};
            if (rl.head >= doc.entities.size() || rl.tail >= doc.entities.size())
                fail(at + "\"h\" or \"t\" is not an entity of the document");
            doc.labels.push_back(std::move(rl));
        }
        out.push_back(std::move(doc));
    }
    return out;
}

std::vector<RedocredDocument> read_redocred(const std::string& path) { return parse_redocred(read_whole(path), path); }

std::string redocred_text(const RedocredDocument& doc, std::vector<std::vector<std::size_t>>* token_starts) {
    std::string text;
    std::vector<std::vector<std::size_t>> starts(doc.sentences.size());
    for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
        if (s) text += '\n';
        append_tokens(text, doc.sentences[s], starts[s]);
    }
    if (token_starts) *token_starts = std::move(starts);
    return text;
}

std::vector<EntityTriple> redocred_gold_triples(const RedocredDocument& doc, std::size_t* labels_mapped) {
    std::set<EntityTriple> out;
    auto type_of = [&](std::size_t e) -> std::string_view {
        return doc.entities[e].empty() ? std::string_view() : std::string_view(doc.entities[e][0].type);
    };
    for (const RedocredLabel& l : doc.labels) {
        const WikidataMapping m = map_wikidata(l.property, type_of(l.head), type_of(l.tail), true);
        if (m.predicate.empty()) continue;
        if (labels_mapped) ++*labels_mapped;
        EntityTriple t{m.inverse ? l.tail : l.head, m.predicate, m.inverse ? l.head : l.tail};
        if (is_symmetric(t.predicate) && t.object < t.subject) std::swap(t.subject, t.object);
        out.insert(std::move(t));
    }
    return {out.begin(), out.end()};
}

std::vector<std::size_t> redocred_entity_map(const RedocredDocument& doc, const DocExtraction& extraction) {
    std::vector<std::vector<std::size_t>> starts;
    redocred_text(doc, &starts);
    auto end_of = [&](std::size_t s, std::size_t tok) { return starts[s][tok] + doc.sentences[s][tok].size(); };
    std::vector<std::vector<std::pair<std::size_t, std::size_t>>> gold(doc.entities.size());
    for (std::size_t e = 0; e < doc.entities.size(); ++e)
        for (const RedocredMention& m : doc.entities[e])
            gold[e].emplace_back(starts[m.sentence][m.start], end_of(m.sentence, m.end - 1));
    std::vector<std::size_t> out(extraction.entities.size(), none);
    for (std::size_t p = 0; p < extraction.entities.size(); ++p) {
        std::size_t best_bytes = 0;
        for (std::size_t e = 0; e < gold.size(); ++e) {
            std::size_t bytes = 0;
            for (const auto& m : extraction.entities[p].mentions)
                for (const auto& [s, t] : gold[e]) bytes += overlap(m.start, m.end, s, t);
            if (bytes > best_bytes) out[p] = e, best_bytes = bytes;
        }
    }
    return out;
}

RedocredScore score_redocred_extractions(const std::vector<RedocredDocument>& docs,
                                         const std::vector<DocExtraction>& extractions) {
    if (docs.size() != extractions.size())
        throw Error(ExitCode::usage, "score_redocred_extractions: one extraction per document expected");
    RedocredScore out;
    std::map<std::string, std::array<std::size_t, 3>> per;  // predicate -> tp, predicted, gold
    std::size_t tp = 0, np = 0, ng = 0, ptp = 0, pnp = 0, png = 0;
    std::size_t missed_total = 0, false_total = 0;
    for (std::size_t k = 0; k < docs.size(); ++k) {
        const RedocredDocument& doc = docs[k];
        const DocExtraction& x = extractions[k];
        ++out.documents;
        out.labels += doc.labels.size();
        const std::vector<EntityTriple> gold_list = redocred_gold_triples(doc, &out.labels_mapped);
        const std::set<EntityTriple> gold(gold_list.begin(), gold_list.end());
        const std::vector<std::size_t> map = redocred_entity_map(doc, x);
        out.predicted_entities += map.size();
        out.matched_entities += static_cast<std::size_t>(std::count_if(map.begin(), map.end(), [](std::size_t g) { return g != none; }));

        std::set<EntityTriple> predicted, unmatched;  // unmatched: by predicted entity index
        for (const DocRelation& r : x.relations) {
            if (r.subject >= map.size() || r.object >= map.size()) continue;
            const bool sym = is_symmetric(r.predicate);
            if (map[r.subject] != none && map[r.object] != none) {
                EntityTriple t{map[r.subject], r.predicate, map[r.object]};
                if (sym && t.object < t.subject) std::swap(t.subject, t.object);
                predicted.insert(std::move(t));
            } else {
                EntityTriple t{r.subject, r.predicate, r.object};
                if (sym && t.object < t.subject) std::swap(t.subject, t.object);
                unmatched.insert(std::move(t));
            }
        }
        out.unmatched_relations += unmatched.size();
        ng += gold.size();
        np += predicted.size() + unmatched.size();
        for (const auto& t : gold) ++per[t.predicate][2];
        for (const auto& t : unmatched) ++per[t.predicate][1];
        for (const auto& t : predicted) {
            ++per[t.predicate][1];
            if (gold.count(t)) ++tp, ++per[t.predicate][0];
        }

        std::set<std::pair<std::size_t, std::size_t>> gold_pairs, pred_pairs;
        for (const auto& t : gold) gold_pairs.emplace(std::min(t.subject, t.object), std::max(t.subject, t.object));
        for (const auto& t : predicted) pred_pairs.emplace(std::min(t.subject, t.object), std::max(t.subject, t.object));
        png += gold_pairs.size();
        pnp += pred_pairs.size();
        for (const auto& p : pred_pairs) ptp += gold_pairs.count(p);

        auto gold_name = [&](std::size_t e) {
            return doc.entities[e].empty() ? "entity " + std::to_string(e) : "'" + doc.entities[e][0].name + "'";
        };
        auto pred_name = [&](std::size_t e) {
            return map[e] != none ? gold_name(map[e]) : "'" + x.entities[e].name + "' (no gold entity)";
        };
        const std::string title = doc.title.empty() ? "document " + std::to_string(k) : doc.title;
        for (const auto& t : gold)
            if (!predicted.count(t) && missed_total++ < max_examples)
                out.missed.push_back(title + ": " + gold_name(t.subject) + " " + t.predicate + " " + gold_name(t.object));
        for (const auto& t : predicted)
            if (!gold.count(t) && false_total++ < max_examples)
                out.false_triples.push_back(title + ": " + gold_name(t.subject) + " " + t.predicate + " " + gold_name(t.object));
        for (const auto& t : unmatched)
            if (false_total++ < max_examples)
                out.false_triples.push_back(title + ": " + pred_name(t.subject) + " " + t.predicate + " " + pred_name(t.object));
    }
    out.typed = detail::make_prf(tp, np, ng);
    out.pairs = detail::make_prf(ptp, pnp, png);
    std::set<std::string> listed;
    for (const Predicate& p : predicates()) {
        auto it = per.find(p.name);
        if (it == per.end()) continue;
        out.predicates.push_back(PredicatePRF{p.name, detail::make_prf(it->second[0], it->second[1], it->second[2])});
        listed.insert(p.name);
    }
    for (const auto& [name, c] : per)  // names outside the vocabulary (none from the extractor), for completeness
        if (!listed.count(name)) out.predicates.push_back(PredicatePRF{name, detail::make_prf(c[0], c[1], c[2])});
    return out;
}

RedocredScore score_redocred(const std::string& path) {
    const std::vector<RedocredDocument> docs = read_redocred(path);
    Extractor extract;
    std::vector<DocExtraction> extractions;
    extractions.reserve(docs.size());
    for (std::size_t k = 0; k < docs.size(); ++k) {
        Document d;
        d.id = "redocred-" + std::to_string(k);
        d.source = path + ": document " + std::to_string(k);
        d.text = redocred_text(docs[k]);
        extractions.push_back(extract(d));
    }
    return score_redocred_extractions(docs, extractions);
}

std::string redocred_eval_text(const RedocredScore& s, bool lists) {
    std::string out = std::to_string(s.documents) + " documents, " + std::to_string(s.labels) + " labels, " +
                      std::to_string(s.labels_mapped) + " mapped to a predicate (" + std::to_string(s.typed.gold) +
                      " distinct triples)\n";
    out += "entities: " + std::to_string(s.predicted_entities) + " predicted, " + std::to_string(s.matched_entities) +
           " mapped to a gold entity\n";
    out += prf_line("relations (typed)", s.typed);
    out += prf_line("related pairs", s.pairs);
    out += "predicted relations with an end mapped to no gold entity: " + std::to_string(s.unmatched_relations) +
           " (counted as false)\n";
    out += "\n" + pad("predicate", 18) + rpad("P", 6) + rpad("R", 6) + rpad("F1", 6) + rpad("found", 6) +
           rpad("predicted", 9) + "  gold\n";
    for (const auto& row : s.predicates)
        out += pad(row.predicate, 18) + rpad(fixed3(row.prf.precision), 6) + rpad(fixed3(row.prf.recall), 6) +
               rpad(fixed3(row.prf.f1), 6) + rpad(std::to_string(row.prf.true_positives), 6) +
               rpad(std::to_string(row.prf.predicted), 9) + right(std::to_string(row.prf.gold), 6) + "\n";
    if (lists) {
        auto list = [&](const char* title, const std::vector<std::string>& items) {
            if (items.empty()) return;
            out += std::string("\n") + title + " (first " + std::to_string(items.size()) + "):\n";
            for (const auto& i : items) out += "  " + i + "\n";
        };
        list("missed triples", s.missed);
        list("false triples", s.false_triples);
    }
    return out;
}

std::string redocred_eval_json(const RedocredScore& s) {
    rapidjson::StringBuffer buf;
    rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buf);
    w.SetIndent(' ', 2);
    auto list = [&w](const char* key, const std::vector<std::string>& items) { json_list(w, key, items); };
    w.StartObject();
    w.Key("documents");
    w.Uint64(s.documents);
    w.Key("labels");
    w.Uint64(s.labels);
    w.Key("labels_mapped");
    w.Uint64(s.labels_mapped);
    w.Key("predicted_entities");
    w.Uint64(s.predicted_entities);
    w.Key("matched_entities");
    w.Uint64(s.matched_entities);
    w.Key("unmatched_relations");
    w.Uint64(s.unmatched_relations);
    w.Key("typed");
    json_prf(w, s.typed);
    w.Key("pairs");
    json_prf(w, s.pairs);
    w.Key("predicates");
    w.StartObject();
    for (const auto& row : s.predicates) {
        w.Key(row.predicate.data(), static_cast<rapidjson::SizeType>(row.predicate.size()), true);
        json_prf(w, row.prf);
    }
    w.EndObject();
    list("missed", s.missed);
    list("false", s.false_triples);
    w.EndObject();
    return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

// --- FewRel --------------------------------------------------------------------------------------------

std::vector<FewrelInstance> parse_fewrel(std::string_view json, const std::string& source) {
    rapidjson::Document d;
    parse_json(d, json, source);
    if (!d.IsObject()) throw Error(ExitCode::bad_input, source + ": expected a JSON object (property -> instances)");
    std::vector<FewrelInstance> out;
    for (auto it = d.MemberBegin(); it != d.MemberEnd(); ++it) {
        const std::string property = text_of(it->name);
        if (!it->value.IsArray())
            throw Error(ExitCode::bad_input, source + ": property " + property + ": not a list of instances");
        for (rapidjson::SizeType i = 0; i < it->value.Size(); ++i) {
            const Value& v = it->value[i];
            auto fail = [&](const std::string& what) {
                throw Error(ExitCode::bad_input,
                            source + ": property " + property + ", instance " + std::to_string(i) + ": " + what);
            };
            if (!v.IsObject()) fail("not a JSON object");
            FewrelInstance inst;
            inst.property = property;
            inst.index = i;
            const Value* tokens = member(v, "tokens");
            if (!tokens || !tokens->IsArray()) fail("missing or malformed \"tokens\"");
            for (const Value& t : tokens->GetArray()) {
                if (!t.IsString()) fail("\"tokens\" holds a token that is not a string");
                inst.tokens.push_back(text_of(t));
            }
            for (const char* key : {"h", "t"}) {
                const Value* a = member(v, key);
                const std::string what = std::string("missing or malformed \"") + key +
                                         "\" ([name, id, [[token index, ...], ...]])";
                if (!a || !a->IsArray() || a->Size() < 3 || !(*a)[0].IsString() || !(*a)[2].IsArray() ||
                    (*a)[2].Empty())
                    fail(what);
                FewrelArgument arg;
                arg.name = text_of((*a)[0]);
                for (const Value& occ : (*a)[2].GetArray()) {
                    if (!occ.IsArray() || occ.Empty()) fail(what);
                    std::vector<std::size_t> idx;
                    for (const Value& n : occ.GetArray()) {
                        if (!n.IsUint64()) fail(what);
                        if (n.GetUint64() >= inst.tokens.size())
                            fail(std::string("\"") + key + "\" names token " + std::to_string(n.GetUint64()) +
                                 ", beyond the sentence's " + std::to_string(inst.tokens.size()));
                        idx.push_back(n.GetUint64());
                    }
                    arg.occurrences.push_back(std::move(idx));
                }
                (key[0] == 'h' ? inst.head : inst.tail) = std::move(arg);
            }
            out.push_back(std::move(inst));
        }
    }
    return out;
}

std::vector<FewrelInstance> read_fewrel(const std::string& path) { return parse_fewrel(read_whole(path), path); }

namespace {

std::string fewrel_text(const FewrelInstance& inst, std::vector<std::size_t>& starts) {
    std::string text;
    append_tokens(text, inst.tokens, starts);
    return text;
}

}  // namespace

FewrelOutcome fewrel_outcome(const FewrelInstance& inst, const DocExtraction& x) {
    std::vector<std::size_t> starts;
    fewrel_text(inst, starts);
    auto ranges = [&](const FewrelArgument& a) {
        std::vector<std::pair<std::size_t, std::size_t>> out;
        for (const auto& occ : a.occurrences) {
            const auto [lo, hi] = std::minmax_element(occ.begin(), occ.end());
            out.emplace_back(starts[*lo], starts[*hi] + inst.tokens[*hi].size());
        }
        return out;
    };
    FewrelOutcome o;
    o.head_entity = best_entity(x, ranges(inst.head));
    o.tail_entity = best_entity(x, ranges(inst.tail));
    auto cls = [&](std::size_t e) { return e == none ? std::string_view() : coarse_class(x.entities[e].type); };
    const WikidataMapping m = map_wikidata(inst.property, cls(o.head_entity), cls(o.tail_entity), false);
    o.gold = m.predicate;
    o.gold_head_is_subject = !m.inverse;
    if (o.head_entity != none && o.tail_entity != none && o.head_entity != o.tail_entity) {
        const DocRelation* best = nullptr;
        for (const DocRelation& r : x.relations) {
            const bool forward = r.subject == o.head_entity && r.object == o.tail_entity;
            const bool backward = r.subject == o.tail_entity && r.object == o.head_entity;
            if ((forward || backward) && (!best || r.confidence > best->confidence)) best = &r;
        }
        if (best) {
            o.predicted = best->predicate;
            o.predicted_head_is_subject = best->subject == o.head_entity;
        }
    }
    if (o.gold.empty()) o.right = o.predicted.empty();
    else
        o.right = o.predicted == o.gold &&
                  (is_symmetric(o.gold) || o.predicted_head_is_subject == o.gold_head_is_subject);
    return o;
}

FewrelScore score_fewrel_outcomes(const std::vector<FewrelInstance>& instances, const std::vector<FewrelOutcome>& outcomes) {
    if (instances.size() != outcomes.size())
        throw Error(ExitCode::usage, "score_fewrel_outcomes: one outcome per instance expected");
    FewrelScore s;
    std::map<std::string, std::size_t> row_of;
    std::vector<std::map<std::string, std::size_t>> labels;  // per row: gold label -> count
    for (std::size_t i = 0; i < instances.size(); ++i) {
        const FewrelOutcome& o = outcomes[i];
        ++s.instances;
        if (o.head_entity == none || o.tail_entity == none) ++s.no_entity;
        else if (o.head_entity == o.tail_entity) ++s.same_entity;
        if (o.gold.empty()) {
            ++s.unmapped;
            s.unmapped_none += o.right;
        } else {
            ++s.mapped;
            s.mapped_right += o.right;
        }
        auto [it, added] = row_of.emplace(instances[i].property, s.properties.size());
        if (added) {
            s.properties.push_back(FewrelPropertyRow{instances[i].property, {}, 0, 0, 0});
            labels.emplace_back();
        }
        FewrelPropertyRow& row = s.properties[it->second];
        ++row.instances;
        row.right += o.right;
        ++labels[it->second][o.gold.empty() ? "none" : o.gold];
    }
    s.accuracy = s.mapped ? static_cast<double>(s.mapped_right) / static_cast<double>(s.mapped) : 0.0;
    s.none_rate = s.unmapped ? static_cast<double>(s.unmapped_none) / static_cast<double>(s.unmapped) : 0.0;
    for (std::size_t r = 0; r < s.properties.size(); ++r) {
        FewrelPropertyRow& row = s.properties[r];
        row.accuracy = static_cast<double>(row.right) / static_cast<double>(row.instances);
        std::vector<std::pair<std::string, std::size_t>> v(labels[r].begin(), labels[r].end());
        std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
        for (const auto& [name, n] : v) row.predicates += (row.predicates.empty() ? "" : "/") + name;
    }
    return s;
}

FewrelScore score_fewrel(const std::string& path) {
    const std::vector<FewrelInstance> instances = read_fewrel(path);
    Extractor extract;
    std::vector<FewrelOutcome> outcomes;
    outcomes.reserve(instances.size());
    for (const FewrelInstance& inst : instances) {
        std::vector<std::size_t> starts;
        Document d;
        d.id = inst.property + "-" + std::to_string(inst.index);
        d.source = path + ": " + inst.property + " instance " + std::to_string(inst.index);
        d.text = fewrel_text(inst, starts);
        outcomes.push_back(fewrel_outcome(inst, extract(d)));
    }
    return score_fewrel_outcomes(instances, outcomes);
}

std::string fewrel_eval_text(const FewrelScore& s) {
    std::string out = std::to_string(s.instances) + " instances, " + std::to_string(s.properties.size()) +
                      " properties: " + std::to_string(s.mapped) + " with a mapped gold label, " +
                      std::to_string(s.unmapped) + " none\n";
    out += "accuracy on mapped labels   " + fixed3(s.accuracy) + "  (" + std::to_string(s.mapped_right) + " of " +
           std::to_string(s.mapped) + ": predicate and direction right)\n";
    out += "correct none on the rest    " + fixed3(s.none_rate) + "  (" + std::to_string(s.unmapped_none) + " of " +
           std::to_string(s.unmapped) + ")\n";
    out += "no predicted entity for head or tail: " + std::to_string(s.no_entity) +
           " instances; head and tail one entity: " + std::to_string(s.same_entity) + "\n";
    out += "\n" + pad("property", 9) + pad("gold label", 32) + rpad("instances", 9) + rpad("right", 6) + "accuracy\n";
    for (const auto& r : s.properties)
        out += pad(r.property, 9) + pad(r.predicates, 32) + rpad(std::to_string(r.instances), 9) +
               rpad(std::to_string(r.right), 6) + "   " + fixed3(r.accuracy) + "\n";
    return out;
}

std::string fewrel_eval_json(const FewrelScore& s) {
    rapidjson::StringBuffer buf;
    rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buf);
    w.SetIndent(' ', 2);
    auto num = [&w](double v) { json_fixed4(w, v); };
    auto str = [&w](std::string_view v) { json_string(w, v); };
    w.StartObject();
    w.Key("instances");
    w.Uint64(s.instances);
    w.Key("mapped");
    w.Uint64(s.mapped);
    w.Key("mapped_right");
    w.Uint64(s.mapped_right);
    w.Key("accuracy");
    num(s.accuracy);
    w.Key("unmapped");
    w.Uint64(s.unmapped);
    w.Key("unmapped_none");
    w.Uint64(s.unmapped_none);
    w.Key("none_rate");
    num(s.none_rate);
    w.Key("no_entity");
    w.Uint64(s.no_entity);
    w.Key("same_entity");
    w.Uint64(s.same_entity);
    w.Key("properties");
    w.StartArray();
    for (const auto& r : s.properties) {
        w.StartObject();
        w.Key("property");
        str(r.property);
        w.Key("gold_labels");
        str(r.predicates);
        w.Key("instances");
        w.Uint64(r.instances);
        w.Key("right");
        w.Uint64(r.right);
        w.Key("accuracy");
        num(r.accuracy);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

}  // namespace kg
