package dev.newswire.ops.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.newswire.model.Json;
import dev.newswire.search.ArticleSearch;
import dev.newswire.search.EntityCount;
import dev.newswire.search.InvalidQueryException;
import dev.newswire.search.SearchQuery;
import dev.newswire.search.StoreUnavailableException;
import dev.newswire.search.Timeline;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The read-only JSON API over the article store, on the console's server: one small handler per endpoint, documented
 * by {@code openapi.json} (served at {@value #OPENAPI}).
 *
 * <pre>
 * GET /api/articles?q=&amp;entity=&amp;type=&amp;host=&amp;language=&amp;since=&amp;until=&amp;story=&amp;limit=&amp;cursor=
 * GET /api/articles/{id}            the article as published on news.articles
 * GET /api/stories/{storyId}        the story and all its copies
 * GET /api/entities/top?type=&amp;since=&amp;limit= (and the search filters: facets of a search)
 * GET /api/entities/timeline?entity=&amp;since=&amp;until=&amp;bucket=hour|day
 * </pre>
 */
public final class StoreApi {

    public static final String OPENAPI = "/api/openapi.json";
    static final String ARTICLE_SCHEMA = "/api/schemas/article.v1.schema.json";
    private static final Set<String> FILTERS = Set.of("q", "entity", "type", "host", "language", "since", "until", "story", "pages");
    private static final Pattern ARTICLE_PATH = Pattern.compile("/api/articles/([^/]+)");
    private static final Pattern STORY_PATH = Pattern.compile("/api/stories/([^/]+)");

    private StoreApi() {
    }

    /**
     * Adds the API's contexts to {@code server}.
     *
     * @param search the store, or null when the console has none (the endpoints then answer 503)
     * @param auth   the filter every data endpoint goes through
     */
    public static void register(HttpServer server, ArticleSearch search, Filter auth) {
        add(server, "/api/articles", new Articles(search), auth);
        add(server, "/api/stories/", new Stories(search), auth);
        add(server, "/api/entities/top", new TopEntities(search), auth);
        add(server, "/api/entities/timeline", new EntityTimeline(search), auth);
        // the documents describe the API and hold no data: no token needed
        add(server, OPENAPI, new Resource("/dev/newswire/ops/api/openapi.json"), null);
        add(server, ARTICLE_SCHEMA, new Resource("/schemas/article.v1.schema.json"), null);
    }

    private static void add(HttpServer server, String path, HttpHandler handler, Filter auth) {
        HttpContext c = server.createContext(path, handler);
        if (auth != null) {
            c.getFilters().add(auth);
        }
    }

    private static ArticleSearch store(ArticleSearch search) {
        if (search == null) {
            throw new StoreUnavailableException("this console has no article store (start it with sink.jdbc.url set)", null);
        }
        return search;
    }

    /** The search filters of a request, as a query of {@code limit} articles. */
    static SearchQuery.Builder filters(ApiRequest r, Instant now) {
        SearchQuery.Builder b = SearchQuery.builder()
                .text(r.get("q"))
                .type(r.get("type"))
                .host(r.get("host"))
                .language(r.get("language"))
                .since(r.time("since", now))
                .until(r.time("until", now))
                .story(r.get("story"));
        for (String e : r.all("entity")) {
            b.entity(e);
        }
        String pages = r.get("pages");
        if (pages != null && !pages.equals("articles") && !pages.equals("all")) {
            throw new InvalidQueryException("pages must be articles or all");
        }
        return b.allPages("all".equals(pages));
    }

    /** {@code /api/articles} (search) and {@code /api/articles/{id}} (one article as published). */
    static final class Articles extends ApiHandler {
        private static final Set<String> PARAMS = union(FILTERS, Set.of("limit", "cursor"));
        private final ArticleSearch search;

        Articles(ArticleSearch search) {
            this.search = search;
        }

        @Override
        void answer(HttpExchange ex) throws IOException {
            String path = ex.getRequestURI().getPath();
            if (path.equals("/api/articles") || path.equals("/api/articles/")) {
                ApiRequest r = ApiRequest.of(ex, PARAMS, Set.of("entity"));
                SearchQuery q = filters(r, Instant.now())
                        .limit(r.intParam("limit", SearchQuery.DEFAULT_LIMIT))
                        .cursor(r.get("cursor"))
                        .build();
                ApiResponses.json(ex, 200, store(search).search(q));
                return;
            }
            Matcher m = ARTICLE_PATH.matcher(path);
            if (!m.matches()) {
                ApiResponses.error(ex, 404, "not found");
                return;
            }
            ApiRequest.of(ex, Set.of(), Set.of());
            Optional<byte[]> article = store(search).article(m.group(1));
            if (article.isEmpty()) {
                ApiResponses.error(ex, 404, "no article with this id");
                return;
            }
            ApiResponses.send(ex, 200, article.get());
        }
    }

    /** {@code /api/stories/{storyId}}. */
    static final class Stories extends ApiHandler {
        private final ArticleSearch search;

        Stories(ArticleSearch search) {
            this.search = search;
        }

        @Override
        void answer(HttpExchange ex) throws IOException {
            Matcher m = STORY_PATH.matcher(ex.getRequestURI().getPath());
            if (!m.matches()) {
                ApiResponses.error(ex, 404, "not found");
                return;
            }
            ApiRequest.of(ex, Set.of(), Set.of());
            var story = store(search).story(m.group(1));
            if (story.isEmpty()) {
                ApiResponses.error(ex, 404, "no story with this id");
                return;
            }
            ApiResponses.json(ex, 200, story.get());
        }
    }

    /** {@code /api/entities/top}: the most mentioned entities, of a period or of a search (facets). */
    static final class TopEntities extends ApiHandler {
        private static final Set<String> PARAMS = union(FILTERS, Set.of("limit", "filterType"));
        private final ArticleSearch search;

        TopEntities(ArticleSearch search) {
            this.search = search;
        }

        @Override
        void answer(HttpExchange ex) throws IOException {
            if (!ex.getRequestURI().getPath().equals("/api/entities/top")) {
                ApiResponses.error(ex, 404, "not found");
                return;
            }
            ApiRequest r = ApiRequest.of(ex, PARAMS, Set.of("entity"));
            int limit = r.intParam("limit", 10);
            if (limit < 1) {
                throw new InvalidQueryException("limit must be at least 1");
            }
            // type= is the type of the entities counted; filterType= restricts the articles (as type= of a search)
            SearchQuery filters = filters(r, Instant.now()).type(r.get("filterType")).build();
            List<EntityCount> top = store(search).topEntities(filters, r.get("type"), Math.min(limit, SearchQuery.MAX_LIMIT));
            ObjectNode body = Json.MAPPER.createObjectNode();
            body.set("entities", Json.MAPPER.valueToTree(top));
            ApiResponses.json(ex, 200, body);
        }
    }

    /** {@code /api/entities/timeline}: an entity's articles and mentions per hour or day. */
    static final class EntityTimeline extends ApiHandler {
        private static final Set<String> PARAMS = Set.of("entity", "type", "since", "until", "bucket");
        private final ArticleSearch search;

        EntityTimeline(ArticleSearch search) {
            this.search = search;
        }

        @Override
        void answer(HttpExchange ex) throws IOException {
            if (!ex.getRequestURI().getPath().equals("/api/entities/timeline")) {
                ApiResponses.error(ex, 404, "not found");
                return;
            }
            ApiRequest r = ApiRequest.of(ex, PARAMS, Set.of());
            Instant now = Instant.now();
            Timeline t = store(search).timeline(r.get("entity"), r.get("type"), r.get("bucket"), r.time("since", now),
                    r.time("until", now));
            ApiResponses.json(ex, 200, t);
        }
    }

    /** A JSON document from the class path. */
    static final class Resource extends ApiHandler {
        private final byte[] body;

        Resource(String path) {
            try (InputStream in = StoreApi.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + path);
                }
                body = in.readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + path, e);
            }
        }

        @Override
        void answer(HttpExchange ex) throws IOException {
            ApiResponses.send(ex, 200, body);
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.HashSet<String> s = new java.util.HashSet<>(a);
        s.addAll(b);
        return Set.copyOf(s);
    }
}
