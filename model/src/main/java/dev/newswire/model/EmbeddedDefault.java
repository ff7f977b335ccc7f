package dev.newswire.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.Properties;

/**
 * Where the embedded default ({@code ./newswire run}) keeps its data, and how other commands find its broker: the
 * broker records its ports in {@code data/kafka/ports.properties}, and commands run without {@code bootstrap.servers}
 * read them from there.
 */
public final class EmbeddedDefault {

    /** The embedded broker's directory inside the data directory. */
    public static final String BROKER_DIR = "kafka";
    /** The file in {@link #BROKER_DIR} where the broker records its ports (keys {@code broker}, {@code controller}). */
    public static final String PORTS_FILE = "ports.properties";
    /**
     * The file in the data directory where a running {@code newswire run} records its process id and HTTP ports
     * (keys {@code pid}, {@code ingest.port}, {@code console.port}), so that {@code newswire status} finds its
     * {@code /health}; removed on a clean stop.
     */
    public static final String RUN_FILE = "run.properties";
    /**
     * The file in the data directory where a running multi-node embedded cluster ({@code newswire run --brokers 3})
     * records its bootstrap servers (key {@code bootstrap}); its nodes live in {@code kafka-1}, {@code kafka-2}, ….
     */
    public static final String CLUSTER_FILE = "cluster.properties";

    private EmbeddedDefault() {
    }

    /** The data directory: {@code dataDir} if given, else {@code data/} under the {@code newswire.home} property. */
    public static Path dataDir(Path dataDir) {
        Path dir = dataDir != null ? dataDir : Path.of(System.getProperty("newswire.home", ".")).resolve("data");
        return dir.toAbsolutePath();
    }

    /** What a running (or crashed) {@code newswire run} recorded in {@link #RUN_FILE}; empty when there is none. */
    public static Properties recordedRun(Path dataDir) {
        Path file = dataDir.resolve(RUN_FILE);
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException e) {
                return new Properties();
            }
        }
        return p;
    }

    /** The bootstrap servers of the multi-node embedded cluster recorded in {@link #CLUSTER_FILE}, if there is one. */
    public static java.util.Optional<String> recordedClusterBootstrap(Path dataDir) {
        Path file = dataDir.resolve(CLUSTER_FILE);
        if (!Files.exists(file)) {
            return java.util.Optional.empty();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
        String b = p.getProperty("bootstrap", "").strip();
        return b.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(b);
    }

    /**
     * The client port the embedded broker of this data directory recorded, if it ever ran there.
     *
     * @throws IllegalStateException when the ports file exists but cannot be read
     */
    public static OptionalInt recordedBrokerPort(Path dataDir) {
        Path ports = dataDir.resolve(BROKER_DIR).resolve(PORTS_FILE);
        if (!Files.exists(ports)) {
            return OptionalInt.empty();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(ports)) {
            p.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + ports + ": " + e.getMessage(), e);
        }
        String port = p.getProperty("broker", "").strip();
        try {
            int n = Integer.parseInt(port);
            return n > 0 ? OptionalInt.of(n) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
