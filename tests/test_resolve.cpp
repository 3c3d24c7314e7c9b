// Names: short forms joined inside a document and across documents, the ambiguous cases that must stay
// apart, and the junk guard. Sentences are made up for the tests; no name is in a hand-written lexicon.
#include <doctest/doctest.h>

#include <kg/extract.hpp>
#include <kg/graph.hpp>

#include "merge/joins.hpp"

#include <algorithm>
#include <climits>
#include <string>
#include <tuple>
#include <vector>

namespace {

const kg::DocEntity* find(const kg::DocExtraction& x, const std::string& name) {
    for (const auto& e : x.entities)
        if (e.name == name) return &e;
    return nullptr;
}

kg::DocExtraction extract(const std::string& text) {
    static const kg::Extractor extractor;
    return extractor(kg::Document{"doc", "test", text});
}

bool has_alias(const kg::DocEntity& e, const std::string& a) {
    return std::find(e.aliases.begin(), e.aliases.end(), a) != e.aliases.end();
}

kg::Document doc(std::string id, std::string text, std::string date = "") {
    kg::Document d{id, id + ".txt", std::move(text)};
    d.date = std::move(date);
    return d;
}

// The node a name (label or alias) belongs to, or nullptr; fails the test if two nodes have it.
const kg::Entity* node(const kg::KnowledgeGraph& g, const std::string& name) {
    const auto vs = g.lookup(name);
    REQUIRE(vs.size() <= 1);
    return vs.empty() ? nullptr : &g.graph()[vs[0]];
}

}  // namespace

TEST_CASE("resolve: a surname or given name joins the one full name, written before or after it") {
    const auto x = extract("Okafor Takes Over at Nordvale\n\nNordvale Bank appointed Maria Okafor as chief executive on "
                           "Tuesday. Maria thanked the board, and Okafor said she would start in May.");
    const auto* okafor = find(x, "Maria Okafor");
    REQUIRE(okafor);
    CHECK(okafor->type == kg::EntityType::PERSON);
    CHECK(has_alias(*okafor, "Okafor"));  // in the headline, before the full name
    CHECK(has_alias(*okafor, "Maria"));
    CHECK_FALSE(find(x, "Okafor"));
    CHECK_FALSE(find(x, "Maria"));
}

TEST_CASE("resolve: the first word of an organization joins it when the rest says what kind of body it is") {
    const auto x = extract("Nordvale Bank cut its rates on Monday. Nordvale said deposits had grown.");
    const auto* bank = find(x, "Nordvale Bank");
    REQUIRE(bank);
    CHECK(has_alias(*bank, "Nordvale"));
    CHECK_FALSE(find(x, "Nordvale"));
    // "Cloud" names a thing of Google's, not a kind of body: two entities.
    const auto y = extract("Google Cloud grew fast last year. Google said revenue rose.");
    CHECK(find(y, "Google"));
}

TEST_CASE("resolve: a short form two full names compete for stays its own entity") {
    const auto x = extract("Li Qiang met Li Wei in Shanghai on Friday. Li said the talks had gone well.");
    REQUIRE(find(x, "Li Qiang"));
    REQUIRE(find(x, "Li Wei"));
    CHECK_FALSE(has_alias(*find(x, "Li Qiang"), "Li"));
    CHECK_FALSE(has_alias(*find(x, "Li Wei"), "Li"));
}

TEST_CASE("resolve: a title on a short form picks the one competing person the document gave that title") {
    const auto x = extract("Governor Dana Okafor met her brother Chidi Okafor in Lagos. Governor Okafor said the "
                           "visit was private. Later Okafor flew to Abuja.");
    const auto* dana = find(x, "Dana Okafor");
    REQUIRE(dana);
    REQUIRE(find(x, "Chidi Okafor"));
    CHECK_FALSE(find(x, "Okafor"));
    CHECK(has_alias(*dana, "Okafor"));
    // Titles that point to different people: each titled mention takes its own; a bare one stays apart.
    const auto y = extract("Senator Ann Lee met Governor Tom Lee in Ohio. Senator Lee praised Governor Lee. Lee left.");
    REQUIRE(find(y, "Ann Lee"));
    REQUIRE(find(y, "Tom Lee"));
    const auto* lee = find(y, "Lee");
    REQUIRE(lee);
    CHECK(lee->mentions.size() == 1);
}

