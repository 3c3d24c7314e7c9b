/// \file
/// kg/score.hpp — comparing a graph with a hand-made gold graph (format of tests/data/seeds.gold.json).
///
/// Contract (the gold notes' scoring rules): entities match one-to-one when a predicted label or alias
/// equals a gold name or alias after fold_name() (labels tried first); relations are distinct
/// (subject, predicate, object) triples, core if core in any document; symmetric predicates match either
/// way. Precision, recall and F1 are 0 when undefined.
///
/// Entity recognition (kg-eval ner) reads files in the format of scripts/ner_data.py: a
/// `-DOCSTART-<TAB>source<TAB>doc id` line before each document, then `token<TAB>BIO-coarse<TAB>FINE`
/// lines, a blank line after each sentence. A document's text is its tokens joined by single spaces, one
/// sentence per line, so every token has known byte offsets; the extractor's mentions are mapped back to
/// token ranges (a mention that does not start and end on token boundaries is a prediction that matches
/// nothing). Spans match exactly (same tokens). Typed and untyped scores count only PER, ORG and LOC on
/// both sides (sources label MISC inconsistently); the confusion matrix counts every gold span, MISC
/// included, whose boundaries were found.
///
/// Coreference (kg-eval coref) reads CoNLL-U files with GUM's nested `Entity=` annotations in MISC:
/// "(ID-type-..." opens a mention of chain ID on this token, "ID)" closes the latest open one, "(ID-...)"
/// is a one-token mention; chain ids are per document (`# newdoc id`, else the file stem). Multiword-token
/// ranges and empty nodes are not tokens. A document's text is its tokens joined by single spaces, none
/// after a token with SpaceAfter=No (or inside a multiword token, whose last word takes the range's
/// SpaceAfter), each sentence ended by "\n". A gold mention's head is its first token whose HEAD lies
/// outside it; proper-name mentions are those with a PROPN head, chains of type time and quantity left out,
/// and so are names inside a longer proper-name mention ("Andy Warhol" in "the Andy Warhol Foundation").
/// All documents are built into one graph (one thread, near-copies kept); a gold mention matches the
/// predicted mention (a node's mention in that document) that overlaps its head token, the one overlapping
/// the gold span most if several, ties to the earliest start. Links are unordered pairs of proper-name
/// mentions of one document: gold when in the same chain, predicted when both matched mentions belong to
/// one node (the same predicted mention counts). P/R/F1 are micro, summed over documents.
#pragma once

#include <kg/graph.hpp>
#include <kg/model.hpp>

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
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
    /// Gold entities whose names equal names of two or more nodes (the graph split them):
    /// "gold name: label | label", in gold order. A name the gold gives two entities counts for neither.
    std::vector<std::string> split_entities;
    /// Nodes whose names equal names of two or more gold entities (the graph joined them):
    /// "label: gold name | gold name", in node order.
    std::vector<std::string> joined_nodes;
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

// Entity recognition against token-annotated files (kg-eval ner); the contract is in the file comment.

class Extractor;

/// A name in a token-annotated document.
struct NerSpan {
    std::size_t start = 0;  ///< first token, counted from the document's first token
    std::size_t end = 0;    ///< one past the last token
    std::string coarse;     ///< PER, ORG, LOC or MISC
    std::string fine;       ///< PERSON, COMPANY, ORGANIZATION, COUNTRY, LOCATION, EVENT, PRODUCT, WORK, or "-"
};

/// One document of a token-annotated file.
struct NerDocument {
    std::string source;                      ///< the source field of its -DOCSTART- line
    std::string id;                          ///< its document id
    std::size_t line = 0;                    ///< line number of its -DOCSTART- line
    std::vector<std::string> tokens;         ///< every token, sentences in order
    std::vector<std::size_t> sentence_ends;  ///< for each sentence, the index one past its last token
    std::vector<NerSpan> gold;               ///< the annotated names, in token order
};

/// Parses a token-annotated file; `source` names it in errors. Throws kg::Error(bad_input) naming
/// source:line for a line that is not three non-empty tab-separated fields, an unknown tag or fine type,
/// an I- tag that does not continue a span of the same classes, or a token before the first -DOCSTART-.
std::vector<NerDocument> parse_ner_tokens(std::string_view text, const std::string& source);

/// Reads and parses a token-annotated file; an unreadable file is kg::Error(bad_input) naming it.
std::vector<NerDocument> read_ner_tokens(const std::string& path);

/// The text the extractor is given: tokens joined by `" "`, sentences by `"\n"`; `token_starts`, when given,
/// receives each token's first byte.
std::string ner_document_text(const NerDocument& doc, std::vector<std::size_t>* token_starts = nullptr);

/// A predicted name: one distinct mention range of the extractor's output.
struct NerPrediction {
    std::size_t byte_start = 0;  ///< first byte in ner_document_text()
    std::size_t byte_end = 0;    ///< one past the last byte
    bool aligned = false;        ///< starts and ends on token boundaries
    std::size_t start = 0;       ///< first token (when aligned)
    std::size_t end = 0;         ///< one past the last token (when aligned)
    EntityType type = EntityType::UNKNOWN;  ///< the type of the entity it mentions
};

