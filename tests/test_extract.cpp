// The extraction stages on news-like text that is not in the sample: mentions and types, name
// resolution inside a document, relations. Names here are not in any hand-written lexicon.
#include <doctest/doctest.h>

#include <kg/extract.hpp>

#include <algorithm>
#include <string>

namespace {

struct Result {
    kg::DocExtraction x;
    const kg::DocEntity* find(const std::string& name) const {
        for (const auto& e : x.entities)
            if (e.name == name) return &e;
        return nullptr;
    }
    bool has(const std::string& s, const std::string& p, const std::string& o) const {
        for (const auto& r : x.relations)
            if (x.entities[r.subject].name == s && r.predicate == p && x.entities[r.object].name == o) return true;
        return false;
    }
};

Result extract(const std::string& text) {
    static const kg::Extractor extractor;
    return Result{extractor(kg::Document{"doc", "test", text})};
}

}  // namespace

TEST_CASE("mentions: types from the gazetteer, cue words, titles and context") {
    auto r = extract(
        "German automaker Volkswagen AG said on Tuesday that its board met in Berlin. "
        "Shares of rival startup Zentrix rose after the Global Battery Summit. "
        "Prime Minister Jane Holloway backed the Clean Water Act.");
    REQUIRE(r.find("Germany"));
    CHECK(r.find("Germany")->type == kg::EntityType::COUNTRY);
    REQUIRE(r.find("Volkswagen"));  // legal suffix dropped from the name, kept as an alias
    CHECK(r.find("Volkswagen")->type == kg::EntityType::COMPANY);
    CHECK(std::find(r.find("Volkswagen")->aliases.begin(), r.find("Volkswagen")->aliases.end(), "Volkswagen AG") !=
          r.find("Volkswagen")->aliases.end());
    REQUIRE(r.find("Berlin"));
    CHECK(r.find("Berlin")->type == kg::EntityType::LOCATION);
    REQUIRE(r.find("Zentrix"));
    CHECK(r.find("Zentrix")->type == kg::EntityType::COMPANY);
    REQUIRE(r.find("Global Battery Summit"));
    CHECK(r.find("Global Battery Summit")->type == kg::EntityType::EVENT);
    REQUIRE(r.find("Jane Holloway"));  // the title is stripped
    CHECK(r.find("Jane Holloway")->type == kg::EntityType::PERSON);
    REQUIRE(r.find("Clean Water Act"));
    CHECK(r.find("Clean Water Act")->type == kg::EntityType::POLICY);
    CHECK(!r.find("Tuesday"));
    CHECK(!r.find("Shares"));
}

TEST_CASE("mentions: headlines and sentence-initial words carry no name evidence") {
    auto r = extract("Robots Take Over Factory Floors\nHumanoid robots are cheap. Brightwave Labs said so.\n");
    CHECK(!r.find("Robots"));
    CHECK(!r.find("Humanoid"));
    CHECK(!r.find("Factory Floors"));
    REQUIRE(r.find("Brightwave Labs"));
    CHECK(r.find("Brightwave Labs")->type == kg::EntityType::COMPANY);
}

TEST_CASE("resolve: surnames, acronyms and legal names join the full name in the same document") {
    auto r = extract(
        "Finance Minister Maria Okonkwo spoke at the Pan-African Trade Forum (PATF) in Lagos. "
        "Okonkwo said the PATF would meet again. Nexora Holdings Ltd. sponsored it; Nexora declined to comment.");
    REQUIRE(r.find("Maria Okonkwo"));
    CHECK(!r.find("Okonkwo"));
    auto& aliases = r.find("Maria Okonkwo")->aliases;
    CHECK(std::find(aliases.begin(), aliases.end(), "Okonkwo") != aliases.end());
    REQUIRE(r.find("Pan-African Trade Forum"));
    CHECK(!r.find("PATF"));
    REQUIRE(r.find("Nexora"));
    CHECK(!r.find("Nexora Holdings"));
}