TEST_CASE("resolve: a hyphenated surname or given name is one word of the name") {
    const auto x = extract("Abu Mahdi al-Muhandis was killed near Baghdad. Al-Muhandis led the militia; "
                           "Muhandis had been sanctioned. Tak-Sing Wong spoke in Hong Kong. Tak-Sing said the vote was fair.");
    const auto* abu = find(x, "Abu Mahdi al-Muhandis");
    REQUIRE(abu);
    CHECK(abu->mentions.size() == 3);
    CHECK_FALSE(find(x, "Al-Muhandis"));
    const auto* wong = find(x, "Tak-Sing Wong");
    REQUIRE(wong);
    CHECK(wong->mentions.size() == 2);
    // Two names joined by a hyphen are two people, neither the other's short form.
    const auto y = extract("The Okafor-Lindqvist talks ended. Dana Okafor met Kim Lindqvist in Oslo.");
    CHECK_FALSE(has_alias(*find(y, "Dana Okafor"), "Okafor-Lindqvist"));
}

TEST_CASE("resolve: a name with and without its middle initial is one person, unless two initials compete") {
    const auto x = extract("Dana K. Okafor opened the clinic in Lagos. Dana Okafor said Okafor would stay.");
    const auto* dana = find(x, "Dana K. Okafor");
    REQUIRE(dana);
    CHECK(dana->mentions.size() == 3);
    CHECK_FALSE(find(x, "Dana Okafor"));
    const auto y = extract("Dana K. Okafor and Dana M. Okafor spoke in Lagos. Dana Okafor said so.");
    REQUIRE(find(y, "Dana K. Okafor"));
    REQUIRE(find(y, "Dana M. Okafor"));
    CHECK(find(y, "Dana Okafor"));
}

TEST_CASE("resolve: the person named in full first takes the surname from a relative named later") {
    const auto x = extract("Dana Okafor opened the clinic in Lagos on Monday. Critics questioned the role of her son "
                           "Hunter Okafor. Okafor said the clinic would stay open.");
    const auto* dana = find(x, "Dana Okafor");
    REQUIRE(dana);
    CHECK(has_alias(*dana, "Okafor"));
    // "Hunter" of "Hunter Okafor" is his given name, not the occupation (a title before a name).
    CHECK(find(x, "Hunter Okafor"));
    CHECK_FALSE(find(x, "Okafor"));
}

TEST_CASE("junk guard: ordinary words, legal suffixes and nationality adjectives alone are no entities") {
    const auto x = extract("Finance ministers met in Paris on Monday. Most said the Co would grow. "
                           "European leaders agreed, and Chinese firms objected.");
    CHECK(find(x, "Paris"));
    CHECK_FALSE(find(x, "Finance"));
    CHECK_FALSE(find(x, "Most"));
    CHECK_FALSE(find(x, "Co"));
    CHECK_FALSE(find(x, "European"));
    // An adjective the name lists lack, which the recognizer may read as a place; a place before a noun stays.
    const auto adj = extract("Leaders of African nations met in Addis Ababa. The European migrant crisis peaked in 2015. "
                             "Texas officials agreed.");
    CHECK_FALSE(find(adj, "African"));
    CHECK_FALSE(find(adj, "European"));
    CHECK(find(adj, "Addis Ababa"));
    CHECK(find(adj, "Texas"));
    // Nationality words the name lists file under a country as if places (data/README.md, rule 7).
    const auto nat = extract("Dutch and Greek officials met Cypriot envoys in Athens.");
    CHECK_FALSE(find(nat, "Dutch"));
    CHECK_FALSE(find(nat, "Greek"));
    CHECK_FALSE(find(nat, "Cypriot"));
    CHECK(find(nat, "Athens"));
    // The last word of a name whose first word the recognizer cut off is a piece, not a person.
    const auto piece = extract("She spoke on the talk show Morning Joe on Tuesday. Later she met Joe in Paris.");
    std::size_t joes = 0;
    for (const auto& e : piece.entities)
        if (e.name == "Joe") joes = e.mentions.size();
    CHECK(joes == 1);
    // An interview transcript's speaker labels are turn markers, not mentions.
    const auto transcript = extract("((WN)) Why did Nordvale Bank move?\n((Ines Moll)) Costs in Oslo rose.");
    CHECK_FALSE(find(transcript, "WN"));
    CHECK_FALSE(find(transcript, "Ines Moll"));
    CHECK(find(transcript, "Nordvale Bank"));
    CHECK(find(transcript, "Oslo"));
    // Formulas and quarters are nouns; "Emeritus" and "Cde" (comrade) are titles, no part of the name.
    const auto y = extract("Bishop Emeritus Anselm Okoro led the mass on Sunday. "
                           "Profits rose in Q3 as CO2 rules eased, Cde Tendai Moyo said.");
    CHECK(find(y, "Anselm Okoro"));
    CHECK(find(y, "Tendai Moyo"));
    CHECK_FALSE(find(y, "Q3"));
    CHECK_FALSE(find(y, "CO2"));
    CHECK(y.entities.size() == 2);
    // A name that is also an English word stays a name where the recognizer is sure of it.
    CHECK(find(extract("Apple said on Monday it would cut jobs."), "Apple"));
}

