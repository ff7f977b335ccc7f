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
        List<Token> tokens = Tokenizer.tokenize(text);
        List<RawMention> mentions = new ArrayList<>();
        for (String typed : typedPhrases) {
            int type = "PER LOC ORG MISC".indexOf(typed.substring(0, typed.indexOf(':'))) / 4;
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
    void demonymsJoinTheirCountry() {
        String text = "North Korea said North Korean troops crossed.";
        Entity nk = named(resolve(text, "LOC:North Korea", "MISC:North Korean"), "North Korea");
        assertEquals(EntityType.LOCATION, nk.type());
        assertEquals(2, nk.mentions().size());
        assertEquals("iso3166:KP", nk.id());
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
}
