package dev.newswire.tagger.link;

import dev.newswire.tagger.EntityType;
import dev.newswire.tagger.gazetteer.Country;
import dev.newswire.tagger.gazetteer.Gazetteer;
import dev.newswire.tagger.gazetteer.Place;
import dev.newswire.tagger.text.Token;

import java.util.List;
import java.util.Set;

/**
 * The places pass: each place mention is linked by the {@link PlaceLinker}, and mentions of one place form
 * one entity. "Washington state" takes the state reading; "the North" in an article naming North Korea (and
 * no other "North ..." country) is North Korea; a capital named as an actor ("Pyongyang supplies Moscow",
 * "ties between Moscow and Pyongyang") is marked as standing for its government, its mention staying with
 * the city.
 */
final class PlaceResolver {

    private final Gazetteer gazetteer;
    private final PlaceLinker linker;
    private final Nationalities nationalities;
    private final Set<String> governmentVerbs;

    PlaceResolver(Gazetteer gazetteer, Nationalities nationalities, ResolverData data) {
        this.gazetteer = gazetteer;
        this.linker = new PlaceLinker(gazetteer);
        this.nationalities = nationalities;
        this.governmentVerbs = data.governmentVerbs();
    }

    void resolve(RawMention m, List<Token> tokens, Set<String> articleCountries, Clusters clusters) {
        Place linked = null;
        if (followedByState(m, tokens)) {
            linked = linker.link(m.text() + " state", articleCountries);
        }
        if (linked == null) {
            linked = linker.link(m.text(), articleCountries);
        }
        Place place = linked != null ? linked : countryByShorthand(m.text(), articleCountries);
        Cluster cluster;
        if (place != null) {
            String key = place.id() != null ? place.id() : Gazetteer.key(place.name());
            cluster = clusters.getOrCreate(EntityType.LOCATION, key, () -> new Cluster(EntityType.LOCATION, displayName(place), place.id()));
            cluster.place = place;
            if (actsAsGovernment(m, tokens) && "PPLC".equals(place.featureType())) {
                cluster.governmentMentions++;
            }
        } else {
            cluster = clusters.getOrCreate(EntityType.LOCATION, Gazetteer.key(m.text()),
                    () -> new Cluster(EntityType.LOCATION, m.text(), null));
        }
        cluster.add(m);
    }

    /** The countries the article names, or names a people of ("North Korean"), by their ISO codes. */
    Set<String> countriesNamed(List<RawMention> mentions) {
        Set<String> codes = new java.util.HashSet<>();
        for (RawMention m : mentions) {
            Country c = m.type() == EntityType.LOCATION ? gazetteer.countryByName(m.text())
                    : m.type() == EntityType.MISC ? nationalities.country(m.text()) : null;
            if (c != null) {
                codes.add(c.iso2());
            }
        }
        return codes;
    }

    /**
     * A capital named as an actor: followed by a government verb, possibly after "and" another name ("Both
     * Pyongyang and Moscow deny"), or one side of "between X and Y" (ties between states).
     */
    boolean actsAsGovernment(RawMention m, List<Token> tokens) {
        int next = m.tokenEnd();
        if (word(tokens, next).equals("and") && isCapitalisedWord(word(tokens, next + 1))) {
            next += 2;
        }
        if (governmentVerbs.contains(word(tokens, next))) {
            return true;
        }
        int start = m.tokenStart();
        boolean firstOfPair = word(tokens, start - 1).equals("between") && word(tokens, m.tokenEnd()).equals("and");
        boolean secondOfPair = word(tokens, start - 1).equals("and") && word(tokens, start - 3).equals("between");
        return firstOfPair || secondOfPair;
    }

    private static String word(List<Token> tokens, int i) {
        return i >= 0 && i < tokens.size() ? tokens.get(i).text() : "";
    }

    private static boolean isCapitalisedWord(String w) {
        return w.length() > 1 && Character.isUpperCase(w.charAt(0));
    }

    /** "Washington state": the word after the name picks the state reading of a city-or-state name. */
    private static boolean followedByState(RawMention m, List<Token> tokens) {
        return m.tokenEnd() < tokens.size() && tokens.get(m.tokenEnd()).text().equalsIgnoreCase("state");
    }

    /** A bare first word of exactly one country the article names stands for that country ("the North"). */
    private Place countryByShorthand(String word, Set<String> articleCountries) {
        if (word.indexOf(' ') >= 0) {
            return null;
        }
        Place found = null;
        for (String iso : articleCountries) {
            Country c = gazetteer.countryByIso(iso);
            if (c != null && c.place().name().startsWith(word + " ")) {
                if (found != null) {
                    return null;
                }
                found = c.place();
            }
        }
        return found;
    }

    /** "Washington, D.C." is called "Washington" in running text. */
    private static String displayName(Place place) {
        int comma = place.name().indexOf(',');
        return place.isCity() && comma > 0 ? place.name().substring(0, comma) : place.name();
    }
}
