// kg-bench-corpus: generates news-like text of a given size from the licensed sample in bench/data/ and
// measures extraction throughput (MB/s on one thread and on all cores) and peak memory, for extraction
// alone and for extraction + graph build + GraphML export. A program, not a test: nothing is asserted.
//
// With --corpus FILE.jsonl it times a real corpus instead, repeated to --mb N if given.
//
// Each phase runs in its own child process, streaming the generated corpus from a JSONL file through
// kg::read_documents, so its peak RSS is that phase's alone and includes the real input path.
#include <kg/corpus.hpp>
#include <kg/export.hpp>
#include <kg/extract.hpp>
#include <kg/limits.hpp>
#include <kg/records.hpp>

// Internal headers (bench/CMakeLists.txt adds lib/): the per-stage clock, and the models, to load them
// before it runs.
#include "extract/stages.hpp"
#include "ner/ner.hpp"
#include "parse/parser.hpp"
#include "relations/classifier.hpp"
#include "text/tagger.hpp"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <random>
#include <sstream>
#include <streambuf>
#include <string>
#include <thread>
#include <vector>

namespace {

std::vector<std::string> read_lines(const std::string& path) {
    std::ifstream in(path);
    if (!in) {
        std::cerr << "kg-bench-corpus: cannot read " << path << "\n";
        std::exit(3);
    }
    std::vector<std::string> out;
    for (std::string l; std::getline(in, l);)
        if (!l.empty()) out.push_back(l);
    return out;
}

bool is_cap_word(const std::string& w) {
    if (w.size() < 3 || !(w[0] >= 'A' && w[0] <= 'Z')) return false;
    for (char c : w.substr(1))
        if (!((c >= 'a' && c <= 'z') || c == '-')) return false;
    return true;
}

std::vector<std::string> words_of(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

// Builds articles from the sample: names in the seed sentences are swapped for names recombined from
// the sample's own capitalized words, and templated news sentences (roles, deals, visits, sanctions)
// are mixed in, so that no two articles repeat and extraction meets fresh entities throughout.
class Generator {
public:
    Generator(const std::string& data, std::uint32_t seed) : rng_(seed) {
        sentences_ = read_lines(data + "/ewt-sentences.txt");
        for (auto& s : read_lines(data + "/re3d-sentences.txt")) sentences_.push_back(s);
        for (const auto& s : sentences_) {
            auto ws = words_of(s);
            for (std::size_t i = 1; i < ws.size(); ++i)
                if (is_cap_word(ws[i])) caps_.push_back(ws[i]);
        }
        std::sort(caps_.begin(), caps_.end());
        caps_.erase(std::unique(caps_.begin(), caps_.end()), caps_.end());
    }

    std::string article(std::size_t n, std::string& title, std::string& date, std::string& publisher) {
        static const char* kPublishers[] = {"Reuters", "AP", "AFP", "Xinhua", "Kyodo", "DPA", "Bloomberg", "BBC"};
        static const char* kMonths[] = {"Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."};
        const int month = pick(12), day = 1 + pick(28);
        char buf[32];
        std::snprintf(buf, sizeof buf, "2024-%02d-%02d", month + 1, day);
        date = buf;
        publisher = kPublishers[pick(8)];
        const std::string person = name(2), company = name(1) + " " + suffix(), place = name(1);
        title = company + " and " + person + " in talks over " + name(1) + " deal";
        std::string text = title + "\n\n" + upper(place) + ", " + kMonths[month] + " " + std::to_string(day) + " (" +
                           publisher + ") - ";
        const std::size_t count = 8 + static_cast<std::size_t>(pick(18));
        for (std::size_t i = 0; i < count; ++i) {
            text += pick(5) == 0 ? templated(person, company, place) : varied(sentences_[pick(int(sentences_.size()))]);
            text += (i % 3 == 2) ? "\n\n" : " ";
        }
        (void)n;
        return text;
    }

private:
    int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
    std::string cap() { return caps_[pick(int(caps_.size()))]; }
    std::string name(int words) {
        std::string s = cap();
        for (int i = 1; i < words; ++i) s += " " + cap();
        return s;
    }
    std::string suffix() {
        static const char* k[] = {"Corp.", "Ltd.", "Group", "Inc.", "Holdings", "Technologies", "Bank", "Motors"};
        return k[pick(8)];
    }
    static std::string upper(std::string s) {
        for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        return s;
    }
    std::string templated(const std::string& person, const std::string& company, const std::string& place) {
        switch (pick(8)) {
        case 0: return person + ", the chief executive of " + company + ", said the company would expand in " + place + ".";
        case 1: return company + " signed an agreement with " + name(1) + " " + suffix() + " on " + name(1) + " exports.";
        case 2: return "President " + name(2) + " will attend the " + name(1) + " Summit in " + place + " next month.";
        case 3: return "The " + name(1) + " Ministry of Finance imposed sanctions on " + company + " over its " + name(1) + " deals.";
        case 4: return person + " met " + name(2) + " in " + place + " to discuss the " + name(1) + " Plan.";
        case 5: return company + " acquired " + name(1) + " " + suffix() + " for $" + std::to_string(1 + pick(90)) + " billion.";
        case 6: return "\u201cWe are committed to " + place + ",\u201d " + person + " told reporters on " + "Tuesday.";
        default: return name(1) + " " + suffix() + ", based in " + place + ", develops the " + name(1) + " platform.";
        }
    }
    // A seed sentence with most of its capitalized names (not the first word) swapped for new ones.
    std::string varied(const std::string& s) {
        auto ws = words_of(s);
        std::string out;
        for (std::size_t i = 0; i < ws.size(); ++i) {
            std::string w = ws[i];
            if (i > 0 && is_cap_word(w) && pick(10) < 7) w = cap();
            if (!out.empty()) out += ' ';
            out += w;
        }
        return out;
    }

    std::mt19937 rng_;
    std::vector<std::string> sentences_, caps_;
};

std::string json_string(const std::string& s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') out += '\\', out += char(c);
        else if (c == '\n') out += "\\n";
        else if (c < 0x20) { char b[8]; std::snprintf(b, sizeof b, "\\u%04x", c); out += b; }
        else out += char(c);
    }
    return out + "\"";
}

// Writes about `bytes` of article text as JSONL; about 3% of articles are wire copies of an earlier one.
std::size_t generate(const std::string& data, std::size_t bytes, const std::string& path, std::size_t& docs) {
    Generator gen(data, 2024);
    std::mt19937 rng(7);
    std::ofstream out(path, std::ios::binary);
    std::size_t total = 0;
    std::vector<std::string> recent;
    for (docs = 0; total < bytes; ++docs) {
        std::string title, date, publisher, text;
        if (!recent.empty() && rng() % 33 == 0) {
            text = "By Wire Staff\n" + recent[rng() % recent.size()];
            date = "2024-12-31";
            publisher = "Wire";
        } else {
            text = gen.article(docs, title, date, publisher);
            if (recent.size() < 64) recent.push_back(text);
            else recent[rng() % 64] = text;
        }
        char id[32];
        std::snprintf(id, sizeof id, "a%08zu", docs);
        out << "{\"id\":\"" << id << "\",\"title\":" << json_string(title) << ",\"date\":\"" << date
            << "\",\"publisher\":\"" << publisher << "\",\"text\":" << json_string(text) << "}\n";
        total += text.size();
    }
    return total;
}

// Writes one document as a JSONL line, under `id`.
void write_document(std::ostream& out, const kg::Document& d, const std::string& id) {
    out << "{\"id\":" << json_string(id) << ",\"title\":" << json_string(d.title) << ",\"date\":" << json_string(d.date)
        << ",\"publisher\":" << json_string(d.publisher) << ",\"url\":" << json_string(d.url)
        << ",\"text\":" << json_string(d.text) << "}\n";
}

// What --corpus read: the real corpus once, and how it was repeated.
struct CorpusCopy {
    std::size_t articles = 0, bytes = 0;  // of the real corpus, one pass
    std::size_t passes = 0;               // passes begun (the last may be partial)
    bool cut = false;                     // the first pass alone reached --mb
};

// Copies the articles of a real JSONL corpus, read by kg::read_documents, to `path`: once when `bytes` is 0,
// else repeated until `bytes` of text (cut short when the corpus alone is larger). Pass r >= 2 gives each
// article the id "ID#rR", so ids stay unique; its text is an exact copy, which the graph build marks as a
// near-duplicate of the original. The corpus is streamed again for each pass, never held in memory.
std::size_t from_corpus(const std::string& corpus, std::size_t bytes, const std::string& path, std::size_t& docs,
                        CorpusCopy& copy) {
    std::ofstream out(path, std::ios::binary);
    if (!out) {
        std::cerr << "kg-bench-corpus: cannot write " << path << "\n";
        std::exit(4);
    }
    kg::ReadOptions o;
    o.format = kg::InputFormat::jsonl;
    std::size_t total = 0;
    docs = 0;
    struct Full {};  // thrown from the sink to stop a pass at `bytes`
    for (std::size_t pass = 1;; ++pass) {
        copy.passes = pass;
        try {
            kg::read_documents({corpus}, o, [&](kg::Document&& d) {
                if (bytes > 0 && total >= bytes) throw Full{};
                if (pass == 1) ++copy.articles, copy.bytes += d.text.size();
                write_document(out, d, pass == 1 ? d.id : d.id + "#r" + std::to_string(pass));
                total += d.text.size();
                ++docs;
            });
        } catch (const Full&) {
            copy.cut = pass == 1;
            break;
        } catch (const kg::Error& e) {
            std::cerr << "kg-bench-corpus: " << e.what() << "\n";
            std::remove(path.c_str());
            std::exit(3);
        }
        if (bytes == 0 || total >= bytes) break;
        if (copy.bytes == 0 || total < pass * copy.bytes) {  // nothing to repeat, or the input did not read again
            std::cerr << "kg-bench-corpus: " << corpus << " has no article text" << (total > 0 ? " to repeat\n" : "\n");
            std::remove(path.c_str());
            std::exit(3);
        }
    }
    if (!out.flush()) {
        std::cerr << "kg-bench-corpus: cannot write " << path << "\n";
        std::remove(path.c_str());
        std::exit(4);
    }
    if (total == 0) {
        std::cerr << "kg-bench-corpus: " << corpus << " has no article text\n";
        std::remove(path.c_str());
        std::exit(3);
    }
    return total;
}

// --corpus: libkg's limit warnings (a real corpus has the odd overlong sentence), counted per phase and summed
// up in one line rather than repeated for every copy in every phase.
std::size_t g_warnings = 0;
std::string g_first_warning;

struct Result {
    double seconds = 0;
    long max_rss_kb = 0;
    double json_mb = 0;
    double cpu_seconds = 0;  // user + system time of the phase: per-core speed even on a busy machine
};

double now() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Runs a phase in a child; the child reports its wall time (and graph JSON size) through a pipe.
template <class Body>
Result in_child(Body body) {
    int fds[2];
    if (pipe(fds) != 0) std::exit(4);
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        double json_mb = 0, stop = 0;
        const double t0 = now();
        body(json_mb, stop);  // a body may set `stop` to leave untimed work (measuring the JSON size) out
        const double t = (stop > 0 ? stop : now()) - t0;
        std::fflush(stdout);  // _exit() does not flush: what the phase printed would be lost in a pipe
        if (g_warnings > 0)
            std::fprintf(stderr, "  (libkg: %zu warning%s in this phase, the first: %s)\n", g_warnings,
                         g_warnings == 1 ? "" : "s", g_first_warning.c_str());
        double msg[2] = {t, json_mb};
        if (write(fds[1], msg, sizeof msg) != sizeof msg) _exit(4);
        _exit(0);
    }
    close(fds[1]);
    double msg[2] = {0, 0};
    if (read(fds[0], msg, sizeof msg) != sizeof msg) {
        std::cerr << "kg-bench-corpus: a phase failed\n";
        std::exit(4);
    }
    close(fds[0]);
    int status = 0;
    struct rusage ru {};
    wait4(pid, &status, 0, &ru);
    const double cpu = static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
                       static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
    return Result{msg[0], ru.ru_maxrss, msg[1], cpu};
}

