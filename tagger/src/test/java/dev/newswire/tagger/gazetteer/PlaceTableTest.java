package dev.newswire.tagger.gazetteer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlaceTableTest {

    private static final String TABLE = String.join("\n",
            "4314550\tAlexandria\taex|aleksandrija\tP.PPLA2\tUS\tLA\t079\t47889\t31.3113\t-92.4451",
            "361058\tAlexandria\tal iskandariyah\tP.PPLA\tEG\t06\t\t3811516\t31.2018\t29.9158",
            "\tRapides Parish\t\tA.ADM2\tUS\tLA\t079\t74022\t31.2072\t-92.4427",
            "4331987\tLouisiana\t\tA.ADM1\tUS\tLA\t\t3159682\t30.8068\t-91.6705") + "\n";

    private static PlaceTable table() throws IOException {
        return PlaceTable.read(new BufferedReader(new StringReader(TABLE)));
    }

    private static byte[] compiled(PlaceTable table) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        table.writeBinary(out);
        return out.toByteArray();
    }

    /** The table as read from text, and the same table written in binary form and read back. */
    static Stream<PlaceTable> tables() throws IOException {
        return Stream.of(table(), PlaceTable.readBinary(new ByteArrayInputStream(compiled(table()))));
    }

    @ParameterizedTest
    @MethodSource("tables")
    void findsPlacesByNameAndAlternateNameWithTheirFacts(PlaceTable t) {
        assertEquals(4, t.size());
        int[] rows = t.rowsByKey(Gazetteer.key("Alexandria"));
        Arrays.sort(rows);
        assertArrayEquals(new int[]{0, 2}, rows, "rows 0 and 1, by their primary name (low bit 0)");
        assertArrayEquals(new int[]{1 << 1 | 1}, t.rowsByKey(Gazetteer.key("Al Iskandariyah")), "row 1 by an alternate name");
        assertEquals(0, t.rowsByKey(Gazetteer.key("Xyzzyville")).length);
        Place la = t.place(0);
        assertEquals("geonames:4314550", la.id());
        assertEquals("P", la.featureClass());
        assertEquals("PPLA2", la.featureType());
        assertEquals("LA", la.admin1());
        assertEquals("079", la.admin2());
        assertEquals(-92.4451, la.lon(), 1e-4);
    }

    @ParameterizedTest
    @MethodSource("tables")
    void divisionsByAdminCodeAndWithoutAGeoNamesIdGetAnAdminId(PlaceTable t) {
        Place parish = t.place(t.rowOfDivision("US.LA.079"));
        assertEquals("admin:US.LA.079", parish.id());
        assertEquals("Louisiana", t.place(t.rowOfDivision("US.LA")).name());
        assertEquals(3, t.rowOfGeonamesId(4331987));
        assertEquals(-1, t.rowOfGeonamesId(1));
        assertEquals(-1, t.rowOfDivision("US.TX"));
        assertNull(t.place(1).admin2());
    }

    @Test
    void theBinaryFormRoundTripsByteForByte() throws IOException {
        byte[] once = compiled(table());
        assertArrayEquals(once, compiled(PlaceTable.readBinary(new ByteArrayInputStream(once))));
    }

    @Test
    void aDamagedBinaryTableIsAClearError() throws IOException {
        byte[] good = compiled(table());
        IOException cut = assertThrows(IOException.class,
                () -> PlaceTable.readBinary(new ByteArrayInputStream(Arrays.copyOf(good, good.length - 9))));
        assertTrue(cut.getMessage().contains("cut short"), cut.getMessage());
        byte[] text = TABLE.getBytes(StandardCharsets.UTF_8);
        IOException notOne = assertThrows(IOException.class, () -> PlaceTable.readBinary(new ByteArrayInputStream(text)));
        assertTrue(notOne.getMessage().contains("not a compiled place table"), notOne.getMessage());
    }

    @Test
    void theShippedBinaryTableIsTheCompiledTextTable() throws IOException {
        // the build compiles places.tsv.gz into places.bin; a stale or hand-edited binary fails here
        PlaceTable fromText;
        try (InputStream text = PlaceTableTest.class.getResourceAsStream("/dev/newswire/tagger/gazetteer/places.tsv.gz")) {
            fromText = PlaceTable.readText(text);
        }
        byte[] shipped;
        try (InputStream binary = PlaceTableTest.class.getResourceAsStream(PlaceTable.BINARY_RESOURCE)) {
            shipped = binary.readAllBytes();
        }
        assertArrayEquals(compiled(fromText), shipped);
    }

    @Test
    void theShippedTableLoads() {
        PlaceTable t = PlaceTable.loadShipped();
        assertEquals(228_438, t.size());
        assertEquals("Alexandria", t.place(t.rowOfGeonamesId(4314550)).name());
    }
}
