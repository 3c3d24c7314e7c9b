// Names across documents, in two halves like the type votes: note() sees every document (packed) before
// the merge, apply() renames one document's entities as it is merged, so the result depends on the set of
// documents, never on their order of arrival, and an incremental update equals one run.
// - Every name takes its canonical form: of the ways the corpus writes it (same fold_name()), the one with
//   the most mentions, ties to the longer, then the bytewise smaller.
// - A one-word name in an article that writes no fuller one ("Trump") joins a full name of the corpus
//   ("Donald Trump") that the corpus uses it for (a surname, or a form some article wrote alone beside the
//   full name: "Xi" for Xi Jinping, not "Kim" for every Kim X) when the two articles share context: an
//   entity few articles name (at most one in twenty, or three), or dates a week apart. Of several such
//   full names, the one sharing strictly more context takes it ("Trump" in an article on the election,
//   beside articles on Melania Trump); a tie stays apart (two people called Li who fit equally).
#pragma once

#include <kg/model.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kg::detail {

/// One short form renamed to its full name in one document.
struct ShortFormJoin {
    std::size_t entity = 0;  ///< index into the document's entities (renamed in place)
    std::string alias;       ///< the short form as the document wrote it
    double confidence = 0;   ///< from how much context the documents share (rounded to hundredths)
};

class ShortFormJoins {
public:
    /// Records one entity of document `doc` (indices increase from call to call), with the other names the
    /// document wrote for it, and the document's date.
    void note(std::size_t doc, std::string_view date, std::string_view name, EntityType type,
              const std::vector<std::string_view>& aliases, std::size_t mentions);
    /// Ends the notes (before the first apply()).
    void finish();
    /// Renames in `x` (document `doc`, dated `date`) each short form the rules join, and gives every name
    /// its canonical form; returns the joins made.
    std::vector<ShortFormJoin> apply(std::size_t doc, std::string_view date, DocExtraction& x) const;

    /// Days since 1970-01-01 of an ISO 8601 date ("2024-07-26..."), or INT32_MIN when it is not one.
    static std::int32_t day_number(std::string_view date);
    /// Documents this many days apart or closer share context by date alone.
    static constexpr std::int32_t near_days = 7;

private:
    struct Full {
        std::uint32_t name = 0;            ///< id of the full name
        EntityType type = EntityType::UNKNOWN;
        bool used = false;                 ///< some document used the short form for it (or it is its surname)
    };
    /// The fuller names a short form may stand for, in the order first seen. A short form of more than
    /// eight ("Smith") is never joined: context would have to tell apart too many people.
    struct Candidates {
        Full fulls[8];
        std::uint8_t n = 0;
        bool many = false;
    };
    /// Open addressing from 64-bit hashes to ids, growing at half load: the merge looks up every entity of
    /// every document, and a node-based map costs a cache miss and an allocation each.
    class Ids {
    public:
        std::uint32_t insert(std::uint64_t h, std::uint32_t next);  ///< the id of h, `next` if new
        const std::uint32_t* find(std::uint64_t h) const;
    private:
        std::vector<std::pair<std::uint64_t, std::uint32_t>> slots_;  // key 0: empty
        std::size_t used_ = 0;
    };
    std::uint32_t id_of(std::uint64_t h);
    void offer(std::string_view short_folded, Full full, bool used);
    /// How many uncommon entities document `doc` (entities `x`, ids `ids`, short form `k`) shares with the
    /// documents of `full` (up to kContextCount), and whether one of those is dated within near_days of `today`.
    void context(const Full& full, std::size_t doc, std::int32_t today, const DocExtraction& x, std::size_t k,
                 const std::vector<const std::uint32_t*>& ids, int& shared, bool& near) const;

    Ids ids_;                                                // hash of a folded name → id
    std::string fold_;                                       // scratch for note()
    std::vector<std::string> names_;                         // id → the canonical form (after finish())
    std::vector<std::uint32_t> counts_;                      // id → mentions of names_[id] as written so far
    // Ids written in more than one way ("Democratic Party", "Democratic party"): every form and its mentions.
    std::unordered_map<std::uint32_t, std::vector<std::pair<std::string, std::size_t>>> variants_;
    std::vector<std::vector<std::uint32_t>> postings_;       // id → documents naming it, increasing
    std::unordered_map<std::uint64_t, Candidates> shorts_;   // hash of a folded short form → its fuller names
    std::vector<std::int32_t> day_;                          // document → day number
    std::unordered_map<std::uint32_t, std::vector<std::int32_t>> days_;  // full name id → its documents' days, sorted
};

}  // namespace kg::detail