void stream(const std::string& path, const std::function<void(kg::Document&&)>& sink) {
    kg::ReadOptions o;
    o.format = kg::InputFormat::jsonl;
    kg::read_documents({path}, o, sink);
}

double cpu_now() {
    struct rusage ru {};
    getrusage(RUSAGE_SELF, &ru);
    return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
           static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

// Each stage's share of the time on one thread: the library's stage clock (lib/extract/stages.hpp) inside
// extraction, and the bench's own clock around reading, the graph build and the export. Extraction runs
// on the calling thread when BuildOptions::threads is 1, so the calling thread's sums are all of them.
void stage_shares(const std::string& path, double size_mb) {
    namespace st = kg::detail::stages;
    static const char* const labels[st::stage_count] = {
        "",  // outside any stage: reported below as the bench's own rows
        "tokenize + sentences", "token lexicon records", "POS tagger", "NER token facts", "NER recognizer",
        "mention rules", "name resolution", "dependency parser", "relations (patterns + classifier)",
        "extraction record (output)"};
    in_child([&](double&, double&) {
        // The models load on first use: here, before the clock starts, or the first document's stages
        // would be charged with it (kg-export's start-up, measured apart by bench/real_news.sh).
        (void)kg::detail::Tagger::get();
        (void)kg::detail::ner::Recognizer::get();
        (void)kg::detail::Parser::get();
        (void)kg::detail::rel::Classifier::get();
        const double cpu0 = cpu_now(), t0 = now();
        st::enable(true);
        kg::BuildOptions o;
        o.threads = 1;
        kg::GraphBuilder b(o);
        double in_add = 0;
        stream(path, [&](kg::Document&& d) {
            const double a = now();
            b.add(std::move(d));
            in_add += now() - a;
        });
        const double t_stream = now() - t0;
        const st::Times x = st::totals();
        st::enable(false);
        const double t1 = now();
        kg::KnowledgeGraph g = b.finish();
        const double t2 = now();
        std::ofstream out("/dev/null");
        kg::write_graphml(g, out);
        out.flush();
        const double t3 = now(), cpu = cpu_now() - cpu0;
        double extraction = 0;
        for (std::size_t k = 1; k < st::stage_count; ++k) extraction += x.seconds[k];
        const double total = t3 - t0;
        // Wall time is what the clock can read cheaply (a thread-CPU clock read is a system call, and the
        // stages are entered some 25,000 times per MB); on a busy machine the CPU column scales each row
        // by the phase's CPU time over its wall time, as if the waits fell evenly on the stages.
        const double cpu_per_wall = cpu / total;
        std::printf("stage shares, 1 thread, %.1f MB (a stage excludes the stages it calls; CPU s estimated from the\n"
                    "phase's CPU/wall ratio %.2f):\n", size_mb, cpu_per_wall);
        std::printf("  %-36s %8s %8s %8s %8s %10s\n", "stage", "wall s", "CPU s", "% extr.", "% total", "calls");
        for (std::size_t k = 1; k < st::stage_count; ++k)
            std::printf("  %-36s %8.3f %8.3f %7.1f%% %7.1f%% %10llu\n", labels[k], x.seconds[k], x.seconds[k] * cpu_per_wall,
                        100 * x.seconds[k] / extraction, 100 * x.seconds[k] / total, static_cast<unsigned long long>(x.calls[k]));
        std::printf("  %-36s %8.3f %8.3f %7.1f%% %7.1f%%   (%.2f MB per CPU-s)\n", "= extraction", extraction,
                    extraction * cpu_per_wall, 100.0, 100 * extraction / total, size_mb / (extraction * cpu_per_wall));
        auto row = [&](const char* what, double s) {
            std::printf("  %-36s %8.3f %8.3f %8s %7.1f%%\n", what, s, s * cpu_per_wall, "", 100 * s / total);
        };
        row("read JSONL", t_stream - in_add);
        row("fingerprint + pack (builder add)", in_add - extraction);
        row("graph merge (GraphBuilder::finish)", t2 - t1);
        row("GraphML export", t3 - t2);
        std::printf("  %-36s %8.3f %8.3f %8s %7.1f%%   (%.2f MB per CPU-s, models loaded before)\n", "= end to end",
                    total, cpu, "", 100.0, size_mb / cpu);
    });
}

}  // namespace

