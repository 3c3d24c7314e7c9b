/// \file
/// kg/dedup.hpp — near-duplicate articles (wire copies, syndicated stories) by shingle MinHash.
///
/// Contract: a fingerprint depends only on the text. Two texts whose sets of 5-word shingles (lower-cased
/// ASCII letters and digits, other bytes as word breaks... non-ASCII bytes kept) overlap with Jaccard
/// similarity s agree on about s of the 64 bins, so similarity() estimates s. find_duplicates() is
/// deterministic: each text is compared with the texts before it, and a copy points at the first text of
/// its group, so the result depends on the order given (the graph builder gives bytewise id order).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kg {

/// One-permutation MinHash of a text's 5-word shingles.
struct Fingerprint {
    static constexpr std::size_t kBins = 64;  ///< number of MinHash bins
    std::array<std::uint32_t, kBins> bins{};  ///< smallest shingle hash per bin (densified: no empty bins)
    std::uint32_t shingles = 0;               ///< number of shingles seen; texts with fewer than 10 are never duplicates
};

/// The fingerprint of a text.
Fingerprint fingerprint(std::string_view text);

/// Estimated Jaccard similarity of the two texts' shingle sets, in [0, 1].
double similarity(const Fingerprint& a, const Fingerprint& b) noexcept;

/// The bins as 512 lower-case hex digits (8 per bin, most significant first), as saved files store them.
std::string to_hex(const Fingerprint& fingerprint);

/// Reads to_hex() output back into `fingerprint.bins` (shingles untouched); false unless exactly 512 hex digits.
bool bins_from_hex(std::string_view hex, Fingerprint& fingerprint) noexcept;

/// For each fingerprint, the index of the earlier one it copies (similarity >= threshold), or SIZE_MAX.
/// Candidates come from 16 bands of 4 bins (locality-sensitive hashing), so the cost is linear.
std::vector<std::size_t> find_duplicates(const std::vector<const Fingerprint*>& fingerprints, double threshold = 0.8);

}  // namespace kg
