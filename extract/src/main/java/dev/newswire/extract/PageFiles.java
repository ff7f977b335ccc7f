package dev.newswire.extract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Pages saved as files, the form of the extraction datasets: {@code NAME.html} or gzipped {@code NAME.html.gz}. */
public final class PageFiles {

    private PageFiles() {
    }

    /** The pages of a directory, sorted by name. */
    public static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p) && isPage(p.getFileName().toString())).sorted().toList();
        }
    }

    private static boolean isPage(String name) {
        return name.endsWith(".html") || name.endsWith(".html.gz");
    }

    /** A page file's id: its name without {@code .html} or {@code .html.gz}. */
    public static String id(Path file) {
        String n = file.getFileName().toString();
        return n.endsWith(".html.gz") ? n.substring(0, n.length() - 8) : n.substring(0, n.length() - 5);
    }

    /** A page's bytes, gunzipped when the name ends in {@code .gz}. */
    public static byte[] read(Path file) throws IOException {
        if (!file.getFileName().toString().endsWith(".gz")) {
            return Files.readAllBytes(file);
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 65536)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }
}
