/// \file
/// kg/error.hpp — errors and the exit codes shared by every tool.
///
/// Contract: library functions report failures by throwing kg::Error whose code() is the exit code a tool
/// should return; what() names the file (and line or byte offset) involved.
#pragma once

#include <stdexcept>
#include <string>

namespace kg {

/// Exit codes of kg-export and kg-query (and of any tool built on libkg).
enum class ExitCode : int {
    ok = 0,           ///< success
    no_result = 1,    ///< no path, unknown or ambiguous entity
    usage = 2,        ///< bad command line
    bad_input = 3,    ///< unreadable or malformed input
    output = 4,       ///< cannot write the output
};

/// An error carrying the exit code a tool should end with.
class Error : public std::runtime_error {
public:
    /// Makes an error; the message should name the file and place.
    Error(ExitCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
    /// The exit code for this error.
    ExitCode code() const noexcept { return code_; }

private:
    ExitCode code_;
};

}  // namespace kg
