#include <kg/extract.hpp>

#include "extract/doc.hpp"

#include <kg/limits.hpp>

#include <algorithm>
#include <map>

namespace kg {

struct Extractor::Impl {
    const detail::Lexicons* lx = nullptr;
};

Extractor::Extractor() : impl_(std::make_unique<Impl>()) { impl_->lx = &detail::Lexicons::get(); }
Extractor::~Extractor() = default;
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;

namespace detail {
void tag_tokens(DocState& st) {
    const Tagger& tagger = Tagger::get();
    st.tags.assign(st.tok.tokens.size(), Upos::X);
    std::vector<std::string_view> words;
    for (const Sentence& se : st.tok.sentences) {
        words.clear();
        for (std::uint32_t i = se.begin; i < se.end; ++i) words.push_back(st.tok.tokens[i].text);
        if (!words.empty()) tagger.tag(words.data(), words.size(), st.tags.data() + se.begin);
    }
}
}  // namespace detail

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

DocExtraction to_extraction(const detail::DocState& st) {
    DocExtraction x;
    x.doc = st.doc->id;
    // Entities with the same name and type (after renaming) are one entity.
    std::map<std::pair<std::string, EntityType>, std::size_t> index;
    std::vector<std::size_t> remap(st.entities.size(), SIZE_MAX);
    std::vector<std::pair<std::uint32_t, std::size_t>> order;  // first mention → entity
    for (std::size_t k = 0; k < st.entities.size(); ++k) {
        std::uint32_t first = UINT32_MAX;
        for (std::size_t m : st.entities[k].mentions) first = std::min(first, st.tok.tokens[st.mentions[m].b].start);
        if (st.entities[k].mentions.empty()) continue;
        order.emplace_back(first, k);
    }
    std::sort(order.begin(), order.end());
    for (const auto& [first, k] : order) {
        const detail::DocEnt& e = st.entities[k];
        auto key = std::make_pair(e.name, e.type);
        auto it = index.find(key);
        if (it == index.end()) {
            it = index.emplace(key, x.entities.size()).first;
            DocEntity de;
            de.name = e.name;
            de.type = e.type;
            de.type_confidence = static_cast<double>(e.source) / static_cast<double>(detail::TypeSource::lexicon);
            x.entities.push_back(std::move(de));
        }
        remap[k] = it->second;
        DocEntity& de = x.entities[it->second];
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
    return x;
}

}  // namespace

DocExtraction Extractor::operator()(const Document& doc) const {
    detail::DocState st;
    st.doc = &doc;
    st.lx = impl_->lx;
    st.tok = detail::tokenize(doc.text, impl_->lx->abbreviations);
    if (st.tok.cut_sentences > 0)
        warn((doc.source.empty() ? doc.id : doc.source) + ": " + std::to_string(st.tok.cut_sentences) +
             " sentence(s) longer than " + std::to_string(limits::max_sentence_tokens) +
             " tokens were split (kg::limits::max_sentence_tokens)");
    detail::tag_tokens(st);
    detail::find_mentions(st);
    detail::resolve_entities(st);
    detail::find_relations(st);
    name_codes_after_makers(st);
    // The analyst's merge rules (merges.tsv) rename an entity; its old name stays as an alias.
    for (auto& e : st.entities)
        if (auto it = impl_->lx->merges.find(fold_name(e.name)); it != impl_->lx->merges.end()) e.name = it->second;
    return to_extraction(st);
}

void reconcile_types(std::vector<DocExtraction>& xs) {
    // A name typed by a guess in one document ("post-ChatGPT era") takes the type another document
    // established with evidence ("released ChatGPT"), so one thing does not become two nodes.
    std::map<std::string, std::pair<double, EntityType>> best;
    for (const auto& x : xs)
        for (const auto& e : x.entities) {
            auto it = best.find(e.name);
            if (it == best.end() || e.type_confidence > it->second.first) best[e.name] = {e.type_confidence, e.type};
        }
    for (auto& x : xs)
        for (auto& e : x.entities) {
            const auto& [conf, type] = best[e.name];
            if (e.type_confidence < 0.5 && conf >= 0.5 && type != e.type) {
                e.type = type;
                e.type_confidence = conf;
            }
        }
}

KnowledgeGraph build_graph(const std::vector<Document>& docs) {
    Extractor extract;
    std::vector<DocExtraction> xs;
    xs.reserve(docs.size());
    for (const Document& d : docs) xs.push_back(extract(d));
    reconcile_types(xs);
    KnowledgeGraph g;
    for (std::size_t i = 0; i < docs.size(); ++i) {
        const Document& d = docs[i];
        g.add_document(DocumentInfo{d.id, d.source, d.text.size(), d.title, d.date, d.publisher, d.url, {}});
        g.add(xs[i]);
    }
    return g;
}

}  // namespace kg
