package dev.newswire.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** The files a path names (itself, or the matching files under a directory, sorted), and how to open them. */
final class SourceFiles {

    private SourceFiles() {
    }

    /**
     * {@code path} itself when it is a file (whatever its name: the user named it), else every regular file under
     * it whose lower-case name {@code wanted} accepts, in name order.
     */
    static List<Path> files(Path path, Predicate<String> wanted) throws IOException {
        if (!Files.exists(path)) {
            throw new IOException("no such file or directory: " + path);
        }
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> s = Files.walk(path)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> wanted.test(p.getFileName().toString().toLowerCase(Locale.ROOT)))
                    .sorted().toList();
        }
    }

    /** A predicate accepting names with any of {@code suffixes}. */
    static Predicate<String> endingIn(String... suffixes) {
        return name -> {
            for (String suffix : suffixes) {
                if (name.endsWith(suffix)) {
                    return true;
                }
            }
            return false;
        };
    }

    /** Opens a file, decompressing it when its name ends in {@code .gz}. */
    static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 64 * 1024) : in;
    }
}
