package dev.newswire.ingest;

import dev.newswire.embedded.TopicReader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newswire.embedded.EmbeddedKafka;
import dev.newswire.ingest.source.IngestSummary;
import dev.newswire.ingest.source.SourcePublisher;
import dev.newswire.model.Json;
import dev.newswire.model.Keys;
import dev.newswire.model.RawPage;
import dev.newswire.model.TopicAdmin;
import dev.newswire.model.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP endpoint and the file publisher against a real in-process broker. */
class IngestServerIT {

    private static EmbeddedKafka kafka;
    private static PagePublisher publisher;
    private static IngestServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TOKEN = "s3cret-token";

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.startTemporary();
        Map<String, Object> client = Map.of("bootstrap.servers", kafka.bootstrapServers());
        TopicAdmin.ensureTopics(client, 3, (short) 1);
        publisher = new PagePublisher(client);
        server = IngestServer.start(new IngestConfig(Map.of(
                "bootstrap.servers", kafka.bootstrapServers(),
                IngestConfig.HTTP_PORT, "0",
                IngestConfig.AUTH_TOKENS, TOKEN,
                IngestConfig.MAX_REQUEST_BYTES, "100000",
                IngestConfig.MAX_PAGE_BYTES, "50000")), publisher);
    }

    @AfterAll
    static void stop() {
        server.close();
        publisher.close();
        kafka.close();
    }

    private static HttpResponse<String> post(String contentType, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/pages"))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<ConsumerRecord<String, byte[]>> readAllRaw() {
        return TopicReader.readCommitted(kafka.bootstrapServers(), Topics.RAW);
    }

    @Test
    void acceptsOnePageAndBatchesAndPublishesThemKeyedByUrl() throws Exception {
        HttpResponse<String> one = post("application/json",
                "{\"url\":\"https://Example.com/one#x\",\"html\":\"<p>one</p>\",\"crawler\":\"it\"}", TOKEN);
        assertEquals(202, one.statusCode(), one.body());
        JsonNode body = Json.MAPPER.readTree(one.body());
        assertEquals(1, body.get("accepted").asInt());
        assertEquals("https://example.com/one", body.get("keys").get(0).asText());

        String ndjson = "{\"url\":\"https://example.com/two\",\"html\":\"<p>two</p>\"}\n\n"
                + "{\"url\":\"https://example.com/three\",\"html\":\"<p>three</p>\"}\n";
        HttpResponse<String> batch = post("application/x-ndjson", ndjson, TOKEN);
        assertEquals(202, batch.statusCode(), batch.body());
        assertEquals(2, Json.MAPPER.readTree(batch.body()).get("accepted").asInt());

        List<ConsumerRecord<String, byte[]>> records = readAllRaw();
        List<String> keys = records.stream().map(ConsumerRecord::key).toList();
        assertTrue(keys.containsAll(List.of("https://example.com/one", "https://example.com/two", "https://example.com/three")), keys.toString());
        RawPage page = Json.readRawPage(records.stream().filter(r -> r.key().equals("https://example.com/one")).findFirst().orElseThrow().value());
        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(metrics.matches("(?s).*newswire_records_out_total\\{[^}]*stage=\"ingest\"[^}]*} [1-9].*"), "ingest counts its pages on /metrics");
        assertEquals("<p>one</p>", new String(page.body(), StandardCharsets.UTF_8));
        assertEquals("it", page.crawler());
    }

    @Test
    void rejectsBadRequestsWithoutPublishingAnythingOfThem() throws Exception {
        int before = readAllRaw().size();
        HttpResponse<String> invalid = post("application/json", "{\"url\": ", TOKEN);
        assertEquals(400, invalid.statusCode());
        assertTrue(invalid.body().contains("invalid JSON"), invalid.body());
        assertFalse(invalid.body().contains("at dev.newswire"), "no stack trace in responses");

        HttpResponse<String> badLine = post("application/x-ndjson",
                "{\"url\":\"https://example.com/ok\",\"html\":\"x\"}\n{\"url\":\"https://example.com/bad\"}\n", TOKEN);
        assertEquals(400, badLine.statusCode());
        assertTrue(badLine.body().contains("line 2"), badLine.body());

        HttpResponse<String> version = post("application/json", "{\"schemaVersion\":9,\"url\":\"https://example.com/v\",\"html\":\"x\"}", TOKEN);
        assertEquals(400, version.statusCode());
        assertTrue(version.body().contains("schemaVersion"), version.body());

        assertEquals(401, post("application/json", "{\"url\":\"https://example.com/a\",\"html\":\"x\"}", null).statusCode());
        assertEquals(401, post("application/json", "{\"url\":\"https://example.com/a\",\"html\":\"x\"}", "wrong").statusCode());

        assertEquals(413, post("application/json", "{\"url\":\"https://example.com/big\",\"html\":\"" + "x".repeat(60_000) + "\"}", TOKEN).statusCode());
        assertEquals(413, post("application/json", "{\"url\":\"https://example.com/huge\",\"html\":\"" + "x".repeat(200_000) + "\"}", TOKEN).statusCode());

        assertEquals(before, readAllRaw().size(), "nothing of a rejected request is published");
    }

    @Test
    void refusalsOfLargeUploadsReachTheClientIntact() throws Exception {
        // Over the 100,000-byte request limit, and unauthorised uploads: the answer must arrive as an answer,
        // not as a connection reset while the client is still sending.
        String overLimit = "{\"url\":\"https://example.com/big\",\"html\":\"" + "x".repeat(180_000) + "\"}";
        for (int i = 0; i < 25; i++) {
            HttpResponse<String> tooLarge = post("application/json", overLimit, TOKEN);
            assertEquals(413, tooLarge.statusCode());
            assertTrue(tooLarge.body().contains("over the limit"), tooLarge.body());
            assertEquals(401, post("application/json", overLimit.substring(0, 90_000), "wrong").statusCode());
        }
    }

    @Test
    void publishesHtmlFilesDirectoriesAndNdjson(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.html"), "<html><head><link rel=\"canonical\" href=\"https://site.example/a\"></head><body><p>A</p></body></html>");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/b.htm"), "<p>B</p>");
        Files.writeString(dir.resolve("sub/ignored.txt"), "not a page");
        Files.writeString(dir.resolve("pages.ndjson"), "{\"url\":\"https://site.example/c\",\"html\":\"<p>C</p>\"}\n{\"broken\n");
        List<String> published = new ArrayList<>();
        SourcePublisher files = new SourcePublisher(publisher, 50_000, "files", null).beforeSend(published::add);
        files.publishFiles(dir, "http://files.example/");
        IngestSummary s = files.finish();
        assertEquals(4, s.read());
        assertEquals(3, s.published());
        assertEquals(Map.of("invalid-json", 1L), s.skipped());
        assertTrue(published.containsAll(List.of("https://site.example/a", "http://files.example/sub/b.htm", "https://site.example/c")), published.toString());
        List<String> keys = readAllRaw().stream().map(ConsumerRecord::key).toList();
        assertTrue(keys.contains(Keys.pageKey("https://site.example/a")));
    }

    @Test
    void healthReportsEveryStageOfTheProcessAsJsonWithoutAToken() throws Exception {
        HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health")).GET().build();
        HttpResponse<String> ok = HTTP.send(get, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ok.statusCode(), ok.body());
        JsonNode body = Json.readTree(ok.body().getBytes(StandardCharsets.UTF_8));
        assertEquals("ok", body.path("status").asText());
        assertEquals("RUNNING", body.path("stages").path("ingest").path("state").asText());
        // A stage of the same process whose loop died: the process is not healthy, and says which stage and why.
        java.util.function.Supplier<dev.newswire.metrics.Health.Status> dead = () -> new dev.newswire.metrics.Health.Status(
                dev.newswire.metrics.Health.State.FAILED, 3, java.time.Instant.now(), "IllegalStateException: \"boom\"");
        dev.newswire.metrics.Health.global().register("test-stage", dead);
        try {
            HttpResponse<String> failing = HTTP.send(get, HttpResponse.BodyHandlers.ofString());
            assertEquals(503, failing.statusCode());
            JsonNode f = Json.readTree(failing.body().getBytes(StandardCharsets.UTF_8));
            assertEquals("failing", f.path("status").asText());
            assertEquals("FAILED", f.path("stages").path("test-stage").path("state").asText());
            assertEquals(3, f.path("stages").path("test-stage").path("restarts").asInt());
            assertEquals("IllegalStateException: \"boom\"", f.path("stages").path("test-stage").path("error").asText());
        } finally {
            dev.newswire.metrics.Health.global().unregister("test-stage", dead);
        }
    }
}
