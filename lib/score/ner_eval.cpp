// Entity recognition against token-annotated files (kg-eval ner; the format is scripts/ner_data.py's).
// Each document becomes text the way a news article would: tokens joined by spaces, one sentence per
// line. The extractor's mentions are mapped back to token ranges through the tokens' byte offsets and
// compared with the gold BIO spans exactly (same first and last token).
#include <kg/error.hpp>

#include "score/prf.hpp"
#include "score/report_json.hpp"
#include <kg/extract.hpp>
#include <kg/score.hpp>

#include "export/text.hpp"
#include "text/util.hpp"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <map>
#include <sstream>
#include <utility>

namespace kg {

using detail::fixed;
using detail::fixed3;
using detail::fixed4;
using detail::json_fixed4;
using detail::json_list;
using detail::json_string;

namespace {

constexpr const char* kCoarse[] = {"PER", "ORG", "LOC", "MISC"};
constexpr const char* kFine[] = {"PERSON", "COMPANY", "ORGANIZATION", "COUNTRY", "LOCATION", "EVENT", "PRODUCT", "WORK"};
constexpr const char* kTypes[] = {"PERSON", "COMPANY", "ORGANIZATION", "COUNTRY", "LOCATION", "EVENT", "PRODUCT", "POLICY"};
constexpr std::size_t none = static_cast<std::size_t>(-1);

std::size_t coarse_index(std::string_view c) {
    for (std::size_t i = 0; i < 4; ++i)
        if (c == kCoarse[i]) return i;
    return none;
}

std::size_t fine_index(std::string_view f) {
    for (std::size_t i = 0; i < 8; ++i)
        if (f == kFine[i]) return i;
    return none;
}

// libkg type -> coarse class index (PER 0, ORG 1, LOC 2, MISC 3).
std::size_t coarse_of(EntityType t) {
    switch (t) {
        case EntityType::PERSON: return 0;
        case EntityType::COMPANY:
        case EntityType::ORGANIZATION: return 1;
        case EntityType::COUNTRY:
        case EntityType::LOCATION: return 2;
        case EntityType::EVENT:
        case EntityType::PRODUCT:
        case EntityType::POLICY: return 3;
        default: return none;
    }
}

// One gold span of fine type a or b: counted into the second-stage figure.
void stage(NerStageAccuracy& s, EntityType gold, bool found, EntityType predicted, EntityType a, EntityType b) {
    ++s.gold;
    if (!found) ++s.not_found;
    else if (predicted != a && predicted != b) ++s.other_type;
    else {
        ++s.scored;
        if (predicted == gold) ++s.right;
    }
}

std::string base_name(const std::string& path) { return std::filesystem::path(path).filename().string(); }

// The file whose second-stage figure the issue asks for, or nullptr when it was not scored.
const NerFileScore* find_file(const NerEvalReport& r, const char* name) {
    for (const auto& f : r.files)
        if (base_name(f.file) == name) return &f;
    return nullptr;
}

}  // namespace

std::vector<NerDocument> parse_ner_tokens(std::string_view text, const std::string& source) {
    if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.remove_prefix(3);
    std::vector<NerDocument> docs;
    bool in_sentence = false;
    std::string_view prev_tag = "O", prev_fine = "-";
    auto close_sentence = [&] {
        if (in_sentence) docs.back().sentence_ends.push_back(docs.back().tokens.size());
        in_sentence = false;
        prev_tag = "O";
        prev_fine = "-";
    };
    std::vector<std::string_view> cols;
    std::size_t line_no = 0;
    for (std::string_view line : detail::split_lines(text)) {
        ++line_no;
        auto fail = [&](const std::string& what) {
            throw Error(ExitCode::bad_input, source + ":" + std::to_string(line_no) + ": " + what);
        };
        if (detail::trim(line).empty()) {
            close_sentence();
            continue;
        }
        detail::split_into(line, '\t', cols);
        if (cols.size() != 3 || cols[0].empty() || cols[1].empty() || cols[2].empty())
            fail("expected three tab-separated fields (token, tag, fine type)");
        if (cols[0] == "-DOCSTART-") {
            close_sentence();
            NerDocument d;
            d.source = std::string(cols[1]);
            d.id = std::string(cols[2]);
            d.line = line_no;
            docs.push_back(std::move(d));
            continue;
        }
        if (docs.empty()) fail("token before the first -DOCSTART- line");
        const std::string_view tag = cols[1], fine = cols[2];
        if (fine != "-" && fine_index(fine) == none) fail("unknown fine type '" + std::string(fine) + "'");
        NerDocument& d = docs.back();
        if (tag == "O") {
            if (fine != "-") fail("fine type '" + std::string(fine) + "' on an O token");
        } else {
            if (tag.size() < 3 || (tag[0] != 'B' && tag[0] != 'I') || tag[1] != '-' ||
                coarse_index(tag.substr(2)) == none)
                fail("unknown tag '" + std::string(tag) + "' (O, or B- or I- and PER, ORG, LOC, MISC)");
            if (tag[0] == 'I') {
                if (prev_tag == "O" || prev_tag.substr(2) != tag.substr(2) || prev_fine != fine)
                    fail("'" + std::string(tag) + "' does not continue a span of the same classes");
                d.gold.back().end = d.tokens.size() + 1;
            } else {
                d.gold.push_back(NerSpan{d.tokens.size(), d.tokens.size() + 1, std::string(tag.substr(2)), std::string(fine)});
            }
        }
        d.tokens.emplace_back(cols[0]);
        in_sentence = true;
        prev_tag = tag;
        prev_fine = fine;
    }
    close_sentence();
    return docs;
}

std::vector<NerDocument> read_ner_tokens(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ExitCode::bad_input, path + ": cannot open");
    std::stringstream ss;
    ss << in.rdbuf();
    if (in.bad()) throw Error(ExitCode::bad_input, path + ": cannot read");
    return parse_ner_tokens(ss.str(), path);
}

