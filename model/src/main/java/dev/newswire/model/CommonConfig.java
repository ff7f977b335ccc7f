package dev.newswire.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The configuration every Newswire application shares (where Kafka is, how the pipeline's topics are created, the
 * metrics port, {@code kafka.*} client settings), and how configuration is loaded: defaults, then a properties file,
 * then {@code NEWSWIRE_*} environment variables ({@code NEWSWIRE_BOOTSTRAP_SERVERS} for {@code bootstrap.servers}),
 * then command-line {@code --set key=value} ({@link CommonOptions}). Each application defines its own typed
 * {@code *Config} on top of {@link #define(ConfigDef)}; what needs only the shared keys (topic creation, the
 * operator tools, the web console) reads this one.
 */
public final class CommonConfig extends AbstractConfig {

    public static final String GROUP_KAFKA = "Kafka";

    public static final String BOOTSTRAP_SERVERS = CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG;
    public static final String TOPICS_PARTITIONS = "topics.partitions";
    public static final String TOPICS_REPLICATION_FACTOR = "topics.replication.factor";
    public static final String TOPICS_CREATE = "topics.create";
    public static final String METRICS_PORT = "metrics.port";
    /** Prefix of settings passed to every Kafka client unchanged: {@code kafka.security.protocol=SASL_SSL}. */
    public static final String KAFKA_CLIENT_PREFIX = "kafka.";

    /** Environment variables of the launcher script itself, not settings. */
    private static final java.util.Set<String> NOT_SETTINGS = java.util.Set.of(
            "NEWSWIRE_HOME", "NEWSWIRE_JAVA_OPTS", "NEWSWIRE_LOG_LEVEL", "NEWSWIRE_DEBUG");

    /** The shared keys alone. */
    public static final ConfigDef DEF = define(new ConfigDef());

    /** The shared settings out of {@code settings} (other keys are ignored). */
    public CommonConfig(Map<String, ?> settings) {
        super(DEF, settings, false);
    }

    /** Client properties for every Kafka client of this configuration: see {@link #kafkaClientProps(AbstractConfig)}. */
    public Map<String, Object> kafkaClientProps() {
        return kafkaClientProps(this);
    }

    /** Adds the shared keys to {@code def} and returns it. */
    public static ConfigDef define(ConfigDef def) {
        return def
                .define(BOOTSTRAP_SERVERS, Type.STRING, "", Importance.HIGH,
                        "Kafka brokers, host:port[,host:port]. Empty: the launcher starts the embedded broker and "
                                + "points every stage at it.", GROUP_KAFKA, 1, ConfigDef.Width.LONG, "Bootstrap servers")
                .define(TOPICS_PARTITIONS, Type.INT, 3, Range.atLeast(1), Importance.MEDIUM,
                        "Partitions of news.raw and news.articles when the topics are created (news.dlq gets half). "
                                + "Enrich scales out to this many instances.", GROUP_KAFKA, 2, ConfigDef.Width.SHORT, "Partitions")
                .define(TOPICS_REPLICATION_FACTOR, Type.SHORT, (short) 1, Range.atLeast(1), Importance.MEDIUM,
                        "Replication factor of the pipeline's topics when they are created (3 on a real cluster).",
                        GROUP_KAFKA, 3, ConfigDef.Width.SHORT, "Replication factor")
                .define(TOPICS_CREATE, Type.BOOLEAN, true, Importance.LOW,
                        "Create missing topics on start-up. Turn off where an operator manages topics.",
                        GROUP_KAFKA, 4, ConfigDef.Width.SHORT, "Create topics")
                .define(METRICS_PORT, Type.INT, 0, ConfigDef.Range.between(0, 65535), Importance.LOW,
                        "Port of the Prometheus endpoint (/metrics) of a stage started on its own; 0: none. The "
                                + "embedded run serves /metrics on the web console.", "Operations", 5, ConfigDef.Width.SHORT, "Metrics port");
    }

    /**
     * Client properties for every Kafka client of an application: bootstrap servers plus every {@code kafka.*}
     * setting with the prefix removed (TLS, SASL, timeouts).
     */
    public static Map<String, Object> kafkaClientProps(AbstractConfig config) {
        Map<String, Object> props = new HashMap<>(config.originalsWithPrefix(KAFKA_CLIENT_PREFIX, true));
        props.put(BOOTSTRAP_SERVERS, config.getString(BOOTSTRAP_SERVERS));
        return props;
    }

    /**
     * Loads settings: a properties file (optional), then environment variables starting with {@code NEWSWIRE_},
     * then overrides.
     */
    public static Map<String, String> load(Path file, Map<String, String> env, Map<String, String> overrides) {
        Map<String, String> out = new HashMap<>();
        if (file != null) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read configuration file " + file + ": " + e.getMessage(), e);
            }
            p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k).strip()));
        }
        if (env != null) {
            env.forEach((k, v) -> {
                if (k.startsWith("NEWSWIRE_") && !NOT_SETTINGS.contains(k)) {
                    out.put(k.substring("NEWSWIRE_".length()).toLowerCase(Locale.ROOT).replace('_', '.'), v);
                }
            });
        }
        if (overrides != null) {
            out.putAll(overrides);
        }
        return out;
    }

    /** A Markdown table of a configuration's keys, for the README. */
    public static String toMarkdown(ConfigDef def) {
        return toMarkdown(def, java.util.Set.of());
    }

    /** A Markdown table of a configuration's keys except {@code leaveOut}. */
    public static String toMarkdown(ConfigDef def, java.util.Set<String> leaveOut) {
        StringBuilder sb = new StringBuilder("| key | type | default | importance | description |\n|---|---|---|---|---|\n");
        for (ConfigDef.ConfigKey k : def.configKeys().values()) {
            if (leaveOut.contains(k.name)) {
                continue;
            }
            Object dflt = k.hasDefault() ? k.defaultValue : "(required)";
            if (k.type == Type.PASSWORD && k.hasDefault()) {
                dflt = "(hidden)";
            }
            sb.append("| `").append(k.name).append("` | ").append(k.type.toString().toLowerCase(Locale.ROOT))
                    .append(" | `").append(dflt).append("` | ").append(k.importance.toString().toLowerCase(Locale.ROOT))
                    .append(" | ").append(k.documentation.replace("|", "\\|")).append(" |\n");
        }
        return sb.toString();
    }
}
