// write_file / write / parse_format: atomic replacement, devices and pipes, error reporting.
#include <doctest/doctest.h>

#include "helpers.hpp"

#include <kg/error.hpp>
#include <kg/export.hpp>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

kg::KnowledgeGraph small_graph() {
    kg::KnowledgeGraph g;
    g.add_document({"a", "a.txt", 20});
    kg::Vertex x = g.add_entity("Xi & <Co>", kg::EntityType::PERSON);
    kg::Vertex y = g.add_entity("Yoyodyne", kg::EntityType::COMPANY);
    g.add_relation(x, "works_for", y, 0.5, kgtest::ev("a", 0, "Xi works at Yoyodyne."));
    return g;
}

std::string expected(kg::Format f) {
    std::ostringstream out;
    kg::write(small_graph(), f, out);
    return out.str();
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<std::string> list_dir(const std::string& path) {
    std::vector<std::string> names;
    if (DIR* d = opendir(path.c_str())) {
        while (dirent* e = readdir(d))
            if (std::string(e->d_name) != "." && std::string(e->d_name) != "..") names.emplace_back(e->d_name);
        closedir(d);
    }
    return names;
}

struct TempDir {
    std::string path;
    TempDir() {
        char tmpl[] = "/tmp/kg_write_XXXXXX";
        REQUIRE(mkdtemp(tmpl) != nullptr);
        path = tmpl;
    }
    ~TempDir() { kgtest::run("chmod -R u+rwx '" + path + "' 2>/dev/null; rm -rf '" + path + "'"); }
};

// Runs write_file(..., "-") in a child whose stdout is `out_path`; returns the child's exit status.
int write_stdout_in_child(const std::string& out_path, kg::Format f) {
    std::fflush(nullptr);
    pid_t pid = fork();
    if (pid == 0) {
        int fd = ::open(out_path.c_str(), O_WRONLY | O_TRUNC);
        if (fd < 0 || dup2(fd, STDOUT_FILENO) < 0) _exit(100);
        try {
            kg::write_file(small_graph(), f, "-");
        } catch (const kg::Error& e) {
            _exit(static_cast<int>(e.code()));
        } catch (...) {
            _exit(101);
        }
        _exit(0);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST_CASE("write: parse_format") {
    CHECK(kg::parse_format("graphml") == kg::Format::graphml);
    CHECK(kg::parse_format("json") == kg::Format::json);
    CHECK_FALSE(kg::parse_format("JSON").has_value());
    CHECK_FALSE(kg::parse_format("xml").has_value());
    CHECK_FALSE(kg::parse_format("").has_value());
}

TEST_CASE("write: dispatch picks the format") {
    CHECK(expected(kg::Format::json).rfind("{\n \"directed\": true", 0) == 0);
    CHECK(expected(kg::Format::graphml).rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", 0) == 0);
}

TEST_CASE("write_file: creates a new file with exactly the stream output, no temp left") {
    TempDir dir;
    for (kg::Format f : {kg::Format::json, kg::Format::graphml}) {
        const std::string path = dir.path + (f == kg::Format::json ? "/g.json" : "/g.graphml");
        kg::write_file(small_graph(), f, path);
        CHECK(slurp(path) == expected(f));
    }
    auto names = list_dir(dir.path);
    std::sort(names.begin(), names.end());
    CHECK(names == std::vector<std::string>{"g.graphml", "g.json"});
}

TEST_CASE("write_output: a producer streams more than its buffer into place; one that throws leaves nothing") {
    TempDir dir;
    const std::string path = dir.path + "/big.txt";
    // 3 MB crosses the stream buffer several times, so the file is written while the producer runs.
    const std::string line(999, 'x');
    kg::write_output(path, [&](std::ostream& out) {
        for (int i = 0; i < 3000; ++i) out << line << '\n';
    });
    CHECK(slurp(path).size() == 3000u * 1000u);
    CHECK(list_dir(dir.path) == std::vector<std::string>{"big.txt"});

    // A failure half-way (after megabytes reached the disk) keeps the old file and removes the temporary one.
    struct Boom {};
    CHECK_THROWS_AS(kg::write_output(path,
                                     [&](std::ostream& out) {
                                         for (int i = 0; i < 3000; ++i) out << "y" << line << '\n';
                                         throw Boom{};
                                     }),
                    Boom);
    CHECK(slurp(path).size() == 3000u * 1000u);
    CHECK(slurp(path)[0] == 'x');
    CHECK(list_dir(dir.path) == std::vector<std::string>{"big.txt"});
    CHECK_THROWS_AS(kg::write_output(dir.path + "/new.txt", [](std::ostream&) { throw Boom{}; }), Boom);
    CHECK(list_dir(dir.path) == std::vector<std::string>{"big.txt"});
}

TEST_CASE("write_file: replaces an existing file atomically, keeping its mode") {
    TempDir dir;
    const std::string path = dir.path + "/out.json";
    {
        std::ofstream f(path);
        f << "old contents that are longer than nothing";
    }
    REQUIRE(chmod(path.c_str(), 0640) == 0);
    struct stat before {};
    REQUIRE(stat(path.c_str(), &before) == 0);
    kg::write_file(small_graph(), kg::Format::json, path);
    struct stat after {};
    REQUIRE(stat(path.c_str(), &after) == 0);
    CHECK(slurp(path) == expected(kg::Format::json));
    CHECK(after.st_ino != before.st_ino);  // a new file renamed over, not rewritten in place
    CHECK((after.st_mode & 07777) == 0640);
    CHECK(list_dir(dir.path) == std::vector<std::string>{"out.json"});
}

TEST_CASE("write_file: a symlink keeps pointing at the replaced file") {
    TempDir dir;
    const std::string target = dir.path + "/real.json";
    const std::string link = dir.path + "/link.json";
    {
        std::ofstream f(target);
        f << "old";
    }
    REQUIRE(symlink("real.json", link.c_str()) == 0);
    kg::write_file(small_graph(), kg::Format::json, link);
    struct stat lst {};
    REQUIRE(lstat(link.c_str(), &lst) == 0);
    CHECK(S_ISLNK(lst.st_mode));
    CHECK(slurp(target) == expected(kg::Format::json));
}

TEST_CASE("write_file: missing directory is an output error and leaves nothing") {
    TempDir dir;
    const std::string path = dir.path + "/no/such/dir/out.graphml";
    bool thrown = false;
    try {
        kg::write_file(small_graph(), kg::Format::graphml, path);
    } catch (const kg::Error& e) {
        thrown = true;
        CHECK(e.code() == kg::ExitCode::output);
        CHECK(std::string(e.what()).find(path) != std::string::npos);
        CHECK(std::string(e.what()).find("does not exist") != std::string::npos);
    }
    CHECK(thrown);
    CHECK(list_dir(dir.path).empty());
}

TEST_CASE("write_file: a directory as path is an output error") {
    TempDir dir;
    CHECK_THROWS_AS(kg::write_file(small_graph(), kg::Format::json, dir.path), kg::Error);
    try {
        kg::write_file(small_graph(), kg::Format::json, dir.path);
    } catch (const kg::Error& e) {
        CHECK(e.code() == kg::ExitCode::output);
    }
    CHECK(list_dir(dir.path).empty());
}

TEST_CASE("write_file: unwritable directory fails and leaves no temp file") {
    if (geteuid() == 0) {
        MESSAGE("running as root: directory permissions are not enforced; skipping");
        return;
    }
    TempDir dir;
    const std::string sub = dir.path + "/ro";
    REQUIRE(mkdir(sub.c_str(), 0555) == 0);
    try {
        kg::write_file(small_graph(), kg::Format::json, sub + "/out.json");
        FAIL("expected kg::Error");
    } catch (const kg::Error& e) {
        CHECK(e.code() == kg::ExitCode::output);
        CHECK(std::string(e.what()).find(sub + "/out.json") != std::string::npos);
    }
    CHECK(list_dir(sub).empty());
}

TEST_CASE("write_file: /dev/full fails with output error and stays a device") {
    struct stat st {};
    if (stat("/dev/full", &st) != 0 || !S_ISCHR(st.st_mode)) {
        MESSAGE("/dev/full not available; skipping");
        return;
    }
    bool thrown = false;
    try {
        kg::write_file(small_graph(), kg::Format::json, "/dev/full");
    } catch (const kg::Error& e) {
        thrown = true;
        CHECK(e.code() == kg::ExitCode::output);
        CHECK(std::string(e.what()).find("/dev/full") != std::string::npos);
    }
    CHECK(thrown);
    REQUIRE(stat("/dev/full", &st) == 0);
    CHECK(S_ISCHR(st.st_mode));
}

TEST_CASE("write_file: /dev/null is written directly, not replaced") {
    kg::write_file(small_graph(), kg::Format::graphml, "/dev/null");
    struct stat st {};
    REQUIRE(stat("/dev/null", &st) == 0);
    CHECK(S_ISCHR(st.st_mode));
}

TEST_CASE("write_file: a named pipe is written through") {
    TempDir dir;
    const std::string fifo = dir.path + "/pipe";
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    std::string got;
    std::thread reader([&] { got = slurp(fifo); });
    kg::write_file(small_graph(), kg::Format::json, fifo);
    reader.join();
    CHECK(got == expected(kg::Format::json));
    struct stat st {};
    REQUIRE(stat(fifo.c_str(), &st) == 0);
    CHECK(S_ISFIFO(st.st_mode));
    CHECK(list_dir(dir.path) == std::vector<std::string>{"pipe"});
}

TEST_CASE("write_file: '-' writes to stdout, and a full stdout is an output error") {
    TempDir dir;
    const std::string out = dir.path + "/stdout.txt";
    { std::ofstream touch(out); }
    CHECK(write_stdout_in_child(out, kg::Format::graphml) == 0);
    CHECK(slurp(out) == expected(kg::Format::graphml));
    struct stat st {};
    if (stat("/dev/full", &st) == 0 && S_ISCHR(st.st_mode))
        CHECK(write_stdout_in_child("/dev/full", kg::Format::json) == static_cast<int>(kg::ExitCode::output));
}
