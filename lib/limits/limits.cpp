// Warnings and the document cap of kg/limits.hpp.
#include <kg/limits.hpp>

#include <iostream>
#include <mutex>

namespace kg {

namespace {

// Extraction runs on several threads: one lock keeps warnings whole and the handler swap safe.
std::mutex& warning_mutex() {
    static std::mutex m;
    return m;
}

WarningHandler& warning_handler() {
    static WarningHandler h = [](const std::string& message) { std::cerr << "libkg: warning: " << message << "\n"; };
    return h;
}

}  // namespace

WarningHandler set_warning_handler(WarningHandler handler) {
    std::lock_guard<std::mutex> lock(warning_mutex());
    WarningHandler old = std::move(warning_handler());
    warning_handler() = std::move(handler);
    return old;
}

void warn(const std::string& message) {
    std::lock_guard<std::mutex> lock(warning_mutex());
    if (const WarningHandler& h = warning_handler()) h(message);
}

bool truncate_text(std::string& text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return false;
    std::size_t cut = max_bytes;
    // Never split a UTF-8 sequence: back up over continuation bytes to the start of a character.
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    // A word cut in half would become a bogus name; the last whitespace in the final 4 kB is a cleaner end.
    for (std::size_t i = cut, floor = cut > 4096 ? cut - 4096 : 0; i > floor; --i) {
        const char c = text[i - 1];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            cut = i;
            break;
        }
    }
    text.resize(cut);
    return true;
}

}  // namespace kg
