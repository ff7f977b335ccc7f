package dev.newswire.tagger.ner;

import java.util.Arrays;

/** Open-addressing map from 64-bit feature hashes to row numbers; no boxing, one probe sequence per lookup. */
final class LongIntMap {

    private static final long EMPTY = 0L;
    private long[] keys;
    private int[] values;
    private int size;
    private int mask;

    LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        mask = capacity - 1;
    }

    /** The value for {@code key}, or -1. */
    int get(long key) {
        long k = key == EMPTY ? 1 : key;
        int slot = (int) (k ^ (k >>> 32)) & mask;
        while (true) {
            long found = keys[slot];
            if (found == k) {
                return values[slot];
            }
            if (found == EMPTY) {
                return -1;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The value for {@code key}, adding {@code next} if absent. */
    int getOrAdd(long key, int next) {
        long k = key == EMPTY ? 1 : key;
        int slot = (int) (k ^ (k >>> 32)) & mask;
        while (true) {
            long found = keys[slot];
            if (found == k) {
                return values[slot];
            }
            if (found == EMPTY) {
                keys[slot] = k;
                values[slot] = next;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return next;
            }
            slot = (slot + 1) & mask;
        }
    }

    int size() {
        return size;
    }

    /** All keys, indexed by their value (values must be 0..size-1). */
    long[] keysByValue() {
        long[] out = new long[size];
        for (int s = 0; s < keys.length; s++) {
            if (keys[s] != EMPTY) {
                out[values[s]] = keys[s];
            }
        }
        return out;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        mask = keys.length - 1;
        size = 0;
        for (int s = 0; s < oldKeys.length; s++) {
            if (oldKeys[s] != EMPTY) {
                getOrAdd(oldKeys[s], oldValues[s]);
            }
        }
        Arrays.fill(oldKeys, EMPTY);
    }
}
