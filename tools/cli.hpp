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

/// The check of use_data_dir(), shared with the Python module: `option` names the argument in the message
/// ("--data" for the tools, "data" for Python's keyword argument).
void check_data_dir(const std::string& dir, const std::string& option = "--data");

/// --since/--until values checked as ISO 8601 (usage error otherwise), as a date-only ViewOptions; `prefix`
/// starts the option names in messages ("--" for the tools, "" for Python's keyword arguments).
kg::ViewOptions date_bounds(const std::optional<std::string>& since, const std::optional<std::string>& until,
                            const std::string& prefix = "--");

/// The date view (kg::make_view with `dates` only), with a warning giving the counts when it keeps no
/// document or drops undated ones: an empty or thinner graph alone would not say why. `g` unchanged when
/// `dates` has no bound; `prefix` as for date_bounds().
kg::KnowledgeGraph apply_dates(kg::KnowledgeGraph g, const kg::ViewOptions& dates, const std::string& prefix = "--");

/// Refuses to add documents to a saved graph that has no extraction section (bad input naming `name`), and
/// warns when another libkg version extracted it (`generator`, empty when unknown): kg-export --graph FILE
/// INPUT... and the Python module's Graph.add().
void check_addable(const std::string& name, bool has_extraction, const std::string& generator);

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

/// The view options' values, each unset when not given; lists already split at commas.
struct ViewValues {
    std::optional<std::vector<std::string>> types;       ///< --types (names, any case)
    std::optional<std::vector<std::string>> predicates;  ///< --predicates
    std::optional<double> min_weight;                    ///< --min-weight
    std::optional<std::string> ego;                      ///< --ego NAME
    std::optional<int> depth;                            ///< --depth (only with ego)
    std::optional<int> top;                              ///< --top
};

/// view_args() from values (the Python module's Graph.view()): the same checks and messages, with option
/// names started by `prefix` ("--" for the tools, "" for Python's keyword arguments).
ViewArgs view_args(const ViewValues& values, const std::string& prefix = "--");

/// Splits a comma-separated list, trimming spaces around items and dropping empty ones.
std::vector<std::string> split_list(const std::string& list);

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
