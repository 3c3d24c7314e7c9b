// Coreference links against GUM CoNLL-U files (kg-eval coref; the contract is in kg/score.hpp).
// Documents are rebuilt as plain text from their tokens, built into one graph, and the graph's mentions
// are mapped back to the gold mentions through byte offsets; two proper-name mentions are linked when their
// predicted mentions belong to the same node.
#include <kg/error.hpp>

#include "score/prf.hpp"
#include "score/report_json.hpp"
#include <kg/extract.hpp>
#include <kg/score.hpp>

#include "export/text.hpp"
#include "text/conllu.hpp"
#include "text/util.hpp"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace kg {

using detail::fixed;
using detail::fixed3;
using detail::fixed4;
using detail::json_fixed4;
using detail::json_list;
using detail::json_prf;
using detail::json_string;
using detail::parse_number;

namespace {

constexpr std::size_t none = static_cast<std::size_t>(-1);
constexpr std::size_t max_examples = 30;

struct Token {
    std::string form;
    bool propn = false;
    std::size_t head = none;  // document token index; none for the root or an unreadable HEAD
    bool space_after = true;
};

struct GoldMention {
    std::size_t chain = 0;
    std::string type;
    std::size_t first = 0, end = 0;  // token range
    std::size_t line = 0;            // where it opens
};

struct CorefDocument {
    std::string id;
    std::string source;  // file:line of its first line, for the extractor's warnings
    std::vector<Token> tokens;
    std::vector<std::size_t> sentence_ends;
    std::vector<GoldMention> mentions;
};

// The shared reader's documents as the scorer needs them: tokens with document-wide HEAD indices, and the
// gold mentions of the Entity annotations (chain ids are per document).
std::vector<CorefDocument> coref_documents(std::string_view text, const std::string& path) {
    const std::string stem = std::filesystem::path(path).stem().string();
    std::vector<CorefDocument> docs;
    for (const detail::ConlluDocument& cd : detail::parse_conllu(text, path)) {
        CorefDocument d;
        d.id = cd.id.empty() ? stem : cd.id;
        d.source = path + ":" + std::to_string(cd.line);
        // open mentions by chain id (a stack each, innermost last)
        std::map<std::size_t, std::vector<GoldMention>> open;
        auto fail = [&](std::size_t line, const std::string& what) {
            throw Error(ExitCode::bad_input, path + ":" + std::to_string(line) + ": " + what);
        };
        for (const detail::ConlluSentence& sentence : cd.sentences) {
            const std::size_t sentence_start = d.tokens.size();
            const auto& words = sentence.words;
            for (std::size_t i = 0; i < words.size(); ++i) {
                const detail::ConlluWord& word = words[i];
                const std::size_t index = d.tokens.size();
                Token t;
                t.form = word.form;
                t.propn = word.upos == "PROPN";
                t.space_after = word.space_after;
                const std::size_t h = word.head == detail::conllu_no_head || word.head == 0 ? none : word.head;
                std::size_t at = h - 1;  // ids are 1, 2, ... in a well-formed sentence
                if (h == none || at >= words.size() || words[at].id != h) {
                    at = 0;
                    while (at < words.size() && words[at].id != h) ++at;
                }
                t.head = h != none && at < words.size() ? sentence_start + at : none;
                d.tokens.push_back(std::move(t));

                const std::size_t line_no = word.line;
                const std::string_view ent = detail::conllu_misc_value(word.misc, "Entity");
                for (std::size_t k0 = 0; k0 < ent.size();) {
                    auto bad = [&] { fail(line_no, "malformed Entity annotation '" + std::string(ent) + "'"); };
                    std::size_t j = k0 + (ent[k0] == '(' ? 1 : 0);
                    std::size_t k = j;
                    while (k < ent.size() && ent[k] >= '0' && ent[k] <= '9') ++k;
                    std::size_t chain = 0;
                    if (!parse_number(ent.substr(j, k - j), chain)) bad();
                    if (ent[k0] == '(') {
                        if (k >= ent.size() || ent[k] != '-') bad();
                        std::size_t e = k;
                        while (e < ent.size() && ent[e] != '(' && ent[e] != ')') ++e;
                        const std::string_view desc = ent.substr(k + 1, e - k - 1);
                        GoldMention m;
                        m.chain = chain;
                        m.type = std::string(desc.substr(0, desc.find('-')));
                        m.first = index;
                        m.line = line_no;
                        if (e < ent.size() && ent[e] == ')') {
                            m.end = index + 1;
                            d.mentions.push_back(std::move(m));
                            ++e;
                        } else {
                            open[chain].push_back(std::move(m));
                        }
                        k0 = e;
                    } else {
                        if (k >= ent.size() || ent[k] != ')') bad();
                        auto it = open.find(chain);
                        if (it == open.end() || it->second.empty())
                            fail(line_no, "Entity annotation closes entity " + std::to_string(chain) + ", which is not open");
                        GoldMention m = std::move(it->second.back());
                        it->second.pop_back();
                        m.end = index + 1;
                        d.mentions.push_back(std::move(m));
                        k0 = k + 1;
                    }
                }
            }
            d.sentence_ends.push_back(d.tokens.size());
        }
        for (const auto& [chain, stack] : open)
            if (!stack.empty())
                fail(stack.back().line, "mention of entity " + std::to_string(chain) + " is never closed");
        docs.push_back(std::move(d));
    }
    return docs;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ExitCode::bad_input, path + ": cannot open");
    std::stringstream ss;
    ss << in.rdbuf();
    if (in.bad()) throw Error(ExitCode::bad_input, path + ": cannot read");
    return ss.str();
}

