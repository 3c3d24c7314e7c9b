// kg-query: ask the knowledge graph of the given articles (or the built-in sample) a question.
#include "cli.hpp"

#include <kg/error.hpp>
#include <kg/query.hpp>
#include <kg/version.hpp>

#include <algorithm>
#include <array>
#include <iostream>

namespace po = boost::program_options;

namespace {

constexpr std::array<const char*, 4> kCommands = {"path", "neighbors", "centrality", "stats"};

kg::Error usage(const std::string& message) {
    return kg::Error(kg::ExitCode::usage, message + "\nTry 'kg-query --help'.");
}

void expect_args(const std::string& command, const std::vector<std::string>& args, std::size_t n,
                 const char* shape) {
    if (args.size() != n)
        throw usage("'" + command + "' takes " + std::to_string(n) + (n == 1 ? " argument" : " arguments") +
                    " (" + shape + "), got " + std::to_string(args.size()));
}

void print_help(const po::options_description& visible) {
    std::cout
        << "Usage: kg-query [OPTIONS] [INPUT...] COMMAND [ARGS]\n"
           "Builds the knowledge graph of news articles and answers a question about it.\n"
           "INPUT is a .txt file, a directory (searched recursively for *.txt) or '-' for stdin; with no\n"
           "INPUT the built-in sample is used. COMMAND is the first argument equal to a command name\n"
           "(write ./stats for an input literally named 'stats').\n\n"
           "Commands:\n"
           "  path A B      shortest chain of relations between A and B, ignoring edge direction;\n"
           "                each hop shows the edge's real direction and an evidence sentence\n"
           "  neighbors A   every relation of A, outgoing then incoming\n"
           "  centrality    rank entities (see --measure, --top)\n"
           "  stats         counts: documents, entities, relations, components, types, predicates\n"
           "Entity names match labels, then aliases, case-insensitively; a node id (li-qiang) also works.\n\n"
        << visible
        << "\nCentrality measures:\n"
           "  degree        in + out degree, parallel edges counted (--mode in|out picks one side)\n"
           "  in, out       in- or out-degree\n"
           "  betweenness   normalized as NetworkX's betweenness_centrality on the undirected graph with\n"
           "                direction dropped, parallel edges collapsed and self-loops ignored\n"
           "\nExamples:\n"
           "  kg-query path \"Li Qiang\" \"Global South\"\n"
           "  kg-query articles/ neighbors China --format json\n"
           "  kg-query articles/ centrality --measure betweenness --top 5\n"
           "  cat story.txt | kg-query - stats\n"
           "\nExit codes: 0 ok, 1 no result (unknown or ambiguous entity, no path), 2 usage error,\n"
           "3 bad input, 4 output error.\n";
}

}  // namespace

