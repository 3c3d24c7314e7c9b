// The Python module `kg` (issue 17): libkg for analysts, built with pybind11 over the static library.
//
// Design, and why:
// - Graph.nodes(), edges(), documents() and to_networkx() come from kg::write_json, parsed by Python's json
//   module: the JSON export is the one definition of a node's and an edge's attributes, so the module can
//   never drift from it (a field added to the export appears here too).
// - Graph.path(), paths(), neighbors(), centrality(), components(), communities() and stats() return what
//   `kg-query COMMAND --json` prints (the same render functions), and refuse what kg-query refuses with its
//   messages, so that a notebook and a shell script agree.
// - kg.build() follows kg-export: the same reader, GraphBuilder and merge, so the graph (and the JSON
//   g.write() saves, extraction section included) is byte for byte kg-export's on the same input.
// - Graph.view(), kg.build(since=, until=, data=) and Graph.add() take kg-export's view, date, --data and
//   --graph FILE INPUT... paths through the functions the tools use (tools/cli.hpp: the same checks, messages
//   and order of application), so their graphs are the tool's byte for byte. Graph.add() reads the graph's
//   documents back from its extraction section, as kg-export reads them from the saved file.
// - Long work runs without the GIL. Warnings that libkg raises on worker threads are queued and turned
//   into Python warnings (kg.KGWarning) once the GIL is held again: calling into Python from a worker
//   while the main thread waits for it with the GIL would deadlock.
// - Offsets: kg.extract() has the text, so its offsets are code points (Python string indices). A Graph's
//   mentions and evidence are the JSON export's: start/end in UTF-8 bytes, cp_start/cp_end in code points
//   when the graph knows them (it does for graphs it built; not for files saved without them).
#include "cli.hpp"  // kgcli::unknown_predicate: kg-query's message for an unknown predicate

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
#include <kg/view.hpp>

#include <pybind11/eval.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace py = pybind11;

namespace {

// --- errors and warnings ------------------------------------------------------------------------------------

// Handles, not objects: they are never released (a py::object would be after the interpreter is gone).
py::handle g_error;    // kg.Error
py::handle g_warning;  // kg.KGWarning

// Messages libkg warned about since the last flush, from any thread.
std::mutex g_warnings_mutex;
std::vector<std::string> g_warnings;

void queue_warning(const std::string& message) {
    std::lock_guard<std::mutex> lock(g_warnings_mutex);
    g_warnings.push_back(message);
}

std::vector<std::string> take_warnings() {
    std::lock_guard<std::mutex> lock(g_warnings_mutex);
    std::vector<std::string> out;
    out.swap(g_warnings);
    return out;
}

// Issues the queued warnings (GIL held). With `strict`, a warning the filters turn into an error raises it.
void flush_warnings(bool strict) {
    for (const std::string& m : take_warnings())
        if (PyErr_WarnEx(g_warning.ptr(), m.c_str(), 1) != 0) {
            if (strict) throw py::error_already_set();
            PyErr_Clear();  // already failing: the first error wins
        }
}

// Runs `body` and then issues the warnings it caused, also when it fails (they often explain the failure).
template <class Body>
auto warning_scope(Body body) -> decltype(body()) {
    try {
        auto result = body();
        flush_warnings(true);
        return result;
    } catch (...) {
        flush_warnings(false);
        throw;
    }
}

kg::Error usage(const std::string& message) { return kg::Error(kg::ExitCode::usage, message); }

// Thrown when Python has a pending signal (Ctrl-C) during a build: the KeyboardInterrupt stays set and is
// raised once the GIL is back.
struct Interrupted {};

// Lets Ctrl-C stop a long build: called without the GIL for each document read, it takes the GIL to look
// for a signal at most every 100 ms, and only on Python's main thread (the only one signals reach), so a
// build on a background thread never waits for the GIL that the notebook's own thread holds.
class SignalCheck {
public:
    SignalCheck() : main_(py::module_::import("threading").attr("current_thread")().is(
                        py::module_::import("threading").attr("main_thread")())) {}
    void operator()() {
        if (!main_) return;
        const auto now = std::chrono::steady_clock::now();
        if (now < next_) return;
        next_ = now + std::chrono::milliseconds(100);
        py::gil_scoped_acquire gil;
        if (PyErr_CheckSignals() != 0) throw Interrupted{};
    }

private:
    bool main_;
    std::chrono::steady_clock::time_point next_{};
};

// --- conversions ---------------------------------------------------------------------------------------------

// A str as UTF-8; a lone surrogate (which UTF-8 cannot carry) is bad input named like the JSONL reader's.
std::string utf8(py::handle text, const std::string& where, const char* field) {
    Py_ssize_t size = 0;
    const char* data = PyUnicode_AsUTF8AndSize(text.ptr(), &size);
    if (!data) {
        PyErr_Clear();
        throw kg::Error(kg::ExitCode::bad_input, where + ": \"" + field + "\" is not valid UTF-8");
    }
    return std::string(data, static_cast<std::size_t>(size));
}

// A path argument (str, bytes or os.PathLike) as the bytes the file system takes.
std::string fs_path(py::handle path) {
    py::bytes encoded = py::module_::import("os").attr("fsencode")(path);
    return std::string(encoded);
}

bool is_path(py::handle item) {
    return py::isinstance<py::str>(item) || py::isinstance<py::bytes>(item) ||
           py::isinstance(item, py::module_::import("os").attr("PathLike"));
}

// Names given as one comma-separated string (as on the command line) or as a list of strings.
std::vector<std::string> name_list(py::handle names) {
    std::vector<std::string> out;
    if (names.is_none()) return out;
    auto add = [&out](const std::string& list) {  // as the tools split their lists
        for (std::string& item : kgcli::split_list(list)) out.push_back(std::move(item));
    };
    auto text = [](py::handle s) {
        if (!py::isinstance<py::str>(s)) throw py::type_error("expected a str or a list of str");
        return s.cast<std::string>();
    };
    if (py::isinstance<py::str>(names)) {
        add(text(names));
        return out;
    }
    for (py::handle item : names) add(text(item));
    return out;
}

std::vector<kg::EntityType> type_list(py::handle names) {
    std::vector<kg::EntityType> out;
    for (std::string t : name_list(names)) {
        for (char& c : t) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        auto type = kg::parse_entity_type(t);
        if (!type) throw usage("unknown entity type '" + t + "'");  // kg-query's message
        out.push_back(*type);
    }
    return out;
}

// A date bound (since=, until=): an ISO 8601 str, or a datetime.date or datetime.datetime (its isoformat(),
// so a datetime bounds by its time too); None is no bound.
std::optional<std::string> date_arg(py::handle value, const char* name) {
    if (value.is_none()) return std::nullopt;
    if (py::isinstance<py::str>(value)) return value.cast<std::string>();
    if (py::isinstance(value, py::module_::import("datetime").attr("date")))
        return value.attr("isoformat")().cast<std::string>();
    throw py::type_error(std::string(name) + ": expected an ISO 8601 str or a datetime.date, got " +
                         py::type::of(value).attr("__name__").cast<std::string>());
}

// libkg loads its lexicons once per process, at the first extraction, from the data directory in effect then
// (kg/lexicon.hpp), and keeps them: a later data= naming another directory could not apply, so it is refused
// rather than silently ignored. Unset until the first extraction; "" means the built-in files.
std::optional<std::string> g_lexicon_dir;

// Applies data= (None: the built-in lexicons) for an extraction about to start; the GIL is held.
void use_lexicons(py::handle data) {
    std::string dir;
    if (!data.is_none()) {
        const std::string given = fs_path(data);
        kgcli::check_data_dir(given, "data");  // kg-export --data's checks and messages
        std::error_code ec;
        dir = std::filesystem::canonical(given, ec).string();  // one spelling per directory; a later chdir is harmless
        if (ec) dir = given;
    }
    if (!g_lexicon_dir) {
        kg::set_data_dir(dir);
        g_lexicon_dir = dir;
        return;
    }
    if (*g_lexicon_dir == dir) return;
    auto named = [](const std::string& d) { return d.empty() ? std::string("the built-in files") : "'" + d + "'"; };
    throw usage("data " + (dir.empty() ? std::string("None") : "'" + dir + "'") +
                ": this process already loaded its lexicons from " + named(*g_lexicon_dir) +
                ", and libkg loads them once; give the same data to every kg.build(), Graph.add() and kg.extract() "
                "of a process (use a new process for other lexicons)");
}

py::object json_loads(const std::string& text) {
    return py::module_::import("json").attr("loads")(py::bytes(text));
}

// Code point index of each UTF-8 byte offset of one text: a checkpoint every 256 bytes, counted from there.
class CodePoints {
public:
    CodePoints(const std::string& text, bool ascii) : text_(text), ascii_(ascii) {
        if (ascii_) return;
        std::size_t count = 0;
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (i % kStep == 0) checkpoints_.push_back(count);
            count += lead(text[i]);
        }
    }
    std::size_t operator()(std::size_t byte) const {
        if (ascii_ || byte == 0) return byte;
        if (byte > text_.size()) byte = text_.size();
        const std::size_t k = (byte - 1) / kStep;  // the checkpoint at or before `byte`, which may equal size()
        std::size_t count = checkpoints_[k];
        for (std::size_t i = k * kStep; i < byte; ++i) count += lead(text_[i]);
        return count;
    }

private:
    static constexpr std::size_t kStep = 256;
    static std::size_t lead(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0; }
    const std::string& text_;
    bool ascii_;
    std::vector<std::size_t> checkpoints_;
};

