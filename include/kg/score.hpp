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
///
/// Wikidata properties (kg-eval redocred and fewrel) map to predicates through data/predicates.tsv's
/// wikidata column, in table order: "P108" maps the property as it is, "P6:inv" swaps its ends (the
/// property's subject is our object), "P17:S=ORG" applies only when the property's subject has that type.
/// Types are compared as Re-DocRED's coarse classes: PERSON -> PER; COMPANY, ORGANIZATION, ORG -> ORG;
/// COUNTRY, LOCATION, PLACE -> LOC; EVENT, PRODUCT, POLICY -> MISC (ACTOR and ANY: their members); TIME,
/// NUM and unknown types are in no class. As when the classifier's training data is made
/// (scripts/relation_data.py), a part_of between two LOC becomes located_in and a located_in whose subject
/// is ORG becomes based_in; when types are checked, a spec whose subject and object types do not fit the
/// (adjusted) predicate's table types is passed over. The first spec that applies wins.
///
/// Re-DocRED (kg-eval redocred): a document's text is each sentence's tokens joined by single spaces,
/// sentences joined by "\n"; one Extractor runs on each. A predicted entity maps to the gold entity
/// (vertexSet index) whose mentions' byte ranges overlap its mentions' the most, bytes summed over all pairs
/// of mentions (ties: the lowest index; no overlap: no gold entity). Gold triples come from the labels
/// (subject, predicate, object by gold entity, the entity's type being its first mention's), mapped with
/// types checked; predicted triples from the distinct relations of the extraction, both ends mapped.
/// Triples are distinct (two properties giving one triple count once); a symmetric predicate's pair is
/// ordered by gold index. A relation with an end that maps to no gold entity is a false positive of its
/// predicate (counted once per distinct (subject, predicate, object) of predicted entities). Pairs are
/// unordered pairs of gold entities: gold when some gold triple joins them, predicted when some predicted
/// triple with both ends mapped does. Everything is micro, summed over documents.
///
/// FewRel (kg-eval fewrel): an instance's text is its tokens joined by single spaces. Its head (tail) is
/// the predicted entity whose mentions overlap the byte ranges of the head's (tail's) token occurrences the
/// most (ties: the lowest index); the predicted label is the predicate of the most confident relation
/// between the two (ties: the first), with its direction, or none when there is none (or both are one
/// entity). The gold label is the instance's property mapped without the type check, the ends' types
/// being the predicted entities' classes (an end without an entity has none, so an S= spec fails there),
/// or none when nothing applies. A label is right when predicate and direction both are (a symmetric
/// predicate's direction does not matter).
///
/// Parsing (kg-eval parse): every syntactic word of a CoNLL-U file (multiword-token ranges and empty
/// nodes are not words), tagged by the built-in tagger and parsed by the built-in parser, and parsed again
/// with the gold UPOS. UAS counts words whose head is right; LAS words whose head and relation without
/// subtype ("nsubj" for "nsubj:pass", as in the CoNLL 2018 shared task) are right; punctuation included.
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
    /// Subject pronouns the extractor resolved (kg::PronounLink) against the gold: a link is right when the
    /// pronoun is a gold mention and its entity has a mention on the head of a proper-name mention of the
    /// pronoun's chain. Gold: every "he", "she" or "it" mention whose chain has a proper-name mention before it.
    PRF pronouns;
    std::vector<std::string> false_pronouns;  ///< up to 30 wrong links, "doc: 'pronoun' -> entity (sentence)"
};

/// Scores the extractor's coreference on CoNLL-U files; a directory stands for its GUM_news_*.conllu
/// files, sorted. Throws kg::Error(bad_input) naming file:line for an unreadable file, a line that is not
/// ten tab-separated columns, a malformed or unbalanced Entity annotation, and naming a directory without
/// such files.
CorefScore score_coref(const std::vector<std::string>& conllu_paths);

/// The figures as one JSON object (fractions rounded to 4 decimals).
std::string coref_eval_json(const CorefScore& score);

// Relations against Wikidata-labelled data (kg-eval redocred, fewrel); the contract is in the file comment.

/// Coarse class of an entity type as Re-DocRED writes it: PER, ORG, LOC or MISC ("" for UNKNOWN).
std::string_view coarse_class(EntityType type) noexcept;

/// A Wikidata property mapped to a predicate of the vocabulary.
struct WikidataMapping {
    std::string predicate;  ///< the predicate; empty when no spec applies
    bool inverse = false;   ///< the property's subject is the predicate's object
};

/// Maps `property` between a subject (the property's) of class `subject_class` and an object of class
/// `object_class` (PER, ORG, LOC, MISC; anything else fits nothing); with `check_types`, specs whose types
/// do not fit the predicate are passed over. Throws kg::Error(bad_input) for an S= type the table does not
/// know.
WikidataMapping map_wikidata(std::string_view property, std::string_view subject_class, std::string_view object_class,
                             bool check_types);

