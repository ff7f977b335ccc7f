package dev.newswire.tagger.ner;

import dev.newswire.tagger.gazetteer.Gazetteer;

import java.util.HashMap;
import java.util.Map;

/**
 * The features of each token, as 64-bit hashes (no strings are built per feature, which keeps tagging fast):
 * the word and its neighbours, word shapes, affixes, lexicon memberships of the token and its neighbours,
 * the categories of the name lists that list a phrase starting or going on at the token, the classes of
 * pretrained word vectors of the token and its neighbours, where the token stands in the sentence, and
 * document-level hints from the token's other occurrences ("Putin" is elsewhere preceded by the given name
 * "Vladimir"; "Seoul" is elsewhere capitalised mid-sentence; the words around a name's other occurrences).
 * Each feature is a template number combined with the hashed values it reads.
 */
public final class FeatureExtractor {

    /** Receives the feature hashes of a token. */
    public interface Sink {
        /** One feature of the current token. */
        void accept(long feature);
    }

    // Feature templates. Changing their numbering or meaning needs a retrained model.
    private static final int T_BIAS = 1;
    private static final int T_WORD = 2;
    private static final int T_LOWER = 3;
    private static final int T_LOWER_M1 = 4;
    private static final int T_LOWER_P1 = 5;
    private static final int T_LOWER_M2 = 6;
    private static final int T_LOWER_P2 = 7;
    private static final int T_BIGRAM_M1 = 8;
    private static final int T_BIGRAM_P1 = 9;
    private static final int T_SHAPE = 10;
    private static final int T_SHAPE_M1 = 11;
    private static final int T_SHAPE_P1 = 12;
    private static final int T_SHAPE_TRIGRAM = 13;
    private static final int T_PREFIX = 14;
    private static final int T_SUFFIX = 15;
    private static final int T_INITIAL_SHAPE = 16;
    private static final int T_UPPER_SENTENCE_SHAPE = 17;
    private static final int T_PHRASE = 18;
    private static final int T_PHRASE_M1 = 19;
    private static final int T_PHRASE_P1 = 20;
    private static final int T_FLAG = 21;
    private static final int T_FLAG_M1 = 22;
    private static final int T_FLAG_P1 = 23;
    private static final int T_LOWER_M1_SHAPE = 24;
    private static final int T_SHAPE_LOWER_P1 = 25;
    private static final int T_PRIOR = 26;
    private static final int T_PRIOR_SHAPE = 27;
    private static final int T_CLUSTER = 28;
    private static final int T_CLUSTER_M1 = 29;
    private static final int T_CLUSTER_P1 = 30;
    private static final int T_LENGTH = 31;
    private static final int T_RUN_LAST = 32;
    private static final int T_RUN_FIRST = 33;
    private static final int T_RUN_POSITION = 34;
    private static final int T_PRIOR_M1 = 35;
    private static final int T_PRIOR_P1 = 36;
    private static final int T_NAMES = 42;
    private static final int T_NAMES_M1 = 43;
    private static final int T_NAMES_P1 = 44;
    private static final int T_AGG_LEFT = 45;
    private static final int T_AGG_RIGHT = 46;
    /** Other occurrences of a word whose neighbours {@link #T_AGG_LEFT}/{@link #T_AGG_RIGHT} read, at most. */
    private static final int AGG_MAX_OCCURRENCES = 10;

    // Word flags: lexicon memberships, then document-level hints.
    static final int F_PERSON_NAME = 1;
    static final int F_ORG_KEYWORD = 1 << 1;
    static final int F_TITLE = 1 << 2;
    static final int F_LOWERCASE_ELSEWHERE = 1 << 3;
    static final int F_CAPITALISED_MID_SENTENCE_ELSEWHERE = 1 << 4;
    static final int F_AFTER_GIVEN_NAME_ELSEWHERE = 1 << 5;
    static final int F_BEFORE_ORG_KEYWORD_ELSEWHERE = 1 << 6;
    static final int F_AFTER_TITLE_ELSEWHERE = 1 << 7;
    static final int F_CAPITALISED = 1 << 8;
    private static final int FLAG_COUNT = 9;

