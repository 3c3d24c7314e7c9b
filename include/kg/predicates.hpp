/// \file
/// kg/predicates.hpp — the relation vocabulary (data/predicates.tsv, embedded at build time).
///
/// Contract: the vocabulary is fixed for a run; every edge libkg writes uses one of these names.
/// Symmetric predicates (e.g. competes_with) have no direction: the graph stores them one way only.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kg {

/// One predicate of the vocabulary.
struct Predicate {
    std::string name;         ///< e.g. "leader_of"
    bool symmetric = false;   ///< true when subject and object may be swapped
    std::string description;  ///< what subject and object are
};

/// The vocabulary, in file order.
const std::vector<Predicate>& predicates();
/// True when `name` is in the vocabulary.
bool is_predicate(std::string_view name);
/// True when `name` is a symmetric predicate.
bool is_symmetric(std::string_view name);

}  // namespace kg