TEST_CASE("resolve: a capital acting as a government is the country; a capital as a place stays a city") {
    auto r = extract("Moscow warned the alliance on Friday. The talks were held in Moscow.");
    REQUIRE(r.find("Russia"));
    REQUIRE(r.find("Moscow"));
    CHECK(r.find("Moscow")->type == kg::EntityType::LOCATION);
    CHECK(r.find("Moscow")->mentions.size() == 1);
    CHECK(r.find("Russia")->mentions.size() == 1);
    CHECK(r.find("Russia")->mentions[0].text == "Moscow");
}

TEST_CASE("resolve: US, U.S. and United States are one country") {
    auto r = extract("The U.S. and Japan met. US officials said the United States agreed.");
    REQUIRE(r.find("United States"));
    CHECK(r.find("United States")->mentions.size() == 3);
    CHECK(!r.find("US"));
}

TEST_CASE("relations: titles, roles, modifiers and trigger verbs") {
    auto r = extract(
        "French President Emmanuel Macron praised Airbus. "
        "Goldman Sachs analyst Tom Brennan said demand is strong. "
        "South Korean startup Lumina released the Lumina X3 phone. "
        "The European Union imposed sanctions on Russia. "
        "The Global Energy Summit was held in Oslo.");
    CHECK(r.has("Emmanuel Macron", "leader_of", "France"));
    CHECK(r.has("Emmanuel Macron", "praised", "Airbus"));
    CHECK(r.has("Tom Brennan", "works_for", "Goldman Sachs"));
    CHECK(r.has("Lumina", "based_in", "South Korea"));
    CHECK(r.has("Lumina", "released", "Lumina X3"));
    CHECK(r.has("European Union", "sanctions", "Russia"));
    CHECK(r.has("Global Energy Summit", "held_in", "Oslo"));
    // Nothing invented between unrelated names.
    CHECK(!r.has("Emmanuel Macron", "works_for", "Airbus"));
    CHECK(!r.has("Tom Brennan", "praised", "Airbus"));
    // A nationality after a comma is one word: its mention holds no punctuation.
    auto comma = extract("Trade fell in Iran, German firms like Vantor Kraft said.");
    CHECK(comma.has("Vantor Kraft", "based_in", "Germany"));
    for (const auto& e : comma.x.entities)
        for (const auto& m : e.mentions) CHECK(m.text.find(',') == std::string::npos);
}

TEST_CASE("relations: passives, lists and the main event as implicit object") {
    auto r = extract(
        "The Nordic Robotics Expo opens in Helsinki this week. "
        "Firms like Valtek and Sorni Group will attend. "
        "The plan was praised by Prime Minister Anna Lind.");
    CHECK(r.has("Valtek", "attends", "Nordic Robotics Expo"));
    CHECK(r.has("Sorni", "attends", "Nordic Robotics Expo"));
    CHECK(r.has("Nordic Robotics Expo", "held_in", "Helsinki"));
    // A verb with an object of its own speaks of that, not of the main event.
    auto own = extract(
        "The Nordic Robotics Expo opens in Helsinki this week. "
        "The Nordic Robotics Expo draws large crowds. "
        "Valtek attended the funeral on Monday. Karl Berg joined Valtek in May.");
    CHECK(!own.has("Valtek", "attends", "Nordic Robotics Expo"));
    CHECK(!own.has("Karl Berg", "attends", "Nordic Robotics Expo"));
}

TEST_CASE("relations: evidence is the stating sentence, with exact offsets") {
    std::string text = "Intro line.\nAcme Corp. released the Widget 9 robot. Unrelated text follows.";
    auto r = extract(text);
    bool found = false;
    for (const auto& rel : r.x.relations) {
        if (rel.predicate != "released" && rel.predicate != "develops") continue;
        found = true;
        CHECK(rel.evidence.text == "Acme Corp. released the Widget 9 robot.");
        CHECK(text.substr(rel.evidence.start, rel.evidence.end - rel.evidence.start) == rel.evidence.text);
    }
    CHECK(found);
    for (const auto& e : r.x.entities)
        for (const auto& m : e.mentions) CHECK(text.substr(m.start, m.end - m.start) == m.text);
}

