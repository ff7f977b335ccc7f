package dev.newswire.tagger.link;

import java.util.Set;

/** The initials an organisation's acronym spells. */
final class Acronyms {

    private Acronyms() {
    }

    /** Upper-case initials of the words, skipping small words ("National Security Council" → "NSC"). */
    static String initials(String[] words, Set<String> skips) {
        StringBuilder initials = new StringBuilder();
        for (String w : words) {
            if (!w.isEmpty() && !skips.contains(w)) {
                initials.append(Character.toUpperCase(w.charAt(0)));
            }
        }
        return initials.toString();
    }
}
