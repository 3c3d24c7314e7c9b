// Type reconciliation across documents (see kg::reconcile_types), in two halves so that the merge can
// vote from packed documents and apply the result to each one as it unpacks it.
#pragma once

#include <kg/model.hpp>

#include "extract/lexicons.hpp"

#include <string_view>
#include <utility>

namespace kg::detail {

class TypeVotes {
public:
    /// Records one entity's type; the most confident type of a name wins, the first among equals.
    void vote(std::string_view name, EntityType type, double confidence) {
        auto [b, inserted] = best_.try_emplace(name);
        if (inserted || confidence > b->first) *b = {confidence, type};
    }
    /// Gives each entity typed by a guess (< 0.5) the type another vote established (>= 0.5).
    void apply(DocExtraction& x) const {
        for (DocEntity& e : x.entities) {
            const auto* b = best_.find(e.name);
            if (!b) continue;
            const auto& [confidence, type] = *b;
            if (e.type_confidence < 0.5 && confidence >= 0.5 && type != e.type) {
                e.type = type;
                e.type_confidence = confidence;
            }
        }
    }

private:
    StringMap<std::pair<double, EntityType>> best_;  // name → its most confident type
};

}  // namespace kg::detail
