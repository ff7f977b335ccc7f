package dev.newswire.ops.cli;

import dev.newswire.model.CommonOptions;
import dev.newswire.ops.console.ConsoleServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How a command finds the article store: {@code sink.jdbc.url} (with {@code sink.jdbc.user} and
 * {@code sink.jdbc.password}) from the settings, else the embedded PostgreSQL of a running {@code ./newswire run}
 * in the data directory (its port is on the 4th line of {@code postgres/postmaster.pid}, as PostgreSQL writes it).
 */
public final class StoreLocator {

    /** Directory of the embedded database in a data directory (as the launcher's Pipeline lays it out). */
    static final String DATABASE_DIR = "postgres";

    private StoreLocator() {
    }

    /** The store, or null when none is configured and no embedded one runs. */
    public static ConsoleServer.Database find(CommonOptions options) {
        Map<String, String> s = options.settings();
        String url = s.getOrDefault("sink.jdbc.url", "");
        if (!url.isBlank()) {
            return new ConsoleServer.Database(url, s.get("sink.jdbc.user"), s.get("sink.jdbc.password"));
        }
        return embedded(options.dataDir());
    }

    /** The embedded database of a running {@code ./newswire run} in {@code dataDir}, or null. */
    public static ConsoleServer.Database embedded(Path dataDir) {
        Path pid = dataDir.resolve(DATABASE_DIR).resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pid);
            int port = Integer.parseInt(lines.get(3).strip());
            // the embedded database's name and superuser (EmbeddedDatabase in the embedded module)
            return new ConsoleServer.Database("jdbc:postgresql://127.0.0.1:" + port + "/newswire?user=postgres", null, null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
