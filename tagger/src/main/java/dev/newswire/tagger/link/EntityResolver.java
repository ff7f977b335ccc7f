package dev.newswire.tagger.link;

import dev.newswire.tagger.Entity;
import dev.newswire.tagger.Mention;
import dev.newswire.tagger.gazetteer.Country;
import dev.newswire.tagger.gazetteer.Gazetteer;
import dev.newswire.tagger.gazetteer.KnownEntity;
import dev.newswire.tagger.gazetteer.Place;
import dev.newswire.tagger.ner.Label;
import dev.newswire.tagger.text.Token;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns typed mentions into entities: one per real-world thing in the document, with a canonical name, all
 * its mentions, a salience and ids where known. The steps, in order:
 * <ol>
 *   <li>correct types the gazetteer is sure of (a demonym is its country, a known person is a person);</li>
 *   <li>people: the longest name comes first and shorter mentions join the person whose name they start or
 *       end ("Putin" → Vladimir Putin, "Kim" → Kim Jong Un);</li>
 *   <li>places: each mention is linked to a gazetteer place, mentions of one place form one entity;</li>
 *   <li>organisations and others: grouped by known alias or by name, shorter names join a longer name they
 *       end ("Security Council" → UN Security Council);</li>
 *   <li>recall: capitalised tokens elsewhere in the text that repeat a resolved name become mentions too.</li>
 * </ol>
 */
public final class EntityResolver {

    private static final int PER = 0;
    private static final int LOC = 1;
    private static final int ORG = 2;
    private static final int MISC = 3;
    /** Names this short are too ambiguous to be matched again elsewhere in the text on their own. */
    private static final int MIN_RECALL_NAME_LENGTH = 3;

    private final Gazetteer gazetteer;
    private final PlaceLinker placeLinker;

    /** A resolver over this gazetteer. */
    public EntityResolver(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        this.placeLinker = new PlaceLinker(gazetteer);
    }

    /** Resolves the mentions of {@code text} (tokens as tokenized) into entities, most salient first. */
    public List<Entity> resolve(String text, List<Token> tokens, List<RawMention> mentions) {
        List<RawMention> typed = new ArrayList<>(mentions.size());
        for (RawMention m : mentions) {
            typed.add(correctType(trim(m, text, tokens)));
        }
        typed = majorityTypes(typed);
        Map<String, Cluster> clusters = new LinkedHashMap<>();
        resolvePeople(typed, clusters);
        typed = joinNamePartsToPeople(typed, clusters);
        Set<String> articleCountries = countriesNamed(typed);
        for (RawMention m : typed) {
            if (m.type() == PER) {
                continue;
            }
            if (m.type() == LOC || m.type() == MISC && gazetteer.countryByDemonym(m.text()) != null) {
                resolvePlace(m, followedByState(m, tokens), actsAsGovernment(m, tokens), articleCountries, clusters);
            } else {
                resolveOther(m, clusters);
            }
        }
        recallRepeatedNames(tokens, clusters);
        return toEntities(text, clusters);
    }

    /**
     * One name, one type per document: when the same text was tagged with different types, the type most of
     * its mentions got wins ("Pyongyang" tagged LOC five times and PER twice is a place).
     */
    private static List<RawMention> majorityTypes(List<RawMention> mentions) {
        Map<String, int[]> votes = new HashMap<>();
        for (RawMention m : mentions) {
            votes.computeIfAbsent(m.text(), k -> new int[4])[m.type()]++;
        }
        List<RawMention> out = new ArrayList<>(mentions.size());
        for (RawMention m : mentions) {
            int[] v = votes.get(m.text());
            int best = m.type();
            for (int t = 0; t < 4; t++) {
                if (v[t] > v[best]) {
                    best = t;
                }
            }
            out.add(best == m.type() ? m : m.withType(best));
        }
        return out;
    }

