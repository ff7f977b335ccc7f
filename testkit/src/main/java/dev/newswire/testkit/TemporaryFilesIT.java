package dev.newswire.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The check that a run of a module's integration tests leaves nothing behind in the temporary directory. Failsafe
 * runs it after the integration tests, in a JVM of its own (so everything the tests' JVM deletes on exit is gone),
 * from this jar ({@code dependenciesToScan}, see the parent POM). Tests own their temporary directories: a JUnit
 * {@code @TempDir}, or a directory deleted when what owns it closes, after a failure too.
 */
class TemporaryFilesIT {

    /** The system property naming the directory of the module's Failsafe reports. */
    static final String REPORTS_PROPERTY = "newswire.it.reports";

    @Test
    void theIntegrationTestsLeftNothingInTheirTemporaryDirectory() throws IOException {
        Path dir = TemporaryDirectory.itTemporaryDirectory();
        assertNotNull(dir, "the build names no temporary directory for the integration tests (" + TemporaryDirectory.PROPERTY + ")");
        if (!Files.exists(dir)) {
            // Vacuous only when no integration test ran here; otherwise they did not use the directory at all.
            assertEquals(List.of(), otherReports(), "integration tests ran without their temporary directory " + dir);
            return;
        }
        List<String> left;
        try (Stream<Path> entries = Files.list(dir)) {
            left = entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(List.of(), left, "the integration tests left these behind in " + dir);
    }

    /** The reports of the module's other integration tests, if any ran. */
    private static List<String> otherReports() throws IOException {
        String reports = System.getProperty(REPORTS_PROPERTY);
        if (reports == null || !Files.isDirectory(Path.of(reports))) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(Path.of(reports))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("TEST-") && n.endsWith(".xml") && !n.contains(TemporaryFilesIT.class.getSimpleName()))
                    .sorted().toList();
        }
    }
}
