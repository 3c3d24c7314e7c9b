// Shared by the tools: the input/option contract both kg-export and kg-query follow.
#pragma once

#include <kg/corpus.hpp>
#include <kg/error.hpp>
#include <kg/extract.hpp>
#include <kg/graph.hpp>
#include <kg/view.hpp>

#include <boost/program_options.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace kgcli {

/// Options every tool accepts (--graph, --data, --input-format, --skip-bad, -j, --keep-duplicates, --since,
/// --until, --quiet); `graph_adds_inputs` for a tool where --graph FILE INPUTs adds the INPUTs to FILE.
void add_common_options(boost::program_options::options_description& desc, bool graph_adds_inputs = false);

/// Applies --data DIR (kg::set_data_dir); a DIR that does not exist or is not a directory is a usage error.
void use_data_dir(const boost::program_options::variables_map& vm);

/// Loads the --graph file, or builds the graph from the positional inputs (streamed, extracted on -j
/// threads; records with --input-format triples), or from the built-in sample (saying so on stderr);
/// --graph with inputs is a usage error, and so is no input while standard input is a pipe or a non-empty
/// file (a forgotten '-'). Inputs that give no document (an empty directory) are bad input, unless one is
/// '-'. Applies --since/--until last, with a warning when they keep nothing or drop undated documents.
kg::KnowledgeGraph build_from_options(const boost::program_options::variables_map& vm,
                                      const std::vector<std::string>& inputs);

/// A graph for kg-export, with the documents it was merged from when they are to be saved with it.
struct ExportGraph {
    kg::KnowledgeGraph graph;  ///< the graph to write
    /// Set when asked for and the graph is whole (no --since/--until): the lines of the extraction section
    /// write_json saves for later updates, rendered before the merge (kg::extraction_line) because the
    /// documents themselves would take several times the memory until the graph is written.
    std::optional<std::vector<std::string>> extraction_lines;
};

/// build_from_options() for kg-export, where `--graph FILE INPUTs` adds INPUTs to the saved graph: FILE's
/// extraction section and the new documents merge as one run over all of them would (FILE without that
/// section is bad input). `keep_extraction` asks for ExportGraph::extraction.
ExportGraph build_for_export(const boost::program_options::variables_map& vm, const std::vector<std::string>& inputs,
                             bool keep_extraction);

/// The map step: extracts the inputs (on -j threads) and writes their records (kg/records.hpp) to `out`, in id order.
void extract_records(const boost::program_options::variables_map& vm, const std::vector<std::string>& inputs,
                     std::ostream& out);

/// The view options as given on the command line, checked before the (slow) graph building.
struct ViewArgs {
    bool any = false;                     ///< true when any view option was given
    std::optional<std::string> ego;       ///< --ego NAME, resolved once the graph exists
    kg::ViewOptions options;              ///< everything else, already parsed
};

/// Parses --types, --predicates, --min-weight, --ego, --depth, --top (comma-separated lists); usage errors throw.
ViewArgs view_args(const boost::program_options::variables_map& vm);

/// Completes the options against the graph: resolves --ego (exit 1 when unknown or ambiguous) and rejects
/// a predicate that is neither in the vocabulary nor in the graph (a typo would silently empty the view).
kg::ViewOptions view_options(const kg::KnowledgeGraph& graph, const ViewArgs& args);

/// The predicate names of the vocabulary in file order, symmetric ones marked '*', wrapped at `width`
/// columns, each line starting with `indent` and ending with a newline (for --help).
std::string predicate_list(std::size_t width, const std::string& indent);

/// Levenshtein distance of two short ASCII words (for "did you mean" messages).
std::size_t edit_distance(const std::string& a, const std::string& b);

/// The error for inputs that gave no document: names them, says what a directory is searched for, and
/// counts the bad inputs skipped (exit 3).
kg::Error no_documents(const std::vector<std::string>& inputs, kg::InputFormat format, std::size_t skipped);

/// The message for a predicate that is not in the vocabulary: the closest names, then all of them.
std::string unknown_predicate(const std::string& name);

/// Runs a tool body, turning kg::Error and option errors into "tool: message" and the contract's exit code.
int run_tool(const char* tool, const std::function<int()>& body);

}  // namespace kgcli