    private static final long BOUNDARY = hash("<S>");
    private static final java.util.Set<String> RUN_JOINERS = java.util.Set.of("of", "and", "the", "for", "de", "&");
    private static final long[] AFFIX_LENGTHS = {1, 2, 3, 4};

    private final Lexicon lexicon;
    private final WordClusters clusters;
    private final NameLists names;

    /**
     * An extractor over this lexicon, word classes and name lists (the last two may be empty).
     *
     * @param lexicon  the gazetteer phrases and word lists
     * @param clusters word classes of pretrained vectors
     * @param names    name lists by category
     */
    public FeatureExtractor(Lexicon lexicon, WordClusters clusters, NameLists names) {
        this.lexicon = lexicon;
        this.clusters = clusters;
        this.names = names;
    }

    /** Per-document precomputed token properties; build once per document, then ask for each token. */
    public final class Context {
        final String[] words;
        final int n;
        final long[] wordHash;
        final long[] lowerHash;
        final long[] shapeHash;
        final int[] sentenceStart;
        final int[] sentenceEnd;
        final boolean[] upperSentence;
        final int[] phraseBegin;
        final int[] phraseInside;
        final int[] nameBegin;
        final int[] nameInside;
        final int[] flags;
        /** Capitalised run (name-like word sequence) around each token: first and last index, -1 if none. */
        final int[] runFirst;
        final int[] runLast;
        /** Type index (0..3) the first-pass tagger gave this word elsewhere in the document, -1 none, 4 unset. */
        int[] prior;
        /** Lower-case hashes of the words before / after the token's other occurrences (capitalised words only). */
        long[][] aggLeft;
        long[][] aggRight;

        Context(NerDocument doc) {
            words = lexicon.restoreLowercasePlaces(doc.words());
            n = words.length;
            wordHash = new long[n];
            lowerHash = new long[n];
            shapeHash = new long[n];
            sentenceStart = new int[n];
            sentenceEnd = new int[n];
            upperSentence = new boolean[n];
            phraseBegin = new int[n];
            phraseInside = new int[n];
            nameBegin = new int[n];
            nameInside = new int[n];
            flags = new int[n];
            runFirst = new int[n];
            runLast = new int[n];
            String[] lower = new String[n];
            for (int i = 0; i < n; i++) {
                String w = words[i];
                lower[i] = w.toLowerCase(java.util.Locale.ROOT);
                wordHash[i] = hash(w);
                lowerHash[i] = hash(lower[i]);
                shapeHash[i] = hash(shape(w));
                int f = 0;
                if (isCapitalised(w)) {
                    f |= F_CAPITALISED;
                    if (lexicon.isPersonName(w) || lexicon.isPersonName(titleCase(w))) {
                        f |= F_PERSON_NAME;
                    }
                }
                if (lexicon.isOrgKeyword(w)) {
                    f |= F_ORG_KEYWORD;
                }
                if (lexicon.isTitle(w)) {
                    f |= F_TITLE;
                }
                flags[i] = f;
            }
            int[] starts = doc.sentenceStarts();
            for (int s = 0; s < starts.length; s++) {
                int from = starts[s];
                int to = doc.sentenceEnd(s);
                int letters = 0;
                int upper = 0;
                for (int i = from; i < to; i++) {
                    sentenceStart[i] = from;
                    sentenceEnd[i] = to;
                    for (int k = 0; k < words[i].length(); k++) {
                        char c = words[i].charAt(k);
                        if (Character.isLetter(c)) {
                            letters++;
                            if (Character.isUpperCase(c)) {
                                upper++;
                            }
                        }
                    }
                }
                boolean shouting = letters > 8 && upper * 10 >= letters * 8;
                for (int i = from; i < to; i++) {
                    upperSentence[i] = shouting;
                }
                markPhrases(from, to);
                if (!names.isEmpty()) {
                    markNames(from, to);
                }
                markCapitalisedRuns(lower, from, to);
            }
            addDocumentHints(lower);
            aggregateContexts();
        }

