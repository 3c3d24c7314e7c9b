// JSON numbers as libkg's readers convert them (lib/io/json_numbers.hpp): exactly, without the
// full-precision mode of Debian's RapidJSON, which turns "0e100" into garbage through undefined behaviour.
#include "io/json_numbers.hpp"

#include <kg/read.hpp>

#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <random>
#include <string>

namespace {

// The last event a number produced.
struct Last {
    std::string kind;
    double d = 0;
    std::int64_t i = 0;
    std::uint64_t u = 0;
    bool Int(int v) { return set("Int", v); }
    bool Uint(unsigned v) { return setu("Uint", v); }
    bool Int64(std::int64_t v) { return set("Int64", v); }
    bool Uint64(std::uint64_t v) { return setu("Uint64", v); }
    bool Double(double v) {
        kind = "Double";
        d = v;
        return true;
    }
    bool set(const char* k, std::int64_t v) {
        kind = k;
        i = v;
        return true;
    }
    bool setu(const char* k, std::uint64_t v) {
        kind = k;
        u = v;
        return true;
    }
};

Last event_of(const std::string& text) {
    Last last;
    CHECK(kg::iodetail::number_event(last, text));
    return last;
}

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

}  // namespace

TEST_CASE("json numbers: integers take the event RapidJSON gives them") {
    CHECK(event_of("0").kind == "Uint");
    CHECK(event_of("4294967295").kind == "Uint");
    CHECK(event_of("4294967296").kind == "Uint64");
    CHECK(event_of("18446744073709551615").u == UINT64_MAX);
    CHECK(event_of("-0").kind == "Int");
    CHECK(event_of("-2147483648").i == INT32_MIN);
    CHECK(event_of("-2147483649").kind == "Int64");
    CHECK(event_of("-9223372036854775808").i == INT64_MIN);
    const Last big = event_of("-9223372036854775809");
    CHECK(big.kind == "Double");
    CHECK(big.d == -9223372036854775808.0);
    CHECK(event_of("18446744073709551616").d == 18446744073709551616.0);
}

TEST_CASE("json numbers: zeros with any exponent are zero, and every double reads back exactly") {
    // The inputs Debian's RapidJSON turns into garbage in full-precision mode.
    for (const char* zero : {"0e100", "0E0040", "0.000000000000000000000000", "0.0e-400", "-0e400"}) {
        const Last z = event_of(zero);
        CHECK(z.kind == "Double");
        CHECK(z.d == 0.0);
        CHECK(std::signbit(z.d) == (zero[0] == '-'));
    }
    CHECK(std::isinf(event_of("1e400").d));
    CHECK(std::isnan(event_of("NaN").d));
    CHECK(std::isnan(event_of("-NaN").d));
    CHECK(event_of("-Infinity").d == -HUGE_VAL);
    CHECK(same_bits(event_of("-0.0").d, -0.0));
    CHECK(event_of("123456789012345678901234567890").d == 1.2345678901234568e29);
    // Shortest round-trip texts (what libkg writes), long and short decimals, exponents: as strtod reads them.
    std::mt19937_64 rng(7);
    char buf[64];
    for (int k = 0; k < 20000; ++k) {
        double v;
        const std::uint64_t bits = rng();
        std::memcpy(&v, &bits, sizeof v);
        if (!std::isfinite(v)) continue;
        const char* format = k % 3 == 0 ? "%.17g" : k % 3 == 1 ? "%.6f" : "%.3g";
        std::snprintf(buf, sizeof buf, format, k % 2 ? v : std::fmod(v, 1000.0));
        std::string text = buf;
        if (text.find_first_of(".eEn") == std::string::npos) continue;  // an integer: another event
        CAPTURE(text);
        CHECK(same_bits(event_of(text).d, std::strtod(text.c_str(), nullptr)));
    }
    for (const char* text : {"0.85", "0.1", "0.3", "1.7976931348623157e308", "5e-324", "2.2250738585072014e-308",
                             "0.184467440737095516159", "2.220446049250313e-16", "9007199254740993.0"}) {
        CAPTURE(text);
        CHECK(same_bits(event_of(text).d, std::strtod(text, nullptr)));
    }
}

TEST_CASE("json numbers: a saved graph with a zero written as 0e100 reads as zero") {
    const std::string json = R"({"directed": true, "multigraph": true, "graph": {},
        "nodes": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}],
        "edges": [{"source": "a", "target": "b", "key": "k", "predicate": "meets", "weight": 0e100,
                   "confidence": 0.000000000000000000000000000}]})";
    const kg::KnowledgeGraph g = kg::parse_json(json, "zero.json");
    REQUIRE(g.num_relations() == 1);
    const auto e = *boost::edges(g.graph()).first;
    CHECK(g.graph()[e].weight == 0.0);
    CHECK(g.graph()[e].confidence == 0.0);
}