TEST_CASE("extraction is deterministic and survives hostile text") {
    std::string text = "Zeta Corp. signed the Omega Act. \xE2\x80\x9C\xE2\x80\x9D ... --- \n\n\t ?!";
    auto a = extract(text), b = extract(text);
    REQUIRE(a.x.entities.size() == b.x.entities.size());
    for (std::size_t i = 0; i < a.x.entities.size(); ++i) CHECK(a.x.entities[i].name == b.x.entities[i].name);
    CHECK(extract("").x.entities.empty());
    CHECK(extract("!!! ??? ...").x.entities.empty());
    std::string long_caps(20000, 'A');
    CHECK_NOTHROW(extract(long_caps + " Corp. announced it."));
}

TEST_CASE("relations: hedges and negations are recorded on the evidence; negated evidence adds no weight") {
    auto r = extract(
        "The Nordic Robotics Expo opens in Helsinki. Valtek Oy did not attend the Nordic Robotics Expo. "
        "Sorni Group will attend the Nordic Robotics Expo. Brightwave Labs attended the Nordic Robotics Expo.");
    auto find = [&](const std::string& s) -> const kg::DocRelation* {
        for (const auto& rel : r.x.relations)
            if (r.x.entities[rel.subject].name == s && rel.predicate == "attends") return &rel;
        return nullptr;
    };
    REQUIRE(find("Valtek"));  // the legal suffix is dropped from the name, as "Ltd." is
    CHECK(find("Valtek")->evidence.negated);
    REQUIRE(find("Sorni"));
    CHECK(find("Sorni")->evidence.modality == "expected");
    CHECK(!find("Sorni")->evidence.negated);
    REQUIRE(find("Brightwave Labs"));
    CHECK(find("Brightwave Labs")->evidence.modality.empty());
    kg::KnowledgeGraph g;
    g.add(r.x);
    for (auto e : boost::make_iterator_range(boost::edges(g.graph()))) {
        const auto& rel = g.graph()[e];
        if (g.graph()[boost::source(e, g.graph())].label == "Valtek Oy") CHECK(rel.weight == 0);
        if (g.graph()[boost::source(e, g.graph())].label == "Sorni") CHECK(rel.weight == 1);
    }
}

TEST_CASE("mentions: an unsure name takes the type of a list neighbour the gazetteer vouches for") {
    // The recognizer alone reads the made-up start-up as a place (0.48); beside Google it is a company.
    auto r = extract("Investors compared the start-up with the likes of Zentrivo and Google.");
    REQUIRE(r.find("Zentrivo"));
    CHECK(r.find("Zentrivo")->type == kg::EntityType::COMPANY);
    CHECK(r.find("Zentrivo")->type_confidence == doctest::Approx(0.75));
    // Places mix kinds in lists: a country does not make its neighbour a country.
    auto p = extract("Officials from China and Zentrivo met on Monday.");
    if (const auto* z = p.find("Zentrivo")) CHECK(z->type != kg::EntityType::COUNTRY);
}

TEST_CASE("mentions: a dateline names the place a story was filed from; a label of ordinary words does not") {
    for (const char* text : {"MERRIVALE BAY, March 3 \xE2\x80\x94 The council closed the harbour.",
                             "MERRIVALE BAY (Newswire) - The council closed the harbour.",
                             "MERRIVALE BAY: The council closed the harbour.",
                             "Storm hits coast\nMERRIVALE BAY, Ostland \xE2\x80\x94 The council closed the harbour."}) {
        auto r = extract(text);
        CAPTURE(text);
        const kg::DocEntity* e = r.find("MERRIVALE BAY");
        REQUIRE(e);
        CHECK(e->type == kg::EntityType::LOCATION);
    }
    CHECK(!extract("UPDATE: The council closed the harbour.").find("UPDATE"));
    CHECK(!extract("SECRETARY OLSEN: We closed the harbour.").find("SECRETARY OLSEN"));
    // Only where a story opens: later, capitals before a colon are a speaker's label.
    CHECK(extract("KESTREL OYELARAN: We closed the harbour.").find("KESTREL OYELARAN")->type == kg::EntityType::LOCATION);
    const auto later = extract("The council met. It talked. It voted.\nKESTREL OYELARAN: We closed the harbour.");
    CHECK((!later.find("KESTREL OYELARAN") || later.find("KESTREL OYELARAN")->type != kg::EntityType::LOCATION));
}

