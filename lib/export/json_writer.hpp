// Internal: the JSON value writers shared by the node-link and Cytoscape.js exports.
#pragma once

#include "export/provenance.hpp"
#include "export/text.hpp"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <cmath>
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

namespace kg::exportdetail {

// A RapidJSON output stream onto a std::ostream through a small buffer: exports of big graphs are
// gigabytes, and a StringBuffer would hold all of it in memory before the first byte is written.
class OStreamSink {
public:
    using Ch = char;
    explicit OStreamSink(std::ostream& out) : out_(out) {}
    OStreamSink(const OStreamSink&) = delete;
    OStreamSink& operator=(const OStreamSink&) = delete;
    ~OStreamSink() { Flush(); }
    void Put(char c) {
        if (n_ == sizeof buf_) Flush();
        buf_[n_++] = c;
    }
    void Flush() {
        out_.write(buf_, static_cast<std::streamsize>(n_));
        n_ = 0;
    }

private:
    std::ostream& out_;
    std::size_t n_ = 0;
    char buf_[1 << 16];
};

using JsonWriter = rapidjson::PrettyWriter<OStreamSink>;

// RapidJSON escapes quotes, backslash and control characters but passes bytes through; ill-formed UTF-8
// is replaced first so the file always parses.
inline void put(JsonWriter& w, std::string_view s) {
    const std::string clean = sanitize_utf8(s, false);
    w.String(clean.data(), static_cast<rapidjson::SizeType>(clean.size()));
}

// JSON has no NaN/Infinity; null keeps the file loadable (NetworkX reads it as None). RapidJSON's own
// Double() is Grisu2, which is not always the shortest form; to_chars is, and reads back to the same bytes.
inline void put_number(JsonWriter& w, double v) {
    if (std::isfinite(v)) {
        const std::string s = format_json_double(v);
        w.RawValue(s.data(), s.size(), rapidjson::kNumberType);
    } else {
        w.Null();
    }
}

// first_seen and last_seen when a dated document is behind the node or edge; absent otherwise (null in
// Cytoscape's table).
inline void put_seen(JsonWriter& w, const Seen& seen) {
    if (seen.first.empty()) return;
    w.Key("first_seen");
    put(w, seen.first);
    w.Key("last_seen");
    put(w, seen.last);
}

}  // namespace kg::exportdetail