std::string ner_document_text(const NerDocument& doc, std::vector<std::size_t>* token_starts) {
    std::string text;
    if (token_starts) token_starts->clear();
    std::size_t s = 0;
    for (std::size_t i = 0; i < doc.tokens.size(); ++i) {
        if (i > 0) text += (s < doc.sentence_ends.size() && doc.sentence_ends[s] == i) ? '\n' : ' ';
        while (s < doc.sentence_ends.size() && doc.sentence_ends[s] <= i) ++s;
        if (token_starts) token_starts->push_back(text.size());
        text += doc.tokens[i];
    }
    return text;
}

std::vector<NerPrediction> ner_predictions(const NerDocument& doc, const DocExtraction& extraction) {
    std::vector<std::size_t> starts;
    ner_document_text(doc, &starts);
    std::vector<std::size_t> ends(starts.size());
    for (std::size_t i = 0; i < starts.size(); ++i) ends[i] = starts[i] + doc.tokens[i].size();
    std::map<std::pair<std::size_t, std::size_t>, NerPrediction> by_range;
    for (const auto& e : extraction.entities) {
        if (e.type == EntityType::UNKNOWN) continue;
        for (const auto& m : e.mentions) {
            NerPrediction p;
            p.byte_start = m.start;
            p.byte_end = m.end;
            p.type = e.type;
            auto a = std::lower_bound(starts.begin(), starts.end(), m.start);
            auto b = std::lower_bound(ends.begin(), ends.end(), m.end);
            if (a != starts.end() && *a == m.start && b != ends.end() && *b == m.end && a - starts.begin() <= b - ends.begin()) {
                p.aligned = true;
                p.start = static_cast<std::size_t>(a - starts.begin());
                p.end = static_cast<std::size_t>(b - ends.begin()) + 1;
            }
            by_range.emplace(std::make_pair(m.start, m.end), p);  // the first entity keeps a range
        }
    }
    std::vector<NerPrediction> out;
    out.reserve(by_range.size());
    for (auto& kv : by_range) out.push_back(kv.second);
    return out;
}

