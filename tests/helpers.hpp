// Shared helpers for the tests: small graphs built by hand and process running.
#pragma once

#include <kg/graph.hpp>

#include <array>
#include <cstdio>
#include <string>

namespace kgtest {

/// Evidence span for hand-built graphs.
inline kg::Evidence ev(const std::string& doc, std::size_t start, const std::string& text) {
    return kg::Evidence{doc, start, start + text.size(), text};
}

/// Runs a shell command; returns its exit status and stdout.
inline std::pair<int, std::string> run(const std::string& cmd) {
    std::string out;
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) return {-1, out};
    std::array<char, 4096> buf{};
    std::size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
    int status = pclose(p);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

}  // namespace kgtest