/// One mention of a Re-DocRED entity.
struct RedocredMention {
    std::size_t sentence = 0;  ///< sent_id
    std::size_t start = 0;     ///< first token in the sentence
    std::size_t end = 0;       ///< one past the last token
    std::string name;          ///< its text as the file gives it
    std::string type;          ///< PER, ORG, LOC, TIME, NUM or MISC
};

/// One Re-DocRED label: the property `property` holds from entity `head` to entity `tail`.
struct RedocredLabel {
    std::size_t head = 0;   ///< vertexSet index of the property's subject
    std::size_t tail = 0;   ///< vertexSet index of the property's object
    std::string property;   ///< Wikidata property id ("P17")
};

/// One Re-DocRED document.
struct RedocredDocument {
    std::string title;                                   ///< its title ("" when absent)
    std::vector<std::vector<std::string>> sentences;     ///< tokens of each sentence
    std::vector<std::vector<RedocredMention>> entities;  ///< vertexSet: each entity's mentions
    std::vector<RedocredLabel> labels;                   ///< labelled relations
};

/// Parses Re-DocRED JSON; `source` names it in errors. Throws kg::Error(bad_input) naming source:line:column
/// for malformed JSON, and the source and document index for a missing or malformed field (sents,
/// vertexSet, labels; a mention's sent_id, pos, type; a label's h, t, r) or one pointing outside the document.
std::vector<RedocredDocument> parse_redocred(std::string_view json, const std::string& source);

/// Reads and parses a Re-DocRED file; an unreadable file is kg::Error(bad_input) naming it.
std::vector<RedocredDocument> read_redocred(const std::string& path);

/// The text the extractor is given; `token_starts`, when given, receives each token's first byte, by sentence.
std::string redocred_text(const RedocredDocument& doc, std::vector<std::vector<std::size_t>>* token_starts = nullptr);

/// A triple between gold entities (vertexSet indices).
struct EntityTriple {
    std::size_t subject = 0;  ///< the subject's index
    std::string predicate;    ///< the predicate
    std::size_t object = 0;   ///< the object's index

    /// Orders by subject, predicate, object.
    friend bool operator<(const EntityTriple& a, const EntityTriple& b) {
        if (a.subject != b.subject) return a.subject < b.subject;
        if (a.predicate != b.predicate) return a.predicate < b.predicate;
        return a.object < b.object;
    }
    /// Same subject, predicate and object.
    friend bool operator==(const EntityTriple& a, const EntityTriple& b) {
        return a.subject == b.subject && a.predicate == b.predicate && a.object == b.object;
    }
};

/// The distinct mapped gold triples of a document, sorted; `labels_mapped`, when given, is increased by the
/// number of labels that gave a triple (before two of them giving one triple are counted as one).
std::vector<EntityTriple> redocred_gold_triples(const RedocredDocument& doc, std::size_t* labels_mapped = nullptr);

/// For each entity of `extraction` (made from redocred_text(doc)), the gold entity it maps to, or
/// static_cast<std::size_t>(-1).
std::vector<std::size_t> redocred_entity_map(const RedocredDocument& doc, const DocExtraction& extraction);

/// P/R/F1 of one predicate.
struct PredicatePRF {
    std::string predicate;  ///< the predicate
    PRF prf;                ///< its typed triples
};

/// The figures of a kg-eval redocred run.
struct RedocredScore {
    std::size_t documents = 0;            ///< documents scored
    std::size_t labels = 0;               ///< labels in them
    std::size_t labels_mapped = 0;        ///< labels mapped to a predicate whose types fit
    std::size_t predicted_entities = 0;   ///< entities the extractor found
    std::size_t matched_entities = 0;     ///< of those, mapped to a gold entity
    std::size_t unmatched_relations = 0;  ///< predicted relations with an end mapped to no gold entity (false positives)
    PRF typed;                            ///< (subject, predicate, object) triples
    PRF pairs;                            ///< unordered related pairs of gold entities
    std::vector<PredicatePRF> predicates; ///< per predicate with gold or predictions, in vocabulary order
    std::vector<std::string> missed;      ///< up to 30 gold triples not predicted, "title: 'name' predicate 'name'"
    std::vector<std::string> false_triples;  ///< up to 30 predicted triples not in the gold, same form
};

/// Scores extractions (one per document, made from redocred_text()) against the documents' gold.
RedocredScore score_redocred_extractions(const std::vector<RedocredDocument>& docs,
                                         const std::vector<DocExtraction>& extractions);

/// Runs one Extractor over each document of a Re-DocRED file and scores it.
RedocredScore score_redocred(const std::string& path);

/// The figures as text tables; the examples only when `lists`.
std::string redocred_eval_text(const RedocredScore& score, bool lists = true);

/// The figures as one JSON object (fractions rounded to 4 decimals).
std::string redocred_eval_json(const RedocredScore& score);

/// A FewRel head or tail.
struct FewrelArgument {
    std::string name;                                ///< its text as the file gives it
    std::vector<std::vector<std::size_t>> occurrences;  ///< token indices of each occurrence
};

