package dev.newswire.tagger.ner;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A read-only table of rows keyed by 32-bit hashes, each row a few 16-bit values: the compact, fast-loading
 * form of the word classes and name lists the tagger ships. File layout (gzip): magic {@code NWT1}, row count,
 * column count, the keys in ascending unsigned order as varint gaps, then each column's values as big-endian
 * shorts in key order. Writing sorts by key, so the same rows always give the same bytes.
 */
final class HashedTable {

    private static final int MAGIC = 0x4E575431;

    private final IntIntMap rows;
    /** Column c of row r at {@code values[r * columns + c]}. */
    private final char[] values;
    private final int columns;

    private HashedTable(IntIntMap rows, char[] values, int columns) {
        this.rows = rows;
        this.values = values;
        this.columns = columns;
    }

    /** An empty table of {@code columns} columns. */
    static HashedTable empty(int columns) {
        return new HashedTable(new IntIntMap(1), new char[0], columns);
    }

    /** Row of a key, or -1. */
    int row(int key) {
        return rows.get(key);
    }

    /** A value of a row. */
    int value(int row, int column) {
        return values[row * columns + column];
    }

    int columns() {
        return columns;
    }

    int size() {
        return rows.size();
    }

    /** Reads a table written by {@link #write}. */
    static HashedTable read(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a tagger table");
        }
        int n = in.readInt();
        int columns = in.readInt();
        IntIntMap rows = new IntIntMap(n);
        int key = 0;
        for (int r = 0; r < n; r++) {
            key += readVarint(in);
            rows.put(key, r);
        }
        byte[] bytes = new byte[n * columns * 2];
        in.readFully(bytes);
        char[] values = new char[n * columns];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < columns; c++) {
                int at = (c * n + r) * 2;
                values[r * columns + c] = (char) (((bytes[at] & 0xff) << 8) | (bytes[at + 1] & 0xff));
            }
        }
        return new HashedTable(rows, values, columns);
    }

    /**
     * Writes rows (keys must be distinct and non-zero) in key order.
     *
     * @param keys   one 32-bit key per row
     * @param values {@code keys.length * columns} values, row-major, each 0..65535
     */
    static void write(int[] keys, int[] values, int columns, OutputStream raw) throws IOException {
        int n = keys.length;
        // sort by unsigned key: flipping the sign bit makes signed order unsigned order
        long[] order = new long[n];
        for (int r = 0; r < n; r++) {
            order[r] = ((long) (keys[r] ^ Integer.MIN_VALUE) << 32) | r;
        }
        Arrays.sort(order);
        GZIPOutputStream gz = new GZIPOutputStream(raw, 1 << 16);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(gz, 1 << 16));
        out.writeInt(MAGIC);
        out.writeInt(n);
        out.writeInt(columns);
        long previous = 0;
        for (int i = 0; i < n; i++) {
            long key = Integer.toUnsignedLong((int) (order[i] >> 32) ^ Integer.MIN_VALUE);
            if (i > 0 && key == previous) {
                throw new IllegalArgumentException("duplicate key " + key);
            }
            writeVarint(out, key - previous);
            previous = key;
        }
        for (int c = 0; c < columns; c++) {
            for (int i = 0; i < n; i++) {
                int v = values[(int) (order[i] & 0xffffffffL) * columns + c];
                if (v < 0 || v > 0xffff) {
                    throw new IllegalArgumentException("value out of range: " + v);
                }
                out.writeShort(v);
            }
        }
        out.flush();
        gz.finish();
    }

    private static long readVarint(DataInputStream in) throws IOException {
        long v = 0;
        int shift = 0;
        while (true) {
            int b = in.readUnsignedByte();
            v |= (long) (b & 0x7f) << shift;
            if (b < 0x80) {
                return v;
            }
            shift += 7;
        }
    }

    private static void writeVarint(DataOutputStream out, long v) throws IOException {
        while (v >= 0x80) {
            out.writeByte((int) (v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out.writeByte((int) v);
    }
}
