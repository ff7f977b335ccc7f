package dev.newswire.tagger.link;

import dev.newswire.tagger.text.Token;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How news names the two halves of a divided country: in an article that names North Korea and South Korea,
 * "the North" and "the South" are those countries, whatever the model made of the bare word (a nationality, a
 * region, nothing). Both halves must be named, so "voters in the South" in an article that names South Africa
 * stays no country.
 */
final class DividedCountries {

    private static final Set<String> COMPASS = Set.of("North", "South", "East", "West");

    private DividedCountries() {
    }

    /**
     * The compass words that stand for a country here, each with the country's name: the country names given
     * (as the article writes them) that begin with a compass word, paired with another that begins with another
     * compass word and goes on alike ("North Korea" and "South Korea").
     */
    static Map<String, String> halves(Iterable<String> countryNames) {
        Map<String, String> byRest = new HashMap<>();
        Map<String, String> byCompassWord = new HashMap<>();
        for (String name : countryNames) {
            int space = name.indexOf(' ');
            if (space < 0 || !COMPASS.contains(name.substring(0, space))) {
                continue;
            }
            String compass = name.substring(0, space);
            String other = byRest.putIfAbsent(name.substring(space + 1), name);
            if (other != null && !other.startsWith(compass + " ")) {
                byCompassWord.put(compass, name);
                byCompassWord.put(other.substring(0, other.indexOf(' ')), other);
            }
        }
        return byCompassWord;
    }

    /** Token {@code t} is written as a shorthand: "the South", not "the South Sea" or "South Korea". */
    static boolean isShorthand(List<Token> tokens, int t) {
        if (t == 0 || !tokens.get(t - 1).text().equalsIgnoreCase("the")) {
            return false;
        }
        if (t + 1 == tokens.size()) {
            return true;
        }
        String next = tokens.get(t + 1).text();
        return next.isEmpty() || !Character.isUpperCase(next.charAt(0));
    }
}
