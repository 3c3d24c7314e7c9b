// Extracted documents as they wait for the id-ordered merge, packed into one byte string each.
//
// Why: the merge needs every document in id order, so all of a corpus's extractions are held until its
// last document is read. As structs (a std::string for every mention's document id and text, 80 bytes a
// mention before its text) they took 4 GB for a 1 GB corpus and set the run's peak memory; packed (varints,
// each mention's text written as a reference to its entity's name or alias when it is one) they take a
// fraction of that, and each is unpacked only when the merge reaches it.
#pragma once

#include <kg/extract.hpp>

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace kg::detail {

/// A document waiting to be merged: what the merge reads of every document first (id order, near-copies)
/// unpacked, its extraction packed.
struct HeldDocument {
    DocumentInfo info;        ///< as in ExtractedDocument
    Fingerprint fingerprint;  ///< as in ExtractedDocument
    std::string packed;       ///< pack(extraction)
};

/// Packs a document's extraction.
std::string pack(const DocExtraction& extraction, const std::string& doc_id);
/// The extraction pack() packed, exactly (every field, every string byte for byte).
DocExtraction unpack(std::string_view packed, const std::string& doc_id);

/// Calls seen(name, type, type_confidence, aliases, mentions) for each entity of a packed extraction, in
/// order, without unpacking the rest (type reconciliation and the name joins across documents read only
/// these); `aliases` is a std::vector<std::string_view> valid during the call, `mentions` their number.
template <class Seen>
void for_each_entity(std::string_view packed, Seen&& seen);

/// Moves an extracted document into its held form.
HeldDocument hold(ExtractedDocument&& document);
/// Moves a held document back (the packed string is freed).
ExtractedDocument release(HeldDocument&& held);

// --- implementation of the template ---

/// Writes numbers (LEB128 varints), texts (length and bytes), reals (the double's bytes) and bytes.
class PackWriter {
public:
    void number(std::uint64_t v) {
        while (v >= 0x80) {
            out.push_back(static_cast<char>((v & 0x7f) | 0x80));
            v >>= 7;
        }
        out.push_back(static_cast<char>(v));
    }
    void text(std::string_view s) {
        number(s.size());
        out.append(s);
    }
    void real(double d) {
        char b[sizeof d];
        std::memcpy(b, &d, sizeof d);
        out.append(b, sizeof d);
    }
    void byte(unsigned char b) { out.push_back(static_cast<char>(b)); }

    std::string out;  ///< what was written
};

/// Reads what PackWriter (and so pack()) writes, trusting it: packed data never comes from outside.
class PackReader {
public:
    explicit PackReader(std::string_view data) : p_(data.data()), end_(data.data() + data.size()) {}
    std::uint64_t number() {
        std::uint64_t v = 0;
        for (int shift = 0;; shift += 7) {
            const auto b = static_cast<unsigned char>(*p_++);
            v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
            if (b < 0x80) return v;
        }
    }
    std::string_view text() {
        const std::size_t n = static_cast<std::size_t>(number());
        std::string_view s(p_, n);
        p_ += n;
        return s;
    }
    double real() {
        double d;
        std::memcpy(&d, p_, sizeof d);
        p_ += sizeof d;
        return d;
    }
    unsigned char byte() { return static_cast<unsigned char>(*p_++); }
    bool done() const { return p_ == end_; }

private:
    const char* p_;
    const char* end_;
};

template <class Seen>
void for_each_entity(std::string_view packed, Seen&& seen) {
    PackReader r(packed);
    if (r.byte() != 0) r.text();  // the extraction's own doc id, when it is not the document's
    thread_local std::vector<std::string_view> aliases;
    for (std::uint64_t n = r.number(); n > 0; --n) {  // the entity summaries come first for this reader
        const std::string_view name = r.text();
        const auto type = static_cast<EntityType>(r.byte());
        const double confidence = r.real();
        aliases.clear();
        for (std::uint64_t k = r.number(); k > 0; --k) aliases.push_back(r.text());
        const std::size_t mentions = static_cast<std::size_t>(r.number());
        seen(name, type, confidence, aliases, mentions);
    }
}

}  // namespace kg::detail