TEST_CASE("joins across documents: a short form takes the corpus's one full name when the articles share context") {
    const std::vector<kg::Document> docs = {
        doc("a", "Nordvale Bank appointed Maria Okafor as chief executive. Okafor starts in May."),
        doc("b", "Okafor told Nordvale Bank staff that the branch network would shrink."),  // shares Nordvale Bank
        doc("c", "Okafor won the village chess tournament in Lagos."),                      // shares nothing
    };
    const kg::KnowledgeGraph g = kg::build_graph(docs);
    const kg::Entity* okafor = node(g, "Maria Okafor");
    REQUIRE(okafor);
    REQUIRE(okafor->joins.size() == 1);
    CHECK(okafor->joins[0].alias == "Okafor");
    CHECK(okafor->joins[0].doc == "b");
    CHECK(okafor->joins[0].confidence == doctest::Approx(0.6));  // 0.5 + one shared entity
    // Document c shares no entity and no date with a: its Okafor is not assumed to be Maria Okafor.
    bool c_joined = false;
    for (const auto& m : okafor->mentions) c_joined = c_joined || m.doc == "c";
    CHECK_FALSE(c_joined);
}

TEST_CASE("joins across documents: a near date is shared context; a bare name with two candidates stays apart") {
    const std::vector<kg::Document> dated = {
        doc("a", "Maria Okafor opened the new Harbour Museum in Lagos.", "2024-03-01"),
        doc("b", "Okafor praised the volunteers at the weekend.", "2024-03-04"),
        doc("c", "Okafor praised the volunteers again.", "2024-06-30"),  // months later, nothing shared
    };
    const kg::KnowledgeGraph g = kg::build_graph(dated);
    const kg::Entity* okafor = node(g, "Maria Okafor");
    REQUIRE(okafor);
    REQUIRE(okafor->joins.size() == 1);
    CHECK(okafor->joins[0].doc == "b");

    // Two people called Li with different full names never merge, and a bare Li joins neither.
    const std::vector<kg::Document> lis = {
        doc("a", "Premier Li Qiang visited the Port of Tianjin on Monday."),
        doc("b", "Li Wei, a Tianjin dock worker, welcomed the Port of Tianjin expansion."),
        doc("c", "Li toured the Port of Tianjin again on Friday."),
    };
    const kg::KnowledgeGraph h = kg::build_graph(lis);
    const kg::Entity* qiang = node(h, "Li Qiang");
    const kg::Entity* wei = node(h, "Li Wei");
    REQUIRE(qiang);
    REQUIRE(wei);
    CHECK(qiang != wei);
    CHECK(qiang->joins.empty());
    CHECK(wei->joins.empty());
}

