package dev.newswire.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's configuration tables are the ones the code generates: a setting added, changed or documented anew fails here until the README follows. */
class ConfigTablesTest {

    static final Path README = Path.of("..", "README.md");
    static final String FIRST_TABLE = "### Every application";

    @Test
    void theReadmesConfigurationTablesAreGeneratedFromTheConfigDefs() throws Exception {
        String readme = Files.readString(README);
        int start = readme.indexOf(FIRST_TABLE);
        assertTrue(start >= 0, "the README has no '" + FIRST_TABLE + "' section");
        String expected = ConfigTables.markdown();
        String actual = readme.substring(start, Math.min(readme.length(), start + expected.length()));
        assertEquals(expected, actual, "README.md's configuration tables drifted from the code: paste the output of "
                + "'./newswire config' in place of them");
    }
}
