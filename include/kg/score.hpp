// kg/score.hpp — comparing a graph with a hand-made gold graph (format of tests/data/seeds.gold.json).
//
// Contract (the gold notes' scoring rules): entities match one-to-one when a predicted label or alias
// equals a gold name or alias after fold_name() (labels tried first); relations are distinct
// (subject, predicate, object) triples, core if core in any document; symmetric predicates match either
// way. Precision, recall and F1 are 0 when undefined.
#pragma once

#include <kg/graph.hpp>

#include <string>
#include <vector>

namespace kg {

/// Precision, recall and F1 of one comparison.
struct PRF {
    std::size_t true_positives = 0;   ///< matched items
    std::size_t predicted = 0;        ///< items in the prediction
    std::size_t gold = 0;             ///< items in the gold
    double precision = 0;             ///< tp / predicted
    double recall = 0;                ///< tp / gold
    double f1 = 0;                    ///< harmonic mean
};

/// All the figures of a scoring run.
struct Score {
    PRF entities;        ///< entity matching, type ignored
    PRF typed_entities;  ///< entity matching that also requires the same type
    PRF relations;       ///< distinct triples
    double core_recall = 0;  ///< share of core gold triples found
    std::vector<std::string> missed_core;  ///< core triples not found, "subject predicate object" by gold ids
};

/// One gold entity.
struct GoldEntity {
    std::string id, name, type;          ///< gold id, canonical name, type name
    std::vector<std::string> aliases;    ///< other names
};

/// One distinct gold triple.
struct GoldRelation {
    std::string subject, predicate, object;  ///< gold entity ids and predicate
    bool core = false;                        ///< core in any document
};

/// A gold graph.
struct Gold {
    std::vector<GoldEntity> entities;     ///< in file order
    std::vector<GoldRelation> relations;  ///< distinct triples, in order of first appearance
};

/// Parses gold JSON; throws kg::Error(bad_input) naming `source` on malformed input.
Gold parse_gold(const std::string& json, const std::string& source = "gold");

/// Scores a graph against gold.
Score score(const KnowledgeGraph& graph, const Gold& gold);

}  // namespace kg