TEST_CASE("joins across documents do not depend on the order documents arrive in") {
    std::vector<kg::Document> docs = {
        doc("b", "Okafor told Nordvale Bank staff that the branch network would shrink."),
        doc("a", "Nordvale Bank appointed Maria Okafor as chief executive."),
    };
    kg::BuildOptions o;
    o.threads = 1;
    auto run = [&](std::vector<kg::Document> in) {
        kg::GraphBuilder b(o);
        for (auto& d : in) b.add(std::move(d));
        const kg::KnowledgeGraph g = b.finish();
        const kg::Entity* e = node(g, "Maria Okafor");
        REQUIRE(e);
        return e->joins;
    };
    const auto forward = run(docs);
    std::reverse(docs.begin(), docs.end());
    CHECK(run(docs) == forward);
    CHECK(forward.size() == 1);
}

TEST_CASE("joins: day numbers of ISO dates") {
    using J = kg::detail::ShortFormJoins;
    CHECK(J::day_number("1970-01-01") == 0);
    CHECK(J::day_number("2024-03-01T09:30:00Z") - J::day_number("2024-02-28") == 2);  // a leap year
    CHECK(J::day_number("2024-13-01") == INT32_MIN);
    CHECK(J::day_number("March 1") == INT32_MIN);
}

TEST_CASE("joins across documents: a first name alone joins only where the corpus uses it for the full name") {
    const std::vector<kg::Document> docs = {
        // "Chen" is the family name here, written alone beside the full name; "Kim" never is. Both are
        // common names, so document c shares two entities with a (one would not do: next test).
        doc("a", "Chen Wenbo opened the Harbour Museum in Tianjin. Chen said it took six years."),
        doc("b", "Kim Lindqvist opened the Harbour Museum extension."),
        doc("c", "Chen and Kim met at the Harbour Museum in Tianjin on Friday."),
    };
    const kg::KnowledgeGraph g = kg::build_graph(docs);
    const kg::Entity* chen = node(g, "Chen Wenbo");
    const kg::Entity* kim = node(g, "Kim Lindqvist");
    REQUIRE(chen);
    REQUIRE(kim);
    REQUIRE(chen->joins.size() == 1);
    CHECK(chen->joins[0].doc == "c");
    CHECK(kim->joins.empty());
}

TEST_CASE("joins across documents: a common name alone needs two pieces of shared context, a rare one one") {
    // person_names.tsv saw "Wong" for many people; "Okafor" is rarer. Documents c and d share one entity
    // with the full name's article, e two.
    const std::vector<kg::Document> docs = {
        doc("a", "Joshua Wong opened the Kowloon Arts Centre in Sham Shui Po. Wong said it took six years."),
        doc("b", "Maria Okafor opened the Harbour Museum extension in Lagos. Okafor thanked the donors."),
        doc("c", "A student named Wong praised the Kowloon Arts Centre."),
        doc("d", "Okafor later praised the Harbour Museum again."),
        doc("e", "Wong returned to the Kowloon Arts Centre in Sham Shui Po on Friday."),
    };
    const kg::KnowledgeGraph g = kg::build_graph(docs);
    const kg::Entity* wong = node(g, "Joshua Wong");
    const kg::Entity* okafor = node(g, "Maria Okafor");
    REQUIRE(wong);
    REQUIRE(okafor);
    std::vector<std::string> wong_docs, okafor_docs;
    for (const auto& j : wong->joins) wong_docs.push_back(j.doc);
    for (const auto& j : okafor->joins) okafor_docs.push_back(j.doc);
    CHECK(wong_docs == std::vector<std::string>{"e"});
    CHECK(okafor_docs == std::vector<std::string>{"d"});
}

TEST_CASE("resolve: only a seat of government stands for its country; a state or province stays itself") {
    const auto x = extract("California outlawed the sale of the drug on Friday. Tokyo said it would follow.");
    const auto* california = find(x, "California");
    REQUIRE(california);
    CHECK(california->type == kg::EntityType::LOCATION);
    const auto* japan = find(x, "Japan");  // data/capitals.tsv: Tokyo is the seat of Japan's government
    REQUIRE(japan);
    CHECK(has_alias(*japan, "Tokyo"));
}

