package dev.newswire.shareddata;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Where the development data lives (the extraction dev set, the NER gold text, gazetteer sources): the directory
 * {@code shared} beside the project. Every test, benchmark and evaluation command finds it here: the first of these
 * that exists,
 * <ol>
 *   <li>the system property {@value #PROPERTY} (Maven sets it for every test, the scripts for the tools);</li>
 *   <li>the environment variable {@value #ENVIRONMENT};</li>
 *   <li>{@code ../shared} of the project, when the property {@code newswire.home} names it (the {@code newswire}
 *       script does);</li>
 *   <li>{@code ../shared} and {@code ../../shared} of the working directory (the project, or one of its modules:
 *       Maven started inside a module, whose {@value #PROPERTY} then points beside the module, or an IDE).</li>
 * </ol>
 * No absolute paths: the project and its data move together.
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
        return dir(System.getProperties(), System.getenv(), Path.of(""));
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

    static Path dir(Properties properties, Map<String, String> environment, Path workingDir) {
        List<Path> candidates = new ArrayList<>();
        for (String named : new String[] {properties.getProperty(PROPERTY), environment.get(ENVIRONMENT)}) {
            if (named != null && !named.isBlank()) {
                candidates.add(Path.of(named));
            }
        }
        String home = properties.getProperty("newswire.home");
        if (home != null && !home.isBlank()) {
            candidates.add(Path.of(home, "..", "shared"));
        }
        candidates.add(workingDir.resolve(Path.of("..", "shared")));
        candidates.add(workingDir.resolve(Path.of("..", "..", "shared")));
        List<Path> tried = candidates.stream().map(c -> c.toAbsolutePath().normalize()).distinct().toList();
        for (Path dir : tried) {
            if (Files.isDirectory(dir)) {
                return dir;
            }
        }
        throw new IllegalStateException("the shared development data is not found (looked in " + tried + "); set -D"
                + PROPERTY + "=DIR or " + ENVIRONMENT + " to the directory 'shared' beside the project");
    }
}
