#include "cli.hpp"

#include <kg/corpus.hpp>
#include <kg/error.hpp>
#include <kg/extract.hpp>
#include <kg/lexicon.hpp>

#include <iostream>

namespace po = boost::program_options;

namespace kgcli {

void add_common_options(po::options_description& desc) {
    desc.add_options()
        ("data", po::value<std::string>(), "read lexicon files from DIR (falls back to the built-in ones)")
        ("quiet,q", "no notes on stderr");
}

kg::KnowledgeGraph build_from_options(const po::variables_map& vm, const std::vector<std::string>& inputs) {
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