TEST_CASE("mentions: a body's word in a name ('Parti', 'Instituto') outweighs the model's reading of a place or a person") {
    // The model reads this one as a place (its last word is a state's name); the word "Parti" says otherwise.
    auto r = extract("A Gabungan Parti Queensland (GP) candidate who is defending her Tellak state seat has incorporated "
                     "something different in her campaign trail for the coming state polls.");
    REQUIRE(r.find("Gabungan Parti Queensland"));
    CHECK(r.find("Gabungan Parti Queensland")->type == kg::EntityType::ORGANIZATION);
    // Nor a person's: the model reads this one as a person's name.
    auto school = extract("Students of the Instituto Carvalho protested on Monday.");
    REQUIRE(school.find("Instituto Carvalho"));
    CHECK(school.find("Instituto Carvalho")->type == kg::EntityType::ORGANIZATION);
}

TEST_CASE("mentions: a place's generic first word ('Kampung', 'Bukit', 'Jalan') makes the name a place, not a person") {
    auto r = extract("Floods hit Kampung Tellak and Bukit Merbau on Sunday, and residents along Sungai Rawang were moved to "
                     "Pasir Kemuning. Police closed Jalan Ahmad Tarmizi after the fire.");
    for (const char* name : {"Kampung Tellak", "Bukit Merbau", "Sungai Rawang", "Pasir Kemuning", "Jalan Ahmad Tarmizi"}) {
        CAPTURE(name);
        REQUIRE(r.find(name));
        CHECK(r.find(name)->type == kg::EntityType::LOCATION);
    }
    // Only as a name's first word: a surname that is such a word stays a person's.
    auto p = extract("Akbar Tanjung met the press in Jakarta.");
    REQUIRE(p.find("Akbar Tanjung"));
    CHECK(p.find("Akbar Tanjung")->type == kg::EntityType::PERSON);
}

TEST_CASE("mentions: a body's name takes the ordinary words coordinated into it; two names stay two") {
    auto r = extract("The Communications and Multimedia Ministry said the plan was ready. The House Committee on "
                     "Oversight and Reform met on Tuesday. He wrote to the Ministry of Plantation Industries and "
                     "Commodities last week. The Tourism, Arts and Culture Ministry will fund it.");
    for (const char* name : {"Communications and Multimedia Ministry", "House Committee on Oversight and Reform",
                             "Ministry of Plantation Industries and Commodities", "Tourism Arts and Culture Ministry"}) {
        CAPTURE(name);
        CHECK(r.find(name));
    }
    CHECK(!r.find("Reform"));
    auto welfare = extract("The Joint Council for the Welfare of Immigrants said the plan was cruel.");
    CHECK(welfare.find("Joint Council for the Welfare of Immigrants"));
    auto two = extract("The Ministry of Health and Pfizer signed a deal. The deal between Facebook and Instagram closed.");
    CHECK(two.find("Ministry of Health"));
    CHECK(two.find("Pfizer"));
    CHECK(two.find("Instagram"));
    // A name that opens with a place is whole: what precedes "and" is another name or a list.
    auto listed = extract("Officers of the Secret Service and US Park Police cleared the square.");
    CHECK(listed.find("US Park Police"));
    CHECK(!listed.find("Secret Service and US Park Police"));
}