py::dict span(const kg::Span& s, const CodePoints& cp) {
    py::dict d;
    d["start"] = cp(s.start);
    d["end"] = cp(s.end);
    d["text"] = s.text;
    return d;
}

// --- documents -----------------------------------------------------------------------------------------------

// A dict {"id", "text", "title", "date", "publisher", "url", "source"} as a Document, by the rules of a JSONL
// line (kg::parse_jsonl_document): id and text required, other fields optional strings (None is absent),
// unknown keys ignored, a date in ISO 8601, the text capped at kg::limits::max_document_bytes. `where`
// ("docs[3]") names the dict in messages, and is its source unless it gives one.
kg::Document dict_document(py::handle item, const std::string& where) {
    auto field = [&](const char* key, bool required) -> std::string {
        py::object value = item.attr("get")(key);
        if (value.is_none()) {
            if (required) throw kg::Error(kg::ExitCode::bad_input, where + ": no \"" + key + "\" string");
            return {};
        }
        if (!py::isinstance<py::str>(value))
            throw kg::Error(kg::ExitCode::bad_input, where + ": \"" + key + "\" is not a string");
        return utf8(value, where, key);
    };
    kg::Document doc;
    doc.id = field("id", true);
    if (doc.id.empty()) throw kg::Error(kg::ExitCode::bad_input, where + ": empty \"id\"");
    doc.text = field("text", true);
    const std::size_t size = doc.text.size();
    if (kg::truncate_text(doc.text, kg::limits::max_document_bytes))
        kg::warn(where + ": " + std::to_string(size) + " bytes of text; only the first " +
                 std::to_string(doc.text.size()) + " are read (kg::limits::max_document_bytes)");
    doc.title = field("title", false);
    doc.date = field("date", false);
    if (!doc.date.empty() && !kg::is_iso_date(doc.date))
        throw kg::Error(kg::ExitCode::bad_input, where + ": \"date\" '" + doc.date + "' is not ISO 8601 (YYYY-MM-DD)");
    doc.publisher = field("publisher", false);
    doc.url = field("url", false);
    doc.source = field("source", false);
    // Like a JSONL line's "FILE:LINE": where the document came from, which libkg's warnings name.
    if (doc.source.empty()) doc.source = where;
    return doc;
}

py::dict document_dict(const kg::Document& d) {
    py::dict out;
    out["id"] = d.id;
    out["text"] = d.text;
    for (const auto& [key, value] : {std::pair<const char*, const std::string*>{"title", &d.title},
                                     {"date", &d.date}, {"publisher", &d.publisher}, {"url", &d.url}})
        if (!value->empty()) out[key] = *value;
    out["source"] = d.source;
    return out;
}


// --- the graph -----------------------------------------------------------------------------------------------

// A built or read graph, with the extraction section kg-export would save with it (when it is whole).
struct PyGraph {
    kg::KnowledgeGraph graph;
    std::optional<std::vector<std::string>> extraction_lines;
    std::string origin = "kg.Graph";  // names the graph in Graph.add()'s messages: its file, or what made it
    std::string generator;            // the libkg that extracted a graph read from a file; empty when unknown

    // The node-link JSON without the extraction section, written without the GIL.
    std::string json() const {
        py::gil_scoped_release release;
        std::ostringstream out;
        kg::write_json(graph, out);
        return out.str();
    }