NerFileScore score_ner_predictions(const std::vector<NerDocument>& docs,
                                   const std::vector<std::vector<NerPrediction>>& predictions,
                                   const std::string& file) {
    if (predictions.size() != docs.size())
        throw Error(ExitCode::bad_input, file + ": " + std::to_string(predictions.size()) + " prediction lists for " +
                                             std::to_string(docs.size()) + " documents");
    NerFileScore out;
    out.file = file;
    for (const char* r : kFine) out.confusion.push_back(NerConfusionRow{r, {}, 0});
    for (const char* r : kCoarse) out.confusion.push_back(NerConfusionRow{r, {}, 0});
    std::size_t tp = 0, np = 0, ng = 0, utp = 0;
    std::array<std::size_t, 3> ctp{}, cnp{}, cng{};
    for (std::size_t k = 0; k < docs.size(); ++k) {
        const NerDocument& d = docs[k];
        ++out.documents;
        out.sentences += d.sentence_ends.size();
        out.tokens += d.tokens.size();
        std::map<std::pair<std::size_t, std::size_t>, EntityType> found;
        for (const auto& p : predictions[k]) {
            ++out.predicted_spans;
            if (!p.aligned) ++out.unaligned_spans;
            else found.emplace(std::make_pair(p.start, p.end), p.type);
            const std::size_t c = coarse_of(p.type);
            if (c < 3) {
                ++np;
                ++cnp[c];
            }
        }
        for (const auto& g : d.gold) {
            const std::size_t gc = coarse_index(g.coarse);
            if (gc == none) continue;  // not from parse_ner_tokens(); nothing to count it as
            ++out.gold_spans[gc];
            auto it = found.find({g.start, g.end});
            const bool hit = it != found.end();
            const EntityType pt = hit ? it->second : EntityType::UNKNOWN;
            if (gc < 3) {
                ++ng;
                ++cng[gc];
                if (hit && coarse_of(pt) < 3) ++utp;
                if (hit && coarse_of(pt) == gc) {
                    ++tp;
                    ++ctp[gc];
                }
            }
            const std::size_t fi = fine_index(g.fine);
            NerConfusionRow& row = out.confusion[fi != none ? fi : 8 + gc];
            if (hit) ++row.predicted[static_cast<std::size_t>(pt)];
            else ++row.not_found;
            if (g.fine == "COMPANY" || g.fine == "ORGANIZATION")
                stage(out.company_vs_organization, g.fine == "COMPANY" ? EntityType::COMPANY : EntityType::ORGANIZATION,
                      hit, pt, EntityType::COMPANY, EntityType::ORGANIZATION);
            else if (g.fine == "COUNTRY" || g.fine == "LOCATION")
                stage(out.country_vs_location, g.fine == "COUNTRY" ? EntityType::COUNTRY : EntityType::LOCATION, hit, pt,
                      EntityType::COUNTRY, EntityType::LOCATION);
        }
    }
    out.typed = detail::make_prf(tp, np, ng);
    out.untyped = detail::make_prf(utp, np, ng);
    for (std::size_t c = 0; c < 3; ++c) out.classes[c] = detail::make_prf(ctp[c], cnp[c], cng[c]);
    for (NerStageAccuracy* s : {&out.company_vs_organization, &out.country_vs_location})
        s->accuracy = s->scored ? static_cast<double>(s->right) / static_cast<double>(s->scored) : 0.0;
    return out;
}

NerFileScore score_ner_documents(const std::vector<NerDocument>& docs, const Extractor& extract,
                                 const std::string& file) {
    std::vector<std::vector<NerPrediction>> predictions;
    predictions.reserve(docs.size());
    for (const auto& d : docs) {
        Document doc{d.id, file + ":" + std::to_string(d.line), ner_document_text(d)};
        predictions.push_back(doc.text.empty() ? std::vector<NerPrediction>{} : ner_predictions(d, extract(doc)));
    }
    return score_ner_predictions(docs, predictions, file);
}

const std::vector<std::string>& ner_test_files() {
    static const std::vector<std::string> files = {"test_uner.txt", "test_wnut.txt", "test_crossner_politics.txt",
                                                   "test_gum_news.txt"};
    return files;
}

