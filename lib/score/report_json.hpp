// Internal: the pieces of the scorers' JSON reports (kg-eval --format json): strings made valid UTF-8 and
// figures with four decimals, so that a report is byte-stable and always parses.
#pragma once

#include "export/text.hpp"
#include "score/prf.hpp"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <string>
#include <string_view>
#include <vector>

namespace kg::detail {

using ReportWriter = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

inline void json_string(ReportWriter& w, std::string_view s) {
    const std::string clean = exportdetail::sanitize_utf8(s, false);
    w.String(clean.data(), static_cast<rapidjson::SizeType>(clean.size()));
}

inline void json_fixed4(ReportWriter& w, double v) {
    const std::string s = fixed4(v);
    w.RawValue(s.data(), s.size(), rapidjson::kNumberType);
}

/// "key": [strings…]
// A PRF as an object: precision, recall, f1 (four decimals), true_positives, predicted, gold.
inline void json_prf(ReportWriter& w, const PRF& p) {
    w.StartObject();
    w.Key("precision");
    json_fixed4(w, p.precision);
    w.Key("recall");
    json_fixed4(w, p.recall);
    w.Key("f1");
    json_fixed4(w, p.f1);
    w.Key("true_positives");
    w.Uint64(p.true_positives);
    w.Key("predicted");
    w.Uint64(p.predicted);
    w.Key("gold");
    w.Uint64(p.gold);
    w.EndObject();
}

inline void json_list(ReportWriter& w, const char* key, const std::vector<std::string>& items) {
    w.Key(key);
    w.StartArray();
    for (const std::string& s : items) json_string(w, s);
    w.EndArray();
}

}  // namespace kg::detail