    std::string repr() const {
        return "<kg.Graph: " + std::to_string(graph.num_entities()) + " entities, " +
               std::to_string(graph.num_relations()) + " relations, " + std::to_string(graph.documents().size()) +
               " documents>";
    }
};

// kg.build()'s and Graph.add()'s arguments after the inputs.
struct BuildArgs {
    int threads = 0;
    bool keep_duplicates = false;
    bool skip_bad = false;
    std::optional<std::string> input_format;
    py::object since = py::none(), until = py::none(), data = py::none();
};

// The documents a graph was merged from, as kg-export --graph FILE reads them from its extraction section:
// the graph is saved with that section and read back, the one reader of it (its checks, its rebuilding of
// each document's info from the graph's). Runs without the GIL.
std::vector<kg::ExtractedDocument> saved_documents(const PyGraph& g) {
    std::string json;
    {
        std::ostringstream out;
        kg::WriteOptions options;
        options.extraction_lines = &*g.extraction_lines;
        kg::write_json(g.graph, out, options);
        json = out.str();
    }
    kg::SavedGraph saved = kg::parse_saved_json(json, g.origin);
    return std::move(*saved.extraction);
}

// kg.build(), and Graph.add() when `earlier` is given: its documents go into the builder first, as kg-export
// --graph FILE INPUT... adds FILE's, so the graph is that of one run over all the documents.
PyGraph build(py::object docs_or_paths, const BuildArgs& args, const PyGraph* earlier) {
    if (args.threads < 0) throw usage("threads must be 0 (all cores) or more");
    kg::ReadOptions read;
    if (args.input_format) {
        auto f = kg::parse_input_format(*args.input_format);
        if (!f) throw usage("unknown input format '" + *args.input_format + "' (text, jsonl, triples)");
        read.format = *f;
    }
    // As kg-export: the dates are checked before any work and applied to the merged graph; the extraction
    // section then stays behind (it would describe documents the graph no longer holds).
    const kg::ViewOptions dates =
        kgcli::date_bounds(date_arg(args.since, "since"), date_arg(args.until, "until"), "");
    const bool whole = dates.since.empty() && dates.until.empty();
    if (earlier) kgcli::check_addable(earlier->origin, earlier->extraction_lines.has_value(), earlier->generator);
    use_lexicons(args.data);
    // As kg-export --skip-bad: each skipped input is reported, and their number at the end.
    std::size_t skipped = 0;
    read.skip_bad = args.skip_bad;
    read.on_skip = [](const kg::Error& e) { queue_warning("skipped: " + std::string(e.what())); };
    kg::BuildOptions options;
    options.threads = static_cast<unsigned>(args.threads);
    options.keep_duplicates = args.keep_duplicates;
    options.skip_bad = args.skip_bad;
    options.on_skip = [&](const kg::Error& e) {
        ++skipped;
        read.on_skip(e);
    };

    // One path or document alone is a list of one: a str is never iterated character by character.
    const py::object mapping = py::module_::import("collections.abc").attr("Mapping");
    if (is_path(docs_or_paths) || py::isinstance(docs_or_paths, mapping)) docs_or_paths = py::make_tuple(docs_or_paths);

    PyGraph out;
    SignalCheck check_signals;
    try {
        kg::GraphBuilder builder(options);
        if (earlier) {
            py::gil_scoped_release release;
            for (kg::ExtractedDocument& d : saved_documents(*earlier)) builder.add(std::move(d));
        }
        // Documents given as dicts stream into the builder as they come (a generator is never held whole);
        // paths are read in one call at the end, as kg-export reads its INPUTs.
        std::vector<std::string> paths;
        std::size_t index = 0;
        for (py::handle item : docs_or_paths) {
            const std::string where = "docs[" + std::to_string(index++) + "]";
            if (is_path(item)) {
                paths.push_back(fs_path(item));
                continue;
            }
            if (!py::isinstance(item, mapping))
                throw py::type_error(where + ": expected a path (str or os.PathLike) or a dict {\"id\", \"text\", ...}, got " +
                                     py::type::of(item).attr("__name__").cast<std::string>());
            if (read.format == kg::InputFormat::triples)
                throw usage(where + ": input_format='triples' reads record files, not documents");
            kg::Document doc;
            try {
                doc = dict_document(item, where);
            } catch (const kg::Error& e) {
                if (!args.skip_bad) throw;
                options.on_skip(e);
                continue;
            }
            py::gil_scoped_release release;
            builder.add(std::move(doc));
        }
        if (read.format == kg::InputFormat::triples && paths.empty())
            throw usage("input_format='triples' needs record files (or '-' for stdin)");
        py::gil_scoped_release release;
        if (read.format == kg::InputFormat::triples) {
            skipped += kg::read_records(paths, read, builder);
        } else if (!paths.empty()) {
            std::size_t documents = 0;
            const std::size_t bad = kg::read_documents(paths, read, [&](kg::Document&& d) {
                check_signals();
                ++documents;
                builder.add(std::move(d));
            });
            skipped += bad;
            // As kg-export: inputs that give no document are bad input, unless one is standard input.
            if (documents == 0 && std::find(paths.begin(), paths.end(), "-") == paths.end())
                throw kgcli::no_documents(paths, read.format, bad);
        }
        std::vector<std::string> lines;
        std::function<void(const kg::ExtractedDocument&)> keep;
        if (whole) keep = [&lines](const kg::ExtractedDocument& d) { lines.push_back(kg::extraction_line(d)); };
        out.graph = kgcli::apply_dates(builder.finish(keep), dates, "");
        if (whole) out.extraction_lines = std::move(lines);
        else out.origin = "a graph built with since/until";
    } catch (const Interrupted&) {
        throw py::error_already_set();  // the KeyboardInterrupt PyErr_CheckSignals left set
    }
    if (skipped > 0)
        queue_warning(std::to_string(skipped) + (skipped == 1 ? " bad input" : " bad inputs") + " skipped");
    return out;
}

// Graph.view(): kg-export's view options, checked and applied as the tool does (kgcli::view_args, view_options).
PyGraph view(const PyGraph& self, py::handle types, py::handle predicates, std::optional<double> min_weight,
             const std::optional<std::string>& ego, int depth, std::optional<int> top) {
    kgcli::ViewValues values;
    if (!types.is_none()) values.types = name_list(types);
    if (!predicates.is_none()) values.predicates = name_list(predicates);
    values.min_weight = min_weight;
    values.ego = ego;
    if (ego || depth != 1) values.depth = depth;  // depth=1 is the default, which goes without ego too
    values.top = top;
    const kgcli::ViewArgs args = kgcli::view_args(values, "");
    const kg::ViewOptions options = kgcli::view_options(self.graph, args);
    PyGraph out;
    py::gil_scoped_release release;
    out.graph = kg::make_view(self.graph, options);
    if (args.any) {
        out.origin = "a view (Graph.view())";
    } else {  // no view: the whole graph, which kg-export saves with its extraction section
        out.extraction_lines = self.extraction_lines;
        out.origin = self.origin;
        out.generator = self.generator;
    }
    return out;
}

