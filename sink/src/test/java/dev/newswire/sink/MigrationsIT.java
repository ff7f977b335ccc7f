package dev.newswire.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newswire.embedded.EmbeddedDatabase;
import dev.newswire.model.Article;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Flyway migrations on a real PostgreSQL: a new database, and databases the hand-written runner made before Flyway
 * (with articles in them), upgraded in place. Each test works in a database of its own on one server.
 */
class MigrationsIT {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedDatabase server;

    @BeforeAll
    static void start() throws IOException {
        server = EmbeddedDatabase.startTemporary();
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    /** A new, empty database on the server; its JDBC URL. */
    private static String newDatabase() throws SQLException {
        String name = "migrations_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        return server.jdbcUrl().replace("/" + EmbeddedDatabase.DATABASE + "?", "/" + name + "?");
    }

    /**
     * What the hand-written runner of earlier versions did (PostgresArticleStore.migrate before Flyway, verbatim in
     * effect): its own table, the scripts it knew applied in order, each recorded by file name.
     */
    private static void legacyMigrate(String url, List<String> scripts) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
            st.execute("LOCK TABLE schema_migrations IN EXCLUSIVE MODE");
            for (String m : scripts) {
                st.execute(resource("/db/" + m));
                try (PreparedStatement ins = c.prepareStatement("INSERT INTO schema_migrations (version) VALUES (?)")) {
                    ins.setString(1, m);
                    ins.executeUpdate();
                }
            }
            c.commit();
        }
    }

    private static String resource(String path) {
        try (InputStream in = MigrationsIT.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> history(String url) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version, type, success FROM flyway_schema_history ORDER BY installed_rank")) {
            while (rs.next()) {
                out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getBoolean(3));
            }
        }
        return out;
    }

    private static long count(String url, String sql, Object... params) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                q.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Article article(String path, String language, String title, String text) {
        String url = "https://news.example/" + path;
        return new Article(1, dev.newswire.model.Keys.articleId(url), url, url, "news.example", null, title, null,
                List.of(), Instant.parse("2024-06-18T06:00:00Z"), "meta", null, language, text, List.of(text),
                List.of(new Article.Entity("PERSON", "Kim Jong Un", "wikidata:Q56226", 0.5, 1, Map.of(),
                        List.of(new Article.Mention(0, 11, "Kim Jong Un")))),
                Instant.parse("2026-11-01T10:00:00Z"), "it", new Article.Quality("article", true, text.length(), 0.0),
                null, null);
    }

    private static void write(PostgresArticleStore store, Article... articles) throws SQLException {
        store.write(List.of(articles), "g", "news.articles", Map.of(0, (long) articles.length));
    }

    @Test
    void newDatabaseGetsEveryScriptOnceAndASecondRunDoesNothing() throws Exception {
        String url = newDatabase();
        PostgresArticleStore store = new PostgresArticleStore(url, "", "");
        store.migrate();
        assertEquals(List.of("1 SQL true", "2 SQL true", "3 SQL true", "4 SQL true"), history(url));
        assertEquals(0, Migrations.migrate(url, new java.util.Properties()));
        assertEquals(4, history(url).size());
        write(store, article("a", "en", "Putin and Kim defeat sanctions", "Kim Jong Un thanked Putin for his support."));
        assertEquals(1, count(url, "SELECT count(*) FROM articles WHERE search_vector @@ websearch_to_tsquery('english', 'sanction')"));
        // V4: the article's large values are stored without compression ('e' = EXTERNAL)
        assertEquals("document:e|paragraphs:e|text:e", string(url, "SELECT string_agg(attname || ':' || attstorage, '|' ORDER BY attname)"
                + " FROM pg_attribute WHERE attrelid = 'articles'::regclass AND attname IN ('text', 'paragraphs', 'document')"));
    }

    @Test
    void databaseOfTheHandWrittenRunnerIsUpgradedInPlaceWithItsArticles() throws Exception {
        String url = newDatabase();
        legacyMigrate(url, List.of("V1__articles.sql", "V2__stories.sql"));
        PostgresArticleStore store = new PostgresArticleStore(url, "", "");
        // Articles stored by the earlier version (its write path is the one of today, without search columns).
        write(store, article("en", "en", "Sanctions talks", "Kim Jong Un and Putin discussed the sanctions."),
                article("de", "de", "Gespräche über Sanktionen", "Die Sanktionen wurden verschärft."),
                article("xx", null, "Untitled", "Kim Jong Un sanctions"));

        store.migrate();

        assertEquals(List.of("2 BASELINE true", "3 SQL true", "4 SQL true"), history(url));
        assertEquals(3, count(url, "SELECT count(*) FROM articles"));
        assertEquals(3, count(url, "SELECT count(*) FROM article_entities"));
        // Existing rows got their search vector, each in its language's configuration: stemmed English ('sanction'),
        // stemmed German ('sanktion'), simple for no language.
        assertEquals(1, count(url, "SELECT count(*) FROM articles WHERE language = 'en' AND search_vector @@ to_tsquery('english', 'sanctions')"));
        assertEquals(1, count(url, "SELECT count(*) FROM articles WHERE language = 'de' AND search_vector @@ to_tsquery('german', 'sanktion')"));
        assertEquals(1, count(url, "SELECT count(*) FROM articles WHERE language IS NULL AND search_vector @@ to_tsquery('simple', 'sanctions')"));
        assertEquals("german", string(url, "SELECT newswire_ts_config('DE')::text"));
        // and their entity keys, from the stored document
        assertEquals("PERSON:kim jong un|PERSON:wikidata:Q56226|kim jong un|type:PERSON|wikidata:Q56226",
                string(url, "SELECT array_to_string(entity_keys, '|') FROM articles WHERE language = 'en'"));
        assertEquals("simple", string(url, "SELECT newswire_ts_config('xx')::text"));
        assertEquals("simple", string(url, "SELECT newswire_ts_config(NULL)::text"));
        // The legacy table is left alone; the sink writes as before; a second start migrates nothing.
        assertEquals(2, count(url, "SELECT count(*) FROM schema_migrations"));
        write(store, article("new", "en", "After the upgrade", "Kim Jong Un again"));
        assertEquals(2, count(url, "SELECT count(*) FROM articles WHERE search_vector @@ plainto_tsquery('simple', 'kim')"
                + " AND language = 'en'"));
        assertEquals(0, Migrations.migrate(url, new java.util.Properties()));
    }

    @Test
    void databaseFromBeforeStoriesGetsTheStoryScriptToo() throws Exception {
        String url = newDatabase();
        legacyMigrate(url, List.of("V1__articles.sql"));
        new PostgresArticleStore(url, "", "").migrate();
        assertEquals(List.of("1 BASELINE true", "2 SQL true", "3 SQL true", "4 SQL true"), history(url));
        assertEquals(1, count(url, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'articles' AND column_name = 'story_id'"));
    }

    @Test
    void sinksStartingTogetherMigrateOnce() throws Exception {
        String url = newDatabase();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(pool.submit((Callable<Integer>) () -> Migrations.migrate(url, new java.util.Properties())));
            }
            int applied = 0;
            for (Future<Integer> f : runs) {
                applied += f.get();
            }
            assertEquals(4, applied, "the four scripts applied once in all");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of("1 SQL true", "2 SQL true", "3 SQL true", "4 SQL true"), history(url));
        assertTrue(count(url, "SELECT count(*) FROM pg_indexes WHERE indexname = 'articles_search'") == 1);
    }

    private static String string(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
