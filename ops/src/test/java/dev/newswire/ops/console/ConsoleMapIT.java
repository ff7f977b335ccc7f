package dev.newswire.ops.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newswire.embedded.EmbeddedKafka;
import dev.newswire.metrics.Metrics;
import dev.newswire.model.Article;
import dev.newswire.model.Json;
import dev.newswire.model.Keys;
import dev.newswire.model.SchemaVersions;
import dev.newswire.model.TopicAdmin;
import dev.newswire.model.Topics;
import dev.newswire.ops.TestArticles;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * The console's places map in headless Chromium: an article whose places carry coordinates gets an SVG map of
 * the world's land outlines (served by the console, no tiles from the network) zoomed to its places, one dot per
 * place at its longitude/latitude; an article without located places gets none; names render as text.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES) // a safety net against a hung browser, not a timed assertion
class ConsoleMapIT {

    static final String TEXT = "ALEXANDRIA, La. — Flooding closed roads in Rapides Parish and in Pineville on Monday, "
            + "officials in Alexandria said. Louisiana asked for help. Jackson Street was under water.";
    static final Article LOUISIANA = located("https://www.thetowntalk.example/news/flooding", "Flooding in Rapides Parish", TEXT,
            place("Alexandria", "geonames:4314550", "PPLA2", 31.3113, -92.4451, "Alexandria", "ALEXANDRIA"),
            place("Rapides Parish", "admin:US.LA.079", "ADM2", 31.2072, -92.4427, "Rapides Parish"),
            place("Pineville", "geonames:4337291", "PPL", 31.3224, -92.4343, "Pineville"),
            place("Louisiana <b>", "geonames:4331987", "ADM1", 30.8068, -91.6705, "Louisiana"),
            // a street the tables do not know, placed at the town named before it (no feature type)
            place("Jackson Street", null, null, 31.3113, -92.4451, "Jackson Street"));
    static final Article UNLOCATED = TestArticles.article("https://news.example.com/nowhere", "No places resolved", "en",
            "Officials met in Xyzzyville.", TestArticles.place("Xyzzyville", "Xyzzyville"));

    static EmbeddedKafka kafka;
    static ConsoleServer console;

    @BeforeAll
    static void start() throws Exception {
        assertTrue(Files.isExecutable(Path.of(ConsoleIT.CHROMIUM)), "headless Chromium is needed: apt-get install -y chromium");
        kafka = EmbeddedKafka.startTemporary();
        TopicAdmin.ensureTopics(Map.of("bootstrap.servers", kafka.bootstrapServers()), 3, (short) 1);
        try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            p.send(new ProducerRecord<>(Topics.ARTICLES, LOUISIANA.id(), Json.write(LOUISIANA))).get();
            p.send(new ProducerRecord<>(Topics.ARTICLES, UNLOCATED.id(), Json.write(UNLOCATED))).get();
        }
        console = ConsoleServer.start(Map.of("bootstrap.servers", kafka.bootstrapServers()), null, "127.0.0.1", 0, new Metrics(false));
        while (articlesShown() < 2) {
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
    }

