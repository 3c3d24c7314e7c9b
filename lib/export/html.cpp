// The interactive map (kg-export --html): one self-contained page, the template, style and script of
// data/html/ (embedded in the library) around the graph as JSON.
#include <kg/export.hpp>

#include <kg/limits.hpp>
#include <kg/predicates.hpp>
#include <kg/version.hpp>
#include <kg/view.hpp>

#include "data/embedded.hpp"
#include "export/style.hpp"
#include "export/text.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace kg {

namespace {

// A JSON string that is also safe inside <script>: the HTML parser ends the element at "</script" and
// changes state at "<!--" whatever the JSON means, so no '<' (nor '>' or '&') is written literally; U+2028
// and U+2029 are escaped because older JavaScript parsers end a line at them. Ill-formed UTF-8 becomes
// U+FFFD first, as in every other export.
void put_string(std::string& out, std::string_view s) {
    static constexpr char kHex[] = "0123456789abcdef";
    const std::string clean = exportdetail::sanitize_utf8(s, false);
    out += '"';
    for (std::size_t i = 0; i < clean.size(); ++i) {
        const auto c = static_cast<unsigned char>(clean[i]);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '<': out += "\\u003c"; break;
        case '>': out += "\\u003e"; break;
        case '&': out += "\\u0026"; break;
        default:
            if (c < 0x20 || c == 0x7F) {
                out += "\\u00";
                out += kHex[c >> 4];
                out += kHex[c & 0xF];
            } else if (c == 0xE2 && i + 2 < clean.size() && clean[i + 1] == '\x80' &&
                       (clean[i + 2] == '\xA8' || clean[i + 2] == '\xA9')) {
                out += clean[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
                i += 2;
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    out += '"';
}

void put_number(std::string& out, double v) {
    // The page needs numbers, not Python floats: the shortest form, and 0 for what JSON cannot carry.
    out += std::isfinite(v) ? exportdetail::format_double(v) : "0";
}

void put_count(std::string& out, std::size_t n) { out += std::to_string(n); }

// SHA-256 (FIPS 180-4) of the page's script, for its Content-Security-Policy: the browser then runs that
// script and nothing else, even if markup ever got into the page.
std::array<std::uint8_t, 32> sha256(std::string_view data) {
    static constexpr std::uint32_t k[64] = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};
    std::uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                          0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    auto rotr = [](std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); };
    std::string msg(data);
    const std::uint64_t bits = static_cast<std::uint64_t>(data.size()) * 8;
    msg += '\x80';
    while (msg.size() % 64 != 56) msg += '\0';
    for (int i = 7; i >= 0; --i) msg += static_cast<char>((bits >> (8 * i)) & 0xFF);
    for (std::size_t block = 0; block < msg.size(); block += 64) {
        std::uint32_t w[64];
        for (int i = 0; i < 16; ++i) {
            w[i] = 0;
            for (int b = 0; b < 4; ++b) w[i] = (w[i] << 8) | static_cast<unsigned char>(msg[block + 4 * i + b]);
        }
        for (int i = 16; i < 64; ++i) {
            const std::uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
            const std::uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        std::uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
        for (int i = 0; i < 64; ++i) {
            const std::uint32_t t1 = hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + k[i] + w[i];
            const std::uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
            hh = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
        }
        h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
    }
    std::array<std::uint8_t, 32> out{};
    for (int i = 0; i < 8; ++i)
        for (int b = 0; b < 4; ++b) out[4 * i + b] = static_cast<std::uint8_t>(h[i] >> (24 - 8 * b));
    return out;
}

std::string base64(const std::array<std::uint8_t, 32>& bytes) {
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const std::uint32_t v = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
        for (int s = 18; s >= 0; s -= 6) out += kAlphabet[(v >> s) & 63];
    }
    // 32 bytes leave two over: three characters and one '='.
    const std::uint32_t v = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += '=';
    return out;
}

// The JSON the page reads (its fields are listed at the top of data/html/explorer.js), written to `out`
// a node or an edge at a time.
void write_data(const KnowledgeGraph& graph, std::size_t total_nodes, std::size_t total_edges, std::size_t limit,
                bool show_negated, std::ostream& out) {
    const Graph& g = graph.graph();
    const std::vector<Edge> edges = exportdetail::edges_in_order(g);
    std::string buf;
    auto flush = [&] {
        out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
        buf.clear();
    };

    // Predicates present, bytewise; documents the evidence cites, in the graph's order (then any the
    // graph does not list, as first cited: foreign files may name documents they do not describe).
    std::vector<std::string> predicates;
    for (Edge e : edges) predicates.push_back(g[e].predicate);
    std::sort(predicates.begin(), predicates.end());
    predicates.erase(std::unique(predicates.begin(), predicates.end()), predicates.end());
    std::unordered_map<std::string_view, std::size_t> predicate_index;
    for (std::size_t i = 0; i < predicates.size(); ++i) predicate_index.emplace(predicates[i], i);

    std::unordered_map<std::string_view, bool> cited;
    for (Edge e : edges)
        for (const Evidence& ev : g[e].evidence) cited.emplace(ev.doc, false);
    std::vector<const DocumentInfo*> documents;
    std::vector<std::string_view> unlisted;
    std::unordered_map<std::string_view, std::size_t> document_index;
    for (const DocumentInfo& d : graph.documents()) {
        auto it = cited.find(d.id);
        if (it == cited.end() || it->second) continue;
        it->second = true;
        document_index.emplace(d.id, documents.size());
        documents.push_back(&d);
    }
    for (Edge e : edges)
        for (const Evidence& ev : g[e].evidence) {
            auto it = cited.find(ev.doc);
            if (it->second) continue;
            it->second = true;
            document_index.emplace(ev.doc, documents.size() + unlisted.size());
            unlisted.push_back(ev.doc);
        }

    buf += "{\"format\":1,\"generator\":";
    put_string(buf, std::string("libkg ") + kg::version());
    buf += ",\"total\":{\"nodes\":";
    put_count(buf, total_nodes);
    buf += ",\"edges\":";
    put_count(buf, total_edges);
    buf += "},\"shown\":{\"nodes\":";
    put_count(buf, graph.num_entities());
    buf += ",\"edges\":";
    put_count(buf, graph.num_relations());
    buf += "},\"limit\":";
    put_count(buf, limit);
    buf += show_negated ? ",\"show_negated\":1" : ",\"show_negated\":0";
    buf += ",\n\"types\":[";
    for (unsigned t = 0; t <= static_cast<unsigned>(EntityType::UNKNOWN); ++t) {
        const auto type = static_cast<EntityType>(t);
        if (t) buf += ',';
        buf += '[';
        put_string(buf, to_string(type));
        buf += ',';
        put_string(buf, exportdetail::style_of(type).hex);
        buf += ']';
    }
    buf += "],\n\"predicates\":[";
    for (std::size_t i = 0; i < predicates.size(); ++i) {
        buf += i ? ",\n[" : "\n[";
        put_string(buf, predicates[i]);
        buf += is_symmetric(predicates[i]) ? ",1," : ",0,";
        put_string(buf, predicate_meaning(predicates[i]));
        buf += ']';
    }
    buf += "],\n\"documents\":[";
    for (std::size_t i = 0; i < documents.size() + unlisted.size(); ++i) {
        buf += i ? ",\n[" : "\n[";
        if (i < documents.size()) {
            const DocumentInfo& d = *documents[i];
            for (const std::string* field : {&d.id, &d.title, &d.date, &d.publisher, &d.url}) {
                if (field != &d.id) buf += ',';
                put_string(buf, *field);
            }
        } else {
            put_string(buf, unlisted[i - documents.size()]);
            buf += ",\"\",\"\",\"\",\"\"";
        }
        buf += ']';
    }
    buf += "],\n\"nodes\":[";
    for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
        const Entity& n = g[v];
        buf += v ? ",\n[" : "\n[";
        put_string(buf, n.id);
        buf += ',';
        put_string(buf, n.label);
        buf += ',';
        put_count(buf, static_cast<unsigned>(n.type) <= static_cast<unsigned>(EntityType::UNKNOWN)
                           ? static_cast<unsigned>(n.type)
                           : static_cast<unsigned>(EntityType::UNKNOWN));
        buf += ",[";
        for (std::size_t i = 0; i < n.aliases.size(); ++i) {
            if (i) buf += ',';
            put_string(buf, n.aliases[i]);
        }
        buf += "],";
        put_count(buf, n.frequency);
        buf += ']';
        if (buf.size() > (1u << 16)) flush();
    }
    buf += "],\n\"edges\":[";
    for (std::size_t i = 0; i < edges.size(); ++i) {
        const Edge e = edges[i];
        const Relation& r = g[e];
        buf += i ? ",\n[" : "\n[";
        put_count(buf, boost::source(e, g));
        buf += ',';
        put_count(buf, boost::target(e, g));
        buf += ',';
        put_count(buf, predicate_index.at(r.predicate));
        buf += ',';
        put_number(buf, r.weight);
        buf += ',';
        put_number(buf, r.confidence);
        buf += ",[";
        for (std::size_t k = 0; k < r.evidence.size(); ++k) {
            const Evidence& ev = r.evidence[k];
            buf += k ? ",[" : "[";
            put_count(buf, document_index.at(ev.doc));
            buf += ',';
            put_string(buf, ev.text);
            buf += ',';
            put_string(buf, ev.modality);
            buf += ',';
            put_count(buf, (ev.negated ? 1u : 0u) | (ev.former ? 2u : 0u));
            buf += ']';
        }
        buf += "]]";
        if (buf.size() > (1u << 16)) flush();
    }
    buf += "]}";
    flush();
}

}  // namespace

