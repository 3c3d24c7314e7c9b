// kg-query: ask the knowledge graph of the given articles (or the built-in sample) a question.
#include "cli.hpp"

#include <kg/error.hpp>
#include <kg/predicates.hpp>
#include <kg/query.hpp>
#include <kg/version.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <iostream>

namespace po = boost::program_options;

namespace {

constexpr std::array<const char*, 7> kCommands = {"path",  "paths",      "neighbors",  "centrality",
                                                  "stats", "components", "communities"};

// The commands each option belongs to: a misplaced option is a usage error, never silently ignored.
const std::vector<std::pair<std::string, std::vector<std::string>>> kOptionCommands = {
    {"measure", {"centrality"}},   {"mode", {"centrality"}},       {"types", {"centrality"}},
    {"sample", {"centrality"}},    {"seed", {"centrality"}},       {"threads", {"centrality"}},
    {"top", {"centrality", "components", "communities"}},
    {"directed", {"path", "paths"}}, {"via-types", {"path", "paths"}}, {"avoid", {"path", "paths"}},
    {"k", {"paths"}},              {"all-shortest", {"paths"}},
    {"weighted", {"path", "paths", "centrality", "communities"}},
    {"depth", {"neighbors"}},      {"predicates", {"neighbors"}},
    {"include-negated", {"path", "paths", "neighbors", "centrality", "components", "communities"}},
};

// "A,B" -> {"A", "B"}; empty items dropped.
std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> out;
    std::string item;
    for (char c : text + ",") {
        if (c != ',') {
            item += c;
        } else if (!item.empty()) {
            out.push_back(item);
            item.clear();
        }
    }
    return out;
}

std::vector<kg::EntityType> parse_types(const std::string& text) {
    std::vector<kg::EntityType> out;
    for (std::string t : split_list(text)) {
        for (char& c : t) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        auto type = kg::parse_entity_type(t);
        if (!type) throw kg::Error(kg::ExitCode::usage, "unknown entity type '" + t + "'\nTry 'kg-query --help'.");
        out.push_back(*type);
    }
    return out;
}

kg::Error usage(const std::string& message) {
    return kg::Error(kg::ExitCode::usage, message + "\nTry 'kg-query --help'.");
}

