package dev.newswire.ops.cli;

import dev.newswire.model.CommonConfig;
import dev.newswire.model.EmbeddedDefault;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import picocli.CommandLine.Option;

/**
 * The options every operator command shares, the same as the launcher's: where Kafka is ({@code --bootstrap-servers},
 * else {@code bootstrap.servers} from {@code --config}, {@code NEWSWIRE_BOOTSTRAP_SERVERS} or {@code --set}, else the
 * embedded broker of a running {@code newswire run}) and any {@code kafka.*} client setting (TLS, SASL).
 */
public final class KafkaOptions {

    @Option(names = {"-b", "--bootstrap-servers"}, paramLabel = "HOST:PORT[,HOST:PORT]",
            description = "Kafka brokers. Default: bootstrap.servers from the settings, else the embedded broker of "
                    + "'./newswire run' (data/kafka/ports.properties).")
    String bootstrapServers;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Properties file with settings (see README, Configuration).")
    Path configFile;

    @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE",
            description = "Override one setting, e.g. --set kafka.security.protocol=SSL. Repeatable.")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory of the embedded default, to find its broker (default: data/ in the project).")
    Path dataDir;

    /** Settings merged as the launcher merges them: file, NEWSWIRE_* environment, --set. */
    public Map<String, String> settings() {
        return CommonConfig.load(configFile, System.getenv(), overrides);
    }

    /**
     * Kafka client properties: the bootstrap servers and every {@code kafka.*} setting with the prefix removed.
     *
     * @throws IllegalStateException with advice when no broker is configured or running
     */
    public Map<String, Object> clientProps() {
        Map<String, String> settings = settings();
        Map<String, Object> props = new HashMap<>();
        settings.forEach((k, v) -> {
            if (k.startsWith(CommonConfig.KAFKA_CLIENT_PREFIX)) {
                props.put(k.substring(CommonConfig.KAFKA_CLIENT_PREFIX.length()), v);
            }
        });
        props.put(CommonConfig.BOOTSTRAP_SERVERS, bootstrap(settings));
        return props;
    }

    private String bootstrap(Map<String, String> settings) {
        if (bootstrapServers != null && !bootstrapServers.isBlank()) {
            return bootstrapServers.strip();
        }
        String configured = settings.getOrDefault(CommonConfig.BOOTSTRAP_SERVERS, "");
        if (!configured.isBlank()) {
            return configured.strip();
        }
        OptionalInt port = EmbeddedDefault.recordedBrokerPort(EmbeddedDefault.dataDir(dataDir));
        if (port.isPresent()) {
            return "127.0.0.1:" + port.getAsInt();
        }
        throw new IllegalStateException("No Kafka to talk to: pass --bootstrap-servers HOST:PORT (or set "
                + "bootstrap.servers / NEWSWIRE_BOOTSTRAP_SERVERS), or start the embedded pipeline with "
                + "'./newswire run' in another terminal.");
    }
}
