package dev.newswire.tagger.ner;

/**
 * Open-addressing map from 32-bit keys (truncated hashes) to ints, for the large read-only word and phrase
 * tables: half the memory of {@link LongIntMap}, and a key sits next to its value. Keys are hashes, so a
 * lookup of an unlisted word or phrase finds a listed one with a chance of entries / 2^32 (under 1 in 2,500
 * for the largest table): noise a statistical tagger tolerates.
 */
final class IntIntMap {

    private static final int EMPTY = 0;
    /** Interleaved: key at 2*slot, value at 2*slot+1. */
    private final int[] table;
    private final int mask;
    private int size;

    /** A map for up to {@code expected} keys (no growth beyond twice that). */
    IntIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        table = new int[capacity * 2];
        mask = capacity - 1;
    }

    /** The 32-bit key of a 64-bit hash. */
    static int key(long hash) {
        int k = (int) (hash ^ (hash >>> 32));
        return k == EMPTY ? 1 : k;
    }

    private int firstSlot(int k) {
        return (k ^ (k >>> 16)) * 0x45d9f3b & mask;
    }

    /** The value of {@code key}, or -1. */
    int get(int key) {
        int slot = firstSlot(key);
        while (true) {
            int found = table[slot << 1];
            if (found == key) {
                return table[(slot << 1) + 1];
            }
            if (found == EMPTY) {
                return -1;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Sets the value of {@code key}; the map must not be full. */
    void put(int key, int value) {
        int slot = firstSlot(key);
        while (true) {
            int found = table[slot << 1];
            if (found == key || found == EMPTY) {
                if (found == EMPTY) {
                    if (size * 2 >= mask + 1) {
                        throw new IllegalStateException("table full");
                    }
                    size++;
                    table[slot << 1] = key;
                }
                table[(slot << 1) + 1] = value;
                return;
            }
            slot = (slot + 1) & mask;
        }
    }

    int size() {
        return size;
    }
}
