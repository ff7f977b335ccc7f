package dev.newswire.tagger.link;

import dev.newswire.tagger.EntityType;
import dev.newswire.tagger.text.Token;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The recall pass: further mentions of resolved names the tagger missed, where a capitalised token equals a
 * one-word mention of an entity or, for people, the first or last word of their name ("Kim", "Putin"). A word
 * two entities could claim, a word next to another unknown capitalised word ("Kim Yo Jong") and a word right
 * beside a mention are left alone. And "the North", "the South" for the halves of a divided country the article
 * names ({@link DividedCountries}).
 */
final class NameRecall {

    private final int minNameLength;

    NameRecall(ResolverData data) {
        this.minNameLength = data.minRecallNameLength();
    }

    void recall(List<Token> tokens, Clusters clusters) {
        Map<String, Cluster> byWord = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        for (Cluster c : clusters.all()) {
            if (c.nationalityOf != null) {
                continue; // "Russian" is not a name to look for
            }
            List<String[]> forms = new ArrayList<>();
            for (RawMention m : c.mentions) {
                forms.add(m.words());
            }
            if (c.type == EntityType.PERSON) {
                // people are named again by their family name ("Putin") or, Korean style, the first ("Kim")
                forms.add(new String[]{c.nameWords[0]});
                forms.add(new String[]{c.nameWords[c.nameWords.length - 1]});
            }
            for (String[] form : forms) {
                String k = String.join(" ", form);
                if (form.length == 1 && k.length() >= minNameLength && Character.isUpperCase(k.charAt(0))) {
                    Cluster prev = byWord.putIfAbsent(k, c);
                    if (prev != null && prev != c) {
                        ambiguous.add(k);
                    }
                }
            }
        }
        ambiguous.forEach(byWord::remove);
        Map<String, Cluster> countries = new HashMap<>();
        for (Cluster c : clusters.all()) {
            if (c.place != null && c.place.isCountry()) {
                countries.put(c.name, c);
            }
        }
        Map<String, String> halves = DividedCountries.halves(countries.keySet());
        Set<Integer> covered = new HashSet<>();
        for (Cluster c : clusters.all()) {
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
            if (c == null && halves.containsKey(token.text()) && DividedCountries.isShorthand(tokens, t)) {
                c = countries.get(halves.get(token.text())); // "the South"
            }
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
        return w.length() > 1 && Character.isUpperCase(w.charAt(0)) && !knownNames.contains(w);
    }

    private static boolean isSentenceStartish(List<Token> tokens, int t) {
        return t == 0 || ".!?\u201c\"".contains(tokens.get(t - 1).text());
    }
}
