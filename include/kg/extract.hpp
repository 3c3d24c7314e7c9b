/// \file
/// kg/extract.hpp — the extraction pipeline: text → sentences → mentions → entities → relations.
///
/// Contract: an Extractor is a callable object: Document in, DocExtraction out. Its output depends only
/// on the document and the lexicons (no hidden state between calls), so it can run on any thread and
/// documents can be processed in any order. Names are resolved inside the document: short forms,
/// acronyms and capital-city metonyms map to an entity named in full in the same document.
#pragma once

#include <kg/dedup.hpp>
#include <kg/error.hpp>
#include <kg/graph.hpp>
#include <kg/model.hpp>

#include <cstddef>
#include <functional>
#include <memory>
#include <vector>

namespace kg {

/// Turns one document into entities and relations.
class Extractor {
public:
    /// Loads the lexicons (embedded, or from kg::set_data_dir()).
    Extractor();
    ~Extractor();                                  ///< Frees the lexicons.
    Extractor(Extractor&&) noexcept;               ///< Moves the loaded lexicons.
    Extractor& operator=(Extractor&&) noexcept;    ///< Moves the loaded lexicons.

    /// Extracts entities (with mentions) and relations (with evidence) from one document.
    DocExtraction operator()(const Document& doc) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// Gives each name whose type is not certain (type_confidence < 1, i.e. not from the gazetteer) the type
/// its extractions favour, by confidence summed over documents, so that the same name does not become
/// two nodes of different types.
void reconcile_types(std::vector<DocExtraction>& extractions);

/// Extracts every document (in the given order), reconciles types, joins short forms across documents
/// (see kg/graph.hpp) and merges the results into one graph; near-duplicates are kept.
KnowledgeGraph build_graph(const std::vector<Document>& docs);

/// One document after extraction: what the graph keeps of it, its fingerprint, and what was found.
struct ExtractedDocument {
    DocumentInfo info;         ///< id, source, size and metadata (title, date, publisher, url)
    Fingerprint fingerprint;   ///< MinHash of its text, for near-duplicate detection
    DocExtraction extraction;  ///< entities and relations
};

/// How GraphBuilder works.
struct BuildOptions {
    unsigned threads = 0;          ///< extraction threads; 0 means one per core
    bool keep_duplicates = false;  ///< false: a near-copy of an earlier document (by id) adds nothing but its DocumentInfo
    double duplicate_threshold = 0.8;  ///< estimated shingle Jaccard similarity from which a text is a copy
    bool skip_bad = false;         ///< a repeated document id is reported through on_skip and dropped, not thrown
    std::function<void(const Error&)> on_skip;  ///< told of each dropped document
    /// Called after each extracted document with the totals so far (documents, bytes of text); called
    /// under a lock from the extracting thread, so keep it short.
    std::function<void(std::size_t documents, std::size_t bytes)> on_progress;
};

/// Builds a graph from a stream of documents: extraction runs on a pool of threads while the caller
/// reads the next document; the result does not depend on the number of threads or on arrival order,
/// because finish() merges in bytewise id order. Extracted documents wait for the merge in a packed form
/// (a few bytes a mention); at most 32 documents per thread wait to be extracted.
class GraphBuilder {
public:
    /// Starts the worker threads (none when options.threads is 1: add() then extracts in place).
    explicit GraphBuilder(BuildOptions options = {});
    /// Stops the workers; unfinished work is dropped.
    ~GraphBuilder();
    GraphBuilder(const GraphBuilder&) = delete;
    GraphBuilder& operator=(const GraphBuilder&) = delete;

    /// Queues a document for extraction (blocks while the queue is full).
    void add(Document document);
    /// Adds a document extracted elsewhere (the reduce step of a map/reduce run).
    void add(ExtractedDocument extracted);

    /// Waits for extraction and returns every document in bytewise id order, without merging (the map step).
    /// A repeated id throws kg::Error(bad_input) unless options.skip_bad.
    std::vector<ExtractedDocument> take();
    /// take(), one document at a time: `each` gets them in the same order, each unpacked only when its turn
    /// comes, so a corpus's extractions are never all held as structs at once.
    void take(const std::function<void(ExtractedDocument&&)>& each);
    /// Waits, orders by id, marks near-duplicates (unless keep_duplicates), reconciles types and merges:
    /// the graph of merge_documents(take(), options), with less memory (documents wait compactly and are
    /// unpacked one at a time). `each`, when given, sees every document as take() would return it, in
    /// order, just before it is merged (kg-export saves them with the graph this way).
    KnowledgeGraph finish(const std::function<void(const ExtractedDocument&)>& each = {});

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// The merge step of GraphBuilder::finish(), for documents as take() returns them (bytewise id order, unique
/// ids, extractions as extracted): marks near-duplicates unless options.keep_duplicates, reconciles types and
/// merges. Keeping a copy of `documents` (kg-export writes it into its JSON) lets a later run add() them
/// to a GraphBuilder with new documents and get the graph of one run over all. Throws kg::Error(bad_input)
/// when the ids are not strictly increasing.
KnowledgeGraph merge_documents(std::vector<ExtractedDocument> documents, const BuildOptions& options = {});

}  // namespace kg