TEST_CASE("joins across documents: an entity most articles name is no shared context") {
    std::vector<kg::Document> docs = {
        doc("a", "Maria Okafor opened a clinic in Lagos. Okafor thanked the United States for its help."),
        doc("z", "Okafor said the United States had sent no reply."),  // shares only the ubiquitous country
    };
    for (int i = 0; i < 4; ++i)
        docs.push_back(doc("m" + std::to_string(i), "The United States raised tariffs on steel again on Monday."));
    const kg::KnowledgeGraph g = kg::build_graph(docs);
    const kg::Entity* okafor = node(g, "Maria Okafor");
    REQUIRE(okafor);
    CHECK(okafor->joins.empty());
}

TEST_CASE("resolve: an acronym defined in brackets stands for its name wherever the document uses it") {
    const auto x = extract("The Harbour Safety Authority (HSA) closed the port on Monday. HSA inspectors left on "
                           "Friday, and the HSA said it would reopen.");
    const auto* hsa = find(x, "Harbour Safety Authority");
    REQUIRE(hsa);
    CHECK(has_alias(*hsa, "HSA"));
    CHECK_FALSE(find(x, "HSA"));
    // Defined by its brackets even where the initials would not say so.
    const auto y = extract("Officials of the Port Authority of Lagos (NPA) met. The NPA said ships would wait.");
    CHECK_FALSE(find(y, "NPA"));
}

TEST_CASE("joins across documents: of several full names, the one sharing more context takes the short form") {
    const std::vector<kg::Document> docs = {
        doc("a", "Maria Okafor chairs Nordvale Bank and the Harbour Safety Authority. Okafor spoke in Lagos."),
        doc("b", "Tunde Okafor won the Abuja marathon on Sunday."),
        doc("c", "Okafor told the Harbour Safety Authority that Nordvale Bank would pay."),  // a's context, not b's
    };
    const kg::KnowledgeGraph g = kg::build_graph(docs);
    const kg::Entity* maria = node(g, "Maria Okafor");
    REQUIRE(maria);
    REQUIRE(maria->joins.size() == 1);
    CHECK(maria->joins[0].doc == "c");
    CHECK(maria->joins[0].confidence == doctest::Approx(0.7));  // two shared entities
}

namespace {
// A hand-made extracted document: one entity per (name, type, mentions), each mention its name as written.
kg::ExtractedDocument extracted(const std::string& id, std::vector<std::tuple<std::string, kg::EntityType, int>> es) {
    kg::ExtractedDocument x;
    x.info = kg::DocumentInfo{id, id + ".txt", 100, {}, {}, {}, {}, {}};
    x.extraction.doc = id;
    std::size_t at = 0;
    for (auto& [name, type, n] : es) {
        kg::DocEntity e;
        e.name = name;
        e.type = type;
        e.type_confidence = 0.8;
        for (int k = 0; k < n; ++k, at += name.size() + 1) e.mentions.push_back(kg::Mention{id, at, at + name.size(), name});
        x.extraction.entities.push_back(std::move(e));
    }
    return x;
}
}  // namespace

TEST_CASE("canonical names: the form with the most mentions, then the longer, then the bytewise smaller") {
    using T = kg::EntityType;
    std::vector<kg::ExtractedDocument> docs;
    docs.push_back(extracted("a", {{"Democratic party", T::ORGANIZATION, 1}, {"ACME Corp", T::COMPANY, 2}}));
    docs.push_back(extracted("b", {{"Democratic Party", T::ORGANIZATION, 2}, {"Acme Corp", T::COMPANY, 2}}));
    docs.push_back(extracted("c", {{"Democratic Party", T::COMPANY, 1}}));  // its type outvoted by b and d
    docs.push_back(extracted("d", {{"Democratic Party", T::ORGANIZATION, 1}}));
    const kg::KnowledgeGraph g = kg::merge_documents(std::move(docs));
    CHECK(g.num_entities() == 2);
    const auto party = g.find("Democratic Party", T::ORGANIZATION);
    REQUIRE(party);
    const kg::Entity& p = g.graph()[*party];
    CHECK(p.aliases == std::vector<std::string>{"Democratic party"});
    CHECK(p.frequency == 5);
    CHECK(p.id == "democratic-party");
    // Two mentions each, the same length: the bytewise smaller form ("ACME" < "Acme").
    CHECK(g.find("ACME Corp", T::COMPANY));
    CHECK_FALSE(g.find("Acme Corp", T::COMPANY));
}

