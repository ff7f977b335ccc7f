package dev.newswire.tagger.ner;

import dev.newswire.tagger.gazetteer.Gazetteer;
import dev.newswire.tagger.gazetteer.KnownEntity;
import dev.newswire.tagger.gazetteer.Place;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Word and phrase lists the sequence tagger uses as features (never as decisions): gazetteer phrases by
 * class, person names, organisation keywords and titles. A token's membership is a hint the model weighs
 * against everything else it sees.
 */
public final class Lexicon {

    /** Phrase class bit: a country name or alias. */
    public static final int COUNTRY = 1;
    /** Phrase class bit: a city of at least 100,000 people. */
    public static final int BIG_CITY = 1 << 1;
    /** Phrase class bit: a smaller populated place. */
    public static final int CITY = 1 << 2;
    /** Phrase class bit: a region, state, sea or other non-city place. */
    public static final int REGION = 1 << 3;
    /** Phrase class bit: a demonym ("North Korean"). */
    public static final int DEMONYM = 1 << 4;
    /** Phrase class bit: the full name or a multi-word alias of a known person. */
    public static final int KNOWN_PERSON = 1 << 5;
    /** Phrase class bit: a known organisation or its alias. */
    public static final int KNOWN_ORG = 1 << 6;
    /** Number of phrase class bits. */
    public static final int PHRASE_CLASSES = 7;
    /** Longest phrase looked up, in tokens. */
    public static final int MAX_PHRASE_TOKENS = 5;

    private static final long BIG_CITY_POPULATION = 100_000;
    private static final String BASE = "/dev/newswire/tagger/lexicon/";

    private final Map<String, Integer> phraseClasses;
    private final Set<String> personNames;
    private final Set<String> orgKeywords;
    private final Set<String> titles;
    private final LowercasePlaces lowercasePlaces;

    private Lexicon(Map<String, Integer> phraseClasses, Set<String> personNames, Set<String> orgKeywords, Set<String> titles,
                    Set<String> placeFirstWords, Set<String> commonPlaceWords) {
        this.phraseClasses = phraseClasses;
        this.personNames = personNames;
        this.orgKeywords = orgKeywords;
        this.titles = titles;
        this.lowercasePlaces = new LowercasePlaces(phraseClasses, placeFirstWords, commonPlaceWords);
    }

    /**
     * The classpath word lists: person names, organisation keywords, titles. Independent of the gazetteer,
     * so they can be read while it loads.
     *
     * @param personNames given and family names
     * @param orgKeywords words that end or head organisation names
     * @param titles      words that precede a person's name
     * @param commonPlaceWords ordinary English words that also occur in place names ("nice", "mobile")
     * @param organisations well-known companies, bands, teams and institutions, lower case
     */
    public record WordLists(Set<String> personNames, Set<String> orgKeywords, Set<String> titles,
                            Set<String> commonPlaceWords, Set<String> organisations) {
        /** Reads the lists from the classpath. */
        public static WordLists read() {
            return new WordLists(readWords("person-names.txt.gz"), readWords("org-keywords.txt"), readWords("titles.txt"),
                    readWords("common-place-words.txt.gz"), readWords("organisations.txt"));
        }
    }

    /** Builds the lexicon from the gazetteer and the word lists on the classpath. */
    public static Lexicon load(Gazetteer gazetteer) {
        return load(gazetteer, WordLists.read());
    }

    /** Builds the lexicon from the gazetteer and already read word lists. */
    public static Lexicon load(Gazetteer gazetteer, WordLists words) {
        Map<String, Integer> classes = new HashMap<>(gazetteer.placeNames().size() * 2);
        Set<String> placeFirstWords = new HashSet<>();
        for (Map.Entry<String, List<Place>> e : gazetteer.placeNames().entrySet()) {
            int mask = 0;
            for (Place p : e.getValue()) {
                if (p.isCountry()) {
                    mask |= COUNTRY;
                } else if (p.isCity()) {
                    mask |= p.population() >= BIG_CITY_POPULATION ? BIG_CITY : CITY;
                } else {
                    mask |= REGION;
                }
            }
            classes.merge(e.getKey(), mask, (a, b) -> a | b);
            if (LowercasePlaces.isRestorable(mask)) {
                int space = e.getKey().indexOf(' ');
                placeFirstWords.add(space < 0 ? e.getKey() : e.getKey().substring(0, space));
            }
        }
        gazetteer.demonyms().keySet().forEach(k -> classes.merge(k, DEMONYM, (a, b) -> a | b));
        for (Map.Entry<String, KnownEntity> e : gazetteer.knownEntities().entrySet()) {
            boolean person = e.getValue().type() == dev.newswire.tagger.EntityType.PERSON;
            if (person && e.getKey().indexOf(' ') < 0) {
                continue; // a bare surname ("Biden") is a linking alias, too ambiguous to hint "person" here
            }
            classes.merge(e.getKey(), person ? KNOWN_PERSON : KNOWN_ORG, (a, b) -> a | b);
        }
        for (String organisation : words.organisations()) {
            classes.merge(Gazetteer.key(organisation), KNOWN_ORG, (a, b) -> a | b);
        }
        return new Lexicon(classes, words.personNames(), words.orgKeywords(), words.titles(), placeFirstWords,
                words.commonPlaceWords());
    }

    /** Class bits of a phrase given as a {@link Gazetteer#key} , 0 if unknown. */
    public int phraseClasses(String key) {
        Integer c = phraseClasses.get(key);
        return c == null ? 0 : c;
    }

    /** The words with place names written in lower case capitalised, see {@link LowercasePlaces}. */
    public String[] restoreLowercasePlaces(String[] words) {
        return lowercasePlaces.restore(words);
    }

    /** A capitalised word listed as a given or family name. */
    public boolean isPersonName(String word) {
        return personNames.contains(word);
    }

    /** A word that ends or heads organisation names ("Council", "Inc."). */
    public boolean isOrgKeyword(String word) {
        return orgKeywords.contains(word);
    }

    /** A word that precedes a person's name ("Mr.", "President"). */
    public boolean isTitle(String word) {
        return titles.contains(word);
    }

    /**
     * A word list of the classpath's {@code lexicon/} folder: one entry a line, {@code #} comments and blank
     * lines skipped, gzip if the name ends in {@code .gz}.
     */
    public static Set<String> readWords(String resource) {
        Set<String> words = new HashSet<>();
        try (InputStream raw = Lexicon.class.getResourceAsStream(BASE + resource)) {
            if (raw == null) {
                throw new IllegalStateException("missing classpath resource " + BASE + resource);
            }
            InputStream in = resource.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    words.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }
}
