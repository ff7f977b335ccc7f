package dev.newswire.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A page as a crawler fetched it: the value of {@link Topics#RAW}. Schema: {@code schemas/raw-page.v1.schema.json}.
 *
 * @param schemaVersion {@link SchemaVersions#RAW_PAGE}
 * @param url           the URL the page was fetched from
 * @param fetchedAt     when it was fetched
 * @param httpStatus    the HTTP status of the response
 * @param headers       response headers, names lower-cased, repeated headers joined by ", "
 * @param body          the response body exactly as received (base64 in JSON)
 * @param crawler       the name of the crawler or feeder that sent it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RawPage(int schemaVersion, String url, Instant fetchedAt, int httpStatus,
                      Map<String, String> headers, byte[] body, String crawler) {

    public RawPage {
        headers = lowerCaseNames(headers);
    }

    /** A page with the current schema version. */
    public static RawPage of(String url, Instant fetchedAt, int httpStatus, Map<String, String> headers,
                             byte[] body, String crawler) {
        return new RawPage(SchemaVersions.RAW_PAGE, url, fetchedAt, httpStatus, headers, body, crawler);
    }

    /** The Content-Type response header, or null. */
    @JsonIgnore
    public String contentType() {
        return headers.get("content-type");
    }

    private static Map<String, String> lowerCaseNames(Map<String, String> headers) {
        Map<String, String> out = new TreeMap<>();
        if (headers != null) {
            headers.forEach((k, v) -> {
                if (k != null && v != null) {
                    out.merge(k.toLowerCase(Locale.ROOT), v, (a, b) -> a + ", " + b);
                }
            });
        }
        return out;
    }
}
