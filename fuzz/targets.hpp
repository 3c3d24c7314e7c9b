// The fuzz targets' bodies, shared by the libFuzzer entry points (fuzz_*.cpp) and by the regression test
// (tests/test_hostile_fuzz.cpp), which replays every saved crash input through the same code in the
// normal build. Each body accepts any bytes; kg::Error (a clear "bad input") is the only allowed failure.
// Anything else — another exception, a sanitizer report, a broken round trip — is a bug.
#pragma once

#include <kg/error.hpp>
#include <kg/export.hpp>
#include <kg/extract.hpp>
#include <kg/graph.hpp>
#include <kg/limits.hpp>
#include <kg/read.hpp>
#include <kg/records.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>

namespace kgfuzz {

// A broken invariant must stop the fuzzer with a crash it records, not with an exception a caller catches.
[[noreturn]] inline void invariant_failed(const char* what, const std::string& detail) {
    std::cerr << "fuzz invariant failed: " << what << ": " << detail << "\n";
    std::abort();
}

// libkg reading its own output must succeed and write the same bytes again (kg/read.hpp's contract).
inline void check_round_trip(const kg::KnowledgeGraph& graph) {
    std::ostringstream json, graphml;
    kg::write_json(graph, json);
    kg::write_graphml(graph, graphml);
    try {
        std::ostringstream again;
        kg::write_json(kg::parse_json(json.str(), "json round trip"), again);
        if (again.str() != json.str()) invariant_failed("JSON round trip changed the bytes", json.str());
    } catch (const kg::Error& e) {
        invariant_failed("libkg cannot read its own JSON", e.what());
    }
    try {
        std::ostringstream again;
        kg::write_graphml(kg::parse_graphml(graphml.str(), "graphml round trip"), again);
        if (again.str() != graphml.str()) invariant_failed("GraphML round trip changed the bytes", graphml.str());
    } catch (const kg::Error& e) {
        invariant_failed("libkg cannot read its own GraphML", e.what());
    }
}

// The extractor on arbitrary bytes: a library user can hand it any Document, so it must not rely on the
// corpus loader's UTF-8 check. Also merges the result into a graph and writes every text format.
inline void extractor(const std::uint8_t* data, std::size_t size) {
    static const kg::Extractor extract;
    kg::Document doc{"fuzz", "fuzz", std::string(reinterpret_cast<const char*>(data), size)};
    kg::truncate_text(doc.text, kg::limits::max_document_bytes);
    kg::DocExtraction x = extract(doc);
    for (const kg::DocEntity& e : x.entities)
        for (const kg::Mention& m : e.mentions)
            if (m.start > m.end || m.end > doc.text.size() || doc.text.compare(m.start, m.end - m.start, m.text) != 0)
                invariant_failed("mention span does not match the text", m.text);
    for (const kg::DocRelation& r : x.relations)
        if (r.subject >= x.entities.size() || r.object >= x.entities.size())
            invariant_failed("relation names a missing entity", r.predicate);
    kg::KnowledgeGraph graph;
    graph.add_document(kg::DocumentInfo{doc.id, doc.source, doc.text.size(), {}, {}, {}, {}, {}});
    graph.add(x);
    for (kg::Format f : {kg::Format::graphml, kg::Format::json, kg::Format::yed, kg::Format::gexf,
                         kg::Format::cytoscape, kg::Format::dot}) {
        std::ostringstream out;
        kg::write(graph, f, out);
    }
    check_round_trip(graph);
}

// The node-link JSON reader; what it accepts must survive libkg's own round trip.
inline void json_reader(const std::uint8_t* data, std::size_t size) {
    try {
        // parse_saved_json is parse_json plus the "extraction" section, so one call covers both readers.
        kg::SavedGraph saved =
            kg::parse_saved_json(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.json");
        std::ostringstream out;
        kg::write(saved.graph, kg::Format::gexf, out);
        check_round_trip(saved.graph);
        // A section the reader accepted must merge (what `kg-export --graph saved.json NEW` does with it).
        if (saved.extraction) kg::write(kg::merge_documents(std::move(*saved.extraction)), kg::Format::json, out);
    } catch (const kg::Error&) {
    }
}

// The GraphML reader (plain, yEd, NetworkX, igraph flavours).
inline void graphml_reader(const std::uint8_t* data, std::size_t size) {
    try {
        kg::KnowledgeGraph g =
            kg::parse_graphml(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.graphml");
        std::ostringstream out;
        kg::write(g, kg::Format::cytoscape, out);
        check_round_trip(g);
    } catch (const kg::Error&) {
    }
}

// The triples reader (kg/records.hpp: JSON extraction records and TSV facts), fed through stdin ("-"), then
// reduced into a graph. The first byte chooses --skip-bad, so both error paths are explored.
inline void triples_reader(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return;
    kg::ReadOptions options;
    options.format = kg::InputFormat::triples;
    options.skip_bad = (data[0] & 1) != 0;
    std::istringstream in(std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
    std::streambuf* saved = std::cin.rdbuf(in.rdbuf());
    std::cin.clear();
    try {
        kg::BuildOptions build;
        build.threads = 1;
        build.skip_bad = options.skip_bad;
        kg::GraphBuilder builder(build);
        kg::read_records({"-"}, options, builder);
        kg::KnowledgeGraph g = builder.finish();
        std::ostringstream out;
        kg::write(g, kg::Format::json, out);
    } catch (const kg::Error&) {
    }
    std::cin.rdbuf(saved);
    std::cin.clear();
}

}  // namespace kgfuzz
