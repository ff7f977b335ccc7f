package dev.newswire.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.newswire.embedded.EmbeddedDatabase;
import dev.newswire.model.Article;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store's batched writes on a real PostgreSQL: a batch ends as the same articles written one by one would, also
 * when it holds one article several times (newer and older fetches), and the entities and mentions of a whole batch
 * are written in bulk.
 */
class PostgresArticleStoreIT {

    private static EmbeddedDatabase db;
    private static PostgresArticleStore store;

    @BeforeAll
    static void start() throws Exception {
        db = EmbeddedDatabase.startTemporary();
        store = new PostgresArticleStore(db.jdbcUrl(), "", "");
        store.migrate();
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    private static Article article(String path, Instant fetchedAt, String title, String... people) {
        String url = "https://store.example/" + path;
        String text = String.join(" met ", people) + ".";
        List<Article.Entity> entities = new ArrayList<>();
        int at = 0;
        for (String p : people) {
            entities.add(new Article.Entity("PERSON", p, null, 0.5, 1, Map.of("k", "v"), List.of(new Article.Mention(at, at + p.length(), p))));
            at += p.length() + 5;
        }
        return new Article(1, dev.newswire.model.Keys.articleId(url), url, url, "store.example", null, title, null, List.of(),
                null, null, null, "en", text, List.of(text), entities, fetchedAt, "it",
                new Article.Quality("article", true, text.length(), 0.0), null, null);
    }

    private static String strings(String sql) throws SQLException {
        StringBuilder sb = new StringBuilder();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl()); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                sb.append(sb.length() == 0 ? "" : "|").append(rs.getString(1));
            }
        }
        return sb.toString();
    }

    @Test
    void aBatchEndsAsItsArticlesWrittenOneByOne() throws Exception {
        Instant t1 = Instant.parse("2026-10-01T00:00:00Z");
        Instant t2 = Instant.parse("2026-10-02T00:00:00Z");
        Instant t3 = Instant.parse("2026-10-03T00:00:00Z");
        Article aNew = article("a", t2, "A new", "Ann Lee", "Bo Chan");
        Article aOld = article("a", t1, "A old", "Cy Dee");
        Article b = article("b", t1, "B", "Ed Fox", "Gil Hay", "Ivo Jin");
        Article cOld = article("c", t1, "C old", "Kim Lo");
        Article cNew = article("c", t3, "C new", "Mo Nye", "Oz Pak");
        // a: newer then older in one batch; c: older then newer
        store.write(List.of(aNew, b, aOld, cOld, cNew), "g", "t", Map.of(0, 5L));
        String a = aNew.id();
        String c = cNew.id();
        assertEquals("A new", strings("SELECT title FROM articles WHERE id = '" + a + "'"));
        assertEquals("2026-10-01 00:00:00+00", strings("SELECT first_fetched_at FROM articles WHERE id = '" + a + "'"));
        assertEquals("Ann Lee|Bo Chan", strings("SELECT name FROM article_entities WHERE article_id = '" + a + "' ORDER BY entity_no"));
        assertEquals("C new", strings("SELECT title FROM articles WHERE id = '" + c + "'"));
        assertEquals("2026-10-01 00:00:00+00", strings("SELECT first_fetched_at FROM articles WHERE id = '" + c + "'"));
        assertEquals("Mo Nye|Oz Pak", strings("SELECT name FROM article_entities WHERE article_id = '" + c + "' ORDER BY entity_no"));
        assertEquals("Mo Nye|Oz Pak", strings("SELECT mention FROM entity_mentions WHERE article_id = '" + c + "' ORDER BY entity_no"));
        assertEquals("Ed Fox|Gil Hay|Ivo Jin", strings("SELECT mention FROM entity_mentions WHERE article_id = '" + b.id() + "' ORDER BY entity_no"));
        assertEquals("{\"k\": \"v\"}", strings("SELECT attributes FROM article_entities WHERE article_id = '" + b.id() + "' AND entity_no = 0"));
        assertEquals("5", strings("SELECT next_offset FROM sink_offsets WHERE consumer_group = 'g' AND topic = 't' AND partition = 0"));

        // a replay of an older fetch keeps the newer content and entities; a newer one replaces them
        store.write(List.of(aOld), "g", "t", Map.of(0, 6L));
        assertEquals("A new", strings("SELECT title FROM articles WHERE id = '" + a + "'"));
        assertEquals("Ann Lee|Bo Chan", strings("SELECT name FROM article_entities WHERE article_id = '" + a + "' ORDER BY entity_no"));
        store.write(List.of(article("a", t3, "A newest", "Quin Roe"), article("d", t3, "D")), "g", "t", Map.of(0, 8L));
        assertEquals("A newest", strings("SELECT title FROM articles WHERE id = '" + a + "'"));
        assertEquals("Quin Roe", strings("SELECT mention FROM entity_mentions WHERE article_id = '" + a + "'"));
        assertEquals("8", strings("SELECT next_offset FROM sink_offsets WHERE consumer_group = 'g' AND topic = 't' AND partition = 0"));
    }

    @Test
    void aReplayOfStoredArticlesWritesNothing() throws Exception {
        Instant t1 = Instant.parse("2026-10-01T00:00:00Z");
        Instant t2 = Instant.parse("2026-10-02T00:00:00Z");
        Article e = article("replay-e", t2, "E", "Ann Lee", "Bo Chan");
        Article f = article("replay-f", t2, "F", "Cy Dee");
        Article fOlder = article("replay-f", t1, "F older", "Cy Dee");
        store.write(List.of(e, f, fOlder), "replay", "t", Map.of(0, 3L));
        String ids = "('" + e.id() + "', '" + f.id() + "')";
        // xmin is the transaction that last wrote a row version: unchanged means not rewritten
        String rows = "SELECT id || ':' || xmin || ':' || first_fetched_at FROM articles WHERE id IN " + ids + " ORDER BY id";
        String entities = "SELECT article_id || ':' || entity_no || ':' || xmin FROM article_entities WHERE article_id IN " + ids
                + " ORDER BY 1";
        String mentions = "SELECT article_id || ':' || entity_no || ':' || xmin FROM entity_mentions WHERE article_id IN " + ids
                + " ORDER BY 1";
        String before = strings(rows) + " / " + strings(entities) + " / " + strings(mentions);

        // the same records again (a sink resuming from older offsets), and an older fetch once more
        store.write(List.of(e, f, fOlder), "replay", "t", Map.of(0, 3L));
        store.write(List.of(fOlder, e), "replay", "t", Map.of(0, 3L));
        assertEquals(before, strings(rows) + " / " + strings(entities) + " / " + strings(mentions));
        assertEquals("2026-10-01 00:00:00+00", strings("SELECT first_fetched_at FROM articles WHERE id = '" + f.id() + "'"));

        // a changed article with the same fetch time is still written, its entities replaced
        Article eChanged = article("replay-e", t2, "E corrected", "Ann Lee");
        store.write(List.of(eChanged), "replay", "t", Map.of(0, 4L));
        assertEquals("E corrected", strings("SELECT title FROM articles WHERE id = '" + e.id() + "'"));
        assertEquals("Ann Lee", strings("SELECT name FROM article_entities WHERE article_id = '" + e.id() + "' ORDER BY entity_no"));
    }
}
