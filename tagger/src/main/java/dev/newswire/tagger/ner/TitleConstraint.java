package dev.newswire.tagger.ner;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * A decoding constraint from the annotation guidelines rather than from any one corpus: a title before a
 * name ("President", "Dr", "Doctor", list in {@code lexicon/titles-outside-names.txt}) never begins a person,
 * so the person starts after it. The model learns this on news, where titles are few and written alike, but
 * slips on web text ("Dr Joseph retired.", "Doctor Hank is amazing") where the title opens the sentence.
 * Only B-PER is forbidden: a title word may still end a name ("John Major", "Mike Judge").
 * And after an honorific ("Mr", "Mrs", "Dr", list in {@code lexicon/honorifics.txt}) a capitalised word begins a
 * person or no name: "Mr West" is no place and no MISC, whatever the word is elsewhere.
 */
public final class TitleConstraint {

    private static final Set<String> TITLES = Lexicon.readWords("titles-outside-names.txt");
    private static final Set<String> HONORIFICS = Lexicon.readWords("honorifics.txt");
    private static final int NOT_PERSON_START = ~(1 << Label.begin(0));
    /** O stays allowed: the entity-confidence pass decodes the best labelling without the entity. */
    private static final int PERSON_START_OR_NONE = (1 << Label.begin(0)) | (1 << Label.O);

    private TitleConstraint() {
    }

    /** Per-token masks of allowed labels for {@link Viterbi#decode}, or null when no token is constrained. */
    static int[] allowedLabels(String[] words) {
        int[] allowed = null;
        for (int i = 0; i < words.length; i++) {
            if (isTitle(words[i])) {
                allowed = masks(allowed, words.length);
                allowed[i] &= NOT_PERSON_START;
            }
            if (i > 0 && HONORIFICS.contains(words[i - 1]) && isCapitalisedName(words[i])) {
                allowed = masks(allowed, words.length);
                allowed[i] &= PERSON_START_OR_NONE;
            }
        }
        return allowed;
    }

    /** The masks, all labels allowed when there were none yet. */
    private static int[] masks(int[] allowed, int n) {
        if (allowed == null) {
            allowed = new int[n];
            Arrays.fill(allowed, -1);
        }
        return allowed;
    }

    private static boolean isCapitalisedName(String word) {
        return !word.isEmpty() && Character.isUpperCase(word.charAt(0)) && !isTitle(word);
    }

    /** A title that never begins a person's name (as written, or in capitals). */
    public static boolean isTitle(String word) {
        if (TITLES.contains(word)) {
            return true;
        }
        return word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT))
                && TITLES.contains(word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT));
    }
}
