package dev.newswire.enrich;

import dev.newswire.dedup.DedupSettings;
import dev.newswire.model.CommonConfig;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Configuration of the enrich Kafka Streams application. */
public final class EnrichConfig extends AbstractConfig {

    private static final String GROUP = "Enrich";

    public static final String APPLICATION_ID = "enrich.application.id";
    public static final String THREADS = "enrich.threads";
    public static final String STATE_DIR = "enrich.state.dir";
    public static final String COMMIT_INTERVAL_MS = "enrich.commit.interval.ms";
    public static final String MAX_BODY_BYTES = "enrich.max.body.bytes";
    public static final String DEDUP_WINDOW_DAYS = "enrich.dedup.window.days";
    public static final String GROUP_INSTANCE_ID = "enrich.group.instance.id";

    // Enrichment is CPU-bound: one thread per core, but not more than a small topic has partitions.
    private static final int MAX_DEFAULT_THREADS = 4;
    /** Where the state goes when enrich.state.dir is empty, inside the system temp directory. */
    private static final String DEFAULT_STATE_DIR_NAME = "newswire-streams";

    public static final ConfigDef DEF = CommonConfig.define(new ConfigDef())
            .define(APPLICATION_ID, Type.STRING, "newswire-enrich", Importance.HIGH,
                    "Kafka Streams application id. Every instance with the same id shares the work.",
                    GROUP, 1, ConfigDef.Width.MEDIUM, "Application id")
            // The documented defaults are the same on every machine (the tables are generated from them); the
            // machine-dependent values they stand for are worked out by threads() and stateDir().
            .define(THREADS, Type.INT, 0, Range.atLeast(0), Importance.MEDIUM,
                    "Stream threads in this instance (one partition is processed by one thread at a time). "
                            + "0: the number of cores, at most " + MAX_DEFAULT_THREADS + ".",
                    GROUP, 2, ConfigDef.Width.SHORT, "Threads")
            .define(STATE_DIR, Type.STRING, "", Importance.LOW,
                    "Directory for Kafka Streams state. Empty: " + DEFAULT_STATE_DIR_NAME + " in the system temp "
                            + "directory (the embedded run keeps it in its data directory).",
                    GROUP, 3, ConfigDef.Width.LONG, "State dir")
            .define(COMMIT_INTERVAL_MS, Type.LONG, 100L, Range.atLeast(10), Importance.LOW,
                    "How often transactions commit (exactly-once): lower is lower latency, higher is more throughput.",
                    GROUP, 4, ConfigDef.Width.SHORT, "Commit interval")
            .define(MAX_BODY_BYTES, Type.INT, 10 * 1024 * 1024, Range.atLeast(1024), Importance.MEDIUM,
                    "Pages with a larger body go to the dead-letter topic (reason too-large).",
                    GROUP, 5, ConfigDef.Width.SHORT, "Max body")
            .define(DEDUP_WINDOW_DAYS, Type.INT, 14, Range.atLeast(1), Importance.MEDIUM,
                    "How long an article can gather copies: a copy of a story first seen longer ago than this starts "
                    + "a new story, and the story index forgets articles not seen for this long.",
                    GROUP, 6, ConfigDef.Width.SHORT, "Dedup window (days)")
            .define(GROUP_INSTANCE_ID, Type.STRING, "", Importance.LOW,
                    "Static group membership: an instance restarted with the same id (e.g. after a crash) gets its "
                    + "partitions back at once instead of waiting out the dead member's session timeout. Must be unique "
                    + "per instance. Empty: dynamic membership (the embedded run sets one).",
                    GROUP, 7, ConfigDef.Width.MEDIUM, "Group instance id");

    public EnrichConfig(Map<String, ?> props) {
        super(DEF, props, false);
    }

    /** Stream threads: as configured, or one per core, at most {@value #MAX_DEFAULT_THREADS}. */
    public int threads() {
        int configured = getInt(THREADS);
        return configured > 0 ? configured : Math.min(MAX_DEFAULT_THREADS, Runtime.getRuntime().availableProcessors());
    }

    /** The Kafka Streams state directory: as configured, or {@code newswire-streams} in the system temp directory. */
    public String stateDir() {
        String configured = getString(STATE_DIR);
        return configured.isBlank()
                ? java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), DEFAULT_STATE_DIR_NAME).toString()
                : configured;
    }

    /** The dedup settings: the measured defaults with this configuration's retention window. */
    public DedupSettings dedupSettings() {
        return DedupSettings.DEFAULTS.withWindow(Duration.ofDays(getInt(DEDUP_WINDOW_DAYS)));
    }
}
