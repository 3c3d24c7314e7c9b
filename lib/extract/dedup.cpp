#include <kg/dedup.hpp>

#include <unordered_map>

namespace kg {

namespace {

constexpr std::size_t kShingle = 5;
constexpr std::uint32_t kMinShingles = 10;  // headlines and one-liners are too short to call copies
constexpr std::uint32_t kEmpty = UINT32_MAX;

std::uint64_t mix(std::uint64_t x) {  // splitmix64 finalizer: cheap, well spread
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

// Byte classes for fingerprint(): a word byte maps to itself in ASCII lower case (letters, digits and
// every byte >= 0x80), a separator to 0. One table load replaces three range tests per byte.
struct WordBytes {
    unsigned char map[256] = {};
    WordBytes() {
        for (int c = 0; c < 256; ++c) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) map[c] = static_cast<unsigned char>(c);
            else if (c >= 'A' && c <= 'Z') map[c] = static_cast<unsigned char>(c + 32);
        }
    }
};
const WordBytes word_bytes;

}  // namespace

Fingerprint fingerprint(std::string_view text) {
    Fingerprint f;
    f.bins.fill(kEmpty);
    // The last five words, oldest first: w[k] = mix(word hash). A shingle's hash combines them in order,
    // s = mix(...mix(mix(0 ^ w[0]) ^ w[1])... ^ w[4]); its first step, mix(0 ^ w[0]), depends on one word
    // only, so it is computed once per word (first[k]) rather than once per shingle the word starts.
    // (A shift register instead of a ring indexed modulo 5; the values are the same.)
    std::uint64_t w[kShingle] = {}, first[kShingle] = {};
    std::size_t words = 0;
    std::uint64_t h = 0;
    bool in_word = false;
    auto end_word = [&] {
        for (std::size_t k = 0; k + 1 < kShingle; ++k) {
            w[k] = w[k + 1];
            first[k] = first[k + 1];
        }
        w[kShingle - 1] = mix(h);
        first[kShingle - 1] = mix(w[kShingle - 1]);
        ++words;
        h = 0;
        in_word = false;
        if (words < kShingle) return;
        std::uint64_t s = first[0];
        for (std::size_t k = 1; k < kShingle; ++k) s = mix(s ^ w[k]);
        // One-permutation hashing: the top 6 bits choose the bin, the low 32 bits compete for its minimum.
        const std::size_t bin = static_cast<std::size_t>(s >> 58);
        const std::uint32_t v = static_cast<std::uint32_t>(s);
        if (v < f.bins[bin]) f.bins[bin] = v;
        ++f.shingles;
    };
    const unsigned char* map = word_bytes.map;
    for (unsigned char c : text) {
        // Words: runs of ASCII letters and digits and bytes >= 0x80, lower-cased; a word's hash is FNV-like.
        if (const unsigned char m = map[c]) {
            h = (h ^ m) * 0x100000001b3ULL + 1;
            in_word = true;
        } else if (in_word) {
            end_word();
        }
    }
    if (in_word) end_word();
    // Densify: an empty bin borrows the next non-empty bin's value (rotation), so bins stay comparable.
    if (f.shingles > 0)
        for (std::size_t b = 0; b < Fingerprint::kBins; ++b) {
            if (f.bins[b] != kEmpty) continue;
            for (std::size_t k = 1; k < Fingerprint::kBins; ++k) {
                const std::uint32_t v = f.bins[(b + k) % Fingerprint::kBins];
                if (v != kEmpty) {
                    f.bins[b] = v + static_cast<std::uint32_t>(k);  // offset keeps borrowed values distinct
                    break;
                }
            }
        }
    // The loop above may borrow from a bin filled by borrowing; that is still deterministic.
    return f;
}

double similarity(const Fingerprint& a, const Fingerprint& b) noexcept {
    if (a.shingles == 0 || b.shingles == 0) return 0;
    std::size_t same = 0;
    for (std::size_t i = 0; i < Fingerprint::kBins; ++i) same += a.bins[i] == b.bins[i];
    return static_cast<double>(same) / static_cast<double>(Fingerprint::kBins);
}

std::string to_hex(const Fingerprint& f) {
    static const char kHex[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(Fingerprint::kBins * 8);
    for (std::uint32_t v : f.bins)
        for (int s = 28; s >= 0; s -= 4) hex += kHex[(v >> s) & 15];
    return hex;
}

bool bins_from_hex(std::string_view hex, Fingerprint& f) noexcept {
    if (hex.size() != Fingerprint::kBins * 8) return false;
    std::array<std::uint32_t, Fingerprint::kBins> bins{};
    for (std::size_t i = 0; i < hex.size(); ++i) {
        const char c = hex[i];
        // Lower case only: to_hex() writes it, and one spelling keeps a re-saved file byte-identical.
        const int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (v < 0) return false;
        bins[i / 8] = (bins[i / 8] << 4) | static_cast<std::uint32_t>(v);
    }
    f.bins = bins;
    return true;
}

std::vector<std::size_t> find_duplicates(const std::vector<const Fingerprint*>& fps, double threshold) {
    constexpr std::size_t kBands = 16, kRows = Fingerprint::kBins / kBands;
    std::vector<std::size_t> out(fps.size(), SIZE_MAX);
    std::unordered_map<std::uint64_t, std::size_t> first;  // band key -> first text with it
    first.reserve(fps.size() * kBands);
    for (std::size_t i = 0; i < fps.size(); ++i) {
        const Fingerprint& f = *fps[i];
        if (f.shingles < kMinShingles) continue;
        std::uint64_t keys[kBands];
        for (std::size_t band = 0; band < kBands; ++band) {
            std::uint64_t k = mix(band + 1);
            for (std::size_t r = 0; r < kRows; ++r) k = mix(k ^ f.bins[band * kRows + r]);
            keys[band] = k;
            if (out[i] != SIZE_MAX) continue;
            auto it = first.find(k);
            if (it != first.end() && similarity(f, *fps[it->second]) >= threshold) out[i] = it->second;
        }
        if (out[i] != SIZE_MAX) continue;  // a copy adds no new bands: its original already covers them
        for (std::uint64_t k : keys) first.emplace(k, i);
    }
    return out;
}

}  // namespace kg