// No positional argument is a command. The first one that is not an input ('-', or a file or directory that
// exists) was meant as the command ("pth"): name it and the nearest command, rather than say "missing".
[[noreturn]] void unknown_command(const std::vector<std::string>& positional) {
    const std::string list = "(path, paths, neighbors, centrality, components, communities or stats)";
    for (const std::string& word : positional) {
        std::error_code ec;
        if (word == "-" || std::filesystem::exists(word, ec)) continue;
        std::string lowered;
        for (char c : word) lowered += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        // The nearest command: one the word begins ("comm": the first such in list order), else the one fewest
        // edits away, when they are few for its length ("pth", "neighbours", "centraility").
        std::string nearest;
        std::size_t best = std::string::npos;
        for (const std::string name : kCommands) {
            const bool prefix = lowered.size() >= 3 && name.compare(0, lowered.size(), lowered) == 0;
            const std::size_t d = prefix ? 0 : kgcli::edit_distance(lowered, name);
            if (d < best) best = d, nearest = name;
        }
        if (best <= std::max<std::size_t>(2, lowered.size() / 3))
            throw usage("unknown command '" + word + "'; did you mean '" + nearest + "'?");
        throw usage("unknown command '" + word + "' " + list);
    }
    throw usage("missing command " + list);
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
           "INPUT is a .txt or .jsonl file, a directory (searched recursively for *.txt and *.jsonl) or\n"
           "'-' for stdin; with no INPUT the built-in sample is used (a piped stdin needs '-'). COMMAND is the first\n"
           "argument equal to a command name "
           "(write ./stats for an input literally named 'stats').\n\n"
           "Commands:\n"
           "  path A B      shortest chain of relations between A and B, ignoring edge direction unless\n"
           "                --directed; each hop shows the edge's real direction and an evidence sentence\n"
           "  paths A B     the --k N shortest loop-free paths (Yen; default 5), or with --all-shortest\n"
           "                every path of minimal cost (at most --k when given)\n"
           "  neighbors A   every relation of A, outgoing then incoming; with --depth N > 1, every entity\n"
           "                within N hops (direction ignored) and the edge that first reached it\n"
           "  centrality    rank entities (see --measure, --top, --types)\n"
           "  components    weakly connected components, largest first (--top N, default 10)\n"
           "  communities   Louvain communities and their modularity, largest first (--top N)\n"
           "  stats         counts: documents, entities, relations, density, components, degree\n"
           "                distribution, entities by type, relations by predicate\n"
           "Entity names match labels, then aliases, case-insensitively; a node id (li-qiang) also works.\n\n"
        << "Predicates (" << kg::predicates().size()
        << ", for --predicates; data/predicates.tsv has their types and meaning; * = symmetric):\n"
        << kgcli::predicate_list(100, "  ") << "\n"
        << visible
        << "\nCentrality measures, and the graph each one sees (NetworkX equivalent in brackets):\n"
           "  degree        in + out degree on the multigraph, parallel edges counted (--mode in|out|weighted)\n"
           "  in, out       in- or out-degree                                      [MultiDiGraph.degree]\n"
           "  weighted-degree  sum of the weights of incident edges (also: degree --weighted)\n"
           "  betweenness   Brandes on the undirected graph, parallel edges collapsed, self-loops dropped,\n"
           "                normalized by 2/((n-1)(n-2)); parallel over sources on all cores; --sample K\n"
           "                estimates from K random pivots, scaled by n/K      [betweenness_centrality(k=K)]\n"
           "  closeness     Wasserman-Faust closeness on the same undirected graph:\n"
           "                (r-1)/(n-1) * (r-1)/(sum of distances to the r-1 entities reachable), so\n"
           "                disconnected graphs do not collapse to 0              [closeness_centrality]\n"
           "  harmonic      sum of 1/distance to every other entity, same graph  [harmonic_centrality]\n"
           "  pagerank      on the directed graph, parallel edges collapsed, self-loops dropped, damping\n"
           "                0.85, rank of entities without out-edges spread evenly, tolerance 1e-10;\n"
           "                unweighted, or --weighted: a collapsed edge weighs the sum of its weights [pagerank]\n"
           "  eigenvector   on the undirected graph, parallel edges collapsed, self-loops dropped\n"
           "                                                                [eigenvector_centrality]\n"
           "\nPaths: unweighted, a path's cost is its hop count. With --weighted a hop costs\n"
           "  1 / (max(weight, 1) * clamp(confidence, 0.05, 1)), weight being the number of evidence\n"
           "  sentences: a single-sentence edge at full confidence costs 1, one with 4 sentences 1/4.\n"
           "  Between two entities a path uses the heaviest edge (cheapest when weighted). Ties go to the\n"
           "  lower entity index (input order).\n"
           "\nDenied relations: a relation whose every evidence sentence is negated (\"X did not attend Y\") is\n"
           "  no connection, so path, paths, neighbors, centrality, components and communities leave it out\n"
           "  unless --include-negated; stats counts every stored relation. Hedged relations (\"is expected\n"
           "  to attend\") stay, their lower confidence raising the --weighted cost, and so do former ones\n"
           "  (\"former CEO of\"). Relations read from files without evidence qualities count as asserted.\n"
           "\nCommunities: Louvain (modularity optimization) on the undirected graph, parallel edges\n"
           "  collapsed (summed weights with --weighted), vertices visited in input order, so the result is\n"
           "  deterministic. Louvain rather than label propagation: it optimizes a stated objective (the\n"
           "  modularity printed) and a hub's label cannot flood a hub-and-spoke news graph.\n"
           "\nExamples:\n"
           "  kg-query path \"Li Qiang\" \"Global South\"\n"
           "  kg-query articles/ neighbors China --format json\n"
           "  kg-query articles/ centrality --measure betweenness --top 5\n"
           "  kg-query articles/ centrality --measure pagerank --types PERSON,COMPANY\n"
           "  kg-query articles/ paths \"Li Qiang\" \"Global South\" --k 3 --weighted\n"
           "  kg-query articles/ neighbors China --depth 2 --predicates leader_of,part_of\n"
           "  cat story.txt | kg-query - stats\n"           "  kg-query --graph news.json --since 2024-07-01 --until 2024-07-31 neighbors China\n"
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
            ("measure,m", po::value<std::string>(), "centrality: degree|in|out|weighted-degree|betweenness|closeness|\n"
                                                     "harmonic|pagerank|eigenvector (default degree)")
            ("mode", po::value<std::string>(), "centrality degree side: in|out|total|weighted (default total)")
            ("top,n", po::value<int>()->default_value(10), "centrality, components, communities: show the N\n"
                                                           "first (0 = all)")
            ("types", po::value<std::string>(), "centrality: rank only these types, e.g. PERSON,COMPANY")
            ("sample", po::value<int>(), "betweenness: estimate from K random source pivots")
            ("seed", po::value<unsigned long long>(), "betweenness: seed for --sample (default 1)")
            ("threads", po::value<int>(), "centrality: worker threads (default: all cores)")
            ("weighted", "path(s): Dijkstra on edge cost (below); pagerank, communities: use\n"
                         "edge weights; degree: weighted degree")
            ("directed", "path, paths: follow edges only from subject to object")
            ("via-types", po::value<std::string>(), "path, paths: inner entities must have one of these types")
            ("avoid", po::value<std::vector<std::string>>(), "path, paths: never pass through these entities\n"
                                                            "(comma-separated; repeatable)")
            ("k", po::value<int>(), "paths: how many paths (default 5)")
            ("all-shortest", "paths: every path of minimal cost")
            ("depth", po::value<int>(), "neighbors: hops to walk (default 1)")
            ("predicates", po::value<std::string>(), "neighbors: follow only these predicates, e.g. leader_of,part_of")
            ("include-negated", "path(s), neighbors, centrality, components, communities: also use relations\n"
                                "whose evidence is all negated (left out by default)");
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
            kgcli::use_data_dir(vm);  // its predicates.tsv, if any
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
        if (command.empty()) unknown_command(inputs);

        std::string format = vm["format"].as<std::string>();
        if (vm.count("json")) format = "json";
        if (format != "text" && format != "json") throw usage("unknown format '" + format + "' (text, json)");
        const bool json = format == "json";

        // Check everything about the command line before the (slow) extraction.
        if (command == "path" || command == "paths") expect_args(command, args, 2, "A B");
        else if (command == "neighbors") expect_args(command, args, 1, "A");
        else expect_args(command, args, 0, "none");
        for (const auto& [option, commands] : kOptionCommands) {
            if (!vm.count(option) || vm[option].defaulted()) continue;
            if (std::find(commands.begin(), commands.end(), command) == commands.end()) {
                std::string list;
                for (const auto& c : commands) list += (list.empty() ? "'" : ", '") + c + "'";
                throw usage("--" + option + " applies to " + list + " only");
            }
        }
        auto positive = [&](const char* option, int fallback) {
            if (!vm.count(option)) return fallback;
            const int v = vm[option].as<int>();
            if (v < 1) throw usage(std::string("--") + option + " must be 1 or more");
            return v;
        };
        kg::Measure measure = kg::Measure::degree;
        kg::CentralityOptions copt;
        std::vector<kg::EntityType> rank_types;
        if (vm["top"].as<int>() < 0) throw usage("--top must be 0 or more");
        if (command == "centrality") {
            const std::string name = vm.count("measure") ? vm["measure"].as<std::string>() : "degree";
            auto m = kg::parse_measure(name);
            if (!m)
                throw usage("unknown measure '" + name +
                            "' (degree, in, out, weighted-degree, betweenness, closeness, harmonic, pagerank, eigenvector)");
            measure = *m;
            if (vm.count("mode")) {
                const std::string mode = vm["mode"].as<std::string>();
                if (measure != kg::Measure::degree) throw usage("--mode goes with --measure degree only");
                if (mode == "in") measure = kg::Measure::in_degree;
                else if (mode == "out") measure = kg::Measure::out_degree;
                else if (mode == "weighted") measure = kg::Measure::weighted_degree;
                else if (mode != "total") throw usage("unknown mode '" + mode + "' (in, out, total, weighted)");
            }
            if (vm.count("weighted")) {
                if (measure == kg::Measure::degree) measure = kg::Measure::weighted_degree;
                else if (measure != kg::Measure::pagerank && measure != kg::Measure::weighted_degree)
                    throw usage("--weighted goes with --measure pagerank or degree only");
                copt.weighted = true;
            }
            if ((vm.count("sample") || vm.count("seed")) && measure != kg::Measure::betweenness)
                throw usage("--sample and --seed go with --measure betweenness only");
            copt.sample = static_cast<std::size_t>(positive("sample", 0));
            if (vm.count("seed")) copt.seed = vm["seed"].as<unsigned long long>();
            copt.threads = static_cast<unsigned>(positive("threads", 0));
            copt.include_negated = vm.count("include-negated") > 0;
            if (vm.count("types")) rank_types = parse_types(vm["types"].as<std::string>());
        }
        kg::PathOptions popt;
        popt.directed = vm.count("directed") > 0;
        popt.weighted = vm.count("weighted") > 0;
        const bool include_negated = vm.count("include-negated") > 0;
        popt.include_negated = include_negated;
        if (vm.count("via-types")) popt.via_types = parse_types(vm["via-types"].as<std::string>());
        const std::size_t k = static_cast<std::size_t>(positive("k", vm.count("all-shortest") ? 10000 : 5));
        const std::size_t depth = static_cast<std::size_t>(positive("depth", 1));
        const std::vector<std::string> predicates =
            vm.count("predicates") ? split_list(vm["predicates"].as<std::string>()) : std::vector<std::string>{};

        kg::KnowledgeGraph graph = kgcli::build_from_options(vm, inputs);
        std::string out;
        const kg::Graph& g = graph.graph();
        if (command == "path" || command == "paths") {
            kg::Vertex a = kg::resolve_entity(graph, args[0]);
            kg::Vertex b = kg::resolve_entity(graph, args[1]);
            if (vm.count("avoid"))
                for (const std::string& item : vm["avoid"].as<std::vector<std::string>>())
                    for (const std::string& name : split_list(item)) {
                        const kg::Vertex v = kg::resolve_entity(graph, name);
                        if (v == a || v == b) throw usage("--avoid names an end of the path: '" + name + "'");
                        popt.avoid.push_back(v);
                    }
            const std::string no_path = "no path between '" + g[a].label + "' and '" + g[b].label + "'";
            if (command == "path") {
                auto path = kg::shortest_path(graph, a, b, popt);
                if (!path) throw kg::Error(kg::ExitCode::no_result, no_path);
                out = kg::render_path(graph, a, b, path->steps, json);
            } else {
                auto found = vm.count("all-shortest") ? kg::all_shortest_paths(graph, a, b, popt, k)
                                                      : kg::k_shortest_paths(graph, a, b, k, popt);
                if (found.empty()) throw kg::Error(kg::ExitCode::no_result, no_path);
                out = kg::render_paths(graph, a, b, found, json);
            }
        } else if (command == "neighbors") {
            kg::Vertex v = kg::resolve_entity(graph, args[0]);
            for (const std::string& p : predicates) {
                bool known = kg::is_predicate(p);
                for (kg::Edge e : boost::make_iterator_range(boost::edges(g)))
                    if (known || (known = g[e].predicate == p)) break;
                if (!known) throw usage(kgcli::unknown_predicate(p));
            }
            if (depth == 1)
                out = kg::render_neighbors(graph, v, kg::neighbors(graph, v, predicates, include_negated), json);
            else
                out = kg::render_neighborhood(graph, v, kg::neighborhood(graph, v, depth, predicates, include_negated),
                                              json);
        } else if (command == "centrality") {
            const std::size_t top_arg = static_cast<std::size_t>(vm["top"].as<int>());
            const std::vector<double> scores = kg::centrality(graph, measure, copt);
            const std::size_t top = top_arg == 0 ? scores.size() : top_arg;
            out = kg::render_centrality(graph, kg::top_n(graph, scores, top, rank_types), kg::to_string(measure), json);
        } else if (command == "components") {
            out = kg::render_partition(graph, kg::weak_components(graph, include_negated), "component",
                                       static_cast<std::size_t>(vm["top"].as<int>()), std::nan(""), json);
        } else if (command == "communities") {
            kg::CommunityOptions opt;
            opt.weighted = vm.count("weighted") > 0;
            opt.include_negated = include_negated;
            const kg::Communities c = kg::louvain_communities(graph, opt);
            out = kg::render_partition(graph, c.partition, "community", static_cast<std::size_t>(vm["top"].as<int>()),
                                       c.modularity, json);
        } else {
            out = kg::render_stats(kg::stats(graph), json);
        }
        std::cout << out << std::flush;
        if (!std::cout) throw kg::Error(kg::ExitCode::output, "cannot write to standard output");
        return 0;
    });
}