/// One FewRel instance.
struct FewrelInstance {
    std::string property;             ///< the Wikidata property it is an example of
    std::size_t index = 0;            ///< its place in the property's list
    std::vector<std::string> tokens;  ///< the sentence's tokens
    FewrelArgument head;              ///< the property's subject
    FewrelArgument tail;              ///< the property's object
};

/// Parses FewRel JSON (an object: property -> list of instances); `source` names it in errors. Throws
/// kg::Error(bad_input) naming source:line:column for malformed JSON, and the source, property and instance
/// index for a missing or malformed field (tokens, h, t) or a token index outside the sentence.
std::vector<FewrelInstance> parse_fewrel(std::string_view json, const std::string& source);

/// Reads and parses a FewRel file; an unreadable file is kg::Error(bad_input) naming it.
std::vector<FewrelInstance> read_fewrel(const std::string& path);

/// What was predicted and expected for one FewRel instance.
struct FewrelOutcome {
    std::size_t head_entity = static_cast<std::size_t>(-1);  ///< the predicted entity of the head, or -1
    std::size_t tail_entity = static_cast<std::size_t>(-1);  ///< the predicted entity of the tail, or -1
    std::string gold;                  ///< the mapped predicate; empty: none
    bool gold_head_is_subject = true;  ///< the head is the gold predicate's subject
    std::string predicted;             ///< the predicted predicate; empty: none
    bool predicted_head_is_subject = true;  ///< the head is the predicted relation's subject
    bool right = false;                ///< predicate and direction right (none for none)
};

/// The outcome of one instance, given the extraction of its text (tokens joined by single spaces).
FewrelOutcome fewrel_outcome(const FewrelInstance& instance, const DocExtraction& extraction);

/// One property's row of the FewRel table.
struct FewrelPropertyRow {
    std::string property;    ///< the Wikidata property
    std::string predicates;  ///< the gold labels it mapped to, most frequent first, '/'-separated ("none" included)
    std::size_t instances = 0;  ///< its instances
    std::size_t right = 0;      ///< of those, with the right label (none for none)
    double accuracy = 0;        ///< right / instances
};

/// The figures of a kg-eval fewrel run.
struct FewrelScore {
    std::size_t instances = 0;        ///< instances read
    std::size_t mapped = 0;           ///< with a mapped gold label
    std::size_t mapped_right = 0;     ///< of those, with predicate and direction right
    double accuracy = 0;              ///< mapped_right / mapped
    std::size_t no_entity = 0;        ///< instances where the head or the tail has no predicted entity
    std::size_t same_entity = 0;      ///< instances whose head and tail are one predicted entity
    std::size_t unmapped = 0;         ///< with gold label none
    std::size_t unmapped_none = 0;    ///< of those, predicted none
    double none_rate = 0;             ///< unmapped_none / unmapped
    std::vector<FewrelPropertyRow> properties;  ///< per property, in file order
};

/// Scores outcomes (one per instance, from fewrel_outcome()).
FewrelScore score_fewrel_outcomes(const std::vector<FewrelInstance>& instances,
                                  const std::vector<FewrelOutcome>& outcomes);

/// Runs one Extractor over each instance of a FewRel file and scores it.
FewrelScore score_fewrel(const std::string& path);

/// The figures as text, the per-property table included.
std::string fewrel_eval_text(const FewrelScore& score);

/// The figures as one JSON object (fractions rounded to 4 decimals).
std::string fewrel_eval_json(const FewrelScore& score);

// Dependency parsing against a CoNLL-U treebank (kg-eval parse); the contract is in the file comment.

/// Attachment scores of one parse of a treebank.
struct AttachmentScore {
    std::size_t heads_right = 0;     ///< words with the right head
    std::size_t labels_right = 0;    ///< of those, with the right relation without subtype
    std::size_t subtypes_right = 0;  ///< of those, with the right relation, subtype included
    double uas = 0;                  ///< heads_right / words
    double las = 0;                  ///< labels_right / words
    double las_subtypes = 0;         ///< subtypes_right / words
};

/// The figures of a kg-eval parse run.
struct ParseScore {
    std::size_t files = 0;        ///< files read
    std::size_t sentences = 0;    ///< sentences scored
    std::size_t words = 0;        ///< syntactic words scored
    std::size_t tags_right = 0;   ///< words the tagger gave the gold UPOS
    double tag_accuracy = 0;      ///< tags_right / words
    AttachmentScore predicted_tags;  ///< parsed with the tagger's tags
    AttachmentScore gold_tags;       ///< parsed with the gold UPOS
};

/// Tags and parses every sentence of the CoNLL-U files and scores the heads and relations. Throws
/// kg::Error(bad_input) naming file:line for an unreadable or malformed file, an unknown UPOS, or a HEAD
/// that is not a word of its sentence (or 0).
ParseScore score_parse(const std::vector<std::string>& conllu_paths);

/// The figures as text.
std::string parse_eval_text(const ParseScore& score);

/// The figures as one JSON object (fractions rounded to 4 decimals).
std::string parse_eval_json(const ParseScore& score);

}  // namespace kg
