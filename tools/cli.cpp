#include "cli.hpp"

#include <kg/corpus.hpp>
#include <kg/error.hpp>
#include <kg/export.hpp>
#include <kg/extract.hpp>
#include <kg/lexicon.hpp>
#include <kg/limits.hpp>
#include <kg/predicates.hpp>
#include <kg/query.hpp>
#include <kg/read.hpp>

#include <kg/records.hpp>
#include <kg/version.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <iostream>
#include <sstream>
#include <tuple>

namespace po = boost::program_options;

namespace kgcli {

namespace {

const char* g_tool = "kg";  // for warnings printed while the run goes on

// The progress line: only on a terminal, at most four times a second, erased when the run ends.
class ProgressLine {
public:
    ProgressLine(bool enabled, std::size_t total_bytes)
        : enabled_(enabled), total_(total_bytes), start_(std::chrono::steady_clock::now()) {}
    ~ProgressLine() { clear(); }
    void clear() {
        if (shown_) std::cerr << "\r\033[K" << std::flush;
        shown_ = false;
    }
    void add_total(std::size_t bytes) { total_ += bytes; }
    void update(std::size_t docs, std::size_t bytes) {
        if (!enabled_) return;
        const auto now = std::chrono::steady_clock::now();
        if (shown_ && now - last_ < std::chrono::milliseconds(250)) return;
        last_ = now;
        shown_ = true;
        const double seconds = std::chrono::duration<double>(now - start_).count();
        const double mb = static_cast<double>(bytes) / 1e6, rate = seconds > 0 ? mb / seconds : 0;
        char line[160];
        int n = std::snprintf(line, sizeof line, "\r%zu docs, %.1f MB, %.1f MB/s", docs, mb, rate);
        if (total_ > bytes && rate > 0) {
            const long eta = static_cast<long>((static_cast<double>(total_ - bytes) / 1e6) / rate);
            std::snprintf(line + n, sizeof line - static_cast<std::size_t>(n), ", ETA %ld:%02ld:%02ld", eta / 3600,
                          eta / 60 % 60, eta % 60);
        }
        std::cerr << line << "\033[K" << std::flush;
    }

private:
    bool enabled_;
    std::size_t total_;
    std::chrono::steady_clock::time_point start_, last_;
    bool shown_ = false;
};

// True when standard input holds data: a pipe, or a non-empty regular file. A terminal, /dev/null (a
// character device) or an empty file holds none, so the built-in sample stays the default there.
bool stdin_has_data() {
    if (::isatty(STDIN_FILENO)) return false;
    struct stat st {};
    if (::fstat(STDIN_FILENO, &st) != 0) return false;  // closed
    return S_ISFIFO(st.st_mode) || (S_ISREG(st.st_mode) && st.st_size > 0);
}

kg::InputFormat input_format(const po::variables_map& vm) {
    if (!vm.count("input-format")) return kg::InputFormat::automatic;
    const std::string name = vm["input-format"].as<std::string>();
    auto f = kg::parse_input_format(name);
    if (!f) throw kg::Error(kg::ExitCode::usage, "unknown input format '" + name + "' (text, jsonl, triples)");
    return *f;
}

// Reads every input into the builder (documents, or extraction records); returns how many were skipped.
std::size_t feed(const po::variables_map& vm, const std::vector<std::string>& inputs, kg::GraphBuilder& builder,
                 const kg::ReadOptions& read) {
    if (read.format == kg::InputFormat::triples) {
        if (inputs.empty())
            throw kg::Error(kg::ExitCode::usage, "--input-format triples needs record files (or '-' for stdin)");
        return kg::read_records(inputs, read, builder);
    }
    if (inputs.empty()) {
        // Data on standard input with no INPUT is almost always a forgotten '-': building the sample instead
        // would answer about other articles without a word (with -q). So it is refused, -q or not.
        if (stdin_has_data())
            throw kg::Error(kg::ExitCode::usage,
                            "no INPUT given, but standard input is a pipe or a file: pass '-' to read it "
                            "(for the built-in sample, run with </dev/null)");
        std::vector<kg::Document> docs = kg::sample_documents();
        if (!vm.count("quiet"))
            std::cerr << "note: no input given; using the built-in sample (" << docs.size() << " news articles)\n";
        for (auto& d : docs) builder.add(std::move(d));
        return 0;
    }
    std::size_t documents = 0;
    const std::size_t skipped = kg::read_documents(inputs, read, [&](kg::Document&& d) {
        ++documents;
        builder.add(std::move(d));
    });
    // An empty directory, or one of *.md or *.html files only, would give an empty graph and exit 0, which
    // reads as "these articles name nothing". Standard input may rightly hold no document (the empty shard
    // of a map/reduce job), so a run that reads it is not refused.
    if (documents == 0 && std::find(inputs.begin(), inputs.end(), "-") == inputs.end())
        throw no_documents(inputs, read.format, skipped);
    return skipped;
}

// Hands the documents of a saved graph to `add`, one at a time (kg-export --graph FILE INPUT…).
using EarlierDocuments = std::function<void(const std::function<void(kg::ExtractedDocument&&)>& add)>;

// Runs `body(builder, options)` with a builder set up from the options, holding the `earlier` documents
// (added first, so that they win a repeated id as earlier inputs do) and the inputs; reports skipped inputs
// at the end.
template <class Body>
auto with_builder(const po::variables_map& vm, const std::vector<std::string>& inputs, const EarlierDocuments& earlier,
                  Body body) {
    use_data_dir(vm);
    const bool quiet = vm.count("quiet") > 0;
    const bool skip_bad = vm.count("skip-bad") > 0;
    kg::ReadOptions read;
    read.format = input_format(vm);
    read.skip_bad = skip_bad;
    std::size_t skipped = 0;
    read.on_skip = [](const kg::Error& e) { std::cerr << g_tool << ": skipped: " << e.what() << "\n"; };
    const bool show = !quiet && ::isatty(STDERR_FILENO);
    ProgressLine progress(show, show ? kg::input_bytes(inputs, read.format) : 0);
    kg::BuildOptions build;
    if (vm.count("jobs")) {
        if (vm["jobs"].as<int>() < 1) throw kg::Error(kg::ExitCode::usage, "--jobs must be 1 or more");
        build.threads = static_cast<unsigned>(vm["jobs"].as<int>());
    }
    build.keep_duplicates = vm.count("keep-duplicates") > 0;
    build.skip_bad = skip_bad;
    build.on_skip = [&](const kg::Error& e) {
        ++skipped;
        read.on_skip(e);
    };
    build.on_progress = [&](std::size_t docs, std::size_t bytes) { progress.update(docs, bytes); };
    kg::GraphBuilder builder(build);
    if (earlier)
        earlier([&](kg::ExtractedDocument&& d) {
            progress.add_total(d.info.bytes);
            builder.add(std::move(d));
        });
    skipped += feed(vm, inputs, builder, read);
    auto result = body(builder, static_cast<const kg::BuildOptions&>(build));
    progress.clear();
    if (skip_bad && (skipped > 0 || !quiet))
        std::cerr << g_tool << ": " << skipped << (skipped == 1 ? " bad input" : " bad inputs") << " skipped\n";
    return result;
}

}  // namespace

void use_data_dir(const po::variables_map& vm) {
    if (!vm.count("data")) return;
    const std::string dir = vm["data"].as<std::string>();
    check_data_dir(dir);
    kg::set_data_dir(dir);
}

void check_data_dir(const std::string& dir, const std::string& option) {
    // libkg falls back to its built-in copy of every file DIR lacks, so a mistyped DIR would change nothing
    // without a word.
    std::error_code ec;
    const auto st = std::filesystem::status(dir, ec);
    if (!std::filesystem::exists(st)) throw kg::Error(kg::ExitCode::usage, option + " '" + dir + "': no such directory");
    if (!std::filesystem::is_directory(st)) throw kg::Error(kg::ExitCode::usage, option + " '" + dir + "': not a directory");
}

void add_common_options(po::options_description& desc, bool graph_adds_inputs) {
    desc.add_options()
        ("graph", po::value<std::string>(),
         graph_adds_inputs ? "use the graph saved in FILE (libkg, NetworkX or igraph JSON or GraphML; '-' is stdin) "
                             "instead of extracting one; with INPUTs, add them to it (libkg JSON only)"
                           : "use the graph saved in FILE (libkg, NetworkX or igraph JSON or GraphML; '-' is stdin) "
                             "instead of building one from INPUTs")
        ("data", po::value<std::string>(), "read lexicon files from DIR (falls back to the built-in ones)")
        ("input-format", po::value<std::string>(), "text|jsonl|triples (default: *.jsonl is jsonl, else text); "
                                                   "triples reads kg-export --format triples output and TSV facts")
        ("skip-bad", "report an unreadable file or a broken line, skip it and go on (default: stop, exit 3)")
        ("jobs,j", po::value<int>(), "extraction threads (default: all cores); output is the same for any N")
        ("keep-duplicates", "count near-duplicate articles (wire copies) separately; by default a copy of an "
                            "earlier article (by id) adds nothing to edge weights")
        ("since", po::value<std::string>(), "keep only evidence from documents dated DATE or later (ISO 8601)")
        ("until", po::value<std::string>(), "keep only evidence from documents dated DATE or earlier (ISO 8601)")
        ("quiet,q", "no notes or progress line on stderr");
}

kg::ViewOptions date_bounds(const std::optional<std::string>& since, const std::optional<std::string>& until,
                            const std::string& prefix) {
    kg::ViewOptions dates;
    for (const auto& [bound, value, out] : {std::tuple{"since", &since, &dates.since}, {"until", &until, &dates.until}})
        if (*value) {
            if (!kg::is_iso_date(**value))
                throw kg::Error(kg::ExitCode::usage,
                                prefix + bound + " '" + **value + "' is not an ISO 8601 date (YYYY-MM-DD)");
            *out = **value;
        }
    return dates;
}

// The date view drops undated documents and those out of range; -q keeps its warning, as it keeps every warning.
kg::KnowledgeGraph apply_dates(kg::KnowledgeGraph g, const kg::ViewOptions& dates, const std::string& prefix) {
    if (dates.since.empty() && dates.until.empty()) return g;
    kg::KnowledgeGraph view = kg::make_view(g, dates);
    const std::size_t total = g.documents().size(), kept = view.documents().size();
    const auto undated = static_cast<std::size_t>(std::count_if(
        g.documents().begin(), g.documents().end(), [](const kg::DocumentInfo& d) { return d.date.empty(); }));
    if (kept == 0 || undated > 0) {
        std::string bounds;
        if (!dates.since.empty()) bounds = prefix + "since " + dates.since;
        if (!dates.until.empty()) bounds += (bounds.empty() ? "" : " ") + prefix + "until " + dates.until;
        std::string message = bounds + " kept " + std::to_string(kept) + " of " + std::to_string(total) +
                              (total == 1 ? " document" : " documents");
        if (undated > 0) message += "; " + std::to_string(undated) + (undated == 1 ? " has" : " have") + " no date";
        kg::warn(message);
    }
    return view;
}

void check_addable(const std::string& name, bool has_extraction, const std::string& generator) {
    // Rebuilding from the graph alone cannot be exact (copies' facts, types before reconciliation, the
    // order of first mentions are gone), so a file without its extraction is refused, not approximated.
    if (!has_extraction)
        throw kg::Error(kg::ExitCode::bad_input,
                        name + ": cannot add documents to this graph: it has no \"extraction\" section (only "
                               "kg-export --json writes one, and not with a view, --since/--until or "
                               "--no-extraction); extract all documents again instead");
    const std::string ours = std::string("libkg ") + kg::version();
    if (!generator.empty() && generator != ours)
        kg::warn(name + " was extracted by " + generator + ", the new documents by " + ours +
                 ": the graph may differ from one run over all documents");
}

namespace {

// --since/--until, checked; both empty when not given.
kg::ViewOptions date_bounds(const po::variables_map& vm) {
    auto value = [&vm](const char* bound) {
        return vm.count(bound) ? std::optional<std::string>(vm[bound].as<std::string>()) : std::nullopt;
    };
    return kgcli::date_bounds(value("since"), value("until"));
}

}  // namespace

kg::KnowledgeGraph build_from_options(const po::variables_map& vm, const std::vector<std::string>& inputs) {
    const kg::ViewOptions dates = date_bounds(vm);
    if (vm.count("graph")) {
        if (!inputs.empty()) throw kg::Error(kg::ExitCode::usage, "give either --graph FILE or INPUTs, not both");
        if (vm.count("data")) throw kg::Error(kg::ExitCode::usage, "--data applies to extraction, not to --graph");
        return apply_dates(kg::read_graph(vm["graph"].as<std::string>()), dates);
    }
    return apply_dates(with_builder(vm, inputs, {}, [](kg::GraphBuilder& b, const kg::BuildOptions&) { return b.finish(); }),
                       dates);
}


ExportGraph build_for_export(const po::variables_map& vm, const std::vector<std::string>& inputs, bool keep_extraction) {
    const kg::ViewOptions dates = date_bounds(vm);
    // A date view drops documents: saving their extraction with it would describe another graph.
    keep_extraction = keep_extraction && dates.since.empty() && dates.until.empty();
    EarlierDocuments earlier;
    if (vm.count("graph")) {
        const std::string path = vm["graph"].as<std::string>();
        if (inputs.empty()) {
            if (vm.count("data")) throw kg::Error(kg::ExitCode::usage, "--data applies to extraction, not to --graph");
            if (!keep_extraction) return {apply_dates(kg::read_graph(path), dates), std::nullopt};
            ExportGraph out;
            std::vector<std::string> lines;
            const kg::SavedDocuments saved = kg::read_saved_documents(
                path, [&lines](kg::ExtractedDocument&& d) { lines.push_back(kg::extraction_line(d)); }, &out.graph);
            if (saved.has_extraction) out.extraction_lines = std::move(lines);
            return out;
        }
        for (const std::string& input : inputs)
            if (path == "-" && input == "-")
                throw kg::Error(kg::ExitCode::usage, "--graph - and INPUT - cannot both read standard input");
        earlier = [path](const std::function<void(kg::ExtractedDocument&&)>& add) {
            const kg::SavedDocuments saved = kg::read_saved_documents(path, add);
            check_addable(path == "-" ? "standard input" : path, saved.has_extraction, saved.generator);
        };
    }
    return with_builder(vm, inputs, earlier, [&](kg::GraphBuilder& b, const kg::BuildOptions&) {
        ExportGraph out;
        std::function<void(const kg::ExtractedDocument&)> keep;
        if (keep_extraction) {
            out.extraction_lines.emplace();
            keep = [&lines = *out.extraction_lines](const kg::ExtractedDocument& d) {
                lines.push_back(kg::extraction_line(d));
            };
        }
        out.graph = apply_dates(b.finish(keep), dates);
        return out;
    });
}

void extract_records(const po::variables_map& vm, const std::vector<std::string>& inputs, std::ostream& out) {
    if (vm.count("graph")) throw kg::Error(kg::ExitCode::usage, "--format triples extracts documents: --graph does not apply");
    if (vm.count("since") || vm.count("until"))
        throw kg::Error(kg::ExitCode::usage, "--since/--until apply to graphs: give them to the reduce step");
    if (input_format(vm) == kg::InputFormat::triples)
        throw kg::Error(kg::ExitCode::usage, "--format triples writes records; to merge records use another --format");
    with_builder(vm, inputs, {}, [&out](kg::GraphBuilder& b, const kg::BuildOptions&) {
        b.take([&out](kg::ExtractedDocument&& d) { kg::write_records(d, out); });
        return 0;
    });
}

std::vector<std::string> split_list(const std::string& list) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        auto comma = list.find(',', start);
        std::string item = list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        while (!item.empty() && item.front() == ' ') item.erase(item.begin());
        while (!item.empty() && item.back() == ' ') item.pop_back();
        if (!item.empty()) out.push_back(item);
        if (comma == std::string::npos) return out;
        start = comma + 1;
    }
}

