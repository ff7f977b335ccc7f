package dev.newswire.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newswire.embedded.EmbeddedKafka;
import dev.newswire.embedded.TopicReader;
import dev.newswire.model.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file commands reach a cluster as every other command does: {@code --config FILE} and {@code -s} settings,
 * {@code kafka.*} passed to their producer, {@code topics.replication.factor} used when they create the topics. Shown
 * on a real one-broker cluster with settings whose effect can be seen: a replication factor of 3 cannot be created on
 * one broker, and a {@code kafka.max.request.size} below a page's size makes the producer refuse the page.
 */
class IngestCommandsIT {

    private static EmbeddedKafka kafka;

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.startTemporary();
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    private record Result(int exit, String err) {
    }

    private static Result run(String... args) {
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            int exit = Newswire.commandLine().execute(args);
            return new Result(exit, buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(old);
        }
    }

    private static String page(String url) {
        return "<html><head><title>T</title><link rel=canonical href=\"" + url + "\"></head><body><article><p>"
                + "Ministers met in Lima on Tuesday to talk about trade, energy and shipping for the coming year.</p>"
                + "</article></body></html>";
    }

    private static Path jsonl(Path dir, String name, String url) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, "{\"url\":\"" + url + "\",\"html\":\"" + page(url).replace("\"", "\\\"") + "\",\"status\":200}\n");
        return f;
    }

    private static Path warc(Path dir, String url) throws Exception {
        byte[] body = page(url).getBytes(StandardCharsets.UTF_8);
        byte[] http = ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        block.write(http);
        block.write(body);
        String head = "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:6f0b7c1e-3c39-4c36-9f43-0a51f2f1b7a1>\r\n"
                + "WARC-Date: 2026-11-01T10:00:00Z\r\nWARC-Target-URI: " + url + "\r\n"
                + "Content-Type: application/http; msgtype=response\r\nContent-Length: " + block.size() + "\r\n\r\n";
        ByteArrayOutputStream warc = new ByteArrayOutputStream();
        warc.write(head.getBytes(StandardCharsets.UTF_8));
        warc.write(block.toByteArray());
        warc.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        Path f = dir.resolve("crawl.warc");
        Files.write(f, warc.toByteArray());
        return f;
    }

    private static long rawRecordsOf(String url) {
        return TopicReader.readCommitted(kafka.bootstrapServers(), Topics.RAW).stream()
                .filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains(url)).count();
    }

    @Test
    void fileCommandsTakeTheConfigFileAndSettingsLikeEveryCommand(@TempDir Path dir) throws Exception {
        // topics.replication.factor from the config file: 3 replicas cannot be placed on one broker, so nothing is created.
        Path rf3 = dir.resolve("rf3.properties");
        Files.writeString(rf3, "bootstrap.servers=" + kafka.bootstrapServers() + "\ntopics.replication.factor=3\n");
        Result refused = run("ingest-jsonl", "--config", rf3.toString(), jsonl(dir, "a.jsonl", "https://cmd.example/a").toString());
        assertNotEquals(0, refused.exit(), refused.err());
        assertTrue(refused.err().toLowerCase().contains("replication factor"), refused.err());

        // kafka.* from --set reaches the producer: a request size below the page's makes it refuse the page.
        Path ok = dir.resolve("ok.properties");
        Files.writeString(ok, "bootstrap.servers=" + kafka.bootstrapServers() + "\ntopics.replication.factor=1\n");
        Result tooSmall = run("ingest-warc", "--config", ok.toString(), "-s", "kafka.max.request.size=200",
                warc(dir, "https://cmd.example/w").toString());
        assertNotEquals(0, tooSmall.exit(), "nothing published: " + tooSmall.err());
        assertTrue(tooSmall.err().contains("max.request.size"), tooSmall.err());
        assertEquals(0, rawRecordsOf("https://cmd.example/w"));

        // The same commands with workable settings publish.
        Result warcOk = run("ingest-warc", "--config", ok.toString(), warc(dir, "https://cmd.example/w").toString());
        assertEquals(0, warcOk.exit(), warcOk.err());
        Result jsonlOk = run("ingest-jsonl", "-s", "bootstrap.servers=" + kafka.bootstrapServers(),
                jsonl(dir, "b.jsonl", "https://cmd.example/b").toString());
        assertEquals(0, jsonlOk.exit(), jsonlOk.err());
        assertEquals(1, rawRecordsOf("https://cmd.example/w"));
        assertEquals(1, rawRecordsOf("https://cmd.example/b"));
    }
}
