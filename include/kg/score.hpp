/// \file
/// kg/score.hpp — comparing a graph with a hand-made gold graph (format of tests/data/seeds.gold.json).
///
/// Contract (the gold notes' scoring rules): entities match one-to-one when a predicted label or alias
/// equals a gold name or alias after fold_name() (labels tried first); relations are distinct
/// (subject, predicate, object) triples, core if core in any document; symmetric predicates match either
/// way. Precision, recall and F1 are 0 when undefined.
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
    std::vector<std::string> missed_entities;   ///< gold entity names no node matched
    std::vector<std::string> false_entities;    ///< node labels that match no gold entity
    std::vector<std::string> missed_relations;  ///< gold triples not found, "subject predicate object" by gold ids
    std::vector<std::string> false_relations;   ///< edges not in the gold, "subject predicate object" by labels
};

/// One gold entity.
struct GoldEntity {
    std::string id;                      ///< gold id
    std::string name;                    ///< canonical name
    std::string type;                    ///< type name
    std::vector<std::string> aliases;    ///< other names
};

/// One distinct gold triple.
struct GoldRelation {
    std::string subject;    ///< gold id of the subject entity
    std::string predicate;  ///< predicate name
    std::string object;     ///< gold id of the object entity
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

/// Figures of a re3d-style evaluation (documents.json, entities.json, relations.json: JSON lines as
/// exported by mongoexport). Mentions are compared by text within a document, case-insensitively and
/// without a leading "the", under the coarse types PER (PERSON), ORG (COMPANY, ORGANIZATION) and LOC
/// (COUNTRY, LOCATION); re3d's offsets count characters, so spans are not compared. Relations are
/// compared as unordered pairs of mention texts in a document, whatever the predicate.
struct Re3dScore {
    std::size_t documents = 0;   ///< documents scored
    PRF mentions;                ///< typed mention texts per document
    PRF untyped_mentions;        ///< mention texts per document, type ignored
    PRF relation_pairs;          ///< related pairs of mention texts per document
    std::vector<std::pair<std::string, std::size_t>> top_false;   ///< most frequent false "text (TYPE)", with counts
    std::vector<std::pair<std::string, std::size_t>> top_missed;  ///< most frequent missed "text (TYPE)", with counts
};

/// Runs the extractor over a re3d-style folder and scores it; annotations below `min_confidence` are
/// ignored (re3d's are noisy). Throws kg::Error(bad_input) naming the file and line on malformed input.
Re3dScore score_re3d(const std::string& dir, double min_confidence = 0.5);

}  // namespace kg
