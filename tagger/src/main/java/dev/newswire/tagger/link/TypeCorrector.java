package dev.newswire.tagger.link;

import dev.newswire.tagger.EntityType;
import dev.newswire.tagger.gazetteer.Gazetteer;
import dev.newswire.tagger.gazetteer.KnownEntity;
import dev.newswire.tagger.text.Token;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The second pass: drops ordinary words the tagger took for names, corrects types the statistical tagger may
 * get wrong but the tables are sure of, then gives one type per name per document.
 * <ul>
 *   <li>a single capitalised word that the text writes in lower case elsewhere, that it never capitalises
 *       again and that no list knows as a well-known name (a person, company, organisation, country, big city
 *       or people) is an ordinary word capitalised by accident or by machine translation ("crossed over Land
 *       border ... planting land mines"), not a name;</li>
 *   <li>a known person or organisation has its known type;</li>
 *   <li>a nationality word ("North Korean", "Koreans") is a nationality, never a place or organisation;</li>
 *   <li>"the South" in an article naming North and South Korea is a place ({@link DividedCountries});</li>
 *   <li>a name of two or more words that the gazetteer lists as a first- or second-level division and no list
 *       knows as an organisation is a place ("Orange County", which the model, taught by CoNLL-2003's county
 *       cricket teams, reads as one);</li>
 *   <li>a name the model calls an organisation, that no list knows as one, right before a noun for a made thing
 *       ("an Aurus Senat limousine", "a Su-57 jet") is a product (MISC);</li>
 *   <li>a name the model calls an organisation at least once and the name lists list as an organisation is an
 *       organisation everywhere in the document ("BASF" is not a place even where the model read it as one);</li>
 *   <li>a name the model calls a place at least once, that is a well-known place ({@link WellKnownPlaces}: a
 *       country, a division, or a city of {@code well.known.place.population}+ people) and that no list knows as
 *       an organisation, is a place everywhere ("Edmonton" is not a sports team where the model read one into
 *       "Edmonton received a B ranking");</li>
 *   <li>otherwise the type most of the name's mentions got wins ("Pyongyang" tagged a place five times and a
 *       person twice is a place).</li>
 * </ul>
 */
final class TypeCorrector {

    private final Gazetteer gazetteer;
    private final Nationalities nationalities;
    private final NameEvidence evidence;
    private final Set<String> productNouns;
    private final WellKnownPlaces wellKnownPlaces;

    TypeCorrector(Gazetteer gazetteer, Nationalities nationalities, NameEvidence evidence, Set<String> productNouns,
                  WellKnownPlaces wellKnownPlaces) {
        this.gazetteer = gazetteer;
        this.nationalities = nationalities;
        this.evidence = evidence;
        this.wellKnownPlaces = wellKnownPlaces;
        this.productNouns = productNouns;
    }

    List<RawMention> correct(List<RawMention> mentions, List<Token> tokens) {
        Map<String, Integer> written = new HashMap<>();
        for (Token t : tokens) {
            written.merge(t.text(), 1, Integer::sum);
        }
        List<String> countries = new ArrayList<>();
        for (RawMention m : mentions) {
            if (m.type() == EntityType.LOCATION && gazetteer.countryByName(m.text()) != null) {
                countries.add(m.text());
            }
        }
        Map<String, String> halves = DividedCountries.halves(countries);
        List<RawMention> sure = new ArrayList<>(mentions.size());
        Set<String> products = new java.util.HashSet<>();
        for (RawMention m : mentions) {
            if (m.words().length == 1 && halves.containsKey(m.text()) && DividedCountries.isShorthand(tokens, m.tokenStart())) {
                sure.add(m.withType(EntityType.LOCATION));
            } else if (!isOrdinaryWord(m, written)) {
                RawMention typed = certainType(m);
                if (typed.type() == EntityType.ORGANIZATION && isProductName(m, tokens)) {
                    products.add(m.text());
                }
                sure.add(typed);
            }
        }
        Map<String, Map<EntityType, Integer>> votes = new HashMap<>();
        for (RawMention m : sure) {
            votes.computeIfAbsent(m.text(), k -> new EnumMap<>(EntityType.class)).merge(m.type(), 1, Integer::sum);
        }
        List<RawMention> out = new ArrayList<>(sure.size());
        for (RawMention m : sure) {
            Map<EntityType, Integer> v = votes.get(m.text());
            EntityType best = m.type();
            if (products.contains(m.text()) && m.type() == EntityType.ORGANIZATION) {
                best = EntityType.MISC; // a product once is a product throughout: "the Auras Senate is fast"
            } else if (v.containsKey(EntityType.ORGANIZATION) && evidence.isListedOrganisation(m.words())
                    && gazetteer.countryByName(m.text()) == null) {
                best = EntityType.ORGANIZATION;
            } else if (v.containsKey(EntityType.LOCATION) && wellKnownPlaces.contains(m.text())
                    && !evidence.isListedOrganisation(m.words())) {
                best = EntityType.LOCATION;
            } else {
                for (Map.Entry<EntityType, Integer> e : v.entrySet()) {
                    if (e.getValue() > v.get(best)) {
                        best = e.getKey();
                    }
                }
            }
            out.add(best == m.type() ? m : m.withType(best));
        }
        return out;
    }

    private boolean isOrdinaryWord(RawMention m, Map<String, Integer> written) {
        if (m.words().length != 1) {
            return false;
        }
        String w = m.text();
        String lower = w.toLowerCase(java.util.Locale.ROOT);
        return !lower.equals(w) && !w.equals(w.toUpperCase(java.util.Locale.ROOT))
                && written.getOrDefault(w, 0) == 1 && written.containsKey(lower)
                && gazetteer.countryByName(w) == null && gazetteer.known(w) == null
                && gazetteer.countryByDemonym(w) == null && !evidence.isWellKnownName(m.words());
    }

    private RawMention certainType(RawMention m) {
        KnownEntity known = gazetteer.known(m.text());
        if (known != null) {
            return m.withType(known.type());
        }
        if (m.type() != EntityType.MISC && nationalities.isNationality(m)) {
            return m.withType(EntityType.MISC);
        }
        if (m.type() == EntityType.ORGANIZATION && m.words().length > 1 && wellKnownPlaces.isDivision(m.text())
                && !evidence.isListedOrganisation(m.words())) {
            return m.withType(EntityType.LOCATION);
        }
        return m;
    }

    private boolean isProductName(RawMention m, List<Token> tokens) {
        return m.tokenEnd() < tokens.size()
                && productNouns.contains(tokens.get(m.tokenEnd()).text().toLowerCase(java.util.Locale.ROOT))
                && !evidence.isListedOrganisation(m.words()) && !evidence.isWellKnownName(m.words());
    }
}
