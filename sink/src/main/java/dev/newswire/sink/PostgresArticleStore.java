package dev.newswire.sink;

import dev.newswire.model.Article;
import dev.newswire.model.Json;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The article store in PostgreSQL: schema migration (Flyway, {@link Migrations}), idempotent upserts keyed by article id, and the sink's
 * consumed offsets written in the same transaction as the articles (so a crash between the write and the Kafka
 * offset commit neither loses nor doubles anything). Parameterised SQL only.
 */
public final class PostgresArticleStore implements ArticleStore {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresArticleStore.class);

    private static final String UPSERT_ARTICLE = """
            INSERT INTO articles (id, url, canonical_url, host, site_name, title, byline, authors, published_at,
                published_source, modified_at, language, text, paragraphs, page_kind, is_article, crawler,
                first_fetched_at, last_fetched_at, schema_version, document, story_id, duplicate_of, stored_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, now())
            ON CONFLICT (id) DO UPDATE SET url = EXCLUDED.url, canonical_url = EXCLUDED.canonical_url,
                host = EXCLUDED.host, site_name = EXCLUDED.site_name, title = EXCLUDED.title, byline = EXCLUDED.byline,
                authors = EXCLUDED.authors, published_at = EXCLUDED.published_at,
                published_source = EXCLUDED.published_source, modified_at = EXCLUDED.modified_at,
                language = EXCLUDED.language, text = EXCLUDED.text, paragraphs = EXCLUDED.paragraphs,
                page_kind = EXCLUDED.page_kind, is_article = EXCLUDED.is_article, crawler = EXCLUDED.crawler,
                first_fetched_at = LEAST(articles.first_fetched_at, EXCLUDED.first_fetched_at),
                last_fetched_at = EXCLUDED.last_fetched_at, schema_version = EXCLUDED.schema_version,
                document = EXCLUDED.document, story_id = EXCLUDED.story_id,
                duplicate_of = EXCLUDED.duplicate_of, stored_at = now()
            WHERE EXCLUDED.last_fetched_at >= articles.last_fetched_at
                AND EXCLUDED.document IS DISTINCT FROM articles.document""";
    // The WHERE above writes nothing when the stored row is the same article (a replay): the document is the whole
    // article, every other column is derived from it, and an update would recompute the search vector and the entity
    // keys and rewrite the row, its indexes and its entities for nothing.
    // An older fetch of a stored article: keep the newer content, remember the earliest fetch time (only when it is
    // earlier: an update that changes nothing still rewrites the row).
    private static final String KEEP_FIRST_FETCH = "UPDATE articles SET first_fetched_at = ? WHERE id = ? AND first_fetched_at > ?";
    // Entities and mentions of a whole batch in one statement each: arrays of columns, unnested server-side.
    private static final String DELETE_ENTITIES = "DELETE FROM article_entities WHERE article_id = ANY (?)";
    private static final String INSERT_ENTITIES = """
            INSERT INTO article_entities (article_id, entity_no, type, name, kb_id, salience, mention_count, attributes)
            SELECT a, n, t, nm, k, s, m, at::jsonb
            FROM unnest(?::text[], ?::int4[], ?::text[], ?::text[], ?::text[], ?::float8[], ?::int4[], ?::text[])
                AS u(a, n, t, nm, k, s, m, at)""";
    private static final String INSERT_MENTIONS = """
            INSERT INTO entity_mentions (article_id, entity_no, start_offset, end_offset, mention)
            SELECT * FROM unnest(?::text[], ?::int4[], ?::int4[], ?::int4[], ?::text[])
            ON CONFLICT DO NOTHING""";
    private static final String UPSERT_OFFSET = """
            INSERT INTO sink_offsets (consumer_group, topic, partition, next_offset) VALUES (?, ?, ?, ?)
            ON CONFLICT (consumer_group, topic, partition) DO UPDATE SET next_offset = EXCLUDED.next_offset""";

    private final String url;
    private final Properties credentials;

    /**
     * @param url      JDBC URL
     * @param user     user, or empty to take it from the URL
     * @param password password, or empty
     */
    public PostgresArticleStore(String url, String user, String password) {
        this.url = url;
        this.credentials = new Properties();
        if (user != null && !user.isEmpty()) {
            credentials.setProperty("user", user);
        }
        if (password != null && !password.isEmpty()) {
            credentials.setProperty("password", password);
        }
        credentials.setProperty("connectTimeout", "5");
        credentials.setProperty("socketTimeout", "60");
    }

    /** The store a sink configuration names ({@code sink.jdbc.*}). */
    public static PostgresArticleStore of(SinkConfig config) {
        return new PostgresArticleStore(config.getString(SinkConfig.JDBC_URL), config.getString(SinkConfig.JDBC_USER),
                config.getPassword(SinkConfig.JDBC_PASSWORD).value());
    }

    /** Opens a connection (autocommit off). */
    public Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(url, credentials);
        c.setAutoCommit(false);
        return c;
    }

    /** {@inheritDoc} With Flyway ({@link Migrations}), under its lock. */
    @Override
    public void migrate() throws SQLException {
        Migrations.migrate(url, credentials);
    }

    @Override
    public Map<Integer, Long> readOffsets(String group, String topic) throws SQLException {
        Map<Integer, Long> out = new HashMap<>();
        try (Connection c = connect();
             PreparedStatement q = c.prepareStatement(
                     "SELECT partition, next_offset FROM sink_offsets WHERE consumer_group = ? AND topic = ?")) {
            q.setString(1, group);
            q.setString(2, topic);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getInt(1), rs.getLong(2));
                }
            }
            c.commit();
        }
        return out;
    }

    /**
     * {@inheritDoc} Re-writing the same article is harmless: the row is updated in place when the fetch is as new or
     * newer and the article differs from the stored one, its entities replaced; the same article again (a replay)
     * writes nothing.
     */
    @Override
    public void write(List<Article> articles, String group, String topic, Map<Integer, Long> nextOffsets) throws SQLException {
        try (Connection c = connect()) {
            try {
                upsert(c, articles);
                try (PreparedStatement ps = c.prepareStatement(UPSERT_OFFSET)) {
                    for (Map.Entry<Integer, Long> e : nextOffsets.entrySet()) {
                        ps.setString(1, group);
                        ps.setString(2, topic);
                        ps.setInt(3, e.getKey());
                        ps.setLong(4, e.getValue());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** {@inheritDoc} Writes it in a transaction that is rolled back. */
    @Override
    public void check(Article a) throws SQLException {
        try (Connection c = connect()) {
            try {
                upsert(c, List.of(a));
            } finally {
                c.rollback();
            }
        }
    }

    /**
     * Upserts a batch: the article rows in one pipelined JDBC batch (in order, so a batch holding the same article
     * twice ends as the statements one by one would), then the entities and mentions of every article whose row was
     * written in one statement each.
     */
    private void upsert(Connection c, List<Article> articles) throws SQLException {
        if (articles.isEmpty()) {
            return;
        }
        int[] changed;
        try (PreparedStatement ps = c.prepareStatement(UPSERT_ARTICLE)) {
            for (Article a : articles) {
                bindArticle(ps, a);
                ps.addBatch();
            }
            changed = ps.executeBatch();
        }
        // An older fetch of a stored article: keep the newer content, remember the earliest fetch time.
        // The entities of an article written more than once in the batch are those of its last written version.
        Map<String, Article> written = new LinkedHashMap<>();
        try (PreparedStatement keep = c.prepareStatement(KEEP_FIRST_FETCH)) {
            boolean any = false;
            for (int k = 0; k < articles.size(); k++) {
                Article a = articles.get(k);
                if (changed[k] == 0) {
                    setTime(keep, 1, a.fetchedAt());
                    keep.setString(2, a.id());
                    setTime(keep, 3, a.fetchedAt());
                    keep.addBatch();
                    any = true;
                } else {
                    written.put(a.id(), a);
                }
            }
            if (any) {
                keep.executeBatch();
            }
        }
        if (written.isEmpty()) {
            return;
        }
        try (PreparedStatement del = c.prepareStatement(DELETE_ENTITIES)) {
            del.setArray(1, c.createArrayOf("text", written.keySet().toArray(String[]::new)));
            del.executeUpdate();
        }
        List<String> eArticle = new ArrayList<>();
        List<Integer> eNo = new ArrayList<>();
        List<String> eType = new ArrayList<>();
        List<String> eName = new ArrayList<>();
        List<String> eKbId = new ArrayList<>();
        List<Double> eSalience = new ArrayList<>();
        List<Integer> eCount = new ArrayList<>();
        List<String> eAttributes = new ArrayList<>();
        List<String> mArticle = new ArrayList<>();
        List<Integer> mNo = new ArrayList<>();
        List<Integer> mStart = new ArrayList<>();
        List<Integer> mEnd = new ArrayList<>();
        List<String> mText = new ArrayList<>();
        for (Article a : written.values()) {
            int no = 0;
            for (Article.Entity e : a.entities()) {
                eArticle.add(a.id());
                eNo.add(no);
                eType.add(e.type());
                eName.add(e.name());
                eKbId.add(e.id());
                eSalience.add(e.salience());
                eCount.add(e.mentionCount());
                eAttributes.add(json(e.attributes()));
                for (Article.Mention m : e.mentions()) {
                    mArticle.add(a.id());
                    mNo.add(no);
                    mStart.add(m.start());
                    mEnd.add(m.end());
                    mText.add(stripNul(m.text()));
                }
                no++;
            }
        }
        if (eArticle.isEmpty()) {
            return;
        }
        try (PreparedStatement ent = c.prepareStatement(INSERT_ENTITIES)) {
            int i = 1;
            ent.setArray(i++, c.createArrayOf("text", eArticle.toArray()));
            ent.setArray(i++, c.createArrayOf("int4", eNo.toArray()));
            ent.setArray(i++, c.createArrayOf("text", eType.toArray()));
            ent.setArray(i++, c.createArrayOf("text", eName.toArray()));
            ent.setArray(i++, c.createArrayOf("text", eKbId.toArray()));
            ent.setArray(i++, c.createArrayOf("float8", eSalience.toArray()));
            ent.setArray(i++, c.createArrayOf("int4", eCount.toArray()));
            ent.setArray(i, c.createArrayOf("text", eAttributes.toArray()));
            ent.executeUpdate();
        }
        if (mArticle.isEmpty()) {
            return;
        }
        try (PreparedStatement men = c.prepareStatement(INSERT_MENTIONS)) {
            int i = 1;
            men.setArray(i++, c.createArrayOf("text", mArticle.toArray()));
            men.setArray(i++, c.createArrayOf("int4", mNo.toArray()));
            men.setArray(i++, c.createArrayOf("int4", mStart.toArray()));
            men.setArray(i++, c.createArrayOf("int4", mEnd.toArray()));
            men.setArray(i, c.createArrayOf("text", mText.toArray()));
            men.executeUpdate();
        }
    }

    private static void bindArticle(PreparedStatement ps, Article a) throws SQLException {
        int i = 1;
        ps.setString(i++, a.id());
        ps.setString(i++, a.url());
        ps.setString(i++, a.canonicalUrl());
        ps.setString(i++, a.host());
        ps.setString(i++, a.siteName());
        ps.setString(i++, a.title());
        ps.setString(i++, a.byline());
        ps.setString(i++, json(a.authors()));
        setTime(ps, i++, a.publishedAt());
        ps.setString(i++, a.publishedSource());
        setTime(ps, i++, a.modifiedAt());
        ps.setString(i++, a.language());
        ps.setString(i++, stripNul(a.text()));
        ps.setString(i++, stripNul(json(a.paragraphs())));
        ps.setString(i++, a.quality() == null ? null : a.quality().pageKind());
        if (a.quality() == null) {
            ps.setNull(i++, Types.BOOLEAN);
        } else {
            ps.setBoolean(i++, a.quality().isArticle());
        }
        ps.setString(i++, a.crawler());
        setTime(ps, i++, a.fetchedAt());
        setTime(ps, i++, a.fetchedAt());
        ps.setInt(i++, a.schemaVersion());
        ps.setString(i++, stripNul(json(a)));
        ps.setString(i++, a.storyId());
        ps.setString(i, a.duplicateOf());
    }

    private static String json(Object value) {
        return new String(Json.write(value), StandardCharsets.UTF_8);
    }

    private static void setTime(PreparedStatement ps, int i, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(i, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
        }
    }

    // PostgreSQL text cannot hold NUL characters.
    private static String stripNul(String s) {
        return s == null || s.indexOf('\0') < 0 ? s : s.replace("\0", "");
    }
}