int main(int argc, char** argv) {
    return kgcli::run_tool("kg-query", [&]() -> int {
        po::options_description visible("Options", 100);
        visible.add_options()
            ("help,h", "show this help")
            ("version", "show the version")
            ("format,f", po::value<std::string>()->default_value("text"), "output format: text|json")
            ("json", "same as --format json")
            ("measure,m", po::value<std::string>(), "centrality: degree|in|out|betweenness (default degree)")
            ("mode", po::value<std::string>(), "centrality degree side: in|out|total (default total)")
            ("top,n", po::value<int>()->default_value(10), "centrality: show the N best (0 = all)");
        kgcli::add_common_options(visible);
        po::options_description hidden;
        hidden.add_options()("args", po::value<std::vector<std::string>>()->default_value({}, ""), "inputs, command, args");
        po::options_description all;
        all.add(visible).add(hidden);
        po::positional_options_description pos;
        pos.add("args", -1);
        po::variables_map vm;
        po::store(po::command_line_parser(argc, argv).options(all).positional(pos).run(), vm);
        po::notify(vm);

        if (vm.count("help")) {
            print_help(visible);
            return 0;
        }
        if (vm.count("version")) {
            std::cout << "kg-query " << kg::version() << "\n";
            return 0;
        }

        // Split positionals: inputs, the command word, its arguments.
        const auto& positional = vm["args"].as<std::vector<std::string>>();
        std::vector<std::string> inputs, args;
        std::string command;
        for (const std::string& a : positional) {
            if (command.empty() && std::find(kCommands.begin(), kCommands.end(), a) != kCommands.end())
                command = a;
            else
                (command.empty() ? inputs : args).push_back(a);
        }
        if (command.empty()) throw usage("missing command (path, neighbors, centrality or stats)");

        std::string format = vm["format"].as<std::string>();
        if (vm.count("json")) format = "json";
        if (format != "text" && format != "json") throw usage("unknown format '" + format + "' (text, json)");
        const bool json = format == "json";

        // Check everything about the command line before the (slow) extraction.
        kg::DegreeMode mode = kg::DegreeMode::total;
        bool betweenness = false;
        if (command == "path") {
            expect_args(command, args, 2, "A B");
        } else if (command == "neighbors") {
            expect_args(command, args, 1, "A");
        } else {
            expect_args(command, args, 0, "none");
        }
        if (command != "centrality" && (vm.count("measure") || vm.count("mode") || !vm["top"].defaulted()))
            throw usage("--measure, --mode and --top apply to 'centrality' only");
        if (command == "centrality") {
            if (vm["top"].as<int>() < 0) throw usage("--top must be 0 or more");
            std::string measure = vm.count("measure") ? vm["measure"].as<std::string>() : "degree";
            if (measure == "betweenness") betweenness = true;
            else if (measure == "in") mode = kg::DegreeMode::in;
            else if (measure == "out") mode = kg::DegreeMode::out;
            else if (measure != "degree" && measure != "total")
                throw usage("unknown measure '" + measure + "' (degree, in, out, betweenness)");
            if (vm.count("mode")) {
                const std::string m = vm["mode"].as<std::string>();
                if (betweenness || measure == "in" || measure == "out")
                    throw usage("--mode goes with --measure degree only");
                if (m == "in") mode = kg::DegreeMode::in;
                else if (m == "out") mode = kg::DegreeMode::out;
                else if (m != "total") throw usage("unknown mode '" + m + "' (in, out, total)");
            }
        }

        kg::KnowledgeGraph graph = kgcli::build_from_options(vm, inputs);
        std::string out;
        if (command == "path") {
            kg::Vertex a = kg::resolve_entity(graph, args[0]);
            kg::Vertex b = kg::resolve_entity(graph, args[1]);
            auto path = kg::shortest_path(graph, a, b);
            if (!path)
                throw kg::Error(kg::ExitCode::no_result, "no path between '" + graph.graph()[a].label + "' and '" +
                                                             graph.graph()[b].label + "'");
            out = kg::render_path(graph, a, b, *path, json);
        } else if (command == "neighbors") {
            kg::Vertex v = kg::resolve_entity(graph, args[0]);
            out = kg::render_neighbors(graph, v, kg::neighbors(graph, v), json);
        } else if (command == "centrality") {
            const int top_arg = vm["top"].as<int>();
            std::size_t top = static_cast<std::size_t>(top_arg);
            auto scores = betweenness ? kg::betweenness_centrality(graph) : kg::degree_centrality(graph, mode);
            if (top == 0) top = scores.size();
            const char* name = betweenness ? "betweenness"
                               : mode == kg::DegreeMode::in  ? "in-degree"
                               : mode == kg::DegreeMode::out ? "out-degree"
                                                             : "degree";
            out = kg::render_centrality(graph, kg::top_n(scores, top), name, json);
        } else {
            out = kg::render_stats(kg::stats(graph), json);
        }
        std::cout << out << std::flush;
        if (!std::cout) throw kg::Error(kg::ExitCode::output, "cannot write to standard output");
        return 0;
    });
}