        /**
         * Context aggregation (Ratinov and Roth 2009): for a capitalised word that occurs more than once, the words
         * right before and after its other occurrences (up to ten of them), so every occurrence of a name shares the
         * evidence of all its contexts ("Kirby" after "spokesman" elsewhere; a business reviewed by name in several
         * sentences). Complements the first pass's prediction history, which shares labels rather than contexts.
         */
        private void aggregateContexts() {
            aggLeft = new long[n][];
            aggRight = new long[n][];
            Map<String, java.util.List<Integer>> at = new HashMap<>();
            for (int i = 0; i < n; i++) {
                if ((flags[i] & F_CAPITALISED) != 0) {
                    at.computeIfAbsent(words[i], k -> new java.util.ArrayList<>()).add(i);
                }
            }
            for (java.util.List<Integer> occurrences : at.values()) {
                if (occurrences.size() < 2) {
                    continue;
                }
                for (int i : occurrences) {
                    long[] left = new long[AGG_MAX_OCCURRENCES];
                    long[] right = new long[AGG_MAX_OCCURRENCES];
                    int lefts = 0;
                    int rights = 0;
                    int used = 0;
                    for (int j : occurrences) {
                        if (j == i) {
                            continue;
                        }
                        if (used++ == AGG_MAX_OCCURRENCES) {
                            break;
                        }
                        if (j > sentenceStart[j] && !words[j - 1].equals(words[i])) {
                            lefts = addDistinct(left, lefts, lowerHash[j - 1]);
                        }
                        if (j + 1 < sentenceEnd[j] && !words[j + 1].equals(words[i])) {
                            rights = addDistinct(right, rights, lowerHash[j + 1]);
                        }
                    }
                    aggLeft[i] = java.util.Arrays.copyOf(left, lefts);
                    aggRight[i] = java.util.Arrays.copyOf(right, rights);
                }
            }
        }

        /** Appends {@code h} to the first {@code size} values unless it is among them; the new size. */
        private static int addDistinct(long[] values, int size, long h) {
            for (int k = 0; k < size; k++) {
                if (values[k] == h) {
                    return size;
                }
            }
            values[size] = h;
            return size + 1;
        }

        /** Longest lexicon phrase starting at each capitalised token of a sentence. */
        private void markPhrases(int from, int to) {
            StringBuilder key = new StringBuilder(32);
            for (int i = from; i < to; i++) {
                if ((flags[i] & F_CAPITALISED) == 0) {
                    continue;
                }
                key.setLength(0);
                int bestEnd = -1;
                int bestClasses = 0;
                for (int end = i + 1; end <= Math.min(to, i + Lexicon.MAX_PHRASE_TOKENS); end++) {
                    String k = Gazetteer.key(words[end - 1]);
                    if (k.isEmpty()) {
                        break;
                    }
                    if (key.length() > 0) {
                        key.append(' ');
                    }
                    key.append(k);
                    int c = lexicon.phraseClasses(key.toString());
                    if (c != 0) {
                        bestEnd = end;
                        bestClasses = c;
                    }
                }
                if (bestEnd > 0) {
                    phraseBegin[i] |= bestClasses;
                    for (int k = i + 1; k < bestEnd; k++) {
                        phraseInside[k] |= bestClasses;
                    }
                }
            }
        }

        /** Longest listed name starting at each capitalised (or digit-initial) token of a sentence. */
        private void markNames(int from, int to) {
            long[] tokenHash = new long[to - from];
            for (int i = from; i < to; i++) {
                tokenHash[i - from] = NameLists.tokenHash(words[i]);
            }
            for (int i = from; i < to; i++) {
                String w = words[i];
                if (w.isEmpty() || !(Character.isUpperCase(w.charAt(0)) || Character.isDigit(w.charAt(0)))) {
                    continue;
                }
                long h = 0;
                int bestEnd = -1;
                int bestMask = 0;
                for (int end = i + 1; end <= Math.min(to, i + NameLists.MAX_TOKENS); end++) {
                    h = NameLists.extend(h, tokenHash[end - 1 - from]);
                    int m = names.categories(h);
                    if (m != 0) {
                        bestEnd = end;
                        bestMask = m;
                    }
                }
                if (bestEnd > 0) {
                    nameBegin[i] |= bestMask;
                    for (int k = i + 1; k < bestEnd; k++) {
                        nameInside[k] |= bestMask;
                    }
                }
            }
        }

