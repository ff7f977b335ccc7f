package dev.newswire.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RawPage v2: the binary envelope ingest writes to news.raw, and v1 JSON still read beside it. */
class RawPageEnvelopeTest {

    private static final byte[] BODY = {(byte) 0xC4, 'a', 0, (byte) 0xFF, '{', '"'};

    private static RawPage page() {
        return RawPage.of("https://example.com/a", Instant.parse("2026-01-02T03:04:05Z"), 200,
                Map.of("Content-Type", "text/html; charset=windows-1252"), BODY, "test");
    }

    @Test
    void roundTripsWithBodyBytesIntactAndNoBase64() {
        byte[] value = RawPageEnvelope.write(page());
        assertTrue(RawPageEnvelope.isEnvelope(value));
        // the body is the tail of the value, byte for byte
        assertArrayEquals(BODY, Arrays.copyOfRange(value, value.length - BODY.length, value.length));
        RawPage back = Json.readRawPage(value);
        assertEquals(SchemaVersions.RAW_PAGE_ENVELOPE, back.schemaVersion());
        assertArrayEquals(BODY, back.body());
        assertEquals("https://example.com/a", back.url());
        assertEquals(page().fetchedAt(), back.fetchedAt());
        assertEquals(200, back.httpStatus());
        assertEquals("text/html; charset=windows-1252", back.contentType());
        assertEquals("test", back.crawler());
    }

    @Test
    void v1JsonIsStillReadAndIsNotAnEnvelope() {
        byte[] v1 = Json.write(page());
        assertFalse(RawPageEnvelope.isEnvelope(v1));
        RawPage back = Json.readRawPage(v1);
        assertEquals(SchemaVersions.RAW_PAGE, back.schemaVersion());
        assertArrayEquals(BODY, back.body());
    }

    @Test
    void metadataFollowsTheV2SchemaFile() throws Exception {
        byte[] value = RawPageEnvelope.write(page());
        int n = ByteBuffer.wrap(value, 4, 4).getInt();
        JsonNode meta = Json.MAPPER.readTree(new String(value, 8, n, StandardCharsets.UTF_8));
        JsonNode schema;
        try (var in = getClass().getResourceAsStream("/schemas/raw-page.v2.schema.json")) {
            schema = Json.MAPPER.readTree(in);
        }
        java.util.Set<String> fields = new java.util.TreeSet<>();
        meta.fieldNames().forEachRemaining(fields::add);
        java.util.Set<String> documented = new java.util.TreeSet<>();
        schema.get("properties").fieldNames().forEachRemaining(documented::add);
        assertEquals(documented, fields);
        schema.get("required").forEach(r -> assertTrue(meta.has(r.asText()), r.asText()));
        assertEquals(0, value[0]);
        assertEquals('N', value[1]);
        assertEquals('W', value[2]);
        assertEquals(2, value[3]);
    }

    @Test
    void newerVersionsAreRejectedAsUnsupported() {
        byte[] value = RawPageEnvelope.write(page());
        value[3] = 3;
        assertEquals("unsupported-schema-version", assertThrows(PayloadException.class, () -> Json.readRawPage(value)).reason());
    }

    @Test
    void jsonClaimingVersion2IsRejected() {
        // v2 exists only as the envelope
        byte[] json = ("{\"schemaVersion\":2,\"url\":\"https://e.com/\",\"fetchedAt\":\"2026-01-01T00:00:00Z\","
                + "\"httpStatus\":200,\"body\":\"\"}").getBytes(StandardCharsets.UTF_8);
        assertEquals("unsupported-schema-version", assertThrows(PayloadException.class, () -> Json.readRawPage(json)).reason());
    }

    @Test
    void truncatedOrBrokenEnvelopesAreClearErrors() {
        byte[] value = RawPageEnvelope.write(page());
        assertEquals("invalid-field", assertThrows(PayloadException.class,
                () -> Json.readRawPage(Arrays.copyOf(value, 6))).reason());
        assertEquals("invalid-field", assertThrows(PayloadException.class,
                () -> Json.readRawPage(Arrays.copyOf(value, 20))).reason());
        byte[] badMeta = value.clone();
        badMeta[8] = 'x';
        assertEquals("invalid-json", assertThrows(PayloadException.class, () -> Json.readRawPage(badMeta)).reason());
        byte[] noUrl = RawPageEnvelope.write(new RawPage(1, "not a url", Instant.EPOCH, 200, Map.of(), BODY, "t"));
        assertEquals("invalid-field", assertThrows(PayloadException.class, () -> Json.readRawPage(noUrl)).reason());
    }
}
