// kg-bench-graph: libkg against igraph, in the same run and on the same files.
//
// Generates a knowledge-graph-shaped Barabási–Albert graph (typed entities, predicates from the
// vocabulary, evidence weights), writes it as libkg JSON and GraphML, then times each side in its own
// child process (so each peak RSS is that operation's own): loading JSON and GraphML, PageRank,
// shortest paths, and exact betweenness on a smaller graph. igraph runs through Debian's python3-igraph.
//
// Usage: kg-bench-graph [--nodes N] [--per-node M] [--bc-nodes N] [--bc-per-node M] [--pairs P]
//                       [--dir DIR] [--python PY] [--small]
#include <kg/centrality.hpp>
#include <kg/export.hpp>
#include <kg/paths.hpp>
#include <kg/predicates.hpp>
#include <kg/read.hpp>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

long peak_kib() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

// User + system CPU seconds of this process so far: on a shared machine wall time also counts waiting.
double cpu_seconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// Barabási–Albert: each new vertex links to `per_node` distinct earlier vertices chosen with probability
// proportional to degree (the repeated-endpoints list). Edge direction is random, as in news, where hubs
// are both subjects and objects.
kg::KnowledgeGraph generate(std::size_t n, std::size_t per_node, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    const auto& preds = kg::predicates();
    kg::KnowledgeGraph g;
    for (std::size_t i = 0; i < n; ++i) {
        kg::Entity e;
        e.id = "n" + std::to_string(i);
        e.label = "Entity " + std::to_string(i);
        e.type = static_cast<kg::EntityType>(rng() % 8);
        e.frequency = 1;
        g.insert_entity(std::move(e));
    }
    std::vector<std::size_t> ends;
    ends.reserve(2 * n * per_node);
    std::size_t edge = 0;
    auto link = [&](std::size_t u, std::size_t v) {
        kg::Relation r;
        r.id = "e" + std::to_string(edge++);
        r.predicate = preds[rng() % preds.size()].name;
        r.weight = static_cast<double>(1 + rng() % 3);
        r.confidence = 0.5 + 0.5 * static_cast<double>(rng() % 100) / 100.0;
        if (rng() & 1) std::swap(u, v);
        g.insert_relation(u, v, std::move(r));
        ends.push_back(u);
        ends.push_back(v);
    };
    const std::size_t seed_size = std::min(n, per_node + 1);
    for (std::size_t i = 0; i < seed_size; ++i)
        for (std::size_t j = 0; j < i; ++j) link(i, j);
    std::vector<std::size_t> chosen;
    for (std::size_t v = seed_size; v < n; ++v) {
        chosen.clear();
        while (chosen.size() < per_node) {
            const std::size_t t = ends[rng() % ends.size()];
            if (std::find(chosen.begin(), chosen.end(), t) == chosen.end()) chosen.push_back(t);
        }
        for (std::size_t t : chosen) link(v, t);
    }
    return g;
}

// Runs a command, returns its stdout (exits the bench on failure).
std::string capture(const std::string& cmd) {
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) throw std::runtime_error("cannot run " + cmd);
    std::string out;
    char buf[4096];
    std::size_t k;
    while ((k = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, k);
    if (pclose(p) != 0) throw std::runtime_error("failed: " + cmd + "\n" + out);
    return out;
}

std::vector<double> read_numbers(const std::string& path) {
    std::ifstream in(path);
    std::vector<double> v;
    for (double x; in >> x;) v.push_back(x);
    return v;
}

// ---- child processes: one operation each -------------------------------------------------------------

