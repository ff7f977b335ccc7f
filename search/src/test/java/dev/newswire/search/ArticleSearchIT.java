package dev.newswire.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.newswire.embedded.EmbeddedDatabase;
import dev.newswire.model.Article;
import dev.newswire.model.Json;
import dev.newswire.model.Keys;
import dev.newswire.sink.PostgresArticleStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Search on a real PostgreSQL, migrated and written by the sink's own store. */
class ArticleSearchIT {

    private static EmbeddedDatabase db;
    private static HikariDataSource pool;
    private static ArticleSearch search;

    static final Article AP = article("https://worldnewsdigest.example/2024/06/18/putin-kim", "en",
            "Ahead of his summit with North Korea's Kim, Putin promised they would defeat sanctions together",
            "Russia's president Vladimir Putin said their countries will cooperate closely to overcome US-led sanctions "
                    + "when he heads to Pyongyang for a summit with North Korean leader Kim Jong Un.",
            Instant.parse("2024-06-18T06:12:44Z"),
            entity("PERSON", "Vladimir Putin", "wikidata:Q7747", 3), entity("PERSON", "Kim Jong Un", "wikidata:Q56226", 2),
            entity("LOCATION", "Pyongyang", "geonames:1871859", 1), entity("LOCATION", "North Korea", "iso3166:KP", 1));
    static final Article DE = article("https://www.zeitung.example/politik/sanktionen", "de",
            "Neue Sanktionen gegen Nordkorea",
            "Die Vereinten Nationen beschlossen weitere Sanktionen. Kim Jong Un reagierte nicht.",
            Instant.parse("2024-06-19T10:00:00Z"),
            entity("PERSON", "Kim Jong Un", "wikidata:Q56226", 1), entity("ORGANIZATION", "United Nations", "wikidata:Q1065", 1));
    static final Article YO = article("https://news.example/kim-yo-jong", "en", "Kim Yo Jong warns Seoul",
            "Kim Yo Jong, the sister of the leader, warned Seoul about leaflets. No sanctions were mentioned until now.",
            Instant.parse("2024-06-20T08:00:00Z"), entity("PERSON", "Kim Yo Jong", "wikidata:Q3193339", 2),
            entity("LOCATION", "Seoul", "geonames:1835848", 1));
    static final Article UNDATED = article("https://blog.news.example/undated", null, "An undated note",
            "Kim Jong Un appears here without a date, in a text of no known language.", null,
            entity("PERSON", "Kim Jong Un", "wikidata:Q56226", 1));
    static final Article INDEX = new Article(1, Keys.articleId("https://news.example/world/"), "https://news.example/world/",
            "https://news.example/world/", "news.example", null, "World news: sanctions", null, List.of(),
            null, null, null, "en", "Sanctions. Kim Jong Un. More headlines.", List.of(),
            List.of(entity("PERSON", "Kim Jong Un", "wikidata:Q56226", 1)), Instant.parse("2026-11-01T10:00:00Z"), "it",
            new Article.Quality("index", false, 40, 0.9), null, null);
    // A copy of AP (same story) on another host.
    static final Article COPY = copyOf(AP, "https://mirror.example/putin-kim-copy");

    @BeforeAll
    static void start() throws Exception {
        db = EmbeddedDatabase.startTemporary();
        PostgresArticleStore store = new PostgresArticleStore(db.jdbcUrl(), "", "");
        store.migrate();
        List<Article> all = new ArrayList<>(List.of(AP, DE, YO, UNDATED, INDEX, COPY));
        // 30 filler articles for pagination: half mention "reactor", a third undated
        for (int i = 0; i < 30; i++) {
            all.add(article("https://filler.example/" + i, "en", "Filler " + i + (i % 2 == 0 ? " reactor" : ""),
                    "Routine item number " + i + (i % 2 == 0 ? " about the reactor and the reactor again" : "") + ".",
                    i % 3 == 0 ? null : Instant.parse("2025-01-01T00:00:00Z").plusSeconds(3600L * (i % 5)),
                    entity("LOCATION", "Yongbyon", "geonames:1" + i, 1)));
        }
        store.write(all, "g", "news.articles", Map.of(0, (long) all.size()));
        pool = SearchDataSource.pool(db.jdbcUrl(), "", "");
        search = new ArticleSearch(pool);
    }

