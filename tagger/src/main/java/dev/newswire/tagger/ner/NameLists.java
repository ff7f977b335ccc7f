package dev.newswire.tagger.ner;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Large lists of names by category (people, organisations, companies, locations, nationalities, works,
 * events, products, ...; 1.6 million phrases derived from Wikipedia by NLP4J), as tagger features: which
 * categories list the longest phrase starting at a token. Like the Wikipedia gazetteers of Ratinov and Roth
 * (2009), they tell the tagger about names its training data never showed it; the model weighs them against
 * everything else it sees ("Bush" is listed as a person and a company).
 *
 * <p>Phrases are matched token by token, case as written, digits read as 0, through a rolling hash of the
 * tokens, so a lookup builds no strings. Stored as a {@link HashedTable}: a phrase key and its category bits.
 */
public final class NameLists {

    /** Classpath location of the shipped lists. */
    public static final String RESOURCE = "/dev/newswire/tagger/lexicon/names.bin.gz";
    /** Longest phrase looked up, in tokens. */
    public static final int MAX_TOKENS = 6;
    /** Category bit of companies ("BASF", "British Airways"). */
    public static final int COMPANY = 1;
    /** Category bit of countries ("Turkey", "Chad"). */
    public static final int COUNTRY = 1 << 1;
    /** Category bit of nationalities and peoples ("Korean", "Kurds", "Basque"). */
    public static final int NATIONALITY = 1 << 5;
    /** Category bit of locations ("Lake Altus", "Kefalos"). */
    public static final int LOCATION = 1 << 11;
    /** Category bit of organisations ("United Nations", "Carnegie Mellon University"). */
    public static final int ORGANISATION = 1 << 13;
    /** Category bit of people ("Vladimir Putin", "Beverly Pepper"). */
    public static final int PERSON = 1 << 14;

    private final HashedTable table;

    private NameLists(HashedTable table) {
        this.table = table;
    }

    /** No names. */
    public static NameLists empty() {
        return new NameLists(HashedTable.empty(1));
    }

    /** The shipped lists, or {@link #empty()} if the classpath has none. */
    public static NameLists loadShipped() {
        try (InputStream raw = NameLists.class.getResourceAsStream(RESOURCE)) {
            return raw == null ? empty() : read(raw);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Reads lists written by {@link #write}. */
    public static NameLists read(InputStream raw) throws IOException {
        return new NameLists(HashedTable.read(raw));
    }

    /**
     * Writes phrases (tokens separated by single spaces) with their category bits (16 at most); a phrase of
     * more than {@link #MAX_TOKENS} tokens is left out, and phrases whose keys collide share their bits.
     *
     * @return the number of phrases written
     */
    public static int write(List<String> phrases, List<Integer> masks, OutputStream out) throws IOException {
        IntIntMap rows = new IntIntMap(phrases.size());
        int[] keys = new int[phrases.size()];
        int[] values = new int[phrases.size()];
        int n = 0;
        for (int p = 0; p < phrases.size(); p++) {
            String[] tokens = phrases.get(p).split(" ");
            if (tokens.length > MAX_TOKENS) {
                continue;
            }
            int key = IntIntMap.key(phraseHash(tokens));
            int row = rows.get(key);
            if (row < 0) {
                rows.put(key, n);
                keys[n] = key;
                values[n++] = masks.get(p);
            } else {
                values[row] |= masks.get(p);
            }
        }
        HashedTable.write(java.util.Arrays.copyOf(keys, n), java.util.Arrays.copyOf(values, n), 1, out);
        return n;
    }

    /** The hash of a token as phrases are matched: case kept, every digit read as 0. */
    public static long tokenHash(String token) {
        long h = 0xcbf29ce484222325L;
        for (int k = 0; k < token.length(); k++) {
            char c = token.charAt(k);
            h = (h ^ (Character.isDigit(c) ? '0' : c)) * 0x100000001b3L;
        }
        return h;
    }

    /** The hash of a phrase one token longer ({@code phraseHash} 0 for the empty phrase). */
    public static long extend(long phraseHash, long tokenHash) {
        return FeatureExtractor.combine(7, phraseHash, tokenHash);
    }

    /** The hash of a whole phrase, as {@link #categories(long)} takes it. */
    public static long phraseHash(String[] tokens) {
        long h = 0;
        for (String t : tokens) {
            h = extend(h, tokenHash(t));
        }
        return h;
    }

    /** Category bits of a phrase hash, 0 if not listed. */
    public int categories(long phraseHash) {
        int row = table.row(IntIntMap.key(phraseHash));
        return row < 0 ? 0 : table.value(row, 0);
    }

    /** True if nothing is listed. */
    public boolean isEmpty() {
        return table.size() == 0;
    }

    /** Number of phrases. */
    public int size() {
        return table.size();
    }
}