int main(int argc, char** argv) {
    double mb = 32;
    unsigned threads = std::max(1u, std::thread::hardware_concurrency());
    std::string data = KG_BENCH_DATA, keep, peer_dir, corpus;
    bool generate_only = false;  // write the corpus (--keep) and stop: for runs timed by hand, such as the 1 GB one
    bool peer = true, mb_given = false;
    bool stages_only = false;  // the stage shares alone, without the other phases and the peer
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--mb" && i + 1 < argc) mb = std::atof(argv[++i]), mb_given = true;
        else if (a == "--corpus" && i + 1 < argc) corpus = argv[++i];
        else if (a == "--threads" && i + 1 < argc) threads = static_cast<unsigned>(std::atoi(argv[++i]));
        else if (a == "--data" && i + 1 < argc) data = argv[++i];
        else if (a == "--keep" && i + 1 < argc) keep = argv[++i];
        else if (a == "--peer-dir" && i + 1 < argc) peer_dir = argv[++i];
        else if (a == "--no-peer") peer = false;
        else if (a == "--generate-only") generate_only = true;
        else if (a == "--stages-only") stages_only = true;
        else {
            std::cout << "Usage: kg-bench-corpus [--mb N (32)] [--threads N (all)] [--data DIR] [--keep FILE.jsonl]\n"
                         "                       [--corpus FILE.jsonl] [--peer-dir DIR (node_modules with compromise)] [--no-peer]\n"
                         "                       [--generate-only (with --keep: write the corpus and stop)]\n"
                         "                       [--stages-only (each stage's share, without the other phases)]\n"
                         "Generates N MB of news-like text from bench/data and times libkg on it.\n"
                         "--corpus FILE.jsonl times it on a real corpus instead ({\"id\",\"text\",...} per line, as\n"
                         "kg-export reads it): its articles once, or with --mb N repeated until N MB of text, each\n"
                         "repeat's ids suffixed #r2, #r3, ... Repeats are exact copies: extraction handles every one,\n"
                         "but the graph build marks them as duplicates of the first, so they add nothing to the graph.\n";
            return a == "--help" || a == "-h" ? 0 : 2;
        }
    }
    const std::string path = keep.empty() ? "/tmp/kg-bench-corpus." + std::to_string(getpid()) + ".jsonl" : keep;
    std::size_t docs = 0;
    CorpusCopy copy;
    if (!corpus.empty()) {
        std::error_code ec;
        if (std::filesystem::equivalent(corpus, path, ec)) {
            std::cerr << "kg-bench-corpus: --keep would overwrite the --corpus file\n";
            return 2;
        }
    }
    const std::size_t bytes = corpus.empty()
                                  ? generate(data, static_cast<std::size_t>(mb * 1e6), path, docs)
                                  : from_corpus(corpus, mb_given ? static_cast<std::size_t>(mb * 1e6) : 0, path, docs, copy);
    const double size_mb = static_cast<double>(bytes) / 1e6;
    std::printf("corpus: %zu articles, %.1f MB of text (%s), %u threads available\n", docs, size_mb, path.c_str(),
                threads);
    if (!corpus.empty()) {
        std::printf("  real corpus %s: %zu articles, %.2f MB of text", corpus.c_str(), copy.articles,
                    static_cast<double>(copy.bytes) / 1e6);
        if (copy.passes > 1)
            std::printf(", repeated %.2fx (ids of repeats suffixed #r2..#r%zu)\n"
                        "  note: repeats are exact copies: extraction times every one, but the graph build marks\n"
                        "  each as duplicate_of its original, so the graph holds one copy's entities and relations\n",
                        static_cast<double>(bytes) / static_cast<double>(copy.bytes), copy.passes);
        else if (copy.cut)
            std::printf(" read (the file was cut at --mb)\n");
        else
            std::printf(", no repeats\n");
    }
    std::fflush(stdout);
    if (generate_only) {
        if (keep.empty()) {
            std::cerr << "kg-bench-corpus: --generate-only needs --keep FILE.jsonl\n";
            std::remove(path.c_str());
            return 2;
        }
        return 0;
    }
    if (!corpus.empty())
        kg::set_warning_handler([](const std::string& m) {
            if (g_warnings++ == 0) g_first_warning = m;
        });
    (void)kg::Extractor();  // fail early if the lexicons do not load

    if (stages_only) {
        stage_shares(path, size_mb);
        if (keep.empty()) std::remove(path.c_str());
        return 0;
    }
    auto report = [&](const char* what, unsigned n, const Result& r) {
        std::printf("%-40s %2u thread%s %7.2f s %6.2f MB/s  %6.2f MB per CPU-s  peak RSS %5.0f MB\n", what, n,
                    n == 1 ? " " : "s", r.seconds, size_mb / r.seconds, size_mb / r.cpu_seconds,
                    static_cast<double>(r.max_rss_kb) / 1024.0);
        std::fflush(stdout);
        return size_mb / r.seconds;
    };
    auto extract_only = [&](unsigned n) {
        return in_child([&](double&, double&) {
            kg::BuildOptions o;
            o.threads = n;
            kg::GraphBuilder b(o);
            stream(path, [&](kg::Document&& d) { b.add(std::move(d)); });
            (void)b.take();
        });
    };
    auto full = [&](unsigned n) {
        return in_child([&](double& json_mb, double& stop) {
            kg::BuildOptions o;
            o.threads = n;
            kg::GraphBuilder b(o);
            stream(path, [&](kg::Document&& d) { b.add(std::move(d)); });
            kg::KnowledgeGraph g = b.finish();
            std::ofstream out("/dev/null");
            kg::write_graphml(g, out);
            stop = now();
            // The memory target is relative to the JSON export's size: count its bytes without holding
            // them, or the measurement itself would raise the peak it is compared with.
            struct Counter : std::streambuf {
                std::size_t n = 0;
                int_type overflow(int_type c) override {
                    ++n;
                    return traits_type::not_eof(c);
                }
                std::streamsize xsputn(const char*, std::streamsize k) override {
                    n += static_cast<std::size_t>(k);
                    return k;
                }
            } counter;
            std::ostream js(&counter);
            kg::write_json(g, js);
            json_mb = static_cast<double>(counter.n) / 1e6;
            if (corpus.empty()) {
                std::printf("  graph: %zu entities, %zu relations, %zu documents; JSON export %.1f MB\n", g.num_entities(),
                            g.num_relations(), g.documents().size(), json_mb);
            } else {
                std::size_t copies = 0;
                for (const auto& d : g.documents()) copies += d.duplicate_of.empty() ? 0 : 1;
                std::printf("  graph: %zu entities, %zu relations, %zu documents (%zu marked duplicate); JSON export "
                            "%.1f MB\n", g.num_entities(), g.num_relations(), g.documents().size(), copies, json_mb);
            }
        });
    };
    const double read_rate = report("read JSONL only", 1, in_child([&](double&, double&) {
        std::size_t n = 0;
        stream(path, [&](kg::Document&& d) { n += d.text.size(); });
    }));
    (void)read_rate;
    const double e1 = report("extraction (read, extract, fingerprint)", 1, extract_only(1));
    const double en = report("extraction (read, extract, fingerprint)", threads, extract_only(threads));
    const double f1 = report("extraction + graph + GraphML export", 1, full(1));
    const Result fr = full(threads);
    const double fn = report("extraction + graph + GraphML export", threads, fr);
    std::printf("speed-up on %u threads: extraction %.2fx, end to end %.2fx\n", threads, en / e1, fn / f1);
    std::printf("memory: peak %.0f MB vs target 2 x JSON (%.1f MB) + 200 MB = %.0f MB\n",
                static_cast<double>(fr.max_rss_kb) / 1024.0, fr.json_mb, 2 * fr.json_mb + 200);
    std::fflush(stdout);
    stage_shares(path, size_mb);

    if (peer) {  // compromise (npm), a JavaScript NER, on the first 2 MB of the same text
        std::string dir = peer_dir.empty() ? std::string(KG_BENCH_SOURCE) + "/peer" : peer_dir;
        std::string script = std::string(KG_BENCH_SOURCE) + "/compromise_peer.js";
        std::string cmd = "NODE_PATH='" + dir + "/node_modules' node '" + script + "' '" + path + "' 2 2>&1";
        std::printf("peer: ");
        std::fflush(stdout);
        if (std::system(cmd.c_str()) != 0)
            std::printf("compromise not run (install it: npm install --prefix %s compromise)\n", dir.c_str());
    }
    if (keep.empty()) std::remove(path.c_str());
    return 0;
}