std::vector<std::string> expand(const std::vector<std::string>& paths) {
    std::vector<std::string> out;
    for (const auto& p : paths) {
        std::error_code ec;
        if (!std::filesystem::is_directory(p, ec)) {
            out.push_back(p);
            continue;
        }
        std::vector<std::string> found;
        for (const auto& e : std::filesystem::directory_iterator(p, ec)) {
            const std::string name = e.path().filename().string();
            if (name.rfind("GUM_news_", 0) == 0 && e.path().extension() == ".conllu") found.push_back(e.path().string());
        }
        if (ec) throw Error(ExitCode::bad_input, p + ": cannot list: " + ec.message());
        if (found.empty()) throw Error(ExitCode::bad_input, p + ": no GUM_news_*.conllu files");
        std::sort(found.begin(), found.end());
        out.insert(out.end(), found.begin(), found.end());
    }
    return out;
}

struct Predicted {
    std::size_t start, end;
    Vertex node;
    friend bool operator<(const Predicted& a, const Predicted& b) {
        return std::tie(a.start, a.end, a.node) < std::tie(b.start, b.end, b.node);
    }
};

}  // namespace

CorefScore score_coref(const std::vector<std::string>& conllu_paths) {
    std::vector<CorefDocument> docs;
    for (const auto& p : expand(conllu_paths))
        for (auto& d : coref_documents(read_file(p), p)) docs.push_back(std::move(d));

    // byte offsets of every token, and the texts
    std::vector<std::string> texts(docs.size());
    std::vector<std::vector<std::size_t>> starts(docs.size());
    for (std::size_t k = 0; k < docs.size(); ++k) {
        const CorefDocument& d = docs[k];
        std::string& t = texts[k];
        std::size_t s = 0;
        for (std::size_t i = 0; i < d.tokens.size(); ++i) {
            starts[k].push_back(t.size());
            t += d.tokens[i].form;
            while (s < d.sentence_ends.size() && d.sentence_ends[s] <= i) ++s;
            if (s < d.sentence_ends.size() && d.sentence_ends[s] == i + 1) t += '\n';
            else if (d.tokens[i].space_after) t += ' ';
        }
    }

    BuildOptions options;
    options.threads = 1;
    options.keep_duplicates = true;  // a near-copy would lose its mentions, and its gold would count as missed
    GraphBuilder builder(options);
    for (std::size_t k = 0; k < docs.size(); ++k) {
        if (texts[k].empty()) continue;
        Document doc;
        doc.id = docs[k].id;
        doc.source = docs[k].source;
        doc.text = texts[k];
        builder.add(std::move(doc));
    }
    const KnowledgeGraph graph = builder.finish();
    const Graph& g = graph.graph();

    // The pronouns the extractor resolved, per document (the graph keeps no pronoun links).
    const Extractor extractor;
    std::vector<std::vector<PronounLink>> pronoun_links(docs.size());
    std::vector<std::vector<std::vector<std::pair<std::size_t, std::size_t>>>> entity_spans(docs.size());
    for (std::size_t k = 0; k < docs.size(); ++k) {
        if (texts[k].empty()) continue;
        Document doc;
        doc.id = docs[k].id;
        doc.source = docs[k].source;
        doc.text = texts[k];
        DocExtraction x = extractor(doc);
        pronoun_links[k] = std::move(x.pronouns);
        for (const DocEntity& e : x.entities) {
            entity_spans[k].emplace_back();
            for (const Mention& m : e.mentions) entity_spans[k].back().emplace_back(m.start, m.end);
        }
    }

    std::unordered_map<std::string, std::vector<Predicted>> predicted;  // by document, sorted
    for (Vertex v = 0; v < boost::num_vertices(g); ++v)
        for (const auto& m : g[v].mentions) predicted[m.doc].push_back(Predicted{m.start, m.end, v});
    for (auto& kv : predicted) std::sort(kv.second.begin(), kv.second.end());

    CorefScore out;
    std::size_t tp = 0, np = 0, ng = 0;
    std::size_t pronoun_tp = 0, pronoun_np = 0, pronoun_ng = 0;
    for (std::size_t k = 0; k < docs.size(); ++k) {
        const CorefDocument& d = docs[k];
        const std::string& text = texts[k];
        auto end_of = [&](std::size_t token) { return starts[k][token] + d.tokens[token].form.size(); };
        ++out.documents;
        out.mentions += d.mentions.size();
        const auto pit = predicted.find(d.id);
        static const std::vector<Predicted> nothing;
        const std::vector<Predicted>& preds = pit == predicted.end() ? nothing : pit->second;

        struct Proper {
            const GoldMention* gold;
            const Predicted* pred;
        };
        std::vector<Proper> proper;
        std::vector<std::pair<const GoldMention*, std::size_t>> names;  // proper-name mentions and their heads
        for (const auto& m : d.mentions) {
            if (m.type == "time" || m.type == "quantity") continue;
            std::size_t head = m.first;
            for (std::size_t i = m.first; i < m.end; ++i) {
                const std::size_t h = d.tokens[i].head;
                if (h == none || h < m.first || h >= m.end) {
                    head = i;
                    break;
                }
            }
            if (d.tokens[head].propn) names.emplace_back(&m, head);
        }
        for (const auto& [mp, head] : names) {
            const GoldMention& m = *mp;
            // A name inside a longer name ("Andy Warhol" in "the Andy Warhol Foundation") is part of that
            // name's mention: flat recognizers, libkg's included, mark the outer one only.
            bool nested = false;
            for (const auto& [o, oh] : names)
                nested = nested || (o != mp && o->first <= m.first && m.end <= o->end && o->end - o->first > m.end - m.first);
            if (nested) continue;
            const std::size_t hs = starts[k][head], he = end_of(head);
            const std::size_t gs = starts[k][m.first], ge = end_of(m.end - 1);
            const Predicted* best = nullptr;
            std::size_t best_overlap = 0;
            for (const auto& p : preds) {  // sorted by start: the first of equal overlaps starts earliest
                if (p.start >= he) break;
                if (p.end <= hs) continue;
                const std::size_t overlap = std::min(p.end, ge) - std::max(p.start, gs);
                if (!best || overlap > best_overlap) {
                    best = &p;
                    best_overlap = overlap;
                }
            }
            proper.push_back(Proper{&m, best});
            ++out.proper_mentions;
            if (best) ++out.matched;
        }

        // Pronouns: gold ones and the extractor's links.
        auto is_pronoun = [&](const GoldMention& m) {
            if (m.end != m.first + 1) return false;
            const std::string w = detail::lower(d.tokens[m.first].form);
            return w == "he" || w == "she" || w == "it";
        };
        std::size_t first_name_token_of_chain = none;
        for (const auto& m : d.mentions) {
            if (!is_pronoun(m)) continue;
            first_name_token_of_chain = none;
            for (const auto& [o, oh] : names)
                if (o->chain == m.chain) first_name_token_of_chain = std::min(first_name_token_of_chain, o->first);
            if (first_name_token_of_chain < m.first) ++pronoun_ng;
        }
        for (const PronounLink& link : pronoun_links[k]) {
            ++pronoun_np;
            std::size_t token = none;
            for (std::size_t i = 0; i < d.tokens.size() && token == none; ++i)
                if (starts[k][i] == link.start) token = i;
            const GoldMention* gold = nullptr;
            for (const auto& m : d.mentions)
                if (token != none && m.first == token && m.end == token + 1 && is_pronoun(m)) gold = &m;
            bool right = false;
            if (gold)
                for (const auto& [o, head] : names) {
                    if (o->chain != gold->chain) continue;
                    const std::size_t hs = starts[k][head], he = end_of(head);
                    for (const auto& [ms, me] : entity_spans[k][link.entity]) right = right || (ms < he && hs < me);
                }
            pronoun_tp += right;
            if (!right && out.false_pronouns.size() < max_examples) {
                const auto& spans = entity_spans[k][link.entity];
                const std::string entity = spans.empty() ? "?" : text.substr(spans[0].first, spans[0].second - spans[0].first);
                std::size_t s0 = link.start, s1 = link.end;
                while (s0 > 0 && text[s0 - 1] != '\n') --s0;
                while (s1 < text.size() && text[s1] != '\n') ++s1;
                std::string sentence = text.substr(s0, std::min<std::size_t>(s1 - s0, 160));
                out.false_pronouns.push_back(d.id + ": '" + text.substr(link.start, link.end - link.start) + "' -> " + entity +
                                             (gold ? "" : " (no gold mention)") + " | " + sentence);
            }
        }

        auto text_of = [&](const GoldMention& m) {
            std::string s = text.substr(starts[k][m.first], end_of(m.end - 1) - starts[k][m.first]);
            std::replace(s.begin(), s.end(), '\n', ' ');
            return s;
        };
        for (std::size_t i = 0; i < proper.size(); ++i)
            for (std::size_t j = i + 1; j < proper.size(); ++j) {
                const bool gold = proper[i].gold->chain == proper[j].gold->chain;
                const bool pred = proper[i].pred && proper[j].pred && proper[i].pred->node == proper[j].pred->node;
                ng += gold;
                np += pred;
                tp += gold && pred;
                if (gold == pred) continue;
                auto& list = gold ? out.missed_links : out.false_links;
                if (list.size() < max_examples)
                    list.push_back(d.id + ": '" + text_of(*proper[i].gold) + "' ~ '" + text_of(*proper[j].gold) + "'");
            }
    }
    out.links = detail::make_prf(tp, np, ng);
    out.pronouns = detail::make_prf(pronoun_tp, pronoun_np, pronoun_ng);
    return out;
}

std::string coref_eval_json(const CorefScore& score) {
    rapidjson::StringBuffer buf;
    rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buf);
    w.SetIndent(' ', 2);
    auto list = [&w](const char* key, const std::vector<std::string>& items) { json_list(w, key, items); };
    w.StartObject();
    w.Key("documents");
    w.Uint64(score.documents);
    w.Key("mentions");
    w.Uint64(score.mentions);
    w.Key("proper_mentions");
    w.Uint64(score.proper_mentions);
    w.Key("matched");
    w.Uint64(score.matched);
    w.Key("links");
    json_prf(w, score.links);
    list("missed_links", score.missed_links);
    list("false_links", score.false_links);
    w.Key("pronouns");
    json_prf(w, score.pronouns);
    list("false_pronouns", score.false_pronouns);
    w.EndObject();
    return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

}  // namespace kg
