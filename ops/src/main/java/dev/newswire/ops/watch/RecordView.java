package dev.newswire.ops.watch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newswire.model.Article;
import dev.newswire.model.DeadLetters;
import dev.newswire.model.Json;
import dev.newswire.model.RawPage;
import dev.newswire.model.RawPageEnvelope;
import dev.newswire.model.Keys;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One record decoded for display. The kind is told from the record itself, not the topic name, so forwarded copies
 * and dead letters on any topic are shown right: dead letters carry {@code newswire.error.reason}, articles have an
 * {@code id} and {@code canonicalUrl}, raw pages a {@code url} and a body.
 *
 * @param kind       what the value is
 * @param topic      topic
 * @param partition  partition
 * @param offset     offset
 * @param timestamp  record timestamp
 * @param key        key as UTF-8 text, or null
 * @param headers    headers as UTF-8 text
 * @param value      the value parsed as JSON, or null when it is not a JSON object
 * @param article    the article, when the kind is ARTICLE
 * @param raw        raw-page facts, when the kind is RAW_PAGE (or a dead letter whose value is a raw page)
 * @param deadLetter provenance, when the kind is DEAD_LETTER
 * @param valueBytes size of the value in bytes
 * @param valueText  the value as text when it is not JSON (cut), else null
 */
public record RecordView(Kind kind, String topic, int partition, long offset, Instant timestamp, String key,
                         Map<String, String> headers, JsonNode value, Article article, RawSummary raw,
                         DeadLetter deadLetter, int valueBytes, String valueText) {

    /** What a record holds. */
    public enum Kind { ARTICLE, RAW_PAGE, DEAD_LETTER, OTHER }

    /**
     * What an operator wants to know of a raw page.
     *
     * @param url        fetched URL
     * @param httpStatus HTTP status
     * @param bodyBytes  size of the body as received
     * @param crawler    crawler name
     * @param fetchedAt  fetch time as written, or null
     */
    public record RawSummary(String url, int httpStatus, long bodyBytes, String crawler, String fetchedAt) {
    }

    /**
     * A dead letter's provenance, from its {@code newswire.error.*} headers.
     *
     * @param reason          short reason
     * @param stage           failing stage
     * @param sourceTopic     where the record came from
     * @param sourcePartition source partition, or -1
     * @param sourceOffset    source offset, or -1
     * @param exceptionClass  exception class
     * @param message         error message
     * @param failedAt        when it failed
     */
    public record DeadLetter(String reason, String stage, String sourceTopic, int sourcePartition, long sourceOffset,
                             String exceptionClass, String message, String failedAt) {
    }

    private static final int MAX_TEXT = 2_000;

    /** Decodes a record; never throws on bad content (bad content is what operators look for). */
    public static RecordView of(ConsumerRecord<byte[], byte[]> r) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : r.headers()) {
            headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        String key = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
        byte[] bytes = r.value();
        RawSummary envelope = envelopeSummary(bytes);
        JsonNode node = envelope != null ? null : parse(bytes);
        Instant ts = Instant.ofEpochMilli(r.timestamp());
        int size = bytes == null ? 0 : bytes.length;
        String text = node == null && envelope == null && bytes != null
                ? cut(new String(bytes, 0, Math.min(bytes.length, MAX_TEXT * 2), StandardCharsets.UTF_8)) : null;
        RawSummary raw = envelope != null ? envelope : node == null ? null : rawSummary(node);
        if (headers.containsKey(DeadLetters.REASON)) {
            DeadLetter dl = new DeadLetter(headers.get(DeadLetters.REASON), headers.get(DeadLetters.STAGE),
                    headers.get(DeadLetters.SOURCE_TOPIC), parseInt(headers.get(DeadLetters.SOURCE_PARTITION)),
                    parseLong(headers.get(DeadLetters.SOURCE_OFFSET)), headers.get(DeadLetters.EXCEPTION_CLASS),
                    headers.get(DeadLetters.EXCEPTION_MESSAGE), headers.get(DeadLetters.FAILED_AT));
            return new RecordView(Kind.DEAD_LETTER, r.topic(), r.partition(), r.offset(), ts, key, headers, node,
                    null, raw, dl, size, text);
        }
        if (node != null && node.hasNonNull("id") && node.has("canonicalUrl")) {
            try {
                Article a = Json.MAPPER.treeToValue(node, Article.class);
                return new RecordView(Kind.ARTICLE, r.topic(), r.partition(), r.offset(), ts, key, headers, node, a,
                        null, null, size, null);
            } catch (Exception e) {
                // not a readable article after all: shown as other JSON
            }
        }
        if (raw != null) {
            return new RecordView(Kind.RAW_PAGE, r.topic(), r.partition(), r.offset(), ts, key, headers, node, null,
                    raw, null, size, null);
        }
        return new RecordView(Kind.OTHER, r.topic(), r.partition(), r.offset(), ts, key, headers, node, null, null,
                null, size, text);
    }

    /** Host of the article or page, or null. */
    public String host() {
        if (article != null) {
            return article.host() != null ? article.host() : Keys.host(article.canonicalUrl());
        }
        if (raw != null) {
            return Keys.host(raw.url());
        }
        return key != null && key.startsWith("http") ? Keys.host(key) : null;
    }

    /** Where the record is: {@code topic/partition@offset}. */
    public String position() {
        return topic + "/" + partition + "@" + offset;
    }

    /** A RawPage v2 envelope's summary, or null when the value is not a readable envelope. */
    private static RawSummary envelopeSummary(byte[] bytes) {
        if (!RawPageEnvelope.isEnvelope(bytes)) {
            return null;
        }
        try {
            RawPage p = Json.readRawPage(bytes);
            return new RawSummary(p.url(), p.httpStatus(), p.body().length, p.crawler(), p.fetchedAt().toString());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static RawSummary rawSummary(JsonNode node) {
        if (!node.hasNonNull("url") || !(node.has("body") || node.has("html"))) {
            return null;
        }
        long size;
        JsonNode body = node.get("body");
        if (body != null && body.isTextual()) {
            try {
                size = Base64.getDecoder().decode(body.asText()).length;
            } catch (IllegalArgumentException e) {
                size = body.asText().length();
            }
        } else if (node.hasNonNull("html")) {
            size = node.get("html").asText().getBytes(StandardCharsets.UTF_8).length;
        } else {
            size = 0;
        }
        int status = node.has("httpStatus") ? node.get("httpStatus").asInt() : node.path("status").asInt(0);
        return new RawSummary(node.get("url").asText(), status, size, node.path("crawler").asText(null),
                node.path("fetchedAt").asText(null));
    }

    private static JsonNode parse(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        try {
            JsonNode node = Json.MAPPER.readTree(bytes);
            return node != null && node.isObject() ? node : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static String cut(String s) {
        return s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) + "…" : s;
    }

    private static int parseInt(String s) {
        try {
            return s == null ? -1 : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static long parseLong(String s) {
        try {
            return s == null ? -1 : Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
