package dev.newswire.tagger.gazetteer;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PlaceTableTest {

    private static final String TABLE = String.join("\n",
            "4314550\tAlexandria\taex|aleksandrija\tP.PPLA2\tUS\tLA\t079\t47889\t31.3113\t-92.4451",
            "361058\tAlexandria\tal iskandariyah\tP.PPLA\tEG\t06\t\t3811516\t31.2018\t29.9158",
            "\tRapides Parish\t\tA.ADM2\tUS\tLA\t079\t74022\t31.2072\t-92.4427",
            "4331987\tLouisiana\t\tA.ADM1\tUS\tLA\t\t3159682\t30.8068\t-91.6705") + "\n";

    private static PlaceTable table() throws IOException {
        return PlaceTable.read(new BufferedReader(new StringReader(TABLE)));
    }

    @Test
    void findsPlacesByNameAndAlternateNameWithTheirFacts() throws IOException {
        PlaceTable t = table();
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

    @Test
    void divisionsByAdminCodeAndWithoutAGeoNamesIdGetAnAdminId() throws IOException {
        PlaceTable t = table();
        Place parish = t.place(t.rowOfDivision("US.LA.079"));
        assertEquals("admin:US.LA.079", parish.id());
        assertEquals("Louisiana", t.place(t.rowOfDivision("US.LA")).name());
        assertEquals(3, t.rowOfGeonamesId(4331987));
        assertEquals(-1, t.rowOfGeonamesId(1));
        assertEquals(-1, t.rowOfDivision("US.TX"));
        assertNull(t.place(1).admin2());
    }

    @Test
    void theShippedTableLoads() {
        PlaceTable t = PlaceTable.loadShipped();
        assertEquals(228_438, t.size());
        assertEquals("Alexandria", t.place(t.rowOfGeonamesId(4314550)).name());
    }
}
