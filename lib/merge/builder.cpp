// GraphBuilder: a bounded queue feeding extraction threads; results are ordered by id before merging, so
// thread count and scheduling never show in the graph.
#include <kg/extract.hpp>

#include "merge/joins.hpp"
#include "merge/packed.hpp"
#include "merge/reconcile.hpp"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

namespace kg {

namespace {

using detail::HeldDocument;

HeldDocument extract_one(const Extractor& extract, const Document& doc) {
    HeldDocument x;
    x.info = DocumentInfo{doc.id, doc.source, doc.text.size(), doc.title, doc.date, doc.publisher, doc.url, {}};
    x.fingerprint = fingerprint(doc.text);
    x.packed = detail::pack(extract(doc), doc.id);
    return x;
}

// The merge proper, for held documents in strictly increasing id order. `each` sees every document as it
// was extracted (before near-copies are emptied and types reconciled), in order, just before it is merged.
KnowledgeGraph merge_held(std::vector<HeldDocument> docs, const BuildOptions& options,
                          const std::function<void(const ExtractedDocument&)>& each) {
    // Near-duplicates and type reconciliation look at earlier documents, so the order is part of the result.
    std::vector<std::size_t> copy_of(docs.size(), SIZE_MAX);
    if (!options.keep_duplicates) {
        std::vector<const Fingerprint*> fps;
        fps.reserve(docs.size());
        for (const auto& d : docs) fps.push_back(&d.fingerprint);
        copy_of = find_duplicates(fps, options.duplicate_threshold);
    }
    // A wire copy repeats its original's facts: they count once, from the original, and do not vote.
    detail::TypeVotes votes;
    detail::ShortFormJoins joins;
    for (std::size_t i = 0; i < docs.size(); ++i)
        if (copy_of[i] == SIZE_MAX)
            detail::for_each_entity(docs[i].packed, [&](std::string_view name, EntityType type, double confidence,
                                                        const std::vector<std::string_view>& aliases, std::size_t mentions) {
                votes.vote(name, type, confidence);
                joins.note(i, docs[i].info.date, name, type, aliases, mentions);
            });
    joins.finish();
    KnowledgeGraph g;
    for (std::size_t i = 0; i < docs.size(); ++i) {
        // Unpacked one at a time and freed once merged, so the peak is the graph plus what is still packed.
        ExtractedDocument d = detail::release(std::move(docs[i]));
        if (each) each(d);
        if (copy_of[i] != SIZE_MAX) {
            d.info.duplicate_of = g.documents()[copy_of[i]].id;
            d.extraction.entities.clear();
            d.extraction.relations.clear();
        }
        const std::vector<detail::ShortFormJoin> joined = joins.apply(i, d.info.date, d.extraction);
        votes.apply(d.extraction);
        g.add_document(std::move(d.info));
        g.add(d.extraction);
        for (const detail::ShortFormJoin& j : joined) {
            const DocEntity& e = d.extraction.entities[j.entity];
            g.add_join(*g.find(e.name, e.type), AliasJoin{j.alias, d.extraction.doc, j.confidence});
        }
    }
    return g;
}

}  // namespace

struct GraphBuilder::Impl {
    BuildOptions options;
    Extractor extract;
    std::vector<std::thread> workers;

    std::mutex mutex;
    std::condition_variable work_ready, space_ready, idle;
    std::deque<std::pair<std::size_t, Document>> queue;  // (arrival number, document)
    // The queue is bounded in documents and in bytes of text. The reader, once it finds it full, sleeps
    // until it is half empty: waking it for every document taken (a futex wake and a context switch per
    // article) cost a quarter of the CPU time on two cores.
    std::size_t capacity = 0;
    static constexpr std::size_t byte_capacity = 32u << 20;
    std::size_t queued_bytes = 0;
    bool reader_waiting = false;
    bool full() const { return queue.size() >= capacity || queued_bytes >= byte_capacity; }
    bool half_empty() const { return queue.size() <= capacity / 2 && queued_bytes <= byte_capacity / 2; }
    std::size_t busy = 0;
    bool stopping = false;
    std::exception_ptr failure;

    std::vector<std::pair<std::size_t, HeldDocument>> done;  // (arrival number, result)
    std::size_t arrivals = 0, docs_done = 0, bytes_done = 0;

    void record(std::size_t seq, HeldDocument x) {  // caller holds the lock
        bytes_done += x.info.bytes;
        ++docs_done;
        done.emplace_back(seq, std::move(x));
        if (options.on_progress) options.on_progress(docs_done, bytes_done);
    }

    void work() {
        std::unique_lock<std::mutex> lock(mutex);
        for (;;) {
            work_ready.wait(lock, [&] { return stopping || !queue.empty(); });
            if (queue.empty()) return;
            auto [seq, doc] = std::move(queue.front());
            queue.pop_front();
            queued_bytes -= doc.text.size();
            ++busy;
            if (reader_waiting && half_empty()) {
                reader_waiting = false;
                space_ready.notify_all();
            }
            lock.unlock();
            HeldDocument x;
            std::exception_ptr error;
            try {
                x = extract_one(extract, doc);
            } catch (...) {
                error = std::current_exception();
            }
            doc = Document{};  // the text is no longer needed: free it before taking the lock
            lock.lock();
            --busy;
            if (error) {
                if (!failure) failure = error;
                space_ready.notify_all();  // the reader stops at once instead of filling the queue again
            } else {
                record(seq, std::move(x));
            }
            if (queue.empty() && busy == 0) idle.notify_all();
        }
    }

    void wait_idle() {
        std::unique_lock<std::mutex> lock(mutex);
        idle.wait(lock, [&] { return queue.empty() && busy == 0; });
        if (failure) std::rethrow_exception(failure);
    }

