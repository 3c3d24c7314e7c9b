// The relation stage on sentences written for these tests (no seed text): the learned classifier and its
// model file, the gazetteer's places, and roles between an organization and a person's name.
#include <doctest/doctest.h>

#include <kg/error.hpp>
#include <kg/export.hpp>
#include <kg/extract.hpp>
#include <kg/read.hpp>

#include "relations/classifier.hpp"

#include <cmath>
#include <sstream>
#include <string>

namespace {

struct Result {
    kg::DocExtraction x;
    bool has_entity(const std::string& name) const {
        for (const auto& e : x.entities)
            if (e.name == name) return true;
        return false;
    }
    bool has(const std::string& s, const std::string& p, const std::string& o) const {
        for (const auto& r : x.relations)
            if (x.entities[r.subject].name == s && r.predicate == p && x.entities[r.object].name == o) return true;
        return false;
    }
    double confidence(const std::string& s, const std::string& p, const std::string& o) const {
        for (const auto& r : x.relations)
            if (x.entities[r.subject].name == s && r.predicate == p && x.entities[r.object].name == o) return r.confidence;
        return -1;
    }
};

Result extract(const std::string& text) {
    static const kg::Extractor extractor;
    return Result{extractor(kg::Document{"doc", "test", text})};
}

using namespace kg::detail::rel;
using kg::detail::Upos;

}  // namespace

TEST_CASE("relation classifier: the built-in model loads, with none first and directed predicates") {
    const Classifier& c = Classifier::get();
    REQUIRE(c.labels().size() > 10);
    CHECK(c.labels()[0] == "none");
    CHECK(c.feature_count() > 1000);
    for (std::size_t y = 1; y < c.labels().size(); ++y) {
        const std::string& l = c.labels()[y];
        CHECK(l == c.predicate(static_cast<int>(y)) + (c.first_is_subject(static_cast<int>(y)) ? ">" : "<"));
    }
}

TEST_CASE("relation classifier: a truncated or corrupt model file is refused with its name") {
    auto fails = [](const std::string& bytes, const std::string& needle) {
        try {
            Classifier::from_bytes(bytes, "/tmp/x/relations.model");
        } catch (const kg::Error& e) {
            CHECK(e.code() == kg::ExitCode::bad_input);
            CHECK(std::string(e.what()).find("/tmp/x/relations.model") != std::string::npos);
            CHECK(std::string(e.what()).find(needle) != std::string::npos);
            return true;
        }
        return false;
    };
    CHECK(fails("", "truncated"));
    CHECK(fails("NOTAMODEL-AT-ALL", "bad magic"));
    std::string v2(format::magic, 8);
    v2 += std::string("\x02\x00\x00\x00", 4);
    CHECK(fails(v2, "version 2"));
    std::string bad_label(format::magic, 8);
    bad_label += std::string("\x01\x00\x00\x00\x02\x04nope\x00\x00\x00\x3f\x03x>y\x00\x00\x00\x3f", 23);
    CHECK(fails(bad_label, "bad label 'nope'"));
    std::string cut(format::magic, 8);
    cut += std::string("\x01\x00\x00\x00\x02\x04none\x00\x00\x80\x3f\x0aworks_for>\x00\x00\x00\x3f", 29);
    cut += std::string("\x00\x00\x80\x3f\x05\x00\x00\x00", 8);  // scale 1, five features that are not there
    CHECK(fails(cut, "truncated"));
}

TEST_CASE("relation classifier: features depend only on the words, tags and spans given") {
    std::vector<std::string_view> written{"Ilse", "Brandt", "joined", "the", "Green", "Party", "in", "1998", "."};
    std::vector<std::string_view> lower{"ilse", "brandt", "joined", "the", "green", "party", "in", "1998", "."};
    std::vector<Upos> tags{Upos::PROPN, Upos::PROPN, Upos::VERB, Upos::DET, Upos::PROPN, Upos::PROPN, Upos::ADP, Upos::NUM, Upos::PUNCT};
    std::vector<std::uint64_t> a, b, c;
    pair_features(SentenceView{&written, &lower, &tags}, ArgSpan{0, 2, Arg::PER}, ArgSpan{4, 6, Arg::ORG}, a);
    pair_features(SentenceView{&written, &lower, &tags}, ArgSpan{0, 2, Arg::PER}, ArgSpan{4, 6, Arg::ORG}, b);
    pair_features(SentenceView{&written, &lower, &tags}, ArgSpan{0, 2, Arg::PER}, ArgSpan{4, 6, Arg::LOC}, c);
    CHECK(a == b);
    CHECK(a != c);  // the arguments' classes are part of the features
    const Verdict v = Classifier::get().classify(a);
    CHECK(v.probability > 0);
    CHECK(v.probability <= 1);
}

TEST_CASE("relations: the classifier reads what a sentence states between two names, with its probability") {
    auto r = extract("Maria Lenhart is a member of the Social Democratic Party.");
    CHECK(r.has("Maria Lenhart", "member_of", "Social Democratic Party"));
    const double c = r.confidence("Maria Lenhart", "member_of", "Social Democratic Party");
    CHECK(c >= 0.5);
    CHECK(c <= 1.0);
    CHECK(c * 100 == doctest::Approx(std::round(c * 100)));  // rounded to two decimals
    auto list = extract("Delegates came from Dubrovnik, Split and Zadar.");  // a list relates none of its names
    CHECK(list.x.relations.empty());
}

TEST_CASE("relations: a place the gazetteer puts in a country the document names is located_in it") {
    auto r = extract("Flooding closed roads in Toulouse on Monday. France has sent soldiers to help.");
    CHECK(r.has("Toulouse", "located_in", "France"));
    auto alone = extract("Flooding closed roads in Toulouse on Monday.");  // the country is not named: no edge
    CHECK(!alone.has("Toulouse", "located_in", "France"));
}

TEST_CASE("relations: a town the gazetteer puts in a region the document names is located_in the region") {
    // GeoNames towns carry their state: the region when the text names it, the country otherwise.
    auto r = extract("MYSORE: The flood reached the city late on Sunday. Karnataka and India have sent rescue teams.");
    CHECK(r.has("Mysore", "located_in", "Karnataka"));
    CHECK(!r.has("Mysore", "located_in", "India"));
    auto country = extract("Rain flooded Curitiba on Sunday, and Brazil has sent rescue teams.");
    CHECK(country.has("Curitiba", "located_in", "Brazil"));
    CHECK(country.has_entity("Curitiba"));
    auto dateline = extract("CURITIBA: Rain flooded the city on Sunday.");
    CHECK(dateline.has_entity("Curitiba"));  // the dateline's capitals give way to the town's name
}

TEST_CASE("relations: an organization, a multi-word role and honorifics before a name") {
    auto r = extract("Norvik Freight executive chairman Datuk Seri Amran Yusof said exports rose in the third quarter.");
    CHECK(r.has("Amran Yusof", "leader_of", "Norvik Freight"));  // the head of the title is chairman
    auto coo = extract("Fares rose, and Meridian Rail Ltd Chief Operating Officer Tomas Halloran said so.");
    CHECK(coo.has("Tomas Halloran", "works_for", "Meridian Rail"));  // capitalized title words are no name
    auto verb = extract("Fares rose, and Meridian Rail Ltd sued Tomas Halloran last year.");  // a verb is no title
    CHECK(!verb.has("Tomas Halloran", "works_for", "Meridian Rail"));
    CHECK(!verb.has("Tomas Halloran", "leader_of", "Meridian Rail"));
}

TEST_CASE("relations: place inside place by a possessive is located_in (schema v2)") {
    auto r = extract("Crowds gathered on the banks of Lyon's Rhone River on Sunday.");
    CHECK(r.has("Rhone River", "located_in", "Lyon"));
    CHECK(!r.has("Rhone River", "part_of", "Lyon"));
}