    @Test
    void anArticleWithLocatedPlacesShowsThemOnAnOfflineMap() throws Exception {
        Document dom = Jsoup.parse(ConsoleIT.chromium("--dump-dom", console.url()));
        Element box = dom.selectFirst("#feed article.article[data-id=" + LOUISIANA.id() + "]");
        assertTrue(box != null, dom.select("#feed").outerHtml());
        Element map = box.selectFirst("svg.place-map");
        assertTrue(map != null, "a map for the located article: " + box.outerHtml());
        // one dot per place, at x = longitude and y = -latitude
        List<Element> dots = map.select("circle.place");
        assertEquals(List.of("Alexandria", "Rapides Parish", "Pineville", "Louisiana <b>", "Jackson Street"),
                dots.stream().map(d -> d.attr("data-name")).toList());
        assertEquals(-92.4451, Double.parseDouble(dots.get(0).attr("cx")), 1e-3);
        assertEquals(-31.3113, Double.parseDouble(dots.get(0).attr("cy")), 1e-3);
        assertTrue(dots.get(3).hasClass("area"), "a state is drawn as a ring");
        assertEquals("Alexandria (PPLA2)", dots.get(0).selectFirst("title").text());
        assertTrue(dots.get(4).hasClass("approximate") && !dots.get(0).hasClass("approximate"), "an approximate place is marked");
        assertEquals("Jackson Street (approximate: placed at a town the article names)", dots.get(4).selectFirst("title").text());
        // zoomed to Louisiana, not the whole world
        double[] view = java.util.Arrays.stream(map.attr("viewBox").split(" ")).mapToDouble(Double::parseDouble).toArray();
        assertTrue(view[2] < 40 && view[0] < -92.5 && view[0] + view[2] > -91.6, map.attr("viewBox"));
        assertTrue(view[1] < -31.4 && view[1] + view[3] > -30.8, map.attr("viewBox"));
        // the land outline came from the console itself and was drawn
        String land = map.selectFirst("path.land").attr("d");
        assertTrue(land.startsWith("M") && land.length() > 10_000, "land outline: " + land.length() + " characters");
        // a hostile name stays text
        assertTrue(box.select("svg b").isEmpty());

        Element other = dom.selectFirst("#feed article.article[data-id=" + UNLOCATED.id() + "]");
        assertTrue(other != null && other.select("svg.place-map").isEmpty(), "no map without located places");
    }

    @Test
    void theMapIsDrawn(@TempDir Path shot) throws Exception {
        Path png = shot.resolve("map.png");
        ConsoleIT.chromium("--screenshot=" + png, "--window-size=1280,1200", console.url());
        BufferedImage image = ImageIO.read(png.toFile());
        int land = 0;
        int dots = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                if (rgb == 0xD8D4C8) {
                    land++;
                } else if (Math.abs(((rgb >> 16) & 0xFF) - 0xE0) < 0x20 && ((rgb >> 8) & 0xFF) < 0x90 && (rgb & 0xFF) < 0x60) {
                    dots++;
                }
            }
        }
        assertTrue(land > 2_000, "land drawn in the map: " + land + " pixels");
        assertTrue(dots > 20, "place dots drawn: " + dots + " pixels");
        Files.copy(png, Path.of("target", "console-map-screenshot.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static int articlesShown() throws Exception {
        java.net.http.HttpResponse<byte[]> r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(console.url() + "api/live/articles")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        return Json.MAPPER.readTree(r.body()).get("articles").size();
    }

    /** A LOCATION entity: name, id, feature code (null: an approximate position), position, then the mention texts. */
    static Object[] place(String name, String id, String featureType, double lat, double lon, String... mentions) {
        return new Object[]{name, id, featureType, lat, lon, mentions};
    }

    static Article located(String url, String title, String text, Object[]... places) {
        List<Article.Entity> list = new ArrayList<>();
        for (Object[] p : places) {
            List<Article.Mention> mentions = new ArrayList<>();
            for (String m : (String[]) p[5]) {
                for (int i = text.indexOf(m); i >= 0; i = text.indexOf(m, i + 1)) {
                    mentions.add(new Article.Mention(i, i + m.length(), m));
                }
            }
            Map<String, Object> at = new LinkedHashMap<>();
            at.put("mentionCount", mentions.size());
            if (p[2] != null) {
                at.put("featureType", p[2]);
            }
            at.put("lat", p[3]);
            at.put("lon", p[4]);
            if (p[2] == null) {
                at.put("approximate", true);
                at.put("near", "geonames:4314550");
            }
            list.add(new Article.Entity("LOCATION", (String) p[0], (String) p[1], 0.5, mentions.size(), at, mentions));
        }
        return new Article(SchemaVersions.ARTICLE, Keys.articleId(url), url, url, Keys.host(url), null, title, null,
                List.of(), Instant.parse("2026-11-28T10:00:00Z"), "meta", null, "en", text, List.of(text), list,
                Instant.now().minusSeconds(5), "ops-test", new Article.Quality("article", true, text.length(), 0.0), null, null);
    }
}
