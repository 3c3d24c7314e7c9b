// Private to the library: the hash index behind KnowledgeGraph's lookups, also used by the readers
// (lib/io) for their own id tables. Not installed; kg/graph.hpp does not include it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace kg::detail {

// An open-addressing hash index of handles whose keys live elsewhere (in the graph: ids, labels), so an
// entry costs 8 bytes of hash plus the handle and no allocation; `same(handle)` tells whether a handle's
// key is the one looked up. Entries are never removed one by one: a graph whose vertices were removed
// rebuilds its indexes from scratch (clear(), then insert()).
template <class T>
class HandleIndex {
public:
    HandleIndex() = default;
    HandleIndex(HandleIndex&& other) noexcept : slots_(std::move(other.slots_)), size_(other.size_) { other.size_ = 0; }
    HandleIndex& operator=(HandleIndex&& other) noexcept {
        slots_ = std::move(other.slots_);
        size_ = other.size_;
        other.size_ = 0;
        return *this;
    }

    // The handle whose key has this hash and satisfies `same`, or null.
    template <class Same>
    const T* find(std::uint64_t hash, Same same) const {
        if (slots_.empty()) return nullptr;
        hash = fix(hash);
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
            const Slot& s = slots_[i];
            if (s.hash == 0) return nullptr;
            if (s.hash == hash && same(s.handle)) return &s.handle;
        }
    }
    // Starts loading the slot where a key with this hash would be.
    void prefetch([[maybe_unused]] std::uint64_t hash) const {
#if defined(__GNUC__)
        if (!slots_.empty()) __builtin_prefetch(&slots_[fix(hash) & (slots_.size() - 1)]);
#endif
    }
    // Adds a handle whose key is known not to be present yet.
    void insert(std::uint64_t hash, const T& handle) {
        if (2 * (size_ + 1) > slots_.size()) grow(2 * (size_ + 1));
        place(fix(hash), handle);
        ++size_;
    }
    // Room for `n` entries without rehashing.
    void reserve(std::size_t n) {
        if (2 * n > slots_.size()) grow(2 * n);
    }
    // Drops every entry, keeping the slots' memory for the rebuild that follows.
    void clear() noexcept {
        for (Slot& s : slots_) s = Slot{};
        size_ = 0;
    }

private:
    struct Slot {
        std::uint64_t hash = 0;  // 0: empty
        T handle{};
    };
    static std::uint64_t fix(std::uint64_t hash) noexcept { return hash ? hash : 1; }
    void place(std::uint64_t hash, const T& handle) {
        const std::size_t mask = slots_.size() - 1;
        std::size_t i = hash & mask;
        while (slots_[i].hash != 0) i = (i + 1) & mask;
        slots_[i].hash = hash;
        slots_[i].handle = handle;
    }
    void grow(std::size_t want) {
        std::size_t cap = 16;
        while (cap < want) cap *= 2;
        std::vector<Slot> old(cap);
        old.swap(slots_);
        for (const Slot& s : old)
            if (s.hash != 0) place(s.hash, s.handle);
    }

    std::vector<Slot> slots_;  // size a power of two, at most half full
    std::size_t size_ = 0;
};

}  // namespace kg::detail
