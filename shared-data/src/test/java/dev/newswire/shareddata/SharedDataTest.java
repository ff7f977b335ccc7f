package dev.newswire.shareddata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedDataTest {

    private static Properties properties(String... keyValues) {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    @Test
    void thePropertyWinsOverTheEnvironment(@TempDir Path a, @TempDir Path b) {
        assertEquals(a, SharedData.dir(properties(SharedData.PROPERTY, a.toString()), Map.of(SharedData.ENVIRONMENT, b.toString())));
        assertEquals(b, SharedData.dir(properties(), Map.of(SharedData.ENVIRONMENT, b.toString())));
    }

    @Test
    void aNamedDirectoryThatDoesNotExistIsAnErrorNotAFallback(@TempDir Path a) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SharedData.dir(properties(SharedData.PROPERTY, a.resolve("missing").toString()), Map.of()));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void besideTheProjectNamedByNewswireHome(@TempDir Path root) throws Exception {
        Path project = Files.createDirectories(root.resolve("project"));
        Path shared = Files.createDirectories(root.resolve("shared"));
        assertEquals(shared, SharedData.dir(properties("newswire.home", project.toString()), Map.of()));
    }

    @Test
    void theBuildNamesTheDirectoryOfThisProject() {
        // Maven sets newswire.shared for every test; the data sets the tests read are there.
        assertTrue(Files.isDirectory(SharedData.require("datasets")), SharedData.dir().toString());
    }
}