ViewArgs view_args(const po::variables_map& vm) {
    ViewValues v;
    if (vm.count("types")) v.types = split_list(vm["types"].as<std::string>());
    if (vm.count("predicates")) v.predicates = split_list(vm["predicates"].as<std::string>());
    if (vm.count("min-weight")) v.min_weight = vm["min-weight"].as<double>();
    if (vm.count("ego")) v.ego = vm["ego"].as<std::string>();
    if (vm.count("depth")) v.depth = vm["depth"].as<int>();
    if (vm.count("top")) v.top = vm["top"].as<int>();
    return view_args(v);
}

ViewArgs view_args(const ViewValues& v, const std::string& prefix) {
    ViewArgs a;
    auto usage = [](const std::string& m) { return kg::Error(kg::ExitCode::usage, m); };
    if (v.types) {
        for (std::string t : *v.types) {
            for (char& c : t) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            auto type = kg::parse_entity_type(t);
            if (!type)
                throw usage("unknown type '" + t +
                            "' (PERSON, COMPANY, ORGANIZATION, COUNTRY, LOCATION, EVENT, PRODUCT, POLICY, UNKNOWN)");
            a.options.types.push_back(*type);
        }
        if (a.options.types.empty()) throw usage(prefix + "types needs at least one type");
    }
    if (v.predicates) {
        a.options.predicates = *v.predicates;
        if (a.options.predicates.empty()) throw usage(prefix + "predicates needs at least one predicate");
    }
    a.options.min_weight = v.min_weight;
    a.ego = v.ego;
    if (v.depth) {
        if (!a.ego) throw usage(prefix + "depth goes with " + prefix + "ego");
        if (*v.depth < 0) throw usage(prefix + "depth must be 0 or more");
        a.options.depth = static_cast<std::size_t>(*v.depth);
    }
    if (v.top) {
        if (*v.top < 1) throw usage(prefix + "top must be 1 or more");
        a.options.top = static_cast<std::size_t>(*v.top);
    }
    a.any = v.types || v.predicates || v.min_weight || a.ego || v.top;
    return a;
}