TEST_CASE("mentions: an office's body named by its holder's title is an organization, written as in the text") {
    auto r = extract("A statement from the Prime Minister's Department said the rules would change. "
                     "The Governor's Office declined to comment.");
    REQUIRE(r.find("Prime Minister's Department"));
    CHECK(r.find("Prime Minister's Department")->type == kg::EntityType::ORGANIZATION);
    REQUIRE(r.find("Governor's Office"));
    CHECK(r.find("Governor's Office")->type == kg::EntityType::ORGANIZATION);
    // A title's possessive before anything else names no body.
    auto wife = extract("She met the President's wife in Lisbon.");
    for (const auto& e : wife.x.entities) CHECK(e.name.find("President") == std::string::npos);
}

TEST_CASE("mentions: the name before '-based' is a place") {
    auto r = extract("On Monday, the Dayton-based lender Nordvale Bank said profits rose.");
    REQUIRE(r.find("Dayton"));
    CHECK(r.find("Dayton")->type == kg::EntityType::LOCATION);
}

TEST_CASE("mentions: a newspaper named after its city ('the Dayton Herald') is an organization, not the place") {
    auto r = extract("According to the Dayton Herald, the storm will not make landfall in Ohio.");
    REQUIRE(r.find("Dayton Herald"));
    CHECK(r.find("Dayton Herald")->type == kg::EntityType::ORGANIZATION);
}

TEST_CASE("mentions: a name behind a lower-case prefix is a modifier, not a mention; a name's particle is kept") {
    auto r = extract("The pro-Beijing camp and anti-Tellurian groups marched.");
    CHECK(r.x.entities.empty());
    CHECK(extract("Jon Bell joined al-Qaeda in 2001.").find("al-Qaeda"));
}

TEST_CASE("mentions: a person's title after a body's name is no part of the body's name") {
    auto r = extract("Jon Bell, the Nordvale Assembly Majority Leader, spoke on Monday.");
    for (const auto& e : r.x.entities) CHECK(e.name.find("Leader") == std::string::npos);
    CHECK(extract("The Nordvale Police arrested him.").find("Nordvale Police"));
}

TEST_CASE("mentions: a name right before the title of a place's head is the place (data/place_titles.txt)") {
    auto r = extract("The study was presented, said Tellburg Chief Minister Jon Bell.");
    REQUIRE(r.find("Tellburg"));
    CHECK(r.find("Tellburg")->type == kg::EntityType::LOCATION);
    CHECK(r.has("Jon Bell", "lives_in", "Tellburg"));
    auto h = extract("Kestrel Vale Chief Minister Datuk Seri Jon Bell said so.");
    REQUIRE(h.find("Kestrel Vale"));
    CHECK(h.find("Kestrel Vale")->type == kg::EntityType::LOCATION);
    // A party's adjective before a governor's title is no place.
    for (const auto& e : extract("He advises Maryland's Republican Governor Jon Bell.").x.entities) CHECK(e.name != "Republican");
}

TEST_CASE("mentions: a place's government is a body named with the place; a nationality's is not") {
    auto r = extract("The Tellburg government is extending the discount, officials in Tellburg said.");
    REQUIRE(r.find("Tellburg government"));
    CHECK(r.find("Tellburg government")->type == kg::EntityType::ORGANIZATION);
    CHECK(r.find("Tellburg"));
    for (const auto& e : extract("The French government said no.").x.entities) CHECK(e.name.find("government") == std::string::npos);
}

TEST_CASE("mentions: a town of several words the gazetteer knows is a place, though the model reads a person") {
    auto r = extract("He travelled from Alor Gajah to Nibong Tebal on Monday.");
    REQUIRE(r.find("Alor Gajah"));
    CHECK(r.find("Alor Gajah")->type == kg::EntityType::LOCATION);
    REQUIRE(r.find("Nibong Tebal"));
    CHECK(r.find("Nibong Tebal")->type == kg::EntityType::LOCATION);
    // A person's name stays a person's, even where a town shares a word of it.
    auto p = extract("He travelled with Jon Bell to Nibong Tebal on Monday.");
    REQUIRE(p.find("Jon Bell"));
    CHECK(p.find("Jon Bell")->type == kg::EntityType::PERSON);
}