/// The mentions of `extraction` (made from ner_document_text(doc)) as predictions, sorted by byte range;
/// a byte range mentioned twice counts once, with the type of the first entity that mentions it, and
/// mentions of UNKNOWN-typed entities are left out.
std::vector<NerPrediction> ner_predictions(const NerDocument& doc, const DocExtraction& extraction);

/// The second-stage type choice on gold mentions of two fine types (COMPANY vs ORGANIZATION, COUNTRY vs
/// LOCATION): accuracy over those found with exact boundaries and predicted as one of the two types.
struct NerStageAccuracy {
    std::size_t gold = 0;        ///< gold mentions of either fine type
    std::size_t not_found = 0;   ///< of those, without a prediction of exactly the same tokens
    std::size_t other_type = 0;  ///< found, but predicted as neither of the two types
    std::size_t scored = 0;      ///< found and predicted as one of the two: what the accuracy is computed on
    std::size_t right = 0;       ///< of those, predicted as the gold type
    double accuracy = 0;         ///< right / scored (0 when nothing is scored)
};

/// One row of the confusion matrix: gold spans of one gold type whose boundaries were found.
struct NerConfusionRow {
    std::string gold;                        ///< the gold fine type, or where none is given the coarse class
    std::array<std::size_t, 8> predicted{};  ///< counts by predicted type, PERSON … POLICY in EntityType order
    std::size_t not_found = 0;               ///< gold spans of this type without a prediction of exactly the same tokens
};

/// The figures of one annotated file.
struct NerFileScore {
    std::string file;                          ///< the file, as named to the scorer
    std::size_t documents = 0;                 ///< documents in it
    std::size_t sentences = 0;                 ///< sentences in it
    std::size_t tokens = 0;                    ///< tokens in it
    std::array<std::size_t, 4> gold_spans{};   ///< gold spans of PER, ORG, LOC, MISC
    std::size_t predicted_spans = 0;           ///< predictions of any type
    std::size_t unaligned_spans = 0;           ///< of those, not on token boundaries
    PRF typed;                                 ///< exact span and coarse class, PER/ORG/LOC only
    std::array<PRF, 3> classes{};              ///< the same for PER, ORG and LOC alone
    PRF untyped;                               ///< exact span, class ignored, PER/ORG/LOC spans only
    std::vector<NerConfusionRow> confusion;    ///< all twelve rows: PERSON … WORK, then PER, ORG, LOC, MISC
    NerStageAccuracy company_vs_organization;  ///< gold COMPANY/ORGANIZATION spans
    NerStageAccuracy country_vs_location;      ///< gold COUNTRY/LOCATION spans
};

/// Scores predictions (one list per document, from ner_predictions()) against the documents' gold.
NerFileScore score_ner_predictions(const std::vector<NerDocument>& docs,
                                   const std::vector<std::vector<NerPrediction>>& predictions,
                                   const std::string& file);

/// Runs `extract` on each document's ner_document_text() (one document at a time) and scores it.
NerFileScore score_ner_documents(const std::vector<NerDocument>& docs, const Extractor& extract,
                                 const std::string& file);

/// The figures of a kg-eval ner run, one entry per file in the order scored.
struct NerEvalReport {
    std::vector<NerFileScore> files;  ///< scored files
};

/// The test files scored when present in the directory: test_uner.txt, test_wnut.txt,
/// test_crossner_politics.txt, test_gum_news.txt.
const std::vector<std::string>& ner_test_files();

/// Scores the ner_test_files() present in `dir`, then `extra_files`. Throws kg::Error(bad_input) naming
/// `dir` when none of them is there, and naming file:line for unreadable or malformed files.
NerEvalReport score_ner(const std::string& dir, const std::vector<std::string>& extra_files = {});

/// The report as text tables: per file the scores, the confusion matrix and the two second-stage
/// accuracies; at the end COMPANY vs ORGANIZATION on test_wnut.txt and COUNTRY vs LOCATION on
/// test_crossner_politics.txt when they were scored.
std::string ner_eval_text(const NerEvalReport& report);

/// The report as one JSON object (keys in a fixed order, fractions rounded to 4 decimals).
std::string ner_eval_json(const NerEvalReport& report);

// Coreference links against GUM CoNLL-U files (kg-eval coref); the contract is in the file comment.

/// The figures of a kg-eval coref run.
struct CorefScore {
    std::size_t documents = 0;        ///< documents read
    std::size_t mentions = 0;         ///< gold mentions of every kind
    std::size_t proper_mentions = 0;  ///< gold proper-name mentions (PROPN head, not time or quantity)
    std::size_t matched = 0;          ///< of those, matched to a predicted mention
    PRF links;                        ///< pairwise links between proper-name mentions, micro over documents
    std::vector<std::string> missed_links;  ///< up to 30 gold links not predicted, "doc: 'text' ~ 'text'"
    std::vector<std::string> false_links;   ///< up to 30 predicted links not in the gold, same form
};

/// Scores the extractor's coreference on CoNLL-U files; a directory stands for its GUM_news_*.conllu
/// files, sorted. Throws kg::Error(bad_input) naming file:line for an unreadable file, a line that is not
/// ten tab-separated columns, a malformed or unbalanced Entity annotation, and naming a directory without
/// such files.
CorefScore score_coref(const std::vector<std::string>& conllu_paths);

/// The figures as one JSON object (fractions rounded to 4 decimals).
std::string coref_eval_json(const CorefScore& score);

}  // namespace kg
