// The relation vocabulary: predicate schema v2 (data/predicates.tsv).
#include <doctest/doctest.h>

#include <kg/error.hpp>
#include <kg/lexicon.hpp>
#include <kg/predicates.hpp>

#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

using kg::EntityType;

TEST_CASE("predicates: schema v2 loaded with types, meaning and symmetric flags") {
    const auto& all = kg::predicates();
    CHECK(all.size() == 46);

    // A v1 predicate keeps its flag and gets v2's types: PERSON -> ACTOR.
    const kg::Predicate* leader = kg::predicate_info("leader_of");
    REQUIRE(leader != nullptr);
    CHECK_FALSE(leader->symmetric);
    CHECK_FALSE(kg::is_symmetric("leader_of"));
    CHECK(leader->subject_types == std::vector<EntityType>{EntityType::PERSON});
    CHECK(leader->object_types == std::vector<EntityType>{EntityType::PERSON, EntityType::COMPANY,
                                                           EntityType::ORGANIZATION, EntityType::COUNTRY});
    CHECK(kg::predicate_meaning("leader_of").find("heads a country") != std::string_view::npos);
    CHECK(leader->example == "Li Qiang leader_of China");
    CHECK(leader->wikidata.find("P35:inv") != std::string::npos);

    // A v1 symmetric one stays symmetric.
    CHECK(kg::is_symmetric("competes_with"));

    // A v2 symmetric one: meets, ACTOR both sides, CAMEO 04.
    REQUIRE(kg::is_predicate("meets"));
    CHECK(kg::is_symmetric("meets"));
    CHECK(kg::subject_types("meets") == kg::object_types("meets"));
    CHECK(kg::subject_types("meets").size() == 4);
    CHECK(kg::predicate_info("meets")->cameo == "04");

    // Groups: ORG|COUNTRY, PLACE, ANY expand in EntityType order without repeats.
    CHECK(kg::object_types("works_for") == std::vector<EntityType>{EntityType::COMPANY, EntityType::ORGANIZATION,
                                                                     EntityType::COUNTRY});
    CHECK(kg::object_types("located_in") == std::vector<EntityType>{EntityType::COUNTRY, EntityType::LOCATION});
    CHECK(kg::object_types("visits").size() == 5);  // ACTOR|PLACE: COUNTRY counted once
    CHECK(kg::subject_types("successor_of").size() == 8);

    // Every v1 predicate is still there.
    for (const char* p : {"announced", "sanctions", "restricts", "attends", "held_in", "organized_by", "leader_of",
                          "works_for", "founder_of", "based_in", "part_of", "signed", "praised", "supports",
                          "focuses_on", "develops", "released", "proposed", "successor_of", "competes_with"})
        CHECK_MESSAGE(kg::is_predicate(p), p);
    CHECK_FALSE(kg::is_predicate("attend"));
    CHECK(kg::predicate_info("attend") == nullptr);
    CHECK(kg::subject_types("attend").empty());
}

TEST_CASE("predicates: a malformed predicates.tsv in the data directory is bad input naming file and line") {
    char dir[] = "/tmp/kg_pred_XXXXXX";
    REQUIRE(mkdtemp(dir) != nullptr);
    const std::string path = std::string(dir) + "/predicates.tsv";
    auto expect_error = [&](const std::string& text, const std::string& what) {
        {
            std::ofstream(path, std::ios::binary) << text;
        }
        kg::set_data_dir(dir);
        std::string message;
        kg::ExitCode code = kg::ExitCode::ok;
        try {
            kg::predicates();
        } catch (const kg::Error& e) {
            message = e.what();
            code = e.code();
        }
        kg::set_data_dir("");  // restore the embedded vocabulary for the other tests
        CHECK(code == kg::ExitCode::bad_input);
        CHECK_MESSAGE(message.find(path + ":2:") != std::string::npos, message);
        CHECK_MESSAGE(message.find(what) != std::string::npos, message);
    };
    // The v1 layout (predicate, symmetric, description, example).
    expect_error("# predicate\tsymmetric\tdescription\texample\nleader_of\tno\tperson leads\tA leader_of B\n",
                 "4 tab-separated columns");
    expect_error("# v2\nleader_of\tmaybe\tPERSON\tACTOR\tx\ty\n", "symmetric must be yes or no");
    expect_error("# v2\nleader_of\tno\tPERSON\tPEOPLE\tx\ty\n", "unknown type 'PEOPLE'");

    // A well-formed file with the label columns left off replaces the built-in one; then back.
    {
        std::ofstream(path, std::ios::binary) << "# mine\nmeets\tyes\tACTOR\tACTOR\tthey meet\tA meets B\n";
    }
    kg::set_data_dir(dir);
    CHECK(kg::predicates().size() == 1);
    CHECK(kg::is_symmetric("meets"));
    CHECK_FALSE(kg::is_predicate("leader_of"));
    kg::set_data_dir("");
    CHECK(kg::predicates().size() == 46);
    CHECK(kg::is_predicate("leader_of"));

    std::remove(path.c_str());
    rmdir(dir);
}
