package dev.newswire.ingest.source;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/** Whether a response is an HTML page: by its Content-Type, or by its first bytes when it has none. */
final class HtmlContent {

    /** Media types that are pages; everything else (images, PDFs, CSS, feeds, JSON) is skipped as not-html. */
    static final Set<String> HTML_TYPES = Set.of("text/html", "application/xhtml+xml");
    private static final int SNIFF_BYTES = 512;

    private HtmlContent() {
    }

    static boolean isHtml(String contentType, byte[] body) {
        if (contentType != null && !contentType.isBlank()) {
            String base = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            return HTML_TYPES.contains(base);
        }
        String head = new String(body, 0, Math.min(body.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1)
                .stripLeading().toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html") || head.contains("<html");
    }
}
