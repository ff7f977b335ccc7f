package dev.newswire.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Every command reads its settings and finds Kafka the same way. */
class CommonOptionsTest {

    @Command(name = "any")
    static final class AnyCommand {
        @Mixin
        CommonOptions options;
    }

    private static CommonOptions parse(String... args) {
        AnyCommand c = new AnyCommand();
        new CommandLine(c).parseArgs(args);
        return c.options;
    }

    @Test
    void theFileThenSetThenBootstrapServersWin(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("newswire.properties");
        Files.writeString(file, "bootstrap.servers=from-file:9092\nkafka.security.protocol=SSL\ntopics.partitions=6\n");
        CommonOptions o = parse("--config", file.toString(), "--set", "topics.partitions=9");
        assertEquals("from-file:9092", o.settings().get(CommonConfig.BOOTSTRAP_SERVERS));
        assertEquals("9", o.settings().get(CommonConfig.TOPICS_PARTITIONS));
        CommonOptions b = parse("-c", file.toString(), "-s", "bootstrap.servers=from-set:9092", "-b", "from-b:9092");
        assertEquals("from-b:9092", b.settings().get(CommonConfig.BOOTSTRAP_SERVERS));
    }

    @Test
    void clientPropsCarryTheKafkaSettingsWithoutTheirPrefix() {
        Map<String, Object> props = parse("-b", "k:9092", "-s", "kafka.security.protocol=SASL_SSL").clientProps();
        assertEquals("k:9092", props.get("bootstrap.servers"));
        assertEquals("SASL_SSL", props.get("security.protocol"));
    }

    @Test
    void theReplicationFactorIsASetting() {
        CommonConfig c = parse("-b", "k:9092", "-s", "topics.replication.factor=3").cluster();
        assertEquals((short) 3, c.getShort(CommonConfig.TOPICS_REPLICATION_FACTOR));
    }

    @Test
    void withoutBootstrapServersNorARunningEmbeddedBrokerTheAdviceIsClear(@TempDir Path empty) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> parse("--data-dir", empty.toString()).clusterSettings());
        assertTrue(e.getMessage().contains("--bootstrap-servers") && e.getMessage().contains("./newswire run"), e.getMessage());
    }
}
