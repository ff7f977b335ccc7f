package dev.newswire.ops.console;

import static dev.newswire.ops.TestArticles.article;
import static dev.newswire.ops.TestArticles.person;
import static dev.newswire.ops.TestArticles.place;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newswire.embedded.Directories;
import dev.newswire.embedded.EmbeddedDatabase;
import dev.newswire.embedded.EmbeddedKafka;
import dev.newswire.sink.PostgresArticleStore;
import dev.newswire.model.Article;
import dev.newswire.model.DeadLetters;
import dev.newswire.model.Json;
import dev.newswire.model.TopicAdmin;
import dev.newswire.model.Topics;
import dev.newswire.metrics.Metrics;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web console in headless Chromium (Debian packages {@code chromium}; {@code .ci/run} installs it) against a
 * real broker and PostgreSQL: a search shows results, entity facets and the attention chart; the feed shows the articles with their people and places highlighted, the tables and the dead-letter
 * browser fill in, and hostile titles and text render as text (no element created, no script run).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES) // a safety net against a hung browser, not a timed assertion
class ConsoleIT {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String XSS_TITLE = "<script>document.body.setAttribute('data-pwned','script');alert(1)</script>"
            + "<img src=x onerror=\"document.body.setAttribute('data-pwned','img');alert(2)\">";
    static final Article KIM = article("https://news.example.com/world/kim-putin", "Kim and Putin sign a pact", "en",
            "Kim Jong Un and Vladimir Putin signed a pact in Pyongyang. Kim Jong Un called it historic.",
            person("Kim Jong Un", "Kim Jong Un"), person("Vladimir Putin", "Vladimir Putin"), place("Pyongyang", "Pyongyang"));
    static final Article HOSTILE = article("https://evil.example/story", XSS_TITLE, "en",
            "Before " + XSS_TITLE + " Kim Jong Un was seen in Wonsan. <b>bold</b> <iframe src=\"https://evil.example\"></iframe>",
            person("Kim Jong Un", "Kim Jong Un"), place("Wonsan", "Wonsan"));

    // an entity whose canonical name is hostile too: it shows in the result chips and the facets
    static final Article HOSTILE_ENTITY = article("https://evil.example/entity", "A harmless title", "en",
            "Mallory met Kim Jong Un.", person(XSS_TITLE, "Mallory"), person("Kim Jong Un", "Kim Jong Un"));

