// Internal: an open-addressing map from 64-bit hashes to small values, shared by the models (the POS
// tagger, the entity recognizer) whose features are hashes.
#pragma once

#include <cstdint>
#include <vector>

namespace kg::detail {

/// Open addressing from 64-bit hashes (never 0) to small values, key and value in one slot so that a
/// lookup touches one cache line; hashes are already well mixed. A bitmap of used slots, small enough to
/// stay in cache, answers most lookups of absent keys (an unknown word's features) without touching
/// the table.
template <class V>
class FlatMap {
public:
    void reserve(std::size_t n) {
        std::size_t cap = 16;
        while (cap < n + n / 2) cap *= 2;
        slots_.assign(cap, Slot{});
        used_.assign(cap / 64 + 1, 0);
        mask_ = cap - 1;
    }
    void insert(std::uint64_t k, V v) {
        k = k ? k : 1;
        std::size_t i = k & mask_;
        while (slots_[i].key && slots_[i].key != k) i = (i + 1) & mask_;
        slots_[i].key = k;
        slots_[i].val = v;
        used_[i / 64] |= std::uint64_t(1) << (i % 64);
    }
    void prefetch(std::uint64_t k) const {
        k = k ? k : 1;
        __builtin_prefetch(&slots_[k & mask_]);
    }
    const V* find(std::uint64_t k) const {
        k = k ? k : 1;
        std::size_t i = k & mask_;
        if (!(used_[i / 64] >> (i % 64) & 1)) return nullptr;
        while (true) {
            const Slot& s = slots_[i];
            if (s.key == k) return &s.val;
            if (!s.key) return nullptr;
            i = (i + 1) & mask_;
        }
    }

private:
    struct Slot {
        std::uint64_t key = 0;
        V val{};
    };
    std::vector<Slot> slots_;
    std::vector<std::uint64_t> used_;
    std::size_t mask_ = 0;
};

}  // namespace kg::detail