TEST_CASE("resolve: a short name in brackets after a body's name is that body, there and wherever it is written alone") {
    const auto r = extract("The Tellurian Aviation Commission (Tavcom) said fares rose. Tavcom executive chairman Ana Ruiz said so. "
                           "Former Brightwave Holdings Ltd (Brightwave Inc) chairman Jon Bell was charged.");
    const kg::DocEntity* commission = nullptr;
    for (const auto& e : r.entities)
        if (e.name == "Tellurian Aviation Commission") commission = &e;
    REQUIRE(commission);
    CHECK(std::find(commission->aliases.begin(), commission->aliases.end(), "Tavcom") != commission->aliases.end());
    for (const auto& e : r.entities) CHECK(e.name != "Tavcom");
    bool led = false;
    for (const auto& rel : r.relations)
        led |= r.entities[rel.subject].name == "Ana Ruiz" && rel.predicate == "leader_of" &&
               r.entities[rel.object].name == "Tellurian Aviation Commission";
    CHECK(led);
    // A place in brackets says where a place lies; it is no other name of it.
    const auto place = extract("Floods hit Springfield Township (Ohio) and closed roads.");
    for (const auto& e : place.entities) CHECK(std::find(e.aliases.begin(), e.aliases.end(), "Ohio") == e.aliases.end());
}

TEST_CASE("names: bodies the actor lists file under one code keep their own names; forms of one name join") {
    // The gazetteer (scripts/build_lexicons.py) keeps a synonym that is no form of its record's name apart.
    auto x = extract("The National Science Foundation and NASA funded the probe. NASA said it would launch in May.");
    const auto* nsf = find(x, "National Science Foundation");
    const auto* nasa = find(x, "National Aeronautics and Space Administration");
    REQUIRE(nsf);
    REQUIRE(nasa);
    CHECK(!has_alias(*nasa, "National Science Foundation"));
    auto y = extract("The US State Department said the Department of State would reply.");
    int departments = 0;
    for (const auto& e : y.entities) departments += e.name.find("State") != std::string::npos;
    CHECK(departments == 1);
}

TEST_CASE("resolve: a name whose initials follow in brackets is a body's, unless it opens with a given name") {
    // The recognizer reads these unfamiliar words as a person's name; the bracketed initials say otherwise.
    const auto x = extract("Voters backed Kestrel Harapan Baru (KHB) in the vote. KHB won four seats in Tellburg.");
    const auto* party = find(x, "Kestrel Harapan Baru");
    REQUIRE(party);
    CHECK(party->type == kg::EntityType::ORGANIZATION);
    CHECK(has_alias(*party, "KHB"));
    const auto y = extract("The court heard from Jon Bell (JB) on Monday.");
    const auto* bell = find(y, "Jon Bell");
    REQUIRE(bell);
    CHECK(bell->type == kg::EntityType::PERSON);
}

TEST_CASE("resolve: a word in brackets that spells a name's initials in any case is its acronym, whatever type it was read as") {
    const auto x = extract("The Nordvale Organisation of Volunteer Agencies (Nova) opened a shelter. Nova said more help was needed.");
    const auto* body = find(x, "Nordvale Organisation of Volunteer Agencies");
    REQUIRE(body);
    CHECK(body->type == kg::EntityType::ORGANIZATION);
    CHECK(has_alias(*body, "Nova"));
    CHECK_FALSE(find(x, "Nova"));
}

TEST_CASE("resolve: a body named with its country goes by its name without the country") {
    const auto x = extract("Shares on Bursa Malaysia fell. Trading on Bursa was thin, brokers said.");
    const auto* bursa = find(x, "Bursa Malaysia");
    REQUIRE(bursa);
    CHECK(x.entities.size() == 1);
    CHECK(has_alias(*bursa, "Bursa"));
    const auto y = extract("Nordvale Malaysia launched a car. Nordvale said bookings were strong.");
    REQUIRE(find(y, "Nordvale Malaysia"));
    CHECK(has_alias(*find(y, "Nordvale Malaysia"), "Nordvale"));
}
