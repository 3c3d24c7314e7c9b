// Replays every input the fuzzers ever crashed on (tests/data/fuzz-regressions/TARGET/*) through the same
// entry points as fuzz/fuzz_TARGET.cpp, in the normal build and under the sanitizer build, so a fixed crash
// stays fixed. A body accepts any bytes and may only fail with kg::Error; its invariants abort().
#include <doctest/doctest.h>

#include "../fuzz/targets.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

void replay(const char* target, void (*body)(const std::uint8_t*, std::size_t)) {
    const fs::path dir = fs::path(KG_TEST_DATA) / "fuzz-regressions" / target;
    std::vector<fs::path> files;
    if (fs::is_directory(dir))
        for (const auto& e : fs::directory_iterator(dir))
            if (e.is_regular_file() && e.path().filename() != "README.md") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    kg::WarningHandler quiet = kg::set_warning_handler({});
    for (const fs::path& f : files) {
        CAPTURE(f.string());
        std::ifstream in(f, std::ios::binary);
        const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        CHECK_NOTHROW(body(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
    }
    kg::set_warning_handler(std::move(quiet));
    MESSAGE(std::string(target) << ": " << files.size() << " saved inputs replayed");
}

}  // namespace

TEST_CASE("fuzz regressions: extractor") { replay("extractor", kgfuzz::extractor); }
TEST_CASE("fuzz regressions: JSON reader") { replay("json_reader", kgfuzz::json_reader); }
TEST_CASE("fuzz regressions: GraphML reader") { replay("graphml_reader", kgfuzz::graphml_reader); }
TEST_CASE("fuzz regressions: triples reader") { replay("triples_reader", kgfuzz::triples_reader); }

TEST_CASE("fuzz bodies accept the empty input and the seeds") {
    kg::WarningHandler quiet = kg::set_warning_handler({});
    const std::uint8_t none = 0;
    CHECK_NOTHROW(kgfuzz::extractor(&none, 0));
    CHECK_NOTHROW(kgfuzz::json_reader(&none, 0));
    CHECK_NOTHROW(kgfuzz::graphml_reader(&none, 0));
    CHECK_NOTHROW(kgfuzz::triples_reader(&none, 0));
    for (const auto& e : fs::directory_iterator(fs::path(KG_SOURCE_DIR) / "seeds")) {
        std::ifstream in(e.path(), std::ios::binary);
        const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        CHECK_NOTHROW(kgfuzz::extractor(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
    }
    kg::set_warning_handler(std::move(quiet));
}