void write_html(const KnowledgeGraph& graph, std::ostream& out, const WriteOptions& options) {
    const std::string_view page = detail::embedded_file("data/html/explorer.html");
    const std::string_view css = detail::embedded_file("data/html/explorer.css");
    const std::string_view js = detail::embedded_file("data/html/explorer.js");
    const std::size_t limit = options.html_max_nodes;

    // A bigger graph would take the browser too long to lay out: keep the entities of highest degree, as
    // --top does, and say so here (the tool prints it on stderr) and on the page.
    const KnowledgeGraph* shown = &graph;
    KnowledgeGraph top;
    if (limit > 0 && graph.num_entities() > limit) {
        ViewOptions view;
        view.top = limit;
        top = make_view(graph, view);
        shown = &top;
        warn("html: the graph has " + std::to_string(graph.num_entities()) + " entities, more than a page shows (" +
             std::to_string(limit) + "); writing the " + std::to_string(limit) + " with the most relations (choose " +
             "others with --top, --ego or --types)");
    }

    // The template's placeholders, in the order they appear, and what replaces each.
    const std::string hash = "sha256-" + base64(sha256(js));
    const std::pair<std::string_view, std::function<void()>> parts[] = {
        {"@KG_SCRIPT_HASH@", [&] { out << hash; }},
        {"/*@KG_CSS@*/", [&] { out.write(css.data(), static_cast<std::streamsize>(css.size())); }},
        {"@KG_DATA@",
         [&] { write_data(*shown, graph.num_entities(), graph.num_relations(), limit, options.show_negated, out); }},
        {"/*@KG_JS@*/", [&] { out.write(js.data(), static_cast<std::streamsize>(js.size())); }},
    };
    std::size_t pos = 0;
    for (const auto& [placeholder, fill] : parts) {
        const std::size_t at = page.find(placeholder, pos);
        if (at == std::string_view::npos)
            throw std::logic_error("libkg: data/html/explorer.html lacks " + std::string(placeholder));
        out.write(page.data() + pos, static_cast<std::streamsize>(at - pos));
        fill();
        pos = at + placeholder.size();
    }
    out.write(page.data() + pos, static_cast<std::streamsize>(page.size() - pos));
}

}  // namespace kg
