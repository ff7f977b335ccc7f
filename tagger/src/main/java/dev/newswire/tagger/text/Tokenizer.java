package dev.newswire.tagger.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits news text into tokens the way CoNLL-2003 did, so the trained model sees familiar units: words keep
 * their inner hyphens ("US-led"), initialisms and known abbreviations keep their periods ("U.S.", "Mr."),
 * possessive endings become their own token ("Putin's" → "Putin", "'s"), and every other punctuation mark
 * (quotes, dashes, brackets) stands alone. Offsets always point back into the original text.
 */
public final class Tokenizer {

    /** Abbreviations that keep their period; matched case-sensitively without it. */
    static final Set<String> ABBREVIATIONS = Set.of(
            "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Gov", "Sen", "Rep", "Rev",
            "St", "Mt", "Ft", "Jr", "Sr", "Co", "Corp", "Inc", "Ltd", "Bros", "No", "Nos", "vs", "etc", "Jan", "Feb",
            "Mar", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Ave", "Blvd", "Dept", "Univ", "approx", "Pres");

    private Tokenizer() {
    }

    /** Tokenizes {@code text}. */
    public static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>(text.length() / 5 + 4);
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                i++;
                continue;
            }
            int end = Character.isLetterOrDigit(c) ? wordEnd(text, i) : punctuationEnd(text, i);
            addWithPossessiveSplit(text, i, end, tokens);
            i = end;
        }
        return tokens;
    }

    /** End of the word starting at {@code start}: letters and digits joined by single inner . - ' , & chars. */
    private static int wordEnd(String text, int start) {
        int n = text.length();
        int i = start;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
                i++;
            } else if (isJoiner(c) && i + 1 < n && Character.isLetterOrDigit(text.charAt(i + 1))
                    && joinerAllowed(text, start, i)) {
                i++;
            } else {
                break;
            }
        }
        // "U.S." / "Mr." keep the final period; sentence-final periods do not.
        if (i < n && text.charAt(i) == '.' && keepsPeriod(text.substring(start, i))) {
            i++;
        }
        return i;
    }

    private static boolean isJoiner(char c) {
        return c == '-' || c == '.' || c == '\'' || c == '\u2019' || c == ',' || c == '&' || c == '/';
    }

    /** Which inner punctuation glues a word together: decided by what came before it. */
    private static boolean joinerAllowed(String text, int start, int at) {
        char c = text.charAt(at);
        char before = text.charAt(at - 1);
        char after = text.charAt(at + 1);
        switch (c) {
            case '-':
            case '&':
                return true;
            case ',':
                // 1,000 but not "Seoul,Korea"
                return Character.isDigit(before) && Character.isDigit(after);
            case '.':
                // 3.5, U.S, but not "end.Next"
                return (Character.isDigit(before) && Character.isDigit(after))
                        || (at - start == 1 || text.charAt(at - 2) == '.') && Character.isLetter(after)
                        && (at + 2 >= text.length() || text.charAt(at + 2) == '.' );
            case '/':
                return Character.isDigit(before) && Character.isDigit(after);
            default:
                // apostrophe: O'Neill and don't stay one word here; possessives are split afterwards
                return Character.isLetter(before) && Character.isLetter(after);
        }
    }

    private static boolean keepsPeriod(String word) {
        if (ABBREVIATIONS.contains(word)) {
            return true;
        }
        // initialisms: single letters separated by periods ("U.S", "U.N", "D.C") or a lone capital initial ("J")
        if (word.length() == 1) {
            return Character.isUpperCase(word.charAt(0));
        }
        for (int k = 0; k < word.length(); k++) {
            boolean letterSlot = k % 2 == 0;
            char ch = word.charAt(k);
            if (letterSlot ? !Character.isLetter(ch) : ch != '.') {
                return false;
            }
        }
        return word.length() % 2 == 1;
    }

    /** Punctuation: runs of the same mark ("...", "--") make one token, anything else one character (code point). */
    private static int punctuationEnd(String text, int start) {
        char c = text.charAt(start);
        int i = start + 1;
        if (Character.isHighSurrogate(c) && i < text.length() && Character.isLowSurrogate(text.charAt(i))) {
            return i + 1; // an emoji or other character beyond 16 bits is one token, never half of one
        }
        if (c == '.' || c == '-' || c == '!' || c == '?') {
            while (i < text.length() && text.charAt(i) == c) {
                i++;
            }
        }
        if ((c == '\'' || c == '\u2019') && i < text.length() && (text.charAt(i) == 's' || text.charAt(i) == 'S')
                && (i + 1 >= text.length() || !Character.isLetterOrDigit(text.charAt(i + 1)))) {
            i++; // a detached possessive "'s"
        }
        return i;
    }

    private static void addWithPossessiveSplit(String text, int start, int end, List<Token> tokens) {
        int len = end - start;
        if (len > 2) {
            char a = text.charAt(end - 2);
            char s = text.charAt(end - 1);
            if ((a == '\'' || a == '\u2019') && (s == 's' || s == 'S')) {
                tokens.add(new Token(text.substring(start, end - 2), start, end - 2));
                tokens.add(new Token(text.substring(end - 2, end), end - 2, end));
                return;
            }
            int clitic = cliticLength(text, start, end);
            if (clitic > 0) {
                // "I've", "we're", "they'll", "I'd", "I'm": the clitic is a token of its own, as in the training text
                tokens.add(new Token(text.substring(start, end - clitic), start, end - clitic));
                tokens.add(new Token(text.substring(end - clitic, end), end - clitic, end));
                return;
            }
            if ((a == 'n' || a == 'N') && (s == '\'' || s == '\u2019')) {
                tokens.add(new Token(text.substring(start, end), start, end));
                return;
            }
            if (len > 3 && (text.charAt(end - 3) == 'n' || text.charAt(end - 3) == 'N') && (a == '\'' || a == '\u2019')
                    && (s == 't' || s == 'T')) {
                tokens.add(new Token(text.substring(start, end - 3), start, end - 3));
                tokens.add(new Token(text.substring(end - 3, end), end - 3, end));
                return;
            }
        }
        tokens.add(new Token(text.substring(start, end), start, end));
    }

    /**
     * Length of a clitic ending ("'ve", "'re", "'ll", "'d", "'m", either apostrophe) after a word in lower case or a
     * capitalised pronoun ("I'm", "We'll", "they've"), else 0: a capitalised other word keeps its apostrophe, as
     * names do ("Sa'd", "O'Neill").
     */
    private static int cliticLength(String text, int start, int end) {
        for (String clitic : CLITICS) {
            int len = clitic.length() + 1;
            if (end - start > len && Character.isLetter(text.charAt(end - len - 1))
                    && takesClitics(text.substring(start, end - len))) {
                char apostrophe = text.charAt(end - len);
                if ((apostrophe == '\'' || apostrophe == '\u2019') && text.regionMatches(true, end - clitic.length(), clitic, 0, clitic.length())) {
                    return len;
                }
            }
        }
        return 0;
    }

    private static boolean takesClitics(String stem) {
        return Character.isLowerCase(stem.charAt(0)) || CAPITALISED_PRONOUNS.contains(stem);
    }

    private static final List<String> CLITICS = List.of("ve", "re", "ll", "d", "m");
    private static final Set<String> CAPITALISED_PRONOUNS = Set.of("I", "You", "We", "They", "He", "She", "It", "That",
            "There", "Who", "What", "Where", "Here", "How");
}
