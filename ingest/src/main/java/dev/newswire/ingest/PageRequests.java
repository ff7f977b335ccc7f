package dev.newswire.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newswire.model.Json;
import dev.newswire.model.Keys;
import dev.newswire.model.PayloadException;
import dev.newswire.model.RawPage;
import dev.newswire.model.SchemaVersions;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Reads the pages crawlers send: the one parser of the ingest format, for {@code POST /pages} and for files. Accepts
 * the {@link RawPage} schema itself and a few lenient forms crawlers produce: {@code html} (text) instead of base64
 * {@code body}, {@code status} for {@code httpStatus}, header values as arrays, {@code fetchedAt} as epoch
 * milliseconds or missing (then: now). {@link #readLines} is the one reader of JSON lines (NDJSON), one page a line.
 */
public final class PageRequests {

    private final int maxPageBytes;
    private final String defaultCrawler;

    public PageRequests(int maxPageBytes, String defaultCrawler) {
        this.maxPageBytes = maxPageBytes;
        this.defaultCrawler = defaultCrawler;
    }

    /** A page larger than the configured limit. */
    public static final class PageTooLargeException extends RuntimeException {
        public PageTooLargeException(String message) {
            super(message);
        }
    }

    /** What {@link #readLines} finds on each non-blank line. */
    public interface LineHandler {
        /** A valid page on line {@code lineNo} (1-based). */
        void page(long lineNo, KeyedPage page);

        /**
         * A line that is not a valid page.
         *
         * @param error a {@link PayloadException} (its reason says why) or a {@link PageTooLargeException}
         */
        void invalid(long lineNo, RuntimeException error);
    }

    /** Parses one JSON object. */
    public KeyedPage parse(byte[] json) {
        return fromNode(Json.readTree(json));
    }

    /**
     * Reads JSON lines: each non-blank line is one JSON object, turned into a page by {@link #fromNode} after
     * {@code dialect} has mapped it onto the ingest format (the identity for the ingest format itself). A bad line
     * does not stop the reader; the handler decides what it means.
     */
    public void readLines(BufferedReader lines, UnaryOperator<JsonNode> dialect, LineHandler handler) throws IOException {
        String line;
        long lineNo = 0;
        while ((line = lines.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            KeyedPage page;
            try {
                page = fromNode(dialect.apply(Json.readTree(line.getBytes(StandardCharsets.UTF_8))));
            } catch (PayloadException | PageTooLargeException e) {
                handler.invalid(lineNo, e);
                continue;
            }
            handler.page(lineNo, page);
        }
    }

    /** The short reason of a failure {@link #readLines} reports: the payload's reason, or too-large. */
    public static String reasonOf(RuntimeException error) {
        return error instanceof PayloadException pe ? pe.reason() : "too-large";
    }

    /** Converts one parsed JSON object into a page, checking every field, and keys it by its normalised URL. */
    public KeyedPage fromNode(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new PayloadException("invalid-json", "a page must be a JSON object");
        }
        JsonNode version = node.get("schemaVersion");
        if (version != null && !version.isNull()) {
            if (!version.canConvertToInt() || version.asInt() < 1 || version.asInt() > SchemaVersions.RAW_PAGE) {
                throw new PayloadException("unsupported-schema-version", "unsupported schemaVersion " + version
                        + " (this server accepts 1.." + SchemaVersions.RAW_PAGE + ")");
            }
        }
        String url = text(node, "url", true);
        String key = Keys.pageKey(url);
        Instant fetchedAt = fetchedAt(node.get("fetchedAt"));
        int status = status(node);
        Map<String, String> headers = headers(node.get("headers"));
        String contentType = text(node, "contentType", false);
        if (contentType != null) {
            headers.put("content-type", contentType);
        }
        byte[] body = body(node, headers);
        String crawler = text(node, "crawler", false);
        return new KeyedPage(key, RawPage.of(url, fetchedAt, status, headers, body, crawler == null ? defaultCrawler : crawler));
    }

    private byte[] body(JsonNode node, Map<String, String> headers) {
        JsonNode b64 = node.get("body");
        JsonNode html = node.has("html") ? node.get("html") : node.get("text");
        byte[] body;
        if (b64 != null && !b64.isNull()) {
            if (!b64.isTextual()) {
                throw new PayloadException("invalid-field", "field 'body' must be a base64 string");
            }
            checkSize((long) b64.asText().length() * 3 / 4);
            try {
                // Strict: line breaks are allowed, anything else outside the alphabet is an error.
                body = Base64.getDecoder().decode(b64.asText().replaceAll("[\\r\\n]", ""));
            } catch (IllegalArgumentException e) {
                throw new PayloadException("invalid-field", "field 'body' is not valid base64: " + e.getMessage(), e);
            }
        } else if (html != null && !html.isNull()) {
            if (!html.isTextual()) {
                throw new PayloadException("invalid-field", "field 'html' must be a string");
            }
            body = html.asText().getBytes(StandardCharsets.UTF_8);
            // The text arrived as Unicode and is now UTF-8, whatever the original response declared.
            String ct = headers.getOrDefault("content-type", "text/html");
            headers.put("content-type", ct.replaceAll("(?i);\\s*charset=[^;]*", "") + "; charset=utf-8");
        } else {
            throw new PayloadException("invalid-field", "a page needs 'body' (base64) or 'html' (text)");
        }
        checkSize(body.length);
        return body;
    }

    private void checkSize(long bytes) {
        if (bytes > maxPageBytes) {
            throw new PageTooLargeException("page body of " + bytes + " bytes is over the limit of " + maxPageBytes);
        }
    }

    private static String text(JsonNode node, String field, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new PayloadException("invalid-field", "field '" + field + "' is missing");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw new PayloadException("invalid-field", "field '" + field + "' must be a string");
        }
        return v.asText();
    }

    private static Instant fetchedAt(JsonNode v) {
        if (v == null || v.isNull()) {
            return Instant.now();
        }
        if (v.isIntegralNumber()) {
            return Instant.ofEpochMilli(v.asLong());
        }
        if (!v.isTextual()) {
            throw new PayloadException("invalid-field", "field 'fetchedAt' must be an ISO-8601 time or epoch milliseconds");
        }
        try {
            return java.time.OffsetDateTime.parse(v.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new PayloadException("invalid-field", "field 'fetchedAt' is not an ISO-8601 time: " + v.asText(), e);
        }
    }

    private static int status(JsonNode node) {
        JsonNode v = node.has("httpStatus") ? node.get("httpStatus") : node.get("status");
        if (v == null || v.isNull()) {
            return 200;
        }
        if (!v.canConvertToInt() || v.asInt() < 100 || v.asInt() > 599) {
            throw new PayloadException("invalid-field", "field 'httpStatus' must be an HTTP status code");
        }
        return v.asInt();
    }

    private static Map<String, String> headers(JsonNode v) {
        Map<String, String> out = new LinkedHashMap<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isObject()) {
            throw new PayloadException("invalid-field", "field 'headers' must be an object");
        }
        Iterator<Map.Entry<String, JsonNode>> it = v.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode value = e.getValue();
            String s;
            if (value.isTextual()) {
                s = value.asText();
            } else if (value.isArray()) {
                StringBuilder sb = new StringBuilder();
                value.forEach(x -> sb.append(sb.length() == 0 ? "" : ", ").append(x.asText()));
                s = sb.toString();
            } else if (value.isNumber()) {
                s = value.asText();
            } else {
                throw new PayloadException("invalid-field", "header '" + e.getKey() + "' must be a string");
            }
            out.put(e.getKey().toLowerCase(java.util.Locale.ROOT), s);
        }
        return out;
    }
}
