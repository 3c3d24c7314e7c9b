// Internal: reading the little-endian model files that the trainers in tools/train write (the entity
// recognizer, the parser, the relation classifier). A short or malformed file is bad input that names the
// file, the model and the byte offset, never a read past the end.
#pragma once

#include <kg/error.hpp>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace kg::detail {

/// The little-endian unsigned number in the `bytes` bytes at p (no bounds check: for tables whose size
/// ModelReader::need() has checked).
inline std::uint64_t load_le(const char* p, int bytes) {
    std::uint64_t v = 0;
    for (int i = 0; i < bytes; ++i) v |= std::uint64_t(static_cast<unsigned char>(p[i])) << (8 * i);
    return v;
}

struct ModelReader {
    std::string_view s;       ///< the whole file
    const std::string& name;  ///< the file, for messages
    const char* what;         ///< the model, for messages ("parser model")
    std::size_t pos = 0;

    Error bad(const std::string& why) const { return Error(ExitCode::bad_input, name + ": " + what + ": " + why); }
    /// Throws unless n more bytes are there.
    void need(std::size_t n) const {
        if (n > s.size() - pos) throw Error(ExitCode::bad_input, name + ": truncated " + what + " (at byte " + std::to_string(pos) + ")");
    }
    std::uint64_t uint(int bytes) {
        need(static_cast<std::size_t>(bytes));
        const std::uint64_t v = load_le(s.data() + pos, bytes);
        pos += static_cast<std::size_t>(bytes);
        return v;
    }
    float f32() {
        const auto bits = static_cast<std::uint32_t>(uint(4));
        float v;
        std::memcpy(&v, &bits, 4);
        if (!std::isfinite(v)) throw bad("bad number at byte " + std::to_string(pos - 4));
        return v;
    }
    std::string_view bytes(std::size_t n) {
        need(n);
        auto v = s.substr(pos, n);
        pos += n;
        return v;
    }
    /// Checks the 8-byte magic and the 4-byte version that open every model file.
    void header(const char (&magic)[8], std::uint32_t version) {
        need(8);
        if (std::memcmp(s.data(), magic, 8) != 0)
            throw Error(ExitCode::bad_input, name + ": not a " + what + " (bad magic)");
        pos = 8;
        if (const auto v = uint(4); v != version) throw bad("version " + std::to_string(v) + ", expected " + std::to_string(version));
    }
};

}  // namespace kg::detail
