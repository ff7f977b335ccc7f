package dev.newswire.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What to search the store for. Every filter given must match. Built with {@link #builder()}, which checks each value
 * and throws {@link InvalidQueryException} with a message fit to show the sender.
 *
 * <pre>{@code
 * SearchQuery q = SearchQuery.builder().text("sanctions").entity("Kim Jong Un").since(Instant.now().minus(Duration.ofDays(7))).build();
 * }</pre>
 *
 * @param text     full-text query in web-search syntax ({@code "exact phrase"}, {@code or}, {@code -not}), or null
 * @param entities entities every article must mention: canonical name (any case) or id ({@code geonames:…},
 *                 {@code wikidata:…}, {@code iso3166:…})
 * @param type     with entities: they must be of this type; alone: articles with an entity of this type; or null
 * @param host     host of the article, subdomains included, or null
 * @param language ISO 639-1 code, or null
 * @param since    published at or after, or null
 * @param until    published before, or null
 * @param story    story id, or null
 * @param allPages whether pages flagged as not articles (index, paywall, error pages) are included
 * @param limit    page size, 1..{@link #MAX_LIMIT}
 * @param cursor   the {@code next} of the previous page, or null for the first
 */
public record SearchQuery(String text, List<String> entities, String type, String host, String language,
                          Instant since, Instant until, String story, boolean allPages, int limit, String cursor) {

    /** Largest page; larger limits are capped to it. */
    public static final int MAX_LIMIT = 100;
    /** Page size when none is given. */
    public static final int DEFAULT_LIMIT = 20;
    /** Most entities one query may name. */
    public static final int MAX_ENTITIES = 5;
    /** Entity types. */
    public static final Set<String> TYPES = Set.of("PERSON", "LOCATION", "ORGANIZATION", "MISC");

    private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");

    public SearchQuery {
        entities = List.copyOf(entities);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** This query at another cursor. */
    public SearchQuery withCursor(String next) {
        return new SearchQuery(text, entities, type, host, language, since, until, story, allPages, limit, next);
    }

    /** The type name as stored ({@code PERSON}, …) for {@code person}, {@code Person}, …; null for null or blank. */
    public static String entityType(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        String t = type.strip().toUpperCase(Locale.ROOT);
        if (!TYPES.contains(t)) {
            throw new InvalidQueryException("type must be one of person, location, organization, misc (was '"
                    + shorten(type) + "')");
        }
        return t;
    }

    /** Checks an article or story id (32 hex characters). */
    public static String articleId(String id, String what) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidQueryException(what + " must be 32 lower-case hex characters");
        }
        return id;
    }

    static String shorten(String s) {
        String one = s.replaceAll("\\p{Cntrl}", "?");
        return one.length() > 40 ? one.substring(0, 40) + "…" : one;
    }

    /** Builds a {@link SearchQuery}, checking each value. */
    public static final class Builder {
        private String text;
        private final List<String> entities = new ArrayList<>();
        private String type;
        private String host;
        private String language;
        private Instant since;
        private Instant until;
        private String story;
        private boolean allPages;
        private int limit = DEFAULT_LIMIT;
        private String cursor;

        private Builder() {
        }

        /** Full-text query (web-search syntax), at most 500 characters; blank: none. */
        public Builder text(String q) {
            if (q == null || q.isBlank()) {
                text = null;
                return this;
            }
            if (q.length() > 500) {
                throw new InvalidQueryException("q is longer than 500 characters");
            }
            text = q.strip();
            return this;
        }

        /** An entity the articles must mention (canonical name in any case, or id); may be given up to 5 times. */
        public Builder entity(String e) {
            if (e == null) {
                return this;
            }
            if (e.isBlank()) {
                throw new InvalidQueryException("entity is empty");
            }
            if (e.length() > 300) {
                throw new InvalidQueryException("entity is longer than 300 characters");
            }
            if (entities.size() == MAX_ENTITIES) {
                throw new InvalidQueryException("at most " + MAX_ENTITIES + " entities per query");
            }
            entities.add(e.strip());
            return this;
        }

        public Builder type(String t) {
            type = entityType(t);
            return this;
        }

        public Builder host(String h) {
            if (h == null || h.isBlank()) {
                host = null;
                return this;
            }
            String lower = h.strip().toLowerCase(Locale.ROOT);
            if (!HOST.matcher(lower).matches()) {
                throw new InvalidQueryException("host is not a host name (was '" + shorten(h) + "')");
            }
            host = lower;
            return this;
        }

        public Builder language(String l) {
            if (l == null || l.isBlank()) {
                language = null;
                return this;
            }
            String lower = l.strip().toLowerCase(Locale.ROOT);
            if (!LANGUAGE.matcher(lower).matches()) {
                throw new InvalidQueryException("language must be a two-letter ISO 639-1 code (was '" + shorten(l) + "')");
            }
            language = lower;
            return this;
        }

        public Builder since(Instant t) {
            since = t;
            return this;
        }

        public Builder until(Instant t) {
            until = t;
            return this;
        }

        public Builder story(String s) {
            story = s == null || s.isBlank() ? null : articleId(s.strip(), "story");
            return this;
        }

        /** Include pages flagged as not articles (index, paywall, error pages). */
        public Builder allPages(boolean all) {
            allPages = all;
            return this;
        }

        /** Page size: at least 1; more than {@value #MAX_LIMIT} is capped. */
        public Builder limit(int n) {
            if (n < 1) {
                throw new InvalidQueryException("limit must be at least 1");
            }
            limit = Math.min(n, MAX_LIMIT);
            return this;
        }

        public Builder cursor(String c) {
            cursor = c == null || c.isBlank() ? null : c;
            return this;
        }

        public SearchQuery build() {
            if (since != null && until != null && !since.isBefore(until)) {
                throw new InvalidQueryException("since must be before until");
            }
            return new SearchQuery(text, entities, type, host, language, since, until, story, allPages, limit, cursor);
        }
    }
}
