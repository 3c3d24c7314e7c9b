/// \file
/// kg/records.hpp — extraction records: the map output and reduce input of a map/reduce run, plus TSV facts.
///
/// Map: `kg-export --format triples` writes one JSON object per line, each self-contained so lines can be
/// shuffled, sorted or split across reducers' inputs in any way:
///   {"record":"document","doc":ID,"source":…,"bytes":N[,"title","date","publisher","url"],"shingles":N,"minhash":HEX}
///   {"record":"entity","doc":ID,"index":I,"name":…,"type":T,"type_confidence":X,"aliases":[…],
///    "mentions":[[START,END,TEXT[,CP_START]],…]}
///   {"record":"relation","doc":ID,"index":I,"subject":[NAME,TYPE],"predicate":P,"object":[NAME,TYPE],
///    "confidence":X,"evidence":{"start","end","text"[,"cp_start","modality","former","negated"]}}
/// START and END are UTF-8 byte offsets; CP_START (cp_start) the code-point offset of START, absent when
/// unknown (records of libkg before 0.5 have none: their spans stay without).
/// Reduce: read_records() regroups lines by document and hands them to a GraphBuilder, whose finish() then
/// marks near-duplicates, reconciles types and merges in id order — the graph of one run over all documents.
///
/// TSV facts (pre-extracted, hand-made or from another system), in the same files or their own: a line
/// that does not start with '{' is `subject<TAB>predicate<TAB>object[<TAB>evidence]`; blank lines and lines
/// starting with '#' are skipped. The facts of a file form one document whose id is the file name without
/// extension; subject and object have no type of their own and take the type another document gives the
/// same name (else UNKNOWN); the evidence span is the evidence column (else the line) in that file.
#pragma once

#include <kg/corpus.hpp>
#include <kg/extract.hpp>

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

namespace kg {

/// Writes one document's records: a "document" line, then its entities and relations, each on one line.
void write_records(const ExtractedDocument& document, std::ostream& out);

/// Reads record files and TSV facts (files; "-" is stdin; a directory: every file in it whose name does not
/// start with '_' or '.', as Hadoop writes part-* files) into `builder`. A malformed line throws
/// kg::Error(bad_input) "FILE:LINE: …" unless options.skip_bad; returns the number of lines and documents skipped.
std::size_t read_records(const std::vector<std::string>& inputs, const ReadOptions& options, GraphBuilder& builder);

}  // namespace kg
