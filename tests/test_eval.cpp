// Evaluation against re3d-style annotations (a tiny hand-made folder in tests/data/re3d-mini).
#include <doctest/doctest.h>

#include <kg/error.hpp>
#include <kg/score.hpp>

#include <string>

TEST_CASE("score_re3d: mentions per document, confidence floor, relation pairs") {
    kg::Re3dScore s = kg::score_re3d(std::string(KG_TEST_DATA) + "/re3d-mini", 0.5);
    CHECK(s.documents == 2);
    // Gold above the floor: Jane Holloway, Oslo, Acme Corp. (d1); Nordic Council, Helsinki (d2).
    CHECK(s.mentions.gold == 5);
    CHECK(s.untyped_mentions.true_positives >= 4);
    CHECK(s.mentions.recall >= 0.6);
    // The one gold pair above the floor is (Acme Corp., Holloway): "Acme Corp. praised Holloway".
    CHECK(s.relation_pairs.gold == 1);
    CHECK(s.relation_pairs.true_positives == 1);
    // A lower floor admits the low-confidence annotations.
    kg::Re3dScore all = kg::score_re3d(std::string(KG_TEST_DATA) + "/re3d-mini", 0.0);
    CHECK(all.mentions.gold == 6);
    CHECK(all.relation_pairs.gold == 2);
}

TEST_CASE("score_re3d: a missing folder is a bad-input error naming the file") {
    try {
        kg::score_re3d("/nonexistent-re3d");
        FAIL("expected an error");
    } catch (const kg::Error& e) {
        CHECK(e.code() == kg::ExitCode::bad_input);
        CHECK(std::string(e.what()).find("/nonexistent-re3d/documents.json") != std::string::npos);
    }
}
