package dev.newswire.tagger.link;

import dev.newswire.tagger.EntityType;
import dev.newswire.tagger.gazetteer.Gazetteer;
import dev.newswire.tagger.text.Token;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Places named inside an organisation's name are places the article names too ("the [Kentucky] State
 * Police", "the Conference Board of [Canada]", "[Queensland] Government", "Environment [Canada]"), as
 * geoparsing annotations count them and as a place index needs them. The organisation keeps its mention;
 * the place gets one of its own over the words inside it. Only well-known places are taken (a country, a
 * first- or second-level division, a city of {@code well.known.place.population}+ people): the
 * name's first words, the words after its last "of" (or "for", "in"), or as its last word a country, a
 * division or a division's abbreviation ("Transport [Canada]", "FrontCounter [BC]").
 */
final class NestedPlaces {

    private static final Set<String> PLACE_BEFORE = Set.of("of", "for", "in");
    private static final int MAX_PLACE_WORDS = 3;

    private final Gazetteer gazetteer;
    private final WellKnownPlaces wellKnownPlaces;

    NestedPlaces(Gazetteer gazetteer, WellKnownPlaces wellKnownPlaces) {
        this.gazetteer = gazetteer;
        this.wellKnownPlaces = wellKnownPlaces;
    }

    /** The mentions with a place mention added for every well-known place inside an organisation's name. */
    List<RawMention> add(List<RawMention> mentions, List<Token> tokens) {
        List<RawMention> out = new ArrayList<>(mentions);
        for (RawMention m : mentions) {
            if (m.type() != EntityType.ORGANIZATION || m.words().length < 2) {
                continue;
            }
            RawMention place = placeInside(m, tokens);
            if (place != null) {
                out.add(place);
            }
        }
        return out;
    }

    private RawMention placeInside(RawMention m, List<Token> tokens) {
        String[] words = m.words();
        int n = words.length;
        for (int k = n - 2; k >= 1; k--) {
            if (PLACE_BEFORE.contains(words[k]) && n - k - 1 <= MAX_PLACE_WORDS && isWellKnownPlace(words, k + 1, n)) {
                return sub(m, tokens, k + 1, n);
            }
        }
        for (int len = Math.min(MAX_PLACE_WORDS, n - 1); len >= 1; len--) {
            if (isWellKnownPlace(words, 0, len)) {
                return sub(m, tokens, 0, len);
            }
        }
        String last = words[n - 1];
        if (Character.isUpperCase(last.charAt(0)) && (gazetteer.countryByName(last) != null
                || wellKnownPlaces.isDivision(last) || PlaceLinker.regionOfAbbreviation(gazetteer, last) != null)) {
            return sub(m, tokens, n - 1, n);
        }
        return null;
    }

    private boolean isWellKnownPlace(String[] words, int from, int to) {
        return wellKnownPlaces.contains(String.join(" ", Arrays.copyOfRange(words, from, to)));
    }

    private static RawMention sub(RawMention m, List<Token> tokens, int from, int to) {
        Token first = tokens.get(m.tokenStart() + from);
        Token last = tokens.get(m.tokenStart() + to - 1);
        String[] words = Arrays.copyOfRange(m.words(), from, to);
        return new RawMention(EntityType.LOCATION, m.tokenStart() + from, m.tokenStart() + to, first.start(), last.end(),
                String.join(" ", words), words);
    }
}
