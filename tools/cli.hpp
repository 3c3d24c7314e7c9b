// Shared by the tools: the input/option contract both kg-export and kg-query follow.
#pragma once

#include <kg/graph.hpp>

#include <boost/program_options.hpp>

#include <functional>
#include <string>
#include <vector>

namespace kgcli {

/// Options every tool accepts (inputs, --data, --quiet).
void add_common_options(boost::program_options::options_description& desc);

/// Builds the graph from the positional inputs, or from the built-in sample (saying so on stderr).
kg::KnowledgeGraph build_from_options(const boost::program_options::variables_map& vm,
                                      const std::vector<std::string>& inputs);

/// Runs a tool body, turning kg::Error and option errors into "tool: message" and the contract's exit code.
int run_tool(const char* tool, const std::function<int()>& body);

}  // namespace kgcli