std::string predicate_list(std::size_t width, const std::string& indent) {
    std::string out, line = indent;
    for (const kg::Predicate& p : kg::predicates()) {
        const std::string item = p.name + (p.symmetric ? "*" : "");
        if (line.size() > indent.size() && line.size() + 1 + item.size() > width) {
            out += line + "\n";
            line = indent;
        }
        if (line.size() > indent.size()) line += ' ';
        line += item;
    }
    if (line.size() > indent.size()) out += line + "\n";
    return out;
}

std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return row[b.size()];
}

kg::Error no_documents(const std::vector<std::string>& inputs, kg::InputFormat format, std::size_t skipped) {
    std::string message;
    bool directory = false;
    for (const std::string& input : inputs) {
        message += (message.empty() ? "" : ", ") + input;
        std::error_code ec;
        directory = directory || std::filesystem::is_directory(input, ec);
    }
    message += ": no documents found";
    if (directory)
        message += format == kg::InputFormat::text    ? " (a directory is searched for *.txt files)"
                   : format == kg::InputFormat::jsonl ? " (a directory is searched for *.jsonl files)"
                                                      : " (a directory is searched for *.txt and *.jsonl files)";
    if (skipped) message += "; " + std::to_string(skipped) + (skipped == 1 ? " bad input" : " bad inputs") + " skipped";
    return kg::Error(kg::ExitCode::bad_input, message);
}