    static EmbeddedKafka kafka;
    static EmbeddedDatabase db;
    static ConsoleServer console;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        assertTrue(Files.isExecutable(Path.of(CHROMIUM)), "headless Chromium is needed: apt-get install -y chromium");
        kafka = EmbeddedKafka.startTemporary();
        db = EmbeddedDatabase.startTemporary();
        PostgresArticleStore store = new PostgresArticleStore(db.jdbcUrl(), "", "");
        store.migrate();
        store.write(List.of(KIM, HOSTILE, HOSTILE_ENTITY), "ops-it", Topics.ARTICLES, Map.of(0, 3L));
        TopicAdmin.ensureTopics(Map.of("bootstrap.servers", kafka.bootstrapServers()), 3, (short) 1);
        try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            p.send(new ProducerRecord<>(Topics.ARTICLES, KIM.id(), Json.write(KIM))).get();
            p.send(new ProducerRecord<>(Topics.ARTICLES, HOSTILE.id(), Json.write(HOSTILE))).get();
            ProducerRecord<String, byte[]> dead = new ProducerRecord<>(Topics.DLQ, "https://evil.example/broken",
                    "{\"url\": broken".getBytes(StandardCharsets.UTF_8));
            DeadLetters.addProvenance(dead.headers(), "enrich", "invalid-json",
                    new IllegalArgumentException("invalid JSON near <img src=x onerror=alert(3)>"), Topics.RAW, 1, 17);
            p.send(dead).get();
        }
        console = ConsoleServer.start(Map.of("bootstrap.servers", kafka.bootstrapServers()),
                new ConsoleServer.Database(db.jdbcUrl(), null, null), "127.0.0.1", 0, List.of(), new Metrics(false));
        // the console follows the topics in the background: wait until it has read what was published
        while (api("api/live/articles").get("articles").size() < 2 || api("api/deadletters").get("total").asInt() < 1
                || !"ok".equals(api("api/status").path("state").asText())) {
            Thread.sleep(200);
        }
    }

    @AfterAll
    static void stop() {
        if (console != null) {
            console.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (db != null) {
            try {
                db.close();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    static String query(String params) {
        return console.url() + "?" + params;
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void searchShowsResultsFacetsAndTheAttentionChart() throws Exception {
        Document dom = Jsoup.parse(chromium("--dump-dom", query("entity=" + enc("Kim Jong Un"))));
        assertEquals("3", dom.body().attr("data-searched"), dom.select("#search-section").outerHtml());
        List<Element> results = dom.select("#search-results article.result");
        assertEquals(Set.of(KIM.id(), HOSTILE.id(), HOSTILE_ENTITY.id()), new HashSet<>(results.stream().map(r -> r.attr("data-id")).toList()));
        Element kim = results.stream().filter(r -> r.attr("data-id").equals(KIM.id())).findFirst().orElseThrow();
        assertEquals(KIM.title(), kim.selectFirst(".article-title").text());
        assertEquals(List.of("Kim Jong Un", "Vladimir Putin", "Pyongyang"), kim.select("button.chip").eachText());
        // facets: the people, places and organisations of the results, with their article counts
        assertTrue(dom.select("#facet-person li").eachText().contains("Kim Jong Un (3)"), dom.select("#search-facets").outerHtml());
        assertTrue(dom.select("#facet-location li").eachText().contains("Pyongyang (1)"));
        assertTrue(dom.select("#facet-person li").eachText().contains(XSS_TITLE + " (1)"), "a hostile entity name as text");
        // attention over time: a chart with every day from the first mention, and its data as a table
        Element chart = dom.selectFirst("#attention-chart");
        assertEquals("3", chart.attr("data-articles"), chart.outerHtml());
        assertTrue(Integer.parseInt(chart.attr("data-points")) >= 1);
        assertFalse(dom.selectFirst("#attention").hasAttr("hidden"));
        assertEquals(List.of("2026-11-28 00:00:00Z 3 4"), dom.select("#attention-table tbody tr").eachText());
        assertNoInjectedContent(dom);
    }

    @Test
    void hostileQueriesAreShownAsText() throws Exception {
        Document dom = Jsoup.parse(chromium("--dump-dom", query("q=" + enc(XSS_TITLE) + "&entity=" + enc(XSS_TITLE))));
        String summary = dom.selectFirst("#search-summary").text();
        assertTrue(summary.contains("for “" + XSS_TITLE + "”"), summary);
        assertEquals(XSS_TITLE, dom.selectFirst("#attention-entity").text());
        assertNoInjectedContent(dom);
        // a text query finds the hostile article by its words, and shows its title and snippet as text
        Document found = Jsoup.parse(chromium("--dump-dom", query("q=" + enc("seen in Wonsan"))));
        assertEquals("1", found.body().attr("data-searched"), found.select("#search-section").outerHtml());
        assertEquals(XSS_TITLE, found.selectFirst("#search-results .article-title").text());
        assertTrue(found.selectFirst("#search-results .result-snippet").text().contains("Wonsan"));
        assertNoInjectedContent(found);
    }

    private static void assertNoInjectedContent(Document dom) {
        assertTrue(dom.select("img, iframe, b").isEmpty(), dom.select("img, iframe, b").outerHtml());
        assertEquals(List.of("map.js", "console.js"), dom.select("script").eachAttr("src"), "only the console's own scripts");
        assertFalse(dom.body().hasAttr("data-pwned"), "a hostile script or handler ran: " + dom.body().attr("data-pwned"));
    }

    @Test
    void theConsoleRendersFeedTablesAndDeadLettersAndHostileContentAsText() throws Exception {
        Document dom = Jsoup.parse(chromium("--dump-dom", console.url()));
        assertTrue(dom.body().hasAttr("data-refreshed"), "the page script ran: " + dom.body().attributes());

        List<Element> articles = dom.select("#feed article.article");
        assertEquals(2, articles.size(), dom.select("#feed").outerHtml());
        Element hostile = articles.stream().filter(a -> a.attr("data-id").equals(HOSTILE.id())).findFirst().orElseThrow();
        assertEquals(XSS_TITLE, hostile.selectFirst(".article-title").text(), "the title is shown as the text it is");
        assertTrue(hostile.selectFirst(".article-text").text().contains("<iframe src=\"https://evil.example\"></iframe>"));
        // nothing from the data became an element or ran
        assertNoInjectedContent(dom);

        // mentions highlighted by type, from the offsets
        Element kim = articles.stream().filter(a -> a.attr("data-id").equals(KIM.id())).findFirst().orElseThrow();
        assertEquals(List.of("Kim Jong Un", "Vladimir Putin", "Kim Jong Un"), kim.select("mark.entity.person").eachText());
        assertEquals(List.of("Pyongyang"), kim.select("mark.entity.location").eachText());
        assertEquals(KIM.text(), kim.selectFirst(".article-text").text(), "highlighting keeps the text intact");
        assertEquals(List.of("Kim Jong Un", "Wonsan"), hostile.select("mark.entity").eachText());

        assertEquals(List.of("news.raw", "news.articles", "news.dlq"), dom.select("#topics tbody tr").eachAttr("data-topic"));
        assertTrue(dom.select("#groups tbody tr").eachAttr("data-group").containsAll(List.of("newswire-enrich", "newswire-sink")));
        assertTrue(dom.select("#top-people li").eachText().contains("Kim Jong Un (2)"), dom.select("#top-people").outerHtml());
        assertTrue(dom.select("#top-places li").eachText().contains("Pyongyang (1)"));
        assertEquals(3, dom.select("#throughput canvas").size());

        List<Element> dead = dom.select("#dead-letters tbody tr");
        assertEquals(1, dead.size(), dom.select("#dead-letters").outerHtml());
        assertEquals("news.dlq/0@0", dead.get(0).attr("data-position"));
        assertTrue(dead.get(0).text().contains("invalid-json"));
        assertTrue(dead.get(0).text().contains("news.raw/1@17"));
        assertTrue(dead.get(0).text().contains("<img src=x onerror=alert(3)>"), dead.get(0).text());
        assertEquals(List.of("all", "invalid-json (1)"), dom.select("#dlq-reason option").eachText());
    }

    @Test
    void screenshotShowsARenderedPage(@TempDir Path shot) throws Exception {
        Path png = shot.resolve("console.png");
        chromium("--screenshot=" + png, "--window-size=1280,2000", query("entity=" + enc("Kim Jong Un")));
        assertTrue(Files.size(png) > 20_000, "a rendered page, not a blank one: " + Files.size(png) + " bytes");
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1280, image.getWidth());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 50, "text, highlights and tables give many colours: " + colours.size());
        Path kept = Path.of("target", "console-screenshot.png");
        Files.copy(png, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.out.println("console screenshot: " + kept.toAbsolutePath());
    }

    @Test
    void responsesForbidInlineScriptAndServeMetrics() throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(console.url())).build(),
                HttpResponse.BodyHandlers.ofString());
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals(404, HTTP.send(HttpRequest.newBuilder(URI.create(console.url() + "../etc/passwd")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(URI.create(console.url() + "metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, metrics.statusCode());
    }

    static JsonNode api(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(console.url() + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        return Json.MAPPER.readTree(r.body());
    }

    /**
     * Runs headless Chromium with a fresh profile, deleted afterwards; returns its stdout. The profile lives in a short
     * directory under /tmp, not the tests' temporary directory: Chromium puts a Unix socket in it, and a socket path
     * longer than 107 bytes (a checkout in a deep directory) makes Chromium abort.
     */
    static String chromium(String... args) throws Exception {
        Path profile = Files.createTempDirectory(Path.of("/tmp"), "nwc");
        try {
            return chromium(profile, args);
        } finally {
            deleteProfile(profile);
        }
    }

    /** Chromium's crash handler may still be writing to the profile when Chromium exits: one more try after it. */
    private static void deleteProfile(Path profile) throws InterruptedException {
        try {
            Directories.delete(profile);
        } catch (UncheckedIOException e) {
            Thread.sleep(1000);
            Directories.delete(profile);
        }
    }

    private static String chromium(Path profile, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--virtual-time-budget=5000"));
        cmd.addAll(List.of(args));
        Path out = profile.resolve("stdout.txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(profile.resolve("stderr.txt").toFile());
        pb.environment().put("TMPDIR", profile.toString()); // Chromium's own temporary files go with the profile
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish: " + Files.readString(profile.resolve("stderr.txt")));
        }
        assertEquals(0, p.exitValue(), Files.readString(profile.resolve("stderr.txt")));
        return Files.readString(out);
    }
}
