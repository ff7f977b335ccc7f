package dev.newswire.tagger.text;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Undoes headline title case before tagging. In "Putin Promises To Defeat Sanctions With North Korea's Kim"
 * capitals carry no information, and a tagger trained on running text reads every capitalised word as a
 * name. In a title-case sentence, a word is lower-cased for the tagger when it is a closed-class word
 * ("To", "With") or when the same document uses it in lower case elsewhere ("sanctions"), and a hyphenated
 * word when each of its parts is ("High-Protein"); names the document capitalises elsewhere mid-sentence stay
 * as they are. Only the tagger's input changes: offsets and
 * mention texts still come from the original text.
 */
public final class TitleCase {

    /** Share of capitalised words from which a sentence counts as title case. */
    private static final double TITLE_CASE_SHARE = 0.7;
    private static final int MIN_WORDS = 4;
    private static final Set<String> CLOSED_CLASS = Set.of("a", "an", "the", "and", "or", "but", "nor", "of", "to",
            "in", "on", "at", "for", "with", "from", "by", "as", "into", "over", "after", "before", "about", "amid",
            "against", "ahead", "is", "are", "was", "were", "be", "his", "her", "its", "their", "our", "he", "she",
            "they", "we", "it", "this", "that", "these", "those", "not", "no", "up", "out", "off", "will", "can",
            "says", "said", "say", "new", "how", "why", "what", "who", "when", "where");

    private TitleCase() {
    }

    /**
     * The word with typographic apostrophes and quotation marks as the training text writes them ("’s" → "'s",
     * "I’m" → "I'm", "“" → "\""): the model learned its features from straight ones, and web pages use both.
     */
    static String plainMarks(String word) {
        if (word.indexOf('\u2019') < 0 && word.indexOf('\u2018') < 0 && word.indexOf('\u201C') < 0
                && word.indexOf('\u201D') < 0) {
            return word;
        }
        return word.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u201C', '"').replace('\u201D', '"');
    }

    /** The words to tag: {@code tokens} with title-case sentences lower-cased where the evidence allows. */
    public static String[] wordsForTagging(List<Token> tokens, List<Sentence> sentences) {
        String[] words = new String[tokens.size()];
        for (int i = 0; i < words.length; i++) {
            words[i] = plainMarks(tokens.get(i).text());
        }
        Set<String> lowercaseInDocument = new HashSet<>();
        for (String w : words) {
            if (!w.isEmpty() && Character.isLowerCase(w.charAt(0))) {
                lowercaseInDocument.add(w);
                if (w.indexOf('-') > 0) {
                    lowercaseInDocument.addAll(List.of(w.split("-")));
                }
            }
        }
        for (Sentence s : sentences) {
            if (!isTitleCase(words, s)) {
                continue;
            }
            for (int i = s.start(); i < s.end(); i++) {
                String w = words[i];
                if (w.length() < 2 || !Character.isUpperCase(w.charAt(0)) || isAllCaps(w)) {
                    continue;
                }
                String lower = w.toLowerCase(Locale.ROOT);
                if (isOrdinary(lower, lowercaseInDocument) || lower.indexOf('-') > 0 && allPartsOrdinary(lower, lowercaseInDocument)) {
                    words[i] = lower;
                }
            }
        }
        return words;
    }

    private static boolean isOrdinary(String lower, Set<String> lowercaseInDocument) {
        return CLOSED_CLASS.contains(lower) || lowercaseInDocument.contains(lower);
    }

    private static boolean allPartsOrdinary(String lower, Set<String> lowercaseInDocument) {
        for (String part : lower.split("-")) {
            if (part.isEmpty() || !isOrdinary(part, lowercaseInDocument)) {
                return false;
            }
        }
        return true;
    }

    /** Most words capitalised, including at least one closed-class word ("Of", "To"): a headline. */
    static boolean isTitleCase(String[] words, Sentence s) {
        int letterWords = 0;
        int capitalised = 0;
        boolean capitalisedClosedClass = false;
        for (int i = s.start(); i < s.end(); i++) {
            String w = words[i];
            if (w.isEmpty() || !Character.isLetter(w.charAt(0))) {
                continue;
            }
            letterWords++;
            if (Character.isUpperCase(w.charAt(0))) {
                capitalised++;
                if (i > s.start() && CLOSED_CLASS.contains(w.toLowerCase(Locale.ROOT)) && !isAllCaps(w)) {
                    capitalisedClosedClass = true;
                }
            }
        }
        return letterWords >= MIN_WORDS && capitalisedClosedClass && capitalised >= TITLE_CASE_SHARE * letterWords;
    }

    private static boolean isAllCaps(String w) {
        for (int k = 0; k < w.length(); k++) {
            if (Character.isLowerCase(w.charAt(k))) {
                return false;
            }
        }
        return true;
    }
}