    /**
     * Trims what cannot end a name: trailing lower-case words ("North of"), and for places, capitalised words
     * after a complete country name that machine translation left behind ("North Korea State media"). A whole
     * place name written in lower case ("san francisco", which the tagger reads capitalised) is kept.
     */
    private RawMention trim(RawMention m, String text, List<Token> tokens) {
        int end = m.words().length;
        boolean wholePlaceName = gazetteer.countryByName(m.text()) != null || !gazetteer.places(m.text()).isEmpty();
        while (end > 1 && !wholePlaceName && Character.isLowerCase(m.words()[end - 1].charAt(0))) {
            end--;
        }
        if (m.type() == LOC && gazetteer.places(m.text()).isEmpty()) {
            for (int k = end - 1; k >= 1; k--) {
                if (gazetteer.countryByName(String.join(" ", java.util.Arrays.copyOf(m.words(), k))) != null) {
                    end = k;
                    break;
                }
            }
        }
        if (end == m.words().length) {
            return m;
        }
        int first = m.tokenStart();
        int last = first + end;
        int charEnd = tokens.get(last - 1).end();
        return new RawMention(m.type(), first, last, m.start(), charEnd, text.substring(m.start(), charEnd),
                java.util.Arrays.copyOf(m.words(), end));
    }

    /** Type fixes the gazetteer is certain about; the statistical tagger is right about everything else. */
    private RawMention correctType(RawMention m) {
        KnownEntity known = gazetteer.known(m.text());
        if (known != null) {
            return m.withType(Label.typeOf(known.type()));
        }
        if (m.type() != MISC && gazetteer.countryByDemonym(m.text()) != null && gazetteer.countryByName(m.text()) == null) {
            return m.withType(MISC);
        }
        return m;
    }

    private void resolvePeople(List<RawMention> mentions, Map<String, Cluster> clusters) {
        List<RawMention> people = new ArrayList<>();
        for (RawMention m : mentions) {
            if (m.type() == PER) {
                people.add(m);
            }
        }
        // Longest names first, so "Vladimir Putin" exists before "Putin" looks for it.
        people.sort(Comparator.comparingInt((RawMention m) -> -m.words().length).thenComparingInt(RawMention::start));
        List<Cluster> persons = new ArrayList<>();
        for (RawMention m : people) {
            Cluster target = null;
            for (Cluster c : persons) {
                if (isNamePart(m.words(), c.nameWords)) {
                    target = c;
                    break;
                }
            }
            if (target == null) {
                KnownEntity known = gazetteer.known(m.text());
                String name = known != null ? known.name() : m.text();
                target = new Cluster(PER, name, known != null && known.wikidata() != null ? "wikidata:" + known.wikidata() : null);
                persons.add(target);
                clusters.put("PER:" + Gazetteer.key(name) + ":" + clusters.size(), target);
            }
            target.add(m);
        }
    }

    /**
     * A mention the tagger typed otherwise but which repeats part of a person's name ("Putin" tagged as a
     * place once) is that person, unless the gazetteer knows the words as a place or organisation.
     */
    private List<RawMention> joinNamePartsToPeople(List<RawMention> mentions, Map<String, Cluster> clusters) {
        List<RawMention> rest = new ArrayList<>(mentions.size());
        for (RawMention m : mentions) {
            Cluster person = null;
            if (m.type() != PER && !gazetteer.isPlaceName(m.text()) && gazetteer.known(m.text()) == null
                    && gazetteer.countryByDemonym(m.text()) == null) {
                for (Cluster c : clusters.values()) {
                    if (c.type == PER && c.nameWords.length > m.words().length && isNamePart(m.words(), c.nameWords)) {
                        person = c;
                        break;
                    }
                }
            }
            if (person != null) {
                person.add(m.withType(PER));
            } else {
                rest.add(m);
            }
        }
        return rest;
    }

