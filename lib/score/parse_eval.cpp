// Dependency parsing against a CoNLL-U treebank (kg-eval parse; the contract is in kg/score.hpp). The
// parser runs twice on each sentence, with the tagger's tags (what the pipeline does) and with the gold
// UPOS (the parser alone), so that a drop can be put on the tagger or on the parser.
#include <kg/error.hpp>
#include <kg/score.hpp>

#include "score/prf.hpp"
#include "score/report_json.hpp"

#include "parse/parser.hpp"
#include "text/conllu.hpp"
#include "text/tagger.hpp"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <cstdio>
#include <string_view>

namespace kg {

using detail::fixed;
using detail::fixed3;
using detail::fixed4;
using detail::json_fixed4;
using detail::json_list;
using detail::json_string;

namespace {

std::string_view base_relation(std::string_view r) { return r.substr(0, r.find(':')); }

void finish(AttachmentScore& a, std::size_t words) {
    const double n = words ? static_cast<double>(words) : 1.0;
    a.uas = words ? static_cast<double>(a.heads_right) / n : 0.0;
    a.las = words ? static_cast<double>(a.labels_right) / n : 0.0;
    a.las_subtypes = words ? static_cast<double>(a.subtypes_right) / n : 0.0;
}

}  // namespace

ParseScore score_parse(const std::vector<std::string>& conllu_paths) {
    using namespace detail;
    const Parser& parser = Parser::get();
    const Tagger& tagger = Tagger::get();
    ParseScore s;
    std::vector<std::string_view> words;
    std::vector<Upos> gold_tags;
    std::vector<std::int32_t> gold_heads;  // index of the head word, -1 for the root
    for (const std::string& path : conllu_paths) {
        ++s.files;
        for (const ConlluDocument& doc : read_conllu(path))
            for (const ConlluSentence& sentence : doc.sentences) {
                const auto& ws = sentence.words;
                words.clear();
                gold_tags.clear();
                gold_heads.clear();
                for (const ConlluWord& w : ws) {
                    auto fail = [&](const std::string& what) {
                        throw Error(ExitCode::bad_input, path + ":" + std::to_string(w.line) + ": " + what);
                    };
                    const auto tag = parse_upos(w.upos);
                    if (!tag) fail("unknown UPOS '" + w.upos + "'");
                    if (w.head == conllu_no_head) fail("HEAD is not a number");
                    std::int32_t head = -1;
                    if (w.head != 0) {
                        std::size_t at = 0;
                        while (at < ws.size() && ws[at].id != w.head) ++at;
                        if (at == ws.size()) fail("HEAD " + std::to_string(w.head) + " is not a word of the sentence");
                        head = static_cast<std::int32_t>(at);
                    }
                    words.push_back(w.form);
                    gold_tags.push_back(*tag);
                    gold_heads.push_back(head);
                }
                ++s.sentences;
                s.words += ws.size();
                const std::vector<Upos> tags = tagger.tag(words);
                for (std::size_t i = 0; i < ws.size(); ++i) s.tags_right += tags[i] == gold_tags[i];
                for (int run = 0; run < 2; ++run) {
                    AttachmentScore& a = run == 0 ? s.predicted_tags : s.gold_tags;
                    const std::vector<Arc> arcs = parser.parse(words, run == 0 ? tags : gold_tags);
                    for (std::size_t i = 0; i < ws.size(); ++i) {
                        if (arcs[i].head != gold_heads[i]) continue;
                        ++a.heads_right;
                        const std::string_view label = parser.label_name(arcs[i].label);
                        if (base_relation(label) != base_relation(ws[i].deprel)) continue;
                        ++a.labels_right;
                        a.subtypes_right += label == ws[i].deprel;
                    }
                }
            }
    }
    s.tag_accuracy = s.words ? static_cast<double>(s.tags_right) / static_cast<double>(s.words) : 0.0;
    finish(s.predicted_tags, s.words);
    finish(s.gold_tags, s.words);
    return s;
}

std::string parse_eval_text(const ParseScore& s) {
    auto row = [](const char* name, const AttachmentScore& a) {
        return std::string(name) + "UAS=" + fixed(a.uas, 4) + "  LAS=" + fixed(a.las, 4) +
               "  (LAS with subtypes " + fixed(a.las_subtypes, 4) + ")\n";
    };
    return std::to_string(s.files) + (s.files == 1 ? " file, " : " files, ") + std::to_string(s.sentences) +
           " sentences, " + std::to_string(s.words) + " tokens (syntactic words)\n" + "tagger UPOS accuracy " +
           fixed(s.tag_accuracy, 4) + "\n" + row("predicted tags  ", s.predicted_tags) + row("gold tags       ", s.gold_tags);
}

std::string parse_eval_json(const ParseScore& s) {
    rapidjson::StringBuffer buf;
    rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buf);
    w.SetIndent(' ', 2);
    auto num = [&w](double v) { json_fixed4(w, v); };
    auto attachment = [&](const char* key, const AttachmentScore& a) {
        w.Key(key);
        w.StartObject();
        w.Key("uas");
        num(a.uas);
        w.Key("las");
        num(a.las);
        w.Key("las_subtypes");
        num(a.las_subtypes);
        w.Key("heads_right");
        w.Uint64(a.heads_right);
        w.Key("labels_right");
        w.Uint64(a.labels_right);
        w.Key("subtypes_right");
        w.Uint64(a.subtypes_right);
        w.EndObject();
    };
    w.StartObject();
    w.Key("files");
    w.Uint64(s.files);
    w.Key("sentences");
    w.Uint64(s.sentences);
    w.Key("tokens");
    w.Uint64(s.words);
    w.Key("tag_accuracy");
    num(s.tag_accuracy);
    attachment("predicted_tags", s.predicted_tags);
    attachment("gold_tags", s.gold_tags);
    w.EndObject();
    return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

}  // namespace kg
