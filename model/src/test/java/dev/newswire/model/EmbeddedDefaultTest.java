package dev.newswire.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDefaultTest {

    @Test
    void readsTheBrokerPortTheEmbeddedBrokerRecorded(@TempDir Path data) throws Exception {
        assertTrue(EmbeddedDefault.recordedBrokerPort(data).isEmpty(), "no broker ever ran here");
        Path kafka = Files.createDirectories(data.resolve(EmbeddedDefault.BROKER_DIR));
        Files.writeString(kafka.resolve(EmbeddedDefault.PORTS_FILE), "#ports\nbroker=19092\ncontroller=40123\n");
        assertEquals(OptionalInt.of(19092), EmbeddedDefault.recordedBrokerPort(data));
        Files.writeString(kafka.resolve(EmbeddedDefault.PORTS_FILE), "broker=0\n");
        assertTrue(EmbeddedDefault.recordedBrokerPort(data).isEmpty(), "port 0 means none recorded");
    }

    @Test
    void anExplicitDataDirectoryWinsOverTheDefault(@TempDir Path data) {
        assertEquals(data.toAbsolutePath(), EmbeddedDefault.dataDir(data));
        assertTrue(EmbeddedDefault.dataDir(null).endsWith("data"));
    }
}
