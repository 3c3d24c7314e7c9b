// re3d-style evaluation: mention texts and related pairs per document. re3d's annotations are noisy
// (pronouns and common nouns typed Organisation), so this is for finding classes of error, not for a
// headline number; the confidence floor drops the weakest annotations.
#include <kg/error.hpp>

#include "score/prf.hpp"
#include <kg/extract.hpp>
#include <kg/score.hpp>

#include "text/util.hpp"

#include <rapidjson/document.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace kg {

namespace {

using Doc = rapidjson::Document;

// mongoexport writes one JSON object per line (the file may start with a byte-order mark).
std::vector<Doc> read_json_lines(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ExitCode::bad_input, path + ": cannot open");
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
    std::vector<Doc> out;
    std::size_t line_no = 0;
    for (auto line : detail::split_lines(text)) {
        ++line_no;
        line = detail::trim(line);
        if (line.empty()) continue;
        Doc d;
        d.Parse<rapidjson::kParseIterativeFlag>(line.data(), line.size());  // no recursion on deep nesting
        if (d.HasParseError() || !d.IsObject())
            throw Error(ExitCode::bad_input, path + ":" + std::to_string(line_no) + ": not a JSON object");
        out.push_back(std::move(d));
    }
    return out;
}

std::string str(const Doc& d, const char* key, const std::string& where) {
    auto it = d.FindMember(key);
    if (it == d.MemberEnd() || !it->value.IsString()) throw Error(ExitCode::bad_input, where + ": missing \"" + key + "\"");
    return {it->value.GetString(), it->value.GetStringLength()};
}

double num(const Doc& d, const char* key) {
    auto it = d.FindMember(key);
    return it != d.MemberEnd() && it->value.IsNumber() ? it->value.GetDouble() : 1.0;
}

std::string norm(std::string_view text) {
    std::string s = detail::lower(detail::trim(text));
    if (s.compare(0, 4, "the ") == 0) s.erase(0, 4);
    return s;
}

const char* coarse(EntityType t) {
    switch (t) {
        case EntityType::PERSON: return "PER";
        case EntityType::COMPANY:
        case EntityType::ORGANIZATION: return "ORG";
        case EntityType::COUNTRY:
        case EntityType::LOCATION: return "LOC";
        default: return nullptr;
    }
}

const char* coarse(const std::string& re3d_type) {
    if (re3d_type == "Person") return "PER";
    if (re3d_type == "Organisation") return "ORG";
    if (re3d_type == "Location") return "LOC";
    return nullptr;
}

std::vector<std::pair<std::string, std::size_t>> top(const std::map<std::string, std::size_t>& counts, std::size_t n) {
    std::vector<std::pair<std::string, std::size_t>> v(counts.begin(), counts.end());
    std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    if (v.size() > n) v.resize(n);
    return v;
}

}  // namespace

Re3dScore score_re3d(const std::string& dir, double min_confidence) {
    const auto docs = read_json_lines(dir + "/documents.json");
    const auto ents = read_json_lines(dir + "/entities.json");
    std::vector<Doc> rels;
    {
        std::ifstream probe(dir + "/relations.json");
        if (probe) rels = read_json_lines(dir + "/relations.json");
    }
    using Item = std::pair<std::string, std::string>;  // (text, coarse type)
    std::map<std::string, std::set<Item>> gold;
    std::map<std::string, std::set<std::pair<std::string, std::string>>> gold_pairs;
    for (std::size_t i = 0; i < ents.size(); ++i) {
        const std::string where = dir + "/entities.json:" + std::to_string(i + 1);
        if (num(ents[i], "confidence") < min_confidence) continue;
        const char* t = coarse(str(ents[i], "type", where));
        if (t) gold[str(ents[i], "documentId", where)].emplace(norm(str(ents[i], "value", where)), t);
    }
    for (std::size_t i = 0; i < rels.size(); ++i) {
        const std::string where = dir + "/relations.json:" + std::to_string(i + 1);
        if (num(rels[i], "confidence") < min_confidence) continue;
        auto a = norm(str(rels[i], "source", where)), b = norm(str(rels[i], "target", where));
        if (b < a) std::swap(a, b);
        gold_pairs[str(rels[i], "documentId", where)].emplace(a, b);
    }

    Extractor extract;
    Re3dScore out;
    std::size_t tp = 0, np = 0, ng = 0, utp = 0, unp = 0, ung = 0, rtp = 0, rnp = 0, rng = 0, rcov = 0;
    std::map<std::string, std::size_t> false_counts, missed_counts;
    for (std::size_t i = 0; i < docs.size(); ++i) {
        const std::string where = dir + "/documents.json:" + std::to_string(i + 1);
        Document d{str(docs[i], "_id", where), where, str(docs[i], "text", where)};
        DocExtraction x = extract(d);
        std::set<Item> pred;
        std::vector<std::set<std::string>> surfaces(x.entities.size());
        for (std::size_t k = 0; k < x.entities.size(); ++k) {
            const char* t = coarse(x.entities[k].type);
            for (const auto& m : x.entities[k].mentions) {
                surfaces[k].insert(norm(m.text));
                if (t) pred.emplace(norm(m.text), t);
            }
        }
        const auto& g = gold[d.id];
        std::set<std::string> gu, pu;
        for (const auto& it : g) gu.insert(it.first);
        for (const auto& it : pred) pu.insert(it.first);
        for (const auto& it : pred) {
            if (g.count(it)) ++tp;
            else ++false_counts[it.first + " (" + it.second + ")"];
        }
        for (const auto& it : g)
            if (!pred.count(it)) ++missed_counts[it.first + " (" + it.second + ")"];
        np += pred.size();
        ng += g.size();
        for (const auto& s : pu) utp += gu.count(s);
        unp += pu.size();
        ung += gu.size();
        // Relations: a predicted edge covers a gold pair when the pair's texts are surfaces of its ends.
        const auto& gp = gold_pairs[d.id];
        std::set<std::pair<std::string, std::string>> covered;
        for (const auto& r : x.relations) {
            ++rnp;
            bool hit = false;
            for (const auto& pair : gp) {
                const auto& S = surfaces[r.subject];
                const auto& O = surfaces[r.object];
                if ((S.count(pair.first) && O.count(pair.second)) || (S.count(pair.second) && O.count(pair.first))) {
                    covered.insert(pair);
                    hit = true;
                }
            }
            if (hit) ++rtp;
        }
        rng += gp.size();
        rcov += covered.size();
        ++out.documents;
    }
    out.mentions = detail::make_prf(tp, np, ng);
    out.untyped_mentions = detail::make_prf(utp, unp, ung);
    // Precision counts edges that hit a gold pair; recall counts gold pairs that some edge covers.
    out.relation_pairs = detail::make_prf(rcov, rnp, rng);
    out.relation_pairs.precision = rnp ? static_cast<double>(rtp) / static_cast<double>(rnp) : 0.0;
    const double rp = out.relation_pairs.precision, rr = out.relation_pairs.recall;
    out.relation_pairs.f1 = rp + rr > 0 ? 2 * rp * rr / (rp + rr) : 0.0;
    out.top_false = top(false_counts, 15);
    out.top_missed = top(missed_counts, 15);
    return out;
}

}  // namespace kg