NerEvalReport score_ner(const std::string& dir, const std::vector<std::string>& extra_files) {
    std::vector<std::string> paths;
    std::error_code ec;
    for (const auto& name : ner_test_files()) {
        const std::string p = (std::filesystem::path(dir) / name).string();
        if (std::filesystem::exists(p, ec)) paths.push_back(p);
    }
    if (paths.empty()) {
        std::string names;
        for (const auto& n : ner_test_files()) names += (names.empty() ? "" : ", ") + n;
        throw Error(ExitCode::bad_input, dir + ": none of " + names + " found");
    }
    paths.insert(paths.end(), extra_files.begin(), extra_files.end());
    Extractor extract;
    NerEvalReport report;
    for (const auto& p : paths) report.files.push_back(score_ner_documents(read_ner_tokens(p), extract, p));
    return report;
}

// ---------------------------------------------------------------- text

namespace {

void text_prf(std::ostream& o, const char* name, const PRF& p) {
    o << "  " << std::left << std::setw(9) << name << std::right << fixed4(p.precision) << "  " << fixed4(p.recall)
      << "  " << fixed4(p.f1) << std::setw(8) << p.true_positives << std::setw(11) << p.predicted << std::setw(7)
      << p.gold << "\n";
}

void text_stage(std::ostream& o, const char* name, const NerStageAccuracy& s) {
    o << name << ": accuracy " << fixed4(s.accuracy) << " (" << s.right << "/" << s.scored << ") on " << s.scored
      << " of " << s.gold << " gold mentions; " << s.not_found << " not found with exact boundaries, " << s.other_type
      << " predicted as another type\n";
}

}  // namespace

std::string ner_eval_text(const NerEvalReport& report) {
    std::ostringstream o;
    for (const auto& f : report.files) {
        o << f.file << ": " << f.documents << " documents, " << f.sentences << " sentences, " << f.tokens << " tokens\n";
        o << "  gold spans: PER " << f.gold_spans[0] << ", ORG " << f.gold_spans[1] << ", LOC " << f.gold_spans[2]
          << ", MISC " << f.gold_spans[3] << "; predicted spans: " << f.predicted_spans << " (" << f.unaligned_spans
          << " not on token boundaries)\n";
        o << "  exact spans, PER/ORG/LOC  P       R       F1       found  predicted   gold\n";
        text_prf(o, "typed", f.typed);
        for (std::size_t c = 0; c < 3; ++c) text_prf(o, kCoarse[c], f.classes[c]);
        text_prf(o, "untyped", f.untyped);
        o << "  confusion of the gold spans found with exact boundaries (rows: gold, columns: predicted):\n";
        o << "  " << std::left << std::setw(13) << "gold" << std::right;
        for (const char* t : kTypes) o << std::setw(static_cast<int>(std::string_view(t).size()) + 1) << t;
        o << "  not found\n";
        for (const auto& row : f.confusion) {
            std::size_t total = row.not_found;
            for (auto n : row.predicted) total += n;
            if (total == 0) continue;
            o << "  " << std::left << std::setw(13) << row.gold << std::right;
            for (std::size_t t = 0; t < 8; ++t)
                o << std::setw(static_cast<int>(std::string_view(kTypes[t]).size()) + 1) << row.predicted[t];
            o << std::setw(11) << row.not_found << "\n";
        }
        if (f.company_vs_organization.gold) {
            o << "  ";
            text_stage(o, "COMPANY vs ORGANIZATION", f.company_vs_organization);
        }
        if (f.country_vs_location.gold) {
            o << "  ";
            text_stage(o, "COUNTRY vs LOCATION", f.country_vs_location);
        }
        o << "\n";
    }
    if (const NerFileScore* w = find_file(report, "test_wnut.txt"))
        text_stage(o, "COMPANY vs ORGANIZATION, WNUT-17 test corporation/group", w->company_vs_organization);
    if (const NerFileScore* c = find_file(report, "test_crossner_politics.txt"))
        text_stage(o, "COUNTRY vs LOCATION, CrossNER politics test country/location", c->country_vs_location);
    return o.str();
}

