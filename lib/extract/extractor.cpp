#include <kg/extract.hpp>

#include "core/doc.hpp"
#include "extract/stages.hpp"
#include "mentions/mentions.hpp"
#include "relations/relations.hpp"
#include "resolve/resolve.hpp"
#include "text/util.hpp"

#include <kg/graph.hpp>

#include <kg/limits.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <optional>

namespace kg {

struct Extractor::Impl {
    const detail::Lexicons* lx = nullptr;
};

Extractor::Extractor() : impl_(std::make_unique<Impl>()) { impl_->lx = &detail::Lexicons::get(); }
Extractor::~Extractor() = default;
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;

namespace {

bool is_code(const std::string& name) {
    bool digit = false, alpha = false;
    for (char c : name) {
        if (c == ' ') return false;
        digit = digit || (c >= '0' && c <= '9');
        alpha = alpha || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
    return digit && alpha && name.size() <= 6;
}

// A bare model code ("R2") is named after its maker ("Acme R2"), so that it meets the full name used
// elsewhere and two makers' "R2" never merge.
void name_codes_after_makers(detail::DocState& st) {
    for (const DocRelation& r : st.relations) {
        if (r.predicate != "develops") continue;
        detail::DocEnt& product = st.entities[r.object];
        if (product.type == EntityType::PRODUCT && is_code(product.name))
            product.name = st.entities[r.subject].name + " " + product.name;
    }
}

// Every span's code-point offset, in one pass over the text: a code point starts at each byte that is not a
// UTF-8 continuation byte (the text is valid UTF-8, checked when it was read).
void set_code_points(DocExtraction& x, std::string_view text) {
    std::vector<Span*> spans;
    for (DocEntity& e : x.entities)
        for (Mention& m : e.mentions) spans.push_back(&m);
    for (DocRelation& r : x.relations) spans.push_back(&r.evidence);
    std::sort(spans.begin(), spans.end(), [](const Span* a, const Span* b) { return a->start < b->start; });
    std::size_t byte = 0, cp = 0;
    for (Span* s : spans) {
        const std::size_t to = std::min(s->start, text.size());
        for (; byte < to; ++byte) cp += (static_cast<unsigned char>(text[byte]) & 0xC0) != 0x80;
        s->cp_start = cp;
    }
}

DocExtraction to_extraction(const detail::DocState& st) {
    DocExtraction x;
    x.doc = st.doc->id;
    // Entities with the same name and type (after renaming) are one entity. Key: name, NUL, type.
    detail::StringMap<std::size_t> index;
    std::string key;
    std::vector<std::size_t> remap(st.entities.size(), SIZE_MAX);
    std::vector<std::pair<std::uint32_t, std::size_t>> order;  // first mention → entity
    for (std::size_t k = 0; k < st.entities.size(); ++k) {
        std::uint32_t first = UINT32_MAX;
        for (std::size_t m : st.entities[k].mentions) first = std::min(first, st.tok.tokens[st.mentions[m].b].start);
        if (st.entities[k].mentions.empty()) continue;
        order.emplace_back(first, k);
    }
    std::sort(order.begin(), order.end());
    x.entities.reserve(order.size());
    for (const auto& [first, k] : order) {
        const detail::DocEnt& e = st.entities[k];
        key = e.name;
        key += '\0';
        key += static_cast<char>('0' + static_cast<int>(e.type));
        auto [slot, inserted] = index.try_emplace(key);
        if (inserted) {
            *slot = x.entities.size();
            DocEntity de;
            de.name = e.name;
            de.type = e.type;
            if (e.source >= detail::TypeSource::cue) {
                de.type_confidence = static_cast<double>(e.source) / static_cast<double>(detail::TypeSource::lexicon);
            } else {
                // The recognizer's confidence, rounded (outputs are the same bytes on every build) and below
                // the gazetteer's certainty.
                float c = 0;
                for (std::size_t m : e.mentions) c = std::max(c, st.mentions[m].confidence);
                de.type_confidence = std::min(0.99, std::round(100.0 * c) / 100.0);
            }
            x.entities.push_back(std::move(de));
        }
        remap[k] = *slot;
        DocEntity& de = x.entities[*slot];
        if (inserted) de.mentions.reserve(e.mentions.size());
        for (std::size_t m : e.mentions) {
            const detail::MentionCand& mc = st.mentions[m];
            const auto& T = st.tok.tokens;
            std::uint32_t start = T[mc.b].start, end = T[mc.e - 1].end;
            de.mentions.push_back(Mention{st.doc->id, start, end, st.doc->text.substr(start, end - start)});
            if (mc.surface != de.name && std::find(de.aliases.begin(), de.aliases.end(), mc.surface) == de.aliases.end())
                de.aliases.push_back(mc.surface);
        }
    }
    for (DocEntity& de : x.entities) {
        std::sort(de.mentions.begin(), de.mentions.end());
        de.mentions.erase(std::unique(de.mentions.begin(), de.mentions.end()), de.mentions.end());
        std::sort(de.aliases.begin(), de.aliases.end());
    }
    for (const DocRelation& r : st.relations) {
        if (remap[r.subject] == SIZE_MAX || remap[r.object] == SIZE_MAX || remap[r.subject] == remap[r.object]) continue;
        DocRelation out = r;
        out.subject = remap[r.subject];
        out.object = remap[r.object];
        x.relations.push_back(std::move(out));
    }
    std::stable_sort(x.relations.begin(), x.relations.end(),
                     [](const DocRelation& a, const DocRelation& b) { return a.evidence.start < b.evidence.start; });
    for (const auto& [token, entity] : st.pronoun_links)
        if (remap[entity] != SIZE_MAX)
            x.pronouns.push_back(PronounLink{st.tok.tokens[token].start, st.tok.tokens[token].end, remap[entity]});
    return x;
}

}  // namespace

DocExtraction Extractor::operator()(const Document& doc) const {
    // One working state per thread, emptied between documents but keeping its memory (DocState::reset()).
    // A call made while the thread's state is in use (not that the stages make one) gets its own.
    thread_local detail::DocState kept;
    thread_local bool kept_busy = false;
    std::optional<detail::DocState> own;
    detail::DocState& st = kept_busy ? own.emplace() : kept;
    struct Release {
        detail::DocState& st;
        bool& busy;
        bool owner;
        ~Release() {
            if (!owner) return;
            st.reset();
            // What a huge document needed is given back rather than held by the thread.
            if (st.held_bytes() > (std::size_t(16) << 20)) st = detail::DocState();
            busy = false;
        }
    } release{st, kept_busy, !kept_busy};
    kept_busy = true;
    st.reset();
    st.doc = &doc;
    st.lx = impl_->lx;
    using detail::stages::Scope;
    using detail::stages::Stage;
    {
        Scope timed(Stage::tokenize);
        detail::tokenize(doc.text, impl_->lx->abbreviations, st.tok);
    }
    if (st.tok.cut_sentences > 0)
        warn((doc.source.empty() ? doc.id : doc.source) + ": " + std::to_string(st.tok.cut_sentences) +
             " sentence(s) longer than " + std::to_string(limits::max_sentence_tokens) +
             " tokens were split (kg::limits::max_sentence_tokens)");
    {
        Scope timed(Stage::lexicon);
        detail::prepare_tokens(st);
        detail::tag_tokens(st);
    }
    {
        Scope timed(Stage::mentions);
        detail::find_mentions(st);
    }
    {
        Scope timed(Stage::resolve);
        detail::resolve_entities(st);
    }
    {
        Scope timed(Stage::relations);
        detail::find_relations(st);
    }
    Scope timed(Stage::output);
    name_codes_after_makers(st);
    // The analyst's merge rules (merges.tsv) rename an entity; its old name stays as an alias.
    if (!impl_->lx->merges.empty()) {
        std::string folded;
        for (auto& e : st.entities) {
            folded.clear();
            bool space = false;
            detail::fold_append(folded, space, e.name);  // fold_name(e.name) without a new string per entity
            if (const std::string* to = impl_->lx->merges.find(folded)) e.name = *to;
        }
    }
    DocExtraction x = to_extraction(st);
    set_code_points(x, doc.text);
    return x;
}

}  // namespace kg
