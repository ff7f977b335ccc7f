package dev.newswire.tagger.link;

import dev.newswire.tagger.Entity;
import dev.newswire.tagger.EntityType;
import dev.newswire.tagger.Mention;
import dev.newswire.tagger.gazetteer.Gazetteer;
import dev.newswire.tagger.text.Token;
import dev.newswire.tagger.text.Tokenizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Coreference and canonical names, on hand-typed mentions so the statistical tagger is not under test. */
class EntityResolverTest {

    private static Gazetteer gazetteer;
    private static EntityResolver resolver;

    @BeforeAll
    static void load() {
        gazetteer = Gazetteer.load();
        resolver = new EntityResolver(gazetteer);
    }

    /** Resolves {@code text} with the listed "type:phrase" mentions (each phrase's every occurrence). */
    private static List<Entity> resolve(String text, String... typedPhrases) {
        return resolve(resolver, text, typedPhrases);
    }

    private static List<Entity> resolve(EntityResolver resolver, String text, String... typedPhrases) {
        List<Token> tokens = Tokenizer.tokenize(text);
        List<RawMention> mentions = new ArrayList<>();
        for (String typed : typedPhrases) {
            EntityType type = EntityType.values()["PER LOC ORG MISC".indexOf(typed.substring(0, typed.indexOf(':'))) / 4];
            String[] words = Tokenizer.tokenize(typed.substring(typed.indexOf(':') + 1)).stream().map(Token::text)
                    .toArray(String[]::new);
            for (int i = 0; i + words.length <= tokens.size(); i++) {
                boolean match = true;
                for (int k = 0; k < words.length && match; k++) {
                    match = tokens.get(i + k).text().equals(words[k]);
                }
                if (match) {
                    int start = tokens.get(i).start();
                    int end = tokens.get(i + words.length - 1).end();
                    mentions.add(new RawMention(type, i, i + words.length, start, end, text.substring(start, end), words));
                }
            }
        }
        mentions.sort((a, b) -> a.start() - b.start());
        return resolver.resolve(text, tokens, mentions);
    }

