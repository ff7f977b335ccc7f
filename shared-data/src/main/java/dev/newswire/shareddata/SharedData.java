package dev.newswire.shareddata;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Where the development data lives (the extraction dev set, the NER gold text, gazetteer sources): the directory
 * {@code shared} beside the project. Every test, benchmark and evaluation command finds it here, in this order:
 * <ol>
 *   <li>the system property {@value #PROPERTY} (Maven sets it for every test, the scripts for the tools), when set;</li>
 *   <li>the environment variable {@value #ENVIRONMENT}, when set;</li>
 *   <li>{@code ../shared} of the project, when the property {@code newswire.home} names it (the {@code newswire}
 *       script does);</li>
 *   <li>{@code ../shared} and {@code ../../shared} of the working directory (the project, or one of its modules: a
 *       test started from an IDE).</li>
 * </ol>
 * A directory that is named (1, 2) is used as named; the others are tried until one exists. No absolute paths: the
 * project and its data move together.
 */
public final class SharedData {

    /** The system property naming the shared directory. */
    public static final String PROPERTY = "newswire.shared";
    /** The environment variable naming the shared directory. */
    public static final String ENVIRONMENT = "NEWSWIRE_SHARED";

    private SharedData() {
    }

    /**
     * The shared directory.
     *
     * @throws IllegalStateException naming where it looked and how to say where it is, when it is not found
     */
    public static Path dir() {
        return dir(System.getProperties(), System.getenv());
    }

    /**
     * A file or directory inside the shared directory, which must exist.
     *
     * @param relative e.g. {@code datasets/extraction-dev/ground-truth.json}
     * @throws IllegalStateException naming the missing path, when it does not exist
     */
    public static Path require(String relative) {
        Path p = dir().resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException("the shared development data has no " + relative + " (looked at " + p
                    + "; set -D" + PROPERTY + "=DIR or " + ENVIRONMENT + " to the shared directory)");
        }
        return p;
    }

    static Path dir(Properties properties, Map<String, String> environment) {
        String named = properties.getProperty(PROPERTY);
        if (named == null || named.isBlank()) {
            named = environment.get(ENVIRONMENT);
        }
        if (named != null && !named.isBlank()) {
            Path dir = Path.of(named).toAbsolutePath().normalize();
            if (!Files.isDirectory(dir)) {
                throw new IllegalStateException("the shared development data directory " + dir + " (named by "
                        + PROPERTY + " or " + ENVIRONMENT + ") does not exist");
            }
            return dir;
        }
        List<Path> candidates = new ArrayList<>();
        String home = properties.getProperty("newswire.home");
        if (home != null && !home.isBlank()) {
            candidates.add(Path.of(home, "..", "shared"));
        }
        candidates.add(Path.of("..", "shared"));
        candidates.add(Path.of("..", "..", "shared"));
        for (Path c : candidates) {
            Path dir = c.toAbsolutePath().normalize();
            if (Files.isDirectory(dir)) {
                return dir;
            }
        }
        throw new IllegalStateException("the shared development data is not found (looked in "
                + candidates.stream().map(c -> c.toAbsolutePath().normalize().toString()).toList()
                + "); set -D" + PROPERTY + "=DIR or " + ENVIRONMENT + " to the directory 'shared' beside the project");
    }
}
