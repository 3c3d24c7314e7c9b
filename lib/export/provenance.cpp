#include "export/provenance.hpp"

#include <algorithm>

namespace kg::exportdetail {

namespace {

// The value of `n` decimal digits at `at`, or -1 when any is not a digit or the text is too short.
int digits(std::string_view s, std::size_t at, std::size_t n) {
    if (s.size() < at + n) return -1;
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

int days_in_month(int year, int month) {
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

std::string two(int v) { return std::string(1, char('0' + v / 10)) + char('0' + v % 10); }

}  // namespace

std::pair<std::string, std::string> day_range(std::string_view date) {
    const int year = digits(date, 0, 4);
    // xs:date has no year 0000, and neo4j's date() agrees.
    if (year <= 0) return {};
    const std::string y(date.substr(0, 4));
    if (date.size() == 4) return {y + "-01-01", y + "-12-31"};
    if (date[4] != '-') return {};
    const int month = digits(date, 5, 2);
    if (month < 1 || month > 12) return {};
    const std::string ym = y + "-" + two(month);
    if (date.size() == 7) return {ym + "-01", ym + "-" + two(days_in_month(year, month))};
    if (date[7] != '-') return {};
    const int day = digits(date, 8, 2);
    if (day < 1 || day > days_in_month(year, month)) return {};
    if (date.size() > 10 && date[10] != 'T' && date[10] != ' ') return {};
    const std::string d = ym + "-" + two(day);
    return {d, d};
}

DocumentDays::DocumentDays(const KnowledgeGraph& graph) {
    for (const DocumentInfo& d : graph.documents()) {
        auto range = day_range(d.date);
        if (!range.first.empty()) days_.emplace(d.id, std::move(range));
    }
}

Seen DocumentDays::seen_ids(std::vector<std::string> ids) const {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    Seen out;
    if (!days_.empty())
        for (const std::string& id : ids) {
            const auto it = days_.find(id);
            if (it == days_.end()) continue;
            // YYYY-MM-DD strings order as the days they name.
            if (out.first.empty() || it->second.first < out.first) out.first = it->second.first;
            if (out.last.empty() || it->second.second > out.last) out.last = it->second.second;
        }
    out.docs = std::move(ids);
    return out;
}

Qualities qualities(const Relation& relation) {
    Qualities q;
    for (const Evidence& e : relation.evidence) {
        if (e.negated) ++q.negated;
        else if (!e.modality.empty()) ++q.hedged;
        else ++q.asserted;
        if (e.former) ++q.former;
    }
    return q;
}

Stroke stroke_of(const Qualities& q) noexcept {
    if (q.asserted > 0) return Stroke::solid;
    if (q.hedged > 0) return Stroke::dashed;
    return q.negated > 0 ? Stroke::denied : Stroke::solid;
}

std::string quality_label(const Evidence& e) {
    std::string out = e.negated ? "negated" : e.modality.empty() ? "asserted" : "hedged";
    if (!e.modality.empty()) out += " (" + e.modality + ")";
    if (e.former) out += ", former";
    return out;
}

bool parse_quality(std::string_view label, Evidence& e) {
    constexpr std::string_view kFormer = ", former";
    const bool former = label.size() >= kFormer.size() && label.substr(label.size() - kFormer.size()) == kFormer;
    if (former) label.remove_suffix(kFormer.size());
    // The polarity word has no space, so the first " (" opens the modality, whatever the modality holds.
    std::string_view word = label, modality;
    if (const auto open = label.find(" ("); open != std::string_view::npos) {
        if (label.back() != ')') return false;
        word = label.substr(0, open);
        modality = label.substr(open + 2, label.size() - open - 3);
        if (modality.empty()) return false;
    }
    const bool negated = word == "negated";
    if (!negated && word != (modality.empty() ? "asserted" : "hedged")) return false;
    e.modality = std::string(modality);
    e.negated = negated;
    e.former = former;
    return true;
}

}  // namespace kg::exportdetail
