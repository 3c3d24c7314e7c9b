// kg-eval: scores the extractor against gold annotations — a gold graph (seeds.gold.json format), a
// re3d-style folder, token-annotated NER test files, GUM coreference chains, Re-DocRED and FewRel
// relations, a CoNLL-U treebank for the parser — and prints precision, recall and F1 (or accuracy, or
// UAS/LAS) with what was missed and what was invented.
//
// redocred: each document's text is its sentences' tokens joined by single spaces, sentences joined by
// "\n"; a predicted entity maps to the gold entity whose mentions overlap its mentions by the most bytes
// (ties: lowest vertexSet index), or to none. Gold triples are the labels mapped through predicates.tsv's
// wikidata column (":inv" swaps the ends, ":S=TYPE" needs that subject type; part_of between places is
// located_in, located_in of an ORG is based_in) whose Re-DocRED types fit the predicate; distinct, a
// symmetric pair in index order. A predicted relation with an end mapped to none is a false positive.
// fewrel: each instance's text is its tokens joined by single spaces; head and tail are the predicted
// entities overlapping their tokens most; the label is the most confident relation between them, with
// direction. parse: UAS/LAS over every syntactic word, with the tagger's tags and with the gold UPOS.
// The exact rules are in kg/score.hpp.
#include "cli.hpp"

#include <kg/error.hpp>
#include <kg/score.hpp>
#include <kg/version.hpp>

#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

namespace po = boost::program_options;

namespace {

void print_prf(const char* name, const kg::PRF& p) {
    std::cout << std::left << std::setw(18) << name << std::fixed << std::setprecision(3) << "P=" << p.precision
              << "  R=" << p.recall << "  F1=" << p.f1 << "   (" << p.true_positives << " found, " << p.predicted
              << " predicted, " << p.gold << " gold)\n";
}

// --format: text (the default) or json.
bool format_is_json(const po::variables_map& vm) {
    const std::string format = vm["format"].as<std::string>();
    if (format != "text" && format != "json")
        throw kg::Error(kg::ExitCode::usage, "--format must be text or json, not '" + format + "'");
    return format == "json";
}

void print_list(const char* title, const std::vector<std::string>& items) {
    if (items.empty()) return;
    std::cout << title << " (" << items.size() << "):\n";
    for (const auto& s : items) std::cout << "  " << s << "\n";
}

}  // namespace