    /** "Putin" is part of "Vladimir Putin": a contiguous run of its words that starts or ends it. */
    static boolean isNamePart(String[] words, String[] name) {
        if (words.length > name.length) {
            return false;
        }
        return matchesAt(words, name, 0) || matchesAt(words, name, name.length - words.length);
    }

    private static boolean matchesAt(String[] words, String[] name, int offset) {
        for (int i = 0; i < words.length; i++) {
            if (!Gazetteer.key(words[i]).equals(Gazetteer.key(name[offset + i]))) {
                return false;
            }
        }
        return true;
    }

    private Set<String> countriesNamed(List<RawMention> mentions) {
        Set<String> codes = new HashSet<>();
        for (RawMention m : mentions) {
            Country c = m.type() == LOC ? gazetteer.countryByName(m.text()) : null;
            if (c == null && m.type() == MISC) {
                c = gazetteer.countryByDemonym(m.text());
            }
            if (c != null) {
                codes.add(c.iso2());
            }
        }
        return codes;
    }

    /** Verbs that, right after a capital's name, make it the government acting ("Moscow denies"). */
    private static final Set<String> GOVERNMENT_VERBS = Set.of("said", "says", "say", "denied", "denies", "deny",
            "supplies", "supplied", "supply", "accused", "accuses", "accuse", "warned", "warns", "warn", "wants",
            "want", "has", "have", "is", "are", "will", "would", "could", "rejected", "rejects", "agreed", "agrees",
            "demanded", "demands", "threatened", "threatens", "announced", "announces", "sent", "sends", "responded",
            "insists", "insisted", "condemned", "condemns", "sanctioned", "vowed", "vows", "claims", "claimed");

