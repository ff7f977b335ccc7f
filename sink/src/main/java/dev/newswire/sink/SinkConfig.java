package dev.newswire.sink;

import dev.newswire.model.CommonConfig;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Configuration of the sink. */
public final class SinkConfig extends AbstractConfig {

    private static final String GROUP = "Sink";

    public static final String JDBC_URL = "sink.jdbc.url";
    public static final String JDBC_USER = "sink.jdbc.user";
    public static final String JDBC_PASSWORD = "sink.jdbc.password";
    public static final String GROUP_ID = "sink.group.id";
    public static final String FORWARD_TOPICS = "sink.forward.topics";
    public static final String BATCH_MAX = "sink.batch.max";
    public static final String RETRY_BACKOFF_MS = "sink.retry.backoff.ms";
    public static final String GROUP_INSTANCE_ID = "sink.group.instance.id";

    public static final ConfigDef DEF = CommonConfig.define(new ConfigDef())
            .define(JDBC_URL, Type.STRING, "", Importance.HIGH,
                    "PostgreSQL JDBC URL (jdbc:postgresql://host:5432/newswire). Empty: the launcher starts the "
                            + "embedded PostgreSQL.", GROUP, 1, ConfigDef.Width.LONG, "JDBC URL")
            .define(JDBC_USER, Type.STRING, "", Importance.HIGH,
                    "Database user (empty: from the URL).", GROUP, 2, ConfigDef.Width.MEDIUM, "User")
            .define(JDBC_PASSWORD, Type.PASSWORD, "", Importance.HIGH,
                    "Database password.", GROUP, 3, ConfigDef.Width.MEDIUM, "Password")
            .define(GROUP_ID, Type.STRING, "newswire-sink", Importance.MEDIUM,
                    "Consumer group of the sink; offsets are also kept in the database under this name.",
                    GROUP, 4, ConfigDef.Width.MEDIUM, "Group id")
            .define(FORWARD_TOPICS, Type.LIST, List.of(), Importance.LOW,
                    "Topics every stored article is also forwarded to (after the database commit).",
                    GROUP, 5, ConfigDef.Width.LONG, "Forward topics")
            .define(BATCH_MAX, Type.INT, 500, Range.atLeast(1), Importance.LOW,
                    "Most articles written in one database transaction.", GROUP, 6, ConfigDef.Width.SHORT, "Batch")
            .define(RETRY_BACKOFF_MS, Type.LONG, 1000L, Range.atLeast(10), Importance.LOW,
                    "Wait before retrying when the database is unavailable (the batch is retried, never skipped).",
                    GROUP, 7, ConfigDef.Width.SHORT, "Retry backoff")
            .define(GROUP_INSTANCE_ID, Type.STRING, "", Importance.LOW,
                    "Static group membership: a sink restarted with the same id (e.g. after a crash) gets its partitions "
                    + "back at once instead of waiting out the dead member's session timeout. Must be unique per "
                    + "instance. Empty: dynamic membership (the embedded run sets one).",
                    GROUP, 8, ConfigDef.Width.MEDIUM, "Group instance id");

    public SinkConfig(Map<String, ?> props) {
        super(DEF, props, false);
    }
}
