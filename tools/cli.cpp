#include "cli.hpp"

#include <kg/corpus.hpp>
#include <kg/error.hpp>
#include <kg/extract.hpp>
#include <kg/lexicon.hpp>
#include <kg/predicates.hpp>
#include <kg/query.hpp>
#include <kg/read.hpp>

#include <cctype>
#include <iostream>

namespace po = boost::program_options;

namespace kgcli {

void add_common_options(po::options_description& desc) {
    desc.add_options()
        ("graph", po::value<std::string>(), "use the graph saved in FILE (libkg, NetworkX or igraph JSON or GraphML;"
                                           " '-' is stdin) instead of building one from INPUTs")
        ("data", po::value<std::string>(), "read lexicon files from DIR (falls back to the built-in ones)")
        ("quiet,q", "no notes on stderr");
}

kg::KnowledgeGraph build_from_options(const po::variables_map& vm, const std::vector<std::string>& inputs) {
    if (vm.count("graph")) {
        if (!inputs.empty()) throw kg::Error(kg::ExitCode::usage, "give either --graph FILE or INPUTs, not both");
        if (vm.count("data")) throw kg::Error(kg::ExitCode::usage, "--data applies to extraction, not to --graph");
        return kg::read_graph(vm["graph"].as<std::string>());
    }
    if (vm.count("data")) kg::set_data_dir(vm["data"].as<std::string>());
    std::vector<kg::Document> docs;
    if (inputs.empty()) {
        docs = kg::sample_documents();
        if (!vm.count("quiet"))
            std::cerr << "note: no input given; using the built-in sample (" << docs.size() << " news articles)\n";
    } else {
        docs = kg::load_documents(inputs);
    }
    return kg::build_graph(docs);
}

namespace {
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
}  // namespace

ViewArgs view_args(const po::variables_map& vm) {
    ViewArgs a;
    auto usage = [](const std::string& m) { return kg::Error(kg::ExitCode::usage, m); };
    if (vm.count("types")) {
        for (std::string t : split_list(vm["types"].as<std::string>())) {
            for (char& c : t) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            auto type = kg::parse_entity_type(t);
            if (!type)
                throw usage("unknown type '" + t +
                            "' (PERSON, COMPANY, ORGANIZATION, COUNTRY, LOCATION, EVENT, PRODUCT, POLICY, UNKNOWN)");
            a.options.types.push_back(*type);
        }
        if (a.options.types.empty()) throw usage("--types needs at least one type");
    }
    if (vm.count("predicates")) {
        a.options.predicates = split_list(vm["predicates"].as<std::string>());
        if (a.options.predicates.empty()) throw usage("--predicates needs at least one predicate");
    }
    if (vm.count("min-weight")) a.options.min_weight = vm["min-weight"].as<double>();
    if (vm.count("ego")) a.ego = vm["ego"].as<std::string>();
    if (vm.count("depth")) {
        if (!a.ego) throw usage("--depth goes with --ego");
        if (vm["depth"].as<int>() < 0) throw usage("--depth must be 0 or more");
        a.options.depth = static_cast<std::size_t>(vm["depth"].as<int>());
    }
    if (vm.count("top")) {
        if (vm["top"].as<int>() < 1) throw usage("--top must be 1 or more");
        a.options.top = static_cast<std::size_t>(vm["top"].as<int>());
    }
    a.any = vm.count("types") || vm.count("predicates") || vm.count("min-weight") || a.ego || vm.count("top");
    return a;
}

kg::ViewOptions view_options(const kg::KnowledgeGraph& graph, const ViewArgs& args) {
    kg::ViewOptions o = args.options;
    if (args.ego) o.ego = kg::resolve_entity(graph, *args.ego);
    for (const std::string& p : o.predicates) {
        if (kg::is_predicate(p)) continue;
        bool in_graph = false;
        for (auto e : boost::make_iterator_range(boost::edges(graph.graph())))
            if (graph.graph()[e].predicate == p) in_graph = true;
        if (!in_graph) throw kg::Error(kg::ExitCode::usage, "unknown predicate '" + p + "' (see data/predicates.tsv)");
    }
    return o;
}

int run_tool(const char* tool, const std::function<int()>& body) {
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