int child(int argc, char** argv) {
    const std::string op = argv[2];
    if (op == "load-json" || op == "load-graphml") {
        const auto t = Clock::now();
        const double cpu = cpu_seconds();
        kg::KnowledgeGraph g = op == "load-json" ? kg::read_json(argv[3]) : kg::read_graphml(argv[3]);
        std::printf("%.6f %ld %zu %zu %.6f\n", seconds_since(t), peak_kib(), g.num_entities(), g.num_relations(),
                    cpu_seconds() - cpu);
        return 0;
    }
    if (op == "algos" && argc >= 6) {  // algos FILE PAIRS OUT_PR
        kg::KnowledgeGraph g = kg::read_json(argv[3]);
        std::vector<std::pair<kg::Vertex, kg::Vertex>> pairs;
        std::istringstream ps(argv[4]);
        for (std::string item; std::getline(ps, item, ',');)
            pairs.emplace_back(std::stoul(item.substr(0, item.find(':'))), std::stoul(item.substr(item.find(':') + 1)));
        auto t = Clock::now();
        const std::vector<double> pr = kg::pagerank(g);
        const double t_pr = seconds_since(t);
        t = Clock::now();
        const std::vector<double> pr1 = [&] {
            kg::PageRankOptions o;
            o.threads = 1;
            return kg::pagerank(g, o);
        }();
        const double t_pr1 = seconds_since(t);
        t = Clock::now();
        std::string hops;
        for (auto [a, b] : pairs) {
            auto p = kg::shortest_path(g, a, b);
            hops += (hops.empty() ? "" : ",") + std::to_string(p ? static_cast<long>(p->size()) : -1L);
        }
        const double t_sp = seconds_since(t) / static_cast<double>(pairs.size());
        std::ofstream out(argv[5]);
        out.precision(17);
        for (double x : pr) out << x << "\n";
        std::printf("%.6f %ld %.6f %s %.6f %d\n", t_pr, peak_kib(), t_sp, hops.c_str(), t_pr1, pr == pr1 ? 1 : 0);
        return 0;
    }
    if (op == "bc" && argc >= 6) {  // bc FILE OUT THREADS
        kg::KnowledgeGraph g = kg::read_json(argv[3]);
        kg::BetweennessOptions o;
        o.threads = static_cast<unsigned>(std::stoul(argv[5]));
        const auto t = Clock::now();
        const std::vector<double> bc = kg::betweenness_centrality(g, o);
        const double t_bc = seconds_since(t);
        std::ofstream out(argv[4]);
        out.precision(17);
        for (double x : bc) out << x << "\n";
        std::printf("%.6f %ld\n", t_bc, peak_kib());
        return 0;
    }
    std::fprintf(stderr, "kg-bench-graph: bad child arguments\n");
    return 2;
}

struct Args {
    std::size_t nodes = 200000, per_node = 5, bc_nodes = 5000, bc_per_node = 3, pairs = 20;
    std::string dir, python = "/usr/bin/python3";
};

void row(const char* what, double libkg, double igraph, const char* unit = "s") {
    std::printf("  %-34s %10.3f %-3s %10.3f %-3s   igraph/libkg %6.2fx\n", what, libkg, unit, igraph, unit,
                libkg > 0 ? igraph / libkg : 0.0);
}

}  // namespace

