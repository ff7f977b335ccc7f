package dev.newswire.launcher;

import dev.newswire.embedded.TopicReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newswire.model.DeadLetters;
import dev.newswire.model.Json;
import dev.newswire.model.RawPage;
import dev.newswire.model.Topics;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of generated bad inputs through ingest (HTTP) and enrich (records written straight to news.raw),
 * with good pages between them: bad input gets a clear 4xx or a dead letter with a reason, the stream never
 * stops, every good page comes through, and every record sent is accounted for exactly once.
 */
class HostileInputIT {

    private static final long SEED = 20261128L;
    private static Pipeline pipeline;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> settings = new HashMap<>();
        settings.put("ingest.http.port", "0");
        settings.put("ingest.max.page.bytes", Integer.toString(10 * 1024 * 1024));
        pipeline = Pipeline.start(settings, dataDir, false);
    }

    @AfterAll
    static void stop() {
        pipeline.close();
    }

    private static HttpResponse<String> post(String contentType, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pipeline.ingestPort() + "/pages"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String goodHtml(int i) {
        return "<html><body><article><h1>Harbour reopens, report " + i + "</h1><p>The harbour in Gdansk reopened on Monday "
                + "after a storm, port officials said, and ferries to Sweden resumed their normal timetable (" + i + ").</p>"
                + "<p>Shipping companies said delays would ease by the end of the week.</p></article></body></html>";
    }

    /** Bad HTTP requests: each must get a 4xx, never a 5xx or a stack trace. */
    @Test
    void badRequestsGetClearClientErrors() throws Exception {
        Random rnd = new Random(SEED);
        String good = "{\"url\":\"https://fuzz.example/base\",\"html\":\"<p>hello</p>\"}";
        Map<String, Integer> byKind = new TreeMap<>();
        int sent = 0;
        for (int i = 0; i < 1200; i++) {
            int kind = i % 12;
            byte[] body;
            String type = "application/json";
            switch (kind) {
                case 0 -> body = good.substring(0, rnd.nextInt(good.length() - 1)).getBytes(StandardCharsets.UTF_8); // truncated
                case 1 -> body = randomBytes(rnd, 1 + rnd.nextInt(2000)); // binary garbage
                case 2 -> body = ("{\"url\":" + rnd.nextInt() + ",\"html\":\"x\"}").getBytes(StandardCharsets.UTF_8); // wrong type
                case 3 -> body = ("{\"url\":\"https://fuzz.example/" + i + "\",\"html\":" + rnd.nextInt() + "}").getBytes(StandardCharsets.UTF_8);
                case 4 -> body = ("{\"schemaVersion\":" + (2 + rnd.nextInt(1000)) + ",\"url\":\"https://fuzz.example/" + i + "\",\"html\":\"x\"}").getBytes(StandardCharsets.UTF_8);
                case 5 -> body = ("{\"url\":\"javascript:alert(" + i + ")\",\"html\":\"x\"}").getBytes(StandardCharsets.UTF_8);
                case 6 -> body = ("[" + "[".repeat(5000) + "]".repeat(5000) + "]").getBytes(StandardCharsets.UTF_8); // deep nesting
                case 7 -> body = ("{\"url\":\"https://fuzz.example/" + i + "\",\"body\":\"" + "!@#$".repeat(10) + "\"}").getBytes(StandardCharsets.UTF_8); // bad base64
                case 8 -> { // invalid UTF-8 inside the JSON text
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    out.writeBytes("{\"url\":\"https://fuzz.example/x\",\"html\":\"".getBytes(StandardCharsets.UTF_8));
                    out.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE});
                    out.writeBytes("\"".getBytes(StandardCharsets.UTF_8));
                    body = out.toByteArray();
                }
                case 9 -> { // NDJSON with one bad line among good ones
                    type = "application/x-ndjson";
                    body = (good + "\n" + good.replace("https", "") + "\n").getBytes(StandardCharsets.UTF_8);
                }
                case 10 -> body = ("{\"url\":\"https://fuzz.example/" + i + "\",\"fetchedAt\":\"" + "9".repeat(50) + "\",\"html\":\"x\"}").getBytes(StandardCharsets.UTF_8);
                default -> body = ("{\"url\":\"https://fuzz.example/" + i + "\",\"httpStatus\":" + (600 + rnd.nextInt(1000)) + ",\"html\":\"x\"}").getBytes(StandardCharsets.UTF_8);
            }
            HttpResponse<String> r = post(type, body);
            sent++;
            assertTrue(r.statusCode() == 400, "kind " + kind + " got " + r.statusCode() + ": " + r.body());
            assertFalse(r.body().contains("\tat "), "no stack trace in responses");
            byKind.merge("kind-" + kind + "-400", 1, Integer::sum);
        }
        // A 20 MB body is refused with 413 before it is read whole.
        byte[] huge = ("{\"url\":\"https://fuzz.example/huge\",\"html\":\"" + "a".repeat(20 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertEquals(413, post("application/json", huge).statusCode());
        // 11 MB page inside a request under the request limit: 413 for the page.
        byte[] bigPage = ("{\"url\":\"https://fuzz.example/big\",\"html\":\"" + "a".repeat(11 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertEquals(413, post("application/json", bigPage).statusCode());
        // And the endpoint still works.
        assertEquals(202, post("application/json", good.getBytes(StandardCharsets.UTF_8)).statusCode());
        System.out.printf("HTTP fuzz: %d bad requests, all 400; 2 oversized, 413; %s%n", sent, byKind);
    }

    /** Bad records straight into news.raw: each ends as a dead letter with a reason, or as a (flagged) article. */
    @Test
    void badRecordsBecomeDeadLettersAndTheStreamGoesOn() throws Exception {
        Random rnd = new Random(SEED + 1);
        List<String> keys = new ArrayList<>();
        Map<String, String> expectedReason = new HashMap<>();
        Set<String> goodKeys = new HashSet<>();
        Map<String, String> kindOf = new HashMap<>();
        Map<String, Object> props = Map.of("bootstrap.servers", pipeline.bootstrapServers(),
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_MESSAGE_BYTES, ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < 1500; i++) {
                String key = "https://fuzz.example/r/" + i;
                String kind;
                byte[] value;
                if (i % 15 == 0) {
                    kind = "good";
                    value = raw(key, Map.of("content-type", "text/html; charset=utf-8"), goodHtml(i).getBytes(StandardCharsets.UTF_8));
                    goodKeys.add(key);
                } else {
                    switch (i % 13) {
                        case 0 -> { kind = "invalid-json"; value = ("{\"url\":\"" + key + "\",").getBytes(StandardCharsets.UTF_8); expectedReason.put(key, "invalid-json"); }
                        case 1 -> { kind = "wrong-type"; value = ("{\"schemaVersion\":1,\"url\":\"" + key + "\",\"fetchedAt\":\"2026-01-01T00:00:00Z\",\"httpStatus\":\"two hundred\",\"body\":\"\"}").getBytes(StandardCharsets.UTF_8); expectedReason.put(key, "invalid-field"); }
                        case 2 -> { kind = "unknown-version"; value = ("{\"schemaVersion\":" + (2 + rnd.nextInt(50)) + ",\"url\":\"" + key + "\"}").getBytes(StandardCharsets.UTF_8); expectedReason.put(key, "unsupported-schema-version"); }
                        case 3 -> { kind = "binary"; value = raw(key, Map.of("content-type", "application/octet-stream"), binary(rnd)); expectedReason.put(key, "undecodable-content"); }
                        case 4 -> { kind = "gzip-body"; value = raw(key, Map.of("content-type", "text/html", "content-encoding", "gzip"), gzipBomb(200_000)); expectedReason.put(key, "undecodable-content"); }
                        case 5 -> { kind = "invalid-utf8"; value = raw(key, Map.of("content-type", "text/html; charset=utf-8"), invalidUtf8(rnd)); }
                        case 6 -> { kind = "lying-charset"; value = raw(key, Map.of("content-type", "text/html; charset=utf-8"), goodHtml(i).replace("Gdansk", "Gdańsk Łódź Kraków").getBytes(Charset.forName("ISO-8859-2"))); }
                        case 7 -> { kind = "control-chars"; value = raw(key, Map.of(), ("<p>" + "\u0001\u0002\u0007\u001b[31m".repeat(50) + "text</p>").getBytes(StandardCharsets.UTF_8)); }
                        case 8 -> { kind = "random-bytes-json"; value = randomBytes(rnd, 10 + rnd.nextInt(500)); expectedReason.put(key, "invalid-json"); }
                        case 9 -> { kind = "empty"; value = new byte[0]; expectedReason.put(key, "invalid-json"); }
                        case 10 -> { kind = "http-error"; value = rawStatus(key, 500 + rnd.nextInt(4)); expectedReason.put(key, "http-error"); }
                        case 11 -> { kind = "tag-soup"; value = raw(key, Map.of(), tagSoup(rnd).getBytes(StandardCharsets.UTF_8)); }
                        default -> { kind = "no-text"; value = raw(key, Map.of(), "<html><head><script>var a=1;</script></head><body></body></html>".getBytes(StandardCharsets.UTF_8)); }
                    }
                }
                keys.add(key);
                kindOf.put(key, kind);
                acks.add(p.send(new ProducerRecord<>(Topics.RAW, key, value)));
            }
            // The heavy ones: very deep nesting, an element bomb, pages over enrich.max.body.bytes.
            String[][] heavy = {
                    {"deep-100k", "<html><body>" + "<div>".repeat(100_000) + "deep text" + "</div>".repeat(100_000) + "</body></html>"},
                    {"unclosed-100k", "<html><body>" + "<b><i>".repeat(50_000) + "never closed"},
                    {"element-bomb", "<html><body>" + "<p><a href=x>x</a></p>".repeat(400_000) + "</body></html>"},
                    {"attribute-bomb", "<html><body><div " + "a=\"1\" ".repeat(300_000) + ">x</div></body></html>"},
            };
            for (String[] h : heavy) {
                String key = "https://fuzz.example/heavy/" + h[0];
                keys.add(key);
                kindOf.put(key, h[0]);
                acks.add(p.send(new ProducerRecord<>(Topics.RAW, key, raw(key, Map.of("content-type", "text/html"), h[1].getBytes(StandardCharsets.UTF_8)))));
            }
            String bigKey = "https://fuzz.example/heavy/too-large";
            keys.add(bigKey);
            kindOf.put(bigKey, "too-large");
            expectedReason.put(bigKey, "too-large");
            byte[] big = new byte[11 * 1024 * 1024];
            java.util.Arrays.fill(big, (byte) 'a');
            acks.add(p.send(new ProducerRecord<>(Topics.RAW, bigKey, raw(bigKey, Map.of(), big))));
            // Good pages after all of it must still come through.
            for (int i = 0; i < 20; i++) {
                String key = "https://fuzz.example/after/" + i;
                keys.add(key);
                kindOf.put(key, "good");
                goodKeys.add(key);
                acks.add(p.send(new ProducerRecord<>(Topics.RAW, key, raw(key, Map.of(), goodHtml(10_000 + i).getBytes(StandardCharsets.UTF_8)))));
            }
            for (Future<RecordMetadata> f : acks) {
                f.get();
            }
        }

        long t0 = System.nanoTime();
        FaultRig.await(() -> storedUrls().containsAll(goodKeys), Duration.ofMinutes(5), "the good pages");
        // Account for every record: a dead letter or a stored article, exactly once. A dead letter's reason header
        // is kept as found, missing or not: a dead letter without a reason must fail below, not vanish here.
        Map<String, List<String>> reasons = new HashMap<>();
        FaultRig.await(() -> {
            reasons.clear();
            Set<String> stored = storedUrls();
            for (ConsumerRecord<String, byte[]> r : readAll()) {
                reasons.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(DeadLetters.header(r.headers(), DeadLetters.REASON));
            }
            return keys.stream().allMatch(k -> reasons.containsKey(k) || stored.contains(k));
        }, Duration.ofMinutes(5), "every record to be accounted for");
        long seconds = (System.nanoTime() - t0) / 1_000_000_000;
        Set<String> stored = storedUrls();
        Map<String, Integer> outcome = new TreeMap<>();
        for (String k : keys) {
            boolean dead = reasons.containsKey(k);
            assertFalse(dead && stored.contains(k), k + " is both a dead letter and an article");
            String reason = null;
            if (dead) {
                assertEquals(1, reasons.get(k).size(), k + " dead-lettered more than once: " + reasons.get(k));
                reason = reasons.get(k).get(0);
                assertNotNull(reason, k + " (" + kindOf.get(k) + ") is a dead letter without a reason header");
            }
            if (expectedReason.containsKey(k)) {
                assertEquals(expectedReason.get(k), reason, kindOf.get(k) + " " + k);
            }
            outcome.merge(kindOf.get(k) + " -> " + (dead ? "dlq:" + reason : "article"), 1, Integer::sum);
        }
        assertTrue(stored.containsAll(goodKeys));
        assertEquals(KafkaStreams.State.RUNNING, pipeline.enrich().state(), "the stream never stopped");
        System.out.printf("Kafka fuzz: %d records, settled within %d s after sending; outcomes: %s%n", keys.size(), seconds, outcome);
    }

    private static Set<String> storedUrls() {
        Set<String> out = new HashSet<>();
        try (Connection c = DriverManager.getConnection(pipeline.jdbcUrl()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT url FROM articles WHERE url LIKE 'https://fuzz.example/%'")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (java.sql.SQLException e) {
            // not ready yet
        }
        return out;
    }

    private static List<ConsumerRecord<String, byte[]>> readAll() {
        return TopicReader.readCommitted(pipeline.bootstrapServers(), Topics.DLQ);
    }

    private static byte[] raw(String url, Map<String, String> headers, byte[] body) {
        return Json.write(RawPage.of(url, Instant.now(), 200, headers, body, "fuzz"));
    }

    private static byte[] rawStatus(String url, int status) {
        return Json.write(RawPage.of(url, Instant.now(), status, Map.of(), "<p>Internal error</p>".getBytes(StandardCharsets.UTF_8), "fuzz"));
    }

    private static byte[] randomBytes(Random rnd, int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return b;
    }

    private static byte[] binary(Random rnd) {
        byte[] b = randomBytes(rnd, 100 + rnd.nextInt(4000));
        b[rnd.nextInt(Math.min(b.length, 512))] = 0;
        return b;
    }

    private static byte[] invalidUtf8(Random rnd) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("<html><body><p>Valid start ".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 50; i++) {
            out.write(0x80 + rnd.nextInt(0x40));
            out.writeBytes(" word".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes("</p></body></html>".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static byte[] gzipBomb(int zeros) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(new byte[zeros]);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    private static String tagSoup(Random rnd) {
        String[] parts = {"<div", ">", "</p>", "<table><tr><td>", "&amp;", "&#x0;", "&#99999999;", "<!--", "-->", "<![CDATA[", "<script>",
                "</script>", "\"", "'", "<a href='", "text ", "<svg><foreignObject>", "</div></div></div>", "<math>", "<template>"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            sb.append(parts[rnd.nextInt(parts.length)]);
        }
        return sb.toString();
    }
}
