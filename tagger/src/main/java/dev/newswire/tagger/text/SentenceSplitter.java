package dev.newswire.tagger.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Groups tokens into sentences. A sentence ends at a line break (headlines, paragraphs and datelined
 * paragraphs of clean article text are separated by newlines) or after ".", "!" or "?" (plus any closing
 * quotes or brackets) when the next token starts like a sentence. Abbreviations kept whole by the
 * {@link Tokenizer} ("Mr.", "U.S.") only end a sentence before a line break, so "U.S. National Security
 * Council" stays together.
 */
public final class SentenceSplitter {

    private static final Set<String> TERMINATORS = Set.of(".", "!", "?", "...", "!!", "??");
    private static final Set<String> CLOSERS = Set.of("\"", "\u201d", "'", "\u2019", ")", "]", "}", "\u00bb");

    private SentenceSplitter() {
    }

    /** Splits {@code tokens} of {@code text} into sentences, returned as token index ranges. */
    public static List<Sentence> split(String text, List<Token> tokens) {
        List<Sentence> sentences = new ArrayList<>();
        int first = 0;
        for (int i = 0; i < tokens.size(); i++) {
            boolean last = i + 1 == tokens.size();
            if (last || endsHere(text, tokens, i)) {
                sentences.add(new Sentence(first, i + 1));
                first = i + 1;
            }
        }
        return sentences;
    }

    private static boolean endsHere(String text, List<Token> tokens, int i) {
        Token token = tokens.get(i);
        Token next = tokens.get(i + 1);
        if (lineBreakBetween(text, token.end(), next.start())) {
            return true;
        }
        if (CLOSERS.contains(next.text()) && i > 0 && TERMINATORS.contains(tokens.get(i).text())) {
            return false; // the closing quote belongs to this sentence; split after it
        }
        String t = token.text();
        boolean terminated = TERMINATORS.contains(t);
        if (!terminated && CLOSERS.contains(t) && i > 0) {
            terminated = TERMINATORS.contains(tokens.get(i - 1).text());
        }
        if (!terminated) {
            return false;
        }
        char c = next.text().charAt(0);
        return Character.isUpperCase(c) || Character.isDigit(c) || !Character.isLetterOrDigit(c);
    }

    private static boolean lineBreakBetween(String text, int from, int to) {
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (c == '\n' || c == '\r' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }
}
