package dev.newswire.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newswire.embedded.Directories;
import dev.newswire.ingest.IngestConfig;
import dev.newswire.ingest.source.SourcePublisher;
import dev.newswire.launcher.examples.ConsumeArticles;
import dev.newswire.model.Article;
import dev.newswire.model.Json;
import dev.newswire.model.Keys;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a service downstream does, against a real run of the embedded pipeline fed the sample pages: the README's
 * Python consumer (Debian's python3-confluent-kafka and python3-jsonschema, run as a subprocess) reads
 * {@code news.articles} read_committed and validates every article against the published schema; the kcat/jq
 * one-liner and the Java consumer read the same; the API and {@code newswire search} find the AP article by entity
 * and by text.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES) // a safety net against a hung subprocess, not a timed assertion
class DownstreamIT {

    static final Path HOME = Path.of(System.getProperty("newswire.home", "..")).toAbsolutePath().normalize();
    static final Path PYTHON_EXAMPLE = HOME.resolve("examples/consume_articles.py");
    static final Path SCHEMA = HOME.resolve("model/src/main/resources/schemas/article.v1.schema.json");
    static final String PYTHON = "/usr/bin/python3";
    static final String AP_TITLE = "Ahead of his summit with North Korea's Kim, Putin promised they would defeat sanctions together";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dataDir;
    static Pipeline pipeline;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> settings = new HashMap<>();
        settings.put("ingest.http.port", "0");
        pipeline = Pipeline.start(settings, dataDir, false);
        Set<String> waitingFor = ConcurrentHashMap.newKeySet();
        CountDownLatch done = new CountDownLatch(1);
        pipeline.sink().onStored(a -> {
            if (waitingFor.remove(Keys.normalizeUrl(a.url())) && waitingFor.isEmpty()) {
                done.countDown();
            }
        });
        // fed as './newswire run' feeds them
        SourcePublisher feeder = new SourcePublisher(pipeline.publisher(),
                new IngestConfig(pipeline.settings()).getInt(IngestConfig.MAX_PAGE_BYTES), "downstream-it", null)
                .beforeSend(waitingFor::add);
        feeder.publishFiles(HOME.resolve("samples/pages"), "http://localhost/files/");
        assertEquals(3, feeder.finish().published());
        assertTrue(done.await(120, TimeUnit.SECONDS), "sample pages not stored: " + waitingFor);
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    record Run(int exit, String out, String err) {
    }

    static Run run(List<String> command) throws Exception {
        Path dir = Directories.createTemporary("downstream-it");
        try {
            Process p = new ProcessBuilder(command).directory(HOME.toFile())
                    .redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError("did not finish: " + command);
            }
            return new Run(p.exitValue(), Files.readString(dir.resolve("out")), Files.readString(dir.resolve("err")));
        } finally {
            Directories.delete(dir);
        }
    }

    @Test
    void pythonConsumerReadsAndValidatesEveryArticle() throws Exception {
        assertTrue(Files.isExecutable(Path.of(PYTHON)), "Debian's python3 is needed (see .ci/run)");
        Run r = run(List.of(PYTHON, PYTHON_EXAMPLE.toString(), "--bootstrap-servers", pipeline.bootstrapServers(),
                "--schema", SCHEMA.toString(), "--until-end"));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("3 articles read, 3 valid, 0 invalid"), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size(), r.out());
        // the AP article with its most salient people (which three depends on the tagger)
        assertTrue(lines.stream().anyMatch(l -> l.contains(AP_TITLE) && l.contains("Vladimir Putin") && l.contains("Kim Jong Un")), r.out());
    }

    @Test
    void pythonConsumerReportsAnArticleThatBreaksTheSchema() throws Exception {
        // the same consumer on a topic with one article that lacks a required field and has a wrong type
        ObjectNodeArticle bad = ObjectNodeArticle.of(ConsumeArticles.readAll(pipeline.bootstrapServers()).stream()
                .filter(a -> AP_TITLE.equals(a.title())).findFirst().orElseThrow());
        try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(Map.of("bootstrap.servers", pipeline.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            p.send(new ProducerRecord<>("articles.broken", bad.id, bad.json)).get();
        }
        Run r = run(List.of(PYTHON, PYTHON_EXAMPLE.toString(), "--bootstrap-servers", pipeline.bootstrapServers(),
                "--schema", SCHEMA.toString(), "--until-end", "--topic", "articles.broken"));
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("'text' is a required property"), r.err());
        assertTrue(r.err().contains("entities/0/mentionCount"), r.err());
        assertTrue(r.err().contains("1 articles read, 0 valid, 1 invalid"), r.err());
    }

    /** An article as JSON with {@code text} removed and a mention count as a string. */
    record ObjectNodeArticle(String id, byte[] json) {
        static ObjectNodeArticle of(Article a) throws Exception {
            var node = (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(Json.write(a));
            node.remove("text");
            ((com.fasterxml.jackson.databind.node.ObjectNode) node.get("entities").get(0)).put("mentionCount", "many");
            return new ObjectNodeArticle(a.id(), Json.MAPPER.writeValueAsBytes(node));
        }
    }

    @Test
    void kcatAndJqOneLiner() throws Exception {
        Run r = run(List.of("bash", "-c", "kcat -b " + pipeline.bootstrapServers() + " -C -t news.articles -e -q"
                + " -X isolation.level=read_committed -f '%s\\n' | jq -r 'select(any(.entities[]; .name == \"Kim Jong Un\")) | .title'"));
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of(AP_TITLE), r.out().lines().toList());
    }

    @Test
    void javaConsumerOfTheModelModule() {
        List<Article> articles = ConsumeArticles.readAll(pipeline.bootstrapServers());
        assertEquals(3, articles.size());
        assertTrue(articles.stream().anyMatch(a -> AP_TITLE.equals(a.title())));
    }

    @Test
    void apiAndSearchCommandFindTheApArticleByEntityAndByText() throws Exception {
        for (String query : List.of("entity=Kim%20Jong%20Un", "q=sanctions", "entity=kim%20jong%20un&q=sanctions&language=en")) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(pipeline.consoleUrl() + "api/articles?" + query)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            JsonNode articles = Json.MAPPER.readTree(r.body()).get("articles");
            assertEquals(1, articles.size(), query + ": " + r.body());
            assertEquals(AP_TITLE, articles.get(0).get("title").asText());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = Newswire.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("search", "sanctions", "--jdbc-url", pipeline.jdbcUrl());
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().startsWith("━━ " + AP_TITLE + "\n"), out.toString());
        String people = out.toString().lines().filter(l -> l.strip().startsWith("People: ")).findFirst().orElse("");
        assertTrue(people.contains("Vladimir Putin") && people.contains("Kim Jong Un"), out.toString());
        assertTrue(err.toString().contains("search: 1 article"), err.toString());

        out.getBuffer().setLength(0);
        code = cl.execute("search", "--entity", "Kim Jong Un", "--json", "--jdbc-url", pipeline.jdbcUrl());
        assertEquals(0, code, err.toString());
        List<String> lines = new ArrayList<>(out.toString().lines().toList());
        assertEquals(1, lines.size(), out.toString());
        assertEquals(AP_TITLE, Json.MAPPER.readTree(lines.get(0).getBytes(StandardCharsets.UTF_8)).get("title").asText());
    }
}
