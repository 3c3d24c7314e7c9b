#include <kg/predicates.hpp>

#include "data/embedded.hpp"
#include "text/util.hpp"

namespace kg {

const std::vector<Predicate>& predicates() {
    static const std::vector<Predicate> table = [] {
        std::vector<Predicate> out;
        const std::string text = detail::data_file("predicates.tsv");  // the lines below are views into it
        for (const auto& line : detail::split_lines(text)) {
            if (line.empty() || line[0] == '#') continue;
            auto cols = detail::split(line, '\t');
            if (cols.size() < 2) continue;
            out.push_back({std::string(cols[0]), cols[1] == "yes", cols.size() > 2 ? std::string(cols[2]) : ""});
        }
        return out;
    }();
    return table;
}

bool is_predicate(std::string_view name) {
    for (const auto& p : predicates())
        if (p.name == name) return true;
    return false;
}

bool is_symmetric(std::string_view name) {
    for (const auto& p : predicates())
        if (p.name == name) return p.symmetric;
    return false;
}

}  // namespace kg