int main(int argc, char** argv) {
    try {
        if (argc >= 3 && std::string(argv[1]) == "--child") return child(argc, argv);
        Args a;
        for (int i = 1; i < argc; ++i) {
            const std::string k = argv[i];
            auto next = [&]() -> std::string {
                if (i + 1 >= argc) throw std::runtime_error(k + " needs a value");
                return argv[++i];
            };
            if (k == "--nodes") a.nodes = std::stoul(next());
            else if (k == "--per-node") a.per_node = std::stoul(next());
            else if (k == "--bc-nodes") a.bc_nodes = std::stoul(next());
            else if (k == "--bc-per-node") a.bc_per_node = std::stoul(next());
            else if (k == "--pairs") a.pairs = std::stoul(next());
            else if (k == "--dir") a.dir = next();
            else if (k == "--python") a.python = next();
            else if (k == "--small") a.nodes = 20000;
            else if (k == "--help" || k == "-h") {
                std::puts("Usage: kg-bench-graph [--nodes N (200000)] [--per-node M (5)] [--bc-nodes N (5000)]\n"
                          "                      [--bc-per-node M (3)] [--pairs P (20)] [--dir DIR] [--python PY]\n"
                          "                      [--small (20000 nodes)]\n"
                          "Generates a Barabasi-Albert knowledge graph and times libkg against igraph\n"
                          "(python3-igraph) on the same files; prints figures and igraph/libkg ratios\n"
                          "(above 1: libkg is faster or smaller).");
                return 0;
            } else {
                throw std::runtime_error("unknown option " + k);
            }
        }
        namespace fs = std::filesystem;
        const bool own_dir = a.dir.empty();
        if (own_dir) {
            std::string tmpl = (fs::temp_directory_path() / "kg-bench-XXXXXX").string();
            if (!mkdtemp(tmpl.data())) throw std::runtime_error("cannot make a temporary directory");
            a.dir = tmpl;
        }
        const std::string self = fs::read_symlink("/proc/self/exe").string();
        const std::string json = a.dir + "/big.json", graphml = a.dir + "/big.graphml";
        const std::string bc_json = a.dir + "/bc.json", bc_graphml = a.dir + "/bc.graphml";
        const bool have_igraph = std::system((a.python + " -c 'import igraph' 2>/dev/null").c_str()) == 0;

        auto t = Clock::now();
        {
            kg::KnowledgeGraph big = generate(a.nodes, a.per_node, 42);
            std::printf("generated %zu entities, %zu relations in %.2f s\n", big.num_entities(), big.num_relations(),
                        seconds_since(t));
            t = Clock::now();
            kg::write_file(big, kg::Format::json, json);
            kg::write_file(big, kg::Format::graphml, graphml);
            kg::KnowledgeGraph small = generate(a.bc_nodes, a.bc_per_node, 7);
            kg::write_file(small, kg::Format::json, bc_json);
            kg::write_file(small, kg::Format::graphml, bc_graphml);
            std::printf("wrote JSON (%.0f MB) and GraphML (%.0f MB) in %.2f s; betweenness graph %zu/%zu\n",
                        static_cast<double>(fs::file_size(json)) / 1e6, static_cast<double>(fs::file_size(graphml)) / 1e6,
                        seconds_since(t), small.num_entities(), small.num_relations());
        }
        std::mt19937_64 rng(3);
        std::string pairs;
        for (std::size_t i = 0; i < a.pairs; ++i)
            pairs += (i ? "," : "") + std::to_string(rng() % a.nodes) + ":" + std::to_string(rng() % a.nodes);

        auto ours = [&](const std::string& args) { return capture("'" + self + "' --child " + args); };
        auto theirs = [&](const std::string& args) {
            return capture(a.python + " '" KG_BENCH_IGRAPH_SCRIPT "' " + args);
        };
        auto fields = [](const std::string& line) {
            std::istringstream in(line);
            std::vector<std::string> f;
            for (std::string s; in >> s;) f.push_back(s);
            return f;
        };
        const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
        std::string version = have_igraph ? capture(a.python + " -c 'import igraph; print(igraph.__version__)'") : "(missing)";
        while (!version.empty() && std::isspace(static_cast<unsigned char>(version.back()))) version.pop_back();
        std::printf("\nlibkg (C++, %u cores) vs igraph %s (python3-igraph), %zu entities / %zu relations\n", cores,
                    version.c_str(), a.nodes, a.nodes * a.per_node);
        auto lj = fields(ours("load-json '" + json + "'"));
        auto lg = fields(ours("load-graphml '" + graphml + "'"));
        auto al = fields(ours("algos '" + json + "' " + pairs + " '" + a.dir + "/kg_pr.txt'"));
        auto b1 = fields(ours("bc '" + bc_json + "' '" + a.dir + "/kg_bc.txt' 1"));
        auto bn = fields(ours("bc '" + bc_json + "' '" + a.dir + "/kg_bc.txt' 0"));
        if (!have_igraph) {
            std::printf("igraph not importable by %s; libkg only:\n", a.python.c_str());
            std::printf("  load JSON %s s (peak %s KiB), load GraphML %s s (peak %s KiB), PageRank %s s, "
                        "shortest path %s s, betweenness %s s (1 thread) %s s (all)\n",
                        lj[0].c_str(), lj[1].c_str(), lg[0].c_str(), lg[1].c_str(), al[0].c_str(), al[2].c_str(),
                        b1[0].c_str(), bn[0].c_str());
            return 0;
        }
        auto ij = fields(theirs("load-json '" + json + "'"));
        auto ig = fields(theirs("load-graphml '" + graphml + "'"));
        auto ia = fields(theirs("algos '" + graphml + "' " + pairs + " '" + a.dir + "/ig_pr.txt'"));
        auto ib = fields(theirs("bc '" + bc_graphml + "' '" + a.dir + "/ig_bc.txt'"));

        std::printf("  %-34s %14s %14s\n", "", "libkg", "igraph");
        row("load JSON", std::stod(lj[0]), std::stod(ij[0]));
        row("load GraphML", std::stod(lg[0]), std::stod(ig[0]));
        row("load JSON, CPU time", std::stod(lj[4]), std::stod(ij[4]));
        row("load GraphML, CPU time", std::stod(lg[4]), std::stod(ig[4]));
        row("PageRank (all cores)", std::stod(al[0]), std::stod(ia[0]));
        row("PageRank (1 thread)", std::stod(al[4]), std::stod(ia[0]));
        row("shortest path (mean of pairs)", std::stod(al[2]) * 1e3, std::stod(ia[2]) * 1e3, "ms");
        row("betweenness 1 thread", std::stod(b1[0]), std::stod(ib[0]));
        row("betweenness all cores", std::stod(bn[0]), std::stod(ib[0]));
        row("peak RSS, load JSON", std::stod(lj[1]) / 1024, std::stod(ij[1]) / 1024, "MiB");
        row("peak RSS, load GraphML", std::stod(lg[1]) / 1024, std::stod(ig[1]) / 1024, "MiB");
        row("peak RSS, load + PageRank + paths", std::stod(al[1]) / 1024, std::stod(ia[1]) / 1024, "MiB");

        // The two sides must agree, or the timings compare different work.
        const auto kp = read_numbers(a.dir + "/kg_pr.txt"), ip = read_numbers(a.dir + "/ig_pr.txt");
        double pr_diff = 0;
        for (std::size_t i = 0; i < kp.size() && i < ip.size(); ++i) pr_diff = std::max(pr_diff, std::fabs(kp[i] - ip[i]));
        const auto kb = read_numbers(a.dir + "/kg_bc.txt"), ibv = read_numbers(a.dir + "/ig_bc.txt");
        const double nb = static_cast<double>(kb.size());
        double bc_diff = 0;
        for (std::size_t i = 0; i < kb.size() && i < ibv.size(); ++i)
            bc_diff = std::max(bc_diff, std::fabs(kb[i] * (nb - 1) * (nb - 2) / 2 - ibv[i]) / std::max(1.0, ibv[i]));
        std::printf("\nagreement: PageRank max abs diff %.2e; betweenness max rel diff %.2e; path hops %s\n", pr_diff,
                    bc_diff, al[3] == ia[3] ? "identical" : ("differ: " + al[3] + " vs " + ia[3]).c_str());
        std::printf("PageRank identical for 1 thread and all cores: %s\n", al[5] == "1" ? "yes" : "NO");
        std::printf("(igraph's peak RSS includes the Python interpreter, about 10-20 MiB)\n");
        if (own_dir) fs::remove_all(a.dir);
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "kg-bench-graph: %s\n", e.what());
        return 1;
    }
}
