package dev.newswire.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Temporary directories that their owner deletes: the embedded broker and database of a test, a test rig, a soak run. */
public final class Directories {

    private Directories() {
    }

    /** A new directory in the system temp directory, named {@code prefix} and a random suffix. */
    public static Path createTemporary(String prefix) throws IOException {
        return Files.createTempDirectory(prefix);
    }

    /** Starts something that owns a directory. */
    @FunctionalInterface
    public interface Starter<T> {
        T start(Path dir) throws IOException;
    }

    /**
     * Starts {@code starter} in a new temporary directory, which it then owns (and deletes when it closes); when the
     * start fails, the directory is deleted here.
     */
    public static <T> T startInTemporary(String prefix, Starter<T> starter) throws IOException {
        Path dir = createTemporary(prefix);
        try {
            return starter.start(dir);
        } catch (IOException | RuntimeException | Error e) {
            delete(dir);
            throw e;
        }
    }

    /** Deletes {@code dir} and everything in it; nothing happens when it does not exist. */
    public static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }
}