        /**
         * Runs of capitalised words, joined across "of", "and", "the", "for", "de" when a capitalised word
         * follows ("Bank of England"): the run's last word says much about every word in it ("Council").
         */
        private void markCapitalisedRuns(String[] lower, int from, int to) {
            int i = from;
            while (i < to) {
                if ((flags[i] & F_CAPITALISED) == 0) {
                    runFirst[i] = -1;
                    runLast[i] = -1;
                    i++;
                    continue;
                }
                int end = i + 1;
                while (end < to) {
                    if ((flags[end] & F_CAPITALISED) != 0) {
                        end++;
                    } else if (RUN_JOINERS.contains(lower[end]) && end + 1 < to && (flags[end + 1] & F_CAPITALISED) != 0) {
                        end += 2;
                    } else {
                        break;
                    }
                }
                for (int k = i; k < end; k++) {
                    runFirst[k] = i;
                    runLast[k] = end - 1;
                }
                i = end;
            }
        }

        /** Flags from the token's other occurrences in the document. */
        private void addDocumentHints(String[] lower) {
            Map<String, Integer> evidence = new HashMap<>();
            for (int i = 0; i < n; i++) {
                String w = words[i];
                boolean capitalised = (flags[i] & F_CAPITALISED) != 0;
                if (!capitalised) {
                    if (!w.isEmpty() && Character.isLetter(w.charAt(0))) {
                        evidence.merge(lower[i], F_LOWERCASE_ELSEWHERE, (a, b) -> a | b);
                    }
                    continue;
                }
                int e = 0;
                boolean initial = i == sentenceStart[i] || !isLetterWord(words[i - 1]);
                if (!initial) {
                    e |= F_CAPITALISED_MID_SENTENCE_ELSEWHERE;
                }
                if (i > sentenceStart[i] && (flags[i - 1] & F_PERSON_NAME) != 0 && (flags[i] & F_PERSON_NAME) == 0) {
                    e |= F_AFTER_GIVEN_NAME_ELSEWHERE;
                }
                if (i > sentenceStart[i] && (flags[i - 1] & F_TITLE) != 0) {
                    e |= F_AFTER_TITLE_ELSEWHERE;
                }
                if (i + 1 < sentenceEnd[i] && (flags[i + 1] & F_ORG_KEYWORD) != 0) {
                    e |= F_BEFORE_ORG_KEYWORD_ELSEWHERE;
                }
                if (e != 0) {
                    evidence.merge(w, e, (a, b) -> a | b);
                }
            }
            for (int i = 0; i < n; i++) {
                if ((flags[i] & F_CAPITALISED) != 0) {
                    Integer lowerSeen = evidence.get(lower[i]);
                    Integer capSeen = evidence.get(words[i]);
                    if (lowerSeen != null) {
                        flags[i] |= lowerSeen & F_LOWERCASE_ELSEWHERE;
                    }
                    if (capSeen != null) {
                        flags[i] |= capSeen & ~F_LOWERCASE_ELSEWHERE;
                    }
                }
            }
        }

        /** Sets the first-pass predictions used by the second pass: a type index per token or -1. */
        void setPrior(int[] priorTypes) {
            this.prior = priorTypes;
        }

        /** Number of tokens. */
        public int size() {
            return n;
        }
    }

    /** Precomputes a document. */
    public Context context(NerDocument doc) {
        return new Context(doc);
    }

