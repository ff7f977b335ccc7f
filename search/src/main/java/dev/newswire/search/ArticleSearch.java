package dev.newswire.search;

import dev.newswire.model.Article;
import dev.newswire.model.Json;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Questions to the article store: full-text and entity search with keyset pagination, one article as published,
 * stories, the most mentioned entities and an entity's attention over time. Read-only; every value is a bound
 * parameter (the SQL text is assembled from fixed fragments only).
 *
 * <p>Text queries use PostgreSQL full-text search over the generated {@code articles.search_vector} (title weighted
 * above text, each article in its language's text search configuration, GIN-indexed; see the sink's
 * {@code V3__search.sql}). A query is parsed in the configuration of every language in the store and the parses
 * OR-ed, so "sanctions" finds the stemmed English "sanction" and "Sanktion" the German "Sanktionen", in one GIN index
 * scan; ranked by {@code ts_rank}. Entity filters use the GIN-indexed {@code articles.entity_keys}, so a text query
 * with an entity filter is the AND of two index scans.
 *
 * <pre>{@code
 * ArticleSearch search = new ArticleSearch(SearchDataSource.pool(jdbcUrl, user, password));
 * SearchPage page = search.search(SearchQuery.builder().text("sanctions").entity("Kim Jong Un").build());
 * }</pre>
 */
public final class ArticleSearch {

    /** Articles the entity counts of {@link #topEntities} look at, newest first: bounds their cost on a large store. */
    public static final int FACET_SAMPLE = 10_000;
    /** Most buckets in a timeline. */
    public static final int MAX_BUCKETS = 2_000;
    /** Most articles of a story returned. */
    public static final int MAX_STORY_ARTICLES = 1_000;
    private static final int SNIPPET_CHARS = 240;
    // ts_headline parses all the text it is given, and that is most of a page's cost: the passage is looked for in the
    // first 3,000 characters (the lede and the first paragraphs, where the words searched for mostly are); without a
    // match there, the snippet is the start of the text
    private static final int HEADLINE_CHARS = 3_000;

    private static final String SORT_TIME = "coalesce(a.published_at, '-infinity'::timestamptz)";
    // The languages in the store (a loose index scan over articles_language), the query parsed in each one's
    // configuration and OR-ed: one GIN index scan finds the candidates of every language.
    private static final String TSQUERY_CTE = """
            WITH RECURSIVE langs(l) AS (
                SELECT min(language) FROM articles
                UNION ALL
                SELECT (SELECT min(language) FROM articles WHERE language > langs.l) FROM langs WHERE langs.l IS NOT NULL
            ), tsq AS (
                SELECT newswire_tsquery_or(DISTINCT websearch_to_tsquery(newswire_ts_config(l), ?)) AS q FROM langs
            )
            """;
    private static final String OWN_QUERY = "websearch_to_tsquery(newswire_ts_config(a.language), ?)";

    private final DataSource dataSource;

