package dev.newswire.tagger.ner;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HashedTableTest {

    @Test
    void rowsComeBackWhateverTheSignOfTheirKeys() throws Exception {
        int[] keys = {5, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 123_456_789, -987_654_321};
        int[] values = new int[keys.length * 2];
        for (int r = 0; r < keys.length; r++) {
            values[2 * r] = r;
            values[2 * r + 1] = 65_535 - r;
        }
        HashedTable table = roundTrip(keys, values, 2);
        assertEquals(keys.length, table.size());
        for (int r = 0; r < keys.length; r++) {
            int row = table.row(keys[r]);
            assertEquals(r, table.value(row, 0), "key " + keys[r]);
            assertEquals(65_535 - r, table.value(row, 1), "key " + keys[r]);
        }
        assertEquals(-1, table.row(42));
    }

    @Test
    void theSameRowsInAnotherOrderWriteTheSameBytes() throws Exception {
        byte[] a = write(new int[]{3, -7, 11}, new int[]{1, 2, 3}, 1);
        byte[] b = write(new int[]{11, 3, -7}, new int[]{3, 1, 2}, 1);
        assertArrayEquals(a, b);
    }

    @Test
    void duplicateKeysAndOversizedValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> write(new int[]{4, 4}, new int[]{1, 2}, 1));
        assertThrows(IllegalArgumentException.class, () -> write(new int[]{4}, new int[]{70_000}, 1));
    }

    @Test
    void wordClassesAreFoundByTheWordsLowerCaseHash() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WordClusters.write(new String[]{"putin", "seoul", "the"}, new int[][]{{1, 1, 2}, {10, 11, 12}}, out);
        WordClusters classes = WordClusters.read(new ByteArrayInputStream(out.toByteArray()));
        assertArrayEquals(new int[]{1, 10}, classes.classes("putin"));
        assertArrayEquals(new int[]{2, 12}, classes.classes("the"));
        assertEquals(0, classes.classes("pyongyang").length);
        List<Long> features = new java.util.ArrayList<>();
        classes.addFeatures(FeatureExtractor.hash("seoul"), 28, features::add);
        assertEquals(2, features.size(), "one feature per granularity");
    }

    @Test
    void namesAreMatchedTokenByTokenWithDigitsAsZero() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int written = NameLists.write(List.of("Vladimir Putin", "BASF", "Boeing 000", "A B C D E F G"),
                List.of(NameLists.PERSON, NameLists.COMPANY, 1 << 12, NameLists.ORGANISATION), out);
        assertEquals(3, written, "phrases longer than " + NameLists.MAX_TOKENS + " tokens are left out");
        NameLists names = NameLists.read(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(NameLists.PERSON, names.categories(NameLists.phraseHash(new String[]{"Vladimir", "Putin"})));
        assertEquals(1 << 12, names.categories(NameLists.phraseHash(new String[]{"Boeing", "747"})));
        assertEquals(0, names.categories(NameLists.phraseHash(new String[]{"basf"})), "case as written");
        assertEquals(0, names.categories(NameLists.phraseHash(new String[]{"Putin"})));
    }

    private static HashedTable roundTrip(int[] keys, int[] values, int columns) throws Exception {
        return HashedTable.read(new ByteArrayInputStream(write(keys, values, columns)));
    }

    private static byte[] write(int[] keys, int[] values, int columns) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HashedTable.write(Arrays.copyOf(keys, keys.length), values, columns, out);
        return out.toByteArray();
    }
}
