// kg/extract.hpp — the extraction pipeline: text → sentences → mentions → entities → relations.
//
// Contract: an Extractor is a callable object: Document in, DocExtraction out. Its output depends only
// on the document and the lexicons (no hidden state between calls), so it can run on any thread and
// documents can be processed in any order. Names are resolved inside the document: short forms,
// acronyms and capital-city metonyms map to an entity named in full in the same document.
#pragma once

#include <kg/graph.hpp>
#include <kg/model.hpp>

#include <memory>
#include <vector>

namespace kg {

/// Turns one document into entities and relations.
class Extractor {
public:
    /// Loads the lexicons (embedded, or from kg::set_data_dir()).
    Extractor();
    ~Extractor();
    Extractor(Extractor&&) noexcept;
    Extractor& operator=(Extractor&&) noexcept;

    /// Extracts entities (with mentions) and relations (with evidence) from one document.
    DocExtraction operator()(const Document& doc) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// Gives a name typed only by a guess (type_confidence < 0.5) the type another extraction established
/// with evidence, so that the same name does not become two nodes of different types.
void reconcile_types(std::vector<DocExtraction>& extractions);

/// Extracts every document (in the given order), reconciles types, and merges the results into one graph.
KnowledgeGraph build_graph(const std::vector<Document>& docs);

}  // namespace kg
