/// \file
/// kg/predicates.hpp — the relation vocabulary: predicate schema v2 (data/predicates.tsv, embedded at build
/// time; a predicates.tsv in kg::set_data_dir()'s DIR replaces it).
///
/// Contract: the vocabulary is fixed for a run; every edge libkg writes uses one of these names.
/// Symmetric predicates (e.g. competes_with) have no direction: the graph stores them one way only.
///
/// The file's columns (tab-separated; '#' lines are comments): predicate, symmetric (yes/no), subject
/// types, object types, meaning, example, then the labels of open data: wikidata, ace05, conll04, re3d,
/// cameo (may be empty or left off). Types are '|'-separated names of kg::EntityType or these groups:
///   ACTOR = PERSON|COMPANY|ORGANIZATION|COUNTRY   ORG = COMPANY|ORGANIZATION
///   PLACE = COUNTRY|LOCATION                      ANY = all eight types (not UNKNOWN)
/// and are kept as a list without repeats, in EntityType order ("ORG|COUNTRY" -> COMPANY, ORGANIZATION,
/// COUNTRY). A malformed file throws kg::Error(bad_input) naming the file and line.
#pragma once

#include <kg/model.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace kg {

/// One predicate of the vocabulary (a row of data/predicates.tsv).
struct Predicate {
    std::string name;                      ///< e.g. "leader_of"
    bool symmetric = false;                ///< true when subject and object may be swapped
    std::vector<EntityType> subject_types; ///< types a subject may have (groups expanded, EntityType order)
    std::vector<EntityType> object_types;  ///< types an object may have (groups expanded, EntityType order)
    std::string meaning;                   ///< what the relation says of subject and object
    std::string example;                   ///< an example triple, "Li Qiang leader_of China"
    std::string description;               ///< same as meaning (the v1 field name, kept for compatibility)
    std::string wikidata;                  ///< Wikidata property ids, space-separated ("P108 P54"; ":inv" = reversed)
    std::string ace05;                     ///< ACE05 relation types, space-separated
    std::string conll04;                   ///< CoNLL04 relation types, space-separated
    std::string re3d;                      ///< re3d relation types, space-separated
    std::string cameo;                     ///< CAMEO verb-code prefixes, space-separated (longest prefix wins)
};
/// The name the schema's documentation uses for a predicate's row.
using PredicateInfo = Predicate;

/// The vocabulary, in file order (loaded once per data directory; throws kg::Error when malformed).
const std::vector<Predicate>& predicates();
/// The predicate named `name`, or nullptr when it is not in the vocabulary.
const Predicate* predicate_info(std::string_view name);
/// True when `name` is in the vocabulary.
bool is_predicate(std::string_view name);
/// True when `name` is a symmetric predicate.
bool is_symmetric(std::string_view name);
/// The types a subject of `name` may have (empty when `name` is not a predicate).
const std::vector<EntityType>& subject_types(std::string_view name);
/// The types an object of `name` may have (empty when `name` is not a predicate).
const std::vector<EntityType>& object_types(std::string_view name);
/// What `name` means (empty when `name` is not a predicate).
std::string_view predicate_meaning(std::string_view name);

}  // namespace kg