    /** @param dataSource the store's database, e.g. {@link SearchDataSource#pool} */
    public ArticleSearch(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * One page of articles matching {@code query}: best first with a text query, else newest first.
     *
     * @throws InvalidQueryException      for a cursor this API did not return
     * @throws StoreUnavailableException when the database cannot answer
     */
    public SearchPage search(SearchQuery query) {
        boolean ranked = query.text() != null;
        Cursor after = query.cursor() == null ? null : Cursor.decode(query.cursor(), ranked);
        Sql sql = new Sql();
        if (ranked) {
            sql.add(TSQUERY_CTE, query.text());
            sql.add(", page AS (SELECT id, rank FROM (SELECT a.id, ts_rank(a.search_vector, (SELECT q FROM tsq), 1) AS rank"
                    + " FROM articles a WHERE ");
            filters(sql, query, true);
            sql.add(") m");
            if (after != null) {
                sql.add(" WHERE (m.rank < ? OR (m.rank = ? AND m.id > ?))", after.rank(), after.rank(), after.id());
            }
            sql.add(" ORDER BY m.rank DESC, m.id LIMIT ?)", query.limit() + 1);
            sql.add(" SELECT a.id, a.url, a.title, a.published_at, a.host, a.language, a.story_id, a.duplicate_of, p.rank,"
                    + " ts_headline(newswire_ts_config(a.language), left(a.text, " + HEADLINE_CHARS + "), " + OWN_QUERY + ","
                    + " 'MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=\" … \", StartSel=\"\", StopSel=\"\"')"
                    + " FROM page p JOIN articles a ON a.id = p.id ORDER BY p.rank DESC, p.id", query.text());
        } else {
            sql.add("WITH page AS (SELECT a.id FROM articles a WHERE ");
            filters(sql, query, false);
            if (after != null) {
                sql.add(" AND (" + SORT_TIME + ", a.id) < (CAST(? AS timestamptz), ?)",
                        after.time() == null ? "-infinity" : after.time().toString(), after.id());
            }
            sql.add(" ORDER BY " + SORT_TIME + " DESC, a.id DESC LIMIT ?)", query.limit() + 1);
            sql.add(" SELECT a.id, a.url, a.title, a.published_at, a.host, a.language, a.story_id, a.duplicate_of, 0,"
                    + " left(a.text, " + (SNIPPET_CHARS + 40) + ")"
                    + " FROM page p JOIN articles a ON a.id = p.id ORDER BY " + SORT_TIME + " DESC, a.id DESC");
        }
        try (Connection c = dataSource.getConnection()) {
            List<ArticleSummary> rows = new ArrayList<>();
            List<Float> ranks = new ArrayList<>();
            try (PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String snippet = rs.getString(10);
                    rows.add(summary(rs, ranked ? clean(snippet) : start(snippet)));
                    ranks.add(rs.getFloat(9));
                }
            }
            String next = null;
            if (rows.size() > query.limit()) {
                rows = rows.subList(0, query.limit());
                ArticleSummary last = rows.get(rows.size() - 1);
                next = (ranked ? Cursor.afterRank(ranks.get(rows.size() - 1), last.id())
                        : Cursor.afterTime(last.publishedAt(), last.id())).encode();
            }
            return new SearchPage(withEntities(c, rows), next);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** The stored article as published on {@code news.articles} (the same JSON the producer wrote), if stored. */
    public Optional<byte[]> article(String id) {
        SearchQuery.articleId(id, "article id");
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT document::text FROM articles WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                // jsonb keeps the values, not the field order: read it back into the record, write it as enrich did
                Article a = Json.readArticle(rs.getString(1).getBytes(StandardCharsets.UTF_8));
                return Optional.of(Json.write(a));
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** A story and all its copies, first fetched first, if any article has that story id. */
    public Optional<Story> story(String storyId) {
        SearchQuery.articleId(storyId, "story id");
        String sql = "SELECT a.id, a.url, a.title, a.published_at, a.host, a.language, a.story_id, a.duplicate_of, 0,"
                + " left(a.text, " + (SNIPPET_CHARS + 40) + ") FROM articles a WHERE a.story_id = ? OR a.id = ?"
                + " ORDER BY (a.id = ?) DESC, a.first_fetched_at, a.id LIMIT " + MAX_STORY_ARTICLES;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, storyId);
            ps.setString(2, storyId);
            ps.setString(3, storyId);
            List<ArticleSummary> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(summary(rs, start(rs.getString(10))));
                }
            }
            // the article with this id belongs to the story only when it names it (or names none: an original)
            rows.removeIf(r -> r.id().equals(storyId) && r.storyId() != null && !r.storyId().equals(storyId));
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Story(storyId, rows.get(0).title(), withEntities(c, rows)));
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /**
     * The entities mentioned in the most articles among those matching {@code filters} (the newest
     * {@value #FACET_SAMPLE} of them): facets of a search, or the top of a period.
     *
     * @param filters  which articles to count in (its limit and cursor are ignored)
     * @param type     count only entities of this type ({@code PERSON}, …), or null
     * @param limit    how many, at most {@value SearchQuery#MAX_LIMIT}
     */
    public List<EntityCount> topEntities(SearchQuery filters, String type, int limit) {
        String t = SearchQuery.entityType(type);
        Sql sql = new Sql();
        if (filters.text() != null) {
            sql.add(TSQUERY_CTE, filters.text());
            sql.add(", m AS (");
        } else {
            sql.add("WITH m AS (");
        }
        sql.add("SELECT a.id FROM articles a WHERE ");
        filters(sql, filters, filters.text() != null);
        sql.add(" ORDER BY " + SORT_TIME + " DESC LIMIT " + FACET_SAMPLE + ")");
        sql.add(" SELECT e.name, e.type, e.kb_id, count(DISTINCT e.article_id) AS n, sum(e.mention_count)"
                + " FROM article_entities e JOIN m ON m.id = e.article_id");
        if (t != null) {
            sql.add(" WHERE e.type = ?", t);
        }
        sql.add(" GROUP BY e.name, e.type, e.kb_id ORDER BY n DESC, 5 DESC, e.name LIMIT ?",
                Math.max(1, Math.min(limit, SearchQuery.MAX_LIMIT)));
        List<EntityCount> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new EntityCount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5)));
            }
            return out;
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /**
     * Articles and mentions of an entity per hour or day (UTC). Without {@code since}/{@code until} the range is
     * the data's: from the first to the last bucket that mentions it (the last {@value #MAX_BUCKETS} buckets at
     * most); with {@code since} alone it ends now.
     *
     * @param entity canonical name (any case) or id
     * @param type   the entity's type, or null
     * @param bucket {@code hour} or {@code day}
     * @throws InvalidQueryException for a range of more than {@value #MAX_BUCKETS} buckets
     */
    public Timeline timeline(String entity, String type, String bucket, Instant since, Instant until) {
        if (entity == null || entity.isBlank()) {
            throw new InvalidQueryException("entity is required");
        }
        if (entity.length() > 300) {
            throw new InvalidQueryException("entity is longer than 300 characters");
        }
        String t = SearchQuery.entityType(type);
        ChronoUnit unit = switch (bucket == null ? "day" : bucket) {
            case "hour" -> ChronoUnit.HOURS;
            case "day" -> ChronoUnit.DAYS;
            default -> throw new InvalidQueryException("bucket must be hour or day");
        };
        String name = entity.strip();
        if (since != null && until != null && !since.isBefore(until)) {
            throw new InvalidQueryException("since must be before until");
        }
        Instant from = since == null ? null : since.truncatedTo(unit);
        Instant to = until == null ? (since == null ? null : Instant.now()) : until;
        if (from != null && to != null && buckets(from, to, unit) > MAX_BUCKETS) {
            throw new InvalidQueryException("the range holds more than " + MAX_BUCKETS + " " + unit.toString().toLowerCase()
                    + ": use a later since" + (unit == ChronoUnit.HOURS ? " or bucket=day" : ""));
        }
        String when = "coalesce(a.published_at, a.first_fetched_at)";
        Sql sql = new Sql();
        sql.add("SELECT date_trunc(?, " + when + " AT TIME ZONE 'UTC') AS b, count(DISTINCT a.id), sum(e.mention_count)"
                + " FROM article_entities e JOIN articles a ON a.id = e.article_id"
                + " WHERE (e.kb_id = ? OR lower(e.name) = lower(?)) AND a.is_article IS NOT FALSE",
                unit == ChronoUnit.HOURS ? "hour" : "day", name, name);
        if (t != null) {
            sql.add(" AND e.type = ?", t);
        }
        if (from != null) {
            sql.add(" AND " + when + " >= ?", ts(from));
        }
        if (to != null) {
            sql.add(" AND " + when + " < ?", ts(to));
        }
        sql.add(" GROUP BY 1 ORDER BY 1");
        Map<Instant, long[]> counts = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Instant b = rs.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC);
                counts.put(b, new long[] {rs.getLong(2), rs.getLong(3)});
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
        if (counts.isEmpty() && (from == null || to == null)) {
            return new Timeline(name, unit == ChronoUnit.HOURS ? "hour" : "day", from, to, List.of());
        }
        Instant first = from != null ? from : counts.keySet().iterator().next();
        Instant end = to != null ? to : last(counts).plus(1, unit);
        if (from == null && buckets(first, end, unit) > MAX_BUCKETS) {
            first = end.minus(MAX_BUCKETS, unit);
        }
        List<Timeline.Point> points = new ArrayList<>();
        for (Instant b = first; b.isBefore(end); b = b.plus(1, unit)) {
            long[] n = counts.getOrDefault(b, new long[2]);
            points.add(new Timeline.Point(b, n[0], n[1]));
        }
        return new Timeline(name, unit == ChronoUnit.HOURS ? "hour" : "day", first, end, points);
    }

    private static long buckets(Instant from, Instant to, ChronoUnit unit) {
        return (Duration.between(from, to).toSeconds() + unit.getDuration().toSeconds() - 1) / unit.getDuration().toSeconds();
    }

    private static Instant last(Map<Instant, long[]> counts) {
        Instant last = null;
        for (Instant i : counts.keySet()) {
            last = i;
        }
        return last;
    }

    // The WHERE clause of a search, over articles a (the text condition first, when ranked).
    private static void filters(Sql sql, SearchQuery q, boolean ranked) {
        sql.add("TRUE");
        if (ranked) {
            sql.add(" AND a.search_vector @@ (SELECT q FROM tsq)");
        }
        if (!q.allPages()) {
            sql.add(" AND a.is_article IS NOT FALSE");
        }
        // entity_keys (V3__search.sql): lower-cased names and ids, each also with its type; GIN-indexed
        for (String e : q.entities()) {
            if (q.type() != null) {
                sql.add(" AND a.entity_keys && ARRAY[?, ?]::text[]", q.type() + ":" + e.toLowerCase(Locale.ROOT), q.type() + ":" + e);
            } else {
                sql.add(" AND a.entity_keys && ARRAY[?, ?]::text[]", e.toLowerCase(Locale.ROOT), e);
            }
        }
        if (q.entities().isEmpty() && q.type() != null) {
            sql.add(" AND a.entity_keys @> ARRAY[?]::text[]", "type:" + q.type());
        }
        if (q.host() != null) {
            sql.add(" AND (a.host = ? OR a.host LIKE ? ESCAPE '\\')", q.host(), "%." + q.host().replace("\\", "\\\\")
                    .replace("%", "\\%").replace("_", "\\_"));
        }
        if (q.language() != null) {
            sql.add(" AND a.language = ?", q.language());
        }
        if (q.since() != null) {
            sql.add(" AND a.published_at >= ?", ts(q.since()));
        }
        if (q.until() != null) {
            sql.add(" AND a.published_at < ?", ts(q.until()));
        }
        if (q.story() != null) {
            sql.add(" AND a.story_id = ?", q.story());
        }
    }

    private static OffsetDateTime ts(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static ArticleSummary summary(ResultSet rs, String snippet) throws SQLException {
        OffsetDateTime published = rs.getObject(4, OffsetDateTime.class);
        return new ArticleSummary(rs.getString(1), rs.getString(2), rs.getString(3),
                published == null ? null : published.toInstant(), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getString(8), snippet, List.of());
    }

    private static List<ArticleSummary> withEntities(Connection c, List<ArticleSummary> rows) throws SQLException {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<String, List<EntityRef>> byArticle = new LinkedHashMap<>();
        for (ArticleSummary r : rows) {
            byArticle.put(r.id(), new ArrayList<>());
        }
        Array ids = c.createArrayOf("text", byArticle.keySet().toArray());
        try (PreparedStatement ps = c.prepareStatement("SELECT article_id, name, type, kb_id FROM article_entities"
                + " WHERE article_id = ANY(?) ORDER BY article_id, salience DESC NULLS LAST, entity_no")) {
            ps.setArray(1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byArticle.get(rs.getString(1)).add(new EntityRef(rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        } finally {
            ids.free();
        }
        List<ArticleSummary> out = new ArrayList<>(rows.size());
        for (ArticleSummary r : rows) {
            out.add(r.withEntities(byArticle.get(r.id())));
        }
        return out;
    }

    // ts_headline's passage, whitespace collapsed.
    private static String clean(String s) {
        return s == null ? null : s.replaceAll("\\s+", " ").strip();
    }

    // The start of the text, cut at a word boundary.
    private static String start(String s) {
        if (s == null) {
            return null;
        }
        String one = s.replaceAll("\\s+", " ").strip();
        if (one.length() <= SNIPPET_CHARS) {
            return one;
        }
        int cut = one.lastIndexOf(' ', SNIPPET_CHARS);
        return one.substring(0, cut > SNIPPET_CHARS / 2 ? cut : SNIPPET_CHARS) + " …";
    }

    private static RuntimeException unavailable(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("42P01") || state.equals("42703") || state.equals("42883")) {
            return new StoreUnavailableException("the article store has no search schema yet: start the sink once to migrate it", e);
        }
        if (state.equals("57014")) {
            return new StoreUnavailableException("the query took too long and was cancelled", e);
        }
        return new StoreUnavailableException("the article store is not available", e);
    }

    /** SQL text from fixed fragments, and the values bound to its parameters in order. */
    private static final class Sql {
        private final StringBuilder text = new StringBuilder();
        private final List<Object> params = new ArrayList<>();

        void add(String fragment, Object... values) {
            text.append(fragment);
            params.addAll(List.of(values));
        }

        PreparedStatement prepare(Connection c) throws SQLException {
            PreparedStatement ps = c.prepareStatement(text.toString());
            try {
                for (int i = 0; i < params.size(); i++) {
                    Object v = params.get(i);
                    if (v instanceof Float f) {
                        ps.setFloat(i + 1, f);
                    } else {
                        ps.setObject(i + 1, v);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                ps.close();
                throw e;
            }
            return ps;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

}