// ---------------------------------------------------------------- JSON

namespace {

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

void jstr(Writer& w, std::string_view s) { json_string(w, s); }
void jnum(Writer& w, double v) { json_fixed4(w, v); }

void jcount(Writer& w, const char* key, std::size_t n) {
    w.Key(key);
    w.Uint64(n);
}

void jprf(Writer& w, const PRF& p) {
    w.StartObject();
    w.Key("precision");
    jnum(w, p.precision);
    w.Key("recall");
    jnum(w, p.recall);
    w.Key("f1");
    jnum(w, p.f1);
    jcount(w, "true_positives", p.true_positives);
    jcount(w, "predicted", p.predicted);
    jcount(w, "gold", p.gold);
    w.EndObject();
}

void jstage_fields(Writer& w, const NerStageAccuracy& s) {
    w.Key("accuracy");
    jnum(w, s.accuracy);
    jcount(w, "right", s.right);
    jcount(w, "scored", s.scored);
    jcount(w, "gold", s.gold);
    jcount(w, "not_found", s.not_found);
    jcount(w, "other_type", s.other_type);
}

void jstage(Writer& w, const NerStageAccuracy& s) {
    w.StartObject();
    jstage_fields(w, s);
    w.EndObject();
}

void jsecond(Writer& w, const char* key, const NerFileScore* f, NerStageAccuracy NerFileScore::*which) {
    w.Key(key);
    if (!f) {
        w.Null();
        return;
    }
    w.StartObject();
    w.Key("file");
    jstr(w, f->file);
    jstage_fields(w, f->*which);
    w.EndObject();
}

}  // namespace

std::string ner_eval_json(const NerEvalReport& report) {
    rapidjson::StringBuffer buf;
    Writer w(buf);
    w.SetIndent(' ', 2);
    w.SetFormatOptions(rapidjson::kFormatSingleLineArray);
    w.StartObject();
    w.Key("files");
    w.StartArray();
    for (const auto& f : report.files) {
        w.StartObject();
        w.Key("file");
        jstr(w, f.file);
        jcount(w, "documents", f.documents);
        jcount(w, "sentences", f.sentences);
        jcount(w, "tokens", f.tokens);
        w.Key("gold_spans");
        w.StartObject();
        for (std::size_t c = 0; c < 4; ++c) jcount(w, kCoarse[c], f.gold_spans[c]);
        w.EndObject();
        jcount(w, "predicted_spans", f.predicted_spans);
        jcount(w, "unaligned_spans", f.unaligned_spans);
        w.Key("typed");
        jprf(w, f.typed);
        w.Key("classes");
        w.StartObject();
        for (std::size_t c = 0; c < 3; ++c) {
            w.Key(kCoarse[c]);
            jprf(w, f.classes[c]);
        }
        w.EndObject();
        w.Key("untyped");
        jprf(w, f.untyped);
        w.Key("confusion");
        w.StartObject();
        w.Key("columns");
        w.StartArray();
        for (const char* t : kTypes) w.String(t);
        w.EndArray();
        w.Key("rows");
        w.StartArray();
        for (const auto& row : f.confusion) {
            w.StartObject();
            w.Key("gold");
            jstr(w, row.gold);
            w.Key("predicted");
            w.StartArray();
            for (auto n : row.predicted) w.Uint64(n);
            w.EndArray();
            jcount(w, "not_found", row.not_found);
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
        w.Key("company_vs_organization");
        jstage(w, f.company_vs_organization);
        w.Key("country_vs_location");
        jstage(w, f.country_vs_location);
        w.EndObject();
    }
    w.EndArray();
    w.Key("second_stage");
    w.StartObject();
    jsecond(w, "company_vs_organization", find_file(report, "test_wnut.txt"), &NerFileScore::company_vs_organization);
    jsecond(w, "country_vs_location", find_file(report, "test_crossner_politics.txt"), &NerFileScore::country_vs_location);
    w.EndObject();
    w.EndObject();
    return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

}  // namespace kg
