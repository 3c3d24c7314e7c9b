// Type reconciliation across documents (see kg::reconcile_types), in two halves so that the merge can
// vote from packed documents and apply the result to each one as it unpacks it.
#pragma once

#include <kg/model.hpp>

#include "core/lexicons.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>
#include <utility>

namespace kg::detail {

class TypeVotes {
public:
    /// Records one entity's type, weighted by its confidence (in hundredths, so that the sums do not
    /// depend on the order of the votes).
    void vote(std::string_view name, EntityType type, double confidence) {
        auto& v = *votes_.try_emplace(name).first;
        v[static_cast<std::size_t>(type)] += std::lround(std::clamp(confidence, 0.0, 1.0) * 100);
    }
    /// Gives each entity whose type is not certain (< 1: not from the gazetteer) the type its name has in
    /// most of the extractions, by summed confidence (ties to the first type in EntityType's order).
    void apply(DocExtraction& x) const {
        for (DocEntity& e : x.entities) {
            if (e.type_confidence >= 1.0) continue;
            const auto* v = votes_.find(e.name);
            if (!v) continue;
            const auto best = std::max_element(v->begin(), v->end()) - v->begin();
            const auto type = static_cast<EntityType>(best);
            if (type == e.type || (*v)[best] <= (*v)[static_cast<std::size_t>(e.type)]) continue;
            long total = 0;
            for (long w : *v) total += w;
            e.type = type;
            e.type_confidence = std::round(100.0 * double((*v)[best]) / double(total)) / 100.0;
        }
    }

private:
    StringMap<std::array<long, static_cast<std::size_t>(EntityType::UNKNOWN) + 1>> votes_;  // name → summed weight per type
};

}  // namespace kg::detail