    // Results in id order (ties by arrival); a repeated id is an error or, with skip_bad, dropped.
    std::vector<HeldDocument> ordered() {
        wait_idle();
        std::sort(done.begin(), done.end(), [](const auto& a, const auto& b) {
            if (a.second.info.id != b.second.info.id) return a.second.info.id < b.second.info.id;
            return a.first < b.first;
        });
        std::vector<HeldDocument> out;
        out.reserve(done.size());
        for (auto& [seq, x] : done) {
            if (!out.empty() && out.back().info.id == x.info.id) {
                Error e(ExitCode::bad_input, x.info.source + ": duplicate document id '" + x.info.id + "' (first in " +
                                                 out.back().info.source + ")");
                if (!options.skip_bad) throw e;
                if (options.on_skip) options.on_skip(e);
                continue;
            }
            out.push_back(std::move(x));
        }
        done.clear();
        return out;
    }
};

GraphBuilder::GraphBuilder(BuildOptions options) : impl_(std::make_unique<Impl>()) {
    impl_->options = std::move(options);
    unsigned n = impl_->options.threads;
    if (n == 0) n = std::max(1u, std::thread::hardware_concurrency());
    if (n > 1) {
        impl_->capacity = 32 * n;  // enough to keep every thread fed while the reader sleeps; bytes bound memory
        for (unsigned i = 0; i < n; ++i) impl_->workers.emplace_back([this] { impl_->work(); });
    }
}

GraphBuilder::~GraphBuilder() {
    {
        std::lock_guard<std::mutex> lock(impl_->mutex);
        impl_->stopping = true;
        impl_->queue.clear();
    }
    impl_->work_ready.notify_all();
    for (auto& t : impl_->workers) t.join();
}

void GraphBuilder::add(Document document) {
    Impl& m = *impl_;
    if (m.workers.empty()) {
        HeldDocument x = extract_one(m.extract, document);
        std::lock_guard<std::mutex> lock(m.mutex);
        m.record(m.arrivals++, std::move(x));
        return;
    }
    std::unique_lock<std::mutex> lock(m.mutex);
    if (m.full() && !m.failure) {
        m.reader_waiting = true;
        // Woken by a worker at half empty, or at a failure.
        m.space_ready.wait(lock, [&] { return m.half_empty() || m.failure; });
        m.reader_waiting = false;
    }
    if (m.failure) std::rethrow_exception(m.failure);
    m.queued_bytes += document.text.size();
    m.queue.emplace_back(m.arrivals++, std::move(document));
    m.work_ready.notify_one();
}

void GraphBuilder::add(ExtractedDocument extracted) {
    HeldDocument x = detail::hold(std::move(extracted));
    std::lock_guard<std::mutex> lock(impl_->mutex);
    impl_->record(impl_->arrivals++, std::move(x));
}

std::vector<ExtractedDocument> GraphBuilder::take() {
    std::vector<HeldDocument> docs = impl_->ordered();
    std::vector<ExtractedDocument> out(docs.size());
    // Unpacked on as many threads as extracted, each a stretch of the documents: on one thread this is
    // serial work after a parallel extraction (a twentieth of its time on two cores).
    const std::size_t n = std::max<std::size_t>(1, impl_->workers.size());
    auto unpack = [&](std::size_t part) {
        for (std::size_t i = docs.size() * part / n; i < docs.size() * (part + 1) / n; ++i)
            out[i] = detail::release(std::move(docs[i]));
    };
    std::vector<std::thread> helpers;
    for (std::size_t part = 1; part < n; ++part) helpers.emplace_back(unpack, part);
    unpack(0);
    for (std::thread& t : helpers) t.join();
    return out;
}

void GraphBuilder::take(const std::function<void(ExtractedDocument&&)>& each) {
    std::vector<HeldDocument> docs = impl_->ordered();
    for (HeldDocument& d : docs) each(detail::release(std::move(d)));
}

KnowledgeGraph GraphBuilder::finish(const std::function<void(const ExtractedDocument&)>& each) {
    return merge_held(impl_->ordered(), impl_->options, each);
}

KnowledgeGraph merge_documents(std::vector<ExtractedDocument> docs, const BuildOptions& options) {
    for (std::size_t i = 1; i < docs.size(); ++i)
        if (!(docs[i - 1].info.id < docs[i].info.id))
            throw Error(ExitCode::bad_input, "documents to merge are not in strictly increasing id order ('" +
                                                 docs[i - 1].info.id + "', then '" + docs[i].info.id + "')");
    std::vector<HeldDocument> held;
    held.reserve(docs.size());
    for (ExtractedDocument& d : docs) held.push_back(detail::hold(std::move(d)));
    docs = {};
    return merge_held(std::move(held), options, {});
}

KnowledgeGraph build_graph(const std::vector<Document>& docs) {
    Extractor extract;
    std::vector<HeldDocument> held;
    held.reserve(docs.size());
    for (const Document& d : docs) held.push_back(extract_one(extract, d));
    BuildOptions all;
    all.keep_duplicates = true;
    return merge_held(std::move(held), all, {});
}

void reconcile_types(std::vector<DocExtraction>& xs) {
    // A name typed by a guess in one document ("post-ChatGPT era") takes the type another document
    // established with evidence ("released ChatGPT"), so one thing does not become two nodes.
    detail::TypeVotes votes;
    for (const auto& x : xs)
        for (const auto& e : x.entities) votes.vote(e.name, e.type, e.type_confidence);
    for (auto& x : xs) votes.apply(x);
}

}  // namespace kg
