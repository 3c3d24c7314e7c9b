// kg-export: build the graph of the given articles (or the built-in sample) and write it out.
#include "cli.hpp"

#include <kg/error.hpp>
#include <kg/export.hpp>
#include <kg/version.hpp>

#include <iostream>

namespace po = boost::program_options;

int main(int argc, char** argv) {
    return kgcli::run_tool("kg-export", [&]() -> int {
        po::options_description visible("Options");
        visible.add_options()
            ("help,h", "show this help")
            ("version", "show the version")
            ("format,f", po::value<std::string>()->default_value("graphml"), "output format: graphml|json")
            ("graphml", "same as --format graphml")
            ("json", "same as --format json")
            ("output,o", po::value<std::string>()->default_value("-"),
             "write to PATH (atomically for regular files); '-' is stdout");
        kgcli::add_common_options(visible);
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
                         "INPUT is a .txt file, a directory (searched recursively for *.txt) or '-' for stdin;\n"
                         "with no INPUT the built-in sample (five news articles) is used.\n\n"
                      << visible
                      << "\nExamples:\n"
                         "  kg-export --graphml > news.graphml     # open in Gephi or yEd\n"
                         "  kg-export --json -o news.json articles/\n"
                         "\nExit codes: 0 ok, 2 usage error, 3 bad input, 4 output error.\n";
            return 0;
        }
        if (vm.count("version")) {
            std::cout << "kg-export " << kg::version() << "\n";
            return 0;
        }
        std::string format_name = vm["format"].as<std::string>();
        if (vm.count("graphml") + vm.count("json") > 1)
            throw kg::Error(kg::ExitCode::usage, "choose one of --graphml and --json");
        if (vm.count("graphml")) format_name = "graphml";
        if (vm.count("json")) format_name = "json";
        auto format = kg::parse_format(format_name);
        if (!format) throw kg::Error(kg::ExitCode::usage, "unknown format '" + format_name + "' (graphml, json)");

        kg::KnowledgeGraph graph = kgcli::build_from_options(vm, vm["input"].as<std::vector<std::string>>());
        kg::write_file(graph, *format, vm["output"].as<std::string>());
        return 0;
    });
}
