package dev.newswire.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The integration tests' temporary directory. Failsafe starts the integration tests of a module with
 * {@code java.io.tmpdir} set to a directory of their own in the build directory ({@value #PROPERTY}, see the parent
 * POM), not the system's, so that {@link TemporaryFilesIT} can tell exactly what they left behind, whatever else runs
 * on the machine. Before the first test this listener makes that directory, empty: what a killed earlier run left
 * there is not this run's doing.
 *
 * <p>Registered through {@code META-INF/services}; in any other JVM (unit tests, the check itself) it does nothing.
 */
public final class TemporaryDirectory implements LauncherSessionListener {

    /** The system property naming the integration tests' temporary directory. */
    public static final String PROPERTY = "newswire.it.tmpdir";

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        Path dir = itTemporaryDirectory();
        if (dir == null || !dir.equals(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize())) {
            return; // not the integration tests' JVM
        }
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> all = Files.walk(dir)) {
                    for (Path p : all.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the integration tests' temporary directory " + dir, e);
        }
    }

    /** The integration tests' temporary directory, or null when this build does not name one. */
    static Path itTemporaryDirectory() {
        String dir = System.getProperty(PROPERTY);
        return dir == null || dir.isBlank() ? null : Path.of(dir).toAbsolutePath().normalize();
    }
}
