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
    void thePropertyWinsOverTheEnvironment(@TempDir Path a, @TempDir Path b, @TempDir Path work) {
        assertEquals(a, SharedData.dir(properties(SharedData.PROPERTY, a.toString()), Map.of(SharedData.ENVIRONMENT, b.toString()), work));
        assertEquals(b, SharedData.dir(properties(), Map.of(SharedData.ENVIRONMENT, b.toString()), work));
    }

    @Test
    void besideTheProjectNamedByNewswireHome(@TempDir Path root) throws Exception {
        Path project = Files.createDirectories(root.resolve("project"));
        Path shared = Files.createDirectories(root.resolve("shared"));
        assertEquals(shared, SharedData.dir(properties("newswire.home", project.toString()), Map.of(), root.resolve("elsewhere")));
    }

    @Test
    void aNamedDirectoryThatDoesNotExistGivesWayToTheOneBesideTheProject(@TempDir Path root) throws Exception {
        // mvn started inside a module sets newswire.shared beside the module, not beside the project
        Path module = Files.createDirectories(root.resolve("project/tagger"));
        Path shared = Files.createDirectories(root.resolve("shared"));
        assertEquals(shared, SharedData.dir(properties(SharedData.PROPERTY, module.resolve("../shared").toString()), Map.of(), module));
    }

    @Test
    void notFoundAnywhereNamesEveryPlaceItLooked(@TempDir Path root) {
        Path work = root.resolve("a/b/c");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SharedData.dir(properties(SharedData.PROPERTY, root.resolve("missing").toString()), Map.of(), work));
        assertTrue(e.getMessage().contains(root.resolve("missing").toString()) && e.getMessage().contains(SharedData.ENVIRONMENT), e.getMessage());
    }

    @Test
    void theBuildNamesTheDirectoryOfThisProject() {
        // Maven sets newswire.shared for every test; the data sets the tests read are there.
        assertTrue(Files.isDirectory(SharedData.require("datasets")), SharedData.dir().toString());
    }
}
