// kg-export: build the graph of the given articles (or the built-in sample) and write it out.
#include "cli.hpp"

#include <kg/error.hpp>
#include <kg/export.hpp>
#include <kg/version.hpp>
#include <kg/view.hpp>

#include <iostream>

namespace po = boost::program_options;

int main(int argc, char** argv) {
    return kgcli::run_tool("kg-export", [&]() -> int {
        po::options_description visible("Options");
        visible.add_options()
            ("help,h", "show this help")
            ("version", "show the version")
            ("format,f", po::value<std::string>()->default_value("graphml"),
             "output format: graphml|yed|gexf|json|cytoscape|dot|csv|html, or triples: the per-document\n"
             "extraction records of a map step (one JSON line each; merge them with --input-format triples)")
            ("graphml", "same as --format graphml (Gephi, NetworkX, igraph)")
            ("yed", "same as --format yed (GraphML with yFiles shapes, colours and labels)")
            ("gexf", "same as --format gexf (Gephi: colours per type, sizes by degree)")
            ("json", "same as --format json (NetworkX node-link)")
            ("cytoscape", "same as --format cytoscape (Cytoscape.js elements)")
            ("dot", "same as --format dot (Graphviz: kg-export --dot | dot -Tsvg > graph.svg; a force layout of the "
                    "entities with relations, at most 200 of them: see --max-nodes, --keep-isolated)")
            ("csv", "same as --format csv (neo4j-admin import: nodes.csv, relationships.csv in -o DIR)")
            ("html", "same as --format html (an interactive map in one offline page: search, filters, evidence;\n"
                     "at most 5000 entities, those of highest degree)")
            ("links-key", po::value<std::string>(), "json: name of the edge list, edges (default) or links "
                                                    "(NetworkX <= 3.5 defaults, D3)")
            ("no-extraction", "json: leave out the per-document extraction section (a smaller file, but "
                              "--graph FILE INPUT... cannot add documents to it)")
            ("show-negated", "dot, yed, html: also draw relations whose every evidence sentence is negated "
                             "(dotted, grey); pictures leave them out, data formats always keep them with their counts")
            ("max-nodes", po::value<long long>()->value_name("N"),
             "dot: draw at most N entities, those with the most relations (default 200; 0: all); a note on stderr "
             "says what was left out")
            ("keep-isolated", "dot: also draw the entities without relations (left out by default)")
            ("output,o", po::value<std::string>()->default_value("-"),
             "write to PATH (atomically for regular files); '-' is stdout; a directory for csv");
        po::options_description views("Views (applied in this order: types, predicates, min-weight; ego; top)");
        views.add_options()
            ("types", po::value<std::string>(), "keep entities of these types (comma-separated: PERSON,COUNTRY)")
            ("predicates", po::value<std::string>(), "keep relations with these predicates (attends,sanctions)")
            ("min-weight", po::value<double>(), "keep relations with at least W supporting sentences")
            ("ego", po::value<std::string>(), "keep the entity NAME and its neighbourhood")
            ("depth", po::value<int>(), "hops around --ego, either direction (default 1)")
            ("top", po::value<int>(), "keep the N entities with the highest degree");
        visible.add(views);
        kgcli::add_common_options(visible, true);
        po::options_description hidden;
        hidden.add_options()("input", po::value<std::vector<std::string>>()->default_value({}, ""), "inputs");
        po::options_description all;
        all.add(visible).add(hidden);
        po::positional_options_description pos;
        pos.add("input", -1);
        po::variables_map vm;
        po::store(po::command_line_parser(argc, argv).options(all).positional(pos).run(), vm);
        po::notify(vm);

        if (vm.count("help")) {
            std::cout << "Usage: kg-export [OPTIONS] [INPUT...]\n"
                         "Extracts entities and relations from news articles and writes the knowledge graph.\n"
                         "INPUT is a .txt file, a .jsonl file (one {\"id\",\"text\",\"title\",\"date\",\"publisher\",\"url\"}\n"
                         "object per line), a directory (searched recursively for *.txt and *.jsonl) or '-' for\n"
                         "stdin; with no INPUT the built-in sample (five news articles) is used, but a standard\n"
                         "input that is a pipe or a file needs '-' (exit 2 without). Documents are streamed,\n"
                         "extracted on all cores (-j) and merged in bytewise id order.\n"
                         "--graph FILE with INPUTs adds the INPUTs to a graph saved by kg-export --json: the result is\n"
                         "byte for byte that of one run over the old and the new documents (id order, near-duplicates\n"
                         "either way, types reconciled across both), written in any format. The JSON keeps what this\n"
                         "needs in its \"extraction\" section; a file without one (written with a view, --since/--until\n"
                         "or --no-extraction; GraphML; foreign JSON) cannot be added to (exit 3). A new document with\n"
                         "an id the graph has is an error (exit 3), or skipped with --skip-bad.\n\n"
                      << visible
                      << "\nExamples:\n"
                         "  kg-export --graphml > news.graphml     # open in Gephi or yEd\n"
                         "  kg-export --json -o news.json articles/\n"
                         "  kg-export --dot --ego \"Li Qiang\" --depth 2 | dot -Tsvg > li-qiang.svg\n"
                         "  kg-export --graph news.json --gexf -o news.gexf   # convert a saved graph\n"
                         "  kg-export --graph news.json --json -o news2.json new-articles/   # add documents\n"
                         "  kg-export --csv -o neo4j/ articles/\n"
                         "  kg-export --html -o map.html articles/              # open map.html in a browser\n"
                         "  kg-export -j 8 --skip-bad --json -o news.json archive.jsonl\n"
                         "  kg-export --format triples part1/ > part1.records      # map\n"
                         "  kg-export --input-format triples --json part*.records  # reduce\n"
                         "\nExit codes: 0 ok, 1 unknown or ambiguous --ego, 2 usage error, 3 bad input, 4 output error.\n";
            return 0;
        }
        if (vm.count("version")) {
            std::cout << "kg-export " << kg::version() << "\n";
            return 0;
        }
        std::string format_name = vm["format"].as<std::string>();
        int shorthands = 0;
        for (const char* f : {"graphml", "yed", "gexf", "json", "cytoscape", "dot", "csv", "html"})
            if (vm.count(f)) {
                ++shorthands;
                format_name = f;
            }
        if (shorthands > 1 || (shorthands == 1 && !vm["format"].defaulted()))
            throw kg::Error(kg::ExitCode::usage, "choose one output format");
        if (format_name == "triples") {  // the map step: records out, no graph
            if (vm.count("links-key")) throw kg::Error(kg::ExitCode::usage, "--links-key goes with --json only");
            if (vm.count("no-extraction")) throw kg::Error(kg::ExitCode::usage, "--no-extraction goes with --json only");
            if (vm.count("show-negated")) throw kg::Error(kg::ExitCode::usage, "--show-negated goes with --dot, --yed or --html only");
            for (const char* dot_only : {"max-nodes", "keep-isolated"})
                if (vm.count(dot_only)) throw kg::Error(kg::ExitCode::usage, std::string("--") + dot_only + " goes with --dot only");
            if (kgcli::view_args(vm).any) throw kg::Error(kg::ExitCode::usage, "views apply to graphs, not to --format triples");
            // Records stream to the output as they are written; a failure removes the unfinished file.
            kg::write_output(vm["output"].as<std::string>(), [&](std::ostream& out) {
                kgcli::extract_records(vm, vm["input"].as<std::vector<std::string>>(), out);
            });
            return 0;
        }
        auto format = kg::parse_format(format_name);
        if (!format)
            throw kg::Error(kg::ExitCode::usage,
                            "unknown format '" + format_name + "' (graphml, yed, gexf, json, cytoscape, dot, csv, html, triples)");
        kg::WriteOptions write_options;
        if (vm.count("links-key")) {
            write_options.links_key = vm["links-key"].as<std::string>();
            if (*format != kg::Format::json) throw kg::Error(kg::ExitCode::usage, "--links-key goes with --json only");
            if (write_options.links_key != "edges" && write_options.links_key != "links")
                throw kg::Error(kg::ExitCode::usage, "--links-key is 'edges' or 'links'");
        }
        const std::string output = vm["output"].as<std::string>();
        if (*format == kg::Format::csv && output == "-")
            throw kg::Error(kg::ExitCode::usage, "csv writes nodes.csv and relationships.csv: give a directory with -o DIR");
        if (vm.count("no-extraction") && *format != kg::Format::json)
            throw kg::Error(kg::ExitCode::usage, "--no-extraction goes with --json only");
        if (vm.count("show-negated")) {
            // Data formats keep every relation with its quality counts; only pictures choose what to draw.
            for (kg::Format data : {kg::Format::graphml, kg::Format::json, kg::Format::gexf, kg::Format::cytoscape,
                                    kg::Format::csv})
                if (*format == data)
                    throw kg::Error(kg::ExitCode::usage, "--show-negated goes with pictures (--dot, --yed, --html): " +
                                                             std::string(kg::to_string(data)) +
                                                             " keeps every relation, with its negated count");
            write_options.show_negated = true;
        }
        // What a drawing leaves out is said on stderr and in the file; the options choose it for DOT only.
        for (const char* dot_only : {"max-nodes", "keep-isolated"})
            if (vm.count(dot_only) && *format != kg::Format::dot)
                throw kg::Error(kg::ExitCode::usage, std::string("--") + dot_only + " goes with --dot only");
        if (vm.count("max-nodes")) {
            const long long max_nodes = vm["max-nodes"].as<long long>();
            if (max_nodes < 0) throw kg::Error(kg::ExitCode::usage, "--max-nodes is a count of entities (0: all)");
            write_options.dot_max_nodes = static_cast<std::size_t>(max_nodes);
        }
        write_options.keep_isolated = vm.count("keep-isolated") > 0;
        kgcli::ViewArgs view_args = kgcli::view_args(vm);

        // The extraction section describes the whole graph, so a view (which keeps part of it) goes without.
        const bool keep_extraction = *format == kg::Format::json && !view_args.any && !vm.count("no-extraction");
        kgcli::ExportGraph built =
            kgcli::build_for_export(vm, vm["input"].as<std::vector<std::string>>(), keep_extraction);
        kg::KnowledgeGraph& graph = built.graph;
        if (view_args.any) graph = kg::make_view(graph, kgcli::view_options(graph, view_args));
        if (built.extraction_lines) write_options.extraction_lines = &*built.extraction_lines;
        if (*format == kg::Format::dot) {
            kg::DotSummary drawn;
            kg::write_output(output, [&](std::ostream& out) { drawn = kg::write_dot(graph, out, write_options); });
            if (!drawn.note.empty() && !vm.count("quiet")) std::cerr << "note: " << drawn.note << "\n";
            return 0;
        }
        kg::write_file(graph, *format, output, write_options);
        return 0;
    });
}