TEST_CASE("mentions: a place of one country before another country's name is a body's name, not a place") {
    auto r = extract("Investors turned net sellers on Konya Malaysia last week.");  // Konya lies in Türkiye
    REQUIRE(r.find("Konya Malaysia"));
    CHECK(r.find("Konya Malaysia")->type == kg::EntityType::ORGANIZATION);
    // Words the treebank knows before a country name a region of it.
    for (const auto& e : extract("Rain fell across North America and Western Australia.").x.entities)
        CHECK(e.type == kg::EntityType::LOCATION);
}

TEST_CASE("mentions: a person of a place the gazetteer knows is two names (\"Jane Roe of Ipoh\")") {
    auto r = extract("Tom Vale of Ipoh said he saw it.");
    CHECK(r.find("Tom Vale"));
    CHECK(r.find("Ipoh"));
    CHECK(r.has("Tom Vale", "lives_in", "Ipoh"));
}

TEST_CASE("mentions: a lone party, faith or nationality word right before a person's name is no entity; nor is money") {
    for (const char* text : {"Republican Jon Bell said no.", "Democrat Jon Bell won the seat."}) {
        const auto r = extract(text);
        CHECK(r.find("Jon Bell"));
        CHECK(r.x.entities.size() == 1);
    }
    for (const auto& e : extract("Onions cost Rs.30 a kilo in Tellburg.").x.entities) CHECK(e.name.find("Rs") == std::string::npos);
}

TEST_CASE("mentions: a name before a possessive and the title of a place's head is the place") {
    auto r = extract("Tellburg's mayor, Jon Bell, said the roads were closed.");
    REQUIRE(r.find("Tellburg"));
    CHECK(r.find("Tellburg")->type == kg::EntityType::LOCATION);
    CHECK(r.has("Jon Bell", "lives_in", "Tellburg"));
}

TEST_CASE("mentions: two bodies' names joined by \"and\", each ending in a body's word, are two names") {
    auto r = extract("Officials said the Nordvale Communications and Multimedia Ministry and Finance Ministry (MOF) would table a memorandum.");
    CHECK(r.find("Finance Ministry"));
    CHECK(r.find("Multimedia Ministry"));
    CHECK_FALSE(r.find("Multimedia Ministry and Finance Ministry"));
    // Not a company's word before "and": "Securities and Exchange Commission" is one body.
    CHECK(extract("He told the U.S. Securities and Exchange Commission so.").find("U.S. Securities and Exchange Commission"));
    // One body's name with "and" inside stays whole.
    CHECK(extract("The Ministry of Plantation Industries and Commodities said so.").find("Ministry of Plantation Industries and Commodities"));
}

TEST_CASE("mentions: an honorific inside a person's span opens the name; the words before it end a title") {
    auto r = extract("The plan was approved, Minister of Communications and Multimedia Tan Sri Amran Yusof said.");
    CHECK(r.find("Amran Yusof"));
    CHECK_FALSE(r.find("Multimedia Tan Sri Amran Yusof"));
}

TEST_CASE("mentions: an initial before a one-word name makes it a person's name, the initial included") {
    auto r = extract("Earlier today, Tellburg council secretary A. Rajendran and others visited the site.");
    REQUIRE(r.find("A. Rajendran"));
    CHECK(r.find("A. Rajendran")->type == kg::EntityType::PERSON);
    CHECK(extract("He served in the U.S. Army for years.").find("U.S. Army"));
}

