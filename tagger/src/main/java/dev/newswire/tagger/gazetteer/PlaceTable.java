package dev.newswire.tagger.gazetteer;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The linking table {@code gazetteer/places.tsv.gz}: every GeoNames populated place of at least 500 people or
 * seat of a division, and every first- and second-level administrative division, each with id, name, feature
 * class and code, country, admin1/admin2 codes, population and position; found by name or by any of its
 * alternate names ({@link Gazetteer#key}; the table holds the alternate names as such keys). Built by
 * {@code tagger/scripts/build-gazetteer.sh}.
 *
 * <p>Kept as parallel arrays and one sorted array of name hashes (no string per alternate name is kept), so
 * 230,000 places and 400,000 names load in a fraction of a second and hold about 40 MB. Immutable after loading.
 */
public final class PlaceTable {

    /** The table as the build script writes it: text, reviewable, read only when the binary form is missing. */
    private static final String TEXT_RESOURCE = "/dev/newswire/tagger/gazetteer/places.tsv.gz";
    /**
     * The same table compiled by the build ({@link PlaceTableCompiler}, Maven's process-classes phase) into the
     * arrays it is held as, so a start reads them in bulk instead of parsing 16 MB of text (about a second of CPU).
     */
    static final String BINARY_RESOURCE = "/dev/newswire/tagger/gazetteer/places.bin";
    private static final int BINARY_MAGIC = 0x4e575054; // "NWPT"
    private static final int BINARY_VERSION = 1;
    /** Low bits of an index entry: the row (20 bits) and whether the name is an alternate one (1 bit). */
    private static final int ROW_BITS = 20;
    private static final int ENTRY_BITS = ROW_BITS + 1;
    private static final long ENTRY_MASK = (1L << ENTRY_BITS) - 1;

    private final int size;
    private final String[] names;
    private final int[] geonamesIds;
    private final String[] featureCodes;
    private final String[] featureClasses;
    private final String[] countries;
    private final String[] admin1;
    private final String[] admin2;
    private final long[] population;
    private final float[] lat;
    private final float[] lon;
    /** Sorted: (43 high bits of the name key's hash) << 21 | row << 1 | alternate. */
    private final long[] index;
    /** Open addressing: GeoNames id → row + 1. */
    private final int[] idSlots;
    private final int[] idRows;
    /** "CC.A1" and "CC.A1.A2" → the row of that division. */
    private final Map<String, Integer> divisions = new HashMap<>();

    private PlaceTable(int size, String[] names, int[] geonamesIds, String[] featureCodes, String[] featureClasses,
                       String[] countries, String[] admin1, String[] admin2, long[] population, float[] lat, float[] lon,
                       long[] index) {
        this.size = size;
        this.names = names;
        this.geonamesIds = geonamesIds;
        this.featureCodes = featureCodes;
        this.featureClasses = featureClasses;
        this.countries = countries;
        this.admin1 = admin1;
        this.admin2 = admin2;
        this.population = population;
        this.lat = lat;
        this.lon = lon;
        this.index = index;
        int slots = Integer.highestOneBit(Math.max(16, size * 2)) * 2;
        this.idSlots = new int[slots];
        this.idRows = new int[slots];
        for (int r = 0; r < size; r++) {
            if (geonamesIds[r] != 0) {
                int s = slot(geonamesIds[r]);
                while (idSlots[s] != 0 && idSlots[s] != geonamesIds[r]) {
                    s = (s + 1) & (idSlots.length - 1);
                }
                idSlots[s] = geonamesIds[r];
                idRows[s] = r + 1;
            }
            if ("ADM1".equals(featureCodes[r]) && admin1[r] != null) {
                divisions.putIfAbsent(countries[r] + "." + admin1[r], r);
            } else if ("ADM2".equals(featureCodes[r]) && admin1[r] != null && admin2[r] != null) {
                divisions.putIfAbsent(countries[r] + "." + admin1[r] + "." + admin2[r], r);
            }
        }
    }

    /** The row of the division with this GeoNames admin code ("US.LA", "US.LA.079"), or -1. */
    public int rowOfDivision(String code) {
        Integer r = divisions.get(code);
        return r == null ? -1 : r;
    }

    /** An empty table (a gazetteer without linking data). */
    public static PlaceTable empty() {
        return new PlaceTable(0, new String[0], new int[0], new String[0], new String[0], new String[0], new String[0],
                new String[0], new long[0], new float[0], new float[0], new long[0]);
    }

    /** Reads the shipped table: its compiled binary form, or the text when the build has not compiled it. */
    public static PlaceTable loadShipped() {
        try (InputStream binary = PlaceTable.class.getResourceAsStream(BINARY_RESOURCE)) {
            if (binary != null) {
                return readBinary(binary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BINARY_RESOURCE, e);
        }
        try (InputStream raw = PlaceTable.class.getResourceAsStream(TEXT_RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("missing classpath resource " + BINARY_RESOURCE + " or " + TEXT_RESOURCE);
            }
            return readText(raw);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TEXT_RESOURCE, e);
        }
    }

    /** Reads a gzipped table in the text format of the build script. */
    public static PlaceTable readText(InputStream gzipped) throws IOException {
        return read(new BufferedReader(new InputStreamReader(new GZIPInputStream(gzipped, 1 << 16), StandardCharsets.UTF_8), 1 << 16));
    }

    /**
     * Writes the table as it is held: parallel arrays, the repeated codes as indices into one dictionary, the
     * names as one UTF-8 block, the sorted name index. Same table, same bytes.
     */
    public void writeBinary(OutputStream out) throws IOException {
        Map<String, Integer> dictionary = new LinkedHashMap<>();
        int[][] coded = {codes(featureClasses, dictionary), codes(featureCodes, dictionary), codes(countries, dictionary),
                codes(admin1, dictionary), codes(admin2, dictionary)};
        if (dictionary.size() >= NO_CODE) {
            throw new IllegalStateException(dictionary.size() + " distinct codes do not fit the compiled table");
        }
        java.io.ByteArrayOutputStream payload = new java.io.ByteArrayOutputStream(1 << 24);
        DataOutputStream data = new DataOutputStream(payload);
        data.writeInt(size);
        data.writeInt(index.length);
        data.writeInt(dictionary.size());
        for (String word : dictionary.keySet()) {
            byte[] utf = word.getBytes(StandardCharsets.UTF_8);
            data.writeInt(utf.length);
            data.write(utf);
        }
        for (int v : geonamesIds) {
            data.writeInt(v);
        }
        for (long v : population) {
            data.writeInt(Math.toIntExact(v));
        }
        for (float v : lat) {
            data.writeFloat(v);
        }
        for (float v : lon) {
            data.writeFloat(v);
        }
        for (int[] column : coded) {
            for (int v : column) {
                data.writeChar(v < 0 ? NO_CODE : v);
            }
        }
        int[] nameEnds = new int[size];
        java.io.ByteArrayOutputStream nameBytes = new java.io.ByteArrayOutputStream(size * 12);
        for (int r = 0; r < size; r++) {
            nameBytes.write(names[r].getBytes(StandardCharsets.UTF_8));
            nameEnds[r] = nameBytes.size();
        }
        for (int v : nameEnds) {
            data.writeInt(v);
        }
        data.writeInt(nameBytes.size());
        nameBytes.writeTo(data);
        for (long v : index) {
            data.writeLong(v);
        }
        data.flush();
        DataOutputStream header = new DataOutputStream(out);
        header.writeInt(BINARY_MAGIC);
        header.writeInt(BINARY_VERSION);
        header.writeInt(payload.size());
        payload.writeTo(header);
        header.flush();
    }

    /** A dictionary index meaning "no code" (an empty admin1 or admin2). */
    private static final int NO_CODE = 0xffff;

    /** Each value's position in the dictionary (added in order of first use), -1 for none. */
    private static int[] codes(String[] values, Map<String, Integer> dictionary) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] == null ? -1 : dictionary.computeIfAbsent(values[i], v -> dictionary.size());
        }
        return out;
    }

    /** Reads a table written by {@link #writeBinary}. */
    public static PlaceTable readBinary(InputStream in) throws IOException {
        java.io.DataInputStream header = new java.io.DataInputStream(in);
        if (header.readInt() != BINARY_MAGIC) {
            throw new IOException("not a compiled place table");
        }
        int version = header.readInt();
        if (version != BINARY_VERSION) {
            throw new IOException("compiled place table version " + version + ", expected " + BINARY_VERSION);
        }
        int length = header.readInt();
        // one array of the known size: no growing and copying of 12 MB
        byte[] payload = in.readNBytes(length);
        if (payload.length != length) {
            throw new IOException("compiled place table cut short: " + payload.length + " of " + length + " bytes");
        }
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        try {
            int n = buffer.getInt();
            int entries = buffer.getInt();
            String[] dictionary = new String[buffer.getInt()];
            for (int i = 0; i < dictionary.length; i++) {
                byte[] utf = new byte[buffer.getInt()];
                buffer.get(utf);
                dictionary[i] = new String(utf, StandardCharsets.UTF_8);
            }
            int[] ids = ints(buffer, n);
            int[] populations = ints(buffer, n);
            long[] pop = new long[n];
            for (int r = 0; r < n; r++) {
                pop[r] = populations[r];
            }
            float[] la = new float[n];
            buffer.asFloatBuffer().get(la);
            buffer.position(buffer.position() + n * Float.BYTES);
            float[] lo = new float[n];
            buffer.asFloatBuffer().get(lo);
            buffer.position(buffer.position() + n * Float.BYTES);
            String[][] decoded = new String[5][];
            for (int c = 0; c < decoded.length; c++) {
                char[] column = new char[n];
                buffer.asCharBuffer().get(column);
                buffer.position(buffer.position() + n * Character.BYTES);
                String[] values = new String[n];
                for (int r = 0; r < n; r++) {
                    values[r] = column[r] == NO_CODE ? null : dictionary[column[r]];
                }
                decoded[c] = values;
            }
            int[] nameEnds = ints(buffer, n);
            int nameLength = buffer.getInt();
            byte[] nameBytes = new byte[nameLength];
            buffer.get(nameBytes);
            String[] names = new String[n];
            for (int r = 0, start = 0; r < n; start = nameEnds[r], r++) {
                names[r] = new String(nameBytes, start, nameEnds[r] - start, StandardCharsets.UTF_8);
            }
            long[] index = new long[entries];
            buffer.asLongBuffer().get(index);
            buffer.position(buffer.position() + entries * Long.BYTES);
            if (buffer.hasRemaining()) {
                throw new IOException(buffer.remaining() + " bytes after the compiled place table");
            }
            return new PlaceTable(n, names, ids, decoded[1], decoded[0], decoded[2], decoded[3], decoded[4], pop, la, lo,
                    index);
        } catch (BufferUnderflowException e) {
            throw new IOException("compiled place table cut short", e);
        }
    }

    private static int[] ints(ByteBuffer buffer, int n) {
        int[] out = new int[n];
        buffer.asIntBuffer().get(out);
        buffer.position(buffer.position() + n * Integer.BYTES);
        return out;
    }

    /** Reads a table in the shipped format (tab-separated, see the build script). */
    public static PlaceTable read(BufferedReader r) throws IOException {
        int cap = 1 << 18;
        String[] names = new String[cap];
        int[] ids = new int[cap];
        String[] codes = new String[cap];
        String[] classes = new String[cap];
        String[] cc = new String[cap];
        String[] a1 = new String[cap];
        String[] a2 = new String[cap];
        long[] pop = new long[cap];
        float[] la = new float[cap];
        float[] lo = new float[cap];
        long[] index = new long[cap * 2];
        int entries = 0;
        Map<String, String> pool = new HashMap<>();
        int n = 0;
        String line;
        while ((line = r.readLine()) != null) {
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            int[] tab = tabs(line);
            if (n == cap) {
                cap *= 2;
                names = Arrays.copyOf(names, cap);
                ids = Arrays.copyOf(ids, cap);
                codes = Arrays.copyOf(codes, cap);
                classes = Arrays.copyOf(classes, cap);
                cc = Arrays.copyOf(cc, cap);
                a1 = Arrays.copyOf(a1, cap);
                a2 = Arrays.copyOf(a2, cap);
                pop = Arrays.copyOf(pop, cap);
                la = Arrays.copyOf(la, cap);
                lo = Arrays.copyOf(lo, cap);
            }
            if (n >= 1 << ROW_BITS) {
                throw new IllegalStateException("more than " + (1 << ROW_BITS) + " places");
            }
            // columns: 0 id, 1 name, 2 alternates, 3 class.code, 4 country, 5 admin1, 6 admin2, 7 population, 8 lat, 9 lon
            ids[n] = (int) parseLong(line, 0, tab[0]);
            names[n] = line.substring(tab[0] + 1, tab[1]);
            int dot = line.indexOf('.', tab[2] + 1);
            classes[n] = pooled(pool, line.substring(tab[2] + 1, dot));
            codes[n] = pooled(pool, line.substring(dot + 1, tab[3]));
            cc[n] = pooled(pool, line.substring(tab[3] + 1, tab[4]));
            a1[n] = tab[5] == tab[4] + 1 ? null : pooled(pool, line.substring(tab[4] + 1, tab[5]));
            a2[n] = tab[6] == tab[5] + 1 ? null : pooled(pool, line.substring(tab[5] + 1, tab[6]));
            pop[n] = parseLong(line, tab[6] + 1, tab[7]);
            la[n] = (float) parseDecimal(line, tab[7] + 1, tab[8]);
            lo[n] = (float) parseDecimal(line, tab[8] + 1, line.length());
            if (entries + 1 >= index.length) {
                index = Arrays.copyOf(index, index.length * 2);
            }
            long primary = hash(Gazetteer.key(names[n]));
            index[entries++] = entry(primary, n, false);
            // alternate names, written as keys by the build script: hashed in place, no strings made
            int start = tab[1] + 1;
            for (int i = start; i <= tab[2]; i++) {
                if (i == tab[2] || line.charAt(i) == '|') {
                    if (i > start) {
                        long h = hash(line, start, i);
                        if (h != primary) {
                            if (entries == index.length) {
                                index = Arrays.copyOf(index, index.length * 2);
                            }
                            index[entries++] = entry(h, n, true);
                        }
                    }
                    start = i + 1;
                }
            }
            n++;
        }
        long[] sorted = Arrays.copyOf(index, entries);
        Arrays.sort(sorted);
        return new PlaceTable(n, Arrays.copyOf(names, n), Arrays.copyOf(ids, n), Arrays.copyOf(codes, n),
                Arrays.copyOf(classes, n), Arrays.copyOf(cc, n), Arrays.copyOf(a1, n), Arrays.copyOf(a2, n),
                Arrays.copyOf(pop, n), Arrays.copyOf(la, n), Arrays.copyOf(lo, n), sorted);
    }

    /** Positions of the first nine tabs of a row. */
    private static int[] tabs(String line) {
        int[] tab = new int[9];
        int k = 0;
        for (int i = 0; i < line.length() && k < tab.length; i++) {
            if (line.charAt(i) == '\t') {
                tab[k++] = i;
            }
        }
        if (k < tab.length) {
            throw new IllegalArgumentException("a place row has 10 columns: " + line);
        }
        return tab;
    }

    /** A non-negative integer in {@code s[from, to)}, 0 when empty. */
    private static long parseLong(String s, int from, int to) {
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException(s.substring(from, to));
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** A decimal such as "-92.4451" in {@code s[from, to)}. */
    private static double parseDecimal(String s, int from, int to) {
        boolean negative = from < to && s.charAt(from) == '-';
        long digits = 0;
        long scale = 1;
        boolean fraction = false;
        for (int i = negative ? from + 1 : from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '.' && !fraction) {
                fraction = true;
            } else if (c >= '0' && c <= '9') {
                digits = digits * 10 + (c - '0');
                if (fraction) {
                    scale *= 10;
                }
            } else {
                return Double.parseDouble(s.substring(from, to));
            }
        }
        double v = (double) digits / scale;
        return negative ? -v : v;
    }

    private static String pooled(Map<String, String> pool, String s) {
        String p = pool.putIfAbsent(s, s);
        return p != null ? p : s;
    }

    private static long entry(long hash, int row, boolean alternate) {
        return (hash & ~ENTRY_MASK) | ((long) row << 1) | (alternate ? 1 : 0);
    }

    /** 64-bit FNV-1a of a name key, finished with a mixer so the high bits are well spread. */
    static long hash(String key) {
        return hash(key, 0, key.length());
    }

    /** {@link #hash(String)} of {@code s.substring(from, to)}. */
    static long hash(String s, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /** Number of places. */
    public int size() {
        return size;
    }

    /**
     * The rows named {@code key} (a {@link Gazetteer#key}), each as {@code row << 1 | alternate}: alternate is 1
     * when only an alternate name matches. Empty when none.
     */
    public int[] rowsByKey(String key) {
        long h = hash(key) & ~ENTRY_MASK;
        int i = Arrays.binarySearch(index, h);
        if (i < 0) {
            i = -i - 1;
        }
        int start = i;
        while (i < index.length && (index[i] & ~ENTRY_MASK) == h) {
            i++;
        }
        if (i == start) {
            return EMPTY;
        }
        int[] out = new int[i - start];
        for (int k = start; k < i; k++) {
            out[k - start] = (int) (index[k] & ENTRY_MASK);
        }
        return out;
    }

    private static final int[] EMPTY = new int[0];

    /** The row of a GeoNames id, or -1. */
    public int rowOfGeonamesId(int id) {
        if (id == 0 || size == 0) {
            return -1;
        }
        int s = slot(id);
        while (idSlots[s] != 0) {
            if (idSlots[s] == id) {
                return idRows[s] - 1;
            }
            s = (s + 1) & (idSlots.length - 1);
        }
        return -1;
    }

    private int slot(int id) {
        return (int) ((id * 0x9E3779B97F4A7C15L) >>> 40) & (idSlots.length - 1);
    }

    /** The place of a row. */
    public Place place(int row) {
        String id;
        if (geonamesIds[row] != 0) {
            id = "geonames:" + geonamesIds[row];
        } else {
            id = "admin:" + countries[row] + (admin1[row] != null ? "." + admin1[row] : "")
                    + ("ADM2".equals(featureCodes[row]) && admin2[row] != null ? "." + admin2[row] : "");
        }
        return new Place(id, names[row], countries[row], featureCodes[row], population[row], lat[row], lon[row],
                featureClasses[row], admin1[row], admin2[row]);
    }

    /** Population of a row (cheap, for ranking candidates before building places). */
    public long population(int row) {
        return population[row];
    }

    /** The name of a row. */
    public String name(int row) {
        return names[row];
    }
}
