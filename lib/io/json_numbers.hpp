// JSON numbers converted exactly, without RapidJSON's full-precision mode.
//
// Why: Debian's RapidJSON (1.1.0) converts a zero written with a large exponent ("0e100", or "0.0…0" with
// more than 22 zeros) to garbage in full-precision mode, through undefined behaviour (upstream issue
// #1249, fixed after 1.1.0; fuzzing found it here). So libkg's readers take numbers as text
// (kParseNumbersAsStringsFlag) and convert them here: integers as RapidJSON classifies them (Int, Uint,
// Int64, Uint64, else Double), other numbers with strtod in the C locale, which rounds correctly, as the
// full-precision mode means to, and whatever locale the program has set.
#pragma once

#include <rapidjson/document.h>
#include <rapidjson/encodedstream.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <locale.h>
#include <string>
#include <string_view>

namespace kg::iodetail {

/// Calls the RapidJSON handler event a number's text stands for (text already checked to be a JSON number,
/// or NaN/Infinity when the parse allows them).
template <class Handler>
bool number_event(Handler& h, std::string_view text) {
    const bool minus = !text.empty() && text.front() == '-';
    const std::string_view digits = minus ? text.substr(1) : text;
    if (digits.find_first_not_of("0123456789") == std::string_view::npos) {
        std::uint64_t v = 0;
        const auto r = std::from_chars(digits.data(), digits.data() + digits.size(), v);
        if (r.ec == std::errc()) {
            if (!minus) return v <= UINT32_MAX ? h.Uint(static_cast<unsigned>(v)) : h.Uint64(v);
            if (v <= 2147483648u) return h.Int(static_cast<int>(-static_cast<std::int64_t>(v)));
            if (v <= 9223372036854775808u) return h.Int64(static_cast<std::int64_t>(~v + 1));
        }
    }
    if (digits.find('N') != std::string_view::npos) return h.Double(std::numeric_limits<double>::quiet_NaN());  // "-NaN" too
    // Most numbers are short decimals ("0.85"): at most 15 digits and no exponent, the digits and the power
    // of ten are exact doubles, so one division rounds correctly (Clinger's fast path), without strtod.
    if (digits.size() <= 16 && digits.find_first_of("eEI") == std::string_view::npos) {
        std::uint64_t significand = 0;
        int fraction = -1, count = 0;  // digits after the point (-1: no point yet), digits taken
        for (char c : digits) {
            if (c == '.') {
                fraction = 0;
                continue;
            }
            significand = significand * 10 + static_cast<unsigned>(c - '0');
            ++count;
            if (fraction >= 0) ++fraction;
        }
        static constexpr double pow10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
        if (count <= 15) {
            const double d = static_cast<double>(significand) / pow10[fraction < 0 ? 0 : fraction];
            return h.Double(minus ? -d : d);
        }
    }
    static const locale_t c_locale = newlocale(LC_ALL_MASK, "C", nullptr);
    const std::string z(text);  // strtod needs the terminating zero
    return h.Double(strtod_l(z.c_str(), nullptr, c_locale));
}

/// A RapidJSON handler that passes every event on to `Handler`, numbers converted by number_event().
template <class Handler>
struct ExactNumbers {
    Handler& h;
    bool Null() { return h.Null(); }
    bool Bool(bool b) { return h.Bool(b); }
    bool Int(int i) { return h.Int(i); }
    bool Uint(unsigned u) { return h.Uint(u); }
    bool Int64(std::int64_t i) { return h.Int64(i); }
    bool Uint64(std::uint64_t u) { return h.Uint64(u); }
    bool Double(double d) { return h.Double(d); }
    bool RawNumber(const char* s, rapidjson::SizeType n, bool) { return number_event(h, std::string_view(s, n)); }
    bool String(const char* s, rapidjson::SizeType n, bool copy) { return h.String(s, n, copy); }
    bool StartObject() { return h.StartObject(); }
    bool Key(const char* s, rapidjson::SizeType n, bool copy) { return h.Key(s, n, copy); }
    bool EndObject(rapidjson::SizeType members) { return h.EndObject(members); }
    bool StartArray() { return h.StartArray(); }
    bool EndArray(rapidjson::SizeType elements) { return h.EndArray(elements); }
};

/// Parses `text` into `handler` with `Flags` plus numbers as text, converted by number_event().
template <unsigned Flags, class Handler, class Stream>
rapidjson::ParseResult parse_exact(Stream& stream, Handler& handler) {
    rapidjson::GenericReader<rapidjson::UTF8<>, rapidjson::UTF8<>> reader;
    ExactNumbers<Handler> exact{handler};
    return reader.Parse<Flags | rapidjson::kParseNumbersAsStringsFlag>(stream, exact);
}

/// Document::Parse<Flags>(text), numbers converted by number_event(). On an error the document is left
/// null and the result says what and where (the document's own GetParseError() does not).
template <unsigned Flags>
rapidjson::ParseResult parse_exact(rapidjson::Document& d, std::string_view text) {
    rapidjson::MemoryStream ms(text.data(), text.size());
    rapidjson::EncodedInputStream<rapidjson::UTF8<>, rapidjson::MemoryStream> is(ms);
    rapidjson::ParseResult result;
    auto generate = [&](rapidjson::Document& handler) {
        result = parse_exact<Flags>(is, handler);
        return !result.IsError();
    };
    d.SetNull();
    d.Populate(generate);
    return result;
}

}  // namespace kg::iodetail