std::string unknown_predicate(const std::string& name) {
    std::string lowered;
    for (char c : name) lowered += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    // The closest names: within a third of the name's length (at least 2 edits), or sharing its first 4 letters.
    std::vector<std::pair<std::size_t, std::string>> near;
    for (const kg::Predicate& p : kg::predicates()) {
        const std::size_t d = edit_distance(lowered, p.name);
        const bool prefix = lowered.size() >= 4 && p.name.compare(0, 4, lowered, 0, 4) == 0;
        if (d <= std::max<std::size_t>(2, lowered.size() / 3) || prefix) near.emplace_back(d, p.name);
    }
    std::stable_sort(near.begin(), near.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::string out = "unknown predicate '" + name + "'";
    if (!near.empty()) {
        out += "; did you mean ";
        for (std::size_t i = 0; i < near.size() && i < 3; ++i) out += (i ? ", " : "") + near[i].second;
        out += "?";
    }
    out += "\nThe " + std::to_string(kg::predicates().size()) + " predicates (data/predicates.tsv; * = symmetric):\n";
    out += predicate_list(100, "  ");
    if (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
}

kg::ViewOptions view_options(const kg::KnowledgeGraph& graph, const ViewArgs& args) {
    kg::ViewOptions o = args.options;
    if (args.ego) o.ego = kg::resolve_entity(graph, *args.ego);
    for (const std::string& p : o.predicates) {
        if (kg::is_predicate(p)) continue;
        bool in_graph = false;
        for (auto e : boost::make_iterator_range(boost::edges(graph.graph())))
            if (graph.graph()[e].predicate == p) in_graph = true;
        if (!in_graph) throw kg::Error(kg::ExitCode::usage, unknown_predicate(p));
    }
    return o;
}

int run_tool(const char* tool, const std::function<int()>& body) {
    g_tool = tool;
    // Limit warnings (kg/limits.hpp) speak as the tool, like its errors; -q does not hide them.
    kg::set_warning_handler([tool](const std::string& m) { std::cerr << tool << ": warning: " << m << "\n"; });
    try {
        return body();
    } catch (const kg::Error& e) {
        std::cerr << tool << ": " << e.what() << "\n";
        return static_cast<int>(e.code());
    } catch (const po::error& e) {
        std::cerr << tool << ": " << e.what() << "\nTry '" << tool << " --help'.\n";
        return static_cast<int>(kg::ExitCode::usage);
    } catch (const std::bad_alloc&) {
        std::cerr << tool << ": out of memory\n";
        return static_cast<int>(kg::ExitCode::bad_input);
    } catch (const std::exception& e) {
        std::cerr << tool << ": " << e.what() << "\n";
        return static_cast<int>(kg::ExitCode::bad_input);
    }
}

}  // namespace kgcli
