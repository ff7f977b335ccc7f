package dev.newswire.model;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import picocli.CommandLine.Option;

/**
 * The options every {@code newswire} command shares, as a picocli mixin over {@link CommonConfig}: a properties file,
 * {@code --set key=value} overrides, {@code --bootstrap-servers}, and the data directory of the embedded default.
 * {@code NEWSWIRE_*} environment variables apply too. Every command finds Kafka the same way: {@code bootstrap.servers}
 * when it is set, else the embedded broker of a running {@code newswire run} in the same data directory.
 */
public final class CommonOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Properties file with settings (see README, Configuration).")
    Path configFile;

    @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE",
            description = "Override one setting, e.g. --set kafka.security.protocol=SSL. Repeatable.")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = {"-b", "--bootstrap-servers"}, paramLabel = "HOST:PORT[,HOST:PORT]",
            description = "Kafka brokers (the setting bootstrap.servers). Default: from the settings, else the "
                    + "embedded broker of a running './newswire run' (data/kafka/ports.properties).")
    String bootstrapServers;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the embedded broker and database keep their data (default: data/ in the project).")
    Path dataDir;

    /** All settings, merged: properties file, {@code NEWSWIRE_*} environment, {@code --set}, {@code --bootstrap-servers}. */
    public Map<String, String> settings() {
        Map<String, String> settings = CommonConfig.load(configFile, System.getenv(), overrides);
        if (bootstrapServers != null && !bootstrapServers.isBlank()) {
            settings.put(CommonConfig.BOOTSTRAP_SERVERS, bootstrapServers.strip());
        }
        return settings;
    }

    /** Whether a data directory was given on the command line. */
    public boolean hasDataDir() {
        return dataDir != null;
    }

    /** The data directory of the embedded default. */
    public Path dataDir() {
        return EmbeddedDefault.dataDir(dataDir);
    }

    /**
     * The settings with {@code bootstrap.servers} filled in: as configured, else the embedded broker of a running
     * {@code newswire run} in {@link #dataDir()}.
     *
     * @throws IllegalStateException with advice a person can act on when there is no Kafka to talk to
     */
    public Map<String, String> clusterSettings() {
        Map<String, String> settings = new HashMap<>(settings());
        if (!settings.getOrDefault(CommonConfig.BOOTSTRAP_SERVERS, "").isBlank()) {
            return settings;
        }
        OptionalInt port = EmbeddedDefault.recordedBrokerPort(dataDir());
        if (port.isPresent() && listening(port.getAsInt())) {
            settings.put(CommonConfig.BOOTSTRAP_SERVERS, "127.0.0.1:" + port.getAsInt());
            return settings;
        }
        // `newswire run --brokers 3`: any node that answers will do as a bootstrap server
        java.util.Optional<String> cluster = EmbeddedDefault.recordedClusterBootstrap(dataDir());
        if (cluster.isPresent() && java.util.Arrays.stream(cluster.get().split(","))
                .anyMatch(hp -> listening(Integer.parseInt(hp.substring(hp.lastIndexOf(':') + 1))))) {
            settings.put(CommonConfig.BOOTSTRAP_SERVERS, cluster.get());
            return settings;
        }
        throw new IllegalStateException("No Kafka to talk to: pass --bootstrap-servers HOST:PORT (or set "
                + "bootstrap.servers / NEWSWIRE_BOOTSTRAP_SERVERS), or start the embedded pipeline with "
                + "'./newswire run' in another terminal.");
    }

    /** The shared configuration of the cluster this command talks to ({@link #clusterSettings()}). */
    public CommonConfig cluster() {
        return new CommonConfig(clusterSettings());
    }

    /** Kafka client properties for the cluster: bootstrap servers and every {@code kafka.*} setting. */
    public Map<String, Object> clientProps() {
        return cluster().kafkaClientProps();
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