    @AfterAll
    static void stop() throws Exception {
        if (pool != null) {
            pool.close();
        }
        if (db != null) {
            db.close();
        }
    }

    static Article.Entity entity(String type, String name, String id, int mentions) {
        return new Article.Entity(type, name, id, 0.1 * mentions, mentions, Map.of(), List.of(new Article.Mention(0, 1, "x")));
    }

    static Article article(String url, String language, String title, String text, Instant published, Article.Entity... entities) {
        String host = java.net.URI.create(url).getHost();
        String id = Keys.articleId(url);
        return new Article(1, id, url, url, host, null, title, null, List.of(), published, published == null ? null : "meta",
                null, language, text, List.of(text), List.of(entities), Instant.parse("2026-11-01T10:00:00Z"), "it",
                new Article.Quality("article", true, text.length(), 0.0), id, null);
    }

    static Article copyOf(Article a, String url) {
        return new Article(1, Keys.articleId(url), url, url, java.net.URI.create(url).getHost(), null, a.title(), null,
                List.of(), a.publishedAt(), "meta", null, a.language(), a.text(), a.paragraphs(), a.entities(),
                Instant.parse("2026-11-01T11:00:00Z"), "it", a.quality(), a.id(), a.id());
    }

    private static List<String> ids(SearchPage page) {
        return page.articles().stream().map(ArticleSummary::id).toList();
    }

    private static SearchQuery.Builder q() {
        return SearchQuery.builder();
    }

    @Test
    void entityByNameInAnyCaseOrByIdFindsTheArticles() {
        Set<String> byName = new HashSet<>(ids(search.search(q().entity("Kim Jong Un").build())));
        assertEquals(Set.of(AP.id(), DE.id(), UNDATED.id(), COPY.id()), byName, "not Kim Yo Jong, not the index page");
        assertEquals(byName, new HashSet<>(ids(search.search(q().entity("kim jong un").build()))));
        assertEquals(byName, new HashSet<>(ids(search.search(q().entity("wikidata:Q56226").build()))));
        assertEquals(Set.of(AP.id(), COPY.id()), new HashSet<>(ids(search.search(q().entity("Kim Jong Un").entity("iso3166:KP").build()))));
        assertEquals(List.of(), ids(search.search(q().entity("Kim Jong Un").type("location").build())));
        assertEquals(Set.of(DE.id()), new HashSet<>(ids(search.search(q().type("organization").build()))));
        // the index page only when asked for
        assertTrue(ids(search.search(q().entity("Kim Jong Un").allPages(true).build())).contains(INDEX.id()));
    }

    @Test
    void textQueryIsStemmedInEachArticlesLanguageAndRanked() {
        SearchPage p = search.search(q().text("sanctions").build());
        List<String> found = ids(p);
        // English stemming finds "sanctions" (title and text); German "Sanktionen" is not the same word
        assertTrue(found.containsAll(List.of(AP.id(), COPY.id(), YO.id())), found.toString());
        assertFalse(found.contains(DE.id()));
        assertFalse(found.contains(INDEX.id()));
        // the title match ranks above a passing mention
        assertTrue(found.indexOf(AP.id()) < found.indexOf(YO.id()), found.toString());
        // German words in German: "Sanktion" stems like "Sanktionen"
        assertEquals(List.of(DE.id()), ids(search.search(q().text("Sanktion").build())));
        // no language: simple configuration, exact words
        assertEquals(List.of(UNDATED.id()), ids(search.search(q().text("undated note").build())));
        // web-search syntax: phrase and exclusion
        assertEquals(Set.of(AP.id(), COPY.id()), new HashSet<>(ids(search.search(q().text("\"US-led sanctions\"").build()))));
        assertFalse(ids(search.search(q().text("sanctions -leaflets").build())).contains(YO.id()));
        // snippet: plain text around the match
        ArticleSummary ap = p.articles().stream().filter(a -> a.id().equals(AP.id())).findFirst().orElseThrow();
        assertTrue(ap.snippet().contains("sanctions"), ap.snippet());
        assertFalse(ap.snippet().contains("<b>"), ap.snippet());
        assertEquals(List.of("Vladimir Putin", "Kim Jong Un", "Pyongyang", "North Korea"),
                ap.entities().stream().map(EntityRef::name).toList(), "most salient first");
        assertEquals(new EntityRef("North Korea", "LOCATION", "iso3166:KP"), ap.entities().get(3));
        assertEquals(AP.publishedAt(), ap.publishedAt());
        assertEquals(AP.id(), ap.storyId());
    }

