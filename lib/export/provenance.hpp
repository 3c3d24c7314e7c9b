// Internal: what the exporters say about where a node or an edge comes from (lib/export only): the
// documents that mention it, when they were published, and how its evidence states it.
#pragma once

#include <kg/graph.hpp>

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace kg::exportdetail {

/// The documents behind a node (its mentions) or an edge (its evidence) and the days they cover.
struct Seen {
    std::vector<std::string> docs;  ///< distinct document ids, in bytewise order
    std::string first;              ///< earliest day (YYYY-MM-DD) of a dated one among them; empty if none is dated
    std::string last;               ///< latest day, as `first`
};

/// The days each of a graph's documents covers, looked up by document id.
class DocumentDays {
public:
    /// Reads the dates of graph.documents(); a date that names no real day (not ISO 8601, a 31 February)
    /// counts as none, since GEXF and neo4j would reject it.
    explicit DocumentDays(const KnowledgeGraph& graph);
    /// Whether at least one document has a date.
    bool any() const noexcept { return !days_.empty(); }
    /// The documents of these spans (mentions or evidence) with their first and last day.
    template <class SpanT>
    Seen seen(const std::vector<SpanT>& spans) const {
        std::vector<std::string> ids;
        ids.reserve(spans.size());
        for (const Span& s : spans) ids.push_back(s.doc);
        return seen_ids(std::move(ids));
    }

private:
    Seen seen_ids(std::vector<std::string> ids) const;
    // id -> (first day, last day): a date of a month or a year covers all its days.
    std::unordered_map<std::string, std::pair<std::string, std::string>> days_;
};

/// The first and last day (YYYY-MM-DD) an ISO 8601 date covers: "2024-07-26T09:30Z" -> the 26th twice,
/// "2024-07" -> July 1st and 31st, "2024" -> January 1st and December 31st. Empty strings when the date
/// names no real day (the time part is not read: the day is the one the publisher wrote).
std::pair<std::string, std::string> day_range(std::string_view date);

/// How an edge's evidence states it. Polarity and modality: each item counts once in asserted, hedged or
/// negated, the first that applies. Time is independent of them: `former` counts the items (of any
/// polarity) that say the relation held but has ended.
struct Qualities {
    std::size_t asserted = 0;  ///< neither negated nor hedged
    std::size_t hedged = 0;    ///< has a modality ("expected", "possible", ...) and is not negated
    std::size_t negated = 0;   ///< negated ("did not attend"), hedged or not
    std::size_t former = 0;    ///< marked former ("former CEO of"), whatever its polarity
};

/// Counts the evidence of `relation` by quality.
Qualities qualities(const Relation& relation);

/// How a picture (DOT, yEd) draws an edge: a relation some sentence asserts is solid; one only hedged
/// (and perhaps denied) is dashed; one only denied is left out, or dotted and grey when asked for.
enum class Stroke { solid, dashed, denied };

/// The stroke of an edge with these qualities (an edge without evidence, from a foreign file, is solid).
Stroke stroke_of(const Qualities& q) noexcept;

/// One evidence item's qualities in words, as the exports write them beside its sentence: "asserted",
/// "hedged (expected)", "negated" or "negated (possible)" (the modality of a denied hedge), then
/// ", former" when the relation has ended. parse_quality() reads it back.
std::string quality_label(const Evidence& evidence);

/// Sets the modality, negated and former flags of `evidence` from a quality_label(); false (and nothing
/// set) when `label` is not one.
bool parse_quality(std::string_view label, Evidence& evidence);

}  // namespace kg::exportdetail