    /**
     * A capital named as an actor: followed by a government verb, possibly after "and" another name ("Both
     * Pyongyang and Moscow deny"), or one side of "between X and Y" (ties between states).
     */
    static boolean actsAsGovernment(RawMention m, List<Token> tokens) {
        int next = m.tokenEnd();
        if (word(tokens, next).equals("and") && isCapitalisedWord(word(tokens, next + 1))) {
            next += 2;
        }
        if (GOVERNMENT_VERBS.contains(word(tokens, next))) {
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

    /** "Washington state": the word after the name picks the state reading of a city-or-state name. */
    private static boolean followedByState(RawMention m, List<Token> tokens) {
        return m.tokenEnd() < tokens.size() && tokens.get(m.tokenEnd()).text().equalsIgnoreCase("state");
    }

    private void resolvePlace(RawMention m, boolean followedByState, boolean governmentUse, Set<String> articleCountries,
                              Map<String, Cluster> clusters) {
        Country byDemonym = m.type() == MISC ? gazetteer.countryByDemonym(m.text()) : null;
        Place linked = byDemonym != null ? byDemonym.place() : null;
        if (linked == null && followedByState) {
            linked = placeLinker.link(m.text() + " state", articleCountries);
        }
        if (linked == null) {
            linked = placeLinker.link(m.text(), articleCountries);
        }
        Place place = linked != null ? linked : countryByShorthand(m.text(), articleCountries);
        String key;
        Cluster cluster;
        if (place != null) {
            key = "LOC:" + (place.id() != null ? place.id() : Gazetteer.key(place.name()));
            cluster = clusters.computeIfAbsent(key, k -> new Cluster(LOC, displayName(place), place.id()));
            cluster.place = place;
            if (governmentUse && "PPLC".equals(place.featureType())) {
                // "Pyongyang supplies Moscow": the capital stands for its government; the mention stays with
                // the city (all mentions of the name in one entity) and the entity records the reading
                cluster.governmentMentions++;
            }
        } else {
            key = "LOC:" + Gazetteer.key(m.text());
            cluster = clusters.computeIfAbsent(key, k -> new Cluster(LOC, m.text(), null));
        }
        cluster.add(m.withType(LOC));
    }

    /**
     * "the North" in an article naming North Korea (and no other "North ..." country) is North Korea: a bare
     * first word of exactly one country the article names stands for that country.
     */
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

    private void resolveOther(RawMention m, Map<String, Cluster> clusters) {
        String prefix = Label.typeName(m.type()) + ":";
        KnownEntity known = gazetteer.known(m.text());
        if (known != null) {
            Cluster c = clusters.computeIfAbsent(prefix + Gazetteer.key(known.name()),
                    k -> new Cluster(m.type(), known.name(), known.wikidata() == null ? null : "wikidata:" + known.wikidata()));
            c.add(m);
            return;
        }
        Cluster c = clusters.get(prefix + Gazetteer.key(m.text()));
        if (c == null && m.type() == ORG) {
            c = expandedByAcronym(m.text(), clusters);
        }
        if (c == null && m.type() == ORG) {
            for (Cluster other : clusters.values()) {
                if (other.type == ORG && m.words().length < other.nameWords.length
                        && matchesAt(m.words(), other.nameWords, other.nameWords.length - m.words().length)) {
                    c = other;
                    break;
                }
            }
        }
        if (c == null) {
            c = new Cluster(m.type(), m.text(), null);
            clusters.put(prefix + Gazetteer.key(m.text()), c);
        }
        c.add(m);
    }

    /** Small words organisation acronyms skip ("Organization of the Petroleum Exporting Countries"). */
    private static final Set<String> ACRONYM_SKIPS = Set.of("of", "the", "and", "for", "on", "in", "&");

    /** "NSC" after "National Security Council": an all-capitals mention spelling an organisation's initials. */
    private static Cluster expandedByAcronym(String text, Map<String, Cluster> clusters) {
        if (text.length() < 2 || text.length() > 6 || !text.chars().allMatch(Character::isUpperCase)) {
            return null;
        }
        for (Cluster c : clusters.values()) {
            if (c.type != ORG || c.nameWords.length < 2) {
                continue;
            }
            StringBuilder initials = new StringBuilder();
            for (String w : c.nameWords) {
                if (!ACRONYM_SKIPS.contains(w) && !w.isEmpty()) {
                    initials.append(Character.toUpperCase(w.charAt(0)));
                }
            }
            if (initials.toString().equals(text)) {
                return c;
            }
        }
        return null;
    }

    /**
     * Finds further mentions of resolved names the tagger missed: a capitalised token sequence equal to an
     * entity's name, or for people to the first or last word of their name ("Kim", "Putin").
     */
    private void recallRepeatedNames(List<Token> tokens, Map<String, Cluster> clusters) {
        Map<String, Cluster> byWord = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        for (Cluster c : clusters.values()) {
            List<String[]> forms = new ArrayList<>();
            for (RawMention m : c.mentions) {
                forms.add(m.words());
            }
            if (c.type == PER) {
                // people are named again by their family name ("Putin") or, Korean style, the first ("Kim")
                forms.add(new String[]{c.nameWords[0]});
                forms.add(new String[]{c.nameWords[c.nameWords.length - 1]});
            }
            for (String[] form : forms) {
                String k = String.join(" ", form);
                if (form.length == 1 && k.length() >= MIN_RECALL_NAME_LENGTH && Character.isUpperCase(k.charAt(0))) {
                    Cluster prev = byWord.putIfAbsent(k, c);
                    if (prev != null && prev != c) {
                        ambiguous.add(k);
                    }
                }
            }
        }
        ambiguous.forEach(byWord::remove);
        Set<Integer> covered = new HashSet<>();
        for (Cluster c : clusters.values()) {
            for (RawMention m : c.mentions) {
                for (int t = m.tokenStart(); t < m.tokenEnd(); t++) {
                    covered.add(t);
                }
            }
        }
        for (int t = 0; t < tokens.size(); t++) {
            if (covered.contains(t)) {
                continue;
            }
            Token token = tokens.get(t);
            Cluster c = byWord.get(token.text());
            boolean inName = t > 0 && covered.contains(t - 1) || t + 1 < tokens.size() && covered.contains(t + 1);
            if (c != null && !inName && !capitalisedNeighbour(tokens, t, byWord.keySet())) {
                c.add(new RawMention(c.type, t, t + 1, token.start(), token.end(), token.text(), new String[]{token.text()}));
            }
        }
    }

    /** A neighbouring capitalised word means the token is part of some other name ("Kim Yo Jong"). */
    private static boolean capitalisedNeighbour(List<Token> tokens, int t, Set<String> knownNames) {
        return t > 0 && isUnknownCapitalised(tokens.get(t - 1).text(), knownNames) && !isSentenceStartish(tokens, t - 1)
                || t + 1 < tokens.size() && isUnknownCapitalised(tokens.get(t + 1).text(), knownNames);
    }

    private static boolean isUnknownCapitalised(String w, Set<String> knownNames) {
        return isCapitalisedWord(w) && !knownNames.contains(w);
    }

    private static boolean isSentenceStartish(List<Token> tokens, int t) {
        return t == 0 || ".!?\u201c\"".contains(tokens.get(t - 1).text());
    }

    private static boolean isCapitalisedWord(String w) {
        return w.length() > 1 && Character.isUpperCase(w.charAt(0));
    }

    private List<Entity> toEntities(String text, Map<String, Cluster> clusters) {
        int maxMentions = 1;
        for (Cluster c : clusters.values()) {
            maxMentions = Math.max(maxMentions, c.mentions.size());
        }
        List<Entity> entities = new ArrayList<>();
        for (Cluster c : clusters.values()) {
            c.mentions.sort(Comparator.comparingInt(RawMention::start));
            List<Mention> ms = new ArrayList<>();
            int lastEnd = -1;
            for (RawMention m : c.mentions) {
                if (m.start() >= lastEnd) {
                    ms.add(new Mention(m.start(), m.end(), m.text()));
                    lastEnd = m.end();
                }
            }
            double earliness = 1.0 - (double) ms.get(0).start() / Math.max(1, text.length());
            double salience = 0.7 * ms.size() / maxMentions + 0.3 * earliness;
            entities.add(new Entity(Label.entityType(c.type), c.name, c.id, Math.round(salience * 1000) / 1000.0,
                    attributes(c, ms.size()), ms));
        }
        entities.sort(Comparator.comparingDouble(Entity::salience).reversed());
        return entities;
    }

    private static Map<String, Object> attributes(Cluster c, int mentionCount) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("mentionCount", mentionCount);
        Place p = c.place;
        if (p != null) {
            if (p.countryCode() != null) {
                a.put("countryCode", p.countryCode());
            }
            a.put("featureType", p.featureType());
            if (p.population() > 0) {
                a.put("population", p.population());
            }
            if (!Double.isNaN(p.lat())) {
                a.put("lat", p.lat());
                a.put("lon", p.lon());
            }
            if (p.id() != null && p.id().startsWith("geonames:")) {
                a.put("geonamesId", Long.parseLong(p.id().substring("geonames:".length())));
            }
        }
        if (c.governmentMentions > 0 && p != null) {
            a.put("governmentOf", p.countryCode());
            a.put("governmentMentionCount", c.governmentMentions);
        }
        if (c.id != null && c.id.startsWith("wikidata:")) {
            a.put("wikidata", c.id.substring("wikidata:".length()));
        }
        return a;
    }

    /** Mentions gathered for one entity. */
    private static final class Cluster {
        final int type;
        final String name;
        final String[] nameWords;
        String id;
        Place place;
        int governmentMentions;
        final List<RawMention> mentions = new ArrayList<>();

        Cluster(int type, String name, String id) {
            this.type = type;
            this.name = name;
            this.nameWords = name.split(" ");
            this.id = id;
        }

        void add(RawMention m) {
            mentions.add(m);
        }
    }
}
