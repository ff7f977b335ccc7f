package dev.newswire.model;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Dead letters: records a stage could not handle, written to {@link Topics#DLQ} with the original key and value
 * and their provenance in headers (as Kafka Connect's dead-letter reporter does), so they can be inspected and
 * replayed.
 */
public final class DeadLetters {

    public static final String PREFIX = "newswire.error.";
    /** Which stage failed: ingest, enrich, sink. */
    public static final String STAGE = PREFIX + "stage";
    /** Short machine-readable reason: invalid-json, unsupported-schema-version, undecodable-content, … */
    public static final String REASON = PREFIX + "reason";
    public static final String EXCEPTION_CLASS = PREFIX + "exception.class";
    public static final String EXCEPTION_MESSAGE = PREFIX + "exception.message";
    public static final String EXCEPTION_STACKTRACE = PREFIX + "exception.stacktrace";
    public static final String SOURCE_TOPIC = PREFIX + "source.topic";
    public static final String SOURCE_PARTITION = PREFIX + "source.partition";
    public static final String SOURCE_OFFSET = PREFIX + "source.offset";
    /** When the failure happened (ISO-8601). */
    public static final String FAILED_AT = PREFIX + "failed.at";

    private static final int MAX_STACKTRACE_CHARS = 8_000;

    private DeadLetters() {
    }

    /**
     * Adds the provenance headers to {@code headers}.
     *
     * @param stage     the failing stage
     * @param reason    a short reason
     * @param error     the exception (class, message and a trimmed stack trace are recorded)
     * @param topic     source topic
     * @param partition source partition
     * @param offset    source offset
     */
    public static Headers addProvenance(Headers headers, String stage, String reason, Throwable error,
                                        String topic, int partition, long offset) {
        put(headers, STAGE, stage);
        put(headers, REASON, reason);
        put(headers, EXCEPTION_CLASS, error.getClass().getName());
        put(headers, EXCEPTION_MESSAGE, String.valueOf(error.getMessage()));
        put(headers, EXCEPTION_STACKTRACE, stackTrace(error));
        put(headers, SOURCE_TOPIC, topic);
        put(headers, SOURCE_PARTITION, Integer.toString(partition));
        put(headers, SOURCE_OFFSET, Long.toString(offset));
        put(headers, FAILED_AT, Instant.now().toString());
        return headers;
    }

    /** The newswire.error.* headers of a record as a map (last value wins). */
    public static Map<String, String> provenance(Headers headers) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Header h : headers) {
            if (h.key().startsWith(PREFIX) && h.value() != null) {
                out.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** One header's value as text, or null. */
    public static String header(Headers headers, String key) {
        Header h = headers.lastHeader(key);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static void put(Headers headers, String key, String value) {
        headers.remove(key);
        headers.add(key, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static String stackTrace(Throwable error) {
        StringWriter sw = new StringWriter();
        error.printStackTrace(new PrintWriter(sw));
        String s = sw.toString();
        return s.length() > MAX_STACKTRACE_CHARS ? s.substring(0, MAX_STACKTRACE_CHARS) : s;
    }
}