TEST_CASE("relations: event verbs of CAMEO and of business news, in every tense") {
    struct Case {
        const char* text;
        const char* s;
        const char* p;
        const char* o;
    };
    const Case cases[] = {
        {"Germany sanctions Russia.", "Germany", "sanctions", "Russia"},  // the present tense read as a verb
        {"Canada sanctioned Iran on Friday.", "Canada", "sanctions", "Iran"},
        {"Microsoft acquires Activision Blizzard.", "Microsoft", "acquires", "Activision Blizzard"},
        {"Argentina beat France in the final.", "Argentina", "defeats", "France"},
        {"Nordvale Bank appointed Maria Okafor as chief executive.", "Nordvale Bank", "appoints", "Maria Okafor"},
        {"Prime Minister Anwar Ibrahim met President Joko Widodo in Jakarta on Monday.", "Anwar Ibrahim", "meets", "Joko Widodo"},
        {"Vladimir Putin arrived in Beijing on Tuesday.", "Vladimir Putin", "visits", "Beijing"},
        {"China hosted Emmanuel Macron last week.", "Emmanuel Macron", "visits", "China"},  // CAMEO 043: the guest visits
        {"The European Union criticized Hungary over the new law.", "European Union", "criticizes", "Hungary"},
        {"Poland accused Belarus of provoking the crisis.", "Poland", "accuses", "Belarus"},
        {"Toyota invested in Joby Aviation.", "Toyota", "invests_in", "Joby Aviation"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        CHECK(extract(c.text).has(c.s, c.p, c.o));
    }
    // One form, two predicates told apart by the object's type.
    CHECK(extract("China hosted the Global Trade Summit in May.").has("Global Trade Summit", "organized_by", "China"));
}

TEST_CASE("relations: a verb followed by 'that' has a clause, not an object") {
    CHECK(!extract("Karl Berg warned that Nordvale Bank could fail.").has("Karl Berg", "threatens", "Nordvale Bank"));
    CHECK(extract("Karl Berg criticized Nordvale Bank on Monday.").has("Karl Berg", "criticizes", "Nordvale Bank"));
}

TEST_CASE("relations: a passive without its agent, or a pronoun nearer the verb, gives no subject") {
    auto passive = extract("Helen Marsh was defeated in Canada by a narrow margin.");
    CHECK(passive.x.entities.size() >= 2);
    CHECK(!passive.has("Helen Marsh", "defeats", "Canada"));
    auto pronoun = extract("According to Reuters and Bloomberg, he criticized Hungary sharply.");
    CHECK(!pronoun.has("Bloomberg", "criticizes", "Hungary"));
    CHECK(!pronoun.has("Reuters", "criticizes", "Hungary"));
    auto agent = extract("Shares rose after Red Hat was acquired by IBM in 2019.");  // a passive with its agent reads right
    CHECK(agent.has("IBM", "acquires", "Red Hat"));
}

TEST_CASE("relations: appositives and copulas give a person's role in an organization") {
    auto appositive = extract("Daniel Okoro, a doctoral candidate at the University of Lagos, said the frogs glow.");
    CHECK(appositive.has("Daniel Okoro", "member_of", "University of Lagos"));
    auto copula = extract("John Whitaker is the director and senior analyst of the Garnet Institute for Policy Research.");
    CHECK(copula.has("John Whitaker", "works_for", "Garnet Institute for Policy Research"));
    auto who = extract("Critics included John Whitaker, who was chief economist at the Garnet Institute.");
    CHECK(who.has("John Whitaker", "works_for", "Garnet Institute"));
    auto acronym = extract("Statements came from Federation of Baltic Ports (FBP) head Juris Kalnins on Sunday.");
    CHECK(acronym.has("Juris Kalnins", "leader_of", "Federation of Baltic Ports"));
}

TEST_CASE("relations: a title's country is the one written with it, not one before a comma") {
    auto r = extract("Austria sanctioned Belarus over the crackdown in Minsk and Ukraine, Chancellor Karl Nehammer said.");
    CHECK(!r.has("Karl Nehammer", "leader_of", "Ukraine"));
    auto own = extract("Austrian Chancellor Karl Nehammer met reporters.");
    CHECK(own.has("Karl Nehammer", "leader_of", "Austria"));
    CHECK(extract("Greek Prime Minister Eleni Markou met reporters.").has("Eleni Markou", "leader_of", "Greece"));
}

TEST_CASE("relations: 'X-based Y' and 'lives in'") {
    CHECK(extract("Oslo-based Nordvale Bank reported profits.").has("Nordvale Bank", "based_in", "Oslo"));
    CHECK(extract("The Oslo-based lender Nordvale Bank reported profits.").has("Nordvale Bank", "based_in", "Oslo"));
    CHECK(extract("Nordvale Bank, an Oslo-based lender, reported profits.").has("Nordvale Bank", "based_in", "Oslo"));
    CHECK(extract("Boston-based lawyer Mary Okafor filed the suit.").has("Mary Okafor", "lives_in", "Boston"));
    CHECK(!extract("Oslo said Nordvale Bank-based funds grew.").has("Nordvale Bank", "based_in", "Oslo"));
    CHECK(extract("Mary Okafor, who lives in Lagos, wrote the letter.").has("Mary Okafor", "lives_in", "Lagos"));
    CHECK(extract("In 1990 Tomas Berg moved to Toronto.").has("Tomas Berg", "lives_in", "Toronto"));
}

TEST_CASE("relations: 'based in' and 'appointed X as ROLE'") {
    CHECK(extract("Toyota is based in Japan.").has("Toyota", "based_in", "Japan"));
    auto r = extract("Nordvale Bank appointed Maria Okafor as chief executive.");
    CHECK(r.has("Nordvale Bank", "appoints", "Maria Okafor"));
    CHECK(r.has("Maria Okafor", "leader_of", "Nordvale Bank"));  // the role the appointment gives
}

TEST_CASE("relations: two names side by side") {
    CHECK(extract("The shooting happened in Dayton, Ohio on Sunday.").has("Dayton", "located_in", "Ohio"));
    auto list = extract("He won the primaries in Michigan, Missouri, and Mississippi.");  // a list, not a place in a place
    CHECK(!list.has("Michigan", "located_in", "Missouri"));
    CHECK(extract("Yesterday, Karsten Lund of Norway won the final.").has("Karsten Lund", "citizen_of", "Norway"));
    CHECK(extract("Senator Maria Alvarez of Arizona introduced a bill.").has("Maria Alvarez", "lives_in", "Arizona"));
    CHECK(extract("Ecologist Ryan Hale of the University of Guelph in Ontario spoke.").has("University of Guelph", "based_in", "Ontario"));
}

TEST_CASE("relations: a subject pronoun stands for the one person or body it can mean") {
    auto one = extract("Viktor Orban spoke on Monday. He also criticized the European Union.");
    CHECK(one.has("Viktor Orban", "criticizes", "European Union"));
    auto two = extract("Viktor Orban and Olaf Scholz met. He criticized the European Union.");  // two candidates
    CHECK(!two.has("Viktor Orban", "criticizes", "European Union"));
    CHECK(!two.has("Olaf Scholz", "criticizes", "European Union"));
    auto it = extract("Nordvale Bank reported profits. It acquired Kestrel Mining Ltd last year.");
    CHECK(it.has("Nordvale Bank", "acquires", "Kestrel Mining"));
    auto they = extract("Nordvale Bank reported profits. They acquired Kestrel Mining Ltd last year.");
    CHECK(!they.has("Nordvale Bank", "acquires", "Kestrel Mining"));
}

TEST_CASE("relations: 'the company', 'the party', 'the country' as a subject stand for the one such name") {
    auto company = extract("Nordvale Bank reported profits. The company acquired Kestrel Mining Ltd last year.");
    CHECK(company.has("Nordvale Bank", "acquires", "Kestrel Mining"));
    auto party = extract("The Harbour Party won four seats. The party nominated Jane Roe for mayor.");
    CHECK(party.has("Harbour Party", "appoints", "Jane Roe"));
    CHECK(extract("Norway froze the assets. The country sanctioned Belarus on Monday.").has("Norway", "sanctions", "Belarus"));
    // Two companies named: the description stays unresolved; a plural stands for several.
    auto two = extract("Nordvale Bank and Oster Capital Ltd reported profits. The company acquired Kestrel Mining Ltd.");
    CHECK(!two.has("Nordvale Bank", "acquires", "Kestrel Mining"));
    CHECK(!two.has("Oster Capital", "acquires", "Kestrel Mining"));
    auto plural = extract("Nordvale Bank reported profits. The companies acquired Kestrel Mining Ltd last year.");
    CHECK(!plural.has("Nordvale Bank", "acquires", "Kestrel Mining"));
}

TEST_CASE("relations: hyphenated titles, bracketed short names and verb-like title words before a name") {
    CHECK(extract("Baltic Ports Council director-general Datuk Ilmar Saar said exports fell.")
              .has("Ilmar Saar", "leader_of", "Baltic Ports Council"));
    CHECK(extract("Northern Cables Bhd (NCB) group managing director Arjun Pillai said demand held.")
              .has("Arjun Pillai", "leader_of", "Northern Cables"));
    CHECK(extract("Shares fell, said Universiti Teknologi Sabah associate professor Lina Wong.")
              .has("Lina Wong", "works_for", "Universiti Teknologi Sabah"));
    CHECK(!extract("Meridian Rail Ltd sued analyst Tom Barnes last year.").has("Tom Barnes", "works_for", "Meridian Rail"));
}

TEST_CASE("relations: only a head of state or government leads the country of the title") {
    CHECK(extract("Malaysian Prime Minister Anwar Ibrahim spoke on Monday.").has("Anwar Ibrahim", "leader_of", "Malaysia"));
    auto minister = extract("British Foreign Secretary Dominic Raab spoke on Monday.");
    CHECK(!minister.has("Dominic Raab", "leader_of", "United Kingdom"));
    CHECK(minister.has("Dominic Raab", "works_for", "United Kingdom"));
}

TEST_CASE("relations: with no role word, a party's or a council's people are members, a company's employees") {
    CHECK(extract("Maria Costa of the Harbour Party tabled the motion.").has("Maria Costa", "member_of", "Harbour Party"));
    CHECK(extract("The Harbour Party's Anna Berg spoke.").has("Anna Berg", "member_of", "Harbour Party"));
    auto firm = extract("Maria Costa of Nordvale Bank tabled the motion.");
    CHECK(firm.has("Maria Costa", "works_for", "Nordvale Bank"));
    CHECK(!firm.has("Maria Costa", "member_of", "Nordvale Bank"));
}

TEST_CASE("relations: an office of a place after the name, or a post in a place before it") {
    // A country's head leads it, its other officials work for it, "formerly" ends the office.
    CHECK(extract("Lena Varga, the president of Hungary, opened the bridge.").has("Lena Varga", "leader_of", "Hungary"));
    CHECK(extract("Lena Varga, Hungary's president, opened the bridge.").has("Lena Varga", "leader_of", "Hungary"));
    auto minister = extract("Pavel Novak, formerly the finance minister of Slovakia, spoke.");
    CHECK(minister.has("Pavel Novak", "works_for", "Slovakia"));
    CHECK(!minister.has("Pavel Novak", "leader_of", "Slovakia"));
    for (const auto& rel : minister.x.relations) CHECK(rel.evidence.former);
    // A post in a smaller place says where the person lives or is stationed (leader_of takes actors only).
    CHECK(extract("Tom Reyes, the mayor of Tucson, cut the ribbon.").has("Tom Reyes", "lives_in", "Tucson"));
    CHECK(extract("Oregon Governor Ellen Marsh signed the bill.").has("Ellen Marsh", "lives_in", "Oregon"));
    CHECK(extract("Ruth Allen, a senator from Ohio, voted no.").has("Ruth Allen", "lives_in", "Ohio"));
    CHECK(extract("Howard Bell, a Toronto lawyer, filed the suit.").has("Howard Bell", "lives_in", "Toronto"));
    CHECK(extract("Maria Lopez, from Toledo, won the race.").has("Maria Lopez", "lives_in", "Toledo"));
    CHECK(!extract("Maria Lopez flew in from Toledo on Monday.").has("Maria Lopez", "lives_in", "Toledo"));
    // A list whose next item carries the title: the title is not the first name's.
    CHECK(!extract("The talks were attended by Ruth Allen, Ohio governor Mark Dean and others.").has("Ruth Allen", "lives_in", "Ohio"));
    // The title and its body or place before the name, set off by commas.
    CHECK(extract("A spokesman for Nordvale Bank, Tom Reyes, declined to comment.").has("Tom Reyes", "works_for", "Nordvale Bank"));
    CHECK(extract("The chief executive of Nordvale Bank, Ines Moll, said profits rose.").has("Ines Moll", "leader_of", "Nordvale Bank"));
    CHECK(extract("The mayor of Tucson, Tom Reyes, cut the ribbon.").has("Tom Reyes", "lives_in", "Tucson"));
    auto former = extract("The former president of Slovakia, Anton Vrba, was jailed.");
    CHECK(former.has("Anton Vrba", "leader_of", "Slovakia"));  // "former president" is a president's title
    for (const auto& rel : former.x.relations) CHECK(rel.evidence.former);
    CHECK(!extract("In a statement for Nordvale Bank, Tom Reyes said no.").has("Tom Reyes", "works_for", "Nordvale Bank"));
    // Not a place the role is of: a possessive or "-based" modifier, words between, a place far along.
    CHECK(!extract("Jean Dupont, the chief executive of France's biggest bank, resigned.").has("Jean Dupont", "leader_of", "France"));
    CHECK(!extract("The Tucson council said Reyes would resign.").has("Reyes", "lives_in", "Tucson"));
    CHECK(!extract("Kai Brandt, the suspect in a robbery of a bank in Tucson, was arrested.").has("Kai Brandt", "lives_in", "Tucson"));
}

TEST_CASE("relations: a former office is kept as former evidence, adds no weight, and survives saving") {
    auto r = extract("John Vale, former CEO of Barclays, joined the board.");
    bool found = false;
    for (const auto& rel : r.x.relations)
        if (r.x.entities[rel.subject].name == "John Vale" && r.x.entities[rel.object].name == "Barclays") {
            found = true;
            CHECK(rel.evidence.former);
        }
    CHECK(found);
    auto now = extract("John Vale, the CEO of Barclays, joined the board.");
    for (const auto& rel : now.x.relations) CHECK(!rel.evidence.former);

    kg::GraphBuilder builder(kg::BuildOptions{1});  // through the packed form documents wait in
    builder.add(kg::Document{"d1", "test", "John Vale, former CEO of Barclays, joined the board."});
    std::vector<kg::ExtractedDocument> docs;
    const kg::KnowledgeGraph g = builder.finish([&](const kg::ExtractedDocument& d) { docs.push_back(d); });
    REQUIRE(g.num_relations() == 1);
    std::ostringstream out;
    kg::WriteOptions options;
    options.extraction = &docs;
    kg::write_json(g, out, options);
    CHECK(out.str().find("\"former\": true") != std::string::npos);
    const kg::SavedGraph back = kg::parse_saved_json(out.str(), "saved.json");
    for (auto e : boost::make_iterator_range(boost::edges(back.graph.graph()))) {
        const kg::Relation& rel = back.graph.graph()[e];
        CHECK(rel.weight == 0);  // former evidence does not count toward the current weight
        REQUIRE(rel.evidence.size() == 1);
        CHECK(rel.evidence[0].former);
    }
    REQUIRE(back.extraction);
    REQUIRE(back.extraction->size() == 1);
    REQUIRE((*back.extraction)[0].extraction.relations.size() == 1);
    CHECK((*back.extraction)[0].extraction.relations[0].evidence.former);  // the extraction section keeps it
}

TEST_CASE("mentions: a ruler's title is no part of the name") {
    auto r = extract("Sultan Karim Hadi opened the mosque on Friday. The Sultan of Pahang then met envoys.");
    bool named = false;
    for (const auto& e : r.x.entities) {
        CHECK(e.name.find("Sultan") == std::string::npos);
        named = named || e.name == "Karim Hadi";
    }
    CHECK(named);
    // An administrator's title, too: the name after it is the person's, not a piece of a longer name.
    auto admin = extract("The shuttle will go to a museum, even Administrator Wilk agreed.");
    CHECK(admin.has_entity("Wilk"));
}

TEST_CASE("mentions: a title right before a name the model reads as a place makes it a person's") {
    auto r = extract("Commenting on the radio calls, Captain Rochester said the crew was safe.");
    CHECK(r.x.entities.size() == 1);
    CHECK((r.x.entities.size() == 1 && r.x.entities[0].type == kg::EntityType::PERSON));
    // Not a title joined by a preposition, nor a place before its title.
    CHECK(extract("Oregon Governor Ellen Marsh signed the bill.").has("Ellen Marsh", "lives_in", "Oregon"));
    auto to = extract("He was the ambassador to Seychelles for a decade.");
    for (const auto& e : to.x.entities) CHECK(e.type != kg::EntityType::PERSON);
}

TEST_CASE("mentions: an amount or a person's title alone is no name; a body named like an agent is") {
    auto r = extract("Guests included the Tunku Temenggong of Johor. The firm paid RM133,000 to the Coast Guard.");
    for (const auto& e : r.x.entities) {
        CHECK(e.name != "Tunku Temenggong");
        CHECK(e.name != "RM133");
    }
    CHECK(!r.has("Tunku Temenggong", "lives_in", "Johor"));
    bool guard = false;
    for (const auto& e : r.x.entities) guard |= e.name == "Coast Guard";
    CHECK(guard);  // "coast guard" is a PETRARCH agent word, but here it names the body
}

TEST_CASE("relations: a comma between title and name, an occupation at or a member from an organization") {
    CHECK(extract("The charge was withdrawn after Baltic Anti-Fraud Office (BAFO) deputy public prosecutor, Ilze Berzina, asked for it.")
              .has("Ilze Berzina", "works_for", "Baltic Anti-Fraud Office"));
    CHECK(extract("Dr Tomas Varga, an epidemiologist and statistician at Universiti Teknologi Sabah, said cases fell.")
              .has("Tomas Varga", "works_for", "Universiti Teknologi Sabah"));
    CHECK(extract("The motion came from Rafael Ortiz from the Partido Verde Unido on Tuesday.")
              .has("Rafael Ortiz", "member_of", "Partido Verde Unido"));  // an affiliation, with no role word
    CHECK(extract("The prize went to Olga Petrova, fifth year at Baltic State Medical University.")
              .has("Olga Petrova", "member_of", "Baltic State Medical University"));
    CHECK(extract("Harbour Commission secretary Anna Lind signed the order.").has("Anna Lind", "works_for", "Harbour Commission"));
    // A comma after a name that is no title keeps the names apart.
    CHECK(!extract("Critics of Meridian Rail, Tom Barnes among them, spoke.").has("Tom Barnes", "works_for", "Meridian Rail"));
}

TEST_CASE("relations: an organization's unit or subsidiary is part of it (data/org_nouns.tsv)") {
    CHECK(extract("Halvard Group's unit Norrsken Energy Ltd is buying land near Bergen.")
              .has("Norrsken Energy", "part_of", "Halvard"));  // "Group" is a legal suffix
    CHECK(extract("Kestrel Capital Ltd, a wholly owned subsidiary of Nordvale Bank, reported a loss.")
              .has("Kestrel Capital", "part_of", "Nordvale Bank"));
    CHECK(!extract("Kestrel Capital Ltd, a rival of Nordvale Bank, reported a loss.").has("Kestrel Capital", "part_of", "Nordvale Bank"));
}

TEST_CASE("relations: place in place, an organization and its city, and lists that end") {
    // A town the gazetteer does not know, so that the pattern alone places it.
    CHECK(extract("He was born in Sungai Lembu, Pahang, and studied law.").has("Sungai Lembu", "located_in", "Pahang"));
    CHECK(extract("The body was found in Kampung Sungai Buloh in Kedah on Monday.")
              .has("Kampung Sungai Buloh", "located_in", "Kedah"));
    // An organization, a comma and a place is seldom where it is: "According to the Relief Force, Calicut has".
    CHECK(!extract("According to the Coastal Relief Force, Kuantan has a short runway.").has("Coastal Relief Force", "based_in", "Kuantan"));
    CHECK(!extract("Flights left Sungai Lembu, Pahang and Ipoh on Monday.").has("Sungai Lembu", "located_in", "Pahang"));
    CHECK(!extract("Birds came from sites at Sungai Lembu, Pahang, and Tuna Bay.").has("Sungai Lembu", "located_in", "Pahang"));
    CHECK(extract("Lim, the former mayor of Sungai Lembu, Pahang, and Senator Amy Wong spoke.").has("Sungai Lembu", "located_in", "Pahang"));
}

TEST_CASE("relations: 'chaired/headed/led by' and 'heads' give the leader; 'headed to' does not") {
    CHECK(extract("Floods are handled by the Coastal Relief Committee (CRC) chaired by state secretary Datuk Amir Salleh.")
              .has("Amir Salleh", "leader_of", "Coastal Relief Committee"));
    CHECK(extract("Karen Holt now chairs Nordvale Bank.").has("Karen Holt", "leader_of", "Nordvale Bank"));
    CHECK(!extract("Karen Holt headed to Nordvale Bank on Monday.").has("Karen Holt", "leader_of", "Nordvale Bank"));
    // A ruler of a country (data/triggers.tsv); a judge's ruling names no country it rules.
    CHECK(extract("Teodoro Obiang has governed Equatorial Guinea since 1979.").has("Teodoro Obiang", "leader_of", "Equatorial Guinea"));
    CHECK(extract("Anton Vrba ruled Slovakia for a decade.").has("Anton Vrba", "leader_of", "Slovakia"));
    CHECK(!extract("Judge Anton Vrba ruled that Slovakia must pay.").has("Anton Vrba", "leader_of", "Slovakia"));
    CHECK(!extract("Karen Holt led the protest to Nordvale Bank.").has("Karen Holt", "leader_of", "Nordvale Bank"));
    CHECK(!extract("The inquiry into Nordvale Bank began on Monday, led by Karen Holt.").has("Karen Holt", "leader_of", "Nordvale Bank"));
}

TEST_CASE("relations: 'its president Datuk X' and 'Acme's Datuk X' read past honorifics") {
    auto its = extract("The Harapan Rakyat Party will not join the Green Front, its president Datuk Seri Amir Salleh said.");
    CHECK(its.has("Amir Salleh", "leader_of", "Harapan Rakyat Party"));  // "its" is the subject, not the nearest name
    CHECK(!its.has("Amir Salleh", "leader_of", "Green Front"));
    CHECK(extract("He won over the Harapan Rakyat Party's Datuk Amir Salleh by 300 votes.")
              .has("Amir Salleh", "member_of", "Harapan Rakyat Party"));
}

TEST_CASE("relations: a company head with no company named leads the company the article is about") {
    auto r = extract("Kestrel Mining Bhd posted a record profit in the third quarter. Revenue rose 12 per cent, Kestrel Mining "
                     "said in a filing. Group managing director Datuk Amir Salleh said demand held.");
    CHECK(r.has("Amir Salleh", "leader_of", "Kestrel Mining"));
    // Two companies named as often: no article subject, no edge.
    auto two = extract("Kestrel Mining Bhd and Nordvale Bank posted profits. Kestrel Mining and Nordvale Bank both gained. "
                       "Group managing director Amir Salleh said demand held.");
    CHECK(!two.has("Amir Salleh", "leader_of", "Kestrel Mining"));
    // An analyst quoted in the article mostly works elsewhere.
    auto analyst = extract("Kestrel Mining Bhd posted a record profit. Kestrel Mining shares rose. Analyst Lina Wong said demand held.");
    CHECK(!analyst.has("Lina Wong", "works_for", "Kestrel Mining"));
}

TEST_CASE("relations: 'Its chairman X' at a sentence's start is the previous sentence's organization, its speaker first") {
    auto r = extract("Voters backed the Harapan Rakyat Party in Perak. Its chairman Datuk Amir Salleh thanked them.");
    CHECK(r.has("Amir Salleh", "leader_of", "Harapan Rakyat Party"));
    auto said = extract("Demand will lift Kestrel Mining Bhd, said Nordvale Research. Its analyst Lina Wong expects more.");
    CHECK(said.has("Lina Wong", "works_for", "Nordvale Research"));
    CHECK(!said.has("Lina Wong", "works_for", "Kestrel Mining"));
}

TEST_CASE("relations and mentions: a role after a bracketed short name; police and military ranks are titles") {
    CHECK(extract("Voters chose Amir Salleh, who is also the Kota Baru City Council (MPKB) mayor.")
              .has("Amir Salleh", "leader_of", "Kota Baru City Council"));
    auto rank = extract("Perak police chief ACP Amir Salleh said two men were held. Lt Col Lina Wong agreed.");
    bool acp = false, salleh = false, wong = false;
    for (const auto& e : rank.x.entities) {
        acp |= e.name == "ACP";
        salleh |= e.name == "Amir Salleh";
        wong |= e.name == "Lina Wong";
    }
    CHECK(!acp);
    CHECK(salleh);
    CHECK(wong);
}

TEST_CASE("relations: a title with its complement ('vice-president of equity research X'); 'a member of X'") {
    CHECK(extract("Kestrel Trade Sdn Bhd vice-president of equity research Amir Salleh said markets were slow.")
              .has("Amir Salleh", "works_for", "Kestrel Trade"));
    CHECK(extract("Olga Petrova, a member of the Nordic Council, objected.").has("Olga Petrova", "member_of", "Nordic Council"));
    // A member named far from the subject is not the subject's membership.
    CHECK(!extract("According to Olga Petrova of the police, the dead include one member of the Coast Guard.")
               .has("Olga Petrova", "member_of", "Coast Guard"));
}

TEST_CASE("relations: resolved subject pronouns are kept on the extraction (kg::PronounLink)") {
    const std::string text = "Nordvale Bank reported profits. It expects more. Karen Holt said it is clear that she will stay.";
    auto r = extract(text);
    REQUIRE(r.x.pronouns.size() == 2);
    CHECK(text.substr(r.x.pronouns[0].start, r.x.pronouns[0].end - r.x.pronouns[0].start) == "It");
    CHECK(r.x.entities[r.x.pronouns[0].entity].name == "Nordvale Bank");
    CHECK(text.substr(r.x.pronouns[1].start, r.x.pronouns[1].end - r.x.pronouns[1].start) == "she");
    CHECK(r.x.entities[r.x.pronouns[1].entity].name == "Karen Holt");  // "it is clear" stands for nothing
}

TEST_CASE("relations: an organization named after a place the document names is based there") {
    auto r = extract("Floods hit Pahang on Monday. The Pahang Social Welfare Department opened 40 shelters.");
    CHECK(r.has("Pahang Social Welfare Department", "based_in", "Pahang"));
    // Only when the place is also written on its own; a nationality or a compass word is no place.
    CHECK(!extract("The Pahang Social Welfare Department opened 40 shelters.").has("Pahang Social Welfare Department", "based_in", "Pahang"));
    auto eu = extract("European leaders met. The European Union sanctioned Iran.");
    CHECK(!eu.has("European Union", "based_in", "European"));
}

TEST_CASE("relations: a dateline's town lies in the region the story names most, when the gazetteer knows the region") {
    auto r = extract("KESTREL FALLS, March 3 \xE2\x80\x94 Floods cut roads across Queensland on Sunday. "
                     "Shelters opened in Queensland, and Tasmania sent boats.");
    CHECK(r.has("KESTREL FALLS", "located_in", "Queensland"));
    CHECK(!r.has("KESTREL FALLS", "located_in", "Tasmania"));
    // Named once, or no more often than another region: no guess.
    auto once = extract("KESTREL FALLS, March 3 \xE2\x80\x94 Floods cut roads across Queensland on Sunday.");
    CHECK(!once.has("KESTREL FALLS", "located_in", "Queensland"));
    auto tie = extract("KESTREL FALLS: Queensland and Tasmania sent boats. Queensland and Tasmania opened shelters.");
    CHECK(!tie.has("KESTREL FALLS", "located_in", "Queensland"));
    CHECK(!tie.has("KESTREL FALLS", "located_in", "Tasmania"));
}

TEST_CASE("relations: a possessive body reaches the names listed after the first ('Greenpeace's Ana Ruiz and Jon Bell')") {
    auto r = extract("Greenpeace's Ana Ruiz and Jon Bell spoke in Oslo.");
    CHECK(r.has("Ana Ruiz", "works_for", "Greenpeace"));
    CHECK(r.has("Jon Bell", "works_for", "Greenpeace"));
    // Not across a list of places: "Oslo" is no person of the body.
    auto places = extract("Greenpeace's offices in Oslo and Bergen closed.");
    for (const auto& rel : places.x.relations) CHECK(rel.predicate != "works_for");
}

TEST_CASE("relations: a title set off by a comma reaches a name behind its own honorific or title") {
    auto emir = extract("The talks were opened by the Emir of Qatar, Sheikh Tamim bin Hamad Al Thani.");
    CHECK(emir.has("Tamim bin Hamad Al Thani", "leader_of", "Qatar"));
    // The model reads "Sultan of Perak" as one place: the title is cut off it, and the name behind the
    // holder's own title still takes the office.
    auto sultan = extract("The Sultan of Perak, Sultan Nazrin Shah, opened the bridge.");
    CHECK(sultan.has_entity("Perak"));
    CHECK(!sultan.has_entity("Sultan of Perak"));
    CHECK(sultan.has("Nazrin Shah", "lives_in", "Perak"));
    // A list of states named "Kingdom of X" keeps its names.
    auto states = extract("The Dutch Republic, Kingdom of France, Kingdom of England and Kingdom of Scotland fought.");
    CHECK(states.has_entity("Kingdom of England"));
}

TEST_CASE("relations: an organization before a role is read over title words only, not over a clause or a date") {
    auto r = extract("Delegates met for a Nordic Forum summit where on Sunday Presidents Ana Ruiz and Jon Bell signed the deal.");
    CHECK(!r.has("Ana Ruiz", "works_for", "Nordic Forum"));
    CHECK(!r.has("Ana Ruiz", "leader_of", "Nordic Forum"));
    auto titled = extract("In the announcement, Nordvale Bank's Chief Technical Officer Jon Bell wrote that support would end.");
    CHECK(titled.has("Jon Bell", "works_for", "Nordvale Bank"));
}

TEST_CASE("relations: a subject pronoun of the other gender than a person's title or role does not stand for them") {
    auto mr = extract("Mr John Marsh spoke on Monday. She moved to Paris in 2019.");
    CHECK(!mr.has("John Marsh", "lives_in", "Paris"));
    auto spokeswoman = extract("Spokeswoman Ana Ruiz spoke on Monday. He moved to Paris in 2019.");
    CHECK(!spokeswoman.has("Ana Ruiz", "lives_in", "Paris"));
    auto mrs = extract("Mrs Jane Roe spoke on Monday. She moved to Paris in 2019.");
    CHECK(mrs.has("Jane Roe", "lives_in", "Paris"));
}

TEST_CASE("relations: two titles joined by 'and' before a name are one person's ('President and CEO X')") {
    auto r = extract("In a letter, Acme Energy President and CEO Andy Vesey said the firm was working hard.");
    CHECK(r.has("Andy Vesey", "leader_of", "Acme Energy"));
    auto bank = extract("Nordvale Bank chairman and chief executive Jane Roe resigned.");
    CHECK(bank.has("Jane Roe", "leader_of", "Nordvale Bank"));
}

TEST_CASE("relations: the head of a body's chapter in a place ('Texas GOP chairman X') is a member of the body") {
    auto r = extract("He said Texas GOP chairman Jon Bell resigned.");
    CHECK(r.has("Jon Bell", "member_of", "GOP"));
    CHECK(!r.has("Jon Bell", "leader_of", "GOP"));
    auto head = extract("He said Acme chairman Jon Bell resigned.");
    CHECK(head.has("Jon Bell", "leader_of", "Acme"));
}

TEST_CASE("relations: 'works for', 'worked at', 'employed by' give works_for; an age before 'of' a place gives where one lives") {
    CHECK(extract("Jon Bell, who works for Nordvale Bank, said so.").has("Jon Bell", "works_for", "Nordvale Bank"));
    CHECK(extract("Jon Bell was employed by Nordvale Bank.").has("Jon Bell", "works_for", "Nordvale Bank"));
    CHECK(extract("Nordvale Bank employs Jon Bell.").has("Jon Bell", "works_for", "Nordvale Bank"));
    // The subject is not a name after "unlike", "like" or "with".
    auto unlike = extract("Ana Ruiz, who unlike Jon Bell, works for Nordvale Bank, spoke.");
    CHECK(!unlike.has("Jon Bell", "works_for", "Nordvale Bank"));
    CHECK(extract("Jon Bell, 45, of Springfield, Ill., was arrested.").has("Jon Bell", "lives_in", "Springfield"));
    CHECK(extract("Jane Roe, 31, of Canada won the race.").has("Jane Roe", "citizen_of", "Canada"));
}

TEST_CASE("relations: an appositive title after a body's possessive ('X, Acme's chief economist,')") {
    CHECK(extract("Jon Bell, Nordvale Bank's chief economist, said so.").has("Jon Bell", "works_for", "Nordvale Bank"));
    auto staff = extract("Jon Bell, formerly the Nordvale Agency's chief of staff, was pardoned.");
    CHECK(staff.has("Jon Bell", "works_for", "Nordvale Agency"));
    CHECK(!staff.has("Jon Bell", "leader_of", "Nordvale Agency"));
    auto former = extract("Jon Bell, Nordvale Bank's former president, said so.");
    REQUIRE(former.has("Jon Bell", "leader_of", "Nordvale Bank"));
    for (const auto& r : former.x.relations) CHECK(r.evidence.former);
    CHECK(!extract("Jon Bell, Nordvale Bank's largest shareholder, said so.").has("Jon Bell", "works_for", "Nordvale Bank"));
}

TEST_CASE("relations: family ties, 'joined', 'is a subsidiary of' and 'owned by'") {
    CHECK(extract("He said Jon Bell, the son of Jane Roe, was there.").has("Jon Bell", "family_of", "Jane Roe"));
    CHECK(extract("He said Jon Bell and his wife, Jane Roe, were there.").has("Jane Roe", "family_of", "Jon Bell"));
    CHECK(extract("He said Jane Roe, Jon Bell's wife, was there.").has("Jane Roe", "family_of", "Jon Bell"));
    CHECK(extract("He met Jon Bell's brother Tom Bell.").has("Tom Bell", "family_of", "Jon Bell"));
    CHECK(!extract("Jon Bell, the son of a farmer, met Jane Roe.").has("Jon Bell", "family_of", "Jane Roe"));
    CHECK(extract("He said Jon Bell joined Nordvale Bank in 2010.").has("Jon Bell", "works_for", "Nordvale Bank"));
    CHECK(extract("In 1949, Norway joined NATO.").has("Norway", "member_of", "NATO"));
    CHECK(extract("He said Kestrel Ltd is a subsidiary of Nordvale Holdings.").has("Kestrel", "part_of", "Nordvale"));
    CHECK(extract("On Monday, Kestrel Ltd, owned by Nordvale Holdings, said so.").has("Nordvale", "owns", "Kestrel"));
}

TEST_CASE("relations: 'was named chief executive of', 'resigned as', multi-word titles in appositives") {
    CHECK(extract("Jon Bell was named chief executive of Nordvale Bank in 2015.").has("Jon Bell", "leader_of", "Nordvale Bank"));
    CHECK(extract("Jon Bell, who was appointed chief executive of Nordvale Bank in 2015, said so.")
              .has("Jon Bell", "leader_of", "Nordvale Bank"));
    CHECK(extract("Jon Bell, managing director of Nordvale Bank, said so.").has("Jon Bell", "leader_of", "Nordvale Bank"));
    auto resigned = extract("Jon Bell resigned as chief executive of Nordvale Bank.");
    REQUIRE(resigned.has("Jon Bell", "leader_of", "Nordvale Bank"));
    for (const auto& r : resigned.x.relations) CHECK(r.evidence.former);
    // A verb that opens no title ends the appositive: "operating from" is no "operating officer".
    CHECK(extract("Jon Bell, now operating from the Nordvale Institute, said so.").x.relations.empty());
}

TEST_CASE("relations: a name in an opening 'according to' phrase is no subject of the verb after the comma") {
    auto r = extract("According to Jon Bell, Norway will continue to support Sweden's efforts.");
    CHECK(r.has("Norway", "supports", "Sweden"));
    CHECK(!r.has("Jon Bell", "supports", "Sweden"));
    auto list = extract("Norway, Denmark and Finland criticized Sweden.");
    CHECK(list.has("Norway", "criticizes", "Sweden"));
    CHECK(list.has("Finland", "criticizes", "Sweden"));
}

TEST_CASE("relations: a place modifying a body's kind noun in its appositive ('Acme, a Dayton company,')") {
    CHECK(extract("On Monday, Nordvale Bank, a Dayton company, said profits rose.").has("Nordvale Bank", "based_in", "Dayton"));
    CHECK(extract("He said Nordvale Bank is a Dayton energy firm.").has("Nordvale Bank", "based_in", "Dayton"));
}

TEST_CASE("relations: 'Acme Corp. of Toronto', 'Toronto's Acme Corp.', 'X, of Toronto,'") {
    CHECK(extract("He said Nordvale Corp. of Toronto filed for bankruptcy.").has("Nordvale", "based_in", "Toronto"));
    CHECK(extract("He said Toronto's Nordvale Corp. filed for bankruptcy.").has("Nordvale", "based_in", "Toronto"));
    CHECK(extract("Jon Bell, of Toronto, said so.").has("Jon Bell", "lives_in", "Toronto"));
    CHECK(extract("It was backed by Senators Jon Bell of Ohio, Jane Roe of Utah, and Ana Ruiz of Georgia.").has("Jane Roe", "lives_in", "Utah"));
    // A body before a title is the title's, not a city's body.
    auto gov = extract("He advises Maryland's Republican Governor Jon Bell.");
    for (const auto& r : gov.x.relations) CHECK(r.predicate != "based_in");
}

TEST_CASE("relations: a verb's object is not a name past another verb or past a common noun the verb takes") {
    CHECK(extract("Officials said the Taliban attacked a police station in Kandahar.").has("Taliban", "attacks", "Kandahar"));
    CHECK(extract("The Tellurian Post asked lawyers whether this put the Nordvale Commission chief at risk.").x.relations.empty());
    CHECK(!extract("Norway hoped the decision would help ease the burden of farmers in Sweden.").has("Norway", "supports", "Sweden"));
    CHECK(extract("Norway asked officials from Nordvale Bank to explain.").has("Norway", "calls_on", "Nordvale Bank"));
    CHECK(extract("Norway condemns in the strongest terms both the Nordvale Front attack and the bombings.")
              .has("Norway", "criticizes", "Nordvale Front"));
    CHECK(extract("The Tellurian Party nominated the late Ohio Governor Jon Bell for president.")
              .has("Tellurian Party", "appoints", "Jon Bell"));
}

TEST_CASE("relations: a passive's object is its subject, not a name in a phrase before the verb") {
    auto r = extract("Because of its drilling, Norway is already under EU sanctions, and was condemned in a joint statement by "
                     "Egypt and Greece on Monday.");
    CHECK(r.has("Egypt", "criticizes", "Norway"));
    CHECK(!r.has("Egypt", "criticizes", "European Union"));
}

TEST_CASE("relations: a verb with a comma right after it has no object beyond it") {
    CHECK(extract("When Nordvale Bank visited, Jon Bell was demonstrating robots.").x.relations.empty());
    CHECK(extract("Nordvale Bank visited Oslo on Monday.").has("Nordvale Bank", "visits", "Oslo"));
}

TEST_CASE("relations: a participle modifying a noun is no trigger; 'at' ties no actor to the verb's object") {
    CHECK(extract("The bill would have allowed Norway to extradite accused criminals from Sweden.").x.relations.empty());
    CHECK(extract("Norway has accused Sweden of spying.").has("Norway", "accuses", "Sweden"));
    auto at = extract("Jon Bell announced the measure at the Nordvale Council's daily briefing.");
    for (const auto& r : at.x.relations) CHECK(r.predicate != "announced");
}

TEST_CASE("relations: a clause after the trigger verb holds no object of it") {
    CHECK(extract("Jon Bell announced he would resign leadership of the Nordvale Party.").x.relations.size() <= 1);
    CHECK(!extract("Jon Bell announced he would resign leadership of the Nordvale Party.").has("Jon Bell", "announced", "Nordvale Party"));
    CHECK(!extract("Professor Jane Roe asked whether Oakland was part of Norway.").has("Jane Roe", "calls_on", "Norway"));
    CHECK(extract("Jon Bell asked Norway to act.").has("Jon Bell", "calls_on", "Norway"));
}

TEST_CASE("relations: a demonym before a person's description or in an appositive names the person's country") {
    CHECK(extract("Norway hosted the games. Norwegian swimmer Jon Bell won gold.").has("Jon Bell", "citizen_of", "Norway"));
    CHECK(extract("Kenya sent ten runners. Jon Bell, a 45-year-old Kenyan runner, won.").has("Jon Bell", "citizen_of", "Kenya"));
    CHECK(extract("Police in Australia charged a man. An Australian, Jon Roe, was charged.").has("Jon Roe", "citizen_of", "Australia"));
    // Not a country's adjective behind a prefix, nor one the document never names as a country.
    CHECK(!extract("Russia denied it. The pro-Russian activist Jane Roe spoke.").has("Jane Roe", "citizen_of", "Russia"));
    CHECK(extract("Norwegian swimmer Jon Bell won gold.").x.relations.empty());
    // Not across a verb: the police are Norwegian, not the man they arrested.
    CHECK(!extract("Norway is cold. Norwegian police arrested Jon Bell.").has("Jon Bell", "citizen_of", "Norway"));
}

TEST_CASE("relations: a demonym before a body's name or opening it names the country it is based in") {
    CHECK(extract("Elections in Norway are due. The Norwegian Parliament voted on Monday.")
              .has("Norwegian Parliament", "based_in", "Norway"));
    CHECK(extract("Belarus held an election. Belarusian KGB officers arrested 33 men.").has("KGB", "based_in", "Belarus"));
}

TEST_CASE("relations: appositive titles of several capitalized words, and a body behind its place's possessive") {
    CHECK(extract("Jon Bell, Director General of the Nordvale Institute, said it worked.")
              .has("Jon Bell", "leader_of", "Nordvale Institute"));
    CHECK(extract("Jon Bell, an evolutionary biologist at Oslo's Nordvale College, questioned the findings.")
              .has("Jon Bell", "works_for", "Nordvale College"));
    CHECK(extract("Jon Bell, the president of Norway's Nordvale Bank, said no.").has("Jon Bell", "leader_of", "Nordvale Bank"));
    CHECK(extract("A member of the Nordvale Party, Jon Bell said it was fine.").has("Jon Bell", "member_of", "Nordvale Party"));
}

TEST_CASE("relations: marriage, and a kin noun after 'his' or 'her' standing for the one person named before") {
    CHECK(extract("Jane Roe was married to Jon Bell, Tom Vale, and Sam Kestrel.").has("Jane Roe", "family_of", "Tom Vale"));
    CHECK(extract("Jane Roe married Jon Bell in 1990.").has("Jane Roe", "family_of", "Jon Bell"));
    CHECK(extract("Jane Roe was born in Ohio. Her father, Jon Bell, died in 1934.").has("Jon Bell", "family_of", "Jane Roe"));
    // Two people named before: "her" is left unresolved.
    auto two = extract("Jane Roe met Mary Vale. Her father, Jon Bell, died in 1934.");
    CHECK(!two.has("Jon Bell", "family_of", "Jane Roe"));
    CHECK(!two.has("Jon Bell", "family_of", "Mary Vale"));
}

TEST_CASE("relations: an agent noun predicated of a name ('X is a critic of Y', 'X, a longtime ally of Y,')") {
    CHECK(extract("Jon Bell is an outspoken critic of Tom Vale.").has("Jon Bell", "criticizes", "Tom Vale"));
    CHECK(extract("Jon Bell, a longtime ally of Tom Vale, spoke.").has("Jon Bell", "supports", "Tom Vale"));
    CHECK(extract("Critics of Tom Vale say he lied.").x.relations.empty());
}

TEST_CASE("relations: a body whose name ends with a place the document names is based there") {
    CHECK(extract("Nordvale Party Sabah will not join the coalition in Sabah.").has("Nordvale Party Sabah", "based_in", "Sabah"));
    CHECK(extract("Students of the University of Dayton marched through Dayton.").has("University of Dayton", "based_in", "Dayton"));
    // Not a place named only inside the body's name.
    CHECK(!extract("Nordvale Party Sabah will not join the coalition.").has("Nordvale Party Sabah", "based_in", "Sabah"));
}

TEST_CASE("relations: 'leader' is a title: a body's leader leads it, an opposition leader no country") {
    CHECK(extract("Nordvale Front leader Jon Bell spoke in Oslo.").has("Jon Bell", "leader_of", "Nordvale Front"));
    CHECK(extract("Jon Bell, the leader of the Nordvale Party, spoke.").has("Jon Bell", "leader_of", "Nordvale Party"));
    CHECK(!extract("Norway voted. Norwegian opposition leader Jon Bell spoke.").has("Jon Bell", "leader_of", "Norway"));
}

TEST_CASE("relations: a list's last place with its country, a list of places 'in the' place, a body with its town") {
    CHECK(extract("The pipeline runs between the gas field and Tellburg, Greece, where it merges.").has("Tellburg", "located_in", "Greece"));
    auto towns = extract("Data came from the towns of Tellburg, Kestrel Bay, and Vale in the Republic of Nordvale.");
    CHECK(towns.has("Kestrel Bay", "located_in", "Republic of Nordvale"));
    CHECK(towns.has("Vale", "located_in", "Republic of Nordvale"));
    CHECK(extract("They recorded it in his Nordvale Studio, Lagos, Nigeria.").has("Nordvale Studio", "based_in", "Lagos"));
    // A list of places ending in a country names no town of that country.
    CHECK(!extract("They visited Berlin, Paris and Rome, and Spain.").has("Rome", "located_in", "Spain"));
}

TEST_CASE("relations: a body 'in' a country or a list of places is based in each; not the place of its meeting") {
    auto r = extract("They will step up the campaign against the Nordvale Front in Iraq and Syria.");
    CHECK(r.has("Nordvale Front", "based_in", "Iraq"));
    CHECK(r.has("Nordvale Front", "based_in", "Syria"));
    CHECK(extract("Nordvale Bank in Norway said profits rose.").has("Nordvale Bank", "based_in", "Norway"));
    auto meeting = extract("Studies were presented at the annual meeting of the Nordvale Society in Orlando, Florida.");
    for (const auto& rel : meeting.x.relations) CHECK(rel.predicate != "based_in");
}

TEST_CASE("relations: a deputy's title ('deputy chairman', 'vice chairman', 'deputy group chief executive') leads nothing") {
    CHECK(extract("Nordvale Bank deputy group chief executive officer Jon Bell said the bank was solid.")
              .has("Jon Bell", "works_for", "Nordvale Bank"));
    CHECK(extract("Jon Bell, the deputy chairman of Nordvale Bank, said so.").has("Jon Bell", "works_for", "Nordvale Bank"));
    CHECK(!extract("Jon Bell, the deputy chairman of Nordvale Bank, said so.").has("Jon Bell", "leader_of", "Nordvale Bank"));
    CHECK(extract("Jon Bell, the chairman of Nordvale Bank, said so.").has("Jon Bell", "leader_of", "Nordvale Bank"));
}

TEST_CASE("relations: a passive's common-noun subject, a participle after a noun, a progressive, a name modifying a noun") {
    CHECK(extract("According to Jon Bell, the rebels are backed by Norway.").x.relations.empty());
    CHECK(extract("The report said Jon Bell had a prosecutor investigating Nordvale Bank fired.").x.relations.empty());
    CHECK(extract("Jon Bell is investigating Nordvale Bank.").has("Jon Bell", "investigates", "Nordvale Bank"));
    CHECK(extract("President Jon Bell started the month visiting Oslo.").has("Jon Bell", "visits", "Oslo"));
    CHECK(extract("Tom Vale will be defending the Nordvale Party (NP) seat for the coalition.").x.relations.empty());
    CHECK(extract("Jon Bell visited Oslo yesterday.").has("Jon Bell", "visits", "Oslo"));
}

TEST_CASE("relations: occupations before a name tie the person to the body before them") {
    CHECK(extract("Former Nordvale Bank banker Jon Bell testified on Monday.").has("Jon Bell", "works_for", "Nordvale Bank"));
    CHECK(extract("\"It is right,\" said Oxford University astronomer Jon Bell.").has("Jon Bell", "works_for", "Oxford University"));
    CHECK(extract("Nordvale Bank official Jon Bell said no.").has("Jon Bell", "works_for", "Nordvale Bank"));
}

TEST_CASE("relations: a party's nominee is its member; a country's nominee its citizen") {
    CHECK(extract("Nordvale Party nominee Jon Bell spoke in Oslo.").has("Jon Bell", "member_of", "Nordvale Party"));
    auto us = extract("Norway votes in May. Norwegian presidential candidate Jon Bell spoke.");
    CHECK(!us.has("Jon Bell", "member_of", "Norway"));
}

TEST_CASE("relations: irregular nationality words are demonyms of their country (scripts/demonyms_irregular.tsv)") {
    auto r = extract("Côte d'Ivoire sent ten athletes. Ivorian sprinter Jon Bell won the final.");
    CHECK(r.has("Jon Bell", "citizen_of", "Côte d'Ivoire"));
    for (const auto& e : r.x.entities) CHECK(e.name != "Ivorian");
    for (const auto& e : extract("The Sammarinese delegation arrived on Monday.").x.entities) CHECK(e.name != "Sammarinese");
}

TEST_CASE("relations: a legislator's party and seat in brackets after the name ('Jane Roe (NP-Tellburg)')") {
    auto r = extract("The question was posed by Jane Roe (NP-Kestrel Bay) on Monday.");
    CHECK(r.has("Jane Roe", "member_of", "NP"));
    CHECK(r.has("Jane Roe", "lives_in", "Kestrel Bay"));
    // A body's short name in brackets after a person names no name of the person's.
    for (const auto& e : r.x.entities)
        if (e.name == "Jane Roe")
            for (const auto& a : e.aliases) CHECK(a != "NP");
}

TEST_CASE("relations: a bare apostrophe after a name ending in s is a possessive, not a quote") {
    CHECK(extract("He beat the Nordvale Times' Jon Bell.").has("Jon Bell", "works_for", "Nordvale Times"));
    CHECK(extract("He said the word 'Nordvale Wins' and Jon Bell laughed.").x.relations.empty());
}

TEST_CASE("relations: a body's short name in brackets does not hide the place after it") {
    CHECK(extract("It was awarded by the Nordvale Tourism Organisation (NTO) in Madrid, Spain yesterday.")
              .has("Nordvale Tourism Organisation", "based_in", "Madrid"));
}

TEST_CASE("relations: killing verbs of several words, and a passive in a relative clause speaks of the name before it") {
    CHECK(extract("Tom Vale gunned down Jon Bell outside his home.").has("Tom Vale", "kills", "Jon Bell"));
    CHECK(extract("Jon Bell was shot dead by Tom Vale in 1968.").has("Tom Vale", "kills", "Jon Bell"));
    auto rel = extract("Jon Bell, who was shot dead by Tom Vale in 1968, was buried in Tellburg.");
    CHECK(rel.has("Tom Vale", "kills", "Jon Bell"));
    auto body = extract("Kestrel Capital, which was acquired by Nordvale Bank in 2001, closed.");
    CHECK(body.has("Nordvale Bank", "acquires", "Kestrel Capital"));
    // A common noun before the relative pronoun is the passive's subject: no name is.
    CHECK(!extract("Jon Bell said the man who was killed by Tom Vale had debts.").has("Tom Vale", "kills", "Jon Bell"));
}

TEST_CASE("relations: where a person was born or grew up is where they live (CoNLL04 and DocRED's Live_In)") {
    CHECK(extract("Jon Bell was born in Tellburg, Ohio, in 1950.").has("Jon Bell", "lives_in", "Tellburg"));
    CHECK(extract("Jon Bell grew up in Boston.").has("Jon Bell", "lives_in", "Boston"));
    // A common noun right before the form is its subject: no name further left is.
    CHECK(!extract("Jon Bell said his son was born in Boston.").has("Jon Bell", "lives_in", "Boston"));
    CHECK(!extract("Judge Jon Bell ruled that people born in Boston may vote.").has("Jon Bell", "lives_in", "Boston"));
    CHECK(!extract("Kestrel Capital sued a bank based in Boston.").has("Kestrel Capital", "based_in", "Boston"));
    // A description of the firm still stands for it.
    CHECK(extract("Kestrel Capital said the firm is based in Boston.").has("Kestrel Capital", "based_in", "Boston"));
}

TEST_CASE("relations: \"PLACE-born\" before or about a person gives lives_in, never a body's based_in") {
    CHECK(extract("Boston-born Jon Bell signed for Kestrel FC.").has("Jon Bell", "lives_in", "Boston"));
    CHECK(extract("Jon Bell, a Tellburg-born lawyer, said he saw it.").has("Jon Bell", "lives_in", "Tellburg"));
    CHECK(!extract("The Boston-born firm Kestrel Capital grew.").has("Kestrel Capital", "based_in", "Boston"));
}

TEST_CASE("relations: the agent nouns of killing, predicated of a name with a, an or the") {
    CHECK(extract("Tom Vale, the assassin of Jon Bell, died in prison.").has("Tom Vale", "kills", "Jon Bell"));
    CHECK(extract("Tom Vale is the killer of Jon Bell, police said.").has("Tom Vale", "kills", "Jon Bell"));
    CHECK(!extract("Tom Vale hunted the killer of Jon Bell for years.").has("Tom Vale", "kills", "Jon Bell"));
}

TEST_CASE("relations: a place in a place, or described as a town or region of one, is located_in it") {
    CHECK(extract("The film premiered at the Egyptian Theatre in Hollywood on Friday.").has("Egyptian Theatre", "located_in", "Hollywood"));
    CHECK(extract("Tellburg, a small fishing town in Nordvale, was flooded.").has("Tellburg", "located_in", "Nordvale"));
    CHECK(extract("They were moved to Patagonia, the southernmost region of Chile, on Monday.").has("Patagonia", "located_in", "Chile"));
    // "near X in Y": the place in Y is another.
    CHECK(!extract("The plane flew to an airfield near San Diego in El Cajon.").has("San Diego", "located_in", "El Cajon"));
    // A description without a place noun says nothing of where the place lies.
    CHECK(!extract("Tellburg, a rival of Nordvale, was flooded.").has("Tellburg", "located_in", "Nordvale"));
}

TEST_CASE("relations: a party or coalition has members, not staff, whatever rule tied a person to it") {
    auto r = extract("I had also worked with NPK's Jon Bell and Tom Vale. NPK candidate Jane Roe won the seat.");
    CHECK(r.has("Jon Bell", "member_of", "NPK"));  // the document shows NPK has members
    CHECK(!r.has("Jon Bell", "works_for", "NPK"));
    auto c = extract("Voters backed the NPK coalition. NPK's Jon Bell spoke.");
    CHECK(c.has("Jon Bell", "member_of", "NPK"));
    auto p = extract("Tellburg Green Party spokesman Jon Bell said no.");
    CHECK(p.has("Jon Bell", "member_of", "Tellburg Green Party"));
    // A company keeps its staff.
    CHECK(extract("Kestrel Capital's Jon Bell said profits rose.").has("Jon Bell", "works_for", "Kestrel Capital"));
}

TEST_CASE("relations: a country's elite without office is its citizen; a plural title is each one's") {
    auto actor = extract("Tributes were paid to US actor Jon Bell on Sunday.");
    CHECK(actor.has("Jon Bell", "citizen_of", "United States"));
    CHECK(!actor.has("Jon Bell", "works_for", "United States"));
    CHECK(extract("US Attorney Jon Bell said no.").has("Jon Bell", "works_for", "United States"));
    auto former = extract("Speakers included former US presidents Jon Bell and Tom Vale.");
    CHECK(former.has("Jon Bell", "leader_of", "United States"));
    CHECK(!former.has("Jon Bell", "works_for", "United States"));
}

TEST_CASE("relations: who teaches or lectures at a body works for it") {
    CHECK(extract("Jon Bell, who teaches at Tellburg University, said so.").has("Jon Bell", "works_for", "Tellburg University"));
    CHECK(extract("Jon Bell lectured at Tellburg University for years.").has("Jon Bell", "works_for", "Tellburg University"));
}

TEST_CASE("relations: a title before an honorific is the person's role (\"Malaysian Prime Minister Datuk Seri X\")") {
    CHECK(extract("Malaysian Prime Minister Datuk Seri Jon Bell said so.").has("Jon Bell", "leader_of", "Malaysia"));
    CHECK(extract("Kestrel Capital executive chairman Datuk Seri Amran Yusof said exports rose.")
              .has("Amran Yusof", "leader_of", "Kestrel Capital"));
}

TEST_CASE("relations: a region is never located in one of its own towns") {
    // A team named after its state, playing in the state's town: the gazetteer knows which lies in which.
    auto r = extract("The coach has been training Karnataka in Mysore since last week.");
    CHECK(!r.has("Karnataka", "located_in", "Mysore"));
    CHECK(r.has("Mysore", "located_in", "Karnataka"));
}

TEST_CASE("relations: an appositive's title reaches the body past a place-based or hyphenated modifier") {
    auto r = extract("Jon Bell, a spokesman for the Tellburg-based Nordvale Corp., said the plant would close.");
    CHECK(r.has("Jon Bell", "works_for", "Nordvale"));
    CHECK(r.has("Nordvale", "based_in", "Tellburg"));
    CHECK(extract("Jon Bell, the president of Curitiba-based Nordvale Bank, said so.").has("Jon Bell", "leader_of", "Nordvale Bank"));
    CHECK(extract("Jon Bell, a spokesman for the state-owned Nordvale Corp., said so.").has("Jon Bell", "works_for", "Nordvale"));
}

TEST_CASE("relations: a person's home or hometown in a place, and an appositive after the person's age") {
    CHECK(extract("Tom Vale died at his home in Mysore on Sunday.").has("Tom Vale", "lives_in", "Mysore"));
    CHECK(extract("Jon Bell was buried in his hometown of Konya.").has("Jon Bell", "lives_in", "Konya"));
    CHECK(extract("Jon Bell, 61, chairman of Nordvale Bank, resigned.").has("Jon Bell", "leader_of", "Nordvale Bank"));
    CHECK(extract("Jane Roe, 52, a lawyer in Curitiba, filed the suit.").has("Jane Roe", "lives_in", "Curitiba"));
}

TEST_CASE("relations: a title's field names the ministry or department the document names in full") {
    CHECK(extract("Health Minister Jon Bell said 20 cases were recorded. The Ministry of Health detected ten new clusters.")
              .has("Jon Bell", "leader_of", "Ministry of Health"));
    CHECK(extract("Youth and Sports Minister Datuk Jon Bell spoke. The Youth and Sports Ministry will hold talks.")
              .has("Jon Bell", "leader_of", "Youth and Sports Ministry"));
    // A ministry's director-general serves in it under the minister, who heads it.
    const auto dg = extract("Health director-general Tan Sri Dr Jon Bell said 20 cases were recorded. He said the Health Ministry "
                            "had detected ten new clusters.");
    CHECK(dg.has("Jon Bell", "works_for", "Health Ministry"));
    CHECK_FALSE(dg.has("Jon Bell", "leader_of", "Health Ministry"));
    // Another field's body is not the person's.
    CHECK_FALSE(extract("Health Minister Jon Bell spoke. The Finance Ministry declined to comment.").has("Jon Bell", "leader_of", "Finance Ministry"));
}

TEST_CASE("relations: a business head with no company named leads the story's only company") {
    CHECK(extract("KUALA LUMPUR: Nordvale Holdings Bhd posted revenue of RM95.6 million for the third quarter.\n\n"
                  "Group managing director Jon Bell said the company is on track to deliver growth.")
              .has("Jon Bell", "leader_of", "Nordvale"));
}

TEST_CASE("relations: \"its\" title with no body before it in its sentence points to the previous sentence's body") {
    CHECK(extract("The Agriculture Ministry (MOA) has clarified that the imports are temporary. Such imports will cease "
                  "once supply is sufficient, said its minister, Datuk Seri Jon Bell.")
              .has("Jon Bell", "works_for", "Agriculture Ministry"));
}

TEST_CASE("relations: the head of a place below a country, with no place in the title, leads the one place government named") {
    CHECK(extract("The Perak government has agreed to cut rents, said Menteri Besar Datuk Seri Jon Bell.")
              .has("Jon Bell", "leader_of", "Perak government"));
    CHECK(extract("The Perak government has agreed to cut rents. Deputy Chief Minister Jon Bell said the cut would help.")
              .has("Jon Bell", "works_for", "Perak government"));
    // A title with its own place names that place, not the other government.
    const auto r = extract("The Perak government agreed. Johor Menteri Besar Jon Bell disagreed.");
    CHECK_FALSE(r.has("Jon Bell", "leader_of", "Perak government"));
    CHECK(r.has_entity("Johor"));
    CHECK_FALSE(r.has_entity("Johor Menteri"));
}

TEST_CASE("relations: a body named by a party's or coalition's word first has members, not staff") {
    CHECK(extract("Jane Roe is going against Jon Bell of Parti Bumi Tellburg in a straight fight.")
              .has("Jon Bell", "member_of", "Parti Bumi Tellburg"));
    const auto r = extract("Jane Roe won the seat with a 3,088-vote majority over Pakatan Nordvale's Jon Bell.");
    CHECK(r.has("Jon Bell", "member_of", "Pakatan Nordvale"));
    CHECK_FALSE(r.has("Jon Bell", "works_for", "Pakatan Nordvale"));
}

TEST_CASE("relations: a minister's field between the country or place and the title") {
    CHECK(extract("He met Kenya Health Minister Jon Bell on Monday.").has("Jon Bell", "works_for", "Kenya"));
    const auto r = extract("He met Nordvale Health Minister Jon Bell on Monday.");
    CHECK(r.has_entity("Nordvale"));
    CHECK_FALSE(r.has_entity("Nordvale Health"));
    // Not before other titles, which follow bodies' names.
    const auto b = extract("Kestrel League of Latin American Citizens President Jon Bell said so.");
    CHECK_FALSE(b.has("Jon Bell", "leader_of", "United States"));
}

TEST_CASE("relations: a person from a country is its citizen") {
    CHECK(extract("The record is held by Jane Roe from Kenya.").has("Jane Roe", "citizen_of", "Kenya"));
    CHECK(extract("The old record, held by Jane Roe also from Kenya, stands.").has("Jane Roe", "citizen_of", "Kenya"));
}

TEST_CASE("relations: who speaks for a body works for it") {
    CHECK(extract("Jon Bell, speaking on behalf of Nordvale Bank, declined to comment.").has("Jon Bell", "works_for", "Nordvale Bank"));
    CHECK(extract("Jon Bell, speaking for the Health Ministry, reported new cases.").has("Jon Bell", "works_for", "Health Ministry"));
}

TEST_CASE("relations: a title after \"as\" with its body or country names the post of the one person before it") {
    CHECK(extract("Jon Bell teaches business management as an adjunct professor at Kestrel College.")
              .has("Jon Bell", "works_for", "Kestrel College"));
    CHECK(extract("On Monday, Jon Bell, a career politician who served as President of India for five years, died.")
              .has("Jon Bell", "leader_of", "India"));
    // Two people before "as": the title may be either's.
    CHECK_FALSE(extract("Jon Bell replaced Tom Vale as chairman of Nordvale Bank.").has("Tom Vale", "leader_of", "Nordvale Bank"));
    // A country between them holds the title.
    CHECK_FALSE(extract("Jon Bell said Nordvale would support Kenya's efforts as chair of the Kestrel Union.")
                    .has("Jon Bell", "leader_of", "Kestrel Union"));
}

TEST_CASE("relations: a country's office by its demonym, set off by commas before the name") {
    CHECK(extract("The Italian foreign minister, Jon Bell, joined the talks as an observer.").has("Jon Bell", "works_for", "Italy"));
    CHECK(extract("He met the former Kenyan president, Jon Bell, on Monday.").has("Jon Bell", "leader_of", "Kenya"));
    // Not an occupation that is no office.
    CHECK_FALSE(extract("The Kenyan runner, Jon Bell, won.").has("Jon Bell", "works_for", "Kenya"));
}

TEST_CASE("relations: a title placed in a body before the name (\"Minister in the Prime Minister's Department X\")") {
    CHECK(extract("Minister in the Prime Minister's Department (Economy) Datuk Seri Jon Bell said so.")
              .has("Jon Bell", "works_for", "Prime Minister's Department"));
    CHECK(extract("On Sept 7, Minister in the Prime Minister's Department (Law), Datuk Seri Dr Jon Bell ordered the change.")
              .has("Jon Bell", "works_for", "Prime Minister's Department"));
}

TEST_CASE("relations: a verb of attending with no object means the story's main event only when people come to it") {
    CHECK(extract("The Tellburg Tech Summit opened on Monday in Curitiba. The Tellburg Tech Summit drew 900 firms. "
                  "Nordvale Bank also attended.")
              .has("Nordvale Bank", "attends", "Tellburg Tech Summit"));
    CHECK_FALSE(extract("The 2030 Nordvale general election will be held in May. Analysts expect the 2030 Nordvale general "
                        "election to be close. On Saturday, Jon Bell attended.")
                    .has("Jon Bell", "attends", "2030 Nordvale general election"));
}

TEST_CASE("relations: a show hosted by a presenter is no visit; a newly elected official was not appointed by the subject") {
    CHECK_FALSE(extract("Nordvale News simulcast the town hall, hosted by Jon Bell, on its main network.")
                    .has("Nordvale News", "visits", "Jon Bell"));
    CHECK(extract("Nordvale hosted Jon Bell on Monday.").has("Jon Bell", "visits", "Nordvale"));
    CHECK_FALSE(extract("Tom Vale might have encouraged newly elected Kestrel president Jon Bell to act.")
                    .has("Tom Vale", "appoints", "Jon Bell"));
}

TEST_CASE("relations: an event is held in a place named near it only with no other name between, and not as a modifier") {
    CHECK_FALSE(extract("Before the start of the 2030 Kestrel Summit, the shooting of Jon Bell in Curitiba led to protests.")
                    .has("2030 Kestrel Summit", "held_in", "Curitiba"));
    CHECK(extract("Jon Bell won the final at the 2030 Kestrel Games in Curitiba.").has("2030 Kestrel Games", "held_in", "Curitiba"));
}

TEST_CASE("relations: a country's name modifying a noun is no one's citizenship") {
    CHECK_FALSE(extract("Jon Bell recommended the United States troops in Kestrel withdraw.").has("Jon Bell", "citizen_of", "United States"));
}

TEST_CASE("relations: a country's possessive before a title and a name") {
    CHECK(extract("Germany's Chancellor Jon Bell spoke on Monday.").has("Jon Bell", "leader_of", "Germany"));
    CHECK(extract("Kenya's Health Minister Jon Bell said so.").has("Jon Bell", "works_for", "Kenya"));
}

TEST_CASE("relations: an appositive's capitalized title of several words") {
    CHECK(extract("Jon Bell, the Supreme Leader of Iran, ordered three days of mourning.").has("Jon Bell", "leader_of", "Iran"));
    // A capitalized word that opens a title is no verb: "now operating from X" stays no title.
    CHECK_FALSE(extract("Jon Bell, now operating from the Kestrel Medical Center, will keep working.")
                    .has("Jon Bell", "member_of", "Kestrel Medical Center"));
}

TEST_CASE("relations: the head of a unit named before the title works for the body") {
    const auto r = extract("In 1990, Jon Bell pled guilty to charges related to his time as bond department head at Kestrel Burnham Lambert, an investment bank.");
    CHECK(r.has("Jon Bell", "works_for", "Kestrel Burnham Lambert"));
    CHECK_FALSE(r.has("Jon Bell", "leader_of", "Kestrel Burnham Lambert"));
}

TEST_CASE("relations: places in a list of tallies are not one inside the other") {
    const auto r = extract("Fourteen of them occurred in Johor, eight in Sabah, Perak (six), five cases each in Kedah and Melaka.");
    CHECK_FALSE(r.has("Sabah", "located_in", "Perak"));
    CHECK(extract("He lives in Curitiba, Brazil, with his family.").has("Curitiba", "located_in", "Brazil"));
}

TEST_CASE("relations: a legislator's party initial and state after the name") {
    const auto r = extract("The bill was opposed by Sen. Jon Bell, D-Ohio, and by Rep. Jane Roe (R-Iowa).");
    CHECK(r.has("Jon Bell", "lives_in", "Ohio"));
    CHECK(r.has("Jane Roe", "lives_in", "Iowa"));
    CHECK_FALSE(r.has_entity("D-Ohio"));
    CHECK_FALSE(r.has_entity("R"));
    CHECK_FALSE(r.has_entity("D"));
}

TEST_CASE("relations: an abbreviated title after a state's name") {
    const auto r = extract("Colorado Gov. Jon Bell signed the measure on Friday.");
    CHECK(r.has("Jon Bell", "lives_in", "Colorado"));  // as "Colorado Governor X": a place's head lives in it
    CHECK_FALSE(r.has_entity("Colorado Gov."));
}

TEST_CASE("relations: attacks on a person, active and passive") {
    CHECK(extract("Jon Bell shot President Tom Vale outside the hotel.").has("Jon Bell", "attacks", "Tom Vale"));
    CHECK(extract("Jane Roe was stabbed by Jon Bell on Monday.").has("Jon Bell", "attacks", "Jane Roe"));
    // Not a film or a photograph shot with someone.
    const auto r = extract("Jon Bell shot the film in Curitiba with Jane Roe.");
    CHECK_FALSE(r.has("Jon Bell", "attacks", "Jane Roe"));
}

TEST_CASE("relations: a town and its state's press abbreviation") {
    const auto r = extract("The clinic in Tellburg, Minn., treated Jon Bell of Curitiba, Calif., last year.");
    CHECK(r.has("Tellburg", "located_in", "Minnesota"));
    CHECK(r.has("Curitiba", "located_in", "California"));
    CHECK_FALSE(r.has_entity("Minn"));
    // Not a word written like one elsewhere: "Md" opens Malaysian names ("Md Adzmar").
    CHECK_FALSE(extract("Md Adzmar met Jane Roe in Konya.").has_entity("Maryland"));
}

TEST_CASE("relations: a town, its region and the region's country; a body of a town and its state") {
    const auto r = extract("He moved to Tellburg, Ontario, Canada, in 1990.");
    CHECK(r.has("Tellburg", "located_in", "Ontario"));
    CHECK(r.has("Ontario", "located_in", "Canada"));
    CHECK(extract("Kestrel Corp. of Fort Worth, Texas, said sales rose.").has("Kestrel", "based_in", "Fort Worth"));
    // A list of towns stays a list.
    const auto list = extract("Stores in Tellburg, Konya, Mysore and Curitiba closed.");
    CHECK_FALSE(list.has("Tellburg", "located_in", "Konya"));
    CHECK_FALSE(list.has("Konya", "located_in", "Mysore"));
}

TEST_CASE("relations: an appositive's body then a title of several words") {
    CHECK(extract("Jon Bell, a Nordvale Bank vice president, said rates would rise.").has("Jon Bell", "works_for", "Nordvale Bank"));
    CHECK(extract("Jon Bell, a Kestrel Corp. senior economist, said rates would rise.").has("Jon Bell", "works_for", "Kestrel"));
    // A list whose next item carries its own title: the title is the next name's.
    const auto r = extract("The guests were Jon Bell, Nordvale Party presidential nominee Tom Vale, and Jane Roe.");
    CHECK_FALSE(r.has("Jon Bell", "member_of", "Nordvale Party"));
}

TEST_CASE("relations: killings named by a noun, and an accusation is reported, not asserted") {
    CHECK(extract("The assassination of Tom Vale by Jon Bell shocked the nation.").has("Jon Bell", "kills", "Tom Vale"));
    CHECK(extract("Tom Vale's assassin, Jon Bell, was caught in Konya.").has("Jon Bell", "kills", "Tom Vale"));
    const auto charged = extract("Jon Bell was charged with the murder of Tom Vale.");
    REQUIRE(charged.has("Jon Bell", "kills", "Tom Vale"));
    for (const auto& rel : charged.x.relations)
        if (rel.predicate == "kills") CHECK(rel.evidence.modality == "reported");
    CHECK(extract("Jon Bell returned to his home in Konya.").has("Jon Bell", "lives_in", "Konya"));
}

TEST_CASE("relations: a country's body after its possessive") {
    CHECK(extract("Analysts at Japan's Kestrel Securities cut their forecast.").has("Kestrel Securities", "based_in", "Japan"));
    // Not a title after the body: "Maryland's Republican Governor X".
    CHECK_FALSE(extract("Germany's Nordvale Party leader Jon Bell spoke.").has("Jon Bell", "based_in", "Germany"));
}

TEST_CASE("relations: owning and being elected to a body") {
    CHECK(extract("Kestrel Airlines is owned by the Nordvale Group.").has("Nordvale", "owns", "Kestrel Airlines"));
    CHECK(extract("Jon Bell owns Kestrel Corp. and two farms.").has("Jon Bell", "owns", "Kestrel"));
    CHECK(extract("Jane Roe was elected to the Nordvale Assembly in 2004.").has("Jane Roe", "member_of", "Nordvale Assembly"));
    CHECK_FALSE(extract("They run their own Kestrel shop in Konya.").has_entity("own"));
}

TEST_CASE("relations: a demonym before a description the mention keeps as its role") {
    // (When the document names the country, as for the descriptions the mention does not keep.)
    CHECK(extract("American singer Jon Bell died on Sunday. He had toured the United States for years.").has("Jon Bell", "citizen_of", "United States"));
    CHECK(extract("Finnish developer Jane Roe released the game in Finland.").has("Jane Roe", "citizen_of", "Finland"));
    CHECK_FALSE(extract("Finnish developer Jane Roe released the game.").has("Jane Roe", "citizen_of", "Finland"));
    // A country's name ending a body's name is no demonym.
    CHECK_FALSE(extract("Kestrel Malaysia chief executive officer Jon Bell said sales rose in Malaysia.").has("Jon Bell", "citizen_of", "Malaysia"));
}

TEST_CASE("relations: a pronoun's title of a body, when one person is named before it") {
    CHECK(extract("Jon Bell died on Monday. He was the chairman of the Nordvale Committee.").has("Jon Bell", "leader_of", "Nordvale Committee"));
    CHECK(extract("Jane Roe spoke on Monday. She is a professor at Kestrel University.").has("Jane Roe", "works_for", "Kestrel University"));
    CHECK(extract("Jon Bell died on Monday. He later served as a member of the Nordvale Committee.").has("Jon Bell", "member_of", "Nordvale Committee"));
    // Two people before the pronoun: no guess.
    const auto two = extract("While Tom Vale was jailed, Jon Bell is unknown. He was the chairman of the Nordvale Committee.");
    CHECK_FALSE(two.has("Jon Bell", "leader_of", "Nordvale Committee"));
    CHECK_FALSE(two.has("Tom Vale", "leader_of", "Nordvale Committee"));
}

TEST_CASE("relations: the subject of 'with X VERBing Y'; an unsure finer type yields to the trigger's") {
    CHECK(extract("Turnout was high, with Jon Bell defeating Tom Vale by five thousand votes.").has("Jon Bell", "defeats", "Tom Vale"));
    // "with" still blocks a subject elsewhere: "met with X" does not make X the subject of what follows.
    CHECK_FALSE(extract("Jane Roe met with Jon Bell, who defeated Tom Vale.").has("Jane Roe", "defeats", "Tom Vale"));
}

TEST_CASE("relations: a player and the team he scores or plays for") {
    CHECK(extract("Jon Bell scored for Kestrel FC in the 20th minute.").has("Jon Bell", "works_for", "Kestrel FC"));
    CHECK(extract("Jane Roe, who plays for Nordvale United, was injured.").has("Jane Roe", "works_for", "Nordvale United"));
    // "TEAM scored through X (minute) and Y (minute)": a list with a remark in brackets after each item.
    const auto r = extract("Kestrel FC scored through Jon Bell (16th minute) and Tom Vale (51st) on Sunday.");
    CHECK(r.has("Jon Bell", "works_for", "Kestrel FC"));
    CHECK(r.has("Tom Vale", "works_for", "Kestrel FC"));
}

TEST_CASE("relations: a country's place after its possessive; a place and its region in brackets") {
    CHECK(extract("Doctors studied patients in Konya in Brazil's Nordvale Province.").has("Nordvale Province", "located_in", "Brazil"));
    CHECK(extract("He served as a trustee of Tellburg Township (Illinois) for years.").has("Tellburg Township", "located_in", "Illinois"));
    // A translation of the name in brackets is no region.
    CHECK_FALSE(extract("The hotel near the Masjid Kestrel (Grand Mosque) collapsed.").has("Masjid Kestrel", "located_in", "Grand Mosque"));
}

TEST_CASE("relations: in an election report, a short run of capitals tied to a person is a party") {
    const std::string report =
        "The state election is set for March 12. In the last polls, Jon Bell won the seat over KPN's Jane Roe. "
        "Both candidates will contest again.";
    CHECK(extract(report).has("Jane Roe", "member_of", "KPN"));
    CHECK_FALSE(extract(report).has("Jane Roe", "works_for", "KPN"));
    // Elsewhere the same words name an employer.
    CHECK(extract("KPN's Jane Roe said sales rose in the third quarter.").has("Jane Roe", "works_for", "KPN"));
}

TEST_CASE("relations: a second title of the same head word after 'and' shares the first's body") {
    const auto r = extract("In June, Nordvale Party presidential nominee Jon Bell and vice presidential nominee Tom Vale sought the nomination.");
    CHECK(r.has("Tom Vale", "member_of", "Nordvale Party"));
    CHECK(extract("Kestrel FC coach Jon Bell and assistant coach Tom Vale were sacked.").has("Tom Vale", "works_for", "Kestrel FC"));
    CHECK_FALSE(extract("Kestrel Corp. chief executive Jon Bell and actor Tom Vale met.").has("Tom Vale", "works_for", "Kestrel"));
}

TEST_CASE("relations: no citizenship from a country one deals with or that opens a body's name") {
    CHECK_FALSE(extract("Jon Bell knew about his business deals, particularly with China, and was involved with them.")
                    .has("Jon Bell", "citizen_of", "China"));
    CHECK_FALSE(extract("News outlets reported Jon Bell to be dead citing sources within the United States Department of Defense.")
                    .has("Jon Bell", "citizen_of", "United States"));
}

TEST_CASE("relations: a body placed under another, and a body named as a part of another") {
    CHECK(extract("Kestrel Health Corporation is a non-profit company under the Health Ministry.").has("Kestrel Health", "part_of", "Health Ministry"));
    CHECK(extract("Nordvale Bank, an agency under the Finance Ministry, lent money.").has("Nordvale Bank", "part_of", "Finance Ministry"));
    CHECK(extract("The study was conducted by the Kestrel Unit of the Nordvale Department in 2019.").has("Kestrel Unit", "part_of", "Nordvale Department"));
    // Not "a company under investigation by X".
    CHECK_FALSE(extract("Kestrel Corp., a company under investigation by Nordvale Police, fell.").has("Kestrel", "part_of", "Nordvale Police"));
}

TEST_CASE("relations: a title set off by a comma before the name's honorific") {
    CHECK(extract("PONTIAN: Kestrel Party chairman, Datuk Jon Bell is entering a four-cornered fight.").has("Jon Bell", "leader_of", "Kestrel Party"));
    // A list is no title: "the Kestrel Party, Datuk Jon Bell and others".
    CHECK_FALSE(extract("He met the Kestrel Party, Datuk Jon Bell and others.").has("Jon Bell", "leader_of", "Kestrel Party"));
}
