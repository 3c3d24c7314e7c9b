#include <kg/dedup.hpp>

#include <algorithm>
#include <unordered_map>
#include <vector>

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

namespace {

constexpr std::size_t kLanes = 4;          // stretches of text hashed side by side
constexpr std::size_t kBlock = 1 << 15;    // bytes of text whose word hashes are held at once

// Writes the hash of every word of each lane's bytes [p, end), which hold whole words only (the byte
// before p, if any, and the byte before end, unless end ends the text, separate words) at its `out`,
// for kLanes such stretches at once. A word's hash is a chain of multiplications over its bytes; one stretch alone waits for each
// multiplication in turn, and a branch per byte to find the words' ends is mispredicted at every word.
// Here there is no branch per byte, and the lanes' chains overlap. A lane receives at most
// (end - p + 1) / 2 hashes (a word and a separator take two bytes).
struct Lane {
    const unsigned char* p;  // next byte
    const unsigned char* end;
    std::uint64_t* out;      // next free slot
    std::uint64_t h = 0;
    std::uint64_t in = 0;    // all ones inside a word
};

// One byte of a lane: the hash so far is stored at the lane's next slot on every byte, and the slot
// advances only where a word ends, which leaves exactly the finished words behind.
inline void step(Lane& l, const unsigned char* map) {
    const std::uint64_t m = map[*l.p++];
    const std::uint64_t word = 0 - static_cast<std::uint64_t>(m != 0);  // all ones on a word byte
    *l.out = l.h;
    l.out += l.in & ~word & 1;
    l.in = word;
    // A mask, not a conditional: the compiler would make that a branch, mispredicted at every word.
    l.h = ((l.h ^ m) * 0x100000001b3ULL + 1) & word;
}

void word_hashes(Lane (&lanes)[kLanes]) {
    const unsigned char* map = word_bytes.map;
    std::size_t common = SIZE_MAX;
    for (const Lane& l : lanes) common = std::min(common, static_cast<std::size_t>(l.end - l.p));
    // Four named lanes rather than an array: the compiler keeps each lane's state in registers.
    Lane a = lanes[0], b = lanes[1], c = lanes[2], d = lanes[3];
    for (std::size_t i = 0; i < common; ++i) {
        step(a, map);
        step(b, map);
        step(c, map);
        step(d, map);
    }
    lanes[0] = a;
    lanes[1] = b;
    lanes[2] = c;
    lanes[3] = d;
    for (Lane& l : lanes) {
        while (l.p < l.end) step(l, map);
        if (l.in) *l.out++ = l.h;  // a word running to the end of the text
    }
}

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
    auto add_word = [&](std::uint64_t h) {
        for (std::size_t k = 0; k + 1 < kShingle; ++k) {
            w[k] = w[k + 1];
            first[k] = first[k + 1];
        }
        w[kShingle - 1] = mix(h);
        first[kShingle - 1] = mix(w[kShingle - 1]);
        ++words;
        if (words < kShingle) return;
        std::uint64_t s = first[0];
        for (std::size_t k = 1; k < kShingle; ++k) s = mix(s ^ w[k]);
        // One-permutation hashing: the top 6 bits choose the bin, the low 32 bits compete for its minimum.
        const std::size_t bin = static_cast<std::size_t>(s >> 58);
        const std::uint32_t v = static_cast<std::uint32_t>(s);
        f.bins[bin] = std::min(f.bins[bin], v);  // no branch: early in a text, hard to predict
        ++f.shingles;
    };
    // Words: runs of ASCII letters and digits and bytes >= 0x80, lower-cased; a word's hash is FNV-like.
    // The text goes in blocks, each cut into kLanes stretches after a separator, so that no word is
    // split; the words' hashes are then taken in text order.
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    const unsigned char* map = word_bytes.map;
    auto cut_after_separator = [&](std::size_t i, std::size_t limit) {
        while (i < limit && map[p[i - 1]]) ++i;
        return i;
    };
    thread_local std::vector<std::uint64_t> hashes;
    hashes.resize(kBlock / 2 + 2 * kLanes);
    for (std::size_t start = 0; start < n;) {
        const std::size_t end = start + kBlock >= n ? n : cut_after_separator(start + kBlock, n);
        std::size_t b[kLanes + 1];
        b[0] = start;
        for (std::size_t l = 1; l < kLanes; ++l) {
            const std::size_t at = start + (end - start) * l / kLanes;
            b[l] = at <= b[l - 1] ? b[l - 1] : cut_after_separator(at, end);
        }
        b[kLanes] = end;
        // Lane l's words start at slot b[l] / 2 + l: room for the (e - b + 1) / 2 words of each lane.
        if (hashes.size() < (end - start) / 2 + 2 * kLanes) hashes.resize((end - start) / 2 + 2 * kLanes);
        Lane lanes[kLanes];
        std::uint64_t* first_slot[kLanes];
        for (std::size_t l = 0; l < kLanes; ++l) {
            first_slot[l] = hashes.data() + (b[l] - start) / 2 + l;
            lanes[l] = Lane{p + b[l], p + b[l + 1], first_slot[l]};
        }
        word_hashes(lanes);
        for (std::size_t l = 0; l < kLanes; ++l)
            for (const std::uint64_t* q = first_slot[l]; q < lanes[l].out; ++q) add_word(*q);
        start = end;
    }
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