TEST_CASE("mentions: an acronym the text defines by lower-case words is a noun, wherever it is written") {
    const auto r = extract("Nordvale Bank said sales rose 4 per cent year-on-year (YoY). The loan-to-value (LTV) limit "
                           "stays. Patients in intensive care units (ICU) fell, and YoY growth slowed. Two ICUs closed.");
    CHECK(r.find("Nordvale Bank"));
    for (const char* w : {"YoY", "LTV", "ICU", "ICUs"}) CHECK_FALSE(r.find(w));
    // A capitalized expansion names a body: its acronym stays a name.
    const auto s = extract("The Tellburg Port Authority (TPA) raised fees, and TPA said more would follow.");
    REQUIRE(s.find("Tellburg Port Authority"));
    const auto& aliases = s.find("Tellburg Port Authority")->aliases;
    CHECK(std::find(aliases.begin(), aliases.end(), "TPA") != aliases.end());
}

TEST_CASE("mentions: a name no list knows before the title of a body's head and a person's name is the body") {
    const auto r = extract("He said Kelmar deputy president Jon Bell would lead the campaign.");
    REQUIRE(r.find("Kelmar"));
    CHECK(r.find("Kelmar")->type != kg::EntityType::LOCATION);
    CHECK(r.find("Kelmar")->type != kg::EntityType::PERSON);
    CHECK_FALSE(r.has("Jon Bell", "lives_in", "Kelmar"));
    // A place's head keeps the place ("Chief Minister" is a place title, not "chief").
    const auto p = extract("The plan was approved, said Tellburg Chief Minister Tom Vale.");
    REQUIRE(p.find("Tellburg"));
    CHECK(p.find("Tellburg")->type == kg::EntityType::LOCATION);
}

TEST_CASE("mentions: a body's short name in brackets that the model read as a person or place is the body's") {
    const auto r = extract("Seats went to Parti Gemilang Rakyat (Gemilang) eight and others. Gemilang did not win any seats.");
    REQUIRE(r.find("Parti Gemilang Rakyat"));
    CHECK_FALSE(r.find("Gemilang"));
    const auto& aliases = r.find("Parti Gemilang Rakyat")->aliases;
    CHECK(std::find(aliases.begin(), aliases.end(), "Gemilang") != aliases.end());
}

TEST_CASE("mentions: in a sports report a place's name used as a team's is the team, an organization") {
    const std::string report =
        "Kestrel coach Jon Bell was pleased with the 1-0 win over Tellburg in the first leg of the cup quarter-finals. "
        "Striker Tom Vale scored in the 52nd minute at the stadium. Tellburg are fifth in the league standings. "
        "The match was played in Curitiba.";
    const auto r = extract(report);
    REQUIRE(r.find("Tellburg"));
    CHECK(r.find("Tellburg")->type == kg::EntityType::ORGANIZATION);
    REQUIRE(r.find("Curitiba"));  // written as a place ("in Curitiba")
    CHECK(r.find("Curitiba")->type == kg::EntityType::LOCATION);
    // Not outside sports reports: the same sentence shape about a vote keeps the country.
    const auto v = extract("Nordvale won the vote over Brazil. Brazil are unhappy, officials said.");
    REQUIRE(v.find("Brazil"));
    CHECK(v.find("Brazil")->type == kg::EntityType::COUNTRY);
}

TEST_CASE("mentions: a storm named with its kind's word is an event, and goes by its name alone") {
    const auto r = extract("Hurricane Nordia hit the Bahamas on Sunday, and Nordia then moved north toward Florida.");
    REQUIRE(r.find("Hurricane Nordia"));
    CHECK(r.find("Hurricane Nordia")->type == kg::EntityType::EVENT);
    CHECK_FALSE(r.find("Nordia"));
    CHECK(extract("The Kestrel Space Telescope was launched in May.").find("Kestrel Space Telescope")->type == kg::EntityType::PRODUCT);
}

TEST_CASE("mentions: a body's coordinated name right after a dateline keeps its first words") {
    const auto r = extract("TELLBURG: The Fisheries and Food Industry Ministry (FFIM) has clarified that the permit is temporary.");
    CHECK(r.find("Fisheries and Food Industry Ministry"));
    CHECK_FALSE(r.find("Food Industry Ministry"));
}

