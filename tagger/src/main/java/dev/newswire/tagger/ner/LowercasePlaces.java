package dev.newswire.tagger.ner;

import java.util.Map;
import java.util.Set;

/**
 * Capitalises place names that web text writes in lower case ("flights to mexico", "moved to san francisco")
 * before the tagger reads them: a model trained on edited news takes every lower-case word for an ordinary
 * one, and its gazetteer features fire only on capitalised words. Only countries, cities of at least
 * 100,000 people and regions are restored, and only when the lower-case form cannot be an ordinary word:
 * a single word must be absent from the list of English words that also occur in place names ("china",
 * "nice", "reading", "mobile" stay as written); a longer name needs one such word or must name a country
 * or a big city ("new york"). Names written with capitals, digits or punctuation are left alone.
 */
final class LowercasePlaces {

    private static final int PLACE_CLASSES = Lexicon.COUNTRY | Lexicon.BIG_CITY | Lexicon.REGION;
    private static final int SURE_MULTI_WORD_CLASSES = Lexicon.COUNTRY | Lexicon.BIG_CITY;
    /** Words inside a name that stay in lower case when it is restored ("bosnia and herzegovina"). */
    private static final Set<String> JOINERS = Set.of("and", "of", "the", "de", "del", "la", "el", "upon", "on");

    /** The lexicon's phrase classes by {@link dev.newswire.tagger.gazetteer.Gazetteer#key}. */
    private final Map<String, Integer> phraseClasses;
    private final Set<String> commonWords;
    /** First words of place names: most lower-case words start none and are passed over with one lookup. */
    private final Set<String> firstWords;

    LowercasePlaces(Map<String, Integer> phraseClasses, Set<String> firstWords, Set<String> commonWords) {
        this.phraseClasses = phraseClasses;
        this.firstWords = firstWords;
        this.commonWords = commonWords;
    }

    /** Whether a phrase of these lexicon classes is a place name this step restores. */
    static boolean isRestorable(int classes) {
        return (classes & PLACE_CLASSES) != 0;
    }

    /** The words with lower-case place names capitalised; the same array when there is none. */
    String[] restore(String[] words) {
        String[] out = words;
        StringBuilder key = new StringBuilder(32);
        int i = 0;
        while (i < words.length) {
            if (!firstWords.contains(words[i]) || !isLowerCaseWord(words[i]) || JOINERS.contains(words[i])) {
                i++;
                continue;
            }
            key.setLength(0);
            int bestEnd = -1;
            for (int end = i + 1; end <= Math.min(words.length, i + Lexicon.MAX_PHRASE_TOKENS); end++) {
                String w = words[end - 1];
                if (!isLowerCaseWord(w)) {
                    break;
                }
                if (key.length() > 0) {
                    key.append(' ');
                }
                key.append(w);
                int classes = phraseClasses.getOrDefault(key.toString(), 0);
                if (isRestorable(classes) && !JOINERS.contains(w) && readsAsName(words, i, end, classes)) {
                    bestEnd = end;
                }
            }
            if (bestEnd < 0) {
                i++;
                continue;
            }
            if (out == words) {
                out = words.clone();
            }
            for (int k = i; k < bestEnd; k++) {
                if (!JOINERS.contains(words[k])) {
                    out[k] = Character.toUpperCase(words[k].charAt(0)) + words[k].substring(1);
                }
            }
            i = bestEnd;
        }
        return out;
    }

    private boolean readsAsName(String[] words, int from, int to, int classes) {
        if (to - from > 1 && (classes & SURE_MULTI_WORD_CLASSES) != 0) {
            return true;
        }
        for (int k = from; k < to; k++) {
            if (!JOINERS.contains(words[k]) && !commonWords.contains(words[k])) {
                return true;
            }
        }
        return false;
    }

    /** Two or more ASCII lower-case letters and nothing else. */
    private static boolean isLowerCaseWord(String w) {
        if (w.length() < 2) {
            return false;
        }
        for (int k = 0; k < w.length(); k++) {
            char c = w.charAt(k);
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return true;
    }
}
