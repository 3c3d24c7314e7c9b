/// \file
/// kg/lexicon.hpp — where libkg reads its lexicons from.
///
/// Contract: lexicons (data/*.tsv) are embedded in the library; set_data_dir() makes libkg read a file
/// of the same name from DIR instead when DIR has one (the tools' --data DIR). Call it before the first
/// extraction: lexicons are loaded once and cached.
#pragma once

#include <string>

namespace kg {

/// Reads lexicon files from `dir` when present there (falls back to the embedded copies).
void set_data_dir(const std::string& dir);

}  // namespace kg