PyGraph read(py::object path) {
    const std::string p = fs_path(path);
    py::gil_scoped_release release;
    PyGraph out;
    std::vector<std::string> lines;
    const kg::SavedDocuments saved =
        kg::read_saved_documents(p, [&lines](kg::ExtractedDocument&& d) { lines.push_back(kg::extraction_line(d)); },
                                 &out.graph);
    if (saved.has_extraction) out.extraction_lines = std::move(lines);
    out.origin = p == "-" ? "standard input" : p;  // as kg-export --graph names it
    out.generator = saved.generator;
    return out;
}

void write(const PyGraph& self, py::object path, const std::string& format_name, const std::string& links_key,
           bool extraction, bool show_negated, long long max_nodes, bool keep_isolated) {
    auto format = kg::parse_format(format_name);
    if (!format)
        throw usage("unknown format '" + format_name + "' (graphml, yed, gexf, json, cytoscape, dot, csv, html)");
    if (links_key != "edges" && links_key != "links") throw usage("links_key is 'edges' or 'links'");
    // As kg-export --show-negated: data formats keep every relation with its counts; only pictures choose.
    if (show_negated && *format != kg::Format::dot && *format != kg::Format::yed && *format != kg::Format::html)
        throw usage("show_negated goes with pictures (dot, yed, html): " + std::string(kg::to_string(*format)) +
                    " keeps every relation, with its negated count");
    // As kg-export --max-nodes and --keep-isolated: what a DOT drawing holds.
    if ((max_nodes != 200 || keep_isolated) && *format != kg::Format::dot)
        throw usage("max_nodes and keep_isolated go with dot only");
    if (max_nodes < 0) throw usage("max_nodes is 0 (no limit) or more");
    const std::string p = fs_path(path);
    if (*format == kg::Format::csv && p == "-")
        throw usage("csv writes nodes.csv and relationships.csv: give a directory");
    kg::WriteOptions options;
    options.links_key = links_key;
    options.show_negated = show_negated;
    options.dot_max_nodes = static_cast<std::size_t>(max_nodes);
    options.keep_isolated = keep_isolated;
    if (extraction && self.extraction_lines) options.extraction_lines = &*self.extraction_lines;
    py::gil_scoped_release release;
    kg::write_file(self.graph, *format, p, options);
}

py::object extract(py::str text, const std::string& id, py::handle data) {
    if (id.empty()) throw kg::Error(kg::ExitCode::bad_input, "empty \"id\"");
    use_lexicons(data);
    kg::Document doc;
    doc.id = id;  // no source: libkg's warnings then name the id
    doc.text = utf8(text, id, "text");
    const bool ascii = PyUnicode_IS_ASCII(text.ptr());
    kg::DocExtraction x;
    {
        py::gil_scoped_release release;
        const std::size_t size = doc.text.size();
        if (kg::truncate_text(doc.text, kg::limits::max_document_bytes))
            kg::warn(id + ": " + std::to_string(size) + " bytes of text; only the first " +
                     std::to_string(doc.text.size()) + " are read (kg::limits::max_document_bytes)");
        // Lexicons load once (a few hundred ms); the extractor is stateless between documents, so one serves
        // every call and every thread.
        static const kg::Extractor extractor;
        x = extractor(doc);
    }
    const CodePoints cp(doc.text, ascii);
    py::list entities;
    for (const kg::DocEntity& e : x.entities) {
        py::dict d;
        d["name"] = e.name;
        d["type"] = std::string(kg::to_string(e.type));
        d["type_confidence"] = e.type_confidence;
        py::list aliases;
        for (const std::string& a : e.aliases) aliases.append(a);
        d["aliases"] = aliases;
        py::list mentions;
        for (const kg::Mention& m : e.mentions) mentions.append(span(m, cp));
        d["mentions"] = mentions;
        entities.append(d);
    }
    py::list relations;
    for (const kg::DocRelation& r : x.relations) {
        py::dict d;
        d["subject"] = x.entities[r.subject].name;
        d["predicate"] = r.predicate;
        d["object"] = x.entities[r.object].name;
        d["subject_index"] = r.subject;
        d["object_index"] = r.object;
        d["confidence"] = r.confidence;
        py::dict ev = span(r.evidence, cp);
        ev["modality"] = r.evidence.modality;
        ev["negated"] = r.evidence.negated;
        ev["former"] = r.evidence.former;
        d["evidence"] = ev;
        relations.append(d);
    }
    py::dict out;
    out["id"] = id;
    out["entities"] = entities;
    out["relations"] = relations;
    return out;
}

// --- queries: kg-query's commands ---------------------------------------------------------------------------

kg::PathOptions path_options(const kg::KnowledgeGraph& graph, kg::Vertex a, kg::Vertex b, bool directed,
                             bool weighted, py::handle via_types, py::handle avoid, bool include_negated) {
    kg::PathOptions o;
    o.directed = directed;
    o.weighted = weighted;
    o.include_negated = include_negated;
    o.via_types = type_list(via_types);
    for (const std::string& name : name_list(avoid)) {
        const kg::Vertex v = kg::resolve_entity(graph, name);
        if (v == a || v == b) throw usage("avoid names an end of the path: '" + name + "'");
        o.avoid.push_back(v);
    }
    return o;
}

std::string no_path(const kg::KnowledgeGraph& graph, kg::Vertex a, kg::Vertex b) {
    const kg::Graph& g = graph.graph();
    return "no path between '" + g[a].label + "' and '" + g[b].label + "'";
}

py::object path(const PyGraph& self, const std::string& from, const std::string& to, bool directed, bool weighted,
                py::handle via_types, py::handle avoid, bool include_negated) {
    const kg::KnowledgeGraph& graph = self.graph;
    const kg::Vertex a = kg::resolve_entity(graph, from), b = kg::resolve_entity(graph, to);
    const kg::PathOptions o = path_options(graph, a, b, directed, weighted, via_types, avoid, include_negated);
    std::string rendered;
    {
        py::gil_scoped_release release;
        auto found = kg::shortest_path(graph, a, b, o);
        if (!found) throw kg::Error(kg::ExitCode::no_result, no_path(graph, a, b));
        rendered = kg::render_path(graph, a, b, found->steps, true);
    }
    return json_loads(rendered);
}

