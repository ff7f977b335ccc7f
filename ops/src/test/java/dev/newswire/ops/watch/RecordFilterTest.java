package dev.newswire.ops.watch;

import static dev.newswire.ops.TestArticles.article;
import static dev.newswire.ops.TestArticles.person;
import static dev.newswire.ops.TestArticles.place;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newswire.model.Article;
import dev.newswire.model.DeadLetters;
import dev.newswire.model.Json;
import dev.newswire.model.RawPageEnvelope;
import dev.newswire.model.RawPage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class RecordFilterTest {

    private static final Article KIM = article("https://news.example.com/kim", "Kim meets Putin", "en",
            "Kim Jong Un met Vladimir Putin in Pyongyang. Kim said little.",
            person("Kim Jong Un", "Kim Jong Un"), person("Vladimir Putin", "Vladimir Putin"), place("Pyongyang", "Pyongyang"));
    private static final Article RHINE = article("https://www.zeitung.example.de/rhein", "Rhein bei Niedrigwasser", "de",
            "Die Schiffe auf dem Rhein fahren halb beladen.", place("Rhine", "Rhein"));

    static ConsumerRecord<byte[], byte[]> record(String topic, String key, byte[] value) {
        return new ConsumerRecord<>(topic, 0, 7, key == null ? null : key.getBytes(StandardCharsets.UTF_8), value);
    }

    static RecordView view(Article a) {
        return RecordView.of(record("news.articles", a.id(), Json.write(a)));
    }

    @Test
    void entityMatchesCanonicalNameOrMentionTextAnyCase() {
        assertTrue(new RecordFilter("kim jong un", null, null, null, null, null).test(view(KIM)));
        assertTrue(new RecordFilter("Rhein", null, null, null, null, null).test(view(RHINE)), "a mention's text");
        assertFalse(new RecordFilter("Kim Jong Un", null, null, null, null, null).test(view(RHINE)));
        assertFalse(new RecordFilter("Kim", null, null, null, null, null).test(view(KIM)), "not a substring search");
    }

    @Test
    void entityTypeRestrictsTheEntity() {
        assertTrue(new RecordFilter("Pyongyang", "place", null, null, null, null).test(view(KIM)));
        assertFalse(new RecordFilter("Pyongyang", "person", null, null, null, null).test(view(KIM)));
        assertTrue(new RecordFilter(null, "people", null, null, null, null).test(view(KIM)));
        assertFalse(new RecordFilter(null, "person", null, null, null, null).test(view(RHINE)));
        assertThrows(IllegalArgumentException.class, () -> new RecordFilter(null, "animal", null, null, null, null));
    }

    @Test
    void languageHostGrepAndKey() {
        assertTrue(new RecordFilter(null, null, "de", null, null, null).test(view(RHINE)));
        assertFalse(new RecordFilter(null, null, "de", null, null, null).test(view(KIM)));
        assertTrue(new RecordFilter(null, null, null, "example.de", null, null).test(view(RHINE)), "subdomain");
        assertFalse(new RecordFilter(null, null, null, "example.com", null, null).test(view(RHINE)));
        assertTrue(new RecordFilter(null, null, null, null, Pattern.compile("halb bel"), null).test(view(RHINE)));
        assertFalse(new RecordFilter(null, null, null, null, Pattern.compile("halb bel"), null).test(view(KIM)));
        assertTrue(new RecordFilter(null, null, null, null, null, KIM.id()).test(view(KIM)));
        assertFalse(new RecordFilter(null, null, null, null, null, KIM.id()).test(view(RHINE)));
    }

    @Test
    void rawPagesAndDeadLettersAreDecoded() {
        RawPage page = RawPage.of("https://news.example.com/a", Instant.parse("2026-11-29T01:00:00Z"), 200,
                Map.of("Content-Type", "text/html"), "<html>hello</html>".getBytes(StandardCharsets.UTF_8), "wget");
        RecordView raw = RecordView.of(record("news.raw", "https://news.example.com/a", Json.write(page)));
        assertEquals(RecordView.Kind.RAW_PAGE, raw.kind());
        assertEquals(18, raw.raw().bodyBytes());
        assertEquals("news.example.com", raw.host());
        assertTrue(new RecordFilter(null, null, null, "example.com", null, null).test(raw));
        assertFalse(new RecordFilter("Kim Jong Un", null, null, null, null, null).test(raw), "raw pages have no entities");

        // RawPage v2, the binary envelope ingest writes: decoded the same way
        RecordView v2 = RecordView.of(record("news.raw", "https://news.example.com/a", RawPageEnvelope.write(page)));
        assertEquals(RecordView.Kind.RAW_PAGE, v2.kind());
        assertEquals(18, v2.raw().bodyBytes());
        assertEquals("wget", v2.raw().crawler());
        assertEquals("news.example.com", v2.host());

        ConsumerRecord<byte[], byte[]> dead = record("news.dlq", "k", "{not json".getBytes(StandardCharsets.UTF_8));
        DeadLetters.addProvenance(dead.headers(), "enrich", "invalid-json", new IllegalArgumentException("bad <json>"),
                "news.raw", 2, 41);
        RecordView dl = RecordView.of(dead);
        assertEquals(RecordView.Kind.DEAD_LETTER, dl.kind());
        assertEquals("invalid-json", dl.deadLetter().reason());
        assertEquals(41, dl.deadLetter().sourceOffset());
        assertNotNull(dl.valueText());
        assertTrue(new RecordFilter(null, null, null, null, Pattern.compile("bad <json>"), null).test(dl));
        String text = RecordFormatter.text(dl);
        assertTrue(text.contains("DEAD LETTER  invalid-json  stage enrich  from news.raw/2@41"), text);
    }

    @Test
    void jsonOutputIsOneParsableObjectPerRecord() throws Exception {
        String line = RecordFormatter.json(view(KIM));
        assertFalse(line.contains("\n"));
        var node = Json.MAPPER.readTree(line);
        assertEquals("article", node.get("kind").asText());
        assertEquals("Kim meets Putin", node.at("/value/title").asText());
        assertEquals(7, node.get("offset").asLong());
    }

    @Test
    void textOutputNamesPeopleAndPlacesAndNeutralisesTerminalEscapes() {
        Article evil = article("https://evil.example/x", "Breaking\u001b[2J\u001b]0;pwned\u0007 news\u202e", "en",
                "Kim Jong Un spoke.", person("Kim Jong Un", "Kim Jong Un"));
        String text = RecordFormatter.text(view(evil));
        assertFalse(text.contains("\u001b"), "no escape character reaches the terminal");
        assertFalse(text.contains("\u0007"));
        assertFalse(text.contains("\u202e"));
        assertTrue(text.contains("People: Kim Jong Un (1)"), text);
        String kim = RecordFormatter.text(view(KIM));
        assertTrue(kim.contains("Places: Pyongyang (1)"), kim);
        assertTrue(kim.contains("news.example.com  [en]"), kim);
    }
}