TEST_CASE("mentions: a cathedral or a mosque is a place") {
    const auto r = extract("Twin bombings struck the Tellburg Cathedral on Sunday, and the Kestrel Grand Mosque was closed.");
    REQUIRE(r.find("Tellburg Cathedral"));
    CHECK(r.find("Tellburg Cathedral")->type == kg::EntityType::LOCATION);
    REQUIRE(r.find("Kestrel Grand Mosque"));
    CHECK(r.find("Kestrel Grand Mosque")->type == kg::EntityType::LOCATION);
}

TEST_CASE("mentions: a name after a noun that never titles a person is no person") {
    const auto r = extract("On Monday, Hungarian daily newspaper Kestrel Nap revealed a deal.");
    REQUIRE(r.find("Kestrel Nap"));
    CHECK(r.find("Kestrel Nap")->type != kg::EntityType::PERSON);
    // An occupation does title a person.
    const auto p = extract("Recently, Finnish video game developer Jon Bell discussed the game.");
    REQUIRE(p.find("Jon Bell"));
    CHECK(p.find("Jon Bell")->type == kg::EntityType::PERSON);
}

TEST_CASE("mentions: an appositive whose noun never titles a person types the name before it") {
    const auto r = extract("He was bond department head at Kestrel Burnham Lambert, an investment bank.");
    REQUIRE(r.find("Kestrel Burnham Lambert"));
    CHECK(r.find("Kestrel Burnham Lambert")->type == kg::EntityType::COMPANY);
    CHECK(extract("Jon Bell, a bank teller, was arrested.").find("Jon Bell")->type == kg::EntityType::PERSON);
}

TEST_CASE("mentions: an honorific read alone is no name") {
    const auto r = extract("TELLBURG: Nordvale logged 2,072 infections as of noon today.  Health director-general Tan Sri Dr Noor "
                           "Hamid Abdullah said of the fresh cases recorded today, 86 were in Categories 3, 4 and 5.");
    CHECK(r.find("Noor Hamid Abdullah"));
    CHECK_FALSE(r.find("Tan Sri"));
}

TEST_CASE("mentions: a plural noun before \"comprise\" or \"namely\" types the list that follows") {
    const auto r = extract("The 10 member companies comprise Kestrel Malaysia, Nordvale Malaysia, Tellburg Industries and Vale Malaysia.");
    REQUIRE(r.find("Kestrel Malaysia"));
    CHECK(r.find("Kestrel Malaysia")->type == kg::EntityType::COMPANY);
    REQUIRE(r.find("Nordvale Malaysia"));
    CHECK(r.find("Nordvale Malaysia")->type == kg::EntityType::COMPANY);
}

TEST_CASE("extract: a body's name goes on after 'for the' through words English often writes in lower case") {
    const auto r = extract("Speaking to reporters, the president of the Nordvale League for the Defence of Human Rights, Jon Bell, said no.");
    CHECK(r.find("Nordvale League for the Defence of Human Rights"));
    CHECK_FALSE(r.find("Nordvale League"));
    // Two names joined by "and" stay two.
    const auto two = extract("The Ministry of Defence and Kestrel Corp. signed the deal.");
    CHECK(two.find("Ministry of Defence"));
}

TEST_CASE("extract: a state representative's place") {
    CHECK(extract("Contenders include Ohio state representative Jon Bell.").has("Jon Bell", "lives_in", "Ohio"));
}

TEST_CASE("extract: a name whose possessive owns a unit is a company, even after 'in'") {
    const auto r = extract("Jon Bell, the executive in Kestrel's cloud computing unit, said sales rose.");
    REQUIRE(r.find("Kestrel"));
    CHECK(r.find("Kestrel")->type == kg::EntityType::COMPANY);
    CHECK(r.has("Jon Bell", "works_for", "Kestrel"));
    // A place the gazetteer knows stays a place.
    const auto place = extract("Troops rested in Konya's army unit.");
    REQUIRE(place.find("Konya"));
    CHECK(place.find("Konya")->type == kg::EntityType::LOCATION);
}