py::object paths(const PyGraph& self, const std::string& from, const std::string& to, std::optional<long> k,
                 bool all_shortest, bool directed, bool weighted, py::handle via_types, py::handle avoid,
                 bool include_negated) {
    if (k && *k < 1) throw usage("k must be 1 or more");
    const std::size_t limit = k ? static_cast<std::size_t>(*k) : all_shortest ? 10000 : 5;
    const kg::KnowledgeGraph& graph = self.graph;
    const kg::Vertex a = kg::resolve_entity(graph, from), b = kg::resolve_entity(graph, to);
    const kg::PathOptions o = path_options(graph, a, b, directed, weighted, via_types, avoid, include_negated);
    std::string rendered;
    {
        py::gil_scoped_release release;
        auto found = all_shortest ? kg::all_shortest_paths(graph, a, b, o, limit) : kg::k_shortest_paths(graph, a, b, limit, o);
        if (found.empty()) throw kg::Error(kg::ExitCode::no_result, no_path(graph, a, b));
        rendered = kg::render_paths(graph, a, b, found, true);
    }
    return json_loads(rendered);
}

py::object neighbors(const PyGraph& self, const std::string& name, int depth, py::handle predicates,
                     bool include_negated) {
    if (depth < 1) throw usage("depth must be 1 or more");
    const kg::KnowledgeGraph& graph = self.graph;
    const kg::Graph& g = graph.graph();
    const kg::Vertex v = kg::resolve_entity(graph, name);
    const std::vector<std::string> preds = name_list(predicates);
    for (const std::string& p : preds) {
        bool known = kg::is_predicate(p);
        for (kg::Edge e : boost::make_iterator_range(boost::edges(g)))
            if (known || (known = g[e].predicate == p)) break;
        if (!known) throw usage(kgcli::unknown_predicate(p));
    }
    std::string rendered;
    {
        py::gil_scoped_release release;
        const auto hops = static_cast<std::size_t>(depth);
        rendered = depth == 1
                       ? kg::render_neighbors(graph, v, kg::neighbors(graph, v, preds, include_negated), true)
                       : kg::render_neighborhood(graph, v, kg::neighborhood(graph, v, hops, preds, include_negated), true);
    }
    return json_loads(rendered);
}

py::object centrality(const PyGraph& self, const std::string& name, int top, py::handle types, bool weighted,
                      int sample, std::optional<std::uint64_t> seed, int threads, bool include_negated) {
    auto m = kg::parse_measure(name);
    if (!m)
        throw usage("unknown measure '" + name +
                    "' (degree, in, out, weighted-degree, betweenness, closeness, harmonic, pagerank, eigenvector)");
    kg::Measure measure = *m;
    if (top < 0) throw usage("top must be 0 or more");
    kg::CentralityOptions o;
    if (weighted) {
        if (measure == kg::Measure::degree) measure = kg::Measure::weighted_degree;
        else if (measure != kg::Measure::pagerank && measure != kg::Measure::weighted_degree)
            throw usage("weighted goes with measure pagerank or degree only");
        o.weighted = true;
    }
    if ((sample != 0 || seed) && measure != kg::Measure::betweenness)
        throw usage("sample and seed go with measure betweenness only");
    if (sample < 0) throw usage("sample must be 1 or more");
    if (threads < 0) throw usage("threads must be 0 (all cores) or more");
    o.sample = static_cast<std::size_t>(sample);
    if (seed) o.seed = *seed;
    o.threads = static_cast<unsigned>(threads);
    o.include_negated = include_negated;
    const std::vector<kg::EntityType> rank_types = type_list(types);
    std::string rendered;
    {
        py::gil_scoped_release release;
        const std::vector<double> scores = kg::centrality(self.graph, measure, o);
        const std::size_t n = top == 0 ? scores.size() : static_cast<std::size_t>(top);
        rendered = kg::render_centrality(self.graph, kg::top_n(self.graph, scores, n, rank_types),
                                         kg::to_string(measure), true);
    }
    return json_loads(rendered);
}

py::object components(const PyGraph& self, int top, bool include_negated) {
    if (top < 0) throw usage("top must be 0 or more");
    std::string rendered;
    {
        py::gil_scoped_release release;
        rendered = kg::render_partition(self.graph, kg::weak_components(self.graph, include_negated), "component",
                                        static_cast<std::size_t>(top), std::nan(""), true);
    }
    return json_loads(rendered);
}

py::object communities(const PyGraph& self, int top, bool weighted, bool include_negated) {
    if (top < 0) throw usage("top must be 0 or more");
    std::string rendered;
    {
        py::gil_scoped_release release;
        kg::CommunityOptions o;
        o.weighted = weighted;
        o.include_negated = include_negated;
        const kg::Communities c = kg::louvain_communities(self.graph, o);
        rendered = kg::render_partition(self.graph, c.partition, "community", static_cast<std::size_t>(top),
                                        c.modularity, true);
    }
    return json_loads(rendered);
}

py::object to_networkx(const PyGraph& self) {
    py::module_ nx;
    try {
        nx = py::module_::import("networkx");
    } catch (py::error_already_set& e) {
        if (!e.matches(PyExc_ImportError)) throw;
        throw py::import_error("Graph.to_networkx() needs NetworkX (Debian: apt-get install python3-networkx)");
    }
    py::dict data = json_loads(self.json());
    // As networkx.node_link_graph reads the JSON export: graph attributes from "graph", node attributes
    // without "id", edge attributes without "source", "target" and "key" (the key becomes the edge key).
    py::object g = nx.attr("MultiDiGraph")();
    g.attr("graph").attr("update")(data["graph"]);
    py::list nodes;
    for (py::handle node : data["nodes"]) {
        py::object id = node.attr("pop")("id");
        nodes.append(py::make_tuple(id, node));
    }
    g.attr("add_nodes_from")(nodes);
    py::list edges;
    for (py::handle edge : data["edges"]) {
        py::object source = edge.attr("pop")("source"), target = edge.attr("pop")("target");
        py::object key = edge.attr("pop")("key");
        edges.append(py::make_tuple(source, target, key, edge));
    }
    g.attr("add_edges_from")(edges);
    return g;
}

