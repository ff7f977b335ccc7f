package dev.newswire.ops.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.newswire.embedded.EmbeddedDatabase;
import dev.newswire.embedded.EmbeddedKafka;
import dev.newswire.metrics.Metrics;
import dev.newswire.model.Article;
import dev.newswire.model.Json;
import dev.newswire.ops.TestArticles;
import dev.newswire.ops.console.ConsoleServer;
import dev.newswire.sink.PostgresArticleStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The read-only API on a real PostgreSQL (written by the sink's store) and a real broker: the answers match the
 * OpenAPI file's schemas, bad parameters get a 400 with a message and nothing of the internals, values are bound
 * (injection attempts find nothing and break nothing), limits are capped, and tokens are enforced.
 */
class StoreApiIT {

    static final Article KIM = TestArticles.article("https://apnews.example/article/putin-kim-sanctions",
            "Putin and Kim promise to defeat sanctions together", "en",
            "Vladimir Putin said Russia and North Korea will overcome US-led sanctions. Kim Jong Un welcomed him in Pyongyang.",
            TestArticles.person("Kim Jong Un", "Kim Jong Un"), TestArticles.person("Vladimir Putin", "Vladimir Putin"),
            TestArticles.place("Pyongyang", "Pyongyang"));
    static final Article OTHER = TestArticles.article("https://other.example/weather", "Rain in Berlin", "de",
            "Es regnet in Berlin.", TestArticles.place("Berlin", "Berlin"));
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static EmbeddedKafka kafka;
    static EmbeddedDatabase db;
    static ConsoleServer console;
    static ConsoleServer withTokens;
    static ConsoleServer withoutStore;
    static JsonNode openApi;

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.startTemporary();
        db = EmbeddedDatabase.startTemporary();
        PostgresArticleStore store = new PostgresArticleStore(db.jdbcUrl(), "", "");
        store.migrate();
        List<Article> all = new ArrayList<>(List.of(KIM, OTHER));
        for (int i = 0; i < 130; i++) {
            all.add(TestArticles.article("https://many.example/" + i, "Item " + i, "en", "Routine item " + i + " about sanctions.",
                    TestArticles.place("Berlin", "item")));
        }
        store.write(all, "g", "news.articles", Map.of(0, (long) all.size()));
        Map<String, Object> kafkaProps = Map.of("bootstrap.servers", kafka.bootstrapServers());
        ConsoleServer.Database database = new ConsoleServer.Database(db.jdbcUrl(), null, null);
        console = ConsoleServer.start(kafkaProps, database, "127.0.0.1", 0, List.of(), new Metrics(false));
        withTokens = ConsoleServer.start(kafkaProps, database, "127.0.0.1", 0, List.of("reader-token", "second"), new Metrics(false));
        withoutStore = ConsoleServer.start(kafkaProps, (ConsoleServer.Database) null, "127.0.0.1", 0, List.of(), null);
        try (InputStream in = StoreApi.class.getResourceAsStream("/dev/newswire/ops/api/openapi.json")) {
            openApi = Json.MAPPER.readTree(in);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {console, withTokens, withoutStore, kafka, db}) {
            if (c != null) {
                c.close();
            }
        }
    }

    static HttpResponse<String> get(ConsoleServer server, String pathAndQuery, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + pathAndQuery.substring(1)));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode ok(String pathAndQuery, String schema) throws Exception {
        HttpResponse<String> r = get(console, pathAndQuery);
        assertEquals(200, r.statusCode(), pathAndQuery + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode body = Json.MAPPER.readTree(r.body());
        assertConforms(schema, body);
        return body;
    }

    /** The body is valid against a schema of the OpenAPI file's components. */
    static void assertConforms(String component, JsonNode body) {
        ObjectNode root = openApi.deepCopy();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$ref", "#/components/schemas/" + component);
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root);
        Set<ValidationMessage> errors = schema.validate(body);
        assertTrue(errors.isEmpty(), component + ": " + errors + " in " + body);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static List<String> ids(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("articles").forEach(a -> out.add(a.get("id").asText()));
        return out;
    }

    @Test
    void searchByEntityAndTextAnswersInTheDocumentedShape() throws Exception {
        JsonNode byEntity = ok("/api/articles?entity=Kim%20Jong%20Un", "SearchPage");
        assertEquals(List.of(KIM.id()), ids(byEntity));
        JsonNode a = byEntity.get("articles").get(0);
        assertEquals(KIM.title(), a.get("title").asText());
        assertEquals("2026-11-28T10:00:00Z", a.get("publishedAt").asText());
        assertEquals("apnews.example", a.get("host").asText());
        assertEquals("en", a.get("language").asText());
        assertTrue(a.has("storyId") && a.get("storyId").isNull());
        assertEquals("Kim Jong Un", a.get("entities").get(0).get("name").asText());
        assertEquals("PERSON", a.get("entities").get(0).get("type").asText());
        assertTrue(byEntity.get("next").isNull());

        JsonNode byText = ok("/api/articles?q=sanctions&entity=" + enc("kim jong un") + "&language=en&host=apnews.example&type=person", "SearchPage");
        assertEquals(List.of(KIM.id()), ids(byText));
        assertTrue(byText.get("articles").get(0).get("snippet").asText().contains("sanctions"));
        assertEquals(List.of(OTHER.id()), ids(ok("/api/articles?language=de", "SearchPage")));
    }

    @Test
    void pagesFollowTheCursorAndLimitsAreCapped() throws Exception {
        JsonNode first = ok("/api/articles?q=sanctions&limit=1000", "SearchPage");
        assertEquals(100, first.get("articles").size(), "capped at 100");
        assertFalse(first.get("next").isNull());
        JsonNode second = ok("/api/articles?q=sanctions&limit=1000&cursor=" + first.get("next").asText(), "SearchPage");
        assertEquals(31, second.get("articles").size());
        assertTrue(second.get("next").isNull());
        List<String> all = new ArrayList<>(ids(first));
        all.addAll(ids(second));
        assertEquals(131, Set.copyOf(all).size());
    }

    @Test
    void articleStoryEntitiesAndTimeline() throws Exception {
        HttpResponse<String> article = get(console, "/api/articles/" + KIM.id());
        assertEquals(200, article.statusCode());
        assertEquals(new String(Json.write(KIM), StandardCharsets.UTF_8), article.body(), "as published on news.articles");
        assertEquals(404, get(console, "/api/articles/0123456789abcdef0123456789abcdef").statusCode());
        assertEquals(404, get(console, "/api/stories/0123456789abcdef0123456789abcdef").statusCode());

        JsonNode top = ok("/api/entities/top?type=location&limit=5", "TopEntities");
        assertEquals("Berlin", top.get("entities").get(0).get("name").asText());
        assertEquals(131, top.get("entities").get(0).get("articles").asLong());
        JsonNode facets = ok("/api/entities/top?q=sanctions&entity=Kim%20Jong%20Un", "TopEntities");
        assertEquals(3, facets.get("entities").size(), facets.toString());

        JsonNode timeline = ok("/api/entities/timeline?entity=Kim%20Jong%20Un&bucket=hour", "Timeline");
        assertEquals(1, timeline.get("points").size());
        assertEquals("2026-11-28T10:00:00Z", timeline.get("points").get(0).get("t").asText());
        assertEquals(1, timeline.get("points").get(0).get("articles").asLong());
        assertEquals(1, timeline.get("points").get(0).get("mentions").asLong());
        JsonNode week = ok("/api/entities/timeline?entity=Kim%20Jong%20Un&since=2026-11-22&until=2026-11-29", "Timeline");
        assertEquals(7, week.get("points").size());
    }

    @Test
    void badParametersGetA400WithAMessageAndNothingOfTheInternals() throws Exception {
        Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("/api/articles?limit=abc", "limit");
        bad.put("/api/articles?limit=0", "limit");
        bad.put("/api/articles?limt=5", "unknown parameter 'limt'");
        bad.put("/api/articles?type=people", "type");
        bad.put("/api/articles?since=yesterday", "since");
        bad.put("/api/articles?since=2026-01-02&until=2026-01-01", "since");
        bad.put("/api/articles?language=english", "language");
        bad.put("/api/articles?host=" + enc("a' OR 1=1 --"), "host");
        bad.put("/api/articles?story=" + enc("' UNION SELECT 1 --"), "story");
        bad.put("/api/articles?cursor=" + enc("'; DROP TABLE articles; --"), "cursor");
        bad.put("/api/articles?q=" + "x".repeat(501), "q");
        bad.put("/api/articles?limit=1&limit=2", "more than once");
        bad.put("/api/articles?pages=some", "pages");
        bad.put("/api/articles?entity=a&entity=b&entity=c&entity=d&entity=e&entity=f", "entities");
        bad.put("/api/articles/" + enc("' OR '1'='1"), "article id");
        bad.put("/api/stories/nope", "story id");
        bad.put("/api/entities/top?limit=-1", "limit");
        bad.put("/api/entities/timeline", "entity");
        bad.put("/api/entities/timeline?entity=Kim&bucket=week", "bucket");
        bad.put("/api/entities/timeline?entity=Kim&bucket=hour&since=2000-01-01", "range");
        for (Map.Entry<String, String> e : bad.entrySet()) {
            HttpResponse<String> r = get(console, e.getKey());
            assertEquals(400, r.statusCode(), e.getKey() + ": " + r.body());
            JsonNode body = Json.MAPPER.readTree(r.body());
            assertConforms("Error", body);
            String message = body.get("error").asText();
            assertTrue(message.contains(e.getValue()), e.getKey() + ": " + message);
            for (String leak : List.of("SQL", "select ", "SELECT", "Exception", "at dev.", "at java.", "postgres", "PSQL")) {
                assertFalse(r.body().contains(leak), e.getKey() + " leaks '" + leak + "': " + r.body());
            }
        }
        // injection attempts in values that are free text are bound: they find nothing and break nothing
        for (String evil : List.of("x' OR '1'='1", "'; DROP TABLE articles; --", "Kim Jong Un') OR TRUE --")) {
            assertEquals(List.of(), ids(ok("/api/articles?entity=" + enc(evil), "SearchPage")));
            ok("/api/articles?q=" + enc(evil), "SearchPage");
        }
        assertEquals(20, ok("/api/articles", "SearchPage").get("articles").size(), "the table is still there");
        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create(console.url() + "api/articles"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
        HttpResponse<String> none = get(withoutStore, "/api/articles?q=x");
        assertEquals(503, none.statusCode());
        assertTrue(none.body().contains("no article store"), none.body());
    }

    @Test
    void everyPathOfTheOpenApiFileIsServedAndTheFileIsServed() throws Exception {
        JsonNode served = Json.MAPPER.readTree(get(console, StoreApi.OPENAPI).body());
        assertEquals(openApi, served);
        assertEquals("3.1.0", served.get("openapi").asText());
        for (Iterator<String> it = served.get("paths").fieldNames(); it.hasNext(); ) {
            String path = it.next().replace("{id}", KIM.id()).replace("{storyId}", KIM.id());
            if (path.equals("/api/entities/timeline")) {
                path += "?entity=Berlin";
            }
            int status = get(console, path).statusCode();
            assertTrue(status == 200 || path.startsWith("/api/stories/") && status == 404, path + " → " + status);
        }
        JsonNode schema = Json.MAPPER.readTree(get(console, StoreApi.ARTICLE_SCHEMA).body());
        assertEquals("Article v1 (topic news.articles)", schema.get("title").asText());
    }

    @Test
    void tokensAreRequiredWhenConfiguredAndNonLoopbackBindsRefuseToStartWithoutThem() throws Exception {
        for (String path : List.of("/api/articles?q=sanctions", "/api/articles/" + KIM.id(), "/api/entities/top",
                "/api/entities/timeline?entity=Berlin", "/api/live/articles", "/api/status", "/api/deadletters", "/metrics")) {
            HttpResponse<String> none = get(withTokens, path);
            assertEquals(401, none.statusCode(), path);
            assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
            assertEquals(401, get(withTokens, path, "Authorization", "Bearer wrong").statusCode(), path);
            assertEquals(401, get(withTokens, path, "Authorization", "Basic cmVhZGVyLXRva2Vu").statusCode(), path);
            assertEquals(200, get(withTokens, path, "Authorization", "Bearer reader-token").statusCode(), path);
            assertEquals(200, get(withTokens, path, "Authorization", "bearer second").statusCode(), path);
        }
        // the documents and the page itself hold no data
        assertEquals(200, get(withTokens, StoreApi.OPENAPI).statusCode());
        assertEquals(200, get(withTokens, "/").statusCode());
        // nor does /health: the state of the process's stages, JSON, without a token
        HttpResponse<String> health = get(withTokens, "/health");
        assertTrue(health.statusCode() == 200 || health.statusCode() == 503, health.body());
        assertTrue(read(health.body()).has("stages"), health.body());

        Map<String, Object> props = Map.of("bootstrap.servers", kafka.bootstrapServers());
        for (String host : List.of("0.0.0.0", "::", "192.0.2.1")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConsoleServer.start(props,
                    (ConsoleServer.Database) null, host, 0, List.of(), null));
            assertTrue(e.getMessage().contains("console.auth.tokens"), e.getMessage());
        }
        assertNotNull(console.url());
    }

    static JsonNode read(String json) throws IOException {
        return Json.MAPPER.readTree(json);
    }
}
