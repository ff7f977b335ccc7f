package dev.newswire.dedup.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * How a wire story is copied, as text transformations: each takes the original text and a seeded random source and
 * returns the copy. The boilerplate and the replacement words are data, below.
 */
public final class Variants {

    /** The kinds of copies the evaluation makes. */
    public enum Kind {
        /** Same text fetched again. */
        RECRAWLED,
        /** The aggregator's template around it: 2-5 boilerplate lines before and after. */
        RETEMPLATED,
        /** The last 30-50% of paragraphs dropped. */
        SHORTENED,
        /** The first sentence rewritten: half of its words replaced, a dateline added. */
        EDITED_LEAD,
        /** Machine-translated look: odd capitals mid-sentence, one word in about 15 replaced. */
        TRANSLATED,
        /** Re-templated and shortened at once (the common aggregator copy). */
        RETEMPLATED_SHORTENED
    }

    /** Lines aggregators put around a story. */
    static final List<String> BOILERPLATE = List.of(
            "Advertisement",
            "Share this article on Facebook, X and LinkedIn",
            "Subscribe to our newsletter for the day's top stories, delivered every morning.",
            "Copyright 2026 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed without permission.",
            "Related coverage: more stories from our world desk",
            "Sign up for breaking news alerts",
            "This story was automatically published from a wire feed and has not been edited by our staff.",
            "Read more: the latest headlines from around the world",
            "Follow us on social media for live updates",
            "Comments are closed for this article.",
            "Most read today",
            "Photo: file image, for illustration only");

    /** Words translation engines and editors substitute. */
    static final List<String> REPLACEMENTS = List.of(
            "however", "also", "namely", "indeed", "said", "told", "stated", "the", "a", "some", "many", "big",
            "large", "important", "new", "recent", "country", "nation", "people", "persons", "officials", "government",
            "authorities", "week", "day", "year", "thus", "therefore", "whereas", "regarding");

    static final List<String> DATELINES = List.of("WASHINGTON (AP) —", "LONDON (Reuters) -", "PARIS (AFP) -",
            "NEW YORK (AP) —", "BERLIN (dpa) -");

    private Variants() {
    }

    /** A copy of {@code text} of the given kind. */
    public static String copy(String text, Kind kind, Random random) {
        return switch (kind) {
            case RECRAWLED -> text;
            case RETEMPLATED -> retemplate(text, random);
            case SHORTENED -> shorten(text, random);
            case EDITED_LEAD -> editLead(text, random);
            case TRANSLATED -> translate(text, random);
            case RETEMPLATED_SHORTENED -> retemplate(shorten(text, random), random);
        };
    }

    static List<String> paragraphs(String text) {
        List<String> out = new ArrayList<>();
        for (String p : text.split("\\n\\s*\\n|\\n")) {
            if (!p.isBlank()) {
                out.add(p.strip());
            }
        }
        return out;
    }

    static String retemplate(String text, Random random) {
        List<String> out = new ArrayList<>();
        int before = 2 + random.nextInt(4);
        int after = 2 + random.nextInt(4);
        for (int i = 0; i < before; i++) {
            out.add(BOILERPLATE.get(random.nextInt(BOILERPLATE.size())));
        }
        out.addAll(paragraphs(text));
        for (int i = 0; i < after; i++) {
            out.add(BOILERPLATE.get(random.nextInt(BOILERPLATE.size())));
        }
        return String.join("\n\n", out);
    }

    static String shorten(String text, Random random) {
        double drop = 0.30 + random.nextDouble() * 0.20;
        List<String> paras = paragraphs(text);
        if (paras.size() >= 3) {
            int keep = Math.max(1, (int) Math.round(paras.size() * (1 - drop)));
            return String.join("\n\n", paras.subList(0, keep));
        }
        // One or two long paragraphs: drop the same share of words from the end.
        String[] words = text.strip().split("\\s+");
        int keep = Math.max(1, (int) Math.round(words.length * (1 - drop)));
        return String.join(" ", Arrays.copyOf(words, keep));
    }

    static String editLead(String text, Random random) {
        String t = text.strip();
        int end = firstSentenceEnd(t);
        String[] words = t.substring(0, end).split("\\s+");
        for (int i = 0; i < words.length; i++) {
            if (random.nextBoolean()) {
                words[i] = REPLACEMENTS.get(random.nextInt(REPLACEMENTS.size()));
            }
        }
        return DATELINES.get(random.nextInt(DATELINES.size())) + " " + String.join(" ", words) + t.substring(end);
    }

    static String translate(String text, Random random) {
        StringBuilder sb = new StringBuilder();
        String[] tokens = text.split("(?<=\\s)|(?=\\s)");
        for (String tok : tokens) {
            if (tok.isBlank()) {
                sb.append(tok);
                continue;
            }
            String w = tok;
            int roll = random.nextInt(15);
            if (roll == 0) {
                w = REPLACEMENTS.get(random.nextInt(REPLACEMENTS.size()));
            } else if (roll == 1) {
                w = w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1);
            } else if (roll == 2) {
                w = w.toLowerCase(Locale.ROOT);
            }
            sb.append(w);
        }
        return sb.toString();
    }

    private static int firstSentenceEnd(String t) {
        for (int i = 20; i < t.length() - 1; i++) {
            char c = t.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(t.charAt(i + 1))) {
                return i + 1;
            }
        }
        return Math.min(t.length(), 200);
    }
}