    /** Emits the features of token {@code i}. */
    public void features(Context c, int i, Sink out) {
        int from = c.sentenceStart[i];
        int to = c.sentenceEnd[i];
        long lower = c.lowerHash[i];
        long lowerM1 = i - 1 >= from ? c.lowerHash[i - 1] : BOUNDARY;
        long lowerP1 = i + 1 < to ? c.lowerHash[i + 1] : BOUNDARY;
        long shape = c.shapeHash[i];
        long shapeM1 = i - 1 >= from ? c.shapeHash[i - 1] : BOUNDARY;
        long shapeP1 = i + 1 < to ? c.shapeHash[i + 1] : BOUNDARY;

        out.accept(combine(T_BIAS, 0));
        out.accept(combine(T_WORD, c.wordHash[i]));
        out.accept(combine(T_LOWER, lower));
        out.accept(combine(T_LOWER_M1, lowerM1));
        out.accept(combine(T_LOWER_P1, lowerP1));
        out.accept(combine(T_LOWER_M2, i - 2 >= from ? c.lowerHash[i - 2] : BOUNDARY));
        out.accept(combine(T_LOWER_P2, i + 2 < to ? c.lowerHash[i + 2] : BOUNDARY));
        out.accept(combine(T_BIGRAM_M1, lowerM1, lower));
        out.accept(combine(T_BIGRAM_P1, lower, lowerP1));
        out.accept(combine(T_SHAPE, shape));
        out.accept(combine(T_SHAPE_M1, shapeM1));
        out.accept(combine(T_SHAPE_P1, shapeP1));
        out.accept(combine(T_SHAPE_TRIGRAM, shapeM1, shape, shapeP1));
        out.accept(combine(T_LOWER_M1_SHAPE, lowerM1, shape));
        out.accept(combine(T_SHAPE_LOWER_P1, shape, lowerP1));
        String w = c.words[i];
        out.accept(combine(T_LENGTH, Math.min(w.length(), 12)));
        affixes(w, out);
        out.accept(combine(T_INITIAL_SHAPE, i == from ? 1 : 0, shape));
        if (c.upperSentence[i]) {
            out.accept(combine(T_UPPER_SENTENCE_SHAPE, shape));
        }
        bits(c.phraseBegin[i], c.phraseInside[i], T_PHRASE, out);
        if (i - 1 >= from) {
            bits(c.phraseBegin[i - 1] | c.phraseInside[i - 1], 0, T_PHRASE_M1, out);
        }
        if (i + 1 < to) {
            bits(c.phraseBegin[i + 1] | c.phraseInside[i + 1], 0, T_PHRASE_P1, out);
        }
        if (!names.isEmpty()) {
            bits(c.nameBegin[i], c.nameInside[i], T_NAMES, out);
            if (i - 1 >= from) {
                bits(c.nameBegin[i - 1] | c.nameInside[i - 1], 0, T_NAMES_M1, out);
            }
            if (i + 1 < to) {
                bits(c.nameBegin[i + 1] | c.nameInside[i + 1], 0, T_NAMES_P1, out);
            }
        }
        flagFeatures(c.flags[i], T_FLAG, out);
        if (i - 1 >= from) {
            flagFeatures(c.flags[i - 1] & (F_PERSON_NAME | F_TITLE | F_ORG_KEYWORD | F_CAPITALISED), T_FLAG_M1, out);
        }
        if (i + 1 < to) {
            flagFeatures(c.flags[i + 1] & (F_PERSON_NAME | F_TITLE | F_ORG_KEYWORD | F_CAPITALISED), T_FLAG_P1, out);
        }
        if (c.runFirst[i] >= 0) {
            int first = c.runFirst[i];
            int last = c.runLast[i];
            int length = Math.min(last - first + 1, 5);
            int position = first == last ? 0 : i == first ? 1 : i == last ? 3 : 2;
            out.accept(combine(T_RUN_POSITION, position, length));
            if (last != i) {
                out.accept(combine(T_RUN_LAST, c.lowerHash[last]));
            }
            if (first != i) {
                out.accept(combine(T_RUN_FIRST, c.lowerHash[first]));
            }
        }
        clusters.addFeatures(lower, T_CLUSTER, out);
        if (i - 1 >= from) {
            clusters.addFeatures(lowerM1, T_CLUSTER_M1, out);
        }
        if (i + 1 < to) {
            clusters.addFeatures(lowerP1, T_CLUSTER_P1, out);
        }

        if (c.aggLeft[i] != null) {
            for (long h : c.aggLeft[i]) {
                out.accept(combine(T_AGG_LEFT, h));
            }
            for (long h : c.aggRight[i]) {
                out.accept(combine(T_AGG_RIGHT, h));
            }
        }

        if (c.prior != null) {
            priorFeatures(c, i, out);
        }
    }