int main(int argc, char** argv) {
    return kgcli::run_tool("kg-eval", [&]() -> int {
        po::options_description visible("Options");
        visible.add_options()("help,h", "show this help")("version", "show the version")(
            "min-confidence", po::value<double>()->default_value(0.5), "re3d: ignore annotations below this confidence")(
            "quiet-lists", "print the figures only, not the misses and false positives")(
            "file", po::value<std::vector<std::string>>(), "ner: also score this token-annotated file (repeatable)")(
            "format", po::value<std::string>()->default_value("text"), "ner, coref, redocred, fewrel, parse: text or json");
        kgcli::add_common_options(visible);
        po::options_description hidden;
        hidden.add_options()("args", po::value<std::vector<std::string>>()->default_value({}, ""), "arguments");
        po::options_description all;
        all.add(visible).add(hidden);
        po::positional_options_description pos;
        pos.add("args", -1);
        po::variables_map vm;
        po::store(po::command_line_parser(argc, argv).options(all).positional(pos).run(), vm);
        po::notify(vm);
        if (vm.count("help")) {
            std::cout << "Usage: kg-eval gold GOLD.json [INPUT...]\n"
                         "       kg-eval re3d DIR\n"
                         "       kg-eval ner DIR [--file PATH]... [--format text|json]\n"
                         "       kg-eval coref FILE.conllu|DIR... [--format text|json]\n"
                         "       kg-eval redocred FILE.json [--format text|json] [--quiet-lists]\n"
                         "       kg-eval fewrel FILE.json [--format text|json]\n"
                         "       kg-eval parse FILE.conllu... [--format text|json]\n"
                         "Scores the extractor. 'gold' builds the graph of INPUT (default: the built-in sample) and\n"
                         "compares it with a gold graph in the format of tests/data/seeds.gold.json: entities matched\n"
                         "one-to-one by name or alias, distinct (subject, predicate, object) triples, core recall.\n"
                         "'re3d' reads DIR/documents.json, entities.json, relations.json (re3d, JSON lines) and\n"
                         "compares mention texts per document (PER, ORG, LOC) and related pairs.\n"
                         "'ner' scores the test_uner.txt, test_wnut.txt, test_crossner_politics.txt and\n"
                         "test_gum_news.txt found in DIR (written by scripts/ner_data.py), and each --file: exact\n"
                         "token spans, typed and untyped P/R/F1 over PER/ORG/LOC, the confusion matrix of the\n"
                         "eight types, and the COMPANY vs ORGANIZATION and COUNTRY vs LOCATION accuracies.\n"
                         "'coref' reads GUM CoNLL-U files (a DIR: its GUM_news_*.conllu, sorted) and scores links\n"
                         "between proper-name mentions of one chain: each document's text is its tokens joined by\n"
                         "single spaces, none after SpaceAfter=No or inside a multiword token, each sentence ended\n"
                         "by a newline; a gold mention's head is its first token whose HEAD lies outside it, and it\n"
                         "is a proper-name mention when the head is PROPN, the chain type is not time or quantity\n"
                         "and it is not inside a longer proper-name mention. All documents are built into one graph; a gold mention matches the node mention\n"
                         "overlapping its head token (most overlap with the mention, then earliest start). A gold\n"
                         "link joins two proper-name mentions of one chain in a document, a predicted link two whose\n"
                         "matched mentions belong to one node; P/R/F1 are summed over documents.\n"
                         "'redocred' reads Re-DocRED JSON (sents, vertexSet, labels). Each document's text is each\n"
                         "sentence's tokens joined by single spaces, sentences joined by a newline; one extractor runs\n"
                         "on each. A predicted entity maps to the gold entity (vertexSet index) whose mentions' byte\n"
                         "ranges overlap its mentions' the most (bytes summed over all pairs of mentions; ties: the\n"
                         "lowest index; no overlap: none). A label's property maps to a predicate through the wikidata\n"
                         "column of predicates.tsv, first applicable spec in table order (':inv': the property's\n"
                         "subject is our object; ':S=TYPE': only when the property's subject has that type), with\n"
                         "types as Re-DocRED's PER/ORG/LOC/MISC (an entity's: its first mention's; TIME, NUM fit\n"
                         "nothing); part_of between two LOC is located_in and located_in with an ORG subject is\n"
                         "based_in; the spec is passed over unless both ends' types fit the predicate's. Gold and\n"
                         "predicted (subject, predicate, object) triples over gold entities are distinct (symmetric\n"
                         "predicates: the pair in index order). A predicted relation with an end that maps to no gold\n"
                         "entity is a false positive (counted once per distinct relation). Pairs: unordered pairs of\n"
                         "gold entities, gold when a gold triple joins them, predicted when a predicted triple with\n"
                         "both ends mapped does. Prints typed and pair P/R/F1, a per-predicate table and examples of\n"
                         "misses and false triples.\n"
                         "'fewrel' reads FewRel JSON (property -> instances of tokens, h, t). Each instance's text is\n"
                         "its tokens joined by single spaces; head and tail are the predicted entities whose mentions\n"
                         "overlap their token occurrences by the most bytes (ties: the lowest index); the predicted\n"
                         "label is the predicate of the most confident relation between the two (ties: the first),\n"
                         "with its direction, else none. The gold label is the property mapped as above but without\n"
                         "the type check, the ends' types being the predicted entities' (no entity: an S= spec fails),\n"
                         "else none. Prints the accuracy on mapped labels (predicate and direction; direction free\n"
                         "for symmetric predicates), the rate of none on the rest, and a per-property table.\n"
                         "'parse' tags and parses every sentence of CoNLL-U files with the built-in tagger and parser\n"
                         "and again with the gold UPOS: UAS and LAS (relation without subtype) over every syntactic\n"
                         "word, punctuation included; multiword-token ranges and empty nodes are skipped.\n\n"
                      << visible << "\nExit codes: 0 ok, 2 usage error, 3 bad input.\n";
            return 0;
        }
        if (vm.count("version")) {
            std::cout << "kg-eval " << kg::version() << "\n";
            return 0;
        }
        auto args = vm["args"].as<std::vector<std::string>>();
        if (args.empty()) throw kg::Error(kg::ExitCode::usage, "missing command (gold, re3d, ner, coref, redocred, fewrel or parse)");
        const bool lists = !vm.count("quiet-lists");
        if (args[0] == "gold") {
            if (args.size() < 2) throw kg::Error(kg::ExitCode::usage, "gold needs the gold file");
            std::ifstream in(args[1], std::ios::binary);
            if (!in) throw kg::Error(kg::ExitCode::bad_input, args[1] + ": cannot open");
            std::stringstream ss;
            ss << in.rdbuf();
            kg::Gold gold = kg::parse_gold(ss.str(), args[1]);
            kg::KnowledgeGraph graph =
                kgcli::build_from_options(vm, std::vector<std::string>(args.begin() + 2, args.end()));
            kg::Score s = kg::score(graph, gold);
            print_prf("entities", s.entities);
            print_prf("typed entities", s.typed_entities);
            print_prf("relations", s.relations);
            std::cout << "core recall       " << std::fixed << std::setprecision(3) << s.core_recall << "\n";
            std::cout << "split gold entities " << s.split_entities.size() << "\n";
            std::cout << "nodes joining gold entities " << s.joined_nodes.size() << "\n";
            if (lists) {
                print_list("missed core relations", s.missed_core);
                print_list("missed entities", s.missed_entities);
                print_list("false entities", s.false_entities);
                print_list("missed relations", s.missed_relations);
                print_list("false relations", s.false_relations);
                print_list("split gold entities", s.split_entities);
                print_list("nodes joining gold entities", s.joined_nodes);
            }
            return 0;
        }
        if (args[0] == "re3d") {
            if (args.size() != 2) throw kg::Error(kg::ExitCode::usage, "re3d needs one folder");
            kgcli::use_data_dir(vm);
            kg::Re3dScore s = kg::score_re3d(args[1], vm["min-confidence"].as<double>());
            std::cout << s.documents << " documents\n";
            print_prf("mentions (typed)", s.mentions);
            print_prf("mentions", s.untyped_mentions);
            print_prf("relation pairs", s.relation_pairs);
            if (lists) {
                std::cout << "most frequent false mentions:\n";
                for (const auto& [t, n] : s.top_false) std::cout << "  " << n << "  " << t << "\n";
                std::cout << "most frequent missed mentions:\n";
                for (const auto& [t, n] : s.top_missed) std::cout << "  " << n << "  " << t << "\n";
            }
            return 0;
        }
        if (args[0] == "ner") {
            if (args.size() != 2) throw kg::Error(kg::ExitCode::usage, "ner needs one folder");
            const std::string format = vm["format"].as<std::string>();
            if (format != "text" && format != "json")
                throw kg::Error(kg::ExitCode::usage, "--format must be text or json, not '" + format + "'");
            kgcli::use_data_dir(vm);
            std::vector<std::string> files;
            if (vm.count("file")) files = vm["file"].as<std::vector<std::string>>();
            const kg::NerEvalReport report = kg::score_ner(args[1], files);
            std::cout << (format == "json" ? kg::ner_eval_json(report) : kg::ner_eval_text(report));
            return 0;
        }
        if (args[0] == "coref") {
            if (args.size() < 2) throw kg::Error(kg::ExitCode::usage, "coref needs at least one .conllu file or folder");
            const std::string format = vm["format"].as<std::string>();
            if (format != "text" && format != "json")
                throw kg::Error(kg::ExitCode::usage, "--format must be text or json, not '" + format + "'");
            kgcli::use_data_dir(vm);
            const kg::CorefScore s = kg::score_coref(std::vector<std::string>(args.begin() + 1, args.end()));
            if (format == "json") {
                std::cout << kg::coref_eval_json(s);
                return 0;
            }
            std::cout << s.documents << " documents\n";
            std::cout << "coref links  " << std::fixed << std::setprecision(3) << "P=" << s.links.precision
                      << " R=" << s.links.recall << " F1=" << s.links.f1 << " (" << s.links.true_positives << " found, "
                      << s.links.predicted << " predicted, " << s.links.gold << " gold)\n";
            std::cout << "proper-name mentions " << s.proper_mentions << ", matched " << s.matched << "\n";
            std::cout << "pronoun antecedents P=" << s.pronouns.precision << " R=" << s.pronouns.recall
                      << " F1=" << s.pronouns.f1 << " (" << s.pronouns.true_positives << " right, " << s.pronouns.predicted
                      << " resolved, " << s.pronouns.gold << " gold)\n";
            if (lists) {
                print_list("missed links", s.missed_links);
                print_list("false links", s.false_links);
                print_list("wrong pronoun antecedents", s.false_pronouns);
            }
            return 0;
        }
        if (args[0] == "redocred" || args[0] == "fewrel" || args[0] == "parse") {
            if (args.size() < 2 || (args[0] != "parse" && args.size() != 2))
                throw kg::Error(kg::ExitCode::usage,
                                args[0] + (args[0] == "parse" ? " needs at least one .conllu file" : " needs one JSON file"));
            const bool json = format_is_json(vm);
            kgcli::use_data_dir(vm);
            if (args[0] == "redocred") {
                const kg::RedocredScore s = kg::score_redocred(args[1]);
                std::cout << (json ? kg::redocred_eval_json(s) : kg::redocred_eval_text(s, lists));
            } else if (args[0] == "fewrel") {
                const kg::FewrelScore s = kg::score_fewrel(args[1]);
                std::cout << (json ? kg::fewrel_eval_json(s) : kg::fewrel_eval_text(s));
            } else {
                const kg::ParseScore s = kg::score_parse(std::vector<std::string>(args.begin() + 1, args.end()));
                std::cout << (json ? kg::parse_eval_json(s) : kg::parse_eval_text(s));
            }
            return 0;
        }
        throw kg::Error(kg::ExitCode::usage,
                        "unknown command '" + args[0] + "' (gold, re3d, ner, coref, redocred, fewrel, parse)");
    });
}
