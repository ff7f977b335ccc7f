package dev.newswire.ingest.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newswire.ingest.KeyedPage;
import dev.newswire.ingest.PageRequests;
import dev.newswire.model.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Reads pages from JSON lines, one object per line, with {@link PageRequests#readLines} (the reader
 * {@code POST /pages} uses for NDJSON), in one of two dialects:
 * <ul>
 *   <li>{@link Dialect#INGEST}: the ingest format only, as {@code POST /pages} reads it ({@code newswire ingest});</li>
 *   <li>{@link Dialect#SCRAPY}: a line with {@code schemaVersion}, {@code fetchedAt} or {@code httpStatus} is in the
 *       ingest format and read unchanged; any other line is a Scrapy-style export whose field names below are
 *       mapped onto that format first ({@code newswire ingest-jsonl}). Both get the same validation.</li>
 * </ul>
 * Blank lines are ignored; a line that is not a valid page is skipped with its reason (invalid-json,
 * invalid-field, too-large) and does not stop the file.
 */
public final class JsonLinePages {

    /** Which field names a line may use. */
    public enum Dialect {
        /** The ingest format only (its {@code body} is base64). */
        INGEST,
        /** Scrapy-style exports (their {@code body} is HTML text), or the ingest format when a line is marked as such. */
        SCRAPY
    }

    /** Scrapy field names for the page's HTML (text, not base64), first present wins. */
    static final List<String> HTML_FIELDS = List.of("html", "body", "text", "content", "page_content");
    /** Scrapy field names for base64 bodies (binary-safe exporters). */
    static final List<String> BASE64_FIELDS = List.of("body_base64", "body_b64");
    /** Field names for the fetch time: ISO-8601 text, or epoch seconds / milliseconds as a number. */
    static final List<String> TIME_FIELDS = List.of("fetched_at", "fetchedAt", "fetch_time", "crawled_at",
            "timestamp", "date");
    /** Field names for the HTTP status. */
    static final List<String> STATUS_FIELDS = List.of("status", "status_code", "http_status", "httpStatus");
    /** Field names for the crawler's name. */
    static final List<String> CRAWLER_FIELDS = List.of("crawler", "spider", "spider_name");
    /** Field names that mark the project's own format. */
    static final List<String> NEWSWIRE_MARKERS = List.of("schemaVersion", "fetchedAt", "httpStatus");
    /** Numbers below this are epoch seconds, above it epoch milliseconds (1e11 s is the year 5138). */
    static final long EPOCH_SECONDS_LIMIT = 100_000_000_000L;

    private final PageRequests requests;
    private final UnaryOperator<JsonNode> dialect;

    /**
     * @param maxPageBytes larger bodies are skipped as too-large
     * @param crawler      crawler name recorded when a line gives none
     * @param dialect      which field names a line may use
     */
    public JsonLinePages(int maxPageBytes, String crawler, Dialect dialect) {
        this.requests = new PageRequests(maxPageBytes, crawler);
        this.dialect = dialect == Dialect.SCRAPY ? JsonLinePages::toPageRequest : UnaryOperator.identity();
    }

    /** Reads every line of {@code reader}; {@code source} names the file in skip details. */
    public void read(BufferedReader reader, String source, PageSink sink, Runnable onLine) throws IOException {
        requests.readLines(reader, dialect, new PageRequests.LineHandler() {
            @Override
            public void page(long lineNo, KeyedPage page) {
                sink.page(page);
                onLine.run();
            }

            @Override
            public void invalid(long lineNo, RuntimeException error) {
                sink.skip(PageRequests.reasonOf(error), source + ":" + lineNo + ": " + error.getMessage());
                onLine.run();
            }
        });
    }

    /** One parsed line in the ingest format: unchanged when it is already, else mapped from Scrapy's names. */
    static JsonNode toPageRequest(JsonNode line) {
        for (String marker : NEWSWIRE_MARKERS) {
            if (line.has(marker)) {
                return line;
            }
        }
        ObjectNode out = Json.MAPPER.createObjectNode();
        copyIfPresent(line, "url", out, "url");
        if (!line.has("url")) {
            copyIfPresent(line, "response_url", out, "url");
        }
        JsonNode base64 = first(line, BASE64_FIELDS);
        JsonNode html = first(line, HTML_FIELDS);
        if (base64 != null) {
            out.set("body", base64);
        } else if (html != null) {
            out.set("html", html);
        }
        JsonNode headers = line.get("headers");
        if (headers != null) {
            out.set("headers", headers);
        }
        JsonNode time = first(line, TIME_FIELDS);
        if (time != null) {
            out.set("fetchedAt", fetchedAt(time));
        }
        JsonNode status = first(line, STATUS_FIELDS);
        if (status != null) {
            out.set("httpStatus", status);
        }
        JsonNode crawler = first(line, CRAWLER_FIELDS);
        if (crawler != null) {
            out.set("crawler", crawler);
        }
        return out;
    }

    private static JsonNode fetchedAt(JsonNode v) {
        if (v.isNumber()) {
            double n = v.asDouble();
            long ms = n < EPOCH_SECONDS_LIMIT ? Math.round(n * 1000) : Math.round(n);
            return Json.MAPPER.getNodeFactory().numberNode(ms);
        }
        if (v.isTextual()) {
            String s = v.asText().strip();
            // Scrapy's feed exporters write datetime as "2026-11-29 10:15:00" or with a "T" and no zone: UTC.
            String iso = s.replace(' ', 'T');
            if (iso.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d(:\\d\\d(\\.\\d+)?)?")) {
                iso = iso + "Z";
            }
            try {
                return Json.MAPPER.getNodeFactory().textNode(Instant.parse(iso).toString());
            } catch (java.time.format.DateTimeParseException e) {
                return v; // PageRequests rejects it with a clear message, or accepts an offset form
            }
        }
        return v;
    }

    private static JsonNode first(JsonNode node, List<String> names) {
        for (String n : names) {
            JsonNode v = node.get(n);
            if (v != null && !v.isNull()) {
                return v;
            }
        }
        return null;
    }

    private static void copyIfPresent(JsonNode from, String field, ObjectNode to, String as) {
        JsonNode v = from.get(field);
        if (v != null && !v.isNull()) {
            to.set(as, v);
        }
    }

}
