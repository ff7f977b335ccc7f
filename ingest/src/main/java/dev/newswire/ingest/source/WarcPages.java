package dev.newswire.ingest.source;

import dev.newswire.ingest.KeyedPage;
import dev.newswire.model.PayloadException;
import dev.newswire.model.RawPage;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;

/**
 * Reads pages from a WARC file (1.0 or 1.1, whole-file or per-record gzip, detected by jwarc) one record at a time:
 * the file is never loaded whole, and one page body at most is in memory.
 * <ul>
 *   <li>{@code response} records of HTTP(S) captures with status 2xx and an HTML body become pages: URL = WARC
 *       target URI, fetched at = WARC-Date, the HTTP status and headers, the body with transfer and content
 *       encodings removed (so {@code content-encoding}/{@code transfer-encoding}/{@code content-length} are
 *       dropped from the headers: they described the bytes on the wire, not the body we publish).</li>
 *   <li>{@code revisit} records are skipped (reason {@code revisit}): they carry no payload, only a pointer to an
 *       earlier capture with the same content, which was published when it was read. Publishing them would need
 *       that earlier payload, and would only add a later fetch time of content we already have.</li>
 *   <li>Everything else is skipped with a reason: {@code warc-request}, {@code warc-metadata}, {@code warc-warcinfo},
 *       {@code warc-resource}, …; {@code not-http} (dns: and other schemes), {@code not-html}, {@code http-NNN}
 *       (redirects, errors: no article in them), {@code too-large}, {@code invalid-field} (a target URL that is
 *       not an absolute http(s) URL), {@code malformed-record}.</li>
 * </ul>
 */
public final class WarcPages {

    /** Headers that describe the transferred bytes, not the decoded body we publish. */
    static final Set<String> WIRE_HEADERS = Set.of("content-encoding", "transfer-encoding", "content-length");

    private final int maxPageBytes;
    private final String crawler;

    /**
     * @param maxPageBytes larger bodies are skipped as too-large
     * @param crawler      crawler name recorded on the pages
     */
    public WarcPages(int maxPageBytes, String crawler) {
        this.maxPageBytes = maxPageBytes;
        this.crawler = crawler;
    }

    /**
     * Reads every record of {@code reader} and hands pages and skips to {@code sink}.
     *
     * @param onRecord told after each record, with the reader's byte position (for progress)
     */
    public void read(WarcReader reader, PageSink sink, java.util.function.LongConsumer onRecord) throws IOException {
        reader.setLenient(true); // crawlers write slightly off-spec headers; a strict parser would stop the file
        Optional<WarcRecord> next;
        while ((next = reader.next()).isPresent()) {
            WarcRecord record = next.get();
            KeyedPage page;
            try {
                RawPage raw = pageOf(record, sink);
                page = raw == null ? null : KeyedPage.of(raw);
            } catch (PayloadException e) {
                sink.skip(e.reason(), record.type() + " record at byte " + record.position() + ": " + e.getMessage());
                page = null;
            } catch (IOException | RuntimeException e) {
                sink.skip("malformed-record", record.type() + " record at byte " + record.position() + ": " + e.getMessage());
                page = null;
            }
            // Outside the try: a failure to publish is not a malformed record and must stop the run.
            if (page != null) {
                sink.page(page);
            }
            onRecord.accept(reader.position());
        }
    }

    /** The page in {@code record}, or null when it is skipped (told to {@code sink} with its reason). */
    private RawPage pageOf(WarcRecord record, PageSink sink) throws IOException {
        if (record instanceof WarcRevisit revisit) {
            sink.skip("revisit", revisit.target() + " (same content as an earlier capture)");
            return null;
        }
        if (!(record instanceof WarcResponse response)) {
            sink.skip("warc-" + record.type().toLowerCase(Locale.ROOT), record.type() + " record");
            return null;
        }
        String target = response.target();
        if (!isHttp(target) || !isHttpMessage(response)) {
            sink.skip("not-http", target);
            return null;
        }
        HttpResponse http = response.http();
        int status = http.status();
        if (status < 200 || status >= 300) {
            sink.skip("http-" + status, target);
            return null;
        }
        Map<String, String> headers = headers(http.headers().map());
        String contentType = headers.get("content-type");
        if (contentType != null && !HtmlContent.isHtml(contentType, new byte[0])) {
            sink.skip("not-html", target + " (" + contentType + ")");
            return null;
        }
        byte[] body;
        try (InputStream in = http.bodyDecoded().stream()) {
            body = in.readNBytes(maxPageBytes + 1);
        }
        if (body.length > maxPageBytes) {
            sink.skip("too-large", target + " (over " + maxPageBytes + " bytes)");
            return null;
        }
        if (contentType == null && !HtmlContent.isHtml(null, body)) {
            sink.skip("not-html", target + " (no content type, not HTML by its first bytes)");
            return null;
        }
        return RawPage.of(target, response.date(), status, headers, body, crawler);
    }

    private static boolean isHttp(String target) {
        String t = target.toLowerCase(Locale.ROOT);
        return t.startsWith("http://") || t.startsWith("https://");
    }

    private static boolean isHttpMessage(WarcResponse response) {
        MediaType type = response.contentType();
        return type != null && "application".equals(type.type()) && "http".equals(type.subtype());
    }

    private static Map<String, String> headers(Map<String, List<String>> raw) {
        Map<String, String> out = new LinkedHashMap<>();
        raw.forEach((name, values) -> {
            String n = name.toLowerCase(Locale.ROOT);
            if (!WIRE_HEADERS.contains(n)) {
                out.merge(n, String.join(", ", values), (a, b) -> a + ", " + b);
            }
        });
        return out;
    }
}
