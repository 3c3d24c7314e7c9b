/// \file
/// kg/model.hpp — the value types every pipeline stage passes along.
///
/// Contract: all text is UTF-8; every byte offset is a half-open range [start, end) into the text of the
/// document named by `doc`, so provenance can always be checked against the original article. Spans the
/// extractor makes also know where they start in code points (Span::cp_start), the offsets Python's str
/// and most other languages index text by.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kg {

/// The kinds of thing libkg puts in a graph; UNKNOWN is for nodes read from foreign files.
enum class EntityType : std::uint8_t {
    PERSON, COMPANY, ORGANIZATION, COUNTRY, LOCATION, EVENT, PRODUCT, POLICY, UNKNOWN
};

/// Upper-case name of a type ("PERSON"), as written in every export.
std::string_view to_string(EntityType type) noexcept;
/// Parses an upper-case type name; nullopt when it is not one of the nine names.
std::optional<EntityType> parse_entity_type(std::string_view name) noexcept;

/// One input article.
struct Document {
    std::string id;      ///< unique id: path relative to the input directory, without extension
    std::string source;  ///< where it came from (a path, "-" for stdin, "builtin:" for the sample)
    std::string text;    ///< UTF-8 text
    std::string title{};      ///< headline, when the input gives one (JSONL "title"); empty otherwise
    std::string date{};       ///< publication date, ISO 8601 ("2024-07-26" or "2024-07-26T09:30:00Z"); empty if unknown
    std::string publisher{};  ///< who published it (JSONL "publisher"); empty if unknown
    std::string url{};        ///< where it was published (JSONL "url"); empty if unknown
};

/// What the graph keeps of a document after extraction.
struct DocumentInfo {
    std::string id;          ///< the document id
    std::string source;      ///< the document source
    std::size_t bytes = 0;   ///< size of its text in bytes
    std::string title{};         ///< headline, empty if unknown
    std::string date{};          ///< publication date (ISO 8601), empty if unknown; evidence reaches it through its doc id
    std::string publisher{};     ///< publisher, empty if unknown
    std::string url{};           ///< address, empty if unknown
    std::string duplicate_of{};  ///< id of the earlier near-identical document (a wire copy), whose extraction counts instead
};

/// A located piece of text: a mention of an entity or the evidence sentence of a relation.
struct Span {
    /// cp_start of a span whose code-point offset is not known (read from a file that has none).
    static constexpr std::size_t unknown = static_cast<std::size_t>(-1);

    std::string doc;         ///< document id
    std::size_t start = 0;   ///< first byte
    std::size_t end = 0;     ///< one past the last byte
    std::string text;        ///< the bytes [start, end) of the document text
    std::size_t cp_start = unknown;  ///< code points before `start` (so text == document[cp_start:cp_end()] in Python), or unknown

    /// One past the last code point: cp_start plus the code points of `text`; unknown when cp_start is.
    std::size_t cp_end() const noexcept {
        if (cp_start == unknown) return unknown;
        std::size_t n = cp_start;
        for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;  // not a continuation byte
        return n;
    }

    /// Same document, byte range and text (the code-point offset follows from them).
    friend bool operator==(const Span& a, const Span& b) {
        return a.doc == b.doc && a.start == b.start && a.end == b.end && a.text == b.text;
    }
    /// Orders by document, then start, then end.
    friend bool operator<(const Span& a, const Span& b) {
        if (a.doc != b.doc) return a.doc < b.doc;
        if (a.start != b.start) return a.start < b.start;
        return a.end < b.end;
    }
};

using Mention = Span;   ///< where an entity is named

/// The sentence that states a relation, with how it states it. Equality and order are those of the span.
struct Evidence : Span {
    std::string modality;   ///< empty when asserted; else the hedge: "expected", "possible", "planned", "reported"
    bool negated = false;   ///< the sentence denies the relation ("did not attend"): kept, but adds no weight
    bool former = false;    ///< time: the relation held but no longer does ("former CEO", "ex-minister"); kept, adds no weight
};

/// An entity found in one document, before merging into the graph.
struct DocEntity {
    std::string name;                  ///< canonical full name in this document ("Li Qiang")
    EntityType type = EntityType::UNKNOWN;  ///< its type
    std::vector<std::string> aliases;  ///< other surface forms seen ("Li", "Premier Li Qiang")
    std::vector<Mention> mentions;     ///< every mention, in text order
    double type_confidence = 1.0;      ///< how sure the type is (1: the gazetteer's); below 1 other documents may outvote it
};

/// A relation found in one document; subject and object index DocExtraction::entities.
struct DocRelation {
    std::size_t subject = 0;   ///< index of the subject entity
    std::string predicate;     ///< a predicate of the vocabulary (predicates.tsv)
    std::size_t object = 0;    ///< index of the object entity
    double confidence = 1.0;   ///< extractor's belief in (0, 1]
    Evidence evidence;         ///< the sentence stating it
};

/// A subject pronoun ("he", "she", "it") the relation stage took to stand for an entity of its document:
/// the one person (for he/she) or organization (for it) named in its sentence or the one before, not after
/// a preposition. Relations whose subject is the pronoun are the entity's; graphs do not keep these links.
struct PronounLink {
    std::uint32_t start = 0;  ///< byte offset of the pronoun in the document text
    std::uint32_t end = 0;    ///< byte offset just past it
    std::size_t entity = 0;            ///< index into DocExtraction::entities
};

/// Everything extracted from one document.
struct DocExtraction {
    std::string doc;                     ///< document id
    std::vector<DocEntity> entities;     ///< entities in order of first mention
    std::vector<DocRelation> relations;  ///< relations in text order
    std::vector<PronounLink> pronouns;   ///< resolved subject pronouns, in text order
};

}  // namespace kg