    @Test
    void textQueryWithEntityAndOtherFilters() {
        assertEquals(Set.of(AP.id(), COPY.id()), new HashSet<>(ids(search.search(q().text("sanctions").entity("Kim Jong Un").build()))));
        assertEquals(List.of(COPY.id()), ids(search.search(q().text("sanctions").entity("Kim Jong Un").host("mirror.example").build())));
        assertEquals(List.of(UNDATED.id()), ids(search.search(q().entity("Kim Jong Un").host("news.example").build())), "subdomains match");
        assertEquals(List.of(DE.id()), ids(search.search(q().entity("Kim Jong Un").language("DE").build())));
        assertEquals(List.of(DE.id()), ids(search.search(q().entity("Kim Jong Un").since(Instant.parse("2024-06-19T00:00:00Z"))
                .until(Instant.parse("2024-06-20T00:00:00Z")).build())));
        assertEquals(Set.of(AP.id(), COPY.id()), new HashSet<>(ids(search.search(q().story(AP.id()).build()))));
    }

    @Test
    void hostileValuesAreBoundNotExecuted() {
        for (String evil : List.of("x' OR '1'='1", "'; DROP TABLE articles; --", "Kim Jong Un') OR TRUE --", "%", "_")) {
            assertEquals(List.of(), ids(search.search(q().entity(evil).build())), evil);
            search.search(q().text(evil).build());
        }
        assertThrows(InvalidQueryException.class, () -> q().host("a' OR 1=1 --"));
        assertThrows(InvalidQueryException.class, () -> q().language("english"));
        assertThrows(InvalidQueryException.class, () -> q().type("people"));
        assertThrows(InvalidQueryException.class, () -> q().story("not-an-id"));
        assertThrows(InvalidQueryException.class, () -> q().limit(0));
        assertEquals(SearchQuery.MAX_LIMIT, q().limit(1_000_000).build().limit(), "capped");
        assertThrows(InvalidQueryException.class, () -> q().since(Instant.parse("2025-01-01T00:00:00Z")).until(Instant.parse("2024-01-01T00:00:00Z")).build());
        assertEquals(36, search.search(q().limit(100).allPages(true).build()).articles().size(), "the table is still there");
    }

    @Test
    void keysetPagesCoverEveryResultOnceInOrder() {
        for (SearchQuery.Builder b : List.of(q().entity("Yongbyon").host("filler.example"), q(), q().text("reactor"), q().text("routine"))) {
            SearchQuery all = b.limit(100).build();
            List<String> expected = ids(search.search(all));
            assertNull(search.search(all).next());
            List<String> paged = new ArrayList<>();
            SearchQuery page = all.withCursor(null);
            page = new SearchQuery(page.text(), page.entities(), page.type(), page.host(), page.language(), page.since(),
                    page.until(), page.story(), page.allPages(), 7, null);
            int pages = 0;
            do {
                SearchPage p = search.search(page);
                assertTrue(p.articles().size() <= 7);
                paged.addAll(ids(p));
                page = page.withCursor(p.next());
                pages++;
            } while (page.cursor() != null && pages < 50);
            assertEquals(expected, paged, "query " + all);
            assertEquals(expected.size(), new HashSet<>(paged).size());
            assertTrue(expected.size() > 7);
        }
        // newest first, undated last
        List<ArticleSummary> recent = search.search(q().limit(100).build()).articles();
        for (int i = 1; i < recent.size(); i++) {
            Instant before = recent.get(i - 1).publishedAt();
            Instant here = recent.get(i).publishedAt();
            assertTrue(here == null || (before != null && !before.isBefore(here)), "newest first at " + i);
        }
        assertNotNull(recent.get(0).publishedAt());
        assertNull(recent.get(recent.size() - 1).publishedAt());
    }