constexpr const char* kErrorClass = R"PY(
class Error(Exception):
    """An error of libkg, with the message and exit code kg-export and kg-query would give.

    ``str(e)`` is the message the tools print after ``kg-export:`` (it names the file, line or entity).
    ``e.exit_code`` is the tools' exit code: 1 no result (no path, unknown or ambiguous entity),
    2 usage (a bad argument), 3 bad input (an unreadable or malformed file or document), 4 output.
    """

    def __init__(self, message, exit_code=3):
        super().__init__(message)
        self.exit_code = exit_code

    def __reduce__(self):
        return (type(self), (str(self), self.exit_code))


class KGWarning(UserWarning):
    """A warning of libkg: a document cut at the size limit, a bad input skipped (skip_bad=True), ..."""
)PY";

}  // namespace

PYBIND11_MODULE(kg, m) {
    m.doc() = R"(libkg for Python: English news articles in, a knowledge graph of entities and relations out.

    >>> import kg
    >>> g = kg.build(["articles/"])            # files, directories, *.jsonl; or dicts {"id", "text", ...}
    >>> g.path("Li Qiang", "Global South")     # as `kg-query path --json`
    >>> nxg = g.to_networkx()                  # a networkx.MultiDiGraph with the JSON export's attributes
    >>> g.view(ego="Li Qiang", depth=2)         # as kg-export --ego "Li Qiang" --depth 2
    >>> g2 = g.add(["new-articles/"])           # as kg-export --graph g.json new-articles/

Functions: extract (one text), build (a corpus), read (a saved graph), sample (the built-in articles).
A Graph answers kg-query's questions (path, paths, neighbors, centrality, components, communities, stats),
lists its nodes, edges and documents with the attributes of the JSON export, converts to NetworkX and
writes every format of kg-export. Graph.view() takes kg-export's view options; kg.build(since=, until=,
data=) its date filters and lexicon directory; Graph.add() adds documents as `kg-export --graph FILE
INPUT...` does. Failures raise kg.Error with the tools' message and exit code; libkg's warnings are
kg.KGWarning. Long work releases the GIL.)";
    m.attr("__version__") = kg::version();

    py::dict scope = m.attr("__dict__");
    scope["__builtins__"] = py::module_::import("builtins");
    py::exec(kErrorClass, scope);
    g_error = py::object(m.attr("Error")).release();
    g_warning = py::object(m.attr("KGWarning")).release();
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const kg::Error& e) {
            py::object error = g_error(e.what(), static_cast<int>(e.code()));
            PyErr_SetObject(g_error.ptr(), error.ptr());
        }
    });
    kg::set_warning_handler(queue_warning);

    // Declared before the functions, so that their signatures name kg.Graph.
    py::class_<PyGraph> graph(m, "Graph", R"(A knowledge graph: entities (nodes) and relations (edges) with their evidence.

Made by kg.build() or kg.read(); immutable: g.view() (a subgraph) and g.add() (more documents) return new
graphs. len(g) is the number of entities. Entities are named as on
kg-query's command line: a label or an alias (case-insensitive) or a node id ("li-qiang"); an unknown or
ambiguous name raises kg.Error (exit_code 1) listing the closest labels or the candidates.)");

    m.def("extract",
          [](py::str text, const std::string& id, py::object data) {
              return warning_scope([&] { return extract(text, id, data); });
          },
          py::arg("text"), py::arg("id") = "doc", py::kw_only(), py::arg("data") = py::none(),
          R"(Extracts the entities and relations of one text, as the graph builder does for each document.

Returns {"id", "entities": [{"name", "type", "type_confidence", "aliases", "mentions": [{"start", "end",
"text"}]}], "relations": [{"subject", "predicate", "object", "subject_index", "object_index", "confidence",
"evidence": {"start", "end", "text", "modality", "negated", "former"}}]}. Offsets are code points, so
text[start:end] == span["text"]; subject_index and object_index index "entities". modality is "" when the
sentence asserts the relation ("expected", "possible"... when it hedges it); negated: the sentence denies
it; former: the relation held but has ended. data: a lexicon directory, as for build(). Runs without the GIL.)");

    m.def("build",
          [](py::object docs_or_paths, int threads, bool keep_duplicates, bool skip_bad,
             const std::optional<std::string>& input_format, py::object since, py::object until, py::object data) {
              const BuildArgs args{threads, keep_duplicates, skip_bad, input_format, since, until, data};
              return warning_scope([&] { return build(docs_or_paths, args, nullptr); });
          },
          py::arg("docs_or_paths"), py::arg("threads") = 0, py::kw_only(), py::arg("keep_duplicates") = false,
          py::arg("skip_bad") = false, py::arg("input_format") = py::none(), py::arg("since") = py::none(),
          py::arg("until") = py::none(), py::arg("data") = py::none(),
          R"(Builds the knowledge graph of a corpus, as kg-export does; returns a kg.Graph.

docs_or_paths: an iterable (a generator streams) of
  - paths (str, bytes or os.PathLike): files or directories as kg-export's INPUTs: *.txt articles, *.jsonl
    lines {"id", "text", "title", "date", "publisher", "url"}, directories searched recursively; "-" is
    standard input. A str is always a path: give texts as dicts;
  - dicts {"id": str, "text": str, and optional "title", "date" (ISO 8601), "publisher", "url", "source"},
    read by the rules of a JSONL line (kg.sample() returns such dicts); "source" defaults to the dict's
    place, "docs[N]", which messages name;
or one path or dict alone.
threads: extraction threads, 0 = one per core; the graph is the same for any number.
keep_duplicates: count near-duplicate articles (wire copies) separately (kg-export --keep-duplicates).
skip_bad: skip a bad file, line or dict with a kg.KGWarning instead of raising (kg-export --skip-bad).
input_format: None (by extension), "text", "jsonl" or "triples" (kg-export --input-format).
since, until: keep only the evidence and mentions of documents dated in range (kg-export --since, --until):
  ISO 8601 strings ("2024", "2024-07", "2024-07-26"; a document's date is cut to the bound's length, so a
  month takes in all its days) or datetime.date / datetime.datetime objects (their isoformat()). Undated
  documents go; a kg.KGWarning gives the counts when some had no date or none was kept. Such a graph has no
  extraction section, so Graph.add() refuses it.
data: a directory of lexicon files (kg-export --data DIR): a file there of the same name as one in libkg's
  data/ adds its rows to the built-in one (gazetteer.tsv, not_entities.txt, merges.tsv...). libkg loads its
  lexicons once per process, at the first extraction, so every build(), Graph.add() and extract() of a
  process must give the same data (None: the built-in files); another raises kg.Error (exit_code 2).

Documents are merged in id order, so the graph (and what Graph.write saves) is kg-export's on the same
input, byte for byte. Extraction runs without the GIL; Ctrl-C stops it between documents. Raises kg.Error:
exit_code 3 for bad input (an unknown path, invalid UTF-8, a repeated id, inputs with no document...),
exit_code 2 for a bad argument (a date that is not ISO 8601, a data directory that does not exist).)");

    m.def("read", [](py::object path) { return warning_scope([&] { return read(path); }); }, py::arg("path"),
          R"(Reads a saved graph (kg-export --json or --graphml, or NetworkX and igraph node-link JSON or GraphML).

As `kg-query --graph PATH`. A file kg-export wrote with its extraction section keeps it: Graph.write(...,
"json") then writes the file again byte for byte. Raises kg.Error (exit_code 3) naming the file, line and
column of what is wrong.)");

    m.def("sample", [] {
              py::list out;
              for (const kg::Document& d : kg::sample_documents()) out.append(document_dict(d));
              return out;
          },
          R"(The built-in sample (five news articles on AI in China) as dicts {"id", "text", "source"} for build().

kg.build(kg.sample()) is the graph kg-export builds when given no input.)");

    graph
        .def("__len__", [](const PyGraph& g) { return g.graph.num_entities(); })
        .def("__repr__", &PyGraph::repr)
        .def_property_readonly("num_entities", [](const PyGraph& g) { return g.graph.num_entities(); },
                               "Number of entities (nodes).")
        .def_property_readonly("num_relations", [](const PyGraph& g) { return g.graph.num_relations(); },
                               "Number of relations (edges): one per (subject, predicate, object).")
        .def("nodes", [](const PyGraph& g) { return py::object(json_loads(g.json())["nodes"]); },
             R"(The entities as dicts, with the attributes of the JSON export (kg-export --json), in its order.

{"id", "label", "type", "aliases", "frequency", "mentions": [{"doc", "start", "end", "text"}], "salience":
[{"doc", "first", "count"}], "joins": [{"alias", "doc", "confidence"}]}. As in the export, start and end
are UTF-8 byte offsets into the document's text and cp_start, cp_end code points: text[cp_start:cp_end] is
the mention (they are absent for a graph read from a file without them).)")
        .def("edges", [](const PyGraph& g) { return py::object(json_loads(g.json())["edges"]); },
             R"(The relations as dicts, with the attributes of the JSON export, in its order.

{"id", "source", "target", "key", "predicate", "weight", "confidence", "evidence": [{"doc", "start", "end",
"text"} plus "modality", "negated", "former" when the sentence hedges, denies or dates the relation]}.
source and target are node ids; weight counts the asserted evidence sentences; start and end are UTF-8
bytes, cp_start and cp_end code points (when known), as in the export.)")
        .def("documents", [](const PyGraph& g) { return py::object(json_loads(g.json())["graph"]["documents"]); },
             R"(The documents of the graph, in id order: {"id", "source", "bytes"} plus "title", "date", "publisher",
"url" when known and "duplicate_of" for a near-copy of an earlier document.)")
        .def("to_networkx", [](const PyGraph& g) { return to_networkx(g); },
             R"(A networkx.MultiDiGraph equal to what networkx.node_link_graph reads from kg-export --json.

Nodes are keyed by id with the other node attributes; edges by (source, target, key) with the other edge
attributes; g.graph holds "documents" and "generator". Needs NetworkX.)")
        .def("path",
             [](const PyGraph& g, const std::string& a, const std::string& b, bool directed, bool weighted,
                py::object via_types, py::object avoid, bool include_negated) {
                 return warning_scope([&] { return path(g, a, b, directed, weighted, via_types, avoid, include_negated); });
             },
             py::arg("a"), py::arg("b"), py::kw_only(), py::arg("directed") = false, py::arg("weighted") = false,
             py::arg("via_types") = py::none(), py::arg("avoid") = py::none(), py::arg("include_negated") = false,
             R"(The shortest chain of relations from a to b, as `kg-query path A B --json` prints it.

{"from", "to", "from_id", "to_id", "length", "hops": [{"source", "target", "source_id", "target_id", "edge",
"predicate", "direction": "forward"|"backward", "weight", "evidence": {"doc", "start", "end", "text"} or
None}]}. Direction is ignored unless directed; weighted minimizes 1 / (max(weight, 1) * confidence) per
hop. via_types (e.g. ["COUNTRY", "ORGANIZATION"]) restricts the inner entities' types; avoid names
entities not to pass through; include_negated also walks relations the articles only deny (as every query
below). No path raises kg.Error (exit_code 1).)")
        .def("paths",
             [](const PyGraph& g, const std::string& a, const std::string& b, std::optional<long> k, bool all_shortest,
                bool directed, bool weighted, py::object via_types, py::object avoid, bool include_negated) {
                 return warning_scope(
                     [&] { return paths(g, a, b, k, all_shortest, directed, weighted, via_types, avoid, include_negated); });
             },
             py::arg("a"), py::arg("b"), py::arg("k") = py::none(), py::kw_only(), py::arg("all_shortest") = false,
             py::arg("directed") = false, py::arg("weighted") = false, py::arg("via_types") = py::none(),
             py::arg("avoid") = py::none(), py::arg("include_negated") = false,
             R"(The k shortest loop-free paths (default 5), or with all_shortest every path of minimal cost (at most
k), as `kg-query paths A B --json`: {"from", "to", "from_id", "to_id", "paths": [{"length", "cost", "hops"}]}.
Options as for path().)")
        .def("neighbors",
             [](const PyGraph& g, const std::string& name, int depth, py::object predicates, bool include_negated) {
                 return warning_scope([&] { return neighbors(g, name, depth, predicates, include_negated); });
             },
             py::arg("name"), py::arg("depth") = 1, py::kw_only(), py::arg("predicates") = py::none(),
             py::arg("include_negated") = false,
             R"(The relations of an entity, as `kg-query neighbors NAME --json`.

depth 1: {"entity": {"id", "label", "type"}, "neighbors": [{"id", "label", "type", "edge", "predicate",
"direction": "out"|"in", "weight"}]}; depth N > 1: {"entity", "reached": [{"id", "label", "type", "depth",
"from_id", "edge", "predicate", "direction"}]}. predicates keeps only those predicates.)")
        .def("centrality",
             [](const PyGraph& g, const std::string& measure, int top, py::object types, bool weighted, int sample,
                std::optional<std::uint64_t> seed, int threads, bool include_negated) {
                 return warning_scope(
                     [&] { return centrality(g, measure, top, types, weighted, sample, seed, threads, include_negated); });
             },
             py::arg("measure") = "degree", py::arg("top") = 10, py::kw_only(), py::arg("types") = py::none(),
             py::arg("weighted") = false, py::arg("sample") = 0, py::arg("seed") = py::none(), py::arg("threads") = 0,
             py::arg("include_negated") = false,
             R"(The top entities by a centrality measure, as `kg-query centrality --json`.

measure: degree, in, out, weighted-degree, betweenness, closeness, harmonic, pagerank or eigenvector (each
on the graph the NetworkX function of the same name sees; README). top: how many (0 = all). types: rank
only these types. weighted: pagerank on summed edge weights, or weighted degree. sample, seed: estimate
betweenness from that many random pivots. threads: 0 = all cores; scores do not depend on it.
Returns {"measure", "results": [{"rank", "id", "label", "type", "score"}]}.)")
        .def("components",
             [](const PyGraph& g, int top, bool include_negated) {
                 return warning_scope([&] { return components(g, top, include_negated); });
             },
             py::arg("top") = 10, py::kw_only(), py::arg("include_negated") = false,
             R"(Weakly connected components, largest first, as `kg-query components --json`: {"count", "groups":
[{"rank", "size", "members": [{"id", "label", "type"}]}]}; top = 0 lists all.)")
        .def("communities",
             [](const PyGraph& g, int top, bool weighted, bool include_negated) {
                 return warning_scope([&] { return communities(g, top, weighted, include_negated); });
             },
             py::arg("top") = 10, py::kw_only(), py::arg("weighted") = false, py::arg("include_negated") = false,
             R"(Louvain communities, largest first, as `kg-query communities --json`: {"count", "modularity",
"groups": [...]}; top = 0 lists all; weighted uses summed edge weights.)")
        .def("view",
             [](const PyGraph& g, py::object types, py::object predicates, std::optional<double> min_weight,
                const std::optional<std::string>& ego, int depth, std::optional<int> top) {
                 return warning_scope([&] { return view(g, types, predicates, min_weight, ego, depth, top); });
             },
             py::arg("types") = py::none(), py::arg("predicates") = py::none(), py::arg("min_weight") = py::none(),
             py::arg("ego") = py::none(), py::arg("depth") = 1, py::arg("top") = py::none(),
             R"(A subgraph, as kg-export's view options select it; returns a new kg.Graph.

types: keep entities of these types (["PERSON", "COUNTRY"] or "PERSON,COUNTRY"; --types). predicates: keep
relations with these predicates (--predicates); min_weight: keep relations with at least that many
supporting sentences (--min-weight); entities left without a relation by either go. ego, depth: keep the
entity named ego and what lies within depth hops of it, edges taken either way (--ego, --depth; depth
needs ego). top: keep the N entities of highest degree (--top). They apply in that order (types,
predicates, min_weight; ego; top), each to what the previous kept, as in kg-export, and all documents stay:
g.view(...).write(path, fmt) writes kg-export --graph FILE --FMT --types ... 's bytes. A view has no
extraction section (it is part of the graph), so Graph.add() refuses it; g.view() with no option is the
whole graph. Raises kg.Error with kg-export's messages: exit_code 2 for an unknown type or predicate or a
bad number, 1 for an unknown or ambiguous ego.)")
        .def("add",
             [](const PyGraph& g, py::object docs_or_paths, int threads, bool keep_duplicates, bool skip_bad,
                const std::optional<std::string>& input_format, py::object since, py::object until, py::object data) {
                 const BuildArgs args{threads, keep_duplicates, skip_bad, input_format, since, until, data};
                 return warning_scope([&] { return build(docs_or_paths, args, &g); });
             },
             py::arg("docs_or_paths"), py::arg("threads") = 0, py::kw_only(), py::arg("keep_duplicates") = false,
             py::arg("skip_bad") = false, py::arg("input_format") = py::none(), py::arg("since") = py::none(),
             py::arg("until") = py::none(), py::arg("data") = py::none(),
             R"(This graph with more documents: a new kg.Graph, equal to kg.build() over the old and the new documents.

As `kg-export --graph FILE INPUT...`: the graph's documents, as extracted (its extraction section), merge
with the new ones as one run over all of them would (id order, near-duplicates either way, types reconciled
across both), so g.add(new).write(path, "json") writes the bytes of kg.build(old + new). The graph keeps
the extraction section when built by kg.build() or read by kg.read() from kg-export --json; a graph without
one (GraphML, foreign JSON, --no-extraction, a view, since/until) raises kg.Error (exit_code 3) with
kg-export's message; a new document with an id the graph has raises kg.Error (exit_code 3), or is skipped
with skip_bad. The arguments are kg.build()'s; keep_duplicates, since and until apply to the whole result,
and data must be the lexicons the graph was extracted with for the result to equal one run.)")
        .def("stats", [](const PyGraph& g) { return json_loads(kg::render_stats(kg::stats(g.graph), true)); },
             R"(Counts, as `kg-query stats --json`: documents, entities, relations, density, components, degree
distribution, entities by type, relations by predicate.)")
        .def("write",
             [](const PyGraph& g, py::object path, const std::string& format, const std::string& links_key,
                bool extraction, bool show_negated, long long max_nodes, bool keep_isolated) {
                 warning_scope([&] {
                     write(g, path, format, links_key, extraction, show_negated, max_nodes, keep_isolated);
                     return 0;
                 });
             },
             py::arg("path"), py::arg("format") = "graphml", py::kw_only(), py::arg("links_key") = "edges",
             py::arg("extraction") = true, py::arg("show_negated") = false, py::arg("max_nodes") = 200,
             py::arg("keep_isolated") = false,
             R"(Writes the graph as kg-export -o PATH --format FORMAT does, atomically (a failed write leaves no file).

format: graphml (default), yed, gexf, json, cytoscape, dot, html (an interactive map in one offline page),
or csv (PATH is then a directory that receives nodes.csv and relationships.csv). json: links_key "links"
for NetworkX <= 3.5 and D3; the extraction section that lets kg-export add articles later is written when
the graph has it (built, or read from a file with it) unless extraction=False. Pictures (dot, yed, html)
leave out relations the articles only deny unless show_negated. dot draws at most max_nodes entities (0: all),
those of highest degree, and leaves out entities without a drawn relation unless keep_isolated. Raises
kg.Error (exit_code 4) naming the path when it cannot write.)");
}
