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
import java.util.HashMap;
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
            WHERE EXCLUDED.last_fetched_at >= articles.last_fetched_at""";
    // An older fetch of a stored article: keep the newer content, remember the earliest fetch time.
    private static final String KEEP_FIRST_FETCH = "UPDATE articles SET first_fetched_at = LEAST(first_fetched_at, ?) WHERE id = ?";
    private static final String DELETE_ENTITIES = "DELETE FROM article_entities WHERE article_id = ?";
    private static final String INSERT_ENTITY = """
            INSERT INTO article_entities (article_id, entity_no, type, name, kb_id, salience, mention_count, attributes)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb)""";
    private static final String INSERT_MENTION = """
            INSERT INTO entity_mentions (article_id, entity_no, start_offset, end_offset, mention) VALUES (?, ?, ?, ?, ?)
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
     * newer, its entities replaced.
     */
    @Override
    public void write(List<Article> articles, String group, String topic, Map<Integer, Long> nextOffsets) throws SQLException {
        try (Connection c = connect()) {
            try {
                for (Article a : articles) {
                    upsert(c, a);
                }
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
                upsert(c, a);
            } finally {
                c.rollback();
            }
        }
    }

    private void upsert(Connection c, Article a) throws SQLException {
        int changed;
        try (PreparedStatement ps = c.prepareStatement(UPSERT_ARTICLE)) {
            int i = 1;
            ps.setString(i++, a.id());
            ps.setString(i++, a.url());
            ps.setString(i++, a.canonicalUrl());
            ps.setString(i++, a.host());
            ps.setString(i++, a.siteName());
            ps.setString(i++, a.title());
            ps.setString(i++, a.byline());
            ps.setString(i++, new String(Json.write(a.authors()), StandardCharsets.UTF_8));
            setTime(ps, i++, a.publishedAt());
            ps.setString(i++, a.publishedSource());
            setTime(ps, i++, a.modifiedAt());
            ps.setString(i++, a.language());
            ps.setString(i++, stripNul(a.text()));
            ps.setString(i++, stripNul(new String(Json.write(a.paragraphs()), StandardCharsets.UTF_8)));
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
            ps.setString(i++, stripNul(new String(Json.write(a), StandardCharsets.UTF_8)));
            ps.setString(i++, a.storyId());
            ps.setString(i, a.duplicateOf());
            changed = ps.executeUpdate();
        }
        if (changed == 0) {
            try (PreparedStatement ps = c.prepareStatement(KEEP_FIRST_FETCH)) {
                setTime(ps, 1, a.fetchedAt());
                ps.setString(2, a.id());
                ps.executeUpdate();
            }
            return;
        }
        try (PreparedStatement del = c.prepareStatement(DELETE_ENTITIES)) {
            del.setString(1, a.id());
            del.executeUpdate();
        }
        try (PreparedStatement ent = c.prepareStatement(INSERT_ENTITY);
             PreparedStatement men = c.prepareStatement(INSERT_MENTION)) {
            int no = 0;
            for (Article.Entity e : a.entities()) {
                ent.setString(1, a.id());
                ent.setInt(2, no);
                ent.setString(3, e.type());
                ent.setString(4, e.name());
                ent.setString(5, e.id());
                ent.setDouble(6, e.salience());
                ent.setInt(7, e.mentionCount());
                ent.setString(8, new String(Json.write(e.attributes()), StandardCharsets.UTF_8));
                ent.addBatch();
                for (Article.Mention m : e.mentions()) {
                    men.setString(1, a.id());
                    men.setInt(2, no);
                    men.setInt(3, m.start());
                    men.setInt(4, m.end());
                    men.setString(5, stripNul(m.text()));
                    men.addBatch();
                }
                no++;
            }
            ent.executeBatch();
            men.executeBatch();
        }
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
