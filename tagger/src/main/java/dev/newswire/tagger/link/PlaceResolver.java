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

    PlaceResolver(Gazetteer gazetteer, Nationalities nationalities, ResolverData data, PlaceWeights weights) {
        this.gazetteer = gazetteer;
        this.linker = new PlaceLinker(gazetteer, weights);
        this.nationalities = nationalities;
        this.governmentVerbs = data.governmentVerbs();
    }

    /** The linker, whose candidates (gazetteer and linking table) say what a name can be. */
    PlaceLinker linker() {
        return linker;
    }

    /**
     * Region abbreviations after a place and a comma ("EDMONTON, Ky. (WBKO)", "Austin, TX"): a place mention
     * written without the abbreviation's period ("Ky") takes it, and an abbreviation the tagger missed
     * becomes a place mention. Mentions come back in text order.
     */
    List<RawMention> withRegionAbbreviations(String text, List<Token> tokens, List<RawMention> mentions) {
        java.util.BitSet covered = new java.util.BitSet(tokens.size());
        for (RawMention m : mentions) {
            covered.set(m.tokenStart(), m.tokenEnd());
        }
        List<RawMention> out = new java.util.ArrayList<>(mentions.size() + 2);
        List<RawMention> added = new java.util.ArrayList<>();
        for (RawMention m : mentions) {
            if (m.type() == EntityType.LOCATION && m.tokenEnd() == m.tokenStart() + 1 && m.tokenStart() > 0
                    && ",".equals(tokens.get(m.tokenStart() - 1).text()) && m.tokenEnd() < tokens.size()
                    && ".".equals(tokens.get(m.tokenEnd()).text()) && tokens.get(m.tokenEnd()).start() == m.end()
                    && gazetteer.regionByAbbreviation(m.text() + ".") != null) {
                Token dot = tokens.get(m.tokenEnd());
                out.add(new RawMention(m.type(), m.tokenStart(), m.tokenEnd() + 1, m.start(), dot.end(),
                        text.substring(m.start(), dot.end()), new String[]{m.text() + "."}));
                covered.set(m.tokenEnd());
                continue;
            }
            out.add(m);
            if (m.type() != EntityType.LOCATION || m.tokenEnd() + 1 >= tokens.size() || !",".equals(tokens.get(m.tokenEnd()).text())) {
                continue;
            }
            int k = m.tokenEnd() + 1;
            if (covered.get(k)) {
                continue;
            }
            Token t = tokens.get(k);
            boolean dotted = k + 1 < tokens.size() && ".".equals(tokens.get(k + 1).text()) && tokens.get(k + 1).start() == t.end();
            String form = dotted ? t.text() + "." : t.text();
            boolean postal = !dotted && t.text().length() == 2 && Character.isUpperCase(t.text().charAt(0))
                    && Character.isUpperCase(t.text().charAt(1));
            if ((dotted || postal || t.text().endsWith(".")) && gazetteer.regionByAbbreviation(form) != null) {
                int end = dotted ? tokens.get(k + 1).end() : t.end();
                added.add(new RawMention(EntityType.LOCATION, k, dotted ? k + 2 : k + 1, t.start(), end,
                        text.substring(t.start(), end), new String[]{form}));
                covered.set(k, dotted ? k + 2 : k + 1);
            }
        }
        if (!added.isEmpty()) {
            out.addAll(added);
            out.sort(java.util.Comparator.comparingInt(RawMention::start));
        }
        return out;
    }

    /** The reading of each place mention, decided for the whole article at once ({@link PlaceLinker}). */
    java.util.Map<RawMention, Place> link(List<RawMention> mentions, List<Token> tokens, Set<String> articleCountries,
                                          String host) {
        List<PlaceLinker.PlaceName> names = new java.util.ArrayList<>();
        List<RawMention> places = new java.util.ArrayList<>();
        for (RawMention m : mentions) {
            if (m.type() != EntityType.LOCATION) {
                continue;
            }
            String name = m.text();
            if (followedByState(m, tokens) && !linker.candidates(name + " state").isEmpty()) {
                name = name + " state"; // "Washington state" takes the state reading
            }
            names.add(new PlaceLinker.PlaceName(name, m.tokenStart(), m.tokenEnd()));
            places.add(m);
        }
        List<Place> readings = linker.resolve(names, tokens, articleCountries, host);
        java.util.Map<RawMention, Place> out = new java.util.IdentityHashMap<>();
        for (int i = 0; i < places.size(); i++) {
            out.put(places.get(i), readings.get(i));
        }
        return out;
    }

    void resolve(RawMention m, Place linked, List<Token> tokens, Set<String> articleCountries, Clusters clusters) {
        Place shorthand = countryByShorthand(m.text(), articleCountries);
        Place place = shorthand != null ? shorthand : linked; // "the North" in an article naming North Korea
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