    /** The second-pass features of token {@code i} alone: what the first pass made of its other occurrences. */
    public void priorFeatures(Context c, int i, Sink out) {
        int p = c.prior[i];
        out.accept(combine(T_PRIOR, p + 1));
        out.accept(combine(T_PRIOR_SHAPE, p + 1, c.shapeHash[i]));
        if (i > c.sentenceStart[i]) {
            out.accept(combine(T_PRIOR_M1, c.prior[i - 1] + 1));
        }
        if (i + 1 < c.sentenceEnd[i]) {
            out.accept(combine(T_PRIOR_P1, c.prior[i + 1] + 1));
        }
    }

    private static void affixes(String w, Sink out) {
        int len = w.length();
        long prefix = FNV_OFFSET;
        long suffix = FNV_OFFSET;
        for (int k = 1; k <= AFFIX_LENGTHS.length && k < len; k++) {
            prefix = (prefix ^ w.charAt(k - 1)) * FNV_PRIME;
            suffix = (suffix ^ w.charAt(len - k)) * FNV_PRIME;
            out.accept(combine(T_PREFIX, k, prefix));
            out.accept(combine(T_SUFFIX, k, suffix));
        }
    }

    private static void bits(int begin, int inside, int template, Sink out) {
        for (int b = 0; b < 32; b++) {
            if ((begin & (1 << b)) != 0) {
                out.accept(combine(template, b, 1));
            }
            if ((inside & (1 << b)) != 0) {
                out.accept(combine(template, b, 2));
            }
        }
    }

    private static void flagFeatures(int flags, int template, Sink out) {
        for (int b = 0; b < FLAG_COUNT; b++) {
            if ((flags & (1 << b)) != 0) {
                out.accept(combine(template, b));
            }
        }
    }

    /** Collapsed word shape: "Putin" → "Xx", "U.S." → "X.X.", "1996-08-22" → "d-d-d", "McDonald" → "XxXx". */
    static String shape(String w) {
        StringBuilder b = new StringBuilder(8);
        char last = 0;
        for (int k = 0; k < w.length() && b.length() < 8; k++) {
            char c = w.charAt(k);
            char s = Character.isUpperCase(c) ? 'X' : Character.isLowerCase(c) ? 'x' : Character.isDigit(c) ? 'd'
                    : Character.isLetter(c) ? 'L' : c;
            if (s != last) {
                b.append(s);
                last = s;
            }
        }
        return b.toString();
    }

    static boolean isCapitalised(String w) {
        return !w.isEmpty() && Character.isUpperCase(w.charAt(0));
    }

    private static boolean isLetterWord(String w) {
        return !w.isEmpty() && Character.isLetterOrDigit(w.charAt(0));
    }

    private static String titleCase(String w) {
        return w.length() < 2 ? w : w.charAt(0) + w.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    /** 64-bit FNV-1a of a string. */
    public static long hash(String s) {
        long h = FNV_OFFSET;
        for (int k = 0; k < s.length(); k++) {
            h = (h ^ s.charAt(k)) * FNV_PRIME;
        }
        return h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    static long combine(int template, long a) {
        return mix(a * 0x9E3779B97F4A7C15L + template);
    }

    static long combine(int template, long a, long b) {
        return mix(combine(template, a) * 31 + b);
    }

    static long combine(int template, long a, long b, long c) {
        return mix(combine(template, a, b) * 31 + c);
    }
}
