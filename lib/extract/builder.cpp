// GraphBuilder: a bounded queue feeding extraction threads; results are ordered by id before merging, so
// thread count and scheduling never show in the graph.
#include <kg/extract.hpp>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

namespace kg {

namespace {

ExtractedDocument extract_one(const Extractor& extract, const Document& doc) {
    ExtractedDocument x;
    x.info = DocumentInfo{doc.id, doc.source, doc.text.size(), doc.title, doc.date, doc.publisher, doc.url, {}};
    x.fingerprint = fingerprint(doc.text);
    x.extraction = extract(doc);
    return x;
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

    std::vector<std::pair<std::size_t, ExtractedDocument>> done;  // (arrival number, result)
    std::size_t arrivals = 0, docs_done = 0, bytes_done = 0;

    void record(std::size_t seq, ExtractedDocument x) {  // caller holds the lock
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
            ExtractedDocument x;
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
    std::vector<ExtractedDocument> ordered() {
        wait_idle();
        std::sort(done.begin(), done.end(), [](const auto& a, const auto& b) {
            if (a.second.info.id != b.second.info.id) return a.second.info.id < b.second.info.id;
            return a.first < b.first;
        });
        std::vector<ExtractedDocument> out;
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
        ExtractedDocument x = extract_one(m.extract, document);
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
    std::lock_guard<std::mutex> lock(impl_->mutex);
    impl_->record(impl_->arrivals++, std::move(extracted));
}

std::vector<ExtractedDocument> GraphBuilder::take() { return impl_->ordered(); }

KnowledgeGraph GraphBuilder::finish() { return merge_documents(impl_->ordered(), impl_->options); }

KnowledgeGraph merge_documents(std::vector<ExtractedDocument> docs, const BuildOptions& options) {
    // Near-duplicates and type reconciliation look at earlier documents, so the order is part of the result.
    for (std::size_t i = 1; i < docs.size(); ++i)
        if (!(docs[i - 1].info.id < docs[i].info.id))
            throw Error(ExitCode::bad_input, "documents to merge are not in strictly increasing id order ('" +
                                                 docs[i - 1].info.id + "', then '" + docs[i].info.id + "')");
    if (!options.keep_duplicates) {
        std::vector<const Fingerprint*> fps;
        fps.reserve(docs.size());
        for (const auto& d : docs) fps.push_back(&d.fingerprint);
        const std::vector<std::size_t> copy_of = find_duplicates(fps, options.duplicate_threshold);
        for (std::size_t i = 0; i < docs.size(); ++i)
            if (copy_of[i] != SIZE_MAX) {
                // A wire copy repeats its original's facts: they count once, from the original.
                docs[i].info.duplicate_of = docs[copy_of[i]].info.id;
                docs[i].extraction.entities.clear();
                docs[i].extraction.relations.clear();
            }
    }
    std::vector<DocExtraction> xs;
    xs.reserve(docs.size());
    for (auto& d : docs) xs.push_back(std::move(d.extraction));
    reconcile_types(xs);
    KnowledgeGraph g;
    for (std::size_t i = 0; i < docs.size(); ++i) {
        g.add_document(std::move(docs[i].info));
        g.add(xs[i]);
        xs[i] = DocExtraction{};  // merged: free it as we go, to keep the peak low
    }
    return g;
}

}  // namespace kg