    @Test
    void badCursorsAreRefused() {
        String next = search.search(q().limit(2).build()).next();
        assertNotNull(next);
        assertThrows(InvalidQueryException.class, () -> search.search(q().text("reactor").cursor(next).build()));
        assertThrows(InvalidQueryException.class, () -> search.search(q().cursor("bm9wZQ").build()));
        assertThrows(InvalidQueryException.class, () -> search.search(q().cursor("%%%").build()));
    }

    @Test
    void articleAsPublishedAndStoryWithItsCopies() {
        assertArrayEquals(Json.write(AP), search.article(AP.id()).orElseThrow());
        assertTrue(search.article("0123456789abcdef0123456789abcdef").isEmpty());
        assertThrows(InvalidQueryException.class, () -> search.article("../etc/passwd"));
        Story s = search.story(AP.id()).orElseThrow();
        assertEquals(List.of(AP.id(), COPY.id()), s.articles().stream().map(ArticleSummary::id).toList());
        assertNull(s.articles().get(0).duplicateOf());
        assertEquals(AP.id(), s.articles().get(1).duplicateOf());
        assertEquals(AP.title(), s.title());
        assertTrue(search.story("0123456789abcdef0123456789abcdef").isEmpty());
    }

    @Test
    void topEntitiesAreFacetsOfASearch() {
        List<EntityCount> top = search.topEntities(q().text("sanctions").build(), null, 10);
        Map<String, Long> articles = top.stream().collect(Collectors.toMap(EntityCount::name, EntityCount::articles));
        assertEquals(2L, articles.get("Kim Jong Un"), top.toString());
        assertEquals(2L, articles.get("Vladimir Putin"));
        assertEquals(1L, articles.get("Kim Yo Jong"));
        assertEquals("PERSON", search.topEntities(q().build(), "person", 1).get(0).type());
        EntityCount kim = search.topEntities(q().build(), "person", 1).get(0);
        assertEquals(new EntityCount("Kim Jong Un", "PERSON", "wikidata:Q56226", 4, 6), kim, "index page not counted");
    }

    @Test
    void timelineCountsPerBucketWithGapsFilled() {
        Timeline t = search.timeline("Kim Jong Un", null, "day", null, null);
        assertEquals(Instant.parse("2024-06-18T00:00:00Z"), t.since());
        // AP and its copy on the 18th, DE on the 19th; the undated one counts at its fetch time, 2026-11-01
        assertEquals(new Timeline.Point(Instant.parse("2024-06-18T00:00:00Z"), 2, 4), t.points().get(0));
        assertEquals(new Timeline.Point(Instant.parse("2024-06-19T00:00:00Z"), 1, 1), t.points().get(1));
        assertEquals(new Timeline.Point(Instant.parse("2024-06-20T00:00:00Z"), 0, 0), t.points().get(2));
        Timeline.Point last = t.points().get(t.points().size() - 1);
        assertEquals(new Timeline.Point(Instant.parse("2026-11-01T00:00:00Z"), 1, 1), last);
        Timeline h = search.timeline("wikidata:Q56226", "person", "hour", Instant.parse("2024-06-18T00:30:00Z"),
                Instant.parse("2024-06-19T12:00:00Z"));
        assertEquals(36, h.points().size());
        assertEquals(2, h.points().get(6).articles());
        assertEquals(1, h.points().get(34).articles());
        assertEquals(3, h.points().stream().mapToLong(Timeline.Point::articles).sum());
        assertThrows(InvalidQueryException.class, () -> search.timeline("Kim Jong Un", null, "hour",
                Instant.parse("2020-01-01T00:00:00Z"), null));
        assertThrows(InvalidQueryException.class, () -> search.timeline("Kim Jong Un", null, "week", null, null));
        assertEquals(List.of(), search.timeline("Nobody", null, "day", null, null).points());
    }
}
