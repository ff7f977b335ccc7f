package dev.newswire.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/**
 * RawPage v2, the value {@link Topics#RAW} carries since v2: the page's body as raw bytes behind a small binary
 * header and the page's metadata as compact JSON, so the body is neither base64-encoded nor decoded nor scanned by a
 * JSON parser. Schema of the metadata: {@code schemas/raw-page.v2.schema.json}. Layout (big-endian):
 * <pre>
 *   0x00 'N' 'W'    3 bytes  magic; 0x00 is never the first byte of a JSON text, so v1 (JSON) and v2 tell apart
 *   version         1 byte   2
 *   metadataLength  4 bytes  length n of the metadata
 *   metadata        n bytes  UTF-8 JSON: url, fetchedAt, httpStatus, headers, crawler (as in v1, without body)
 *   body            the rest: the response body exactly as received
 * </pre>
 * Readers ({@link Json#readRawPage}) take both v1 JSON and v2 envelopes.
 */
public final class RawPageEnvelope {

    /** The schema version an envelope carries. */
    public static final int VERSION = SchemaVersions.RAW_PAGE_ENVELOPE;
    private static final byte[] MAGIC = {0x00, 'N', 'W'};
    private static final int HEADER = MAGIC.length + 1 + 4;

    private RawPageEnvelope() {
    }

    /**
     * The metadata part of the envelope.
     *
     * @param url        the URL the page was fetched from
     * @param fetchedAt  when it was fetched
     * @param httpStatus the HTTP status
     * @param headers    response headers, names lower-cased
     * @param crawler    who sent it
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Metadata(String url, Instant fetchedAt, int httpStatus, Map<String, String> headers, String crawler) {
    }

    /** Whether {@code bytes} starts like an envelope (any version). */
    public static boolean isEnvelope(byte[] bytes) {
        return bytes != null && bytes.length >= MAGIC.length && bytes[0] == MAGIC[0] && bytes[1] == MAGIC[1]
                && bytes[2] == MAGIC[2];
    }

    /** The page as a v2 envelope. */
    public static byte[] write(RawPage page) {
        byte[] meta = Json.write(new Metadata(page.url(), page.fetchedAt(), page.httpStatus(), page.headers(), page.crawler()));
        byte[] body = page.body() == null ? new byte[0] : page.body();
        ByteBuffer out = ByteBuffer.allocate(HEADER + meta.length + body.length);
        out.put(MAGIC).put((byte) VERSION).putInt(meta.length).put(meta).put(body);
        return out.array();
    }

    /**
     * Reads an envelope and checks it as {@link Json#readRawPage} checks v1.
     *
     * @throws PayloadException {@code unsupported-schema-version} for a newer version, {@code invalid-field} for a
     *                          truncated envelope or missing metadata, {@code invalid-json} for unreadable metadata
     */
    static RawPage read(byte[] bytes) {
        if (bytes.length < HEADER) {
            throw new PayloadException("invalid-field", "raw page envelope: truncated header");
        }
        int version = bytes[MAGIC.length] & 0xff;
        if (version != VERSION) {
            throw new PayloadException(version > VERSION ? "unsupported-schema-version" : "invalid-field",
                    "raw page envelope: unsupported version " + version + " (this reader knows " + VERSION + ")");
        }
        int length = ByteBuffer.wrap(bytes, MAGIC.length + 1, 4).getInt();
        if (length < 2 || length > bytes.length - HEADER) {
            throw new PayloadException("invalid-field", "raw page envelope: metadata length " + length
                    + " does not fit a value of " + bytes.length + " bytes");
        }
        Metadata m;
        try {
            m = Json.MAPPER.readValue(bytes, HEADER, length, Metadata.class);
        } catch (MismatchedInputException e) {
            throw new PayloadException("invalid-field", "raw page envelope: metadata has a field of the wrong type", e);
        } catch (IOException e) {
            throw new PayloadException("invalid-json", "raw page envelope: unreadable metadata", e);
        }
        if (m == null || m.url() == null) {
            throw new PayloadException("invalid-field", "url is missing");
        }
        if (m.fetchedAt() == null) {
            throw new PayloadException("invalid-field", "fetchedAt is missing");
        }
        Keys.normalizeUrl(m.url());
        byte[] body = Arrays.copyOfRange(bytes, HEADER + length, bytes.length);
        return new RawPage(VERSION, m.url(), m.fetchedAt(), m.httpStatus(), m.headers(), body, m.crawler());
    }
}