    private static Entity named(List<Entity> entities, String name) {
        return entities.stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + entities));
    }

    @Test
    void surnameAndPossessiveJoinTheFullName() {
        String text = "Vladimir Putin arrived. Putin's comments followed, and Putin left.";
        List<Entity> entities = resolve(text, "PER:Vladimir Putin", "PER:Putin");
        assertEquals(1, entities.size(), entities.toString());
        Entity putin = entities.get(0);
        assertEquals("Vladimir Putin", putin.name());
        assertEquals(List.of("Vladimir Putin", "Putin", "Putin"), putin.mentions().stream().map(Mention::text).toList());
        assertEquals("wikidata:Q7747", putin.id());
    }

    @Test
    void koreanNamesAreShortenedToTheFamilyNameFirst() {
        String text = "North Korean leader Kim Jong Un met him. Kim's pace quickened.";
        Entity kim = named(resolve(text, "PER:Kim Jong Un", "PER:Kim"), "Kim Jong Un");
        assertEquals(2, kim.mentions().size());
    }

    @Test
    void untaggedRepeatsOfANameAreRecalled() {
        String text = "Aisen Nikolayev spoke. Later Nikolayev said more.";
        Entity e = named(resolve(text, "PER:Aisen Nikolayev"), "Aisen Nikolayev");
        assertEquals(2, e.mentions().size());
        assertNull(e.id(), "no id for people the knowledge base does not list");
    }

    @Test
    void twoPeopleSharingASurnameAreNotMerged() {
        String text = "Kim Jong Un and Kim Yo Jong met.";
        List<Entity> entities = resolve(text, "PER:Kim Jong Un", "PER:Kim Yo Jong");
        assertEquals(2, entities.size());
    }

    @Test
    void demonymsAreNationalitiesThatPointToTheirCountry() {
        String text = "North Korea said North Korean troops and other North Koreans crossed.";
        List<Entity> entities = resolve(text, "LOC:North Korea", "LOC:North Korean", "ORG:North Koreans");
        Entity nk = named(entities, "North Korea");
        assertEquals(EntityType.LOCATION, nk.type());
        assertEquals(List.of("North Korea"), nk.mentions().stream().map(Mention::text).toList());
        assertEquals("iso3166:KP", nk.id());
        Entity people = named(entities, "North Korean");
        assertEquals(EntityType.MISC, people.type(), "a demonym tagged as a place is a nationality");
        assertEquals(List.of("North Korean", "North Koreans"), people.mentions().stream().map(Mention::text).toList());
        assertEquals("KP", people.attributes().get("nationalityOf"));
        assertNull(people.id(), "the people are not the country");
    }

    @Test
    void mistypedNamePartBecomesThePerson() {
        String text = "Vladimir Putin arrived. Both Putin and Moscow deny it.";
        List<Entity> entities = resolve(text, "PER:Vladimir Putin", "LOC:Putin", "LOC:Moscow");
        assertEquals(2, named(entities, "Vladimir Putin").mentions().size());
    }

    @Test
    void oneNameOneTypePerDocument() {
        String text = "Pyongyang said. Pyongyang denied. Pyongyang agreed.";
        List<Entity> entities = resolve(text, "LOC:Pyongyang");
        assertEquals(1, entities.size());
        assertEquals("geonames:1871859", entities.get(0).id());
    }

    @Test
    void organisationAliasesShareOneEntity() {
        String text = "The United Nations met. The UN said so.";
        Entity un = named(resolve(text, "ORG:United Nations", "ORG:UN"), "United Nations");
        assertEquals(2, un.mentions().size());
        assertEquals("wikidata:Q1065", un.id());
    }

    @Test
    void theNorthMeansTheOnlyNorthernCountryTheArticleNames() {
        String text = "North Korea fired. The South said the North denied it. South Korea agreed.";
        List<Entity> entities = resolve(text, "LOC:North Korea", "LOC:South Korea", "LOC:North", "LOC:South");
        assertEquals(2, named(entities, "North Korea").mentions().size());
        assertEquals(2, named(entities, "South Korea").mentions().size());
    }

    @Test
    void theHalvesOfADividedCountryAreRecalledWhenTheTaggerMissesThem() {
        String text = "North Korea fired. The South said the North denied it. South Korea agreed. "
                + "The South Sea is far. The north is cold.";
        List<Entity> entities = resolve(text, "LOC:North Korea", "LOC:South Korea");
        assertEquals(List.of("North Korea", "North"), named(entities, "North Korea").mentions().stream().map(Mention::text).toList());
        assertEquals(List.of("South", "South Korea"), named(entities, "South Korea").mentions().stream().map(Mention::text).toList());
    }

    @Test
    void theSouthTakenForANationalityIsTheCountry() {
        String text = "North Korea drops trash on the South. South Korea protested.";
        List<Entity> entities = resolve(text, "LOC:North Korea", "LOC:South Korea", "MISC:South");
        assertEquals(List.of("South", "South Korea"), named(entities, "South Korea").mentions().stream().map(Mention::text).toList());
        assertTrue(entities.stream().noneMatch(e -> e.type() == EntityType.MISC));
    }

    @Test
    void theSouthIsNoCountryWhenTheArticleNamesOnlyOneHalf() {
        String text = "Voters in the South backed him. South Africa said nothing.";
        List<Entity> entities = resolve(text, "LOC:South Africa");
        assertEquals(1, named(entities, "South Africa").mentions().size());
    }

    @Test
    void wordsAfterACountryAndTrailingLowercaseAreTrimmed() {
        String text = "North Korea State media spoke of the North of it.";
        List<Entity> entities = resolve(text, "LOC:North Korea State");
        Entity nk = named(entities, "North Korea");
        assertEquals(List.of("North Korea"), nk.mentions().stream().map(Mention::text).toList());
    }

    @Test
    void aWholePlaceNameInLowerCaseIsNotTrimmed() {
        // web text; the tagger reads these capitalised (LowercasePlaces) and tags them whole
        String text = "cheap flights from san francisco to bosnia and herzegovina";
        List<Entity> entities = resolve(text, "LOC:san francisco", "LOC:bosnia and herzegovina");
        assertEquals(List.of("san francisco"), named(entities, "San Francisco").mentions().stream().map(Mention::text).toList());
        assertEquals("iso3166:BA", named(entities, "Bosnia and Herzegovina").id());
    }

    @Test
    void washingtonIsTheCapitalUnlessTheTextSaysState() {
        String text = "Washington warned Moscow. Fires hit Washington state.";
        List<Entity> entities = resolve(text, "LOC:Washington", "LOC:Moscow");
        Entity capital = entities.stream().filter(e -> "geonames:4140963".equals(e.id())).findFirst().orElseThrow();
        assertEquals(1, capital.mentions().size());
        Entity state = entities.stream().filter(e -> "ADM1".equals(e.attributes().get("featureType"))).findFirst().orElseThrow();
        assertEquals("Washington State", state.name());
        assertEquals("US", state.attributes().get("countryCode"));
    }

    @Test
    void aBareWellKnownSurnameLinksOnlyWhenNoLongerNameClaimsIt() {
        Entity alone = named(resolve("Biden spoke.", "PER:Biden"), "Joe Biden");
        assertEquals("wikidata:Q6279", alone.id());
        List<Entity> family = resolve("Hunter Biden spoke. Biden left.", "PER:Hunter Biden", "PER:Biden");
        assertEquals(1, family.size());
        assertEquals("Hunter Biden", family.get(0).name());
        assertNull(family.get(0).id());
    }

    @Test
    void acronymsJoinTheOrganisationTheySpell() {
        String text = "The National Security Council met. The NSC said the Federal Reserve and the Fed agreed.";
        List<Entity> entities = resolve(text, "ORG:National Security Council", "ORG:NSC", "ORG:Federal Reserve", "ORG:Fed");
        assertEquals(2, named(entities, "National Security Council").mentions().size());
        assertEquals(1, named(entities, "Federal Reserve").mentions().size(), "only initials join, not clippings");
    }

    /** Name lists that know a few names, as the shipped ones do. */
    private static final NameEvidence LISTS = new NameEvidence() {
        @Override
        public boolean isListedOrganisation(String[] words) {
            return String.join(" ", words).equals("BASF");
        }

        @Override
        public boolean isListedNationality(String[] words) {
            return String.join(" ", words).equals("Koreans");
        }

        @Override
        public boolean isWellKnownName(String[] words) {
            return isListedOrganisation(words) || isListedNationality(words);
        }
    };

    @Test
    void aLeadingDeterminerIsNotPartOfAPlace() {
        String text = "North Korea fired. The South said so. South Korea agreed.";
        List<Entity> entities = resolve(text, "LOC:North Korea", "LOC:South Korea", "LOC:The South");
        assertEquals(List.of("South", "South Korea"), named(entities, "South Korea").mentions().stream().map(Mention::text).toList());
        assertTrue(entities.stream().noneMatch(e -> e.name().startsWith("The")), entities.toString());
    }

    @Test
    void anAcronymAfterTheNameIsAnAlias() {
        String text = "Russia's veto at the United Nations UN sanctions ended.";
        List<Entity> entities = resolve(text, "ORG:United Nations UN");
        Entity un = named(entities, "United Nations");
        assertEquals(List.of("United Nations", "UN"), un.mentions().stream().map(Mention::text).toList());
        assertEquals(1, entities.size(), entities.toString());
    }

    @Test
    void aNameTheListsAndTheModelCallAnOrganisationIsNotAPlace() {
        String text = "BASF said it would cut output. The river at Ludwigshafen, where BASF has its plant, is low.";
        List<Token> tokens = Tokenizer.tokenize(text);
        EntityResolver withLists = new EntityResolver(gazetteer, LISTS, ResolverData.load());
        // the model read the first BASF as an organisation and the second as a place
        List<Entity> entities = withLists.resolve(text, tokens, List.of(
                single(text, tokens, EntityType.ORGANIZATION, 0), single(text, tokens, EntityType.LOCATION, 13)));
        Entity basf = named(entities, "BASF");
        assertEquals(EntityType.ORGANIZATION, basf.type());
        assertEquals(2, basf.mentions().size());
        List<Entity> unlisted = resolver.resolve(text, tokens, List.of(
                single(text, tokens, EntityType.LOCATION, 0), single(text, tokens, EntityType.LOCATION, 13)));
        assertEquals(EntityType.LOCATION, named(unlisted, "BASF").type(), "without an organisation vote the model's type stands");
    }

    @Test
    void aWellKnownPlaceReadAsOnceIsAPlaceThroughout() {
        String text = "Edmonton needs to eat its vegetables. Edmonton received a B ranking. Calgary and Edmonton lead.";
        List<Token> tokens = Tokenizer.tokenize(text);
        // the model read two Edmontons as a (sports) organisation and one as a place
        List<Entity> entities = resolver.resolve(text, tokens, List.of(single(text, tokens, EntityType.ORGANIZATION, 0),
                single(text, tokens, EntityType.ORGANIZATION, 7), single(text, tokens, EntityType.LOCATION, 15),
                single(text, tokens, EntityType.LOCATION, 13)));
        Entity edmonton = named(entities, "Edmonton");
        assertEquals(EntityType.LOCATION, edmonton.type());
        assertEquals(3, edmonton.mentions().size());
        String small = "Gostkow lost. Gostkow won. Gostkow is near Lodz.";
        List<Token> smallTokens = Tokenizer.tokenize(small);
        List<Entity> unknown = resolver.resolve(small, smallTokens, List.of(single(small, smallTokens, EntityType.ORGANIZATION, 0),
                single(small, smallTokens, EntityType.ORGANIZATION, 3), single(small, smallTokens, EntityType.LOCATION, 6)));
        assertEquals(EntityType.ORGANIZATION, named(unknown, "Gostkow").type(),
                "a name no table knows as a well-known place keeps the majority type: " + unknown);
    }

    @Test
    void aWellKnownPlaceInsideAnOrganisationsNameIsAPlaceMentionToo() {
        String text = "The Kentucky State Police and the Conference Board of Canada spoke. Environment Canada and "
                + "the Golden Eagles Club agreed.";
        List<Entity> entities = resolve(text, "ORG:Kentucky State Police", "ORG:Conference Board of Canada",
                "ORG:Environment Canada", "ORG:Golden Eagles Club");
        assertEquals(List.of("Kentucky"), named(entities, "Kentucky").mentions().stream().map(Mention::text).toList());
        assertEquals(EntityType.LOCATION, named(entities, "Kentucky").type());
        assertEquals(List.of("Canada", "Canada"), named(entities, "Canada").mentions().stream().map(Mention::text).toList());
        assertEquals(text.indexOf("Canada"), named(entities, "Canada").mentions().get(0).start());
        assertEquals(1, named(entities, "Kentucky State Police").mentions().size(), "the organisation keeps its mention");
        assertTrue(entities.stream().noneMatch(e -> e.type() == EntityType.LOCATION && e.name().startsWith("Golden")),
                "no well-known place in the club's name: " + entities);
        String office = "The opening of a FrontCounter BC office in Nelson is great news.";
        List<Entity> bc = resolve(office, "ORG:FrontCounter BC");
        assertEquals("British Columbia", bc.stream().filter(e -> e.type() == EntityType.LOCATION).findFirst()
                .orElseThrow(() -> new AssertionError("no place in " + bc)).name(), "a division's abbreviation last: " + bc);
    }

    @Test
    void aDivisionOfTwoOrMoreWordsIsAPlaceNotAnOrganisation() {
        String text = "Orange County has an especially bad case. The Orange County Register said so.";
        List<Entity> entities = resolve(text, "ORG:Orange County", "ORG:Orange County Register");
        Entity county = named(entities, "Orange County");
        assertEquals(EntityType.LOCATION, county.type(), entities.toString());
        assertEquals(2, county.mentions().size(), "the county, and the county inside the newspaper's name: " + entities);
        assertEquals(EntityType.ORGANIZATION, named(entities, "Orange County Register").type());
        assertTrue(entities.stream().noneMatch(e -> e.name().equals("Orange")), "not the city inside the county: " + entities);
    }

    @Test
    void anUnlistedNameBeforeANounForAMadeThingIsAProductNotAnOrganisation() {
        String text = "Putin sent Kim an Auras Senate limousine, and BASF trucks carried the rest. The Auras Senate is fast.";
        EntityResolver withLists = new EntityResolver(gazetteer, LISTS, ResolverData.load());
        List<Entity> entities = resolve(withLists, text, "ORG:Auras Senate", "ORG:BASF");
        assertEquals(EntityType.MISC, named(entities, "Auras Senate").type(), "a car, not an organisation: " + entities);
        assertEquals(2, named(entities, "Auras Senate").mentions().size(), "one type per name per document");
        assertEquals(EntityType.ORGANIZATION, named(entities, "BASF").type(), "a listed company before its trucks stays a company");
        List<Entity> noNoun = resolve(withLists, "The Auras Senate met on Monday.", "ORG:Auras Senate");
        assertEquals(EntityType.ORGANIZATION, named(noNoun, "Auras Senate").type(), "without the noun the model's type stands");
    }

    /** A one-token mention of token {@code t}. */
    private static RawMention single(String text, List<Token> tokens, EntityType type, int t) {
        Token token = tokens.get(t);
        return new RawMention(type, t, t + 1, token.start(), token.end(), token.text(), new String[]{token.text()});
    }

    @Test
    void aListedNationalityIsNotAnOrganisation() {
        String text = "The Koreans have engaged in psychological warfare.";
        EntityResolver withLists = new EntityResolver(gazetteer, LISTS, ResolverData.load());
        Entity koreans = named(resolve(withLists, text, "ORG:Koreans"), "Koreans");
        assertEquals(EntityType.MISC, koreans.type());
    }

    @Test
    void anOrdinaryWordCapitalisedOnceIsNotAName() {
        String text = "Troops crossed over Land border on Tuesday, planting land mines.";
        assertEquals(List.of(), resolve(text, "LOC:Land"));
        String named = "Land said the mines were old. Land knows land mines.";
        assertEquals(1, resolve(named, "PER:Land").size(), "a word capitalised twice is a name");
    }

    @Test
    void twoWellKnownPlacesSideBySideAreTwoPlaces() {
        String text = "Flights to Paris Seoul and Tokyo.";
        List<Entity> entities = resolve(text, "LOC:Paris Seoul", "LOC:Tokyo");
        assertEquals(List.of("Paris", "Seoul", "Tokyo"), entities.stream().map(Entity::name).sorted().toList());
        assertEquals(1, resolve("Visit Salt Lake City now.", "LOC:Salt Lake City").size(), "a place name stays whole");
    }

    @Test
    void aRegionAbbreviationAfterAPlaceIsAPlaceAndPlacesCarryWhereAndWhatTheyAre() {
        // the tagger missed "Ky." in the dateline: it becomes a place, and Edmonton is Kentucky's
        List<Entity> entities = resolve("EDMONTON, Ky. (WBKO) -- One man is dead.", "LOC:EDMONTON");
        Entity kentucky = named(entities, "Kentucky");
        assertEquals(List.of("Ky."), kentucky.mentions().stream().map(Mention::text).toList());
        assertEquals("ADM1", kentucky.attributes().get("featureType"));
        Entity edmonton = named(entities, "Edmonton");
        assertEquals("KY", edmonton.attributes().get("admin1"), edmonton.toString());
        assertEquals("P", edmonton.attributes().get("featureClass"));
        assertEquals(36.98, (Double) edmonton.attributes().get("lat"), 0.1);
        // written without the period by the tagger's tokens, the mention takes it
        Entity ky = named(resolve("GLASGOW, Ky. (WBKO) -- A crash.", "LOC:GLASGOW", "LOC:Ky"), "Kentucky");
        assertEquals(List.of("Ky."), ky.mentions().stream().map(Mention::text).toList());
        // a country carries its position and GeoNames id
        Entity egypt = named(resolve("Egypt said so.", "LOC:Egypt"), "Egypt");
        assertEquals(357994L, egypt.attributes().get("geonamesId"));
        assertEquals(26.5, (Double) egypt.attributes().get("lat"), 2.0);
    }
}
